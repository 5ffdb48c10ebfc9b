"""Pasting a token: it is judged as pasted, the form follows, the token is never altered."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox
from pytestqt.qtbot import QtBot

from tiledesk_jwt_gui.core import DEMO_PROJECT_ID, Mode, SignatureStatus, headline
from tiledesk_jwt_gui.ui import InspectorWindow
from tiledesk_jwt_gui.ui.widgets.issue_list import IssueList

from .conftest import child, json_edit, settle, tab_child, vector

PROJECT_SECRET = "0b7c6f3e-2d41-4c8a-9f6e-5a3b2c1d0e9f"


def case(name: str) -> dict[str, Any]:
    cases: list[dict[str, Any]] = vector("tiledesk-server-verdicts.json")["cases"]
    return next(c for c in cases if c["name"] == name)


def peer(library: str, alg: str) -> dict[str, Any]:
    tokens: list[dict[str, Any]] = vector("peer-tokens.json")["tokens"]
    return next(t for t in tokens if t["library"] == library and t["alg"] == alg)


def paste(window: InspectorWindow, text: str) -> None:
    child(window, QPlainTextEdit, "tokenEdit").setPlainText(text)


def test_vector_token_and_its_secret_verify_and_are_accepted(window: InspectorWindow) -> None:
    token = case("valid_full")["token"]
    paste(window, token)
    child(window, QLineEdit, "secretEdit").setText(PROJECT_SECRET)
    assert child(window, QLabel, "signatureBadge").text() == "Signature Verified"
    assert child(window, QLabel, "verdictLabel").text().startswith("Tiledesk would accept")
    assert child(window, QPlainTextEdit, "tokenEdit").toPlainText() == token
    assert window.mode is Mode.CHECKING


def test_peer_library_token_verifies(window: InspectorWindow) -> None:
    vector_token = peer("jsonwebtoken 9.0.0", "HS256")
    child(window, QLineEdit, "secretEdit").setText(vector_token["secret"])
    paste(window, vector_token["token"])
    assert child(window, QLabel, "signatureBadge").text() == "Signature Verified"
    assert child(window, QLineEdit, "claim_email").text() == "ada@example.com"
    assert child(window, QLineEdit, "claim_firstname").text() == "Ada"


def test_wrong_secret_is_an_invalid_signature_listed_as_the_problem(
    window: InspectorWindow,
) -> None:
    token = case("valid_full")["token"]
    paste(window, token)
    child(window, QLineEdit, "secretEdit").setText("not-the-project-secret-at-all-0000000")
    verdict = child(window, QLabel, "verdictLabel").text()
    assert child(window, QLabel, "signatureBadge").text() == "Invalid Signature"
    assert verdict.startswith("Tiledesk would reject this token (1 problem)")
    issues = child(window, IssueList, "issuesList").issues()
    assert any(
        i.code == "server_rejects" and "signature does not match" in i.message for i in issues
    )
    assert child(window, QPlainTextEdit, "tokenEdit").toPlainText() == token


def test_expired_token_shows_the_error_under_exp(shown: InspectorWindow) -> None:
    paste(shown, case("expired")["token"])
    child(shown, QLineEdit, "secretEdit").setText(PROJECT_SECRET)
    error = child(shown, QLabel, "claimError_exp")
    assert error.isVisible()
    assert "expired" in error.text()
    assert child(shown, QLabel, "verdictLabel").text().startswith("Tiledesk would reject")
    assert child(shown, QLabel, "claimError_email").isHidden()


def test_form_and_json_follow_the_pasted_token(window: InspectorWindow) -> None:
    paste(window, case("role_agent")["token"])
    assert child(window, QLineEdit, "claim__id").text().startswith(DEMO_PROJECT_ID)
    other = child(window, QPlainTextEdit, "otherClaimsEdit").toPlainText()
    assert '"role": "agent"' in other
    assert '"role": "agent"' in json_edit(window, "payloadEdit").toPlainText()
    assert "role" in child(window, QLabel, "claimError_other").text()


def test_cleanups_are_noticed_and_the_text_kept(shown: InspectorWindow) -> None:
    token = case("valid_full")["token"]
    pasted = f"  Authorization: JWT {token}\n"
    paste(shown, pasted)
    child(shown, QLineEdit, "secretEdit").setText(PROJECT_SECRET)
    notice = child(shown, QLabel, "tokenNoticeLabel")
    assert notice.isVisible()
    assert "JWT" in notice.text()
    assert "prefix" in notice.text()
    assert child(shown, QPlainTextEdit, "tokenEdit").toPlainText() == pasted
    assert child(shown, QLabel, "signatureBadge").text() == "Signature Verified"


def test_unsigned_token_says_so(window: InspectorWindow) -> None:
    paste(window, case("alg_none")["token"])
    assert child(window, QLabel, "signatureBadge").text() == "Unsigned token"
    assert child(window, QComboBox, "algCombo").currentText() == "none"


def test_without_a_secret_the_badge_asks_for_it(window: InspectorWindow) -> None:
    paste(window, case("valid_full")["token"])
    child(window, QLineEdit, "secretEdit").clear()
    assert child(window, QLabel, "signatureBadge").text() == "Enter the secret to verify"
    assert child(window, QLabel, "verdictLabel").text().startswith("Tiledesk would accept")


def test_garbage_is_judged_without_a_crash(window: InspectorWindow) -> None:
    for text in ("", "not a token", "a.b", "eyJ.eyJ.x.y.z", "\U0001f600." * 3, "{}"):
        paste(window, text)
        assert child(window, QLabel, "verdictLabel").text().startswith("Tiledesk would reject")
        assert child(window, QPlainTextEdit, "tokenEdit").toPlainText() == text


def test_project_id_rechecks_without_altering_the_token(window: InspectorWindow) -> None:
    token = case("valid_full")["token"]
    paste(window, token)
    child(window, QLineEdit, "secretEdit").setText(PROJECT_SECRET)
    child(window, QLineEdit, "projectIdEdit").setText("5c81593adf767b0017d1aa68")
    assert child(window, QPlainTextEdit, "tokenEdit").toPlainText() == token
    assert "aud" in child(window, QLabel, "claimError_aud").text()
    assert "_id" in child(window, QLabel, "claimError__id").text()
    child(window, QLineEdit, "projectIdEdit").setText("not-hex")
    assert not child(window, QLabel, "projectIdError").isHidden()
    assert child(window, QPlainTextEdit, "tokenEdit").toPlainText() == token


def test_generic_profile_uses_the_core_headline(window: InspectorWindow) -> None:
    rfc = vector("rfc7515-a1.json")
    paste(window, rfc["token"])
    combo = child(window, QComboBox, "profileCombo")
    combo.setCurrentIndex(combo.findData("generic"))
    verdict = window.verdict
    assert verdict is not None
    assert child(window, QLabel, "verdictLabel").text() == headline(verdict)
    assert child(window, QLabel, "verdictLabel").text().startswith("Invalid token")


@pytest.mark.parametrize(("leeway", "accepted"), [(0, False), (3600, True)])
def test_leeway_is_applied(window: InspectorWindow, leeway: int, accepted: bool) -> None:
    paste(window, case("expired")["token"])
    child(window, QLineEdit, "secretEdit").setText(PROJECT_SECRET)
    child(window, QSpinBox, "leewaySpin").setValue(leeway)
    prefix = "Tiledesk would accept" if accepted else "Tiledesk would reject"
    assert child(window, QLabel, "verdictLabel").text().startswith(prefix)


def test_rs256_token_follows_with_key_inputs(qtbot: QtBot, window: InspectorWindow) -> None:
    vector_token = peer("jsonwebtoken 9.0.0", "RS256")
    paste(window, vector_token["token"])
    assert child(window, QComboBox, "algCombo").currentText() == "RS256"
    assert child(window, QLabel, "signatureBadge").text() == "Enter the public key to verify"
    child(window, QPlainTextEdit, "publicKeyEdit").setPlainText(vector_token["public_key_pem"])
    settle(qtbot, window)
    verdict = window.verdict
    assert verdict is not None
    assert verdict.signature.status is SignatureStatus.VERIFIED
    assert child(window, QLabel, "signatureBadge").text() == "Signature Verified"
    # Tiledesk verifies custom-auth tokens with the project secret only.
    assert child(window, QLabel, "verdictLabel").text().startswith("Tiledesk would reject")


def test_resign_button_makes_the_pasted_token_verify(window: InspectorWindow) -> None:
    token = case("wrong_secret")["token"]
    paste(window, token)
    child(window, QLineEdit, "secretEdit").setText(PROJECT_SECRET)
    assert child(window, QLabel, "signatureBadge").text() == "Invalid Signature"
    button = child(window, QPushButton, "modeButton")
    assert button.text() == "Re-sign this token with my secret"
    button.click()
    assert child(window, QPlainTextEdit, "tokenEdit").toPlainText() != token
    assert child(window, QLabel, "signatureBadge").text() == "Signature Verified"
    assert child(window, QLabel, "verdictLabel").text().startswith("Tiledesk would accept")
    assert window.mode is Mode.COMPOSING


def test_an_algorithm_outside_the_list_is_shown_as_read(window: InspectorWindow) -> None:
    token = "eyJhbGciOiJIUzI1NyJ9.eyJzdWIiOiJ1c2VyZXh0ZXJuYWwifQ.c2ln"  # alg HS257
    paste(window, token)
    combo = child(window, QComboBox, "algCombo")
    assert combo.currentText().startswith("HS257")
    assert "(from the token)" in combo.currentText()
    assert child(window, QLabel, "signatureBadge").text() == "Invalid Signature"
    assert not child(window, QLabel, "headerError_alg").isHidden()
    paste(window, case("valid_full")["token"])
    assert combo.currentText() == "HS256"
    assert combo.findText("HS257", flags=Qt.MatchFlag.MatchStartsWith) == -1


def test_header_json_error_is_inline(window: InspectorWindow) -> None:
    json_edit(window, "headerEdit").setPlainText("[1, 2]")
    error = tab_child(window, "jsonTabAction", QLabel, "headerEditError")
    assert "object" in error.text()
    assert not error.isHidden()
    json_edit(window, "headerEdit").setPlainText('{"alg": "HS256"}')
    assert error.isHidden()
    assert child(window, QLabel, "signatureBadge").text() == "Signature Verified"
