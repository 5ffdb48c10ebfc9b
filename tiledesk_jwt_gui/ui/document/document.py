"""The inspection as one observable object: every user intent is a method, every change a
signal. No widget writes into another widget: a pane calls a method here, the document asks the
core for the next :class:`Draft` and the verdict, and every pane redraws what changed.

``changed(changes, origin)`` names what changed (a frozenset of :class:`Change`) and which
object asked (a pane passes itself, so it does not rewrite the field being typed in); it comes
before ``verdictChanged``. ``ticked`` says the clock moved (countdowns). The document owns the
timers (the tick, and the single-shot boundary timer that judges again the instant the verdict
changes in time) and the worker that judges big tokens and reads keys off the GUI thread.

Only QtCore is imported here (a test checks it): the document runs without any widget.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import replace
from enum import StrEnum
from functools import partial

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from ...core import (
    ALL_ALGORITHMS,
    DEMO_PROJECT_ID,
    DEMO_SECRET,
    FORM_CLAIMS,
    MAX_TOKEN_CHARS,
    ClaimValue,
    Draft,
    Inspection,
    JsonProblem,
    JSONValue,
    Key,
    KeyChoice,
    KeyLoadError,
    KeyNote,
    Mode,
    Profile,
    TimeWindow,
    Verdict,
    back_to_pasted,
    check_leeway,
    choose_keys,
    compose,
    demo_claims,
    demo_private_key,
    describe_times,
    inspect_token,
    judge_draft,
    key_status,
    parse_json,
    project_field,
    retarget_project,
    secret_key,
    secret_note,
    signing_key,
    take_token,
    time_window,
    token_project_id,
    with_algorithm,
    with_claim,
    with_header,
    with_header_param,
    with_others,
    with_payload,
    with_token_read,
)
from ...core import load_key_text as _load_key_text
from .worker import Worker

__all__ = ["LARGE_INPUT_CHARS", "Change", "InspectorDocument", "load_key_text"]

LARGE_INPUT_CHARS = 64 * 1024
"""Longer tokens are judged on the worker thread (a normal token takes well under 1 ms)."""
MAX_TIMER_MS = 24 * 3600 * 1000
"""A boundary further away is re-armed when this (one day) elapses."""

load_key_text = _load_key_text
"""The core's key reader, called on the worker thread (a name here, so tests can watch it)."""


class Change(StrEnum):
    """What a ``changed`` signal is about."""

    TOKEN = "token"  # noqa: S105 (a part of the document)
    HEADER = "header"
    PAYLOAD = "payload"
    ALGORITHM = "algorithm"
    KEYS = "keys"
    PROJECT = "project"
    CHECKS = "checks"
    MODE = "mode"
    PROBLEMS = "problems"


EVERYTHING = frozenset(Change)


class InspectorDocument(QObject):
    """The inspection. ``clock`` gives the time in Unix seconds (tests pass their own); the
    intervals come from the constructor so tests can drive the timers."""

    changed = Signal(object, object)
    verdictChanged = Signal()
    pending = Signal(str)
    ticked = Signal()
    message = Signal(str)

    def __init__(
        self,
        *,
        clock: Callable[[], float] = time.time,
        tick_interval_ms: int = 1000,
        large_input_chars: int = LARGE_INPUT_CHARS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.large_input_chars = large_input_chars
        self.draft = Draft()
        self.verdict: Verdict | None = None
        self.inspection: Inspection | None = None
        """The shown token, read (``None`` until it is, for a large one)."""
        self.problems: dict[str, str] = {}
        """What the form and the JSON editors hold that cannot be signed, by place."""
        self.secret_text = ""
        self.secret_base64 = False
        self.public_text = ""
        self.private_text = ""
        self._secret: Key | None = None
        self._secret_problem: str | None = None
        self._public: tuple[Key, ...] = ()
        self._public_problem: str | None = None
        self._private: Key | None = None
        self._private_problem: str | None = None
        self._reading: set[str] = set()
        self._generations: dict[str, int] = {"judge": 0, "public": 0, "private": 0}
        self._ticking = False

        self.worker = Worker(self)
        self.worker.finished.connect(self._on_worker_finished)
        self.boundary_timer = QTimer(self)
        self.boundary_timer.setObjectName("boundaryTimer")
        self.boundary_timer.setSingleShot(True)
        self.boundary_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.boundary_timer.timeout.connect(self.on_time_boundary)
        self.tick_timer = QTimer(self)
        self.tick_timer.setObjectName("tickTimer")
        self.tick_timer.setInterval(tick_interval_ms)
        self.tick_timer.timeout.connect(self.on_tick)

    # --- what the panes read ---------------------------------------------------------------

    @property
    def keys(self) -> KeyChoice:
        """The keys for the draft's algorithm, from what was entered."""
        return choose_keys(
            self.draft.algorithm,
            secret=self._secret,
            secret_problem=self._secret_problem,
            public=self._public,
            public_problem=self._public_problem,
            private=self._private,
            private_problem=self._private_problem,
        )

    @property
    def busy(self) -> bool:
        """Whether work is under way on the worker (a large token, a key being read)."""
        return self.worker.busy or bool(self._reading)

    def reading(self, which: str) -> bool:
        """Whether the ``public`` or ``private`` key is being read."""
        return which in self._reading

    def secret_note(self) -> KeyNote:
        return secret_note(self._secret, self.secret_text, self.draft.algorithm)

    def secret_problem(self) -> str | None:
        return self._secret_problem

    def public_status(self) -> KeyNote:
        if "public" in self._reading:
            return KeyNote("Reading the key…")
        return key_status(
            self._public, self._public_problem, "Empty: the private key's public half verifies."
        )

    def private_status(self) -> KeyNote:
        if "private" in self._reading:
            return KeyNote("Reading the key…")
        keys = (self._private,) if self._private else ()
        return key_status(keys, self._private_problem, "Empty: composed tokens cannot be signed.")

    def secret_texts(self) -> list[str]:
        """The secret and private key entered, for keeping them out of error reports."""
        return [t for t in (self.secret_text, self.private_text) if t.strip()]

    def token_to_copy(self) -> str | None:
        """The token to copy: the one shown, when it is up to date and judged."""
        verdict = self.verdict
        if verdict is None or not self.draft.copyable:
            return None
        if verdict.inspection.original != self.draft.token:
            return None
        return verdict.inspection.token or None

    def time_window(self, now: float | None = None) -> TimeWindow | None:
        """Validity in time as of ``now`` (default: the clock): the one answer the banner, the
        timeline, the countdown and the boundary timer read."""
        verdict = self.verdict
        if verdict is None:
            return None
        moment = self.clock() if now is None else now
        return time_window(
            describe_times(verdict.times, moment),
            moment,
            verdict.leeway,
            whole_seconds=verdict.profile is Profile.TILEDESK,
        )

    # --- the token ----------------------------------------------------------------------------

    def edit_token(self, text: str, origin: object = None) -> None:
        """The person typed, pasted or dropped ``text`` in the token pane: it is judged as it
        is and becomes the token being checked."""
        if text == self.draft.token and self.draft.mode is Mode.CHECKING:
            return
        self.draft = take_token(self.draft, text)
        self.problems.clear()
        self._check(origin, {Change.TOKEN, Change.MODE, Change.PROBLEMS})

    def paste_token(self, text: str) -> None:
        """Replace the token with ``text`` (the Paste action): the pane shows it too."""
        self.edit_token(text, None)

    def start_composing(self) -> None:
        """Re-sign the form's header and payload with the key given (on purpose)."""
        self._compose(None, {Change.MODE})

    def back_to_pasted(self) -> None:
        """Show the pasted token again, as pasted (nothing happens without one)."""
        if not self.draft.can_go_back:
            return
        self.draft = back_to_pasted(self.draft)
        self.problems.clear()
        self._check(None, {Change.TOKEN, Change.MODE, Change.PROBLEMS})

    def keep_token(self) -> None:
        """Stop re-signing: check the token shown as it is."""
        self.draft = take_token(self.draft, self.draft.token)
        self.problems.clear()
        self._check(None, {Change.TOKEN, Change.MODE, Change.PROBLEMS})

    def switch_mode(self) -> None:
        """The mode bar's one button: compose from a checked token, go back to the pasted one,
        or keep a composed one."""
        if self.draft.mode is Mode.CHECKING:
            self.start_composing()
        elif self.draft.can_go_back:
            self.back_to_pasted()
        else:
            self.keep_token()

    def load_sample(self) -> None:
        """The embedded sample, composed and signed with the demo secret: the job done. The
        project id field is left as it is (a demo id is never "your project")."""
        project = project_field(self.draft.project_text).project_id
        payload: JSONValue = demo_claims(int(self.clock()))
        if project is not None:
            payload = retarget_project(payload, DEMO_PROJECT_ID, project) or payload
        self.draft = Draft(
            project_text=self.draft.project_text,
            profile=self.draft.profile,
            leeway=self.draft.leeway,
            payload=payload,
        )
        self.problems.clear()
        self.secret_base64 = False
        self._set_secret_text(DEMO_SECRET)
        self._compose(None, set(EVERYTHING))

    # --- the form and the JSON ---------------------------------------------------------------

    def edit_claim(
        self, name: str, value: ClaimValue, *, problem: str | None = None, origin: object = None
    ) -> None:
        """A claim field changed: ``value`` (or ``ABSENT``), or ``problem`` when what was typed
        cannot be a value (the token then waits, marked out of date)."""
        self._note_problem(f"claim:{name}", problem)
        self._note_problem("payload", None)  # the payload editor now follows the form
        if problem is None:
            self.draft = with_payload(self.draft, with_claim(self.draft.payload, name, value))
        self._compose(origin, {Change.PAYLOAD, Change.PROBLEMS})

    def edit_other_claims(
        self,
        others: dict[str, JSONValue] | None,
        *,
        problem: str | None = None,
        origin: object = None,
    ) -> None:
        """The other-claims editor changed: every claim without a field of its own."""
        self._note_problem("claim:other", problem)
        self._note_problem("payload", None)
        if others is not None and problem is None:
            payload = with_others(self.draft.payload, FORM_CLAIMS, others)
            self.draft = with_payload(self.draft, payload)
        self._compose(origin, {Change.PAYLOAD, Change.PROBLEMS})

    def edit_payload_json(self, text: str, origin: object = None) -> None:
        value = parse_json(text)
        if isinstance(value, JsonProblem):
            self._note_problem("payload", f"the payload is not JSON: {value.message}")
        else:
            self._note_problem("payload", None)
            self._forget_form_problems()  # the form now follows the payload editor
            self.draft = with_payload(self.draft, value)
        self._compose(origin, {Change.PAYLOAD, Change.PROBLEMS})

    def edit_header_json(self, text: str, origin: object = None) -> None:
        value = parse_json(text)
        if isinstance(value, JsonProblem):
            self._note_problem("header", f"the header is not JSON: {value.message}")
        elif not isinstance(value, dict):
            self._note_problem("header", "the header must be a JSON object: { … }")
        else:
            self._note_problem("header", None)
            self.draft = with_header(self.draft, value)
        self._compose(origin, {Change.HEADER, Change.ALGORITHM, Change.KEYS, Change.PROBLEMS})

    def choose_algorithm(self, algorithm: str, origin: object = None) -> None:
        self._note_problem("header", None)
        self.draft = with_algorithm(self.draft, algorithm)
        self._compose(origin, {Change.HEADER, Change.ALGORITHM, Change.KEYS})

    def edit_header_param(self, name: str, value: ClaimValue, origin: object = None) -> None:
        self._note_problem("header", None)
        self.draft = with_header_param(self.draft, name, value)
        self._compose(origin, {Change.HEADER})

    # --- what the verdict is asked against ------------------------------------------------------

    def set_project_text(self, text: str, origin: object = None) -> None:
        """The project id field. While composing, a new id moves ``aud`` and the ``_id`` prefix
        from the project they named; a pasted dashboard URL gives the id in it."""
        before = project_field(self.draft.project_text).project_id or token_project_id(
            self.draft.payload
        )
        read = project_field(text)
        if read.found_in is not None and read.project_id is not None:
            text, origin = read.project_id, None  # the field shows the id, not the URL
        self.draft = replace(self.draft, project_text=text)
        changes = {Change.PROJECT}
        if self.draft.mode is Mode.CHECKING:
            self._check(origin, changes)
            return
        after = read.project_id
        moved = retarget_project(self.draft.payload, before, after) if before and after else None
        if moved is not None:
            self.draft = with_payload(self.draft, moved)
            changes.add(Change.PAYLOAD)
        self._compose(origin, changes)

    def set_profile(self, profile: Profile, origin: object = None) -> None:
        if profile is self.draft.profile:
            return
        self.draft = replace(self.draft, profile=profile)
        self._check(origin, {Change.CHECKS})

    def set_leeway(self, seconds: float, origin: object = None) -> str | None:
        """Judge with ``seconds`` of clock tolerance; a value that cannot be one (NaN, infinite,
        negative, over a day) is refused: the answer says why, and nothing changes."""
        problem = check_leeway(seconds)
        if problem is not None:
            return problem
        if seconds != self.draft.leeway:
            self.draft = replace(self.draft, leeway=float(seconds))
            self._check(origin, {Change.CHECKS})
        return None

    # --- keys ------------------------------------------------------------------------------------

    def set_secret(self, text: str, origin: object = None) -> None:
        """The secret as typed (a person's HMAC secret; it never leaves the document)."""
        if text == self.secret_text:
            return
        self._set_secret_text(text)
        self._keys_changed(origin)

    def set_secret_base64(self, encoded: bool, origin: object = None) -> None:
        if encoded == self.secret_base64:
            return
        self.secret_base64 = encoded
        self._set_secret_text(self.secret_text)
        self._keys_changed(origin)

    def set_public_key(self, text: str, origin: object = None) -> None:
        """The key that verifies: read on the worker, once per change of the text."""
        if text == self.public_text:
            return
        self.public_text = text
        self._read_key("public", text, origin)

    def set_private_key(self, text: str, origin: object = None) -> None:
        """The key that signs (its public half verifies when no public key is given)."""
        if text == self.private_text:
            return
        self.private_text = text
        self._read_key("private", text, origin)

    def use_demo_key(self) -> None:
        """The embedded demo private key for the algorithm chosen (the public one is emptied)."""
        pem = demo_private_key(self.draft.algorithm)
        if pem is None:
            return
        self.public_text = ""
        self._public, self._public_problem = (), None
        self.set_private_key(pem)

    def forget_secrets(self) -> None:
        """Forget the secret and the private key, as the person asked."""
        self.clear_secrets()
        self._keys_changed(None)
        self.message.emit("The secret and the private key are cleared")

    def clear_secrets(self) -> None:
        """Forget the secret and the private key without a word (the window is closing)."""
        self._generations["private"] += 1
        self._reading.discard("private")
        self.secret_text, self.private_text = "", ""
        self._secret, self._secret_problem = None, None
        self._private, self._private_problem = None, None
        self.changed.emit(frozenset({Change.KEYS}), None)

    # --- time ------------------------------------------------------------------------------------

    def set_ticking(self, ticking: bool) -> None:
        """Run the one-second tick while the window is shown (and the token has times)."""
        self._ticking = ticking
        self._arm_timers()

    @Slot()
    def on_tick(self) -> None:
        window = self.time_window()
        if window is None:
            return
        verdict = self.verdict
        change = verdict.next_change if verdict is not None else None
        if change is not None and window.now >= change:
            self.on_time_boundary()
            return
        self.ticked.emit()

    @Slot()
    def on_time_boundary(self) -> None:
        """nbf or exp (leeway included) has just been crossed: judge again, unchanged."""
        if self.verdict is not None:
            self._check(None, set())

    def shutdown(self) -> None:
        self.boundary_timer.stop()
        self.tick_timer.stop()
        self.worker.shutdown()

    # --- inside ----------------------------------------------------------------------------------

    def notify(self, text: str) -> None:
        """Say ``text`` in the status bar (a paste refused, a copy made)."""
        self.message.emit(text)

    def _forget_form_problems(self) -> None:
        for place in [p for p in self.problems if p.startswith("claim:")]:
            del self.problems[place]

    def _problem_lines(self) -> list[str]:
        """What cannot be signed, each with where it is ("attributes: …")."""
        lines = []
        for place, problem in self.problems.items():
            where = place.removeprefix("claim:").replace("other", "other claims")
            lines.append(f"{where}: {problem}")
        return lines

    def _note_problem(self, place: str, problem: str | None) -> None:
        if problem is None:
            self.problems.pop(place, None)
        else:
            self.problems[place] = problem

    def _set_secret_text(self, text: str) -> None:
        self.secret_text = text
        self._secret, self._secret_problem = None, None
        if text:
            try:
                self._secret = secret_key(text, base64_encoded=self.secret_base64)
            except KeyLoadError as exc:
                self._secret_problem = str(exc)

    def _read_key(self, which: str, text: str, origin: object) -> None:
        self._generations[which] += 1
        if which == "public":
            self._public, self._public_problem = (), None
        else:
            self._private, self._private_problem = None, None
        if not text.strip():
            self._reading.discard(which)
            self._keys_changed(origin)
            return
        self._reading.add(which)
        self.changed.emit(frozenset({Change.KEYS}), origin)
        self.worker.submit(which, self._generations[which], partial(_read_keys, text))

    def _keys_read(self, which: str, result: object) -> None:
        self._reading.discard(which)
        if isinstance(result, Exception):
            raise result  # reported by the exception hook (and failing the tests)
        keys, problem = result if isinstance(result, tuple) else ((), "the key was not read")
        if which == "public":
            self._public, self._public_problem = keys, problem
        elif problem is not None:
            self._private, self._private_problem = None, problem
        else:
            chosen = signing_key(keys)
            self._private, self._private_problem = (
                (chosen, None) if isinstance(chosen, Key) else (None, chosen)
            )
        self._keys_changed(None)

    def _keys_changed(self, origin: object) -> None:
        if self.draft.mode is Mode.COMPOSING:
            self._compose(origin, {Change.KEYS})
        else:
            self._check(origin, {Change.KEYS})

    def _compose(self, origin: object, changes: set[Change]) -> None:
        """The form is the source: sign it into the token, then judge that."""
        self.draft = compose(self.draft, self.keys, self._problem_lines())
        self.inspection = None
        self._check(origin, changes | {Change.TOKEN, Change.MODE})

    def _check(self, origin: object, changes: set[Change]) -> None:
        """Judge the token shown: here, or on the worker when it is very large."""
        self._generations["judge"] += 1
        draft, keys, now = self.draft, self.keys, self.clock()
        text = draft.token
        if self.large_input_chars < len(text) <= MAX_TOKEN_CHARS:
            self.inspection = None
            self.changed.emit(frozenset(changes), origin)
            self.pending.emit("Checking a large input…")
            job = partial(judge_draft, draft, keys, now)
            self.worker.submit("judge", self._generations["judge"], job)
            return
        inspection = inspect_token(text)
        if draft.mode is Mode.CHECKING:
            changes |= self._read_token(inspection)
            draft, keys = self.draft, self.keys
        self.inspection = inspection
        self.changed.emit(frozenset(changes), origin)
        self._show(judge_draft(draft, keys, now, inspection))

    def _read_token(self, inspection: Inspection) -> set[Change]:
        """The token is the source: the draft takes its header, payload and algorithm."""
        before = self.draft.algorithm
        self.draft = with_token_read(self.draft, inspection)
        alg = inspection.algorithm
        known = alg if isinstance(alg, str) and alg in ALL_ALGORITHMS else self.draft.algorithm
        changes = {Change.HEADER, Change.PAYLOAD, Change.ALGORITHM}
        if known != before:
            changes.add(Change.KEYS)
        return changes

    def _show(self, verdict: Verdict) -> None:
        if verdict.inspection.original != self.draft.token:
            return
        self.verdict = verdict
        self._arm_timers()
        self.verdictChanged.emit()

    def _arm_timers(self) -> None:
        verdict = self.verdict
        change = verdict.next_change if verdict is not None else None
        if change is None:
            self.boundary_timer.stop()
        else:
            wait_ms = math.ceil(max(0.0, change - self.clock()) * 1000) + 1
            self.boundary_timer.start(min(wait_ms, MAX_TIMER_MS))
        if verdict is not None and verdict.times and self._ticking:
            if not self.tick_timer.isActive():
                self.tick_timer.start()
        else:
            self.tick_timer.stop()

    @Slot(str, int, object)
    def _on_worker_finished(self, lane: str, generation: int, result: object) -> None:
        if generation != self._generations.get(lane):
            return
        if lane != "judge":
            self._keys_read(lane, result)
            return
        if isinstance(result, Exception):
            self.pending.emit("This input could not be checked (an internal error)")
            raise result  # reported by the exception hook (and failing the tests)
        if not isinstance(result, Verdict):
            return
        if self.draft.mode is Mode.CHECKING:
            changes = self._read_token(result.inspection)
            self.inspection = result.inspection
            if Change.KEYS in changes:  # the token needs other keys: judge it again with them
                self.changed.emit(frozenset(changes), None)
                self._check(None, set())
                return
            self.changed.emit(frozenset(changes), None)
        else:
            self.inspection = result.inspection
        self._show(result)


def _read_keys(text: str) -> tuple[tuple[Key, ...], str | None]:
    """The keys in ``text``, or why there are none (runs on the worker thread)."""
    try:
        return load_key_text(text), None
    except KeyLoadError as exc:
        return (), str(exc)
