"""The QA cases panel (issue 13): the suite made off the GUI thread from the document's project,
secret and claims; listed with each case's expected answers and filtered; a click or Enter
checks a case's token as pasted (the secret kept); "Export suite…" in every format, written
readable by its owner only, with the secret nowhere in it."""

from __future__ import annotations

import json
import os
import stat
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from tiledesk_jwt_gui.core import (
    DEMO_PROJECT_ID,
    DEMO_SECRET,
    ExpectedSummary,
    ExportFormat,
    Mode,
    SignatureStatus,
    export_suite,
    generate_suite,
    judge,
    secret_key,
)
from tiledesk_jwt_gui.ui import InspectorWindow
from tiledesk_jwt_gui.ui.document import InspectorDocument
from tiledesk_jwt_gui.ui.document.qa_cases import ExportResult, QACases, write_private_text
from tiledesk_jwt_gui.ui.panes.qa_cases_pane import QACasesPane
from tiledesk_jwt_gui.ui.panes.token_pane import CHECKING_WORDS
from tiledesk_jwt_gui.ui.style.tones import tones_for
from tiledesk_jwt_gui.ui.widgets.case_list import CaseList
from tiledesk_jwt_gui.ui.widgets.export_suite_dialog import (
    FILTERS,
    ExportSuiteDialog,
    format_for,
    with_suffix,
)

from .conftest import NOW, FakeClock, child, settle

PROJECT = "65a1b2c3d4e5f60718293a4b"
SECRET = "qa-secret-4f2c9a7e1b3d5f60a8c7e9d1"
"""A secret no export, setting or message may hold (distinctive, so a search is meaningful)."""


def made(qtbot: QtBot, cases: QACases) -> None:
    qtbot.waitUntil(lambda: cases.suite is not None and not cases.generating, timeout=20_000)


def busy(cases: QACases) -> bool:
    return cases.generating


def mode_of(document: InspectorDocument) -> Mode:
    return document.draft.mode


def alone(qtbot: QtBot) -> tuple[InspectorDocument, QACasesPane]:
    document = InspectorDocument(clock=FakeClock(NOW))
    pane = QACasesPane(document, tones_for(QApplication.palette()))
    qtbot.addWidget(pane)
    document.load_sample()
    document.set_project_text(PROJECT)
    document.set_secret(SECRET)
    return document, pane


def shown_pane(qtbot: QtBot) -> tuple[InspectorDocument, QACasesPane]:
    document, pane = alone(qtbot)
    pane.resize(700, 500)
    pane.show()
    qtbot.waitExposed(pane)
    made(qtbot, pane.cases)
    return document, pane


# --- the suite, on the document alone -------------------------------------------------------


def test_the_suite_is_made_off_the_gui_thread_from_the_documents_inputs(qtbot: QtBot) -> None:
    document = InspectorDocument(clock=FakeClock(NOW))
    document.load_sample()
    cases = QACases(document, delay_ms=0)
    assert not busy(cases)
    cases.want()
    assert busy(cases)
    made(qtbot, cases)
    suite = cases.suite
    assert suite is not None
    assert cases.made_from is not None
    assert cases.made_from.field_project_id is None
    assert suite.project_id == DEMO_PROJECT_ID  # no project id field: the token's aud's
    payload = document.draft.payload
    assert isinstance(payload, dict)
    assert suite == generate_suite(DEMO_PROJECT_ID, DEMO_SECRET, now=NOW, base_claims=payload)
    assert document.worker.threads_used
    assert threading.get_ident() not in document.worker.threads_used


def test_the_suite_follows_the_secret_and_the_project_field_not_the_token(
    qtbot: QtBot,
) -> None:
    document = InspectorDocument(clock=FakeClock(NOW))
    document.load_sample()
    cases = QACases(document, delay_ms=0)
    cases.want()
    made(qtbot, cases)
    first = cases.suite
    assert first is not None

    assert cases.load("aud-other-project")  # a token naming another project: no new suite
    assert document.draft.mode is Mode.CHECKING
    qtbot.waitUntil(lambda: not document.busy, timeout=20_000)
    assert cases.suite is first

    document.set_secret(SECRET)
    qtbot.waitUntil(lambda: cases.suite is not first and not cases.generating, timeout=20_000)
    valid = cases.case("valid")
    assert valid is not None
    signed = judge(valid.token, secret_key(SECRET), project_id=DEMO_PROJECT_ID, at=NOW)
    assert signed.signature.status is SignatureStatus.VERIFIED

    second = cases.suite
    document.set_project_text(PROJECT)
    qtbot.waitUntil(lambda: cases.suite is not second and not cases.generating, timeout=20_000)
    assert cases.suite is not None
    assert cases.suite.project_id == PROJECT


def test_without_a_secret_there_is_no_suite_and_the_panel_says_why(qtbot: QtBot) -> None:
    document, pane = shown_pane(qtbot)
    assert pane.case_list.topLevelItemCount() > 40
    document.forget_secrets()
    pane.cases.on_inputs_settled()  # the pause after a change, without waiting for it
    assert pane.cases.suite is None
    assert pane.case_list.topLevelItemCount() == 0
    assert "secret" in pane.state_label.text()
    assert not pane.export_button.isEnabled()
    assert pane.warning_label.isHidden()


# --- the panel --------------------------------------------------------------------------------


def test_each_case_is_listed_with_its_expected_answers(qtbot: QtBot) -> None:
    _document, pane = shown_pane(qtbot)
    suite = pane.cases.suite
    assert suite is not None
    listed = pane.case_list
    assert listed.topLevelItemCount() == len(suite.cases) >= 40
    for row, case in enumerate(suite.cases):
        item = listed.topLevelItem(row)
        assert item is not None
        assert item.text(0) == case.name
        assert item.text(1) == case.expected.statuses()
        assert not item.icon(0).isNull()
        spoken = str(item.data(0, Qt.ItemDataRole.AccessibleTextRole))
        assert case.description in spoken
    empty = listed.item_for("id-empty")
    assert empty is not None
    assert "no answer" in str(empty.data(0, Qt.ItemDataRole.AccessibleTextRole))


def test_every_label_of_the_panel_shows_plain_text(qtbot: QtBot) -> None:
    _document, pane = shown_pane(qtbot)
    click_case(qtbot, pane.case_list, "names-right-to-left")
    labels = pane.findChildren(QLabel)
    assert len(labels) >= 3
    assert all(label.textFormat() is Qt.TextFormat.PlainText for label in labels)


def test_the_credentials_warning_is_said_once(qtbot: QtBot) -> None:
    _document, pane = shown_pane(qtbot)
    suite = pane.cases.suite
    assert suite is not None
    warning = pane.warning_label
    assert not warning.isHidden()
    assert "Real credentials" in warning.text()
    assert suite.project_id in warning.text()
    saying = [
        label for label in pane.findChildren(QLabel) if "credentials" in label.text().casefold()
    ]
    assert saying == [warning]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("secret-", ["secret-wrong", "secret-trailing-newline", "secret-base64-decoded"]),
        ("NO ANSWER", ["id-empty", "role-staff-without-email"]),
        ("431", ["attributes-huge-over-limit"]),
        ("bearer", ["scheme-bearer"]),
    ],
)
def test_the_filter_shows_the_cases_that_match(qtbot: QtBot, text: str, names: list[str]) -> None:
    _document, pane = shown_pane(qtbot)
    QTest.keyClicks(pane.filter_edit, text)
    assert pane.case_list.shown_names() == names
    pane.filter_edit.clear()
    assert pane.cases.suite is not None
    assert len(pane.case_list.shown_names()) == len(pane.cases.suite.cases)


def click_case(qtbot: QtBot, listed: CaseList, name: str) -> None:
    item = listed.item_for(name)
    assert item is not None
    listed.scrollToItem(item)
    rect = listed.visualItemRect(item)
    QTest.mouseClick(listed.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_click_checks_the_case_as_pasted_with_the_secret_kept(qtbot: QtBot) -> None:
    document, pane = shown_pane(qtbot)
    expired = pane.cases.case("exp-expired-1d")
    assert expired is not None
    click_case(qtbot, pane.case_list, "exp-expired-1d")
    assert document.draft.mode is Mode.CHECKING
    assert document.draft.token == expired.token
    assert document.keyring.secret_text == SECRET
    verdict = document.verdict
    assert verdict is not None
    assert not verdict.accepted
    assert verdict.signature.status is SignatureStatus.VERIFIED
    assert "exp" in {issue.claim for issue in verdict.errors}
    detail = pane.detail_label.text()
    assert "exp one day before now" in detail
    assert "/auth/signinWithCustomToken → 401" in detail


def test_enter_loads_the_current_case(qtbot: QtBot) -> None:
    document, pane = shown_pane(qtbot)
    listed = pane.case_list
    listed.setFocus()
    item = listed.item_for("valid")
    assert item is not None
    listed.setCurrentItem(item)
    assert mode_of(document) is Mode.COMPOSING  # choosing is not loading
    QTest.keyClick(listed, Qt.Key.Key_Return)
    valid = pane.cases.case("valid")
    assert valid is not None
    assert document.draft.token == valid.token
    assert mode_of(document) is Mode.CHECKING
    assert document.verdict is not None
    assert document.verdict.accepted


# --- the whole window -------------------------------------------------------------------------


def test_in_the_window_every_case_gets_the_verdict_its_expectation_says(
    qtbot: QtBot, shown: InspectorWindow
) -> None:
    """The window's verdict on each loaded case agrees with the suite's expectation, but for
    the cases that differ only in how the header is sent (the window judges the token)."""
    shown.document.set_project_text(PROJECT)
    shown.qa.show_action.trigger()
    pane = shown.qa.pane
    assert shown.tabs.currentWidget() is shown.qa.page
    assert pane.parent() is shown.qa.page
    made(qtbot, pane.cases)
    suite = pane.cases.suite
    assert suite is not None
    header_only = {"attributes-huge-over-limit", "scheme-bearer", "scheme-two-spaces"}
    for case in suite.cases:
        click_case(qtbot, pane.case_list, case.name)
        settle(qtbot, shown)
        assert shown.token_text() == case.token
        assert child(shown, QLabel, "modeLabel").text() == CHECKING_WORDS
        verdict = shown.verdict
        assert verdict is not None
        if case.name in header_only:
            assert case.sent_as != "JWT <token>" or len(case.authorization) > 16 * 1024
            continue
        assert verdict.accepted == case.expected.accepted, case.name
        if case.expected.summary is ExpectedSummary.ACCEPTED:
            assert child(shown, QLabel, "signatureBadge").text() == "Signature Verified"
    assert "Loaded the QA case" in shown.statusBar().currentMessage()


# --- exporting --------------------------------------------------------------------------------


def permissions(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("export_format", list(ExportFormat))
def test_export_writes_each_format_for_its_owner_only_without_the_secret(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    export_format: ExportFormat,
) -> None:
    document, pane = shown_pane(qtbot)
    target = tmp_path / f"suite{export_format.suffix}"
    asked: list[str] = []

    def answer(cls: object, parent: object, suggested: str) -> tuple[Path, ExportFormat]:
        asked.append(suggested)
        return target, export_format

    monkeypatch.setattr(ExportSuiteDialog, "ask", classmethod(answer))
    with qtbot.waitSignal(pane.cases.exported, timeout=20_000) as signal:
        pane.export_button.click()
    result = signal.args[0] if signal.args else None
    assert isinstance(result, ExportResult)
    assert result.written
    assert asked == [f"tiledesk-qa-{PROJECT}"]
    text = target.read_text(encoding="utf-8")
    suite = pane.cases.suite
    assert suite is not None
    assert text == export_suite(suite, export_format)
    assert SECRET not in text
    assert suite.cases[0].token in text
    if sys.platform != "win32":
        assert permissions(target) == 0o600
    if export_format is ExportFormat.JSON:
        assert [c["name"] for c in json.loads(text)["cases"]] == [c.name for c in suite.cases]
    assert target.name in pane.state_label.text()
    assert SECRET not in pane.state_label.text()
    assert document.keyring.secret_text == SECRET


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_export_narrows_a_file_that_was_readable_by_others(tmp_path: Path) -> None:
    target = tmp_path / "old.json"
    target.write_text("an older, longer export")
    os.chmod(target, 0o644)
    assert write_private_text(target, "new") is None
    assert permissions(target) == 0o600
    assert target.read_text() == "new"


def test_an_export_that_cannot_be_written_says_why(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _document, pane = shown_pane(qtbot)
    target = tmp_path / "missing-folder" / "suite.json"
    monkeypatch.setattr(
        ExportSuiteDialog, "ask", classmethod(lambda cls, parent, s: (target, ExportFormat.JSON))
    )
    with qtbot.waitSignal(pane.cases.exported, timeout=20_000):
        pane.export_button.click()
    assert not target.exists()
    assert "Nothing exported: cannot write suite.json" in pane.state_label.text()


def test_a_cancelled_export_writes_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _document, pane = shown_pane(qtbot)
    monkeypatch.setattr(ExportSuiteDialog, "ask", classmethod(lambda cls, parent, s: None))
    before = pane.state_label.text()
    pane.export_button.click()
    assert not pane.cases.document.worker.busy
    assert pane.state_label.text() == before


def test_the_file_type_chosen_gives_the_format_and_the_suffix(qtbot: QtBot, tmp_path: Path) -> None:
    assert with_suffix(Path("/x/suite"), ExportFormat.POSTMAN).name == (
        "suite.postman_collection.json"
    )
    assert with_suffix(Path("/x/suite.txt"), ExportFormat.CURL).name == "suite.txt"
    dialog = ExportSuiteDialog(None, str(tmp_path / "tiledesk-qa"))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    assert dialog.defaultSuffix() == "json"
    for export_format, name_filter in FILTERS.items():
        dialog.selectNameFilter(name_filter)
        dialog.filterSelected.emit(name_filter)
        assert format_for(dialog.selectedNameFilter()) is export_format
        assert f".{dialog.defaultSuffix()}" == export_format.suffix
    dialog.selectFile(str(tmp_path / "suite"))
    chosen = dialog.chosen()
    assert chosen is not None
    assert chosen == (tmp_path / "suite.sh", ExportFormat.CURL)


def test_the_secret_reaches_no_setting_clipboard_or_label(
    qtbot: QtBot,
    settings_path: Path,
    clock: FakeClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = InspectorWindow(QSettings(str(settings_path), QSettings.Format.IniFormat), clock=clock)
    qtbot.addWidget(window)
    QGuiApplication.clipboard().clear()
    child(window, QLineEdit, "projectIdEdit").setText(PROJECT)
    secret = child(window, QLineEdit, "secretEdit")
    secret.clear()
    secret.setText(SECRET)
    window.qa.show_action.trigger()
    window.show()
    qtbot.waitExposed(window)
    pane = window.qa.pane
    made(qtbot, pane.cases)
    click_case(qtbot, pane.case_list, "secret-wrong")
    monkeypatch.setattr(
        ExportSuiteDialog,
        "ask",
        classmethod(lambda cls, parent, s: (tmp_path / "s.sh", ExportFormat.CURL)),
    )
    with qtbot.waitSignal(pane.cases.exported, timeout=20_000):
        pane.export_button.click()
    texts = [label.text() for label in window.findChildren(QLabel)]
    texts += [edit.toPlainText() for edit in window.findChildren(QPlainTextEdit)]
    texts.append(window.statusBar().currentMessage())
    assert not [t for t in texts if SECRET in t]
    assert SECRET not in (QGuiApplication.clipboard().text() or "")
    window.close()
    assert settings_path.exists()
    assert SECRET not in settings_path.read_text(encoding="utf-8", errors="replace")
