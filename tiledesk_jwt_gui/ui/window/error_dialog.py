"""The dialog that reports an unexpected error: behind a classmethod so that tests can replace
it."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

__all__ = ["ErrorDialog"]


class ErrorDialog:
    @classmethod
    def show_error(cls, parent: QWidget | None, summary: str, details: str) -> None:
        """Tell the person what failed (``details``: the traceback, already without secrets)."""
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "Something went wrong",
            summary,
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.setObjectName("errorDialog")
        box.setInformativeText(
            "The window is still running and what you entered is still there. The details "
            "below hold no secret."
        )
        box.setDetailedText(details)
        box.exec()
        box.deleteLater()
