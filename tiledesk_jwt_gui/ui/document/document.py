"""The inspection as one observable object: every user intent is a method, every change a
signal. No widget writes into another widget: a pane calls a method here, the document asks the
core for the next :class:`Draft` and the verdict, and every pane redraws what changed.

``changed(changes, origin)`` names what changed (a frozenset of :class:`Change`) and which
object asked (a pane passes itself, so it does not rewrite the field being typed in); it comes
before ``verdictChanged``. ``ticked`` says the clock moved (countdowns). The document owns the
timers (the tick, and the single-shot boundary timer that judges again the instant the verdict
changes in time) and the worker that judges big tokens and reads keys off the GUI thread. Its
companions (``CodeSamples``, ``ProjectBook``, ``SignatureDiagnosis``…) are its children, each
made on first use by its ``of(document)``: the first frame needs none of them. QtCore only.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import partial

from PySide6.QtCore import QObject, Signal, Slot

from ...core import (
    ALL_ALGORITHMS,
    DEMO_SECRET,
    FORM_CLAIMS,
    MAX_TOKEN_CHARS,
    ClaimValue,
    Draft,
    Inspection,
    JSONValue,
    KeyChoice,
    Mode,
    Profile,
    TimeWindow,
    Verdict,
    back_to_pasted,
    check_leeway,
    compose,
    demo_private_key,
    describe_times,
    edit_claim,
    edit_header_text,
    edit_other_claims,
    edit_payload_text,
    inspect_token,
    judge_draft,
    sample_draft,
    take_token,
    time_window,
    with_algorithm,
    with_header_param,
    with_problem,
    with_project_text,
    with_token_read,
)
from ...core import load_key_text as _load_key_text
from .changes import EVERYTHING, Change
from .clock import VerdictClock
from .keyring import KeyRing, read_keys
from .worker import Worker

__all__ = ["LARGE_INPUT_CHARS", "Change", "InspectorDocument", "load_key_text"]

LARGE_INPUT_CHARS = 64 * 1024
"""Longer tokens are judged on the worker thread (a normal token takes well under 1 ms)."""
load_key_text = _load_key_text
"""The core's key reader, called on the worker thread (a name here, so tests can watch it)."""


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
        self.keyring = KeyRing()
        """The key inputs and the keys read from them (never written anywhere)."""
        self._judged = 0
        self._last_read: tuple[str, Draft] | None = None  # the token text read, and the draft
        self.worker = Worker(self)
        self.worker.finished.connect(self._on_worker_finished)
        self.timers = VerdictClock(
            clock, tick_interval_ms, self.on_time_boundary, self.on_tick, parent=self
        )
        self.boundary_timer = self.timers.boundary_timer
        self.tick_timer = self.timers.tick_timer

    # --- what the panes read ---------------------------------------------------------------

    @property
    def keys(self) -> KeyChoice:
        """The keys for the draft's algorithm, from what was entered."""
        return self.keyring.choice(self.draft.algorithm)

    @property
    def busy(self) -> bool:
        """Whether work is under way on the worker (a large token, a key being read)."""
        return self.worker.busy or self.keyring.busy

    @property
    def problems(self) -> Mapping[str, str]:
        """What the form and the JSON editors hold that cannot be signed, by place."""
        return self.draft.problems

    def secret_texts(self) -> list[str]:
        """The secret and private key entered, for keeping them out of error reports."""
        return self.keyring.texts()

    def token_to_copy(self) -> str | None:
        """The token to copy: the one shown, when it is up to date and judged."""
        verdict = self.verdict
        if verdict is None or not self.draft.copyable:
            return None
        if verdict.inspection.original != self.draft.token:
            return None
        return verdict.inspection.token or None

    def time_window(self, now: float | None = None) -> TimeWindow | None:
        """Validity in time as of ``now`` (default: the clock), the one answer every view reads."""
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
        """``text`` typed, pasted or dropped in the token pane: judged as it is, and checked."""
        if text == self.draft.token and self.draft.mode is Mode.CHECKING:
            return
        self.draft = take_token(self.draft, text)
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
        self._check(None, {Change.TOKEN, Change.MODE, Change.PROBLEMS})

    def keep_token(self) -> None:
        """Stop re-signing: check the token shown as it is."""
        self.draft = take_token(self.draft, self.draft.token)
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
        self.draft = sample_draft(self.draft, self.clock())
        self.keyring.set_secret(DEMO_SECRET, base64_encoded=False)
        self._compose(None, set(EVERYTHING))

    # --- the form and the JSON ---------------------------------------------------------------

    def edit_claim(
        self, name: str, value: ClaimValue, *, problem: str | None = None, origin: object = None
    ) -> None:
        """A claim field changed: ``value`` (or ``ABSENT``), or ``problem`` when what was typed
        cannot be a value (the token then waits, marked out of date)."""
        self.draft = edit_claim(self.draft, name, value, problem)
        self._compose(origin, {Change.PAYLOAD, Change.PROBLEMS})

    def edit_other_claims(
        self,
        others: dict[str, JSONValue] | None,
        *,
        problem: str | None = None,
        origin: object = None,
    ) -> None:
        """The other-claims editor changed: every claim without a field of its own."""
        self.draft = edit_other_claims(self.draft, FORM_CLAIMS, others, problem)
        self._compose(origin, {Change.PAYLOAD, Change.PROBLEMS})

    def edit_payload_json(self, text: str, origin: object = None) -> None:
        self.draft = edit_payload_text(self.draft, text)
        self._compose(origin, {Change.PAYLOAD, Change.PROBLEMS})

    def edit_header_json(self, text: str, origin: object = None) -> None:
        self.draft = edit_header_text(self.draft, text)
        self._compose(origin, {Change.HEADER, Change.ALGORITHM, Change.KEYS, Change.PROBLEMS})

    def choose_algorithm(self, algorithm: str, origin: object = None) -> None:
        self.draft = with_algorithm(with_problem(self.draft, "header", None), algorithm)
        self._compose(origin, {Change.HEADER, Change.ALGORITHM, Change.KEYS})

    def edit_header_param(self, name: str, value: ClaimValue, origin: object = None) -> None:
        draft = with_problem(self.draft, "header", None)
        self.draft = with_header_param(draft, name, value)
        self._compose(origin, {Change.HEADER})

    # --- what the verdict is asked against ------------------------------------------------------

    def set_project_text(self, text: str, origin: object = None) -> None:
        """The project id field (a pasted dashboard URL gives the id in it; while composing, a
        new id moves ``aud`` and the ``_id`` prefix with it)."""
        before = self.draft
        self.draft = with_project_text(before, text)
        if self.draft.project_text != text:
            origin = None  # the field shows the id the text held
        changes = {Change.PROJECT}
        if self.draft.mode is Mode.CHECKING:
            self._check(origin, changes)
            return
        if self.draft.payload != before.payload:
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
        if text == self.keyring.secret_text:
            return
        self.keyring.set_secret(text)
        self._keys_changed(origin)

    def set_secret_base64(self, encoded: bool, origin: object = None) -> None:
        if encoded == self.keyring.secret_base64:
            return
        self.keyring.set_secret(self.keyring.secret_text, base64_encoded=encoded)
        self._keys_changed(origin)

    def set_public_key(self, text: str, origin: object = None) -> None:
        """The key that verifies: read on the worker, once per change of the text."""
        if text != self.keyring.public_text:
            self._read_key("public", text, origin)

    def set_private_key(self, text: str, origin: object = None) -> None:
        """The key that signs (its public half verifies when no public key is given)."""
        if text != self.keyring.private_text:
            self._read_key("private", text, origin)

    def use_demo_key(self) -> None:
        """The embedded demo private key for the algorithm chosen (the public one is emptied)."""
        pem = demo_private_key(self.draft.algorithm)
        if pem is None:
            return
        self.keyring.forget_public()
        self.set_private_key(pem)

    def forget_secrets(self) -> None:
        """Forget the secret and the private key, as the person asked."""
        self.clear_secrets()
        self._keys_changed(None)
        self.message.emit("The secret and the private key are cleared")

    def clear_secrets(self) -> None:
        """Forget the secret and the private key without judging again (the window closes)."""
        self.keyring.forget_secrets()
        self.changed.emit(frozenset({Change.KEYS}), None)

    # --- time ------------------------------------------------------------------------------------

    def set_ticking(self, ticking: bool) -> None:
        """Run the one-second tick while the window is shown (and the token has times)."""
        self.timers.arm(self.verdict, ticking=ticking)

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
        self.timers.stop()
        for worker in self.findChildren(Worker):  # its own, and its companions' (the book's)
            worker.shutdown()

    # --- inside ----------------------------------------------------------------------------------

    def notify(self, text: str) -> None:
        """Say ``text`` in the status bar (a paste refused, a copy made)."""
        self.message.emit(text)

    def _read_key(self, which: str, text: str, origin: object) -> None:
        generation = self.keyring.start_reading(which, text)
        if generation is None:
            self._keys_changed(origin)
            return
        self.changed.emit(frozenset({Change.KEYS}), origin)
        self.worker.submit(which, generation, partial(read_keys, load_key_text, text))

    def _keys_changed(self, origin: object) -> None:
        if self.draft.mode is Mode.COMPOSING:
            self._compose(origin, {Change.KEYS})
        else:
            self._check(origin, {Change.KEYS})

    def _compose(self, origin: object, changes: set[Change]) -> None:
        """The form is the source: sign it into the token, then judge that."""
        self.draft = compose(self.draft, self.keys)
        self.inspection = None
        self._check(origin, changes | {Change.TOKEN, Change.MODE})

    def _check(self, origin: object, changes: set[Change]) -> None:
        """Judge the token shown: here, or on the worker when it is very large."""
        self._judged += 1
        draft, keys, now = self.draft, self.keys, self.clock()
        text = draft.token
        if self.large_input_chars < len(text) <= MAX_TOKEN_CHARS:
            self.inspection = None
            self.changed.emit(frozenset(changes), origin)
            self.pending.emit("Checking a large input…")
            job = partial(judge_draft, draft, keys, now)
            self.worker.submit("judge", self._judged, job)
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
        if self._last_read == (inspection.original, self.draft):
            return set()  # this draft was read from this text: only a key or a setting changed
        before = self.draft.algorithm
        self.draft = with_token_read(self.draft, inspection)
        self._last_read = (inspection.original, self.draft)
        alg = inspection.algorithm
        known = alg if isinstance(alg, str) and alg in ALL_ALGORITHMS else self.draft.algorithm
        changes = {Change.HEADER, Change.PAYLOAD, Change.ALGORITHM}
        return changes | {Change.KEYS} if known != before else changes

    def _show(self, verdict: Verdict) -> None:
        if verdict.inspection.original != self.draft.token:
            return
        self.verdict = verdict
        self.timers.arm(verdict)
        self.verdictChanged.emit()

    @Slot(str, int, object)
    def _on_worker_finished(self, lane: str, generation: int, result: object) -> None:
        if isinstance(result, Exception):
            self.pending.emit("This input could not be checked (an internal error)")
            raise result  # reported by the exception hook (and failing the tests)
        if lane != "judge":
            if isinstance(result, tuple) and self.keyring.finish_reading(lane, generation, result):
                self._keys_changed(None)
            return
        if generation != self._judged:
            return
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
