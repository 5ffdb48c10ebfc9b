"""A line edit for a secret: masked by default, and never copied, cut or dragged out, even
when revealed. The platform is told the text is sensitive (no prediction, no history)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QWidget

__all__ = ["SecretLineEdit"]

_BLOCKED_ACTIONS = ("edit-copy", "edit-cut")


class SecretLineEdit(QLineEdit):
    """Typing and pasting work; taking the secret out does not."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setDragEnabled(False)
        self.setInputMethodHints(
            Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText
            | Qt.InputMethodHint.ImhNoAutoUppercase
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy) or event.matches(
            QKeySequence.StandardKey.Cut
        ):
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu()
        for action in menu.actions():
            if action.objectName() in _BLOCKED_ACTIONS:
                menu.removeAction(action)
        menu.exec(event.globalPos())
        menu.deleteLater()
