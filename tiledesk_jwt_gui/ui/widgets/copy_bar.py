"""Copy actions: the token alone, as an ``Authorization`` header, as the widget's sign-in call,
and as a ``curl`` POST to a configurable Tiledesk server. Only the token is ever copied."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ...core.snippets import (
    DEFAULT_SERVER_BASE,
    SIGNIN_PATH,
    authorization_header,
    curl_command,
    widget_call,
)
from ..style.shortcuts import shortcut_text

__all__ = ["CopyBar"]

COPY_KINDS = {
    "token": "the token",
    "header": "the Authorization header",
    "widget": "the widget sign-in call",
    "curl": "the curl command",
}


class CopyBar(QWidget):
    """``token_source`` gives the token to copy, or ``None`` when there is none to copy.
    ``copied`` says in words what went to the clipboard."""

    copied = Signal(str)

    def __init__(
        self, token_source: Callable[[], str | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("copyBar")
        self._token_source = token_source
        self._actions: dict[str, QAction] = {}
        self.buttons: dict[str, QPushButton] = {}
        specs = (
            ("token", "copyTokenButton", "Copy token", "Copy the token"),
            (
                "header",
                "copyAuthHeaderButton",
                "Authorization header",
                "Copy 'Authorization: JWT <token>', the header Tiledesk's API reads",
            ),
            (
                "widget",
                "copyWidgetCallButton",
                "Widget call",
                "Copy window.Tiledesk('signInWithCustomToken', 'JWT <token>') for the web widget",
            ),
            (
                "curl",
                "copyCurlButton",
                "curl",
                f"Copy a curl command that posts the token to <server>/{SIGNIN_PATH}",
            ),
        )
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(QLabel("Copy:", self))
        for kind, name, text, tip in specs:
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.setAccessibleName(tip.split(",")[0].split(" for ")[0])
            button.setToolTip(tip + ". The secret is never copied.")
            button.clicked.connect(self._on_clicked)
            self.buttons[kind] = button
            row.addWidget(button)
        row.addStretch(1)
        self.server_edit = QLineEdit(DEFAULT_SERVER_BASE, self)
        self.server_edit.setObjectName("serverBaseEdit")
        self.server_edit.setAccessibleName("Tiledesk server base URL for curl")
        self.server_edit.setToolTip(
            f"The API base the curl command posts to (…/{SIGNIN_PATH}). Nothing is sent from "
            "this app: it only writes the command."
        )
        self.server_edit.setPlaceholderText(DEFAULT_SERVER_BASE)
        server_label = QLabel("curl &server:", self)
        server_label.setBuddy(self.server_edit)
        server_row = QHBoxLayout()
        server_row.setSpacing(6)
        server_row.addWidget(server_label)
        server_row.addWidget(self.server_edit, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addLayout(row)
        column.addLayout(server_row)

    def text_for(self, kind: str) -> str | None:
        """What ``kind`` copies now (``None``: no token to copy)."""
        token = self._token_source()
        if not token:
            return None
        if kind == "header":
            return authorization_header(token)
        if kind == "widget":
            return widget_call(token)
        if kind == "curl":
            return curl_command(self.server_edit.text(), token)
        return token

    def copy(self, kind: str) -> bool:
        text = self.text_for(kind)
        if text is None:
            return False
        QGuiApplication.clipboard().setText(text)
        self.copied.emit(f"Copied {COPY_KINDS[kind]} ({len(text):,} characters)")
        return True

    def attach_actions(self, actions: Mapping[str, QAction]) -> None:
        """Let ``actions`` (by kind) copy as the buttons do, and be enabled as they are."""
        slots = {
            "token": self.copy_token,
            "header": self.copy_header,
            "widget": self.copy_widget,
            "curl": self.copy_curl,
        }
        for kind, action in actions.items():
            action.triggered.connect(slots[kind])
            button = self.buttons[kind]
            button.setToolTip(f"{button.toolTip()} ({shortcut_text(action)})")
            self._actions[kind] = action

    def set_available(self, available: bool, why: str = "") -> None:
        for button in self.buttons.values():
            button.setEnabled(available)
            button.setStatusTip(why)
        for action in self._actions.values():
            action.setEnabled(available)

    @Slot()
    def copy_token(self) -> None:
        self.copy("token")

    @Slot()
    def copy_header(self) -> None:
        self.copy("header")

    @Slot()
    def copy_widget(self) -> None:
        self.copy("widget")

    @Slot()
    def copy_curl(self) -> None:
        self.copy("curl")

    @Slot()
    def _on_clicked(self) -> None:
        for kind, button in self.buttons.items():
            if button is self.sender():
                self.copy(kind)
                return
