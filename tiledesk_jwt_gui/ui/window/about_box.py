"""The About box, behind a classmethod so that tests can replace it."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

__all__ = ["AboutBox"]


class AboutBox:
    @classmethod
    def show_about(cls, parent: QWidget) -> None:
        from ... import __version__  # noqa: PLC0415 (package metadata is read only when shown)

        QMessageBox.about(
            parent,
            "About Tiledesk JWT Inspector",
            f"<h3>Tiledesk JWT Inspector {__version__}</h3>"
            "<p>An offline inspector for JSON Web Tokens that knows what the Tiledesk server "
            "accepts for custom authentication.</p>"
            "<p>Nothing you paste leaves this computer: the app makes no network connection, "
            "and the secret is never saved or copied.</p>",
        )
