"""The secret: masked, revealable, never copied, never stored, cleared on close."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QToolButton
from pytestqt.qtbot import QtBot

from tiledesk_jwt_gui.core import DEMO_RSA_PRIVATE_KEY_PEM, DEMO_SECRET
from tiledesk_jwt_gui.ui import InspectorWindow
from tiledesk_jwt_gui.ui.window.main_window import SETTINGS_KEYS

from .conftest import FakeClock, child

TYPED_SECRET = "c3e1a2b4-7d6f-4e8a-b9c0-1d2e3f4a5b6c"


def test_reveal_toggles_the_echo_mode(window: InspectorWindow) -> None:
    secret = child(window, QLineEdit, "secretEdit")
    reveal = child(window, QToolButton, "secretRevealButton")
    assert secret.echoMode() is QLineEdit.EchoMode.Password
    reveal.click()
    assert secret.echoMode() is QLineEdit.EchoMode.Normal
    assert reveal.isChecked()
    reveal.click()
    assert secret.echoMode() is QLineEdit.EchoMode.Password


def test_revealed_secret_still_cannot_be_copied(qtbot: QtBot, shown: InspectorWindow) -> None:
    QGuiApplication.clipboard().setText("before")
    secret = child(shown, QLineEdit, "secretEdit")
    child(shown, QToolButton, "secretRevealButton").click()
    secret.setFocus()
    secret.selectAll()
    QTest.keyClick(secret, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(secret, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "before"
    assert secret.text() == DEMO_SECRET


def test_strength_note_follows_rfc_7518(window: InspectorWindow) -> None:
    secret = child(window, QLineEdit, "secretEdit")
    note = child(window, QLabel, "secretStrengthLabel")
    secret.setText("short")
    assert "5 bytes" in note.text()
    assert "32" in note.text()
    secret.setText(TYPED_SECRET)
    assert "36 bytes" in note.text()
    assert "strong enough for HS256" in note.text()
    assert child(window, QLabel, "secretDemoLabel").isHidden()


def test_base64_secret(window: InspectorWindow) -> None:
    secret = child(window, QLineEdit, "secretEdit")
    secret.setText("not base64 !")
    child(window, QCheckBox, "secretBase64Check").setChecked(True)
    assert "base64" in child(window, QLabel, "secretError").text()
    assert not child(window, QLabel, "secretError").isHidden()
    secret.setText("c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA")
    assert child(window, QLabel, "secretError").isHidden()
    assert child(window, QLabel, "signatureBadge").text() == "Signature Verified"


def test_settings_keep_no_secret_after_close(
    qtbot: QtBot, settings_path: Path, clock: FakeClock
) -> None:
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    window = InspectorWindow(settings, clock=clock)
    qtbot.addWidget(window)
    window.show()
    child(window, QLineEdit, "secretEdit").setText(TYPED_SECRET)
    child(window, QLineEdit, "projectIdEdit").setText("5c81593adf767b0017d1aa68")
    window.close()
    assert child(window, QLineEdit, "secretEdit").text() == ""
    content = settings_path.read_text(encoding="utf-8")
    for secret in (TYPED_SECRET, DEMO_SECRET, "eyJ"):
        assert secret not in content
    stored = QSettings(str(settings_path), QSettings.Format.IniFormat)
    assert set(stored.allKeys()) <= set(SETTINGS_KEYS)
    assert stored.value("project_id") == "5c81593adf767b0017d1aa68"


def test_private_key_is_cleared_on_close(window: InspectorWindow, settings_path: Path) -> None:
    combo = child(window, QComboBox, "algCombo")
    combo.setCurrentIndex(combo.findData("RS256"))
    child(window, QPlainTextEdit, "privateKeyEdit").setPlainText(DEMO_RSA_PRIVATE_KEY_PEM)
    window.close()
    assert child(window, QPlainTextEdit, "privateKeyEdit").toPlainText() == ""
    assert "PRIVATE" not in settings_path.read_text(encoding="utf-8")


def test_settings_are_restored(qtbot: QtBot, settings: QSettings, clock: FakeClock) -> None:
    settings.setValue("project_id", "5c81593adf767b0017d1aa68")
    settings.setValue("profile", "generic")
    settings.setValue("leeway", 30)
    window = InspectorWindow(settings, clock=clock)
    qtbot.addWidget(window)
    assert child(window, QLineEdit, "projectIdEdit").text() == "5c81593adf767b0017d1aa68"
    # "Judge as any JWT" is never carried over silently into a new run.
    assert child(window, QComboBox, "profileCombo").currentData() == "tiledesk"
    assert window.project_group.leeway_spin.value() == 30
    assert child(window, QLineEdit, "claim__id").text().startswith("5c81593adf767b0017d1aa68_")
    assert child(window, QLabel, "signatureBadge").text() == "Signature Verified"


def test_broken_settings_are_ignored(qtbot: QtBot, settings: QSettings, clock: FakeClock) -> None:
    settings.setValue("project_id", "x" * 500)
    settings.setValue("profile", "nonsense")
    settings.setValue("leeway", "many")
    settings.setValue("window/geometry", "garbage")
    window = InspectorWindow(settings, clock=clock)
    qtbot.addWidget(window)
    assert child(window, QComboBox, "profileCombo").currentData() == "tiledesk"
    assert window.project_group.leeway_spin.value() == 0
    assert child(window, QLabel, "signatureBadge").text() == "Signature Verified"
