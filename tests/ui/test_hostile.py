"""The hostile token catalogue, pasted into the window the way a person does (the paste key in
the token pane): every token gets a verdict and a message, a forgery is never shown as "Signature
Verified", nothing raises (pytest-qt fails the test on an exception in a slot), Qt has nothing to
complain about, and the window still answers the next paste."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from tests.core.hostile import CLAIMS, NOW, PROJECT, SECRET, Hostile, catalogue, js, raw_token
from tiledesk_jwt_gui.core import MAX_TOKEN_CHARS
from tiledesk_jwt_gui.ui import InspectorWindow
from tiledesk_jwt_gui.ui.widgets.issue_list import IssueList
from tiledesk_jwt_gui.ui.widgets.token_edit import TokenEdit

from .conftest import FakeClock, QtLog, child, press_paste, qt_complaints

CATALOGUE = catalogue()
GOOD = raw_token(js({"alg": "HS256", "typ": "JWT"}), js(CLAIMS))


def paste(qtbot: QtBot, window: InspectorWindow, text: str) -> None:
    """Select all in the token pane and press the paste key, as a person does; wait for the
    verdict on exactly ``text`` (large ones come from the worker thread)."""
    QGuiApplication.clipboard().setText(text)
    edit = child(window, TokenEdit, "tokenEdit")
    edit.selectAll()
    press_paste(edit)
    qtbot.waitUntil(
        lambda: window.verdict is not None and window.verdict.inspection.original == text,
        timeout=20_000,
    )


@pytest.fixture
def armed(qtbot: QtBot, settings: QSettings) -> InspectorWindow:
    """The window with the catalogue's project id and secret entered."""
    window = InspectorWindow(settings, clock=FakeClock(NOW))
    qtbot.addWidget(window)
    child(window, QLineEdit, "projectIdEdit").setText(PROJECT)
    child(window, QLineEdit, "secretEdit").setText(SECRET)
    return window


@pytest.mark.parametrize("item", CATALOGUE, ids=[h.name for h in CATALOGUE])
def test_hostile_token_pasted_into_the_window(
    qtbot: QtBot, armed: InspectorWindow, qtlog: QtLog, item: Hostile
) -> None:
    paste(qtbot, armed, item.token)
    verdict = armed.verdict
    assert verdict is not None
    headline = child(armed, QLabel, "verdictLabel").text()
    badge = child(armed, QLabel, "signatureBadge").text()
    assert headline.startswith("Tiledesk would"), headline
    assert badge
    assert child(armed, QLabel, "verdictDetailLabel").text()
    assert armed.token_text() == item.token  # the token is kept exactly as pasted
    if item.forged:
        assert badge != "Signature Verified"
        assert not headline.startswith("Tiledesk would accept")
    if not verdict.accepted:
        errors = [i for i in child(armed, IssueList, "issuesList").issues() if i.message]
        assert errors, "a refusal names its cause in the findings"
        assert "0 errors" not in armed.findings.title.text()
    if len(item.token) > MAX_TOKEN_CHARS:
        assert "too_large" in {i.code for i in verdict.errors}
    assert qt_complaints(qtlog) == []

    # Still responsive: the next paste, a good token, is judged and verified.
    paste(qtbot, armed, GOOD)
    assert child(armed, QLabel, "signatureBadge").text() == "Signature Verified"
    assert child(armed, QLabel, "verdictLabel").text().startswith("Tiledesk would accept")
