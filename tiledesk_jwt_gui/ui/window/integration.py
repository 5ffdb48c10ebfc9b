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
from PySide6.QtWidgets import QGroupBox, QMenu, QWidget

from ..panes.book_notice_bar import BookNoticeBar
from ..style.tones import tones_for
from ..widgets.lazy_page import LazyPage

if TYPE_CHECKING:
    from ..panes.book_pane import BookPane
    from ..panes.code_pane import CodePane
    from .main_window import InspectorWindow

__all__ = ["IntegrationParts"]

_PALETTE_EVENTS = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)


class IntegrationParts(QObject):
    """Built once the window has its panes and menus."""

    def __init__(self, window: InspectorWindow) -> None:
        super().__init__(window)
        self._window = window
        document, tones, tabs = window.document, window.tones, window.tabs
        self.code_tab_page: LazyPage[CodePane] = LazyPage(self._code_pane, tabs)
        self.code_tab_page.setObjectName("codeTab")
        self.book_tab_page: LazyPage[BookPane] = LazyPage(self._book_pane, tabs)
        self.book_tab_page.setObjectName("bookTab")
        tabs.addTab(self.code_tab_page, "C&ode")
        tabs.addTab(self.book_tab_page, "Project &book")
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

    # The two tabs are built when first shown or asked for (``LazyPage``).

    def _code_pane(self, parent: QWidget) -> CodePane:
        from ..panes.code_pane import CodePane  # noqa: PLC0415 (built on first use)

        return CodePane(self._window.document, tones_for(self._window.palette()), parent)

    def _book_pane(self, parent: QWidget) -> BookPane:
        from ..panes.book_pane import BookPane  # noqa: PLC0415 (built on first use)

        return BookPane(self._window.document, tones_for(self._window.palette()), parent)

    @property
    def code_pane(self) -> CodePane:
        """The Code tab's pane (built now if it was not yet)."""
        return self.code_tab_page.content

    @property
    def book_pane(self) -> BookPane:
        """The Project book tab's pane (built now if it was not yet)."""
        return self.book_tab_page.content

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
        self._window.tabs.show_page(self.code_tab_page)

    @Slot()
    def _on_book(self) -> None:
        self._window.tabs.show_page(self.book_tab_page)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() in _PALETTE_EVENTS:
            tones = tones_for(self._window.palette())
            self.notice_bar.set_tones(tones)
            for pane in (self.code_tab_page.built, self.book_tab_page.built):
                if pane is not None:
                    pane.set_tones(tones)
        return False
