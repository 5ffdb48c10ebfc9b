"""The shareable report from the window: "Copy report" puts the Markdown report (core/share.py)
on the clipboard, "Save report…" writes it (Markdown or JSON) readable by its owner only; no form
of the secret (raw, trimmed, base64 in both alphabets with and without padding, hex in both
cases, UTF-16 in both byte orders) reaches either, even when the claims quote the secret and the
signature fails (the diagnosis is in the report), and the token's signature is left out."""

from __future__ import annotations

import base64
import json
import os
import stat
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QPushButton, QToolButton
from pytestqt.qtbot import QtBot

from tiledesk_jwt_gui.ui import InspectorWindow
from tiledesk_jwt_gui.ui.widgets.save_report_dialog import SaveReportDialog

from .conftest import answered, child

SECRET = "Qk9-secret_7f3a9c1e5b2d4f6a8c0e"


def secret_forms(secret: str) -> list[bytes]:
    """Every byte string that would betray ``secret`` in a report's text or file."""
    data = secret.encode("utf-8")
    texts = {
        secret,
        secret.strip(),
        base64.b64encode(data).decode(),
        base64.b64encode(data).decode().rstrip("="),
        base64.urlsafe_b64encode(data).decode(),
        base64.urlsafe_b64encode(data).decode().rstrip("="),
        data.hex(),
        data.hex().upper(),
    }
    forms = [t.encode("utf-8") for t in texts]
    forms += [secret.encode("utf-16-le"), secret.encode("utf-16-be")]
    return forms


def assert_no_secret(data: bytes) -> None:
    for form in secret_forms(SECRET):
        assert form not in data, form
        assert form not in data.decode("utf-8", "replace").encode("utf-16-le")


def secret_in_the_claims_and_a_failing_signature(window: InspectorWindow) -> str:
    """Compose with the secret, quote it (and its base64) in claims, then check the token with
    the secret plus a newline: the report holds the claims and the diagnosis."""
    edit = child(window, QLineEdit, "secretEdit")
    child(window, QToolButton, "secretClearButton").click()
    QTest.keyClicks(edit, SECRET)
    encoded = base64.b64encode(SECRET.encode()).decode()
    child(window, QLineEdit, "claim_firstname").setText(SECRET)
    child(window, QLineEdit, "claim_lastname").setText(encoded)
    token = window.token_text()
    QGuiApplication.clipboard().setText(token)
    child(window, QAction, "pasteTokenAction").trigger()  # now checked as pasted
    QGuiApplication.clipboard().setText(SECRET + "\n")
    child(window, QToolButton, "secretClearButton").click()
    edit.paste()
    QGuiApplication.clipboard().clear()
    answered(window)
    assert child(window, QPushButton, "whyFixButton").isVisible()
    return token


def test_the_copied_report_is_markdown_without_the_secret(shown: InspectorWindow) -> None:
    token = secret_in_the_claims_and_a_failing_signature(shown)
    child(shown, QPushButton, "copyReportButton").click()
    report = QGuiApplication.clipboard().text()
    assert report.startswith("# Tiledesk JWT report")
    assert "## Why the signature fails" in report
    assert "secret_surrounding_whitespace" in report
    assert "[secret removed]" in report  # the claims quoted it: scrubbed
    assert "fingerprint `sha256:" in report
    assert token.rsplit(".", 1)[1] not in report  # the signature is left out
    assert_no_secret(report.encode("utf-8"))
    assert "Copied the report as Markdown" in shown.statusBar().currentMessage()
    child(shown, QAction, "copyReportAction").trigger()
    assert QGuiApplication.clipboard().text() == report


@pytest.mark.parametrize("as_json", [False, True])
def test_the_saved_report_is_owner_only_and_without_the_secret(
    qtbot: QtBot,
    shown: InspectorWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    as_json: bool,
) -> None:
    secret_in_the_claims_and_a_failing_signature(shown)
    path = tmp_path / ("report.json" if as_json else "report.md")
    asked: list[object] = []

    def answer(cls: type[SaveReportDialog], parent: object) -> tuple[Path, bool]:
        asked.append(parent)
        return path, as_json

    monkeypatch.setattr(SaveReportDialog, "ask", classmethod(answer))
    child(shown, QPushButton, "saveReportButton").click()
    assert asked
    data = path.read_bytes()
    assert_no_secret(data)
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    if as_json:
        report = json.loads(data)
        assert report["diagnosis"]["verified_with"] == "secret_surrounding_whitespace"
        assert report["claims"]["firstname"] == "[secret removed]"
    else:
        assert data.startswith(b"# Tiledesk JWT report")
    assert shown.statusBar().currentMessage() == f"Saved the report to {path.name}"
    assert SECRET not in QGuiApplication.clipboard().text()


def test_a_report_that_cannot_be_written_says_why(
    shown: InspectorWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "missing-folder" / "report.md"
    monkeypatch.setattr(SaveReportDialog, "ask", classmethod(lambda cls, parent: (target, False)))
    child(shown, QAction, "saveReportAction").trigger()
    assert not target.exists()
    message = shown.statusBar().currentMessage()
    assert message.startswith("Report not saved: cannot write report.md")


def test_cancelling_the_dialog_writes_nothing(
    shown: InspectorWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(SaveReportDialog, "ask", classmethod(lambda cls, parent: None))
    child(shown, QPushButton, "saveReportButton").click()
    assert list(tmp_path.iterdir()) == []
