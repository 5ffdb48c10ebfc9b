"""Long tokens: a paste, a drop or a composed token over 64 KiB is shown as a read-only preview
with a notice, judged whole on the worker thread and copied whole; Clear, Delete or another
paste leave the preview. Over 1 MiB is refused at once. (How long the event loop stalls is
measured by ``make bench``, not here.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from tiledesk_jwt_gui.core import DEMO_SECRET, MAX_TOKEN_CHARS, demo_claims, secret_key, sign_token
from tiledesk_jwt_gui.ui import InspectorWindow
from tiledesk_jwt_gui.ui.document import LARGE_INPUT_CHARS
from tiledesk_jwt_gui.ui.widgets.issue_list import IssueList
from tiledesk_jwt_gui.ui.widgets.token_edit import PREVIEW_CHARS, TokenEdit

from .conftest import NOW, QtLog, child, json_edit, press_paste, qt_complaints


def long_token(chars: int) -> str:
    """A token of about ``chars`` characters, signed with the demo secret, that Tiledesk would
    accept at the fake clock's time."""
    claims = demo_claims(int(NOW))
    claims["notes"] = "n" * int(chars * 0.75)
    return sign_token(None, claims, secret_key(DEMO_SECRET), "HS256")


BIG = long_token(1_000_000)
SMALL = long_token(100)


def edit_of(window: InspectorWindow) -> TokenEdit:
    return child(window, TokenEdit, "tokenEdit")


def paste_keys(window: InspectorWindow, text: str, *, select_all: bool = True) -> None:
    QGuiApplication.clipboard().setText(text)
    if select_all:
        edit_of(window).selectAll()
    press_paste(edit_of(window))


def judged(window: InspectorWindow, text: str) -> bool:
    return window.verdict is not None and window.verdict.inspection.original == text


def assert_previewing(window: InspectorWindow, token: str) -> None:
    edit = edit_of(window)
    bar = child(window, QFrame, "tokenPreviewBar")
    assert not bar.isHidden()
    assert edit.is_preview
    assert edit.isReadOnly()
    assert window.token_text() == token
    shown = edit.toPlainText()
    assert shown.startswith(token[:PREVIEW_CHARS])
    assert len(shown) < PREVIEW_CHARS + 100  # not the megabyte
    assert "more characters, not shown" in shown


def assert_editing(window: InspectorWindow, token: str) -> None:
    edit = edit_of(window)
    assert child(window, QFrame, "tokenPreviewBar").isHidden()
    assert not edit.is_preview
    assert not edit.isReadOnly()
    assert edit.toPlainText() == token
    assert window.token_text() == token


def test_long_paste_is_previewed_judged_whole_and_copied_whole(
    qtbot: QtBot, window: InspectorWindow, qtlog: QtLog
) -> None:
    paste_keys(window, BIG)
    assert_previewing(window, BIG)
    notice = child(window, QLabel, "tokenPreviewLabel").text()
    assert notice.startswith("1.0 MB token: showing the first 16 KB, read-only.")
    assert "Copy token copies all of it" in notice
    assert child(window, QLabel, "verdictLabel").text() == "Checking a large input…"
    qtbot.waitUntil(lambda: judged(window, BIG), timeout=20_000)
    assert child(window, QLabel, "signatureBadge").text() == "Signature Verified"
    # Signed right, but no browser request carries a 1 MB header: Node answers 431 first.
    assert child(window, QLabel, "verdictLabel").text().startswith("Tiledesk would reject")
    assert "POST /auth/signinWithCustomToken → 431" in (
        child(window, QLabel, "verdictDetailLabel").text()
    )
    child(window, QPushButton, "copyTokenButton").click()
    assert QGuiApplication.clipboard().text() == BIG
    child(window, QPushButton, "copyAuthHeaderButton").click()
    assert QGuiApplication.clipboard().text() == f"Authorization: JWT {BIG}"
    assert qt_complaints(qtlog) == []


def test_preview_is_coloured_only_where_it_is_shown(
    qtbot: QtBot, window: InspectorWindow, qtlog: QtLog
) -> None:
    paste_keys(window, BIG)
    qtbot.waitUntil(lambda: judged(window, BIG), timeout=20_000)
    edit = edit_of(window)
    selections = edit.extraSelections()
    assert selections, "the shown part is coloured by segment"
    end = edit.document().characterCount()
    assert all(s.cursor.selectionEnd() < end for s in selections)
    painted = {s.format.foreground().color().name() for s in selections}
    assert edit.segment_colours()["payload"].name() in painted
    assert qt_complaints(qtlog) == []  # no cursor set outside the document


@pytest.mark.parametrize("way_out", ["clear button", "delete key", "another paste"])
def test_the_preview_is_left_for_editing(
    qtbot: QtBot, window: InspectorWindow, way_out: str
) -> None:
    paste_keys(window, BIG)
    qtbot.waitUntil(lambda: judged(window, BIG), timeout=20_000)
    if way_out == "clear button":
        child(window, QPushButton, "tokenClearButton").click()
        assert_editing(window, "")
        assert child(window, QLabel, "verdictLabel").text().startswith("Tiledesk would reject")
    elif way_out == "delete key":
        QTest.keyClick(edit_of(window), Qt.Key.Key_Delete)
        assert_editing(window, "")
    else:
        paste_keys(window, SMALL, select_all=False)  # a paste into a preview replaces it all
        assert_editing(window, SMALL)
        assert child(window, QLabel, "signatureBadge").text() == "Signature Verified"
    QTest.keyClicks(edit_of(window), "x")  # editable again
    assert edit_of(window).toPlainText().endswith("x")
    assert judged(window, window.token_text())


def test_a_long_file_dropped_on_a_preview_replaces_it(
    qtbot: QtBot, window: InspectorWindow, tmp_path: Path
) -> None:
    paste_keys(window, BIG)
    other = long_token(200_000)
    path = tmp_path / "token.txt"
    path.write_text(other, encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    viewport = edit_of(window).viewport()
    at = QPointF(10, 10)
    actions = Qt.DropAction.CopyAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(at.toPoint(), actions, mime, buttons, keys)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(viewport, QDropEvent(at, actions, mime, buttons, keys, QEvent.Type.Drop))
    assert_previewing(window, other)
    qtbot.waitUntil(lambda: judged(window, other), timeout=20_000)
    assert child(window, QLabel, "signatureBadge").text() == "Signature Verified"


def test_a_paste_that_makes_the_token_long_splices_at_the_cursor(
    qtbot: QtBot, window: InspectorWindow
) -> None:
    edit = edit_of(window)
    edit.setPlainText("😀abc")  # an astral character: Qt counts it as two positions
    cursor = edit.textCursor()
    cursor.setPosition(3)  # after "😀a"
    cursor.setPosition(4, QTextCursor.MoveMode.KeepAnchor)  # "b" selected
    edit.setTextCursor(cursor)
    filler = "z" * (LARGE_INPUT_CHARS + 10)
    paste_keys(window, filler, select_all=False)
    expected = "😀a" + filler + "c"
    assert_previewing(window, expected)
    qtbot.waitUntil(lambda: judged(window, expected), timeout=20_000)


def test_a_composed_long_token_is_previewed_and_copied_whole(
    qtbot: QtBot, window: InspectorWindow
) -> None:
    claims = demo_claims(int(NOW))
    claims["notes"] = "n" * 120_000
    json_edit(window, "payloadEdit").setPlainText(json.dumps(claims))
    token = window.document.draft.token
    assert len(token) > LARGE_INPUT_CHARS
    assert_previewing(window, token)
    qtbot.waitUntil(lambda: judged(window, token), timeout=20_000)
    assert child(window, QLabel, "signatureBadge").text() == "Signature Verified"
    QGuiApplication.clipboard().clear()
    QTest.keySequence(window, QKeySequence("Ctrl+Shift+C"))
    child(window, QPushButton, "copyTokenButton").click()
    assert QGuiApplication.clipboard().text() == token


def test_over_the_limit_is_refused_at_once_in_a_preview(window: InspectorWindow) -> None:
    text = "a" * (MAX_TOKEN_CHARS + 1)
    paste_keys(window, text)
    assert_previewing(window, text)
    assert "over the 1 MiB limit" in child(window, QLabel, "tokenPreviewLabel").text()
    # No waiting: the refusal is immediate.
    assert judged(window, text)
    assert child(window, QLabel, "verdictLabel").text().startswith("Tiledesk would reject")
    codes = [issue.code for issue in child(window, IssueList, "issuesList").issues()]
    assert "too_large" in codes
    assert not child(window, QPushButton, "copyTokenButton").isEnabled()


def test_short_pastes_are_ordinary_edits(window: InspectorWindow) -> None:
    paste_keys(window, SMALL)
    assert_editing(window, SMALL)
    assert child(window, QLabel, "signatureBadge").text() == "Signature Verified"
    edit_of(window).undo()  # an ordinary paste can be undone
    assert edit_of(window).toPlainText() != SMALL
