"""Issue 15 item 5: typing a secret over a token keeps the window still. Each key re-judges the
token; what it changes (the badge's words, the demo secret's note, the "Why?" panel's answer)
must not move what is around it, or the window is laid out and painted again on every key
(10–14 ms, more than a frame with a big token) and the fields jump under the pointer. Through
the real window, with real keys; and the worker that judges big tokens keeps the GUI thread's
waits for the interpreter short."""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from tiledesk_jwt_gui.core import DEMO_SECRET, demo_claims, secret_key, sign_token
from tiledesk_jwt_gui.ui import InspectorWindow
from tiledesk_jwt_gui.ui.document.diagnosis import INLINE_DIAGNOSIS_CHARS, SignatureDiagnosis
from tiledesk_jwt_gui.ui.document.worker import SWITCH_S, Worker
from tiledesk_jwt_gui.ui.panes.why_panel import WhyPanel
from tiledesk_jwt_gui.ui.widgets.claim_error_label import HOLD_MS, ClaimErrorLabel

from .conftest import NOW, answered, child, press_paste

SECRET = "6d1e0c2b-8f4a-4b3c-9e7d-a1b2c3d4e5f6"
STILL = ("signatureBadge", "verdictLabel", "verdictDetailLabel", "headerFields", "detailTabs")
"""What must not move or change size while the secret is typed."""


def token(secret: str, *, big: bool = False) -> str:
    """The demo claims signed with ``secret``; ``big``: past the inline diagnosis limit, so its
    diagnosis runs on the worker."""
    claims = {**demo_claims(int(NOW)), **({"note": "n" * INLINE_DIAGNOSIS_CHARS} if big else {})}
    return sign_token(None, claims, secret_key(secret), "HS256")


def geometries(window: InspectorWindow) -> dict[str, QRect]:
    QCoreApplication.processEvents()  # the layout requests the last key posted
    found = {name: child(window, QWidget, name) for name in STILL}
    return {name: QRect(w.mapTo(window, w.rect().topLeft()), w.size()) for name, w in found.items()}


def show(window: InspectorWindow, text: str, secret: str) -> QLineEdit:
    """Paste ``text`` as the token and ``secret`` as the secret, as a person does."""
    QGuiApplication.clipboard().setText(text)
    child(window, QAction, "pasteTokenAction").trigger()
    edit = child(window, QLineEdit, "secretEdit")
    child(window, QToolButton, "secretClearButton").click()
    QGuiApplication.clipboard().setText(secret)
    press_paste(edit)
    QGuiApplication.clipboard().clear()
    answered(window)
    settle_diagnosis(window)
    return edit


def settle_diagnosis(window: InspectorWindow) -> None:
    why = SignatureDiagnosis.of(window.document)
    while why.pending or window.document.busy:
        QCoreApplication.processEvents()


def badge(window: InspectorWindow) -> str:
    return child(window, QLabel, "signatureBadge").text()


def test_the_signature_flipping_with_each_key_moves_nothing(shown: InspectorWindow) -> None:
    edit = show(shown, token(SECRET), SECRET)
    assert badge(shown) == "Signature Verified"
    QTest.keyClick(edit, Qt.Key.Key_X)  # the first key after a pause: the panel comes at once
    assert badge(shown) == "Invalid Signature"
    before = geometries(shown)
    seen = set()
    for index in range(12):  # one burst of typing: verified and invalid in turn
        QTest.keyClick(edit, Qt.Key.Key_Backspace if index % 2 == 0 else Qt.Key.Key_X)
        seen.add(badge(shown))
        assert geometries(shown) == before, f"moved at key {index} ({badge(shown)})"
    assert seen == {"Signature Verified", "Invalid Signature"}


def test_claims_whose_messages_swap_with_the_signature_move_once_typing_pauses(
    qtbot: QtBot, shown: InspectorWindow
) -> None:
    # Signed, the server's answer is about the missing aud (two lines here); not signed, about
    # the missing _id (one line): the rows resized, and the claims under them moved, on every key.
    edit = show(
        shown, sign_token(None, {"sub": "userexternal"}, secret_key(SECRET), "HS256"), SECRET
    )
    aud, user_id = (child(shown, ClaimErrorLabel, f"claimError_{c}") for c in ("aud", "_id"))
    email = child(shown, QWidget, "claim_email")
    assert aud.isVisible()
    assert not user_id.isVisible()
    assert aud.height() > user_id.minimumHeight()  # more lines than the one kept when hidden
    QTest.keyClick(edit, Qt.Key.Key_X)
    QCoreApplication.processEvents()
    assert user_id.isVisible()
    assert not aud.isVisible()
    where = email.mapTo(shown, email.rect().topLeft())
    rooms = (aud.height(), user_id.height())  # the aud message's lines kept while it is hidden
    for index in range(8):
        QTest.keyClick(edit, Qt.Key.Key_Backspace if index % 2 == 0 else Qt.Key.Key_X)
        QCoreApplication.processEvents()
        assert aud.isVisible() is (index % 2 == 0)
        assert (aud.height(), user_id.height()) == rooms, f"resized at key {index}"
        assert email.mapTo(shown, email.rect().topLeft()) == where, f"moved at key {index}"
    # Once the messages pause, the room no longer needed is given back (the aud message shown
    # last keeps its lines; the hidden _id label keeps one).
    qtbot.wait(HOLD_MS + 100)
    QCoreApplication.processEvents()
    assert user_id.minimumHeight() == user_id.fontMetrics().lineSpacing()
    assert aud.minimumHeight() == aud.fontMetrics().lineSpacing()


def test_the_badge_is_one_width_in_every_state(shown: InspectorWindow) -> None:
    widths = {}
    edit = show(shown, token(SECRET), SECRET)
    label = child(shown, QLabel, "signatureBadge")
    widths[badge(shown)] = label.width()
    QTest.keyClick(edit, Qt.Key.Key_X)
    widths[badge(shown)] = label.width()
    child(shown, QToolButton, "secretClearButton").click()
    QCoreApplication.processEvents()
    widths[badge(shown)] = label.width()
    assert set(widths) == {"Signature Verified", "Invalid Signature", "Enter the secret to verify"}
    assert len(set(widths.values())) == 1, widths


def test_replacing_the_demo_secret_keeps_its_note_s_room(shown: InspectorWindow) -> None:
    edit = show(shown, token(DEMO_SECRET), DEMO_SECRET)
    note, tabs = child(shown, QLabel, "secretDemoLabel"), child(shown, QWidget, "detailTabs")
    assert note.isVisible()
    before = tabs.geometry()  # in the side under the key panel (the "Why?" panel moves it all)
    QTest.keyClick(edit, Qt.Key.Key_X)
    QCoreApplication.processEvents()
    assert not note.isVisible()  # the note is gone, its line is kept
    assert tabs.geometry().top() == before.top()


def test_a_quick_answer_from_the_worker_is_shown_without_looking_first(
    shown: InspectorWindow,
) -> None:
    edit = show(shown, token(SECRET, big=True), SECRET)
    panel, why = child(shown, WhyPanel, "whyPanel"), SignatureDiagnosis.of(shown.document)
    texts: list[str] = []
    why.changed.connect(lambda: texts.append(panel.cause_label.text()))  # after the panel's
    QTest.keyClick(edit, Qt.Key.Key_X)
    answered(shown)
    assert why.pending  # handed to the worker
    assert not panel.isVisible()
    settle_diagnosis(shown)
    assert panel.isVisible()
    assert "Looking for the cause…" not in texts
    assert texts[-1].startswith("Found: ")  # the secret's extra character


def test_a_slow_answer_says_it_is_looking_and_offers_no_older_fix(
    qtbot: QtBot, shown: InspectorWindow
) -> None:
    edit = show(shown, token(SECRET, big=True), SECRET + "\n")
    panel, why = child(shown, WhyPanel, "whyPanel"), SignatureDiagnosis.of(shown.document)
    fix = child(shown, QPushButton, "whyFixButton")
    older = panel.cause_label.text()
    assert older.startswith("Found: ")
    assert fix.isVisible()
    assert fix.isEnabled()
    release = threading.Event()
    shown.document.worker.submit("test", 0, lambda: release.wait(20))  # the worker is busy
    QTest.keyClick(edit, Qt.Key.Key_X)
    answered(shown)
    assert why.pending
    assert panel.cause_label.text() == older  # the older answer, for a moment
    assert not fix.isEnabled()  # its fix is for the older input
    qtbot.waitUntil(lambda: panel.cause_label.text() == "Looking for the cause…", timeout=5000)
    assert not fix.isVisible()
    release.set()
    settle_diagnosis(shown)
    assert panel.cause_label.text() not in (older, "Looking for the cause…")
    assert fix.isEnabled()


def test_while_a_job_runs_the_interpreter_switches_threads_often() -> None:
    before = sys.getswitchinterval()
    one, two = Worker(), Worker()
    seen: list[float] = []
    release = threading.Event()
    one.submit("a", 1, lambda: release.wait(20))
    two.submit("b", 1, lambda: seen.append(sys.getswitchinterval()))
    while two.busy:
        QCoreApplication.processEvents()
    assert seen == [min(before, SWITCH_S)]
    assert sys.getswitchinterval() == min(before, SWITCH_S)  # the first worker still runs
    release.set()
    while one.busy:
        QCoreApplication.processEvents()
    assert sys.getswitchinterval() == before
    for worker in (one, two):
        worker.shutdown()
