"""The inspector window: paste a token or compose one, and see at once whether its signature
holds, whether Tiledesk would take it, and what is wrong with which claim.

The window works one of two ways (see ``session.Direction``): a pasted token is judged as it is
and the form follows it; an edit of the form, the JSON or the algorithm composes a new token,
signed with the key given. Every answer comes from the core; the window only shows it.

Nothing secret is stored: ``QSettings`` keeps the geometry, the last project id, the profile and
the leeway (``window_settings``); the secret and the private key are cleared when the window
closes. A token longer than ``LARGE_INPUT_CHARS`` is judged on a worker thread and shown as a
read-only preview (``token_edit``). The parts live in their own modules: the token side in
``token_pane``, the JSON tab in ``json_page``, the actions, shortcuts and menus in
``window_actions``, the copy actions in ``copy_bar``; this module wires them to the core.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from functools import partial

from PySide6.QtCore import QEvent, QSettings, QSignalBlocker, Qt, QTimer, Slot
from PySide6.QtGui import (
    QCloseEvent,
    QGuiApplication,
    QHideEvent,
    QShowEvent,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core import (
    ALL_ALGORITHMS,
    DEMO_PROJECT_ID,
    DEMO_SECRET,
    MAX_TOKEN_CHARS,
    PROJECT_ID_PATTERN,
    Issue,
    JsonProblem,
    JSONValue,
    Part,
    Severity,
    TimeInfo,
    Verdict,
    demo_claims,
    describe_time,
    format_duration,
    inspect_token,
    parse_json,
    retarget_project,
)
from .about_box import AboutBox
from .claims_form import NAMED_CLAIMS, OTHER, ClaimsForm
from .icons import app_icon
from .issue_list import IssueList
from .json_page import JsonPage
from .json_text import TOO_DEEP, json_text
from .judge_runner import JudgeRunner
from .project_group import ProjectGroup
from .section_label import section_label
from .session import (
    Direction,
    Session,
    judge_token,
    with_claim,
    with_others,
)
from .token_edit import PREVIEW_OVER_CHARS
from .token_pane import TokenPane
from .tones import Tones, set_text_colour, tones_for
from .verdict_banner import VerdictBanner
from .window_actions import WindowActions, shortcut_text
from .window_settings import SETTINGS_KEYS, StoredState, WindowSettings, scratch_settings

__all__ = ["LARGE_INPUT_CHARS", "SETTINGS_KEYS", "InspectorWindow", "scratch_settings"]

LARGE_INPUT_CHARS = PREVIEW_OVER_CHARS
"""Longer tokens are judged on a worker thread and shown as a preview (a normal token takes well
under 1 ms to judge; 64 KiB about 2 ms, and as long again for Qt to lay out)."""
MAX_TIMER_MS = 24 * 3600 * 1000
"""A boundary further away is re-armed when this (one day) elapses."""
STATUS_MS = 6000


HEADER_PARAMS = ("alg", "typ", "kid")


class Origin(StrEnum):
    """Where an edit came from: that editor is the source and is never rewritten."""

    CLAIMS = "claims"
    PAYLOAD_JSON = "payload_json"
    HEADER_FIELDS = "header_fields"
    HEADER_JSON = "header_json"
    RETARGET = "retarget"
    SAMPLE = "sample"
    OTHER = "other"


def _pretty(value: JSONValue) -> str:
    return json_text(value, indent=2)


class InspectorWindow(QMainWindow):
    """The main window. ``clock`` gives the time in Unix seconds (tests pass their own);
    timers take their intervals from here so tests can drive them."""

    def __init__(
        self,
        settings: QSettings | None = None,
        *,
        clock: Callable[[], float] = time.time,
        tick_interval_ms: int = 1000,
        large_input_chars: int = LARGE_INPUT_CHARS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("inspectorWindow")
        self.setWindowTitle("Tiledesk JWT Inspector")
        self.setWindowIcon(app_icon())
        self._store = WindowSettings(settings if settings is not None else QSettings())
        self._clock = clock
        self._large_input_chars = large_input_chars
        self._tones = tones_for(self.palette())
        self._updating = False
        self._generation = 0
        self._verdict: Verdict | None = None
        self._json_problems: dict[str, str] = {}
        self._last_project: str | None = None
        self.session = Session({"alg": "HS256", "typ": "JWT"}, {}, "HS256")

        self.runner = JudgeRunner(self)
        self.runner.finished.connect(self._on_judged)
        self.boundary_timer = QTimer(self)
        self.boundary_timer.setObjectName("boundaryTimer")
        self.boundary_timer.setSingleShot(True)
        self.boundary_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.boundary_timer.timeout.connect(self._on_time_boundary)
        self.tick_timer = QTimer(self)
        self.tick_timer.setObjectName("tickTimer")
        self.tick_timer.setInterval(tick_interval_ms)
        self.tick_timer.timeout.connect(self._on_tick)

        self._build_ui()
        self._build_actions()
        self._apply_tones()
        self._restore_settings()
        self._load_sample()

    # --- building ------------------------------------------------------------------------------

    def _build_ui(self) -> None:
        tones = self._tones
        central = QWidget(self)
        central.setObjectName("central")
        self.setCentralWidget(central)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        self.banner = VerdictBanner(tones, central)
        self.badge = self.banner.badge
        self.verdict_label = self.banner.verdict_label
        outer.addWidget(self.banner)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, central)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(6)
        outer.addWidget(self.splitter, 1)
        self.splitter.addWidget(self._build_token_side())
        self.splitter.addWidget(self._build_detail_side())
        self.splitter.setStretchFactor(0, 9)
        self.splitter.setStretchFactor(1, 11)
        self.splitter.setSizes([450, 550])

        self.settings_problem_label = QLabel(self)
        self.settings_problem_label.setObjectName("settingsProblemLabel")
        self.settings_problem_label.setAccessibleName("Problem with the settings file")
        self.settings_problem_label.hide()
        self.statusBar().addWidget(self.settings_problem_label, 1)
        self.offline_label = QLabel("Offline: nothing you enter leaves this computer", self)
        self.offline_label.setObjectName("offlineLabel")
        self.statusBar().addPermanentWidget(self.offline_label)
        self.statusBar().setSizeGripEnabled(True)

    def _build_token_side(self) -> QWidget:
        tones = self._tones
        self.token_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.token_splitter.setObjectName("tokenSplitter")
        self.token_splitter.setChildrenCollapsible(False)
        pane = self.token_pane = TokenPane(  # first: the focus and tab order start here
            tones,
            self._token_to_copy,
            preview_over=self._large_input_chars,
            parent=self.token_splitter,
        )
        self.token_edit = pane.token_edit
        self.mode_bar = pane.mode_bar
        self.copy_bar = pane.copy_bar
        self.token_edit.textChanged.connect(self._on_token_changed)
        self.token_edit.pasteRefused.connect(self._on_paste_refused)
        self.mode_bar.switchRequested.connect(self._on_switch_direction)
        self.copy_bar.copied.connect(self._on_copied)

        findings = QWidget(self.token_splitter)
        findings.setObjectName("findingsSide")
        findings_column = QVBoxLayout(findings)
        findings_column.setContentsMargins(12, 4, 6, 8)
        findings_column.setSpacing(4)
        self.findings_title = section_label("&Findings", findings)
        findings_column.addWidget(self.findings_title)
        self.issue_list = IssueList(tones, findings)
        self.issue_list.setObjectName("issuesList")
        self.issue_list.setAccessibleName("Findings: click one to go to its field")
        self.findings_title.setBuddy(self.issue_list)
        self.issue_list.issueActivated.connect(self._on_issue_activated)
        findings_column.addWidget(self.issue_list, 1)
        self.token_splitter.addWidget(pane)
        self.token_splitter.addWidget(findings)
        self.token_splitter.setStretchFactor(0, 3)
        self.token_splitter.setStretchFactor(1, 2)
        return self.token_splitter

    def _build_detail_side(self) -> QWidget:
        tones = self._tones
        side = QWidget(self)
        side.setObjectName("detailSide")
        column = QVBoxLayout(side)
        column.setContentsMargins(6, 10, 12, 8)
        column.setSpacing(8)

        group = self.project_group = ProjectGroup(tones, self.token_edit.font(), side)
        self.project_edit, self.project_error = group.project_edit, group.project_error
        self.profile_combo, self.leeway_spin = group.profile_combo, group.leeway_spin
        self.header_fields, self.key_panel = group.header_fields, group.key_panel
        self.project_edit.textChanged.connect(self._on_project_changed)
        self.profile_combo.currentIndexChanged.connect(self._on_checks_changed)
        self.leeway_spin.valueChanged.connect(self._on_checks_changed)
        self.header_fields.algorithmChosen.connect(self._on_algorithm_chosen)
        self.header_fields.paramEdited.connect(self._on_header_param_edited)
        self.key_panel.keysChanged.connect(self._on_keys_changed)
        column.addWidget(group)

        self.tabs = QTabWidget(side)
        self.tabs.setObjectName("detailTabs")
        self.tabs.setAccessibleName("Claims and JSON")
        self.tabs.setDocumentMode(True)
        self.claims_form = ClaimsForm(tones, self._clock, side)
        self.claims_form.claimEdited.connect(self._on_claim_edited)
        self.claims_scroll = QScrollArea(side)
        self.claims_scroll.setObjectName("claimsScroll")
        self.claims_scroll.setWidgetResizable(True)
        self.claims_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.claims_scroll.setWidget(self.claims_form)
        self.tabs.addTab(self.claims_scroll, "&Claims")
        self.tabs.addTab(self._build_json_page(), "&Raw JSON")
        column.addWidget(self.tabs, 1)
        return side

    def _build_json_page(self) -> QWidget:
        page = self.json_page = JsonPage(self._tones, self)
        self.header_edit, self.header_error = page.header_edit, page.header_error
        self.payload_edit, self.payload_error = page.payload_edit, page.payload_error
        self.header_edit.textChanged.connect(self._on_header_json_changed)
        self.payload_edit.textChanged.connect(self._on_payload_json_changed)
        return page

    def _build_actions(self) -> None:
        actions = self.window_actions = WindowActions(self)
        for action, slot in (
            (actions.paste, self._on_paste_token),
            (actions.resign, self._on_resign),
            (actions.clear_secret, self._on_clear_secret),
            (actions.sample, self._on_sample),
            (actions.quit, self._on_quit),
            (actions.focus_token, self._on_focus_token),
            (actions.focus_secret, self._on_focus_secret),
            (actions.focus_project, self._on_focus_project),
            (actions.claims_tab, self._on_claims_tab),
            (actions.json_tab, self._on_json_tab),
            (actions.about, self._on_about),
        ):
            action.triggered.connect(slot)
        self.copy_bar.attach_actions(actions.copy)
        resign_keys = shortcut_text(actions.resign)
        self.mode_bar.button.setToolTip(f"Switch between checking and composing ({resign_keys})")
        clear_button = self.key_panel.clear_button
        clear_button.setToolTip(
            f"{clear_button.toolTip()}. {shortcut_text(actions.clear_secret)} clears it and the "
            "private key from anywhere in the window."
        )

    # --- colours -----------------------------------------------------------------------------

    def _apply_tones(self) -> None:
        tones = self._tones
        self.banner.set_tones(tones)
        self.token_pane.set_tones(tones)
        self.json_page.set_tones(tones)
        self.issue_list.set_tones(tones)
        self.claims_form.set_tones(tones)
        self.project_group.set_tones(tones)
        set_text_colour(self.offline_label, tones.muted)
        set_text_colour(self.settings_problem_label, tones.warn)

    @property
    def tones(self) -> Tones:
        return self._tones

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._tones = tones_for(self.palette())
            self._apply_tones()
            if self._verdict is not None:
                self._show(self._verdict)

    # --- state helpers ---------------------------------------------------------------------

    @contextmanager
    def _quiet(self) -> Iterator[None]:
        """Changes made inside are the window's own: edit slots ignore them."""
        previous, self._updating = self._updating, True
        try:
            yield
        finally:
            self._updating = previous

    @property
    def verdict(self) -> Verdict | None:
        """The verdict shown."""
        return self._verdict

    @property
    def direction(self) -> Direction:
        return self.session.direction

    def token_text(self) -> str:
        """The whole token in the pane, also when only a preview of it is shown."""
        return self.token_edit.token_text()

    def secret_texts(self) -> list[str]:
        """The secret and private key entered, for keeping them out of error reports."""
        return self.key_panel.secret_texts()

    def _token_to_copy(self) -> str | None:
        verdict = self._verdict
        if verdict is None or self.session.stale:
            return None
        if verdict.inspection.original != self.session.token:
            return None
        return verdict.inspection.token or None

    # --- the two directions ------------------------------------------------------------------

    def _load_sample(self) -> None:
        """The embedded sample, composed and signed: the window shows the job done."""
        now = int(self._clock())
        project = self.project_edit.text().strip()
        payload: JSONValue = demo_claims(now)
        if PROJECT_ID_PATTERN.fullmatch(project) and project.lower() != DEMO_PROJECT_ID:
            payload = retarget_project(payload, DEMO_PROJECT_ID, project) or payload
        else:
            project = DEMO_PROJECT_ID
        self.session = Session({"alg": "HS256", "typ": "JWT"}, payload, "HS256")
        self._json_problems.clear()
        with self._quiet():
            self.project_edit.setText(project)
            self._last_project = project
            self.claims_form.set_project_id(project)
            self.header_fields.show_header(self.session.header, "HS256")
            self.key_panel.set_algorithm("HS256")
            with QSignalBlocker(self.key_panel.base64_check):
                self.key_panel.base64_check.setChecked(False)
            self.key_panel.set_secret(DEMO_SECRET)
        self._compose(Origin.SAMPLE)

    def _compose(self, origin: Origin) -> None:
        """The form is the source: sign it into the token, then judge that."""
        self._sync_followers(origin)
        problems = self.claims_form.problems() + [
            f"{where}: {problem}" for where, problem in self._json_problems.items()
        ]
        if problems:
            self.session.block(problems[0])
        else:
            self.session.compose(self.key_panel.choice())
        self.token_edit.set_text_quietly(self.session.token)
        self._check()

    def _sync_followers(self, origin: Origin) -> None:
        """Rewrite the editors that follow the one edited (never that one)."""
        session = self.session
        with self._quiet():
            if origin in (Origin.CLAIMS, Origin.RETARGET, Origin.SAMPLE):
                self.payload_edit.show_text(_pretty(session.payload))
                self._json_problems.pop("payload", None)
            if origin in (Origin.PAYLOAD_JSON, Origin.RETARGET, Origin.SAMPLE):
                self.claims_form.show_payload(session.payload)
            if origin in (Origin.HEADER_FIELDS, Origin.SAMPLE):
                self.header_edit.show_text(_pretty(session.header))
                self._json_problems.pop("header", None)
            if origin is Origin.HEADER_JSON:
                self.header_fields.show_header(session.header, session.algorithm)
                self.key_panel.set_algorithm(session.algorithm)

    def _follow_algorithm(self, alg: JSONValue) -> bool:
        """Show the token's algorithm and the key inputs it needs. ``True``: they changed."""
        before = self.key_panel.asymmetric
        with self._quiet():
            self.header_fields.show_algorithm(alg)
            known = alg if isinstance(alg, str) and alg in ALL_ALGORITHMS else "HS256"
            self.key_panel.set_algorithm(known)
        return before != self.key_panel.asymmetric

    def _check(self) -> None:
        """Judge the token shown, on this thread or, when very large, on the worker."""
        text = self.session.token
        keys = self.key_panel.choice()
        checks = self.project_group.checks()
        now = self._clock()
        self._generation += 1
        if self._large_input_chars < len(text) <= MAX_TOKEN_CHARS:
            self.banner.show_pending("Checking a large input…")
            self.runner.submit(self._generation, partial(judge_token, text, keys, checks, now))
            return
        if self.session.direction is Direction.DECODE:
            inspection = inspect_token(text)
            if self._follow_algorithm(inspection.algorithm):
                keys = self.key_panel.choice()
            self._show(judge_token(inspection, keys, checks, now))
            return
        self._show(judge_token(text, keys, checks, now))

    @Slot(int, object)
    def _on_judged(self, generation: int, verdict: object) -> None:
        if generation != self._generation:
            return
        if isinstance(verdict, Exception):
            self.banner.show_pending("This input could not be checked (an internal error)")
            raise verdict  # reported by the exception hook (and failing the tests)
        if not isinstance(verdict, Verdict):
            return
        if self.session.direction is Direction.DECODE and self._follow_algorithm(
            verdict.inspection.algorithm
        ):
            self._check()
            return
        self._show(verdict)

    def _follow_token(self, verdict: Verdict) -> None:
        """The token is the source: every editor shows what it holds."""
        inspection = verdict.inspection
        self.session.adopt(verdict)
        self._json_problems.clear()
        with self._quiet():
            for edit, decoded in (
                (self.header_edit, inspection.header),
                (self.payload_edit, inspection.payload),
            ):
                if decoded is None:
                    edit.show_text("")
                elif decoded.is_json:
                    pretty = _pretty(decoded.value)
                    edit.show_text(decoded.text if pretty == TOO_DEEP else pretty)
                else:
                    edit.show_text(decoded.text)
            self.claims_form.show_payload(self.session.payload)
            self.header_fields.show_header(inspection.header_object, self.session.algorithm)

    def _show(self, verdict: Verdict) -> None:
        """Show ``verdict`` everywhere."""
        if verdict.inspection.original != self.session.token:
            return
        self._verdict = verdict
        if self.session.direction is Direction.DECODE:
            self._follow_token(verdict)
        stale = self.session.stale
        issues = verdict.issues
        self.banner.show_verdict(verdict, key_word=self.key_panel.key_word(), stale=stale)
        self.issue_list.show_issues(issues)
        errors, warnings = len(verdict.errors), len(verdict.warnings)
        self.findings_title.setText(
            f"&Findings: {errors} error{'s' * (errors != 1)}, "
            f"{warnings} warning{'s' * (warnings != 1)}"
        )
        large = len(verdict.inspection.original) > self._large_input_chars
        if large and not self.token_edit.is_preview:
            self.token_edit.clear_colours()  # a long text typed in: colouring would walk it all
        else:
            self.token_edit.show_verdict(verdict, stale=bool(stale))
        self._show_notices(verdict, large)
        self.claims_form.show_issues(issues)
        self.claims_form.show_times(verdict.times)
        self.header_fields.show_issues(issues)
        self._show_editor_errors(issues)
        self.project_group.show_project_error()
        self.mode_bar.show_mode(
            self.session.direction,
            stale,
            can_switch=bool(verdict.inspection.payload is not None or self.session.stale is None),
        )
        copyable = self._token_to_copy() is not None
        self.copy_bar.set_available(copyable, "" if copyable else "No up-to-date token to copy")
        self._arm_timers(verdict)
        self._show_clock(verdict, self._clock())

    def _show_notices(self, verdict: Verdict, large: bool) -> None:
        notes = [n.message for n in verdict.inspection.notices]
        if large and not self.token_edit.is_preview:
            notes.append(
                f"a large input ({len(verdict.inspection.original):,} characters): checked in "
                "the background, segment colours off"
            )
        self.token_pane.show_notes(notes)

    def _show_editor_errors(self, issues: tuple[Issue, ...]) -> None:
        for key, label, part, named in (
            ("header", self.header_error, Part.HEADER, HEADER_PARAMS),
            ("payload", self.payload_error, Part.PAYLOAD, NAMED_CLAIMS),
        ):
            problem = self._json_problems.get(key)
            if problem:
                label.show_message("✖ " + problem, Severity.ERROR)
                continue
            label.show_issues(
                [i for i in issues if i.part is part and i.claim is None]
                + (
                    [i for i in issues if i.part is part and i.claim and i.claim not in named]
                    if part is Part.HEADER
                    else []
                ),
                with_claim=True,
            )

    # --- time ---------------------------------------------------------------------------------

    def _arm_timers(self, verdict: Verdict) -> None:
        change = verdict.next_change
        if change is None:
            self.boundary_timer.stop()
        else:
            wait_ms = math.ceil(max(0.0, change - self._clock()) * 1000) + 1
            self.boundary_timer.start(min(wait_ms, MAX_TIMER_MS))
        if verdict.times and self.isVisible():
            if not self.tick_timer.isActive():
                self.tick_timer.start()
        else:
            self.tick_timer.stop()

    def _show_clock(self, verdict: Verdict, now: float) -> None:
        """Relative phrases, the timeline and the countdown, as of ``now``."""
        times = tuple(describe_time(info.claim, info.value, now) for info in verdict.times)
        self.claims_form.show_times(times)
        self.banner.timeline.show_times(times, now)
        self.banner.countdown_label.setText(self._countdown(times, verdict.next_change, now))

    @staticmethod
    def _countdown(times: tuple[TimeInfo, ...], change: float | None, now: float) -> str:
        by_claim = {info.claim: info for info in times}
        if change is not None and change > now:
            left = change - now
            if left < 86400:
                whole = math.ceil(left)
                clock = f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
            else:
                clock = format_duration(left)
            nbf = by_claim.get("nbf")
            if nbf is not None and nbf.seconds == change:
                return f"Valid in {clock}"
            return f"Expires in {clock}"
        exp = by_claim.get("exp")
        if exp is not None and exp.relative:
            return exp.relative[:1].upper() + exp.relative[1:]
        return "Never expires (no exp)" if times else ""

    @Slot()
    def _on_time_boundary(self) -> None:
        """nbf or exp has just been crossed: judge again (the token is not re-signed)."""
        if self._verdict is not None:
            self._check()

    @Slot()
    def _on_tick(self) -> None:
        verdict = self._verdict
        if verdict is None:
            return
        now = self._clock()
        change = verdict.next_change
        if change is not None and now >= change:
            self._on_time_boundary()
            return
        self._show_clock(verdict, now)

    # --- edits -----------------------------------------------------------------------------------

    @Slot()
    def _on_token_changed(self) -> None:
        if self._updating:
            return
        text = self.token_edit.token_text()
        if text == self.session.token and self.session.direction is Direction.DECODE:
            return
        self.session.take_token(text)
        self._check()

    @Slot(str)
    def _on_claim_edited(self, name: str) -> None:
        if self._updating:
            return
        session = self.session
        if name == OTHER:
            others = self.claims_form.other_claims()
            if not isinstance(others, JsonProblem):
                session.payload = with_others(session.payload, NAMED_CLAIMS, others)
        else:
            value = self.claims_form.claim_value(name)
            if not isinstance(value, JsonProblem):
                session.payload = with_claim(session.payload, name, value)
        self._compose(Origin.CLAIMS)

    @Slot()
    def _on_payload_json_changed(self) -> None:
        if self._updating:
            return
        value = parse_json(self.payload_edit.toPlainText())
        if isinstance(value, JsonProblem):
            self._json_problems["payload"] = f"the payload is not JSON: {value.message}"
        else:
            self._json_problems.pop("payload", None)
            self.session.payload = value
        self._compose(Origin.PAYLOAD_JSON)

    @Slot()
    def _on_header_json_changed(self) -> None:
        if self._updating:
            return
        value = parse_json(self.header_edit.toPlainText())
        if isinstance(value, JsonProblem):
            self._json_problems["header"] = f"the header is not JSON: {value.message}"
        elif not isinstance(value, dict):
            self._json_problems["header"] = "the header must be a JSON object: { … }"
        else:
            self._json_problems.pop("header", None)
            self.session.set_header(value)
        self._compose(Origin.HEADER_JSON)

    @Slot(str)
    def _on_algorithm_chosen(self, algorithm: str) -> None:
        if self._updating:
            return
        self.session.set_algorithm(algorithm)
        with self._quiet():
            self.key_panel.set_algorithm(algorithm)
        self._compose(Origin.HEADER_FIELDS)

    @Slot(str)
    def _on_header_param_edited(self, name: str) -> None:
        if self._updating:
            return
        self.session.set_header_param(name, self.header_fields.param_value(name))
        self._compose(Origin.HEADER_FIELDS)

    @Slot()
    def _on_keys_changed(self) -> None:
        if self._updating:
            return
        if self.session.direction is Direction.COMPOSE:
            self._compose(Origin.OTHER)
        else:
            self._check()

    @Slot(str)
    def _on_project_changed(self, text: str) -> None:
        project = text.strip()
        valid = PROJECT_ID_PATTERN.fullmatch(project) is not None
        self.claims_form.set_project_id(project if valid else None)
        if self._updating:
            return
        previous = self._last_project
        if valid:
            self._last_project = project
        if self.session.direction is Direction.COMPOSE:
            moved = (
                retarget_project(self.session.payload, previous, project)
                if valid and previous
                else None
            )
            if moved is not None:
                self.session.payload = moved
                self._compose(Origin.RETARGET)
                return
            self._compose(Origin.OTHER)
        else:
            self._check()

    @Slot()
    def _on_checks_changed(self) -> None:
        if self._updating or self._verdict is None:
            return
        self._check()

    @Slot()
    def _on_switch_direction(self) -> None:
        if self.session.direction is Direction.DECODE:
            self._compose(Origin.OTHER)
        else:
            self.session.take_token(self.session.token)
            self._check()

    # --- navigation -----------------------------------------------------------------------------

    @Slot(object)
    def _on_issue_activated(self, issue: object) -> None:
        if isinstance(issue, Issue):
            self.focus_issue(issue)

    def focus_issue(self, issue: Issue) -> QWidget:
        """Bring the field ``issue`` is about into view and focus it."""
        widget: QWidget
        if issue.code == "project_id_invalid":
            widget = self.project_edit
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        elif issue.part is Part.KEY:
            widget = self.key_panel.focus_key()
        elif issue.part is Part.HEADER and issue.claim in HEADER_PARAMS:
            widget = self.header_fields.focus_param(issue.claim)
        elif issue.part is Part.HEADER:
            self.tabs.setCurrentIndex(1)
            widget = self.header_edit
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        elif issue.part is Part.PAYLOAD and issue.claim:
            self.tabs.setCurrentIndex(0)
            widget = self.claims_form.focus_claim(issue.claim)
            self.claims_scroll.ensureWidgetVisible(widget, 40, 60)
        elif issue.part is Part.PAYLOAD:
            self.tabs.setCurrentIndex(1)
            widget = self.payload_edit
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            widget = self.token_edit
            self._select_segment("signature" if issue.part is Part.SIGNATURE else None)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return widget

    def _select_segment(self, name: str | None) -> None:
        verdict = self._verdict
        if verdict is None or name is None:
            return
        if len(verdict.inspection.original) > self._large_input_chars:
            return  # not shown in full, or too long to select in
        segment = verdict.inspection.segment(name)
        if segment is None or segment.span.end <= segment.span.start:
            return
        cursor = self.token_edit.textCursor()
        cursor.setPosition(segment.span.start)
        cursor.setPosition(segment.span.end, QTextCursor.MoveMode.KeepAnchor)
        self.token_edit.setTextCursor(cursor)

    # --- actions --------------------------------------------------------------------------------

    @Slot()
    def _on_paste_token(self) -> None:
        """Replace the token with the clipboard's text (a long one becomes a preview)."""
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None or not mime.hasText():
            formats = ", ".join(mime.formats()[:3]) if mime is not None else ""
            self._on_paste_refused(
                f"Nothing pasted: the clipboard holds no text ({formats or 'it is empty'})"
            )
            return
        self.token_edit.replace_token(mime.text())
        self.token_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot(str)
    def _on_paste_refused(self, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_MS)

    @Slot()
    def _on_clear_secret(self) -> None:
        self.key_panel.forget_secrets()
        self.statusBar().showMessage("The secret and the private key are cleared", STATUS_MS)

    @Slot(str)
    def _on_copied(self, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_MS)

    @Slot()
    def _on_resign(self) -> None:
        self._compose(Origin.OTHER)

    @Slot()
    def _on_sample(self) -> None:
        self._load_sample()

    @Slot()
    def _on_quit(self) -> None:
        self.close()

    @Slot()
    def _on_focus_token(self) -> None:
        self.token_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot()
    def _on_focus_secret(self) -> None:
        self.key_panel.focus_key()

    @Slot()
    def _on_focus_project(self) -> None:
        self.project_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.project_edit.selectAll()

    @Slot()
    def _on_claims_tab(self) -> None:
        self.tabs.setCurrentIndex(0)

    @Slot()
    def _on_json_tab(self) -> None:
        self.tabs.setCurrentIndex(1)

    @Slot()
    def _on_about(self) -> None:
        AboutBox.show_about(self)

    # --- settings and life cycle -------------------------------------------------------------

    def _restore_settings(self) -> None:
        state = self._store.load()
        if state.geometry is None or not self.restoreGeometry(state.geometry):
            self.resize(1180, 780)
        for key, splitter in (
            ("window/splitter", self.splitter),
            ("window/token_splitter", self.token_splitter),
        ):
            saved = state.splitters.get(key)
            if saved is not None:
                splitter.restoreState(saved)
        with self._quiet():
            if state.project_id is not None:
                self.project_edit.setText(state.project_id)
            index = self.profile_combo.findData(state.profile) if state.profile else -1
            if index >= 0:
                self.profile_combo.setCurrentIndex(index)
            self.leeway_spin.setValue(min(state.leeway, self.leeway_spin.maximum()))
        self._show_settings_problem()

    def _show_settings_problem(self) -> None:
        problem = self._store.problem
        label = self.settings_problem_label
        label.setText(f"⚠ {problem.summary}" if problem else "")
        label.setToolTip(problem.detail if problem else "")
        label.setAccessibleDescription(problem.detail if problem else "")
        label.setVisible(problem is not None)

    def save_settings(self) -> bool:
        """Store the geometry, project id, profile and leeway: nothing else, never a secret.
        ``False`` when they could not be written (the window says so)."""
        saved = self._store.save(
            StoredState(
                geometry=self.saveGeometry(),
                splitters={
                    "window/splitter": self.splitter.saveState(),
                    "window/token_splitter": self.token_splitter.saveState(),
                },
                project_id=self.project_edit.text().strip(),
                profile=self.profile_combo.currentData(),
                leeway=self.leeway_spin.value(),
            )
        )
        self._show_settings_problem()
        return saved

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._verdict is not None and self._verdict.times:
            self.tick_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.tick_timer.stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.boundary_timer.stop()
        self.tick_timer.stop()
        self.runner.shutdown()
        with self._quiet():
            self.key_panel.clear_secrets()
        super().closeEvent(event)
