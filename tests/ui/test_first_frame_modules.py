"""The first frame loads and builds only what it shows (issue 15, item 4).

The real app is started in a fresh process to its first painted frame with the sample's
verdict (``TILEDESK_JWT_GUI_FIRST_FRAME=1``, as ``make bench`` times it); the modules it loaded
are listed. Dialogs, feature modules and the core modules behind the Code, Book, Compare and QA
parts must not be among them. The tests after it show that each part made on first use works
when it is first asked for.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tiledesk_jwt_gui.core import DEMO_SECRET, JSONValue, secret_key, sign_token
from tiledesk_jwt_gui.ui import InspectorWindow
from tiledesk_jwt_gui.ui.document.book import ProjectBook
from tiledesk_jwt_gui.ui.document.code import CodeSamples

from .conftest import child

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
from tiledesk_jwt_gui.app import main
code = main([])
print(json.dumps({"exit": code, "modules": sorted(m for m in sys.modules
                                                  if m.startswith("tiledesk_jwt_gui"))}))
"""

NOT_AT_FIRST_FRAME = {
    # Dialogs and boxes, opened from a menu or a button.
    "ui.window.about_box",
    "ui.window.help_box",
    "ui.window.error_dialog",
    "ui.window.compare_dialog",
    "ui.window.token_picker_dialog",
    "ui.widgets.save_report_dialog",
    "ui.widgets.other_secret_dialog",
    "ui.widgets.open_key_dialog",
    "ui.widgets.project_dialog",
    "ui.widgets.export_suite_dialog",
    # Feature panes and hidden parts, built when first shown or asked for.
    "ui.panes.compare_pane",
    "ui.panes.key_pair_page",
    "ui.panes.book_notice_bar",
    "ui.panes.book_pane",
    "ui.panes.code_pane",
    "ui.panes.qa_cases_pane",
    "ui.panes.json_page",
    "ui.panes.signin_page",
    # The document's companions the first frame does not use.
    "ui.document.book",
    "ui.document.code",
    "ui.document.presets",
    "ui.document.comparison",
    "ui.document.qa_cases",
    # The core behind them.
    "core.book",
    "core.diagnose",
    "core.diff",
    "core.integration",
    "core.presets",
    "core.share",
    "core.widget_page",
    "core.samples",
    "core.literals",
    "core.cases",
    "core.exports",
}
SHOWN = {"ui.window.main_window", "ui.panes.claims_form", "ui.panes.key_panel", "core.judge"}
"""Loaded at the first frame (so that an empty list cannot pass)."""


def first_frame_modules(tmp_path: Path) -> set[str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "TILEDESK_JWT_GUI_FIRST_FRAME": "1",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "HOME": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["exit"] == 0, "no first frame with the sample's verdict"
    prefix = "tiledesk_jwt_gui."
    return {name.removeprefix(prefix) for name in report["modules"]}


def test_the_first_frame_loads_only_what_it_shows(tmp_path: Path) -> None:
    loaded = first_frame_modules(tmp_path)
    assert loaded >= SHOWN
    assert sorted(loaded & NOT_AT_FIRST_FRAME) == []


# --- each part made on first use works when first asked for ---------------------------------


def test_the_key_pair_page_is_built_when_an_asymmetric_algorithm_is_chosen(
    qtbot: QtBot, shown: InspectorWindow
) -> None:
    assert shown.findChild(QWidget, "keyPairPage") is None
    combo = child(shown, QComboBox, "algCombo")
    combo.setCurrentIndex(combo.findData("RS256"))
    page = child(shown, QWidget, "keyPairPage")
    assert page.isVisible()
    assert not child(shown, QWidget, "secretPage").isVisible()
    demo = child(shown, QPushButton, "demoKeyButton")
    assert demo.isEnabled()
    demo.click()
    qtbot.waitUntil(lambda: not shown.document.busy)
    assert "PRIVATE KEY" in child(shown, QPlainTextEdit, "privateKeyEdit").toPlainText()
    assert shown.badge.text() == "Signature Verified"
    combo.setCurrentIndex(combo.findData("HS256"))
    assert not page.isVisible()
    assert child(shown, QWidget, "secretPage").isVisible()


def test_the_presets_menu_is_filled_when_first_opened(qtbot: QtBot, shown: InspectorWindow) -> None:
    menu = child(shown, QMenu, "composePresetsMenu")
    assert menu.actions() == []
    menu.popup(shown.mapToGlobal(shown.rect().center()))
    qtbot.waitUntil(menu.isVisible)
    names = [a.objectName() for a in menu.actions() if not a.isSeparator()]
    assert names[0] == "presetOtherSecretAction"
    assert len(names) == 4
    assert child(shown, QAction, "presetExpiredAction").isEnabled()
    wrong_project = child(shown, QAction, "presetWrongProjectAction")
    assert not wrong_project.isEnabled()  # refreshed as it was filled: no project id yet
    assert "project id" in wrong_project.toolTip()
    menu.hide()
    child(shown, QAction, "presetExpiredAction").trigger()
    assert shown.verdict is not None
    assert {issue.claim for issue in shown.verdict.errors} == {"exp"}


def test_the_book_opens_when_a_token_is_first_checked(window: InspectorWindow) -> None:
    assert window.document.findChild(ProjectBook) is None
    assert window.findChild(QWidget, "bookNoticeBar") is None
    claims: dict[str, JSONValue] = {"sub": "userexternal", "_id": "someone"}
    window.document.paste_token(sign_token(None, claims, secret_key(DEMO_SECRET), "HS256"))
    book = window.document.findChild(ProjectBook)
    assert book is not None
    assert ProjectBook.of(window.document) is book
    bar = child(window, QWidget, "bookNoticeBar")
    assert bar.isHidden()  # nothing to say: no project in the book


def test_the_code_samples_take_the_copy_bar_server_when_made(window: InspectorWindow) -> None:
    assert window.document.findChild(CodeSamples) is None
    window.copy_bar.server_edit.setText("https://self.example/api")
    child(window, QAction, "codeTabAction").trigger()
    code = CodeSamples.of(window.document)
    assert code.server == "https://self.example/api"
    window.copy_bar.server_edit.setText("https://other.example/api")
    assert code.server == "https://other.example/api"


@pytest.mark.parametrize("action", ["aboutAction", "shortcutsAction", "secretHelpAction"])
def test_the_help_boxes_open_when_asked(qtbot: QtBot, shown: InspectorWindow, action: str) -> None:
    seen: list[str] = []

    def close_it() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    QTimer.singleShot(0, close_it)
    child(shown, QAction, action).trigger()
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0].strip()
