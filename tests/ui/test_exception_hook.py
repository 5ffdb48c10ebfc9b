"""The app's exception hook: an exception that escapes a slot is shown in a dialog and logged,
and neither holds the secret in any form (text, lines of a PEM, base64, hex, escapes)."""

from __future__ import annotations

import base64
import logging
import sys

import pytest
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.core.keys_for_tests import private_pem, rsa_private
from tiledesk_jwt_gui.ui import InspectorWindow
from tiledesk_jwt_gui.ui.window.error_dialog import ErrorDialog
from tiledesk_jwt_gui.ui.window.exception_hook import (
    REMOVED,
    ExceptionHook,
    describe_exception,
    scrub,
)

from .conftest import child, settle

SECRET = "9f1c2e3d-4b5a-6789-8c7d-0e1f2a3b4c5d"


def leaked_forms(secret: str) -> list[str]:
    """Ways a careless message could carry ``secret``, written out independently of the hook."""
    data = secret.encode()
    return [
        secret,
        base64.b64encode(data).decode(),
        base64.urlsafe_b64encode(data).decode().rstrip("="),
        data.hex(),
        data.hex().upper(),
        repr(data),
    ]


Dialogs = list[tuple[str, str]]


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    shown: Dialogs = []

    def record(cls: type[ErrorDialog], parent: QWidget | None, summary: str, details: str) -> None:
        shown.append((summary, details))

    monkeypatch.setattr(ErrorDialog, "show_error", classmethod(record))
    return shown


def test_a_slot_exception_is_shown_and_logged_without_the_secret(
    window: InspectorWindow, dialogs: Dialogs, caplog: pytest.LogCaptureFixture
) -> None:
    child(window, QLineEdit, "secretEdit").setText(SECRET)
    message = " / ".join(leaked_forms(SECRET))

    def broken(kind: str) -> str:
        raise ValueError(f"cannot copy {kind}: {message}")

    window.copy_bar.text_for = broken  # type: ignore[method-assign]
    before = sys.excepthook
    with caplog.at_level(logging.DEBUG), ExceptionHook(window, window.secret_texts):
        child(window, QPushButton, "copyTokenButton").click()
    assert sys.excepthook is before  # the hook is gone again
    assert len(dialogs) == 1
    summary, details = dialogs[0]
    assert summary.startswith("Unexpected ValueError in broken")
    assert "cannot copy token" in details
    assert REMOVED in details
    for text in (summary, details, caplog.text):
        for form in leaked_forms(SECRET):
            assert form not in text
    assert "ValueError" in caplog.text
    assert child(window, QLineEdit, "secretEdit").text() == SECRET  # nothing lost


def test_a_private_key_is_scrubbed_line_by_line() -> None:
    pem = private_pem(rsa_private())
    lines = [line for line in pem.splitlines() if len(line) > 40]
    text = f"bad key line {lines[3]!r} near {lines[4]}"
    cleaned = scrub(text, [pem])
    assert lines[3] not in cleaned
    assert lines[4] not in cleaned
    assert cleaned.startswith("bad key line")


def test_with_a_short_secret_only_type_and_place_are_told() -> None:
    try:
        raise KeyError("abc is the secret")
    except KeyError as exc:
        summary, details = describe_exception(KeyError, exc, exc.__traceback__, ["abc"])
    assert "abc" not in summary + details
    assert "KeyError" in details
    assert "test_with_a_short_secret_only_type_and_place_are_told" in details


def test_the_private_key_in_the_window_is_kept_out_too(
    qtbot: QtBot, window: InspectorWindow, dialogs: Dialogs
) -> None:
    pem = private_pem(rsa_private())
    combo = window.header_fields.alg_combo
    combo.setCurrentIndex(combo.findData("RS256"))
    child(window, QPlainTextEdit, "privateKeyEdit").setPlainText(pem)
    settle(qtbot, window)
    body = pem.splitlines()[5]

    def broken(kind: str) -> str:
        raise RuntimeError(f"key material {body}")

    window.copy_bar.text_for = broken  # type: ignore[method-assign]
    with ExceptionHook(window, window.secret_texts):
        child(window, QPushButton, "copyCurlButton").click()
    assert len(dialogs) == 1
    assert body not in dialogs[0][1]


def test_the_dialog_failing_does_not_loop(
    window: InspectorWindow, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    calls: list[str] = []

    def failing(cls: type[ErrorDialog], parent: QWidget | None, summary: str, details: str) -> None:
        calls.append(summary)
        raise RuntimeError("no display for the dialog")

    monkeypatch.setattr(ErrorDialog, "show_error", classmethod(failing))

    def broken(kind: str) -> str:
        raise ValueError("first")

    window.copy_bar.text_for = broken  # type: ignore[method-assign]
    with caplog.at_level(logging.ERROR), ExceptionHook(window, window.secret_texts):
        child(window, QPushButton, "copyTokenButton").click()
    assert len(calls) == 1
    assert "the error dialog could not be shown" in caplog.text
