"""From the token to the integration, in the window: the Code tab, the Project book tab, the
book's notice under the key, "Save widget test page…" in the Token menu and two Go entries.

Kept out of ``main_window`` (which builds one of these): it adds its tabs, actions and menu
entries to the frame, and gives the document's ``code`` companion the copy bar's server URL
(the one remembered in the settings), which the widget page and the curl script call. None of
it shows in the first frame: the tabs are built when first shown, the companions are made on
first use (the server URL is handed over then), and the notice bar once the book is open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QGroupBox, QMenu, QWidget

from ...core import Mode
from ..document import Change
from ..style.tones import tones_for
from ..widgets.lazy_page import LazyPage

if TYPE_CHECKING:
    from ..document.book import ProjectBook
    from ..document.code import CodeSamples
    from ..panes.book_notice_bar import BookNoticeBar
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
        document, tabs = window.document, window.tabs
        self.code_tab_page: LazyPage[CodePane] = LazyPage(self._code_pane, tabs)
        self.code_tab_page.setObjectName("codeTab")
        self.book_tab_page: LazyPage[BookPane] = LazyPage(self._book_pane, tabs)
        self.book_tab_page.setObjectName("bookTab")
        tabs.addTab(self.code_tab_page, "C&ode")
        tabs.addTab(self.book_tab_page, "Project &book")
        self._code_follows = False
        self.notice_bar: BookNoticeBar | None = None
        """The book's notice under the key, built with the book (``open_book``)."""
        document.changed.connect(self._on_document_changed)
        window.copy_bar.server_edit.textChanged.connect(self._on_server_changed)

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

        self.code_samples()
        return CodePane(self._window.document, tones_for(self._window.palette()), parent)

    def _book_pane(self, parent: QWidget) -> BookPane:
        from ..panes.book_pane import BookPane  # noqa: PLC0415 (built on first use)

        self.code_samples()  # the pane offers the copy bar's server for a new project
        self.open_book()
        return BookPane(self._window.document, tones_for(self._window.palette()), parent)

    def code_samples(self) -> CodeSamples:
        """The document's ``code`` companion (made now if it was not yet), given the copy
        bar's server URL; it follows the field from then on."""
        from ..document.code import CodeSamples  # noqa: PLC0415 (made on first use)

        code = CodeSamples.of(self._window.document)
        code.set_server(self._window.copy_bar.server_edit.text())
        self._code_follows = True
        return code

    @Slot(str)
    def _on_server_changed(self, _text: str) -> None:
        if self._code_follows:  # until the companion is asked for, nothing to tell it
            self.code_samples()

    def open_book(self) -> ProjectBook:
        """The document's project book, made and read now if it was not yet, with its notice
        bar under the key."""
        from ..document.book import ProjectBook  # noqa: PLC0415 (made on first use)
        from ..panes.book_notice_bar import BookNoticeBar  # noqa: PLC0415 (idem)

        window = self._window
        book = ProjectBook.of(window.document)
        if self.notice_bar is None:
            group = window.findChild(QGroupBox, "projectAndKey")
            self.notice_bar = BookNoticeBar(window.document, tones_for(window.palette()), group)
            layout = group.layout() if group is not None else None
            if layout is not None:
                layout.addWidget(self.notice_bar)
        return book

    @Slot(object, object)
    def _on_document_changed(self, _changes: frozenset[Change], _origin: object) -> None:
        # The book matches a checked token to its projects (and may load its secret): it is
        # opened when a token is first checked. The first frame composes the sample.
        draft = self._window.document.draft
        if self.notice_bar is None and draft.mode is Mode.CHECKING and draft.token:
            self.open_book()

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
            for pane in (self.notice_bar, self.code_tab_page.built, self.book_tab_page.built):
                if pane is not None:
                    pane.set_tones(tones)
        return False
