"""Copy actions put the token in the forms Tiledesk's clients use, and never the secret."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QPushButton

from tiledesk_jwt_gui.core import DEMO_SECRET
from tiledesk_jwt_gui.ui import InspectorWindow

from .conftest import child

TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyZXh0ZXJuYWwifQ.c2ln"


def clipboard() -> str:
    return QGuiApplication.clipboard().text()


@pytest.mark.parametrize(
    ("button", "expected"),
    [
        ("copyTokenButton", "{token}"),
        ("copyAuthHeaderButton", "Authorization: JWT {token}"),
        ("copyWidgetCallButton", "window.Tiledesk('signInWithCustomToken', 'JWT {token}');"),
        (
            "copyCurlButton",
            "curl -X POST https://api.tiledesk.com/v3/auth/signinWithCustomToken "
            "-H 'Authorization: JWT {token}'",
        ),
    ],
)
def test_copy_buttons(window: InspectorWindow, button: str, expected: str) -> None:
    token = child(window, QPlainTextEdit, "tokenEdit").toPlainText()
    child(window, QPushButton, button).click()
    assert clipboard() == expected.format(token=token)
    assert DEMO_SECRET not in clipboard()


def test_pasted_token_is_copied_clean_and_curl_uses_the_base_url(window: InspectorWindow) -> None:
    child(window, QPlainTextEdit, "tokenEdit").setPlainText(f"  Bearer {TOKEN}\n")
    child(window, QLineEdit, "serverBaseEdit").setText("https://tiledesk.example.org/api/ ")
    child(window, QPushButton, "copyCurlButton").click()
    assert clipboard() == (
        "curl -X POST https://tiledesk.example.org/api/auth/signinWithCustomToken "
        f"-H 'Authorization: JWT {TOKEN}'"
    )
    child(window, QAction, "copyTokenAction").trigger()
    assert clipboard() == TOKEN


def test_nothing_is_copied_from_an_out_of_date_token(window: InspectorWindow) -> None:
    QGuiApplication.clipboard().setText("untouched")
    child(window, QLineEdit, "secretEdit").clear()  # composing, so nothing can be signed
    assert not child(window, QPushButton, "copyTokenButton").isEnabled()
    child(window, QAction, "copyTokenAction").trigger()
    assert clipboard() == "untouched"


def test_paste_token_action_replaces_the_token(window: InspectorWindow) -> None:
    QGuiApplication.clipboard().setText(TOKEN)
    child(window, QAction, "pasteTokenAction").trigger()
    assert child(window, QPlainTextEdit, "tokenEdit").toPlainText() == TOKEN
    assert child(window, QComboBox, "claim_sub").currentText() == "userexternal"
