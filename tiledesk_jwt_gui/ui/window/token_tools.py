"""The window's part of issue 12: a file dropped anywhere on it (its token extracted, a list to
pick from when it holds several), and "Compare with…" (a second token beside the current one).
Kept out of ``main_window`` so that the frame stays a frame."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from ...core import FileTokens
from ..document import InspectorDocument
from ..document.token_files import TokenFiles
from .file_drop import FileDrop

if TYPE_CHECKING:
    from .compare_dialog import CompareDialog

__all__ = ["TokenTools"]


class TokenTools(QObject):
    def __init__(self, window: QMainWindow, document: InspectorDocument, compare: QAction) -> None:
        super().__init__(window)
        self.window = window
        self.document = document
        self.file_drop = FileDrop(window, document)
        self.compare_dialog: CompareDialog | None = None
        self.files = TokenFiles.of(document)
        self.files.choose.connect(self._on_choose_token)
        compare.triggered.connect(self.compare)

    @Slot()
    def compare(self) -> None:
        """Open (or raise) the comparison beside the window."""
        if self.compare_dialog is None:
            from .compare_dialog import CompareDialog  # noqa: PLC0415 (imported when first opened)

            self.compare_dialog = CompareDialog(self.document, self.window)
        self.compare_dialog.open_beside()

    @Slot(object)
    def _on_choose_token(self, found: FileTokens) -> None:
        from .token_picker_dialog import TokenPickerDialog  # noqa: PLC0415 (when a file asks)

        index = TokenPickerDialog.ask(self.window, found.candidates, found.name)
        if index is not None:
            self.files.take(found, found.candidates[index])
