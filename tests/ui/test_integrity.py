"""The usability faults of issue 11, each driven through the real widgets: real wheel events
sent to the real fields, real key clicks, real Tab presses."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tiledesk_jwt_gui.core import (
    DEMO_PROJECT_ID,
    DEMO_RSA_PRIVATE_KEY_PEM,
    DEMO_SECRET,
    NOT_A_JWT,
    Mode,
    demo_claims,
    load_key_text,
    secret_key,
    sign_token,
)
from tiledesk_jwt_gui.ui import InspectorWindow
from tiledesk_jwt_gui.ui.widgets.issue_list import IssueList
from tiledesk_jwt_gui.ui.window.help_box import HelpBox

from .conftest import NOW, FakeClock, child, settle

OTHER_PROJECT = "5c81593adf767b0017d1aa68"


def signed(**changes: object) -> str:
    claims = demo_claims(int(NOW))
    claims.update(changes)  # type: ignore[arg-type]
    return sign_token(None, claims, secret_key(DEMO_SECRET), "HS256")


PASTED = signed(firstname="Pasted")


def paste(window: InspectorWindow, text: str) -> None:
    """Select all in the token pane and press the paste key, as a person does."""
    QGuiApplication.clipboard().setText(text)
    edit = child(window, QPlainTextEdit, "tokenEdit")
    edit.setFocus()
    edit.selectAll()
    QTest.keySequence(edit, QKeySequence(QKeySequence.StandardKey.Paste))


def wheel(widget: QWidget, notches: int = -3) -> None:
    """A real wheel event over the middle of ``widget`` (negative: scroll down)."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def shown_value(field: QWidget) -> str:
    if isinstance(field, QComboBox):
        return field.currentText()
    assert isinstance(field, QAbstractSpinBox)
    return field.text()


def verdict_text(window: InspectorWindow) -> str:
    return child(window, QLabel, "verdictLabel").text()


# --- 1. the wheel ---------------------------------------------------------------------------


def test_the_wheel_scrolls_the_form_and_never_edits_an_unfocused_field(
    qtbot: QtBot, shown: InspectorWindow
) -> None:
    paste(shown, PASTED)
    child(shown, QPlainTextEdit, "tokenEdit").setFocus()
    shown.resize(1000, 560)  # the form is taller than its room: it scrolls
    qtbot.wait(10)
    scroll = child(shown, QScrollArea, "claimsScroll")
    bar = scroll.verticalScrollBar()
    assert bar.maximum() > 0
    fields: list[QWidget] = [
        child(shown, QDateTimeEdit, "claim_iat"),
        child(shown, QComboBox, "claim_sub"),
        child(shown, QComboBox, "algCombo"),
        child(shown, QComboBox, "profileCombo"),
        child(shown, QSpinBox, "leewaySpin"),
    ]
    before = [shown_value(f) for f in fields]
    bar.setValue(0)
    for field in fields:
        wheel(field, -3)
        wheel(field, 2)
    after = [shown_value(f) for f in fields]
    assert after == before
    assert shown.token_text() == PASTED
    assert shown.mode is Mode.CHECKING
    assert bar.value() > 0  # the wheel over the iat field scrolled the form instead
    # With focus, the wheel edits the field as Qt always did.
    iat = child(shown, QDateTimeEdit, "claim_iat")
    iat.setFocus()
    iat.setCurrentSection(QDateTimeEdit.Section.YearSection)
    wheel(iat, 1)
    assert iat.text() != before[0]


# --- 2. a pasted token is never changed without an explicit act -------------------------------


def test_editing_a_pasted_token_keeps_it_one_click_and_one_ctrl_z_away(
    qtbot: QtBot, shown: InspectorWindow
) -> None:
    paste(shown, PASTED)
    mode = child(shown, QLabel, "modeLabel")
    assert mode.text().startswith("✔ Checking the pasted token")
    assert child(shown, QLabel, "signedHereLabel").text() == "as pasted"
    email = child(shown, QLineEdit, "claim_email")
    email.setFocus()
    QTest.keyClicks(email, "x")
    assert shown.token_text() != PASTED
    assert mode.text().startswith("✎ Composing a new token")
    assert child(shown, QLabel, "signedHereLabel").text() == "signed by this app"
    assert "signed by this app" in child(shown, QLabel, "verdictDetailLabel").text()
    button = child(shown, QPushButton, "modeButton")
    assert button.text() == "Back to the pasted token"
    # Ctrl+Z outside a text field goes back to the pasted token.
    child(shown, IssueList, "issuesList").setFocus()
    QTest.keySequence(shown, QKeySequence(QKeySequence.StandardKey.Undo))
    assert shown.token_text() == PASTED
    assert shown.mode is Mode.CHECKING
    assert child(shown, QLineEdit, "claim_email").text() == "andrea.leo@email.com"
    # And the button does the same.
    QTest.keyClicks(email, "y")
    assert shown.token_text() != PASTED
    button.click()
    assert shown.token_text() == PASTED
    assert not child(shown, QAction, "backToPastedAction").isEnabled()


# --- 3. time in one place, honouring leeway --------------------------------------------------


def test_banner_timeline_countdown_and_timer_flip_at_exp_plus_leeway(
    window: InspectorWindow, clock: FakeClock
) -> None:
    paste(window, signed(exp=int(NOW) + 10))
    window.project_group.leeway_spin.setValue(30)
    assert verdict_text(window).startswith("Tiledesk would accept")
    assert 39_000 <= window.document.boundary_timer.interval() <= 40_001
    clock.now = NOW + 39.5
    window.document.on_tick()
    assert verdict_text(window).startswith("Tiledesk would accept")
    assert child(window, QLabel, "countdownLabel").text() == "Expires in 0:00:01"
    assert window.banner.timeline.state() == "valid"
    clock.now = NOW + 40
    window.document.on_time_boundary()
    assert verdict_text(window).startswith("Tiledesk would reject")
    assert window.banner.timeline.state() == "expired"
    assert child(window, QLabel, "countdownLabel").text().startswith("Expired")
    assert window.token_text() == signed(exp=int(NOW) + 10)  # judged again, not re-signed


# --- 4. the project id field ------------------------------------------------------------------


def test_the_project_id_field(qtbot: QtBot, window: InspectorWindow, settings_path: Path) -> None:
    project = child(window, QLineEdit, "projectIdEdit")
    note = child(window, QLabel, "projectIdError")
    assert project.text() == ""
    paste(window, PASTED)
    child(window, QLineEdit, "secretEdit").setText(DEMO_SECRET)
    project.setText(f"https://panel.tiledesk.com/v3/dashboard/#/project/{DEMO_PROJECT_ID}/home")
    assert project.text() == DEMO_PROJECT_ID
    project.setText(DEMO_PROJECT_ID[:9])  # half typed
    assert not note.isHidden()
    assert note.text().startswith("⚠")
    assert verdict_text(window).startswith("Tiledesk would accept")  # never a red "reject"
    project.setText(OTHER_PROJECT)
    assert f"This token is for project {DEMO_PROJECT_ID}; the field says {OTHER_PROJECT}" in (
        note.text()
    )
    fix = child(window, QPushButton, "projectFixButton")
    assert not fix.isHidden()
    fix.click()
    assert project.text() == DEMO_PROJECT_ID
    assert note.isHidden()


def test_the_demo_id_is_never_saved_as_the_last_project(
    qtbot: QtBot, settings: QSettings, settings_path: Path, clock: FakeClock
) -> None:
    window = InspectorWindow(settings, clock=clock)
    qtbot.addWidget(window)
    window.close()
    stored = QSettings(str(settings_path), QSettings.Format.IniFormat)
    assert stored.value("project_id") == ""


# --- 5. no inline completion ------------------------------------------------------------------


def test_sub_takes_what_is_typed(qtbot: QtBot, shown: InspectorWindow) -> None:
    sub = child(shown, QComboBox, "claim_sub")
    assert sub.findText("user") >= 0
    line = sub.lineEdit()
    assert line is not None
    line.setFocus()
    line.selectAll()
    QTest.keyClick(line, Qt.Key.Key_Backspace)
    QTest.keyClicks(line, "user")
    assert sub.currentText() == "user"
    verdict = shown.verdict
    assert verdict is not None
    assert verdict.payload is not None
    assert verdict.payload["sub"] == "user"


# --- 6. nothing jumps under the pointer -------------------------------------------------------


def test_messages_do_not_move_the_fields(qtbot: QtBot, shown: InspectorWindow) -> None:
    email = child(shown, QLineEdit, "claim_email")
    lastname = child(shown, QLineEdit, "claim_lastname")
    where = (email.mapTo(shown, QPoint(0, 0)), lastname.mapTo(shown, QPoint(0, 0)))
    banner_height = shown.banner.height()
    assert child(shown, QLabel, "claimError_email").isHidden()
    email.setText("not-an-address")  # a warning under email
    qtbot.wait(10)
    assert not child(shown, QLabel, "claimError_email").isHidden()
    assert (email.mapTo(shown, QPoint(0, 0)), lastname.mapTo(shown, QPoint(0, 0))) == where
    child(shown, QLineEdit, "claimSeconds_exp").setText(str(int(NOW) - 5))  # rejected now
    qtbot.wait(10)
    assert verdict_text(shown).startswith("Tiledesk would reject")
    assert shown.banner.height() == banner_height


# --- 7. the form goes back to the top for a new token -----------------------------------------


def test_a_new_paste_scrolls_the_form_to_the_top(qtbot: QtBot, shown: InspectorWindow) -> None:
    shown.resize(1000, 560)
    qtbot.wait(10)
    bar = child(shown, QScrollArea, "claimsScroll").verticalScrollBar()
    bar.setValue(bar.maximum())
    assert bar.value() > 0
    paste(shown, PASTED)
    assert bar.value() == 0


# --- 8. Tab follows the screen ----------------------------------------------------------------


def test_tab_order_follows_the_form(qtbot: QtBot, shown: InspectorWindow) -> None:
    start = child(shown, QLineEdit, "claim__id")
    start.setFocus()
    visited = []
    for _ in range(9):
        focused = QApplication.focusWidget()
        assert focused is not None
        QTest.keyClick(focused, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        assert now is not None
        owner = now if now.objectName() else now.parentWidget()
        assert owner is not None
        visited.append(owner.objectName())
    assert visited == [
        "claim_sub",
        "claim_aud",
        "claim_email",
        "claim_firstname",
        "claim_lastname",
        "claim_attributes",
        "claim_iat",
        "claimSeconds_iat",  # a date field is one Tab stop
        "claimPresets_iat",
    ]


# --- 9. the profile and the curl server -------------------------------------------------------


def test_judging_as_any_jwt_is_said_and_the_curl_server_is_remembered(
    qtbot: QtBot, settings: QSettings, clock: FakeClock
) -> None:
    window = InspectorWindow(settings, clock=clock)
    qtbot.addWidget(window)
    combo = child(window, QComboBox, "profileCombo")
    combo.setCurrentIndex(combo.findData("generic"))
    assert "Judging as any JWT" in child(window, QLabel, "verdictDetailLabel").text()
    child(window, QLineEdit, "serverBaseEdit").setText("https://tiledesk.example.org/api/")
    window.close()
    again = InspectorWindow(settings, clock=clock)
    qtbot.addWidget(again)
    assert child(again, QComboBox, "profileCombo").currentData() == "tiledesk"
    assert child(again, QLineEdit, "serverBaseEdit").text() == "https://tiledesk.example.org/api/"


# --- 10. wording ------------------------------------------------------------------------------


def test_wording(qtbot: QtBot, window: InspectorWindow) -> None:
    paste(window, "hello, world")
    assert child(window, QLabel, "verdictDetailLabel").text().startswith(NOT_A_JWT)
    child(window, QLineEdit, "claim_email")  # the sample's email is there; drop it:
    paste(window, signed(email="a@b.co"))
    child(window, QLineEdit, "claim_email").clear()
    assert verdict_text(window) == "Tiledesk would accept this token (2 warnings)"
    lines = [item for item in child(window, IssueList, "issuesList").issues() if item.claim]
    assert lines
    for row in range(child(window, IssueList, "issuesList").count()):
        text = child(window, IssueList, "issuesList").item(row).text()
        assert not text.startswith(("exp: exp", "email: email", "nbf: nbf"))
    rsa = load_key_text(DEMO_RSA_PRIVATE_KEY_PEM)[0]
    paste(window, sign_token(None, demo_claims(int(NOW)), rsa, "RS256"))
    assert window.mode is Mode.CHECKING
    assert "secret" not in child(window, QPushButton, "modeButton").text()
    assert child(window, QPushButton, "modeButton").text().endswith("private key")
    child(window, QPlainTextEdit, "publicKeyEdit").setPlainText(
        "-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5!!\n-----END PUBLIC KEY-----\n"
    )
    settle(qtbot, window)
    detail = child(window, QLabel, "verdictDetailLabel").text()
    assert "The key could not be read:" in detail
    assert "no key was given" not in detail


# --- 11. copy the verdict ---------------------------------------------------------------------


def test_findings_copy_and_the_report(qtbot: QtBot, shown: InspectorWindow) -> None:
    child(shown, QLineEdit, "claim_email").setText("not-an-address")
    issues = child(shown, IssueList, "issuesList")
    issues.setFocus()
    QTest.keySequence(issues, QKeySequence(QKeySequence.StandardKey.SelectAll))
    QTest.keySequence(issues, QKeySequence(QKeySequence.StandardKey.Copy))
    copied = QGuiApplication.clipboard().text()
    assert "Warning: email does not look like an e-mail address" in copied
    assert len(copied.splitlines()) == issues.count()
    child(shown, QPushButton, "copyReportButton").click()
    report = QGuiApplication.clipboard().text()  # the shareable report (issue 12), Markdown
    assert report.startswith("# Tiledesk JWT report\n\n**Verdict:** Tiledesk would accept")
    assert "**Signature:** verified" in report
    assert "email does not look like an e-mail address" in report
    assert DEMO_SECRET not in report
    child(shown, QAction, "copyReportAction").trigger()
    assert QGuiApplication.clipboard().text() == report


# --- 12. help ---------------------------------------------------------------------------------


def test_help_lists_the_shortcuts_and_where_the_secret_is(
    window: InspectorWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        HelpBox,
        "show_text",
        classmethod(lambda cls, parent, title, text: shown.append((title, text))),
    )
    child(window, QAction, "shortcutsAction").trigger()
    child(window, QAction, "secretHelpAction").trigger()
    (_, shortcuts), (_, secret) = shown
    for keys in ("Ctrl+Shift+V", "Ctrl+Shift+C", "Ctrl+K", "Ctrl+Z", "Ctrl+Shift+K"):
        assert keys in shortcuts
    assert "Back to the pasted token" in shortcuts
    assert "Project Settings → Visitor Authentication → Generate" in secret
    assert "shown once" in secret
    assert isinstance(child(window, QSpinBox, "leewaySpin"), QAbstractSpinBox)
