"""Choosing a key file: behind a classmethod so that tests can replace the dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QWidget

__all__ = ["OpenKeyDialog"]

KEY_FILE_FILTER = "Keys (*.pem *.key *.pub *.crt *.cer *.json *.jwk *.jwks *.txt);;All files (*)"


class OpenKeyDialog:
    """``ask`` returns the chosen path, or ``None`` when the person cancels."""

    @classmethod
    def ask(cls, parent: QWidget, title: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(parent, title, "", KEY_FILE_FILTER)
        return path or None
