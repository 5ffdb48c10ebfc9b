"""Issue 9's window items: token and file text is never rendered as HTML, keys are read off the
GUI thread once per change, only a project id is ever saved, a dropped file replaces the token,
and the leeway and time fields refuse what cannot be a number of seconds."""

from __future__ import annotations

import base64
import json
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from tests.core.keys_for_tests import rsa_public_jwk
from tiledesk_jwt_gui.core import DEMO_SECRET, demo_claims, secret_key, sign_token
from tiledesk_jwt_gui.ui import InspectorWindow
from tiledesk_jwt_gui.ui.document import document as document_module
from tiledesk_jwt_gui.ui.widgets.issue_list import IssueList

from .conftest import NOW, FakeClock, child, settle

MARKUP = (
    "<img src='file:///etc/passwd'>",
    "<a href='https://evil.example/'>click</a>",
    "<b>bold</b>",
    "<font size=7>HUGE</font>",
)


def b64(value: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


def hostile_token() -> str:
    header = {"alg": MARKUP[0] + MARKUP[2], "typ": MARKUP[3], "kid": MARKUP[1]}
    claims = {
        **demo_claims(int(NOW)),
        "sub": MARKUP[2],
        "email": MARKUP[0],
        "exp": MARKUP[3],
        MARKUP[1]: MARKUP[0],
    }
    return f"{b64(header)}.{b64(claims)}.c2ln"


def rendered_markup(window: InspectorWindow) -> list[str]:
    """Every label that would draw markup, and every tooltip that holds it unescaped."""
    found = []
    for widget in window.findChildren(QWidget):
        name = widget.objectName() or type(widget).__name__
        tip = widget.toolTip()
        if any(bit in tip for bit in ("<img", "<a href", "<b>bold", "<font")):
            found.append(f"tooltip of {name}: {tip[:80]}")
        if isinstance(widget, QLabel) and widget.textFormat() is not Qt.TextFormat.PlainText:
            text = widget.text()
            if GuiQt.mightBeRichText(text) and any(
                m in text for m in ("<img", "<a ", "<b>b", "<font")
            ):
                found.append(f"label {name}: {text[:80]}")
    issues = child(window, IssueList, "issuesList")
    for row in range(issues.count()):
        tip = issues.item(row).toolTip()
        if "<img" in tip or "<a href" in tip:
            found.append(f"finding tooltip: {tip[:80]}")
    return found


def test_token_text_is_never_rendered(qtbot: QtBot, window: InspectorWindow) -> None:
    token = hostile_token()
    child(window, QPlainTextEdit, "tokenEdit").setPlainText(token)
    assert window.verdict is not None
    assert window.verdict.inspection.original == token
    badge_tip = child(window, QLabel, "signatureBadge").toolTip()
    assert "&lt;img" in badge_tip or "<img" not in badge_tip
    assert rendered_markup(window) == []
    combo = child(window, QComboBox, "algCombo")
    assert "<img" in combo.currentText()  # shown as the characters it is


def test_key_file_text_is_never_rendered(qtbot: QtBot, window: InspectorWindow) -> None:
    combo = child(window, QComboBox, "algCombo")
    combo.setCurrentIndex(combo.findData("RS256"))
    jwk = {"kty": MARKUP[2] + MARKUP[0], "kid": MARKUP[1], "alg": MARKUP[3]}
    child(window, QPlainTextEdit, "publicKeyEdit").setPlainText(json.dumps(jwk))
    settle(qtbot, window)
    status = child(window, QLabel, "publicKeyStatus")
    assert status.text().startswith("✖")
    assert "<b>bold</b>" in status.text()  # the characters, shown as text
    assert status.textFormat() is Qt.TextFormat.PlainText
    assert rendered_markup(window) == []


def test_a_twelve_key_jwks_is_read_once_off_the_gui_thread(
    qtbot: QtBot, window: InspectorWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[bool] = []
    real = document_module.load_key_text

    def watched(text: str) -> object:
        threads.append(threading.current_thread() is threading.main_thread())
        return real(text)

    monkeypatch.setattr(document_module, "load_key_text", watched)
    combo = child(window, QComboBox, "algCombo")
    combo.setCurrentIndex(combo.findData("RS256"))
    jwks = json.dumps({"keys": [rsa_public_jwk(kid=f"k{n}") for n in range(12)]})
    child(window, QPlainTextEdit, "publicKeyEdit").setPlainText(jwks)
    assert child(window, QLabel, "publicKeyStatus").text() == "Reading the key…"
    settle(qtbot, window)
    assert threads == [False]
    assert "and 9 more" in child(window, QLabel, "publicKeyStatus").text()
    email = child(window, QLineEdit, "claim_email")
    QTest.keyClicks(email, "abc")
    assert threads == [False]  # an unrelated field never reads the keys again


def test_only_a_project_id_is_ever_saved(
    qtbot: QtBot, settings: QSettings, settings_path: Path
) -> None:
    window = InspectorWindow(settings, clock=FakeClock(NOW))
    qtbot.addWidget(window)
    typed = "c3e1a2b4-7d6f-4e8a-b9c0-1d2e3f4a5b6c"  # a secret, in the wrong field
    child(window, QLineEdit, "projectIdEdit").setText(typed)
    assert not child(window, QLabel, "projectIdError").isHidden()
    window.close()
    assert typed not in settings_path.read_text(encoding="utf-8")
    assert QSettings(str(settings_path), QSettings.Format.IniFormat).value("project_id") == ""


def test_a_dropped_token_file_replaces_the_token(
    qtbot: QtBot, shown: InspectorWindow, tmp_path: Path
) -> None:
    other = sign_token(
        None, {**demo_claims(int(NOW)), "firstname": "Dropped"}, secret_key(DEMO_SECRET), "HS256"
    )
    path = tmp_path / "token.txt"
    path.write_text(other, encoding="utf-8")
    edit = child(shown, QPlainTextEdit, "tokenEdit")
    cursor = edit.textCursor()
    cursor.setPosition(5)
    edit.setTextCursor(cursor)  # a caret in the middle of the token shown
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    at = QPointF(20, 10)
    actions = Qt.DropAction.CopyAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    viewport = edit.viewport()
    enter = QDragEnterEvent(at.toPoint(), actions, mime, buttons, keys)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(viewport, QDropEvent(at, actions, mime, buttons, keys, QEvent.Type.Drop))
    assert shown.token_text() == other
    assert child(shown, QLineEdit, "claim_firstname").text() == "Dropped"
    QTest.keySequence(edit, QKeySequence(QKeySequence.StandardKey.Undo))
    assert shown.token_text() != other  # a paste over everything: one undo brings it back


@pytest.mark.parametrize("typed", ["1e400", "-1e400", "1e20"])
def test_time_fields_refuse_what_cannot_be_a_time(window: InspectorWindow, typed: str) -> None:
    before = window.token_text()
    child(window, QLineEdit, "claimSeconds_exp").setText(typed)
    error = child(window, QLabel, "claimError_exp")
    assert not error.isHidden()
    assert "exp" in error.text()
    assert window.token_text() == before  # never signed
    assert "exp" in child(window, QLabel, "staleLabel").text()


def test_a_stored_leeway_that_is_no_number_is_ignored(qtbot: QtBot, settings: QSettings) -> None:
    settings.setValue("leeway", "nan")
    window = InspectorWindow(settings, clock=FakeClock(NOW))
    qtbot.addWidget(window)
    assert window.document.draft.leeway == 0
    assert window.document.set_leeway(float("nan")) is not None
    assert window.project_group.leeway_spin.maximum() == 86_400
