"""Issue 12's "Why?" panel and issue 9 item 16's notes at the secret, through the real window:
each mistake on the person's side is made for real (a secret pasted with its newline, typed with
quotes or spaces, a token pasted wrapped over lines), the panel names the cause, one click fixes
it through the document, and the badge says "Signature Verified". The diagnosis never changes the
verdict; none_matched lists the checks tried; with a public key it runs off the GUI thread."""

from __future__ import annotations

import threading

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QToolButton
from pytestqt.qtbot import QtBot

from tests.core.keys_for_tests import private_pem, public_pem, rsa_private
from tiledesk_jwt_gui.core import (
    CAUSE_TITLES,
    Cause,
    Outcome,
    demo_claims,
    load_key_text,
    secret_key,
    sign_token,
)
from tiledesk_jwt_gui.ui import InspectorWindow
from tiledesk_jwt_gui.ui.document.diagnosis import SignatureDiagnosis
from tiledesk_jwt_gui.ui.panes.why_panel import VERDICT_STAYS, WhyPanel
from tiledesk_jwt_gui.ui.widgets.secret_notes_view import SecretNotesView

from .conftest import NOW, answered, child, press_paste, settle

SECRET = "6d1e0c2b-8f4a-4b3c-9e7d-a1b2c3d4e5f6"
TOKEN = sign_token(None, demo_claims(int(NOW)), secret_key(SECRET), "HS256")


def badge(window: InspectorWindow) -> str:
    return child(window, QLabel, "signatureBadge").text()


def why(window: InspectorWindow) -> WhyPanel:
    return child(window, WhyPanel, "whyPanel")


def secret_edit(window: InspectorWindow) -> QLineEdit:
    return child(window, QLineEdit, "secretEdit")


def paste_token(window: InspectorWindow, text: str) -> None:
    """Put ``text`` on the clipboard and use the Paste token action, as a person does."""
    QGuiApplication.clipboard().setText(text)
    child(window, QAction, "pasteTokenAction").trigger()
    answered(window)


def paste_secret(window: InspectorWindow, text: str) -> None:
    """Clear the secret and paste ``text`` into it with the paste key."""
    child(window, QToolButton, "secretClearButton").click()
    QGuiApplication.clipboard().setText(text)
    press_paste(secret_edit(window))
    QGuiApplication.clipboard().clear()
    answered(window)


def type_secret(window: InspectorWindow, text: str) -> None:
    child(window, QToolButton, "secretClearButton").click()
    QTest.keyClicks(secret_edit(window), text)
    answered(window)


def fix_button(window: InspectorWindow) -> QPushButton:
    return child(window, QPushButton, "whyFixButton")


def test_a_secret_pasted_with_its_newline_is_found_and_fixed(shown: InspectorWindow) -> None:
    paste_token(shown, TOKEN)
    paste_secret(shown, SECRET + "\n")
    assert secret_edit(shown).text() == SECRET + "\n"  # the field keeps what was pasted
    assert badge(shown) == "Invalid Signature"
    panel = why(shown)
    assert panel.isVisible()
    cause = child(shown, QLabel, "whyCauseLabel").text()
    assert cause == "Found: The secret ends with a newline (LF); without it, the signature matches."
    assert VERDICT_STAYS in child(shown, QLabel, "whyMoreLabel").text()
    verdict = shown.verdict
    assert verdict is not None
    assert verdict.outcome is Outcome.REJECTED  # the diagnosis explains; it never changes this
    notes = child(shown, SecretNotesView, "secretNotes")
    assert notes.isVisible()
    assert notes.texts() == [
        "⚠ The secret ends with a newline (LF); without it, the signature matches"
    ]
    button = fix_button(shown)
    assert button.isVisible()
    assert button.text() == "Remove the trailing newline from the secret"
    button.click()
    assert secret_edit(shown).text() == SECRET
    assert badge(shown) == "Signature Verified"
    assert not panel.isVisible()
    assert not notes.isVisible()
    assert "trailing newline" in shown.statusBar().currentMessage()


@pytest.mark.parametrize(
    ("typed", "label", "cause"),
    [
        (f'"{SECRET}"', "Remove the quotes around the secret", Cause.SECRET_QUOTED),
        (
            f"  {SECRET} ",
            "Remove the whitespace around the secret",
            Cause.SECRET_SURROUNDING_WHITESPACE,
        ),
        (
            f"{SECRET[:8]}\u200b{SECRET[8:]}",
            "Remove the invisible characters from the secret",
            Cause.SECRET_INVISIBLE_CHARACTERS,
        ),
        (f"secret={SECRET};", "Keep only the 36-character secret", Cause.SECRET_EXTRA_TEXT),
    ],
)
def test_each_mistake_typed_in_the_secret_is_fixed_in_one_click(
    shown: InspectorWindow, typed: str, label: str, cause: Cause
) -> None:
    paste_token(shown, TOKEN)
    if typed.isascii():
        type_secret(shown, typed)
    else:  # a zero-width character comes with a copy from a web page; no key types it
        paste_secret(shown, typed)
    assert secret_edit(shown).text() == typed
    assert badge(shown) == "Invalid Signature"
    diagnosis = SignatureDiagnosis.of(shown.document).diagnosis
    assert diagnosis is not None
    assert diagnosis.verified_with is cause
    assert child(shown, QLabel, "whyCauseLabel").text().startswith("Found: ")
    assert fix_button(shown).text() == label
    fix_button(shown).click()
    assert secret_edit(shown).text() == SECRET
    assert badge(shown) == "Signature Verified"
    assert not why(shown).isVisible()


def test_a_token_pasted_wrapped_over_lines_is_joined_in_one_click(shown: InspectorWindow) -> None:
    paste_secret(shown, SECRET)
    wrapped = "\n".join(TOKEN[i : i + 64] for i in range(0, len(TOKEN), 64))
    paste_token(shown, f"JWT {wrapped}\n")
    edit = child(shown, QPlainTextEdit, "tokenEdit")
    assert "\n" in edit.toPlainText()
    assert badge(shown) == "Invalid Signature"
    assert "line breaks" in child(shown, QLabel, "whyCauseLabel").text()
    assert fix_button(shown).text() == "Remove the line breaks from the token"
    fix_button(shown).click()
    assert edit.toPlainText() == TOKEN
    assert badge(shown) == "Signature Verified"
    assert not why(shown).isVisible()


def test_the_secret_pane_fix_button_fixes_too(shown: InspectorWindow) -> None:
    paste_token(shown, TOKEN)
    paste_secret(shown, SECRET + "\r\n")
    notes = child(shown, SecretNotesView, "secretNotes")
    (button,) = notes.buttons()
    assert button.text() == "Remove the trailing newline from the secret"
    button.click()
    assert secret_edit(shown).text() == SECRET
    assert badge(shown) == "Signature Verified"


def test_invisible_characters_are_said_at_the_secret_before_any_token(
    shown: InspectorWindow,
) -> None:
    paste_token(shown, "")
    paste_secret(shown, SECRET + " ")
    notes = child(shown, SecretNotesView, "secretNotes")
    assert notes.isVisible()
    (text,) = notes.texts()
    assert text.startswith("⚠ The secret ends with a space: it is part of the key")
    assert SECRET not in text
    assert not why(shown).isVisible()  # no signature to explain
    notes.buttons()[0].click()
    assert secret_edit(shown).text() == SECRET
    assert not notes.isVisible()


def test_nothing_known_lists_the_checks_tried_and_offers_no_fix(shown: InspectorWindow) -> None:
    paste_token(shown, TOKEN)
    type_secret(shown, "another-secret-that-is-long-enough-0123")
    assert badge(shown) == "Invalid Signature"
    assert child(shown, QLabel, "whyCauseLabel").text() == (
        "No known mistake makes the signature match."
    )
    more = child(shown, QLabel, "whyMoreLabel").text()
    assert f"Checked: {CAUSE_TITLES[Cause.SECRET_SURROUNDING_WHITESPACE]}" in more
    assert CAUSE_TITLES[Cause.DEFAULT_GLOBAL_SECRET] in more
    assert "Not findable offline: a secret regenerated in the dashboard" in more
    assert "_" not in more.split("Not findable")[0]  # words, not codes
    assert not fix_button(shown).isVisible()


def test_the_panel_is_hidden_while_the_signature_verifies_or_cannot_be_checked(
    shown: InspectorWindow,
) -> None:
    assert badge(shown) == "Signature Verified"  # the sample
    assert not why(shown).isVisible()
    paste_token(shown, TOKEN)
    child(shown, QToolButton, "secretClearButton").click()
    assert badge(shown) == "Enter the secret to verify"  # at once; the panel once input pauses
    answered(shown)
    assert not why(shown).isVisible()


def test_with_a_public_key_the_diagnosis_runs_off_the_gui_thread(
    qtbot: QtBot, shown: InspectorWindow
) -> None:
    signer, other = rsa_private(), rsa.generate_private_key(public_exponent=65537, key_size=2048)
    token = sign_token(None, demo_claims(int(NOW)), load_key_text(private_pem(signer))[0], "RS256")
    combo = child(shown, QComboBox, "algCombo")
    combo.setCurrentIndex(combo.findData("RS256"))
    paste_token(shown, token)
    companion = SignatureDiagnosis.of(shown.document)
    pending: list[bool] = []
    companion.changed.connect(lambda: pending.append(companion.pending))
    child(shown, QPlainTextEdit, "publicKeyEdit").setPlainText(public_pem(other))
    settle(qtbot, shown)
    assert badge(shown) == "Invalid Signature"
    qtbot.waitUntil(lambda: companion.diagnosis is not None)
    assert pending[-2:] == [True, False]  # handed to the worker, then answered
    assert child(shown, QLabel, "whyCauseLabel").text() == (
        "No known mistake makes the signature match."
    )
    assert threading.get_ident() not in shown.document.worker.threads_used
    assert shown.document.worker.threads_used  # the diagnosis and the key: on the worker


def test_while_a_secret_is_typed_the_panel_waits_for_the_pause(shown: InspectorWindow) -> None:
    paste_token(shown, TOKEN)
    paste_secret(shown, SECRET + "\n")
    panel, companion = why(shown), SignatureDiagnosis.of(shown.document)
    assert panel.isVisible()
    answers: list[bool] = []
    companion.changed.connect(lambda: answers.append(panel.isVisible()))
    edit = secret_edit(shown)
    edit.setFocus()
    QTest.keyClicks(edit, "x")  # the first change after a pause: answered at once
    assert answers == [True]
    badges, shown_while_typing = [], []
    for _ in range(len(SECRET) + 2):
        QTest.keyClick(edit, Qt.Key.Key_Backspace)
    for char in SECRET:
        QTest.keyClicks(edit, char)
        badges.append(badge(shown))
        shown_while_typing.append(panel.isVisible())
    assert badges[-1] == "Signature Verified"  # the badge follows every key at once
    assert badges[0] == "Invalid Signature"
    assert answers == [True]  # no diagnosis per key: the panel did not come and go
    assert all(shown_while_typing)
    assert companion.waiting
    answered(shown)
    assert answers == [True, False]  # one answer, once the typing paused
    assert not panel.isVisible()


def test_a_fix_shown_for_older_input_is_not_applied(shown: InspectorWindow) -> None:
    paste_token(shown, TOKEN)
    paste_secret(shown, SECRET + "\n")
    assert fix_button(shown).text() == "Remove the trailing newline from the secret"
    edit = secret_edit(shown)
    QTest.keyClicks(edit, "x")
    QTest.keyClicks(edit, "y")  # typed on: the panel still shows the older answer
    assert SignatureDiagnosis.of(shown.document).waiting
    fix_button(shown).click()
    assert edit.text() == SECRET + "\nxy"  # not applied to what was typed since
    assert not SignatureDiagnosis.of(shown.document).waiting  # the current answer instead
