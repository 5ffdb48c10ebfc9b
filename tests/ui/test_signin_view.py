"""Issue 10 in the window: the banner's detail names the widget's first failing call, the
Sign-in tab lists the calls, and the security lint's warnings are among the findings. Tokens
are pasted with the paste key into the real window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from tiledesk_jwt_gui.core import (
    DEMO_PROJECT_ID,
    DEMO_SECRET,
    JSONValue,
    Severity,
    demo_claims,
    secret_key,
    sign_token,
    token_length_limit,
)
from tiledesk_jwt_gui.ui import InspectorWindow
from tiledesk_jwt_gui.ui.panes.signin_page import NO_FLOW
from tiledesk_jwt_gui.ui.widgets.call_list import CallList
from tiledesk_jwt_gui.ui.widgets.issue_list import IssueList

from .conftest import NOW, child, settle, signin_child

SIGNIN = ["POST", "/auth/signinWithCustomToken"]
CHAT21 = ["POST", "/chat21/native/auth/createCustomToken"]
PROJECT = ["GET", f"/{DEMO_PROJECT_ID}/requests/me?preflight=true"]


def signed(**changes: JSONValue) -> str:
    claims = demo_claims(int(NOW))
    claims.update(changes)
    return sign_token(None, claims, secret_key(DEMO_SECRET), "HS256")


def paste(qtbot: QtBot, window: InspectorWindow, text: str) -> None:
    QGuiApplication.clipboard().setText(text)
    edit = child(window, QPlainTextEdit, "tokenEdit")
    edit.setFocus()
    edit.selectAll()
    QTest.keySequence(edit, QKeySequence(QKeySequence.StandardKey.Paste))
    settle(qtbot, window)


def rows(window: InspectorWindow) -> list[list[str]]:
    calls = signin_child(window, CallList, "signinCalls")
    return [calls.row_texts(row) for row in range(calls.topLevelItemCount())]


def detail(window: InspectorWindow) -> str:
    return child(window, QLabel, "verdictDetailLabel").text()


def verdict_text(window: InspectorWindow) -> str:
    return child(window, QLabel, "verdictLabel").text()


def test_the_sign_in_tab_sits_beside_the_json_tab(window: InspectorWindow) -> None:
    tabs = child(window, QTabWidget, "detailTabs")
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "&Claims",
        "&Raw JSON",
        "Sign-&in",
        "C&ode",
        "Project &book",
        "&QA cases",
    ]
    page = tabs.widget(2)
    assert page is not None
    assert page.objectName() == "signinTab"  # its page is built on first use
    assert window.findChild(QWidget, "signinPage") is None
    action = window.findChild(QAction, "signinTabAction")
    assert action is not None
    action.trigger()
    assert tabs.currentWidget() is page
    assert child(page, QWidget, "signinPage").parent() is page


def test_every_call_answers_200(qtbot: QtBot, window: InspectorWindow) -> None:
    paste(qtbot, window, signed(firstname="Ada"))
    assert rows(window) == [
        [*SIGNIN, "200", "signed in"],
        [*CHAT21, "200", "chat token"],
        [*PROJECT, "200", "OK"],
    ]
    assert [c.ok for c in signin_child(window, CallList, "signinCalls").calls()] == [True] * 3
    line = "The widget signs in and chats: every call of its sign-in answers 200."
    assert line in detail(window).splitlines()
    summary = signin_child(window, QLabel, "signinSummary")
    assert summary.text() == line
    assert summary.textFormat() is Qt.TextFormat.PlainText  # words from the token stay text


def test_a_wrong_secret_stops_at_the_sign_in_with_401(
    qtbot: QtBot, window: InspectorWindow
) -> None:
    claims = demo_claims(int(NOW))
    forged = sign_token(
        None, claims, secret_key("another secret, forty bytes long......."), "HS256"
    )
    paste(qtbot, window, forged)
    assert rows(window) == [[*SIGNIN, "401", "Unauthorized (invalid signature)"]]
    assert child(window, QLabel, "signatureBadge").text() == "Invalid Signature"
    assert verdict_text(window).startswith("Tiledesk would reject")
    assert (
        "The widget cannot sign in: POST /auth/signinWithCustomToken → 401 Unauthorized "
        "(invalid signature)." in detail(window).splitlines()
    )


def test_sub_user_with_a_non_object_id_signs_in_then_chat21_answers_500(
    qtbot: QtBot, window: InspectorWindow
) -> None:
    paste(qtbot, window, signed(sub="user", _id="visitor-42"))
    assert rows(window) == [
        [*SIGNIN, "200", "signed in"],
        [*CHAT21, "500", "CastError (the id is not an ObjectId)"],
    ]
    assert [c.ok for c in signin_child(window, CallList, "signinCalls").calls()] == [True, False]
    assert verdict_text(window).startswith("Tiledesk would reject")
    assert (
        "Signs in, but POST /chat21/native/auth/createCustomToken → 500 CastError (the id is "
        "not an ObjectId): the visitor never gets a chat connection." in detail(window)
    )


def test_an_operator_in_id_signs_in_but_the_project_call_answers_403(
    qtbot: QtBot, window: InspectorWindow
) -> None:
    paste(qtbot, window, signed(_id={"$ne": None}))
    assert [row[2] for row in rows(window)] == ["200", "200", "403"]
    assert rows(window)[2] == [*PROJECT, "403", "you dont belong to the project."]
    assert verdict_text(window).startswith("Tiledesk would accept")  # accepted: both calls 200
    text = detail(window)
    assert text.count("Signs in and gets a chat token, but GET /") == 1
    assert "→ 403 you dont belong to the project: the visitor can't chat." in text
    codes = [issue.code for issue in child(window, IssueList, "issuesList").issues()]
    assert "signed_in_unusable" in codes


def test_a_token_over_the_header_limit_answers_431(qtbot: QtBot, window: InspectorWindow) -> None:
    token = signed(attributes={"pad": "x" * 16_000})
    assert len(token) > token_length_limit()
    paste(qtbot, window, token)
    assert rows(window) == [
        [
            *SIGNIN,
            "431",
            "Request Header Fields Too Large (Node's 16 KiB limit, before Tiledesk runs)",
        ]
    ]
    assert child(window, QLabel, "signatureBadge").text() == "Signature Verified"
    assert verdict_text(window).startswith("Tiledesk would reject")
    assert "POST /auth/signinWithCustomToken → 431 Request Header Fields Too Large" in detail(
        window
    )


def test_no_answer_is_said_in_the_status_column(qtbot: QtBot, window: InspectorWindow) -> None:
    paste(qtbot, window, signed(role="agent", email=None))
    assert rows(window) == [[*SIGNIN, "no answer", ""]]
    assert "POST /auth/signinWithCustomToken → no answer" in detail(window)


def test_an_unknown_secret_says_undecided_in_the_banner_and_the_tab(
    qtbot: QtBot, window: InspectorWindow
) -> None:
    paste(qtbot, window, signed(firstname="Ada"))
    window.document.forget_secrets()
    settle(qtbot, window)
    assert verdict_text(window).startswith("Tiledesk would")
    assert "Undecided without the secret; if the signature is right, the widget signs in" in (
        detail(window)
    )
    assert (
        signin_child(window, QLabel, "signinTitle").text().endswith("(if the signature is right)")
    )
    assert len(rows(window)) == 3


def test_judging_as_any_jwt_shows_no_calls(qtbot: QtBot, window: InspectorWindow) -> None:
    combo = child(window, QComboBox, "profileCombo")
    combo.setCurrentIndex(combo.findData("generic"))
    assert signin_child(window, CallList, "signinCalls").calls() == []
    assert rows(window) == [[NO_FLOW, "", "", ""]]
    assert signin_child(window, QLabel, "signinSummary").text() == ""


def test_copying_rows_copies_the_calls_as_lines(qtbot: QtBot, window: InspectorWindow) -> None:
    paste(qtbot, window, signed(sub="user", _id="visitor-42"))
    calls = signin_child(window, CallList, "signinCalls")
    calls.setFocus()
    QTest.keySequence(calls, QKeySequence(QKeySequence.StandardKey.SelectAll))
    QTest.keySequence(calls, QKeySequence(QKeySequence.StandardKey.Copy))
    assert QGuiApplication.clipboard().text() == (
        "POST /auth/signinWithCustomToken → 200 signed in\n"
        "POST /chat21/native/auth/createCustomToken → 500 CastError (the id is not an ObjectId)"
    )
    assert DEMO_SECRET not in QGuiApplication.clipboard().text()


# --- 3. the security lint shows among the findings ----------------------------------------


def lint_warnings(window: InspectorWindow) -> dict[str, str]:
    found = child(window, IssueList, "issuesList").issues()
    return {i.code: i.message for i in found if i.severity is Severity.WARNING}


def test_an_operator_in_id_is_a_warning_in_the_findings(
    qtbot: QtBot, window: InspectorWindow
) -> None:
    paste(qtbot, window, signed(_id={"$ne": None}))
    assert "lint_operator_in_id" in lint_warnings(window)
    item = child(window, IssueList, "issuesList").item_for("lint_operator_in_id")
    assert item is not None
    assert item.text().startswith("_id")


def test_sub_user_with_an_id_shaped_id_is_a_warning(qtbot: QtBot, window: InspectorWindow) -> None:
    paste(qtbot, window, signed(sub="user", _id="65a1b2c3d4e5f60718293a4c"))
    assert "lint_impersonation" in lint_warnings(window)
    assert child(window, IssueList, "issuesList").item_for("lint_impersonation") is not None


def test_a_staff_role_is_a_warning(qtbot: QtBot, window: InspectorWindow) -> None:
    paste(qtbot, window, signed(role="agent"))
    assert "role_staff" in lint_warnings(window)
    assert verdict_text(window).startswith("Tiledesk would accept this token (")
    assert "warning" in verdict_text(window)
    paste(qtbot, window, signed(firstname="Ada"))
    assert "role_staff" not in lint_warnings(window)
