"""The inspector window: paste a token or compose one, and see at once whether its signature
holds, whether Tiledesk would take it, and what is wrong with which claim.

The window works one of two ways (see ``session.Direction``): a pasted token is judged as it is
and the form follows it; an edit of the form, the JSON or the algorithm composes a new token,
signed with the key given. Every answer comes from the core; the window only shows it.

Nothing secret is stored: ``QSettings`` keeps the geometry, the last project id, the profile and
the leeway; the secret and the private key are cleared when the window closes.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from functools import partial
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QSettings, QSignalBlocker, Qt, QTimer, Slot
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QColor,
    QGuiApplication,
    QHideEvent,
    QKeySequence,
    QShowEvent,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QScrollArea,
    QSpinBox,
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
    Profile,
    Severity,
    TimeInfo,
    Verdict,
    demo_claims,
    describe_time,
    format_duration,
    inspect_token,
    parse_json,
)
from .about_box import AboutBox
from .claim_error_label import ClaimErrorLabel
from .claims_form import NAMED_CLAIMS, OTHER, ClaimsForm
from .copy_bar import CopyBar
from .header_fields import HeaderFields
from .icons import app_icon
from .issue_list import IssueList
from .json_edit import JsonEdit
from .judge_runner import JudgeRunner
from .key_panel import KeyPanel
from .mode_bar import ModeBar
from .session import (
    Checks,
    Direction,
    Session,
    judge_token,
    retarget_project,
    with_claim,
    with_others,
)
from .token_edit import TokenEdit
from .tones import Tones, set_text_colour, tones_for
from .verdict_banner import VerdictBanner

__all__ = ["LARGE_INPUT_CHARS", "SETTINGS_KEYS", "InspectorWindow", "scratch_settings"]

LARGE_INPUT_CHARS = 100_000
"""Longer tokens are judged on a worker thread (a normal token takes well under 1 ms)."""
SETTINGS_KEYS = (
    "window/geometry",
    "window/splitter",
    "window/token_splitter",
    "project_id",
    "profile",
    "leeway",
)
"""Everything the window stores. Never a secret, a key or a token."""
MAX_TIMER_MS = 24 * 3600 * 1000
"""A boundary further away is re-armed when this (one day) elapses."""


def scratch_settings(directory: str) -> QSettings:
    """Settings kept in ``directory``, for runs that must not touch the user's own (the smoke
    test, the screenshot)."""
    return QSettings(str(Path(directory) / "settings.ini"), QSettings.Format.IniFormat)


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
    return json.dumps(value, ensure_ascii=False, indent=2)


def _keys(action: QAction) -> str:
    """The shortcut of ``action`` as the platform writes it."""
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


def _section(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


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
        self._settings = settings if settings is not None else QSettings()
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

        self.offline_label = QLabel("Offline: nothing you enter leaves this computer", self)
        self.offline_label.setObjectName("offlineLabel")
        self.statusBar().addPermanentWidget(self.offline_label)
        self.statusBar().setSizeGripEnabled(True)

    def _build_token_side(self) -> QWidget:
        tones = self._tones
        self.token_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.token_splitter.setObjectName("tokenSplitter")
        self.token_splitter.setChildrenCollapsible(False)
        side = QWidget(self.token_splitter)
        side.setObjectName("tokenSide")
        column = QVBoxLayout(side)
        column.setContentsMargins(12, 10, 6, 4)
        column.setSpacing(6)

        heading = QHBoxLayout()
        title = _section("&Encoded token", side)
        heading.addWidget(title)
        heading.addStretch(1)
        self.legend_label = QLabel(side)
        self.legend_label.setObjectName("segmentLegend")
        self.legend_label.setAccessibleName("Segment colours")
        heading.addWidget(self.legend_label)
        column.addLayout(heading)

        self.token_edit = TokenEdit(tones, side)
        self.token_edit.setObjectName("tokenEdit")
        self.token_edit.setAccessibleName("Token")
        self.token_edit.setAccessibleDescription(
            "The encoded JSON Web Token: header, payload and signature separated by dots"
        )
        title.setBuddy(self.token_edit)
        self.token_edit.textChanged.connect(self._on_token_changed)
        column.addWidget(self.token_edit, 3)

        # The notice and the hint share a slot of a steady height: the token pane does not
        # resize (and re-lay out a long token) when a notice comes or goes.
        notes = QWidget(side)
        notes.setObjectName("tokenNotes")
        notes_column = QVBoxLayout(notes)
        notes_column.setContentsMargins(0, 0, 0, 0)
        notes_column.setSpacing(0)
        self.token_notice = QLabel(notes)
        self.token_notice.setObjectName("tokenNoticeLabel")
        self.token_notice.setAccessibleName("Clean-ups done on the pasted text")
        self.token_notice.setWordWrap(True)
        self.token_notice.hide()
        paste_keys = "Ctrl+Shift+V"
        self.token_hint = QLabel(
            f"Paste a token ({paste_keys}) or drop a file here; a 'JWT ' or 'Bearer ' prefix "
            "is fine.",
            notes,
        )
        self.token_hint.setObjectName("tokenHintLabel")
        self.token_hint.setWordWrap(True)
        notes_column.addWidget(self.token_notice)
        notes_column.addWidget(self.token_hint)
        notes_column.addStretch(1)
        notes.setMinimumHeight(self.token_hint.fontMetrics().lineSpacing() * 2 + 2)
        column.addWidget(notes)

        self.mode_bar = ModeBar(tones, side)
        self.mode_bar.switchRequested.connect(self._on_switch_direction)
        column.addWidget(self.mode_bar)

        self.copy_bar = CopyBar(self._token_to_copy, side)
        self.copy_bar.copied.connect(self._on_copied)
        column.addWidget(self.copy_bar)

        findings = QWidget(self.token_splitter)
        findings.setObjectName("findingsSide")
        findings_column = QVBoxLayout(findings)
        findings_column.setContentsMargins(12, 4, 6, 8)
        findings_column.setSpacing(4)
        self.findings_title = _section("&Findings", findings)
        findings_column.addWidget(self.findings_title)
        self.issue_list = IssueList(tones, findings)
        self.issue_list.setObjectName("issuesList")
        self.issue_list.setAccessibleName("Findings: click one to go to its field")
        self.findings_title.setBuddy(self.issue_list)
        self.issue_list.issueActivated.connect(self._on_issue_activated)
        findings_column.addWidget(self.issue_list, 1)
        self.token_splitter.addWidget(side)
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

        group = QGroupBox("Project and key", side)
        group.setObjectName("projectGroup")
        grid = QGridLayout(group)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)

        self.project_edit = QLineEdit(group)
        self.project_edit.setObjectName("projectIdEdit")
        self.project_edit.setAccessibleName("Project id")
        self.project_edit.setPlaceholderText(
            "24 hexadecimal characters, e.g. 65a1b2c3d4e5f60718293a4b"
        )
        self.project_edit.setToolTip(
            "Your Tiledesk project id (dashboard → project settings). With it, aud and the _id "
            "prefix are checked against it, and composed tokens are made for it."
        )
        self.project_edit.setFont(self.token_edit.font())
        self.project_edit.setClearButtonEnabled(True)
        self.project_edit.textChanged.connect(self._on_project_changed)
        project_label = QLabel("&Project id", group)
        project_label.setBuddy(self.project_edit)
        self.project_error = ClaimErrorLabel(tones, group)
        self.project_error.setObjectName("projectIdError")
        self.project_error.setAccessibleName("Problem with the project id")

        self.profile_combo = QComboBox(group)
        self.profile_combo.setObjectName("profileCombo")
        self.profile_combo.setAccessibleName("Judge as")
        self.profile_combo.addItem("Tiledesk server", Profile.TILEDESK.value)
        self.profile_combo.addItem("Any JWT (RFC 7519)", Profile.GENERIC.value)
        self.profile_combo.setToolTip(
            "Tiledesk server: decide as tiledesk-server does for custom authentication, and warn "
            "where the docs ask for more.\nAny JWT: RFC 7519's rules only."
        )
        self.profile_combo.currentIndexChanged.connect(self._on_checks_changed)
        profile_label = QLabel("&Judge as", group)
        profile_label.setBuddy(self.profile_combo)
        self.leeway_spin = QSpinBox(group)
        self.leeway_spin.setObjectName("leewaySpin")
        self.leeway_spin.setAccessibleName("Clock leeway in seconds")
        self.leeway_spin.setRange(0, 86400)
        self.leeway_spin.setSuffix(" s")
        self.leeway_spin.setToolTip(
            "Clock tolerance for nbf and exp, in seconds. The Tiledesk server allows none: keep "
            "0 to see what it does."
        )
        self.leeway_spin.valueChanged.connect(self._on_checks_changed)
        leeway_label = QLabel("&Leeway", group)
        leeway_label.setBuddy(self.leeway_spin)
        checks_row = QHBoxLayout()
        checks_row.setSpacing(8)
        checks_row.addWidget(self.profile_combo, 1)
        checks_row.addWidget(leeway_label)
        checks_row.addWidget(self.leeway_spin)

        self.header_fields = HeaderFields(tones, group)
        self.header_fields.algorithmChosen.connect(self._on_algorithm_chosen)
        self.header_fields.paramEdited.connect(self._on_header_param_edited)
        self.key_panel = KeyPanel(tones, group)
        self.key_panel.keysChanged.connect(self._on_keys_changed)

        grid.addWidget(project_label, 0, 0)
        grid.addWidget(self.project_edit, 0, 1)
        grid.addWidget(self.project_error, 1, 1)
        grid.addWidget(profile_label, 2, 0)
        grid.addLayout(checks_row, 2, 1)
        grid.addWidget(self.header_fields, 3, 0, 1, 2)
        grid.addWidget(self.key_panel, 4, 0, 1, 2)
        grid.setColumnStretch(1, 1)
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
        tones = self._tones
        page = QWidget(self)
        page.setObjectName("jsonPage")
        column = QVBoxLayout(page)
        column.setContentsMargins(10, 8, 10, 8)
        column.setSpacing(4)
        self.header_title = _section("Header", page)
        self.header_edit = JsonEdit(tones, tones.header, lines=4, parent=page)
        self.header_edit.setObjectName("headerEdit")
        self.header_edit.setAccessibleName("Header JSON")
        self.header_edit.setToolTip("The decoded header as JSON; edit it to compose a token.")
        self.header_title.setBuddy(self.header_edit)
        self.header_edit.textChanged.connect(self._on_header_json_changed)
        self.header_error = ClaimErrorLabel(tones, page)
        self.header_error.setObjectName("headerEditError")
        self.header_error.setAccessibleName("Problems with the header")
        self.payload_title = _section("Payload", page)
        self.payload_edit = JsonEdit(tones, tones.payload, lines=12, parent=page)
        self.payload_edit.setObjectName("payloadEdit")
        self.payload_edit.setAccessibleName("Payload JSON")
        self.payload_edit.setToolTip(
            "The decoded payload (the claims) as JSON; edit it to compose a token."
        )
        self.payload_title.setBuddy(self.payload_edit)
        self.payload_edit.textChanged.connect(self._on_payload_json_changed)
        self.payload_error = ClaimErrorLabel(tones, page)
        self.payload_error.setObjectName("payloadEditError")
        self.payload_error.setAccessibleName("Problems with the payload")
        column.addWidget(self.header_title)
        column.addWidget(self.header_edit, 1)
        column.addWidget(self.header_error)
        column.addWidget(self.payload_title)
        column.addWidget(self.payload_edit, 3)
        column.addWidget(self.payload_error)
        return page

    def _action(
        self, name: str, text: str, slot: Callable[[], None], shortcut: str | None
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.paste_action = self._action(
            "pasteTokenAction", "&Paste token", self._on_paste_token, "Ctrl+Shift+V"
        )
        self.copy_token_action = self._action(
            "copyTokenAction", "&Copy token", self._on_copy_token, "Ctrl+Shift+C"
        )
        self.copy_header_action = self._action(
            "copyAuthHeaderAction",
            "Copy as &Authorization header",
            self._on_copy_header,
            "Ctrl+Shift+H",
        )
        self.copy_widget_action = self._action(
            "copyWidgetCallAction",
            "Copy as &widget sign-in call",
            self._on_copy_widget,
            "Ctrl+Shift+W",
        )
        self.copy_curl_action = self._action(
            "copyCurlAction", "Copy as c&url command", self._on_copy_curl, "Ctrl+Shift+U"
        )
        self.resign_action = self._action(
            "resignAction", "&Re-sign this token with my secret", self._on_resign, "Ctrl+R"
        )
        self.sample_action = self._action(
            "sampleAction", "Load the &demo sample", self._on_sample, None
        )
        self.quit_action = self._action("quitAction", "&Quit", self._on_quit, None)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.focus_token_action = self._action(
            "focusTokenAction", "Go to the &token", self._on_focus_token, "Ctrl+L"
        )
        self.focus_secret_action = self._action(
            "focusSecretAction", "Go to the &secret", self._on_focus_secret, "Ctrl+K"
        )
        self.focus_project_action = self._action(
            "focusProjectAction", "Go to the &project id", self._on_focus_project, "Ctrl+P"
        )
        self.claims_tab_action = self._action(
            "claimsTabAction", "Show the &claims", self._on_claims_tab, "Ctrl+1"
        )
        self.json_tab_action = self._action(
            "jsonTabAction", "Show the raw &JSON", self._on_json_tab, "Ctrl+2"
        )
        self.about_action = self._action("aboutAction", "&About", self._on_about, None)

        bar = self.menuBar()
        token_menu = bar.addMenu("&Token")
        token_menu.setObjectName("tokenMenu")
        for action in (
            self.paste_action,
            self.copy_token_action,
            self.copy_header_action,
            self.copy_widget_action,
            self.copy_curl_action,
        ):
            token_menu.addAction(action)
        token_menu.addSeparator()
        token_menu.addAction(self.resign_action)
        token_menu.addAction(self.sample_action)
        token_menu.addSeparator()
        token_menu.addAction(self.quit_action)
        go_menu = bar.addMenu("&Go")
        go_menu.setObjectName("goMenu")
        for action in (
            self.focus_token_action,
            self.focus_secret_action,
            self.focus_project_action,
            self.claims_tab_action,
            self.json_tab_action,
        ):
            go_menu.addAction(action)
        help_menu = bar.addMenu("&Help")
        help_menu.setObjectName("helpMenu")
        help_menu.addAction(self.about_action)
        for button, action in (
            (self.copy_bar.buttons["token"], self.copy_token_action),
            (self.copy_bar.buttons["header"], self.copy_header_action),
            (self.copy_bar.buttons["widget"], self.copy_widget_action),
            (self.copy_bar.buttons["curl"], self.copy_curl_action),
        ):
            button.setToolTip(f"{button.toolTip()} ({_keys(action)})")
        resign_keys = _keys(self.resign_action)
        self.mode_bar.button.setToolTip(f"Switch between checking and composing ({resign_keys})")

    # --- colours -----------------------------------------------------------------------------

    def _apply_tones(self) -> None:
        tones = self._tones
        self.banner.set_tones(tones)
        self.token_edit.set_tones(tones)
        self.mode_bar.set_tones(tones)
        self.issue_list.set_tones(tones)
        self.claims_form.set_tones(tones)
        self.header_fields.set_tones(tones)
        self.key_panel.set_tones(tones)
        self.project_error.set_tones(tones)
        self.header_edit.set_colours(tones, tones.header)
        self.payload_edit.set_colours(tones, tones.payload)
        self.header_error.set_tones(tones)
        self.payload_error.set_tones(tones)
        self._paint_label(self.header_title, tones.header)
        self._paint_label(self.payload_title, tones.payload)
        self._paint_label(self.token_notice, tones.info)
        self._paint_label(self.token_hint, tones.muted)
        self._paint_label(self.offline_label, tones.muted)
        self.legend_label.setText(
            " ".join(
                f'<span style="color:{colour.name()}">■</span>&nbsp;{name}&nbsp;'
                for name, colour in (
                    ("Header", tones.header),
                    ("Payload", tones.payload),
                    ("Signature", tones.signature),
                )
            )
        )

    @staticmethod
    def _paint_label(label: QLabel, colour: QColor) -> None:
        set_text_colour(label, colour)

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

    def _checks(self) -> Checks:
        project = self.project_edit.text().strip() or None
        profile = Profile(self.profile_combo.currentData() or Profile.TILEDESK.value)
        return Checks(project, profile, float(self.leeway_spin.value()))

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
        checks = self._checks()
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
        if generation != self._generation or not isinstance(verdict, Verdict):
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
                    edit.show_text(_pretty(decoded.value))
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
        if large:
            self.token_edit.clear_colours()
        else:
            self.token_edit.show_verdict(verdict, stale=bool(stale))
        self._show_notices(verdict, large)
        self.claims_form.show_issues(issues)
        self.claims_form.show_times(verdict.times)
        self.header_fields.show_issues(issues)
        self._show_editor_errors(issues)
        self._show_project_error()
        self.mode_bar.show_mode(
            self.session.direction,
            stale,
            can_switch=bool(verdict.inspection.payload is not None or self.session.stale is None),
        )
        copyable = self._token_to_copy() is not None
        self.copy_bar.set_available(copyable, "" if copyable else "No up-to-date token to copy")
        for action in (
            self.copy_token_action,
            self.copy_header_action,
            self.copy_widget_action,
            self.copy_curl_action,
        ):
            action.setEnabled(copyable)
        self._arm_timers(verdict)
        self._show_clock(verdict, self._clock())

    def _show_notices(self, verdict: Verdict, large: bool) -> None:
        notes = [n.message for n in verdict.inspection.notices]
        if large:
            notes.append(
                f"a large input ({len(verdict.inspection.original):,} characters): checked in "
                "the background, segment colours off"
            )
        text = "; ".join(notes)
        self.token_notice.setText(f"ℹ Read after clean-up: {text}." if text else "")
        self.token_notice.setVisible(bool(text))
        self.token_hint.setVisible(not text)

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

    def _show_project_error(self) -> None:
        project = self.project_edit.text().strip()
        if project and not PROJECT_ID_PATTERN.fullmatch(project):
            self.project_error.show_message(
                f"⚠ A Tiledesk project id is 24 hexadecimal characters (0-9, a-f); this has "
                f"{len(project)}{'' if project.isalnum() else ' and other characters'}.",
                Severity.WARNING,
            )
        else:
            self.project_error.show_message("")

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
        text = self.token_edit.toPlainText()
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
        if verdict is None or name is None or len(verdict.inspection.original) > 100_000:
            return
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
        text = QGuiApplication.clipboard().text()
        if not text:
            self.statusBar().showMessage("The clipboard holds no text", 4000)
            return
        cursor = self.token_edit.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)
        self.token_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot()
    def _on_copy_token(self) -> None:
        self.copy_bar.copy("token")

    @Slot()
    def _on_copy_header(self) -> None:
        self.copy_bar.copy("header")

    @Slot()
    def _on_copy_widget(self) -> None:
        self.copy_bar.copy("widget")

    @Slot()
    def _on_copy_curl(self) -> None:
        self.copy_bar.copy("curl")

    @Slot(str)
    def _on_copied(self, message: str) -> None:
        self.statusBar().showMessage(message, 4000)

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
        settings = self._settings
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1180, 780)
        for key, splitter in (
            ("window/splitter", self.splitter),
            ("window/token_splitter", self.token_splitter),
        ):
            state = settings.value(key)
            if isinstance(state, QByteArray) and not state.isEmpty():
                splitter.restoreState(state)
        with self._quiet():
            project = settings.value("project_id")
            if isinstance(project, str) and len(project) <= 64:
                self.project_edit.setText(project)
            profile = settings.value("profile")
            index = self.profile_combo.findData(profile) if isinstance(profile, str) else -1
            if index >= 0:
                self.profile_combo.setCurrentIndex(index)
            leeway = settings.value("leeway")
            try:
                seconds = int(str(leeway)) if leeway is not None else 0
            except ValueError:
                seconds = 0
            self.leeway_spin.setValue(max(0, min(seconds, self.leeway_spin.maximum())))

    def save_settings(self) -> None:
        """Store the geometry, project id, profile and leeway: nothing else, never a secret."""
        settings = self._settings
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.splitter.saveState())
        settings.setValue("window/token_splitter", self.token_splitter.saveState())
        settings.setValue("project_id", self.project_edit.text().strip())
        settings.setValue("profile", self.profile_combo.currentData())
        settings.setValue("leeway", self.leeway_spin.value())
        settings.sync()

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
