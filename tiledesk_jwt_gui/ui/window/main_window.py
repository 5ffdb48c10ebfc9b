"""The inspector window: the frame around one :class:`InspectorDocument` and the panes that
view it. It lays the panes out, wires the menus' actions to the document's intents, routes a
chosen finding to its field (where the core says it shows), and keeps the settings. Nothing
about a token is decided here, and no pane writes into another.

Nothing secret is stored: ``QSettings`` keeps the geometry, the last valid project id, the leeway
and the curl server (``window_settings``); the secret and the private key are cleared when the
window closes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QSettings, Qt, Slot
from PySide6.QtGui import QCloseEvent, QGuiApplication, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core import Issue, Mode, Verdict
from ..document import LARGE_INPUT_CHARS, InspectorDocument
from ..panes.findings_pane import FindingsPane
from ..panes.header_fields import HeaderFields
from ..panes.key_panel import KeyPanel
from ..panes.project_group import ProjectGroup
from ..panes.token_pane import TokenPane
from ..panes.verdict_banner import VerdictBanner
from ..panes.why_panel import WhyPanel
from ..style.icons import app_icon
from ..style.shortcuts import shortcut_text
from ..style.tones import Tones, set_text_colour, tones_for
from .detail_tabs import DetailTabs
from .focus import focus_issue
from .integration import IntegrationParts
from .qa_features import QAFeatures
from .token_tools import TokenTools
from .window_actions import WindowActions
from .window_settings import (
    SETTINGS_KEYS,
    StoredState,
    WindowSettings,
    first_size,
    scratch_settings,
)

__all__ = ["LARGE_INPUT_CHARS", "SETTINGS_KEYS", "InspectorWindow", "scratch_settings"]

STATUS_MS = 6000


class InspectorWindow(QMainWindow):
    """The main window. ``clock``, ``tick_interval_ms`` and ``large_input_chars`` go to the
    document (tests pass their own)."""

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
        self._tones = tones_for(self.palette())
        self.document = InspectorDocument(
            clock=clock,
            tick_interval_ms=tick_interval_ms,
            large_input_chars=large_input_chars,
            parent=self,
        )
        self._build_ui()
        self._build_actions()
        self.integration = IntegrationParts(self)  # the Code and Project book tabs
        self.qa = QAFeatures(self, self.document, self.tabs, self._tones)
        self._apply_tones()
        self._restore_settings()
        self.document.message.connect(self._say)
        self.document.load_sample()

    # --- building ------------------------------------------------------------------------------

    def _build_ui(self) -> None:
        document, tones = self.document, self._tones
        central = QWidget(self)
        central.setObjectName("central")
        self.setCentralWidget(central)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.banner = VerdictBanner(document, tones, central)
        self.badge = self.banner.badge
        outer.addWidget(self.banner)
        self.why_panel = WhyPanel(document, tones, central)
        outer.addWidget(self.why_panel)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, central)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(6)
        outer.addWidget(self.splitter, 1)

        self.token_splitter = QSplitter(Qt.Orientation.Vertical, self.splitter)
        self.token_splitter.setObjectName("tokenSplitter")
        self.token_splitter.setChildrenCollapsible(False)
        self.token_pane = TokenPane(document, tones, self.token_splitter)  # first in Tab order
        self.copy_bar = self.token_pane.copy_bar
        self.findings = FindingsPane(document, tones, self.token_splitter)
        self.findings.issueActivated.connect(self._on_issue_activated)
        self.token_splitter.setStretchFactor(0, 3)
        self.token_splitter.setStretchFactor(1, 2)

        side = QWidget(self.splitter)
        side.setObjectName("detailSide")
        column = QVBoxLayout(side)
        column.setContentsMargins(6, 10, 12, 8)
        column.setSpacing(8)
        group = QGroupBox("Project and key", side)
        group.setObjectName("projectAndKey")
        inside = QVBoxLayout(group)
        inside.setSpacing(6)
        mono = self.token_pane.token_edit.font()
        self.project_group = ProjectGroup(document, tones, mono, group)
        self.header_fields = HeaderFields(document, tones, group)
        self.key_panel = KeyPanel(document, tones, group)
        for pane in (self.project_group, self.header_fields, self.key_panel):
            inside.addWidget(pane)
        column.addWidget(group)

        self.tabs = DetailTabs(document, tones, side)
        self.claims_form = self.tabs.claims_form
        column.addWidget(self.tabs, 1)
        self.splitter.setStretchFactor(0, 9)
        self.splitter.setStretchFactor(1, 11)
        self.splitter.setSizes([450, 550])

        self.settings_problem_label = QLabel(self)
        self.settings_problem_label.setObjectName("settingsProblemLabel")
        self.settings_problem_label.setAccessibleName("Problem with the settings file")
        self.settings_problem_label.setTextFormat(Qt.TextFormat.PlainText)
        self.settings_problem_label.hide()
        self.statusBar().addWidget(self.settings_problem_label, 1)
        self.offline_label = QLabel("Offline: nothing you enter leaves this computer", self)
        self.offline_label.setObjectName("offlineLabel")
        self.statusBar().addPermanentWidget(self.offline_label)
        self.statusBar().setSizeGripEnabled(True)

    def _build_actions(self) -> None:
        actions = self.window_actions = WindowActions(self)
        document = self.document
        self.token_tools = TokenTools(self, document, actions.compare)  # drops, "Compare with…"
        for action, slot in (
            (actions.paste, self.token_pane.paste_from_clipboard),
            (actions.copy_report, self.findings.copy_report),
            (actions.save_report, self.findings.save_report),
            (actions.resign, document.start_composing),
            (actions.back, document.back_to_pasted),
            (actions.clear_secret, document.forget_secrets),
            (actions.sample, document.load_sample),
            (actions.quit, self.close),
            (actions.focus_token, self._on_focus_token),
            (actions.focus_secret, self.key_panel.focus_key),
            (actions.focus_project, self._on_focus_project),
            (actions.claims_tab, partial(self.tabs.setCurrentIndex, 0)),
            (actions.json_tab, partial(self.tabs.show_page, self.tabs.json_tab)),
            (actions.signin_tab, partial(self.tabs.show_page, self.tabs.signin_tab)),
            (actions.shortcuts, self._on_shortcuts),
            (actions.secret_help, self._on_secret_help),
            (actions.about, self._on_about),
        ):
            action.triggered.connect(slot)
        self.copy_bar.attach_actions(actions.copy)
        document.changed.connect(self._on_document_changed)
        clear_button = self.key_panel.clear_button
        clear_button.setToolTip(
            f"{clear_button.toolTip()}. {shortcut_text(actions.clear_secret)} clears it and the "
            "private key from anywhere in the window."
        )
        self._on_document_changed(frozenset(), None)

    # --- colours -----------------------------------------------------------------------------

    def _apply_tones(self) -> None:
        tones = self._tones
        for pane in (
            self.banner,
            self.token_pane,
            self.findings,
            self.project_group,
            self.key_panel,
            self.tabs,
            self.why_panel,
        ):
            pane.set_tones(tones)
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
            if self.document.verdict is not None:
                self.document.verdictChanged.emit()

    # --- what tests and the app read ---------------------------------------------------------

    @property
    def verdict(self) -> Verdict | None:
        """The verdict shown."""
        return self.document.verdict

    @property
    def mode(self) -> Mode:
        return self.document.draft.mode

    def token_text(self) -> str:
        """The whole token in the pane, also when only a preview of it is shown."""
        return self.token_pane.token_edit.token_text()

    def secret_texts(self) -> list[str]:
        """The secret and private key entered, for keeping them out of error reports."""
        return self.document.secret_texts()

    # --- routing -------------------------------------------------------------------------------

    @Slot(object, object)
    def _on_document_changed(self, _changes: frozenset[object], _origin: object) -> None:
        draft = self.document.draft
        self.window_actions.back.setEnabled(draft.can_go_back)
        self.window_actions.resign.setEnabled(draft.mode is Mode.CHECKING)

    @Slot(object)
    def _on_issue_activated(self, issue: object) -> None:
        if isinstance(issue, Issue):
            self.focus_issue(issue)

    def focus_issue(self, issue: Issue) -> QWidget:
        """Bring the field ``issue`` shows at (as the core decides) into view and focus it."""
        return focus_issue(self, issue)

    # --- actions --------------------------------------------------------------------------------

    @Slot(str)
    def _say(self, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_MS)

    @Slot()
    def _on_focus_token(self) -> None:
        self.token_pane.token_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot()
    def _on_focus_project(self) -> None:
        self.project_group.project_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.project_group.project_edit.selectAll()

    @Slot()
    def _on_shortcuts(self) -> None:
        from .help_box import HelpBox  # noqa: PLC0415 (the Help menu's boxes: when asked)

        HelpBox.show_text(self, "Keyboard shortcuts", self.window_actions.shortcuts_text())

    @Slot()
    def _on_secret_help(self) -> None:
        from .help_box import SECRET_HELP, HelpBox  # noqa: PLC0415 (when asked)

        HelpBox.show_text(self, "Where is my project's secret?", SECRET_HELP)

    @Slot()
    def _on_about(self) -> None:
        from .about_box import AboutBox  # noqa: PLC0415 (when asked)

        AboutBox.show_about(self)

    # --- settings and life cycle -------------------------------------------------------------

    def _restore_settings(self) -> None:
        state = self._store.load()
        if state.geometry is None or not self.restoreGeometry(state.geometry):
            self.resize(*first_size(self.screen() or QGuiApplication.primaryScreen()))
        for key, splitter in (
            ("window/splitter", self.splitter),
            ("window/token_splitter", self.token_splitter),
        ):
            saved = state.splitters.get(key)
            if saved is not None:
                splitter.restoreState(saved)
        if state.project_id is not None:
            self.document.set_project_text(state.project_id)
        self.document.set_leeway(float(state.leeway))
        self.copy_bar.server_edit.setText(state.server_base)
        self._show_settings_problem()

    def _show_settings_problem(self) -> None:
        problem = self._store.problem
        label = self.settings_problem_label
        label.setText(f"⚠ {problem.summary}" if problem else "")
        label.setToolTip(problem.detail if problem else "")
        label.setAccessibleDescription(problem.detail if problem else "")
        label.setVisible(problem is not None)

    def save_settings(self) -> bool:
        """Store the geometry, a valid project id, the leeway and the curl server: nothing
        else, never a secret. ``False`` when they could not be written (the window says so)."""
        draft = self.document.draft
        saved = self._store.save(
            StoredState(
                geometry=self.saveGeometry(),
                splitters={
                    "window/splitter": self.splitter.saveState(),
                    "window/token_splitter": self.token_splitter.saveState(),
                },
                project_id=draft.project().project_id,
                leeway=round(draft.leeway),
                server_base=self.copy_bar.server_edit.text().strip(),
            )
        )
        self._show_settings_problem()
        return saved

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.document.set_ticking(True)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.document.set_ticking(False)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.document.shutdown()
        self.document.clear_secrets()
        super().closeEvent(event)
