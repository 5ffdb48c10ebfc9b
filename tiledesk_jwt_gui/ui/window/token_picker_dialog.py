"""Which token? A dropped file (a HAR export, a log) held several: the list to pick from, each
with where it was found and a short preview. Behind a classmethod so that tests can answer."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core import TokenCandidate

__all__ = ["TokenPickerDialog", "candidate_line"]


def candidate_line(number: int, candidate: TokenCandidate) -> str:
    """One list entry: the number, a preview of the token (never all of it), where it was."""
    token = candidate.token
    preview = token if len(token) <= 40 else f"{token[:24]}…{token[-10:]}"
    return f"{number}. {preview}  ({candidate.where})"


class TokenPickerDialog(QDialog):
    """The list; Enter or a double click takes the chosen token."""

    def __init__(
        self, candidates: Sequence[TokenCandidate], file_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tokenPickerDialog")
        self.setWindowTitle("Choose a token")
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        intro = QLabel(self)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        intro.setText(f"{file_name} holds {len(candidates)} different tokens. Which one?")
        self.list = QListWidget(self)
        self.list.setObjectName("tokenPickerList")
        self.list.setAccessibleName("Tokens found in the file")
        for number, candidate in enumerate(candidates, start=1):
            item = QListWidgetItem(candidate_line(number, candidate))  # item text is plain
            item.setToolTip(candidate.where)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(self.accept)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText("Inspect this token")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addWidget(self.list, 1)
        column.addWidget(buttons)
        self.resize(720, 360)

    @classmethod
    def ask(
        cls, parent: QWidget, candidates: Sequence[TokenCandidate], file_name: str
    ) -> int | None:
        """The index of the token chosen, or ``None`` when the person cancels."""
        dialog = cls(candidates, file_name, parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            row = dialog.list.currentRow()
            return row if 0 <= row < len(candidates) else None
        finally:
            dialog.deleteLater()
