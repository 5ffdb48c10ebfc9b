"""Editing the form, the JSON editors or the algorithm composes and re-signs the token."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tiledesk_jwt_gui.core import (
    DEMO_EC_PRIVATE_KEY_PEM,
    DEMO_PROJECT_ID,
    DEMO_SECRET,
    JSONValue,
    Mode,
    SignatureStatus,
    inspect_token,
    judge,
    secret_key,
    tiledesk_audience,
)
from tiledesk_jwt_gui.ui import InspectorWindow
from tiledesk_jwt_gui.ui.widgets.issue_list import IssueList
from tiledesk_jwt_gui.ui.widgets.open_key_dialog import OpenKeyDialog

from .conftest import NOW, child, json_edit, settle, tab_child

OTHER_PROJECT = "5c81593adf767b0017d1aa68"


def token_of(window: InspectorWindow) -> str:
    return child(window, QPlainTextEdit, "tokenEdit").toPlainText()


def payload_of(window: InspectorWindow) -> dict[str, JSONValue]:
    payload = inspect_token(token_of(window)).payload_object
    assert payload is not None
    return payload


def verified_with(token: str, secret: str, project: str = DEMO_PROJECT_ID) -> bool:
    verdict = judge(token, secret_key(secret), project_id=project, at=NOW)
    return verdict.signature.status is SignatureStatus.VERIFIED and verdict.accepted


def test_editing_email_resigns_and_still_verifies(window: InspectorWindow) -> None:
    before = token_of(window)
    child(window, QLineEdit, "claim_email").setText("grace@example.com")
    after = token_of(window)
    assert after != before
    assert payload_of(window)["email"] == "grace@example.com"
    assert verified_with(after, DEMO_SECRET)
    assert child(window, QLabel, "signatureBadge").text() == "Signature Verified"
    assert '"email": "grace@example.com"' in json_edit(window, "payloadEdit").toPlainText()


def test_typing_keeps_the_cursor_and_undo_restores(qtbot: QtBot, shown: InspectorWindow) -> None:
    email = child(shown, QLineEdit, "claim_email")
    email.setFocus()
    email.setCursorPosition(5)  # andre|a.leo@email.com
    QTest.keyClicks(email, "xy")
    assert email.text() == "andrexya.leo@email.com"
    assert email.cursorPosition() == 7
    assert payload_of(shown)["email"] == "andrexya.leo@email.com"
    email.undo()
    assert email.text() == "andrea.leo@email.com"
    assert payload_of(shown)["email"] == "andrea.leo@email.com"


def test_clearing_a_text_claim_removes_it(window: InspectorWindow) -> None:
    child(window, QLineEdit, "claim_lastname").clear()
    assert "lastname" not in payload_of(window)


def test_payload_json_edit_is_followed_by_the_form(window: InspectorWindow) -> None:
    editor = json_edit(window, "payloadEdit")
    payload = json.loads(editor.toPlainText())
    payload["firstname"] = "Zed"
    payload["role"] = "agent"
    editor.setPlainText(json.dumps(payload, indent=2))
    assert child(window, QLineEdit, "claim_firstname").text() == "Zed"
    assert '"role": "agent"' in child(window, QPlainTextEdit, "otherClaimsEdit").toPlainText()
    assert payload_of(window)["firstname"] == "Zed"
    assert verified_with(token_of(window), DEMO_SECRET)
    assert "role" in child(window, QLabel, "claimError_other").text()
    assert editor.toPlainText() == json.dumps(payload, indent=2)  # the source is not rewritten


def test_invalid_payload_json_is_an_inline_error_and_the_token_waits(
    window: InspectorWindow,
) -> None:
    before = token_of(window)
    json_edit(window, "payloadEdit").setPlainText('{"_id": ')
    error = tab_child(window, "jsonTabAction", QLabel, "payloadEditError")
    assert not error.isHidden()
    assert "not JSON" in error.text()
    assert token_of(window) == before
    assert not child(window, QLabel, "staleLabel").isHidden()
    assert not child(window, QPushButton, "copyTokenButton").isEnabled()


def test_invalid_attributes_json_is_an_inline_error(shown: InspectorWindow) -> None:
    before = token_of(shown)
    attributes = child(shown, QPlainTextEdit, "claim_attributes")
    attributes.setPlainText('{"plan": ')
    error = child(shown, QLabel, "claimError_attributes")
    assert error.isVisible()
    assert error.text()
    assert token_of(shown) == before
    stale = child(shown, QLabel, "staleLabel")
    assert stale.isVisible()
    assert "attributes" in stale.text()
    # An edit elsewhere does not sign the broken form either.
    child(shown, QLineEdit, "claim_email").setText("x@example.com")
    assert token_of(shown) == before
    attributes.setPlainText('{"plan": "gold"}')
    assert error.isHidden()
    assert payload_of(shown)["attributes"] == {"plan": "gold"}
    assert payload_of(shown)["email"] == "x@example.com"
    assert stale.isHidden()


def test_header_fields_and_header_json_follow_each_other(window: InspectorWindow) -> None:
    child(window, QLineEdit, "kidEdit").setText("key-1")
    header = json.loads(json_edit(window, "headerEdit").toPlainText())
    assert header == {"alg": "HS256", "typ": "JWT", "kid": "key-1"}
    json_edit(window, "headerEdit").setPlainText('{"alg": "HS512", "typ": "JWT"}')
    assert child(window, QComboBox, "algCombo").currentText() == "HS512"
    assert child(window, QLineEdit, "kidEdit").text() == ""
    assert inspect_token(token_of(window)).algorithm == "HS512"
    assert child(window, QLabel, "signatureBadge").text() == "Signature Verified"
    assert "short for HS512" in child(window, QLabel, "secretStrengthLabel").text()


def test_switching_to_rs256_shows_key_inputs(qtbot: QtBot, shown: InspectorWindow) -> None:
    combo = child(shown, QComboBox, "algCombo")
    combo.setCurrentIndex(combo.findData("RS256"))
    assert child(shown, QPlainTextEdit, "publicKeyEdit").isVisible()
    assert child(shown, QPlainTextEdit, "privateKeyEdit").isVisible()
    assert child(shown, QPushButton, "privateKeyOpenButton").isVisible()
    assert not child(shown, QLineEdit, "secretEdit").isVisible()
    stale = child(shown, QLabel, "staleLabel")
    assert stale.isVisible()
    assert "private key" in stale.text()
    child(shown, QPushButton, "demoKeyButton").click()
    settle(qtbot, shown)
    assert stale.isHidden()
    assert inspect_token(token_of(shown)).algorithm == "RS256"
    assert child(shown, QLabel, "signatureBadge").text() == "Signature Verified"
    combo.setCurrentIndex(combo.findData("HS256"))
    assert child(shown, QLineEdit, "secretEdit").isVisible()
    assert child(shown, QLabel, "signatureBadge").text() == "Signature Verified"


def test_a_key_file_opens_through_the_dialog(
    qtbot: QtBot, window: InspectorWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    key_file = tmp_path / "ec.pem"
    key_file.write_text(DEMO_EC_PRIVATE_KEY_PEM, encoding="utf-8")
    monkeypatch.setattr(OpenKeyDialog, "ask", classmethod(lambda cls, parent, title: str(key_file)))
    combo = child(window, QComboBox, "algCombo")
    combo.setCurrentIndex(combo.findData("ES256"))
    child(window, QPushButton, "privateKeyOpenButton").click()
    settle(qtbot, window)
    assert child(window, QPlainTextEdit, "privateKeyEdit").toPlainText() == DEMO_EC_PRIVATE_KEY_PEM
    assert "EC secp256r1" in child(window, QLabel, "privateKeyStatus").text()
    assert child(window, QLabel, "signatureBadge").text() == "Signature Verified"


def test_a_bad_key_is_reported_inline(qtbot: QtBot, window: InspectorWindow) -> None:
    combo = child(window, QComboBox, "algCombo")
    combo.setCurrentIndex(combo.findData("RS256"))
    child(window, QPlainTextEdit, "publicKeyEdit").setPlainText("-----BEGIN PUBLIC KEY-----\nxx")
    settle(qtbot, window)
    assert child(window, QLabel, "publicKeyStatus").text().startswith("✖")


def test_exp_presets_and_seconds_view(window: InspectorWindow) -> None:
    child(window, QAction, "claimPreset_exp_expired").trigger()
    assert payload_of(window)["exp"] == int(NOW) - 60
    assert child(window, QLineEdit, "claimSeconds_exp").text() == str(int(NOW) - 60)
    assert "expired" in child(window, QLabel, "claimError_exp").text()
    assert child(window, QLabel, "verdictLabel").text().startswith("Tiledesk would reject")
    child(window, QAction, "claimPreset_exp_1h").trigger()
    assert payload_of(window)["exp"] == int(NOW) + 3600
    date_edit = child(window, QDateTimeEdit, "claim_exp")
    assert date_edit.dateTime().toSecsSinceEpoch() == int(NOW) + 3600
    child(window, QAction, "claimPreset_exp_none").trigger()
    assert "exp" not in payload_of(window)
    assert date_edit.text() == "none"


def test_date_editor_and_seconds_field_set_the_claim(window: InspectorWindow) -> None:
    date_edit = child(window, QDateTimeEdit, "claim_exp")
    date_edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(NOW) + 7200))
    assert payload_of(window)["exp"] == int(NOW) + 7200
    assert child(window, QLineEdit, "claimSeconds_exp").text() == str(int(NOW) + 7200)
    seconds = child(window, QLineEdit, "claimSeconds_nbf")
    seconds.setText(str(int(NOW) + 60))
    assert payload_of(window)["nbf"] == int(NOW) + 60
    assert "not valid yet" in child(window, QLabel, "claimError_nbf").text()
    seconds.setText("soon")
    assert "not a number" in child(window, QLabel, "claimError_nbf").text()
    seconds.setText('"soon"')
    assert payload_of(window)["nbf"] == "soon"
    assert not child(window, QDateTimeEdit, "claim_nbf").isEnabled()


def test_sub_offers_userexternal_and_accepts_other_text(window: InspectorWindow) -> None:
    sub = child(window, QComboBox, "claim_sub")
    assert sub.isEditable()
    assert sub.findText("userexternal") >= 0
    sub.setCurrentText("bot")
    assert payload_of(window)["sub"] == "bot"
    assert "sub" in child(window, QLabel, "claimError_sub").text()
    assert child(window, QLabel, "verdictLabel").text().startswith("Tiledesk would reject")


def test_project_id_recomposes_aud_and_id_prefix(window: InspectorWindow) -> None:
    child(window, QLineEdit, "projectIdEdit").setText(OTHER_PROJECT)
    payload = payload_of(window)
    assert payload["aud"] == tiledesk_audience(OTHER_PROJECT)
    assert payload["_id"] == f"{OTHER_PROJECT}_12345678"
    assert child(window, QLineEdit, "claim_aud").text() == tiledesk_audience(OTHER_PROJECT)
    assert verified_with(token_of(window), DEMO_SECRET, OTHER_PROJECT)


def test_aud_button_fills_aud_from_the_project(window: InspectorWindow) -> None:
    child(window, QLineEdit, "claim_aud").setText("https://example.com/")
    assert "aud" in child(window, QLabel, "claimError_aud").text()
    child(window, QToolButton, "audFromProjectButton").click()
    assert payload_of(window)["aud"] == tiledesk_audience(DEMO_PROJECT_ID)
    assert child(window, QLabel, "claimError_aud").isHidden()


def test_secret_edit_resigns_a_composed_token(window: InspectorWindow) -> None:
    secret = "f3b1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
    child(window, QLineEdit, "secretEdit").setText(secret)
    assert verified_with(token_of(window), secret)
    assert child(window, QLabel, "signatureBadge").text() == "Signature Verified"
    child(window, QLineEdit, "secretEdit").clear()
    assert not child(window, QLabel, "staleLabel").isHidden()
    assert "secret" in child(window, QLabel, "staleLabel").text()


def test_keep_this_token_stops_resigning(window: InspectorWindow) -> None:
    child(window, QPushButton, "modeButton").click()
    assert window.mode is Mode.CHECKING
    token = token_of(window)
    child(window, QLineEdit, "secretEdit").setText("another-secret-that-is-long-enough-000")
    assert token_of(window) == token
    assert child(window, QLabel, "signatureBadge").text() == "Invalid Signature"


def test_issue_click_focuses_its_field(qtbot: QtBot, shown: InspectorWindow) -> None:
    child(shown, QLineEdit, "claim_email").setText("not-an-address")
    issues = child(shown, IssueList, "issuesList")
    item = issues.item_for("email_invalid")
    assert item is not None
    rect = issues.visualItemRect(item)
    QTest.mouseClick(issues.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    focused: QWidget | None = shown.focusWidget()
    assert focused is child(shown, QLineEdit, "claim_email")


def test_each_edit_is_judged_once_without_loops(
    window: InspectorWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tiledesk_jwt_gui.core import judge_draft as real
    from tiledesk_jwt_gui.ui.document import document

    calls: list[str] = []

    def counting(*args: object, **kwargs: object) -> object:
        calls.append("judge")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(document, "judge_draft", counting)
    child(window, QLineEdit, "claim_email").setText("one@example.com")
    assert len(calls) == 1
    json_edit(window, "payloadEdit").setPlainText('{"sub": "userexternal"}')
    assert len(calls) == 2
    child(window, QLineEdit, "kidEdit").setText("k")
    assert len(calls) == 3
    child(window, QPlainTextEdit, "tokenEdit").setPlainText(token_of(window) + "x")
    assert len(calls) == 4
    child(window, QLineEdit, "secretEdit").setText("s" * 40)
    assert len(calls) == 5
