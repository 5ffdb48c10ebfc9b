"""The Projects tab: the project book (opt-in). Projects remembered by name, with their id,
server, the fingerprint of a secret kept in the system keyring (never the secret) and the
rotation note; Add, Edit, Use and Forget. The document's ``book`` companion does the work, its
keyring calls off the GUI thread; this pane shows it and asks the person."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core import DEMO_SECRET, book_path, page_project
from ..document import InspectorDocument
from ..document.book import ProjectBook
from ..document.code import CodeSamples
from ..style.plain import plain_label, plain_tip
from ..style.tones import Tones, set_text_colour
from ..widgets.project_dialog import ForgetDialog, ProjectDialog

__all__ = ["COLUMNS", "BookPane"]

COLUMNS = ("Name", "Project id", "Server", "Secret", "Note")


class BookPane(QWidget):
    """Views the document's ``ProjectBook``; fingerprints are read when the pane is first shown."""

    def __init__(
        self, document: InspectorDocument, tones: Tones, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bookPane")
        self.document = document
        self.book = ProjectBook.of(document)
        self._tones = tones
        self.intro_label = plain_label(
            self,
            "Remember projects to switch between them; a pasted token then picks its project "
            "from aud, with its secret. Nothing is remembered until you add a project; a "
            "secret only in the system keyring, and only when you tick it.",
        )
        self.intro_label.setObjectName("bookIntroLabel")
        self.intro_label.setWordWrap(True)
        self.intro_label.setToolTip(plain_tip(f"Names, ids and servers: {book_path()}"))
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("bookList")
        self.tree.setAccessibleName("Projects remembered")
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels(list(COLUMNS))
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.tree.header()
        header.setStretchLastSection(False)
        for index in range(len(COLUMNS)):
            mode = QHeaderView.ResizeMode.ResizeToContents
            if COLUMNS[index] == "Server":
                mode = QHeaderView.ResizeMode.Stretch  # the one elided when room is short
            header.setSectionResizeMode(index, mode)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        self.add_button = self._button("bookAddButton", "Add…", "Remember a project")
        self.edit_button = self._button(
            "bookEditButton", "Edit…", "Change the project's id, server or stored secret"
        )
        self.use_button = self._button(
            "bookUseButton", "Use", "Check against this project, with its remembered secret"
        )
        self.forget_button = self._button(
            "bookForgetButton", "Forget", "Forget the project, and its secret in the keyring"
        )
        for button in (self.add_button, self.edit_button, self.use_button, self.forget_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.problem_label = plain_label(self)
        self.problem_label.setObjectName("bookProblemLabel")
        self.problem_label.setAccessibleName("Problem with the project book")
        self.problem_label.setWordWrap(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(2, 8, 2, 2)
        column.setSpacing(6)
        column.addWidget(self.intro_label)
        column.addWidget(self.tree, 1)
        column.addLayout(buttons)
        column.addWidget(self.problem_label)

        self.add_button.clicked.connect(self.add_project)
        self.edit_button.clicked.connect(self.edit_project)
        self.use_button.clicked.connect(self.use_project)
        self.forget_button.clicked.connect(self.forget_project)
        self.tree.itemDoubleClicked.connect(self._on_double_click)
        self.tree.itemSelectionChanged.connect(self._enable)
        self.book.changed.connect(self._show)
        self.set_tones(tones)
        self._show()

    def _button(self, name: str, text: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setToolTip(tip)
        return button

    def set_tones(self, tones: Tones) -> None:
        self._tones = tones
        set_text_colour(self.intro_label, tones.muted)
        set_text_colour(self.problem_label, tones.warn)

    # --- what is shown -------------------------------------------------------------------------

    def selected_name(self) -> str | None:
        items = self.tree.selectedItems()
        return items[0].text(0) if items else None

    @Slot()
    def _show(self) -> None:
        selected = self.selected_name()
        book = self.book
        self.tree.clear()
        for entry in book.entries:
            values = (
                entry.name,
                entry.project_id,
                entry.server,
                book.statuses.get(entry.name, ""),
                entry.rotation_note or "",
            )
            item = QTreeWidgetItem(list(values))
            for index, value in enumerate(values):
                item.setToolTip(index, plain_tip(value))
            self.tree.addTopLevelItem(item)
            if entry.name == selected:
                item.setSelected(True)
        problem = book.problem or ""
        self.problem_label.setText(problem)
        self.problem_label.setToolTip(plain_tip(problem))
        self.problem_label.setVisible(bool(problem))
        self._enable()

    @Slot()
    def _enable(self) -> None:
        chosen = self.selected_name() is not None
        for button in (self.edit_button, self.use_button, self.forget_button):
            button.setEnabled(chosen)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.book.refresh_statuses()

    # --- intents ----------------------------------------------------------------------------------

    def _window_secret(self) -> str:
        secret = self.document.keyring.secret_text
        return "" if secret == DEMO_SECRET else secret

    @Slot()
    def add_project(self) -> None:
        project = page_project(self.document.draft.project()) or ""
        answer = ProjectDialog.ask(
            self,
            entry=None,
            project_id=project,
            server=CodeSamples.of(self.document).server,
            window_secret=self._window_secret(),
        )
        if answer is not None:
            self.book.remember(
                answer.name,
                answer.project_id,
                answer.server,
                answer.secret,
                keep_secret=answer.keep_secret,
            )

    @Slot()
    def edit_project(self) -> None:
        name = self.selected_name()
        entry = self.book.find(name) if name else None
        if entry is None:
            return
        answer = ProjectDialog.ask(self, entry=entry, window_secret=self._window_secret())
        if answer is not None:
            self.book.remember(
                entry.name,
                answer.project_id,
                answer.server,
                answer.secret,
                keep_secret=answer.keep_secret,
            )

    @Slot()
    def use_project(self) -> None:
        name = self.selected_name()
        if name is not None:
            self.book.use(name)

    @Slot()
    def forget_project(self) -> None:
        name = self.selected_name()
        entry = self.book.find(name) if name else None
        if entry is not None and ForgetDialog.ask(self, entry.name, entry.secret_in_keyring):
            self.book.forget(entry.name)

    @Slot(QTreeWidgetItem, int)
    def _on_double_click(self, item: QTreeWidgetItem, _column: int) -> None:
        self.book.use(item.text(0))
