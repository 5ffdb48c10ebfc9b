"""Issue 12's document companions without any widget, and its panes built alone: one companion
per document, the diagnosis and the notes after each verdict (and only when something they
answer changed), a fix applied through the document's intents, the comparison following A."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tiledesk_jwt_gui.core import (
    DEMO_SECRET,
    Cause,
    FixTarget,
    demo_claims,
    secret_key,
    sign_token,
)
from tiledesk_jwt_gui.ui.document import InspectorDocument
from tiledesk_jwt_gui.ui.document.comparison import Comparison
from tiledesk_jwt_gui.ui.document.diagnosis import SignatureDiagnosis
from tiledesk_jwt_gui.ui.panes.compare_pane import ComparePane
from tiledesk_jwt_gui.ui.panes.why_panel import WhyPanel
from tiledesk_jwt_gui.ui.style.tones import tones_for

from .conftest import NOW, FakeClock

TOKEN = sign_token(None, demo_claims(int(NOW)), secret_key(DEMO_SECRET), "HS256")


def checked_with(secret: str) -> InspectorDocument:
    document = InspectorDocument(clock=FakeClock(NOW))
    document.paste_token(TOKEN)
    document.set_secret(secret)
    return document


def test_one_companion_per_document_answering_each_verdict() -> None:
    document = checked_with(DEMO_SECRET + "\n")
    why = SignatureDiagnosis.of(document)
    assert SignatureDiagnosis.of(document) is why
    assert SignatureDiagnosis.of(InspectorDocument()) is not why
    assert why.diagnosis is not None  # made after the verdict: answered at once
    assert why.diagnosis.verified_with is Cause.SECRET_SURROUNDING_WHITESPACE
    assert [n.cause for n in why.notes] == [Cause.SECRET_SURROUNDING_WHITESPACE]
    fix = why.diagnosis.cause.fix if why.diagnosis.cause else None
    assert fix is not None
    assert fix.target is FixTarget.SECRET
    why.apply(fix)
    assert document.keyring.secret_text == DEMO_SECRET
    assert document.verdict is not None
    assert document.verdict.accepted
    after = SignatureDiagnosis.of(document)  # read afresh: the fix changed it
    assert after.diagnosis is None
    assert after.notes == ()


def test_a_tick_that_changes_nothing_is_not_diagnosed_again() -> None:
    document = checked_with("not-the-secret-but-long-enough-000000")
    why = SignatureDiagnosis.of(document)
    answers: list[object] = []
    why.changed.connect(lambda: answers.append(why.diagnosis))
    document.on_time_boundary()  # judged again, unchanged
    assert answers == []
    document.set_secret("another-wrong-secret-long-enough-0000")
    assert len(answers) == 1


def test_the_comparison_follows_a(qtbot: QtBot) -> None:
    document = checked_with(DEMO_SECRET)
    comparison = Comparison.of(document)
    other = sign_token(
        None, {**demo_claims(int(NOW)), "email": "b@example.com"}, secret_key(DEMO_SECRET), "HS256"
    )
    comparison.set_other(other)
    assert comparison.diff is not None
    assert [c.path for c in comparison.diff.changes] == ["email"]
    document.paste_token(other)
    assert comparison.diff.identical


def test_the_why_panel_and_the_compare_pane_alone(qtbot: QtBot) -> None:
    document = checked_with(DEMO_SECRET + " ")
    tones = tones_for(QApplication.palette())
    panel = WhyPanel(document, tones)
    pane = ComparePane(document, tones)
    qtbot.addWidget(panel)
    qtbot.addWidget(pane)
    panel.show()
    assert panel.isVisible()
    assert panel.fix is not None
    assert panel.fix_button.text() == "Remove the whitespace around the secret"
    panel.fix_button.click()
    assert document.keyring.secret_text == DEMO_SECRET
    assert not panel.isVisible()
    assert pane.a_edit.token_text() == TOKEN
    assert pane.a_edit.isReadOnly()
