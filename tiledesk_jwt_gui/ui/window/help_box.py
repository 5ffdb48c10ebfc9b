"""The Help menu's two boxes: the shortcuts, and where a Tiledesk project's shared secret is
found. Behind classmethods so that tests can replace them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

__all__ = ["SECRET_HELP", "HelpBox"]

# (S105: where to find a secret, not one.)

SECRET_HELP = (
    "A Tiledesk project's shared secret is made in the dashboard: Project Settings → "  # noqa: S105
    "Visitor Authentication → Generate.\n\n"
    "It is shown once, when it is generated: copy it then and keep it in your backend. "
    "Generating a new one replaces it, and tokens signed with the old one stop working.\n\n"
    "Paste it in the Secret field here: it stays in this window, never saved, never copied."
)


class HelpBox:
    @classmethod
    def show_text(cls, parent: QWidget, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
        box.setObjectName("helpBox")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
        box.deleteLater()
