"""Each pane built alone on a document, with no window around it."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from tiledesk_jwt_gui.core import DEMO_SECRET, Mode
from tiledesk_jwt_gui.ui.document import InspectorDocument
from tiledesk_jwt_gui.ui.panes.claims_form import ClaimsForm
from tiledesk_jwt_gui.ui.panes.key_panel import KeyPanel
from tiledesk_jwt_gui.ui.panes.project_group import ProjectGroup
from tiledesk_jwt_gui.ui.panes.token_pane import TokenPane
from tiledesk_jwt_gui.ui.panes.verdict_banner import VerdictBanner
from tiledesk_jwt_gui.ui.style.tones import tones_for

from .conftest import NOW, FakeClock, child


def setup(qtbot: QtBot) -> InspectorDocument:
    return InspectorDocument(clock=FakeClock(NOW))


def test_the_claims_form_alone(qtbot: QtBot) -> None:
    document = setup(qtbot)
    form = ClaimsForm(document, tones_for(QApplication.palette()))
    qtbot.addWidget(form)
    document.load_sample()
    email = child(form, QLineEdit, "claim_email")
    assert email.text() == "andrea.leo@email.com"
    email.setText("grace@example.com")
    payload = document.draft.payload
    assert isinstance(payload, dict)
    assert payload["email"] == "grace@example.com"
    assert document.verdict is not None
    assert document.verdict.accepted


def test_the_banner_alone(qtbot: QtBot) -> None:
    document = setup(qtbot)
    banner = VerdictBanner(document, tones_for(QApplication.palette()))
    qtbot.addWidget(banner)
    document.load_sample()
    assert banner.badge.text() == "Signature Verified"
    assert banner.verdict_label.text().startswith("Tiledesk would accept")
    assert banner.countdown_label.text() == "Expires in 1:00:00"
    document.keyring.set_secret("")
    document.keep_token()
    assert banner.badge.text() == "Enter the secret to verify"


def test_the_key_panel_alone_forgets_what_the_document_forgets(qtbot: QtBot) -> None:
    document = setup(qtbot)
    panel = KeyPanel(document, tones_for(QApplication.palette()))
    qtbot.addWidget(panel)
    document.load_sample()
    secret = child(panel, QLineEdit, "secretEdit")
    assert secret.text() == DEMO_SECRET
    document.forget_secrets()
    assert secret.text() == ""
    secret.undo()
    assert secret.text() == ""


def test_the_token_pane_alone(qtbot: QtBot) -> None:
    document = setup(qtbot)
    pane = TokenPane(document, tones_for(QApplication.palette()))
    qtbot.addWidget(pane)
    document.load_sample()
    edit = child(pane, QPlainTextEdit, "tokenEdit")
    assert edit.toPlainText() == document.draft.token
    edit.setPlainText("abc")
    assert document.draft.mode is Mode.CHECKING
    assert document.draft.token == "abc"


def test_the_project_group_alone(qtbot: QtBot) -> None:
    document = setup(qtbot)
    group = ProjectGroup(document, tones_for(QApplication.palette()), QApplication.font())
    qtbot.addWidget(group)
    document.load_sample()
    child(group, QLineEdit, "projectIdEdit").setText("5c81593adf767b0017d1aa68")
    payload = document.draft.payload
    assert isinstance(payload, dict)
    assert payload["aud"] == "https://tiledesk.com/projects/5c81593adf767b0017d1aa68"
