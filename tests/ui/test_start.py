"""First start: the embedded sample is composed, signed and verified before anyone types."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit

from tiledesk_jwt_gui.core import (
    DEMO_PROJECT_ID,
    DEMO_SECRET,
    Mode,
    Outcome,
    SignatureStatus,
    judge,
    secret_key,
)
from tiledesk_jwt_gui.ui import InspectorWindow

from .conftest import CONTRACT_CLAIMS, NOW, child, json_edit


def test_sample_is_verified_and_accepted_on_start(shown: InspectorWindow) -> None:
    badge = child(shown, QLabel, "signatureBadge")
    verdict = child(shown, QLabel, "verdictLabel")
    assert badge.text() == "Signature Verified"
    assert verdict.text().startswith("Tiledesk would accept")
    project = child(shown, QLineEdit, "projectIdEdit")
    assert project.text() == ""  # the demo id is never "your project"
    assert DEMO_PROJECT_ID in project.placeholderText()  # it follows the token's aud
    assert child(shown, QLabel, "secretDemoLabel").isVisible()
    assert "Demo secret" in child(shown, QLabel, "secretDemoLabel").text()
    assert shown.mode is Mode.COMPOSING


def test_sample_token_is_really_signed_with_the_demo_secret(window: InspectorWindow) -> None:
    token = child(window, QPlainTextEdit, "tokenEdit").toPlainText()
    verdict = judge(token, secret_key(DEMO_SECRET), project_id=DEMO_PROJECT_ID, at=NOW)
    assert verdict.signature.status is SignatureStatus.VERIFIED
    assert verdict.outcome is Outcome.ACCEPTED
    payload = verdict.payload
    assert payload is not None
    assert payload["exp"] == int(NOW) + 3600


def test_form_and_editors_show_the_sample(window: InspectorWindow) -> None:
    assert child(window, QLineEdit, "claim__id").text() == f"{DEMO_PROJECT_ID}_12345678"
    assert child(window, QComboBox, "claim_sub").currentText() == "userexternal"
    assert child(window, QLineEdit, "claim_email").text() == "andrea.leo@email.com"
    assert child(window, QLineEdit, "claimSeconds_exp").text() == str(int(NOW) + 3600)
    assert (
        '"attribute1": "value"' in child(window, QPlainTextEdit, "claim_attributes").toPlainText()
    )
    assert '"alg": "HS256"' in json_edit(window, "headerEdit").toPlainText()
    assert '"firstname": "Andrea"' in json_edit(window, "payloadEdit").toPlainText()
    assert child(window, QComboBox, "algCombo").currentText() == "HS256"


def test_secret_is_masked_and_no_claim_error_shows(window: InspectorWindow) -> None:
    secret = child(window, QLineEdit, "secretEdit")
    assert secret.echoMode() is QLineEdit.EchoMode.Password
    assert secret.text() == DEMO_SECRET
    for name in CONTRACT_CLAIMS:
        label = child(window, QLabel, f"claimError_{name}")
        assert label.text() == "", name
        assert label.isHidden(), name
