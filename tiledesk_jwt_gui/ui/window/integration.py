"""From the token to the integration, in the window: the Code tab, the Project book tab, the
book's notice under the key, "Save widget test page…" in the Token menu and two Go entries.

Kept out of ``main_window`` (which builds one of these): it adds its tabs, actions and menu
entries to the frame, and gives the document's ``code`` companion the copy bar's server URL
(the one remembered in the settings), which the widget page and the curl script call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QGroupBox, QMenu

from ..panes.book_notice_bar import BookNoticeBar
from ..panes.book_pane import BookPane
from ..panes.code_pane import CodePane
from ..style.tones import tones_for

if TYPE_CHECKING:
    from .main_window import InspectorWindow

__all__ = ["IntegrationParts"]

_PALETTE_EVENTS = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)


class IntegrationParts(QObject):
    """Built once the window has its panes and menus."""

    def __init__(self, window: InspectorWindow) -> None:
        super().__init__(window)
        self._window = window
        document, tones, tabs = window.document, window.tones, window.tabs
        self.code_pane = CodePane(document, tones, tabs)
        self.book_pane = BookPane(document, tones, tabs)
        tabs.addTab(self.code_pane, "C&ode")
        tabs.addTab(self.book_pane, "Project &book")
        group = window.findChild(QGroupBox, "projectAndKey")
        self.notice_bar = BookNoticeBar(document, tones, group)
        layout = group.layout() if group is not None else None
        if layout is not None:
            layout.addWidget(self.notice_bar)

        server_edit = window.copy_bar.server_edit
        document.code.set_server(server_edit.text())
        server_edit.textChanged.connect(document.code.set_server)

        self.save_page = self._action(
            "saveWidgetPageAction", "Save &widget test page…", None, self._on_save_page
        )
        self.code_tab = self._action("codeTabAction", "Show the c&ode", "Ctrl+4", self._on_code)
        self.book_tab = self._action(
            "bookTabAction", "Show the project &book", "Ctrl+5", self._on_book
        )
        bar = window.menuBar()
        token_menu, go_menu = bar.findChild(QMenu, "tokenMenu"), bar.findChild(QMenu, "goMenu")
        if token_menu is not None:
            token_menu.insertAction(window.window_actions.resign, self.save_page)
            token_menu.insertSeparator(window.window_actions.resign)
        if go_menu is not None:
            go_menu.addActions([self.code_tab, self.book_tab])
        window.installEventFilter(self)

    def _action(self, name: str, text: str, shortcut: str | None, slot: object) -> QAction:
        action = QAction(text, self._window)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self._window.addAction(action)
        return action

    @Slot()
    def _on_save_page(self) -> None:
        self.code_pane.save_widget_page()

    @Slot()
    def _on_code(self) -> None:
        self._window.tabs.setCurrentWidget(self.code_pane)

    @Slot()
    def _on_book(self) -> None:
        self._window.tabs.setCurrentWidget(self.book_pane)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() in _PALETTE_EVENTS:
            tones = tones_for(self._window.palette())
            for pane in (self.code_pane, self.book_pane, self.notice_bar):
                pane.set_tones(tones)
        return False
