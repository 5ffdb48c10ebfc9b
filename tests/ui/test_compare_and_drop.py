"""Issue 12 in the window: "Compare with…" (a second token beside the one shown, differences
listed, the one that changes the verdict marked, A following edits in the main window), and a
file dropped anywhere on the window (a HAR larger than a token may be, read on the worker; one
with several tokens gives a list to pick from; a file that holds none says why)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from tiledesk_jwt_gui.core import (
    DEMO_SECRET,
    MAX_TOKEN_CHARS,
    ExtractionSource,
    JSONValue,
    TokenCandidate,
    demo_claims,
    secret_key,
    sign_token,
)
from tiledesk_jwt_gui.ui import InspectorWindow
from tiledesk_jwt_gui.ui.panes.compare_pane import DECISIVE_MARK, ComparePane
from tiledesk_jwt_gui.ui.widgets.token_edit import TokenEdit
from tiledesk_jwt_gui.ui.window.token_picker_dialog import TokenPickerDialog

from .conftest import NOW, child, settle


def token(**changes: JSONValue) -> str:
    return sign_token(None, {**demo_claims(int(NOW)), **changes}, secret_key(DEMO_SECRET), "HS256")


def open_compare(window: InspectorWindow) -> ComparePane:
    child(window, QAction, "compareAction").trigger()
    dialog = window.token_tools.compare_dialog
    assert dialog is not None
    assert dialog.isVisible()
    return dialog.pane


def test_compare_marks_the_difference_that_changes_the_verdict(shown: InspectorWindow) -> None:
    pane = open_compare(shown)
    expired = token(exp=int(NOW) - 3600, attributes={"plan": "pro"})
    pane.b_edit.setFocus()
    QApplication.clipboard().setText(expired)
    QTest.keyClick(pane.b_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert pane.b_edit.token_text() == expired
    verdict = pane.verdict_label.text()
    assert verdict.startswith("Verdict: A is accepted, B is rejected")
    rows = {row[1]: row for row in pane.rows()}
    assert rows["claims: exp"][4].startswith(f"{DECISIVE_MARK} changes the verdict: B is rejected")
    assert "(2 h earlier)" in rows["claims: exp"][4]
    assert rows["claims: attributes.plan"][0] == "+ added"
    assert rows["claims: attributes.plan"][3] == '"pro"'
    assert not rows["claims: attributes.plan"][4]  # not decisive: no mark
    assert rows["claims: attributes.attribute1"][0] == "− removed"
    note = child(pane, QLabel, "compareNoteLabel").text()
    assert note.startswith("claims: exp: ")
    assert DECISIVE_MARK in note
    # A follows what is edited in the main window
    child(shown, QLineEdit, "claim_firstname").setText("Grace")
    assert pane.a_edit.token_text() == shown.token_text()
    assert any(row[1] == "claims: firstname" for row in pane.rows())


def test_identical_tokens_and_an_empty_b_say_so(shown: InspectorWindow) -> None:
    pane = open_compare(shown)
    assert pane.verdict_label.text() == "Paste a second token as B to compare it with A."
    pane.b_edit.replace_token(shown.token_text())
    assert pane.verdict_label.text().startswith("The tokens are identical")
    assert pane.rows() == []
    shown.window_actions.compare.trigger()  # again: the same window, B kept
    assert shown.token_tools.compare_dialog is not None
    assert shown.token_tools.compare_dialog.pane is pane
    assert pane.b_edit.token_text() == shown.token_text()


def drop_file(target: QWidget, path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    at = QPointF(20, 20)
    actions = Qt.DropAction.CopyAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(at.toPoint(), actions, mime, buttons, keys)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(target, QDropEvent(at, actions, mime, buttons, keys, QEvent.Type.Drop))


def har(*tokens: str, padding: int = 0) -> str:
    entries = [
        {
            "request": {
                "method": "POST",
                "url": "https://api.tiledesk.com/v3/auth/signinWithCustomToken",
                "headers": [{"name": "Authorization", "value": f"JWT {t}"}],
                "queryString": [],
            },
            "response": {"status": 200, "content": {"text": "y" * padding}},
        }
        for t in tokens
    ]
    return json.dumps({"log": {"version": "1.2", "entries": entries}})


def test_a_big_har_dropped_on_the_window_gives_its_token(
    qtbot: QtBot, shown: InspectorWindow, tmp_path: Path
) -> None:
    wanted = token(firstname="FromHar")
    path = tmp_path / "session.har"
    path.write_text(har(wanted, padding=2 * MAX_TOKEN_CHARS), encoding="utf-8")
    drop_file(child(shown, QWidget, "detailSide"), path)  # not the token pane
    settle(qtbot, shown)
    qtbot.waitUntil(lambda: shown.token_text() == wanted)
    assert child(shown, QLineEdit, "claim_firstname").text() == "FromHar"
    assert child(shown, QLabel, "signatureBadge").text() == "Signature Verified"
    assert (
        shown.statusBar()
        .currentMessage()
        .startswith("Took the token from HAR entry 1, request header Authorization in session.har")
    )


@pytest.mark.parametrize("where", ["window", "token pane"])
def test_several_tokens_give_a_list_to_pick_from(
    qtbot: QtBot,
    shown: InspectorWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    where: str,
) -> None:
    first, second = token(firstname="First"), token(firstname="Second")
    path = tmp_path / "two.har"
    path.write_text(har(first, second), encoding="utf-8")
    offered: list[list[str]] = []

    def pick(cls: object, parent: QWidget, found: list[TokenCandidate], name: str) -> int:
        offered.append([c.token for c in found])
        assert name == "two.har"
        return 1

    monkeypatch.setattr(TokenPickerDialog, "ask", classmethod(pick))
    edit = child(shown, TokenEdit, "tokenEdit")
    drop_file(
        edit.viewport() if where == "token pane" else child(shown, QWidget, "findingsSide"), path
    )
    assert offered == [[first, second]]
    assert shown.token_text() == second
    assert child(shown, QLineEdit, "claim_firstname").text() == "Second"
    assert "HAR entry 2" in shown.statusBar().currentMessage()


def test_the_picker_lists_previews_and_where_and_answers_the_chosen_one(qtbot: QtBot) -> None:
    tokens = [token(firstname=name) for name in ("A", "B", "C")]
    found = [
        TokenCandidate(t, 0, len(t), ExtractionSource.HAR_FILE, f"HAR entry {n}, request header")
        for n, t in enumerate(tokens, start=1)
    ]
    dialog = TokenPickerDialog(found, "log.har")
    qtbot.addWidget(dialog)
    texts = [dialog.list.item(row).text() for row in range(dialog.list.count())]
    assert texts[1].startswith("2. eyJ")
    assert texts[1].endswith("(HAR entry 2, request header)")
    assert tokens[1] not in texts[1]  # a preview, never the whole credential
    dialog.list.setCurrentRow(2)
    QTest.keyClick(dialog.list, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.list.currentRow() == 2


def test_a_file_without_a_token_or_text_says_why(shown: InspectorWindow, tmp_path: Path) -> None:
    before = shown.token_text()
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff")
    drop_file(child(shown, QWidget, "detailSide"), picture)
    assert shown.statusBar().currentMessage() == (
        "Nothing dropped: photo.png is not UTF-8 text at byte 1"
    )
    assert shown.token_text() == before
