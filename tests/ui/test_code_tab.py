"""The Code tab and "Save widget test page…", through real widgets: every language shows the
core's sample for the claims shown, Copy takes that code and never the secret, the notes show
what a language cannot hold, and the page is written for the token, project and server shown.
The Python sample, copied from the tab, is run with PyJWT and its token pasted back in."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
)
from pytestqt.qtbot import QtBot

from tiledesk_jwt_gui.core import (
    SampleLanguage,
    secret_key,
    sign_token,
    snippet,
    tiledesk_claims,
)
from tiledesk_jwt_gui.ui import InspectorWindow
from tiledesk_jwt_gui.ui.document import InspectorDocument
from tiledesk_jwt_gui.ui.document.code import CodeSamples
from tiledesk_jwt_gui.ui.panes.code_pane import CodePane
from tiledesk_jwt_gui.ui.style.tones import tones_for
from tiledesk_jwt_gui.ui.widgets.save_file_dialog import SaveFileDialog

from .conftest import NOW, FakeClock, child

PROJECT = "65a1b2c3d4e5f60718293a4b"
SECRET = "code-tab-secret-4f1d2c3b-9a8e-4d7c-b6a5-0f1e2d3c4b5a"


def token(extra: dict[str, object] | None = None, project: str = PROJECT) -> str:
    claims = tiledesk_claims(
        project, user_id="7", email="ada@example.com", now=NOW - 100, expires_in=3600
    )
    claims.update(extra or {})  # type: ignore[arg-type]
    return sign_token(None, claims, secret_key(SECRET), "HS256")


def open_code_tab(qtbot: QtBot, window: InspectorWindow) -> CodePane:
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    child(window, QAction, "codeTabAction").trigger()
    pane = child(window, CodePane, "codePane")
    assert pane.isVisible()
    return pane


def choose(pane: CodePane, language: SampleLanguage) -> None:
    combo = child(pane, QComboBox, "codeLanguageCombo")
    combo.setCurrentIndex(combo.findData(language.value))


def type_secret(window: InspectorWindow, text: str) -> None:
    child(window, QToolButton, "secretClearButton").click()
    QTest.keyClicks(child(window, QLineEdit, "secretEdit"), text)


def test_every_language_shows_the_cores_sample_and_copies_it_without_the_secret(
    qtbot: QtBot, window: InspectorWindow
) -> None:
    pane = open_code_tab(qtbot, window)
    window.document.paste_token(token())
    type_secret(window, SECRET)
    assert window.verdict is not None
    assert window.verdict.accepted
    view = child(pane, QPlainTextEdit, "codeView")
    claims = window.document.draft.payload
    assert isinstance(claims, dict)
    for language in SampleLanguage:
        choose(pane, language)
        if language is SampleLanguage.WIDGET:
            expected = snippet(language, project_id=PROJECT, token=token())
        elif language is SampleLanguage.CURL:
            expected = snippet(language, token=token(), server="https://api.tiledesk.com/v3")
        else:
            expected = snippet(language, claims)
        assert view.toPlainText() == expected.code, language
        assert view.isReadOnly()
        child(pane, QPushButton, "copyCodeButton").click()
        copied = QGuiApplication.clipboard().text()
        assert copied == expected.code
        assert SECRET not in copied
    # The server-side samples carry the claims, never the secret; the page carries the token.
    choose(pane, SampleLanguage.NODE)
    assert f'"https://tiledesk.com/projects/{PROJECT}"' in view.toPlainText()
    assert "process.env.TILEDESK_SECRET" in view.toPlainText()


def test_the_code_follows_an_edited_claim_and_shows_the_notes(
    qtbot: QtBot, window: InspectorWindow
) -> None:
    pane = open_code_tab(qtbot, window)
    choose(pane, SampleLanguage.GO)
    notes = child(pane, QLabel, "codeNotesLabel")
    assert not notes.isVisible()
    window.document.edit_payload_json(
        '{"sub": "userexternal", "big": 123456789012345678901, "html": "<b>bold</b>"}'
    )
    view = child(pane, QPlainTextEdit, "codeView")
    assert '"<b>bold</b>"' in view.toPlainText()
    assert notes.isVisible()
    assert notes.textFormat() is Qt.TextFormat.PlainText
    assert "Note: big: the integer 123456789012345678901" in notes.text()
    window.document.edit_payload_json('{"sub": "userexternal"}')
    assert not notes.isVisible()
    window.document.edit_payload_json("[1, 2]")
    assert view.toPlainText() == ""
    assert "not a JSON object" in view.placeholderText()
    assert not child(pane, QPushButton, "copyCodeButton").isEnabled()


def test_the_python_sample_copied_from_the_tab_runs_and_its_token_verifies(
    qtbot: QtBot, window: InspectorWindow, tmp_path: Path
) -> None:
    pane = open_code_tab(qtbot, window)
    window.document.paste_token(token({"attributes": {"plan": "pro", "seats": 3}}))
    choose(pane, SampleLanguage.PYTHON)
    child(pane, QPushButton, "copyCodeButton").click()
    program = tmp_path / "tiledesk_token.py"
    program.write_text(QGuiApplication.clipboard().text(), "utf-8")
    run = subprocess.run(
        [sys.executable, str(program)],
        env={**os.environ, "TILEDESK_SECRET": SECRET},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    document = InspectorDocument()  # the real clock: the sample signs with the time it runs
    document.set_secret(SECRET)
    document.paste_token(run.stdout.strip())
    assert document.verdict is not None
    assert document.verdict.signature.verified
    assert document.verdict.accepted
    payload = document.draft.payload
    assert isinstance(payload, dict)
    assert payload["attributes"] == {"plan": "pro", "seats": 3}
    assert payload["aud"] == f"https://tiledesk.com/projects/{PROJECT}"
    assert payload["exp"] - payload["iat"] == 3600  # type: ignore[operator]


def test_save_widget_test_page_writes_the_page_for_the_token_project_and_server(
    qtbot: QtBot, window: InspectorWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_code_tab(qtbot, window)
    pasted = token()
    window.document.paste_token(pasted)
    type_secret(window, SECRET)
    child(window, QLineEdit, "serverBaseEdit").setText("http://127.0.0.1:3000/api")
    target = tmp_path / "page.html"
    asked: list[str] = []

    def answer(_parent: object, _title: str, suggested: str, _filters: str) -> str:
        asked.append(suggested)
        return str(target)

    monkeypatch.setattr(SaveFileDialog, "ask", classmethod(lambda cls, *a: answer(*a)))
    child(window, QAction, "saveWidgetPageAction").trigger()
    assert asked == ["tiledesk-widget-test.html"]
    page = target.read_text("utf-8")
    assert (
        page
        == snippet(
            SampleLanguage.WIDGET,
            project_id=PROJECT,
            token=pasted,
            server="http://127.0.0.1:3000/api",
        ).code
    )
    assert '"server": "http://127.0.0.1:3000/api/"' in page
    assert SECRET not in page
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    status = child(window, QLabel, "codeStatusLabel")
    assert status.text().startswith(f"Saved the widget test page to {target}")


def test_no_page_without_a_project_and_a_clear_word_on_a_failed_write(
    qtbot: QtBot, window: InspectorWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pane = open_code_tab(qtbot, window)
    asked: list[str] = []

    def ask(_cls: object, /, *_given: object) -> str:
        asked.append("x")
        return str(tmp_path)

    monkeypatch.setattr(SaveFileDialog, "ask", classmethod(ask))
    window.document.paste_token(sign_token(None, {"sub": "x"}, secret_key(SECRET), "HS256"))
    child(pane, QPushButton, "saveWidgetPageButton").click()
    status = child(pane, QLabel, "codeStatusLabel")
    assert "needs the project id" in status.text()
    assert asked == []
    window.document.paste_token(token())
    child(pane, QPushButton, "saveWidgetPageButton").click()  # the "file" is a folder
    assert asked == ["x"]
    assert status.text().startswith("Not saved: cannot write")


def test_the_pane_alone_on_a_document(qtbot: QtBot) -> None:
    document = InspectorDocument(clock=FakeClock(NOW))
    pane = CodePane(document, tones_for(QApplication.palette()))
    qtbot.addWidget(pane)
    document.load_sample()
    pane.show()
    qtbot.waitExposed(pane)
    view = child(pane, QPlainTextEdit, "codeView")
    assert "jwt.sign(claims, secret" in view.toPlainText()
    CodeSamples.of(document).set_language(SampleLanguage.PHP)
    assert child(pane, QComboBox, "codeLanguageCombo").currentData() == "php"
    assert "JWT::encode($claims, $secret, 'HS256')" in view.toPlainText()
