"""The compose presets QA asked for (issue 13), each through real widgets with the verdict it
gives: expired (iat moved back too), not yet valid, wrong project, and signing once with
another secret asked in a masked dialog and kept nowhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tiledesk_jwt_gui.core import (
    DEMO_PROJECT_ID,
    DEMO_SECRET,
    JSONValue,
    Mode,
    SignatureStatus,
    Verdict,
    inspect_token,
    judge,
    other_project_id,
    secret_key,
    tiledesk_audience,
)
from tiledesk_jwt_gui.core.encoding import b64url_encode
from tiledesk_jwt_gui.ui import InspectorWindow
from tiledesk_jwt_gui.ui.widgets.other_secret_dialog import OtherSecretDialog

from .conftest import NOW, FakeClock, child

OTHER_SECRET = "qa-other-secret-9d8c7b6a5f4e3d2c1b0a"


def payload_of(window: InspectorWindow) -> dict[str, JSONValue]:
    payload = inspect_token(window.token_text()).payload_object
    assert payload is not None
    return payload


def verdict_of(window: InspectorWindow) -> Verdict:
    verdict = window.verdict
    assert verdict is not None
    return verdict


def mode_of(window: InspectorWindow) -> Mode:
    return window.document.draft.mode


def error_claims(window: InspectorWindow) -> set[str | None]:
    return {issue.claim for issue in verdict_of(window).errors}


def preset(window: InspectorWindow, name: str) -> QAction:
    """An action by name; the presets menu is filled first (it is, when first opened)."""
    window.qa.presets.fill_menu()
    return child(window, QAction, name)


def paste(window: InspectorWindow, token: str) -> None:
    window.token_pane.token_edit.replace_token(token)
    assert mode_of(window) is Mode.CHECKING


def test_the_presets_are_a_menu_beside_the_tabs_and_in_the_menu_bar(
    window: InspectorWindow,
) -> None:
    button = child(window, QToolButton, "composePresetsButton")
    assert window.tabs.cornerWidget() is button
    menu = button.menu()
    assert menu is not None
    assert window.qa.presets.fill_menu() is menu  # filled when first opened, or asked for
    names = [a.objectName() for a in menu.actions() if not a.isSeparator()]
    assert names == [
        "presetOtherSecretAction",
        "presetExpiredAction",
        "presetNotYetValidAction",
        "presetWrongProjectAction",
    ]
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == ["Token", "Go", "Compose", "Help"]
    assert preset(window, "presetExpiredAction").text() == (
        "Expired (iat moved back too, so iat < exp)"
    )


def test_the_button_opens_the_presets_and_the_keyboard_picks_one(
    qtbot: QtBot, shown: InspectorWindow
) -> None:
    button = child(shown, QToolButton, "composePresetsButton")
    picked: list[str] = []

    def pick_the_second() -> None:
        popup = QApplication.activePopupWidget()
        assert isinstance(popup, QMenu)
        picked.append(popup.objectName())
        for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Return):
            QTest.keyClick(popup, key)

    QTimer.singleShot(50, pick_the_second)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(picked) and QApplication.activePopupWidget() is None)
    assert picked == ["composePresetsMenu"]
    assert error_claims(shown) == {"exp"}


def test_expired_moves_iat_back_and_keeps_the_pasted_token(window: InspectorWindow) -> None:
    pasted = window.token_text()
    paste(window, pasted)
    assert verdict_of(window).accepted
    preset(window, "presetExpiredAction").trigger()
    claims = payload_of(window)
    exp, iat = claims["exp"], claims["iat"]
    assert isinstance(exp, int)
    assert isinstance(iat, int)
    assert iat < exp < NOW
    assert mode_of(window) is Mode.COMPOSING
    assert not verdict_of(window).accepted
    assert error_claims(window) == {"exp"}
    assert verdict_of(window).signature.status is SignatureStatus.VERIFIED
    assert "expired" in child(window, QLabel, "countdownLabel").text().casefold()
    assert window.statusBar().currentMessage().startswith("Composed: Expired")
    preset(window, "backToPastedAction").trigger()
    assert window.token_text() == pasted


def test_not_yet_valid_puts_nbf_ahead(window: InspectorWindow) -> None:
    preset(window, "presetNotYetValidAction").trigger()
    claims = payload_of(window)
    nbf, exp = claims["nbf"], claims["exp"]
    assert isinstance(nbf, int)
    assert isinstance(exp, int)
    assert NOW < nbf < exp
    assert not verdict_of(window).accepted
    assert error_claims(window) == {"nbf"}
    assert child(window, QLineEdit, "claimSeconds_nbf").text() == str(nbf)


def test_wrong_project_needs_the_project_id_then_names_another(window: InspectorWindow) -> None:
    action = preset(window, "presetWrongProjectAction")
    assert not action.isEnabled()  # no project id set: the verdict could not tell
    assert "project id" in action.toolTip()
    child(window, QLineEdit, "projectIdEdit").setText(DEMO_PROJECT_ID)
    assert action.isEnabled()
    action.trigger()
    other = other_project_id(DEMO_PROJECT_ID)
    claims = payload_of(window)
    assert claims["aud"] == tiledesk_audience(other)
    assert isinstance(claims["_id"], str)
    assert claims["_id"].startswith(f"{other}_")
    assert not verdict_of(window).accepted
    assert error_claims(window) == {"aud"}
    assert child(window, QLineEdit, "claim_aud").text() == tiledesk_audience(other)


def answer_other_secret(monkeypatch: pytest.MonkeyPatch, secret: str | None) -> list[str]:
    asked: list[str] = []

    def ask(cls: object, parent: QWidget) -> str | None:
        asked.append(parent.objectName())
        return secret

    monkeypatch.setattr(OtherSecretDialog, "ask", classmethod(ask))
    return asked


def test_another_secret_signs_once_and_the_verdict_says_invalid(
    window: InspectorWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = answer_other_secret(monkeypatch, OTHER_SECRET)
    before = payload_of(window)
    preset(window, "presetOtherSecretAction").trigger()
    assert asked == ["inspectorWindow"]
    token = window.token_text()
    assert payload_of(window) == before  # the same claims, another signature
    assert mode_of(window) is Mode.CHECKING  # checked as a pasted token would be
    assert verdict_of(window).signature.status is SignatureStatus.INVALID
    assert not verdict_of(window).accepted
    assert child(window, QLabel, "signatureBadge").text() != "Signature Verified"
    other = judge(token, secret_key(OTHER_SECRET), project_id=DEMO_PROJECT_ID, at=NOW)
    assert other.signature.status is SignatureStatus.VERIFIED
    assert window.document.keyring.secret_text == DEMO_SECRET  # the project's secret stays
    assert OTHER_SECRET not in window.secret_texts()
    assert "not kept" in window.statusBar().currentMessage()


def test_another_secret_cancelled_or_the_same_changes_nothing(
    window: InspectorWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = window.token_text()
    answer_other_secret(monkeypatch, None)
    preset(window, "presetOtherSecretAction").trigger()
    assert window.token_text() == token
    answer_other_secret(monkeypatch, DEMO_SECRET)
    preset(window, "presetOtherSecretAction").trigger()
    assert window.token_text() == token
    message = window.statusBar().currentMessage()
    assert "project's secret" in message
    assert DEMO_SECRET not in message


def test_another_secret_is_offered_only_where_a_secret_signs(window: InspectorWindow) -> None:
    action = preset(window, "presetOtherSecretAction")
    assert action.isEnabled()
    combo = child(window, QComboBox, "algCombo")
    combo.setCurrentIndex(combo.findData("RS256"))
    assert not action.isEnabled()
    assert "private key" in action.toolTip()


def test_the_other_secret_dialog_is_masked_and_keeps_nothing(qtbot: QtBot) -> None:
    dialog = OtherSecretDialog()
    qtbot.addWidget(dialog)
    edit = child(dialog, QLineEdit, "otherSecretEdit")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert edit.echoMode() is QLineEdit.EchoMode.Password
    assert not ok.isEnabled()
    QTest.keyClicks(edit, OTHER_SECRET)
    assert ok.isEnabled()
    assert dialog.take_secret() == OTHER_SECRET
    assert edit.text() == ""


def test_the_real_dialog_answers_through_ask(qtbot: QtBot, window: InspectorWindow) -> None:
    def type_and_accept() -> None:
        found = window.findChild(OtherSecretDialog, "otherSecretDialog")
        assert found is not None
        QTest.keyClicks(found.secret_edit, OTHER_SECRET)
        found.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, type_and_accept)
    assert OtherSecretDialog.ask(window) == OTHER_SECRET
    qtbot.waitUntil(lambda: window.findChild(OtherSecretDialog, "otherSecretDialog") is None)


def test_no_preset_puts_the_other_secret_in_the_settings(
    qtbot: QtBot, settings_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = InspectorWindow(QSettings(str(settings_path), QSettings.Format.IniFormat), clock=clock)
    qtbot.addWidget(window)
    answer_other_secret(monkeypatch, OTHER_SECRET)
    child(window, QLineEdit, "projectIdEdit").setText(DEMO_PROJECT_ID)
    for name in (
        "presetOtherSecretAction",
        "presetExpiredAction",
        "presetNotYetValidAction",
        "presetWrongProjectAction",
    ):
        preset(window, name).trigger()
    menu = child(window, QMenu, "composePresetsMenu")
    assert all(OTHER_SECRET not in a.toolTip() for a in menu.actions())
    window.close()
    text = settings_path.read_text(encoding="utf-8", errors="replace")
    assert OTHER_SECRET not in text
    assert DEMO_SECRET not in text


def test_a_hostile_alg_is_shown_as_text_in_the_presets_tooltip(window: InspectorWindow) -> None:
    header = b64url_encode(b'{"alg":"<img src=x><b>big</b>","typ":"JWT"}')
    paste(window, f"{header}.{b64url_encode(b'{}')}.c2ln")
    action = preset(window, "presetOtherSecretAction")
    assert not action.isEnabled()
    tip = action.toolTip()
    assert "&lt;img src=x&gt;&lt;b&gt;big&lt;/b&gt;" in tip
    assert "<img" not in tip
