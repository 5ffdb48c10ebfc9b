"""Asking for another secret to sign the token with once: a masked field that cannot be copied
from; the answer is handed back and kept nowhere. Behind a classmethod so tests can answer it."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from .secret_line_edit import SecretLineEdit

__all__ = ["OtherSecretDialog"]

EXPLANATION = (
    "The token shown is signed once with this secret instead of the project's, then checked "
    "against the project's secret, as Tiledesk would check it. This secret is not kept: not "
    "in the settings, not in the window once the dialog closes."
)


class OtherSecretDialog(QDialog):
    """The dialog itself; ``ask`` runs it and returns the secret, or ``None`` on cancel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("otherSecretDialog")
        self.setWindowTitle("Sign with another secret")
        column = QVBoxLayout(self)
        explanation = QLabel(EXPLANATION, self)
        explanation.setWordWrap(True)
        column.addWidget(explanation)
        self.secret_edit = SecretLineEdit(self)
        self.secret_edit.setObjectName("otherSecretEdit")
        self.secret_edit.setAccessibleName("The other secret")
        self.secret_edit.setPlaceholderText("Another secret (masked)")
        column.addWidget(self.secret_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Sign once")
        ok.setEnabled(False)
        column.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.secret_edit.textChanged.connect(self._on_text)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 34)

    @Slot(str)
    def _on_text(self, text: str) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text))

    def take_secret(self) -> str:
        """The secret typed, and the field emptied."""
        secret = self.secret_edit.text()
        self.secret_edit.clear()
        return secret

    @classmethod
    def ask(cls, parent: QWidget) -> str | None:
        dialog = cls(parent)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            secret = dialog.take_secret()
        finally:
            dialog.deleteLater()
        return secret if accepted and secret else None
