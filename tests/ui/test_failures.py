"""Failure paths in the window: an unreadable or malformed key, a JWKS without the token's kid,
a clipboard without text, a damaged or unwritable settings file, a failing slot or background
check. Each is a message in the window; nothing entered is lost; nothing crashes."""

from __future__ import annotations

import json
import logging
import os
import random
from pathlib import Path

import pytest
from jwt.algorithms import ECAlgorithm
from PySide6.QtCore import QByteArray, QMimeData, QSettings
from PySide6.QtGui import QAction, QGuiApplication, QImage
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from tests.core.keys_for_tests import (
    ec_private,
    private_pem,
    public_pem,
    rsa_private,
    rsa_public_jwk,
)
from tiledesk_jwt_gui.core import KeyChoice, demo_claims, load_key_text, sign_token
from tiledesk_jwt_gui.ui import InspectorWindow
from tiledesk_jwt_gui.ui.document import document
from tiledesk_jwt_gui.ui.widgets.open_key_dialog import OpenKeyDialog
from tiledesk_jwt_gui.ui.widgets.token_edit import TokenEdit

from .conftest import NOW, FakeClock, child, press_paste, settle

ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0
RS256_TOKEN = sign_token(
    {"alg": "RS256", "typ": "JWT", "kid": "signing-key"},
    demo_claims(int(NOW)),
    load_key_text(private_pem(rsa_private()))[0],
    "RS256",
)
PUBLIC_PEM = public_pem(rsa_private())


def badge(window: InspectorWindow) -> str:
    return child(window, QLabel, "signatureBadge").text()


@pytest.fixture
def rs256(qtbot: QtBot, window: InspectorWindow) -> InspectorWindow:
    """The RS256 token pasted and verified with its public key."""
    child(window, QPlainTextEdit, "tokenEdit").setPlainText(RS256_TOKEN)
    child(window, QPlainTextEdit, "publicKeyEdit").setPlainText(PUBLIC_PEM)
    settle(qtbot, window)
    assert badge(window) == "Signature Verified"
    return window


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(OpenKeyDialog, "ask", classmethod(lambda cls, parent, title: str(path)))


# --- keys ------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["missing", "directory", "device", "too large", "no permission"])
def test_an_unreadable_key_file_is_a_message_and_the_key_is_kept(
    qtbot: QtBot, rs256: InspectorWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, kind: str
) -> None:
    if kind == "missing":
        path, words = tmp_path / "gone.pem", "does not exist"
    elif kind == "directory":
        path, words = tmp_path, "not a regular file"
    elif kind == "device":
        path, words = Path(os.devnull), "not a regular file"
    elif kind == "too large":
        path, words = tmp_path / "huge.pem", "over 1 MiB"
        path.write_bytes(b"-" * (2 * 1024 * 1024))
    else:
        if ROOT_USER:
            pytest.skip("root reads files whatever their permissions")
        path, words = tmp_path / "locked.pem", "Permission denied"
        path.write_text(PUBLIC_PEM)
        path.chmod(0)
    choose_file(monkeypatch, path)
    child(rs256, QPushButton, "publicKeyOpenButton").click()
    settle(qtbot, rs256)
    status = child(rs256, QLabel, "publicKeyStatus").text()
    assert status.startswith("✖")
    assert words in status
    assert "kept" in status
    assert child(rs256, QPlainTextEdit, "publicKeyEdit").toPlainText() == PUBLIC_PEM
    assert badge(rs256) == "Signature Verified"


MALFORMED_PEM = "-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5!!\n-----END PUBLIC KEY-----\n"


def test_a_malformed_pem_is_a_message(
    qtbot: QtBot, rs256: InspectorWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "broken.pem"
    path.write_text(MALFORMED_PEM)
    choose_file(monkeypatch, path)
    child(rs256, QPushButton, "publicKeyOpenButton").click()
    settle(qtbot, rs256)
    assert child(rs256, QPlainTextEdit, "publicKeyEdit").toPlainText() == MALFORMED_PEM
    assert child(rs256, QLabel, "publicKeyStatus").text().startswith("✖")
    assert badge(rs256) != "Signature Verified"
    assert child(rs256, QLabel, "verdictLabel").text().startswith("Tiledesk would")
    child(rs256, QPlainTextEdit, "publicKeyEdit").setPlainText(PUBLIC_PEM)  # and back
    settle(qtbot, rs256)
    assert badge(rs256) == "Signature Verified"


def ec_public_jwk(kid: str) -> dict[str, object]:
    jwk: dict[str, object] = json.loads(ECAlgorithm.to_jwk(ec_private().public_key()))
    jwk["kid"] = kid
    return jwk


def test_a_jwks_without_the_tokens_kid_is_a_message(qtbot: QtBot, rs256: InspectorWindow) -> None:
    """A key set is searched by kid (a set of one key is that key, as the core decides)."""
    public = child(rs256, QPlainTextEdit, "publicKeyEdit")
    others = [rsa_public_jwk(kid="another-key"), ec_public_jwk("third-key")]
    public.setPlainText(json.dumps({"keys": others}))
    settle(qtbot, rs256)
    assert child(rs256, QLabel, "publicKeyStatus").text().startswith("✔")  # the JWKS is fine
    assert badge(rs256) == "Invalid Signature"
    detail = child(rs256, QLabel, "verdictDetailLabel").text()
    assert "The key set has no key with kid 'signing-key'" in detail
    assert "'another-key', 'third-key'" in detail
    public.setPlainText(
        json.dumps({"keys": [ec_public_jwk("third-key"), rsa_public_jwk(kid="signing-key")]})
    )
    settle(qtbot, rs256)
    assert badge(rs256) == "Signature Verified"


# --- the clipboard -----------------------------------------------------------------------------


def non_text(kind: str) -> QMimeData:
    mime = QMimeData()
    if kind == "image":
        image = QImage(8, 8, QImage.Format.Format_RGB32)
        image.fill(0x336699)
        mime.setImageData(image)
    elif kind == "bytes":
        mime.setData("application/octet-stream", QByteArray(b"\x00\xff\xfe binary"))
    return mime


@pytest.mark.parametrize("kind", ["image", "bytes", "empty"])
@pytest.mark.parametrize("how", ["paste key", "paste action"])
def test_pasting_what_is_not_text_is_a_message(
    window: InspectorWindow, kind: str, how: str
) -> None:
    before = window.token_text()
    verdict = window.verdict
    QGuiApplication.clipboard().setMimeData(non_text(kind))
    if how == "paste key":
        press_paste(child(window, TokenEdit, "tokenEdit"))
    else:
        child(window, QAction, "pasteTokenAction").trigger()
    message = window.statusBar().currentMessage()
    assert message.startswith("Nothing pasted: the clipboard holds no text")
    assert window.token_text() == before
    assert window.verdict is verdict


# --- settings ------------------------------------------------------------------------------


def open_window(qtbot: QtBot, settings: QSettings) -> InspectorWindow:
    window = InspectorWindow(settings, clock=FakeClock(NOW))
    qtbot.addWidget(window)
    return window


def problem(window: InspectorWindow) -> str:
    """The settings problem the status bar shows, with its tooltip ("" when none)."""
    label = child(window, QLabel, "settingsProblemLabel")
    return "" if label.isHidden() else f"{label.text()} {label.toolTip()}"


@pytest.mark.parametrize(
    "garbage",
    [
        b"[[[[\n===\nproject_id\n\\\\\\\n",
        random.Random(4).randbytes(4096),
        b"[General]\nwindow\\geometry=@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\x1)\nleeway=@ByteArray(x)\n",
    ],
    ids=["broken syntax", "random bytes", "bad variants"],
)
def test_a_damaged_settings_file_gives_defaults_and_is_rewritten(
    qtbot: QtBot, tmp_path: Path, garbage: bytes
) -> None:
    path = tmp_path / "settings.ini"
    path.write_bytes(garbage)
    window = open_window(qtbot, QSettings(str(path), QSettings.Format.IniFormat))
    assert badge(window) == "Signature Verified"  # the window works
    assert child(window, QLineEdit, "projectIdEdit").text() == ""  # the default: empty
    if garbage.startswith(b"[[[["):
        assert "Settings file damaged: defaults used" in problem(window)
        assert str(path) in problem(window)
    child(window, QLineEdit, "projectIdEdit").setText("5c81593adf767b0017d1aa68")
    window.close()
    stored = QSettings(str(path), QSettings.Format.IniFormat)
    assert stored.status() is QSettings.Status.NoError
    assert stored.value("project_id") == "5c81593adf767b0017d1aa68"


def test_unwritable_settings_are_a_message_at_start_and_at_close(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "a-file-not-a-folder"
    blocker.write_text("x")
    window = open_window(
        qtbot, QSettings(str(blocker / "settings.ini"), QSettings.Format.IniFormat)
    )
    assert "Settings cannot be saved" in problem(window)
    assert "cannot be written" in problem(window)
    assert badge(window) == "Signature Verified"
    child(window, QLineEdit, "secretEdit").setText("typed-secret-0123456789-abcdefghijkl")
    with caplog.at_level(logging.WARNING):
        assert window.save_settings() is False  # mid-session: said, and nothing else changes
        assert "Settings not saved" in problem(window)
        assert badge(window) == "Signature Verified"
        window.close()
    assert child(window, QLineEdit, "secretEdit").text() == ""  # cleared all the same
    assert "not saved" in caplog.text
    assert "typed-secret" not in caplog.text


@pytest.mark.skipif(ROOT_USER, reason="root writes into read-only folders")
def test_a_read_only_settings_folder_is_a_message(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "config"
    folder.mkdir()
    (folder / "settings.ini").write_text("[General]\nproject_id=5c81593adf767b0017d1aa68\n")
    (folder / "settings.ini").chmod(0o444)
    folder.chmod(0o555)
    try:
        settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        window = open_window(qtbot, settings)
        assert child(window, QLineEdit, "projectIdEdit").text() == "5c81593adf767b0017d1aa68"
        assert "cannot be written" in problem(window)
        window.close()
    finally:
        folder.chmod(0o755)


# --- exceptions --------------------------------------------------------------------------------


def test_an_exception_in_a_slot_fails_the_test(
    qtbot: QtBot, window: InspectorWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window catches nothing itself: pytest-qt sees the exception (and would fail any test
    where it happened); the app shows it in a dialog (test_exception_hook)."""

    def broken(kind: str) -> str:
        raise RuntimeError(f"copying {kind} broke on purpose")

    monkeypatch.setattr(window.copy_bar, "text_for", broken)
    with qtbot.captureExceptions() as exceptions:
        child(window, QPushButton, "copyTokenButton").click()
    assert [type(value) for _, value, _ in exceptions] == [RuntimeError]


def test_a_failing_background_check_is_reported_not_stuck(
    qtbot: QtBot, window: InspectorWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(draft: object, keys: KeyChoice, now: float, inspection: object = None) -> object:
        raise MemoryError("no room to judge")

    monkeypatch.setattr(document, "judge_draft", failing)
    verdict_label = child(window, QLabel, "verdictLabel")
    with qtbot.captureExceptions() as exceptions:
        child(window, QPlainTextEdit, "tokenEdit").setPlainText("a" * 100_000)
        qtbot.waitUntil(lambda: bool(exceptions), timeout=10_000)
    assert [type(value) for _, value, _ in exceptions] == [MemoryError]
    assert verdict_label.text() == "This input could not be checked (an internal error)"
    assert not window.document.busy
    monkeypatch.undo()
    child(window, QPlainTextEdit, "tokenEdit").setPlainText("b" * 100_000)
    qtbot.waitUntil(lambda: verdict_label.text().startswith("Tiledesk would"), timeout=10_000)
