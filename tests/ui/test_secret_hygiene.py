"""The secret in the window: one action clears it (a button and a shortcut) with no undo to bring
it back, closing clears it, and a whole session of typing, composing, copying in every way and
revealing never puts it on the clipboard, in a log line, in a Qt message or in the settings.
(The same session in the real app, with the user's folders scanned: test_offline_and_hygiene.)"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QToolButton
from pytestqt.qtbot import QtBot

from tests.core.keys_for_tests import private_pem, rsa_private
from tiledesk_jwt_gui.ui import InspectorWindow

from .conftest import NOW, FakeClock, QtLog, child

SECRET = "6d1e0c2b-8f4a-4b3c-9e7d-a1b2c3d4e5f6"
COPY_BUTTONS = ("copyTokenButton", "copyAuthHeaderButton", "copyWidgetCallButton", "copyCurlButton")
COPY_ACTIONS = ("copyTokenAction", "copyAuthHeaderAction", "copyWidgetCallAction", "copyCurlAction")


def secret_edit(window: InspectorWindow) -> QLineEdit:
    return child(window, QLineEdit, "secretEdit")


def type_secret(window: InspectorWindow) -> None:
    child(window, QToolButton, "secretClearButton").click()
    QTest.keyClicks(secret_edit(window), SECRET)
    assert secret_edit(window).text() == SECRET


def test_the_clear_button_forgets_the_secret_for_good(window: InspectorWindow) -> None:
    type_secret(window)
    reveal = child(window, QToolButton, "secretRevealButton")
    reveal.click()  # revealed: undo would be allowed if there were history
    child(window, QToolButton, "secretClearButton").click()
    edit = secret_edit(window)
    assert edit.text() == ""
    assert not reveal.isChecked()
    assert edit.echoMode() is QLineEdit.EchoMode.Password
    reveal.click()  # undo in a revealed field would restore what clear() removed
    edit.undo()
    QTest.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert edit.text() == ""
    assert child(window, QLabel, "staleLabel").text()  # composing: nothing to sign with now
    assert not child(window, QPushButton, "copyTokenButton").isEnabled()


def test_the_shortcut_clears_the_secret_and_the_private_key(
    qtbot: QtBot, shown: InspectorWindow
) -> None:
    type_secret(shown)
    combo = child(shown, QComboBox, "algCombo")
    combo.setCurrentIndex(combo.findData("RS256"))
    child(shown, QPlainTextEdit, "privateKeyEdit").setPlainText(private_pem(rsa_private()))
    action = child(shown, QAction, "clearSecretAction")
    assert action.shortcut() == QKeySequence("Ctrl+Shift+K")
    shown.activateWindow()
    qtbot.waitActive(shown)
    QTest.keySequence(shown, action.shortcut())
    assert child(shown, QPlainTextEdit, "privateKeyEdit").toPlainText() == ""
    assert secret_edit(shown).text() == ""
    assert shown.secret_texts() == []
    assert "cleared" in shown.statusBar().currentMessage()
    assert child(shown, QLabel, "privateKeyStatus").text().startswith("Empty")


def test_closing_clears_the_secret_with_no_undo(
    qtbot: QtBot, settings_path: Path, clock: FakeClock
) -> None:
    window = InspectorWindow(QSettings(str(settings_path), QSettings.Format.IniFormat), clock=clock)
    qtbot.addWidget(window)
    type_secret(window)
    child(window, QToolButton, "secretRevealButton").click()
    window.close()
    assert secret_edit(window).echoMode() is QLineEdit.EchoMode.Password
    child(window, QToolButton, "secretRevealButton").click()
    secret_edit(window).undo()
    assert secret_edit(window).text() == ""
    assert window.secret_texts() == []


def test_a_session_never_puts_the_secret_anywhere(
    qtbot: QtBot,
    settings_path: Path,
    qtlog: QtLog,
    caplog: pytest.LogCaptureFixture,
) -> None:
    clipboard = QGuiApplication.clipboard()
    seen: list[str] = []
    clipboard.dataChanged.connect(lambda: seen.append(clipboard.text()))
    with caplog.at_level(logging.DEBUG):
        window = InspectorWindow(
            QSettings(str(settings_path), QSettings.Format.IniFormat), clock=FakeClock(NOW)
        )
        qtbot.addWidget(window)
        window.show()
        type_secret(window)
        QTest.keyClicks(child(window, QLineEdit, "claim_email"), "ada@example.org")
        assert child(window, QLabel, "signatureBadge").text() == "Signature Verified"
        reveal = child(window, QToolButton, "secretRevealButton")
        for _ in range(2):
            reveal.click()
            secret_edit(window).selectAll()
            QTest.keyClick(secret_edit(window), Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
            for name in COPY_BUTTONS:
                child(window, QPushButton, name).click()
                seen.append(clipboard.text())
            for name in COPY_ACTIONS:
                child(window, QAction, name).trigger()
                seen.append(clipboard.text())
        window.close()
    assert len([text for text in seen if text]) >= 16
    for text in [*seen, clipboard.text()]:
        assert SECRET not in text
    assert SECRET not in caplog.text
    assert all(SECRET not in str(record.message) for record in qtlog.records)
    assert SECRET not in settings_path.read_text(encoding="utf-8")
    assert secret_edit(window).text() == ""
