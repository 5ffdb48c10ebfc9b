"""Time: readable claims, the timeline, and the countdown that flips the verdict on time."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from tiledesk_jwt_gui.core import DEMO_SECRET, demo_claims, secret_key, sign_token
from tiledesk_jwt_gui.ui import InspectorWindow
from tiledesk_jwt_gui.ui.widgets.validity_timeline import ValidityTimeline

from .conftest import NOW, FakeClock, child


def test_exp_is_shown_local_utc_and_relative(window: InspectorWindow) -> None:
    info = child(window, QLabel, "claimInfo_exp").text()
    assert "expires in 1 h" in info
    assert "UTC" in info
    assert child(window, QLabel, "countdownLabel").text() == "Expires in 1:00:00"
    assert child(window, ValidityTimeline, "validityTimeline").state() == "valid"


def test_boundary_timer_is_armed_for_the_expiry(window: InspectorWindow) -> None:
    timer = window.document.boundary_timer
    assert timer.isActive()
    assert timer.isSingleShot()
    assert 3_599_000 <= timer.interval() <= 3_601_000


def test_composed_token_turns_rejected_the_second_it_expires(
    window: InspectorWindow, clock: FakeClock
) -> None:
    child(window, QLineEdit, "claimSeconds_exp").setText(str(int(NOW) + 10))
    token = child(window, QPlainTextEdit, "tokenEdit").toPlainText()
    assert child(window, QLabel, "verdictLabel").text().startswith("Tiledesk would accept")
    assert 9_000 <= window.document.boundary_timer.interval() <= 10_001
    clock.now = NOW + 9.5
    window.document.on_tick()
    assert child(window, QLabel, "verdictLabel").text().startswith("Tiledesk would accept")
    assert child(window, QLabel, "countdownLabel").text() == "Expires in 0:00:01"
    clock.now = NOW + 10
    window.document.on_time_boundary()
    assert child(window, QLabel, "verdictLabel").text().startswith("Tiledesk would reject")
    error = child(window, QLabel, "claimError_exp")
    assert not error.isHidden()
    assert "expired" in error.text()
    assert child(window, QPlainTextEdit, "tokenEdit").toPlainText() == token  # not re-signed
    assert child(window, ValidityTimeline, "validityTimeline").state() == "expired"
    assert not window.document.boundary_timer.isActive()


def test_tick_past_the_boundary_rejudges(window: InspectorWindow, clock: FakeClock) -> None:
    """A late timer (a sleeping laptop) is caught by the next tick."""
    window.document.boundary_timer.stop()
    clock.now = NOW + 3600
    window.document.on_tick()
    assert child(window, QLabel, "verdictLabel").text().startswith("Tiledesk would reject")


def test_pasted_token_becomes_valid_at_nbf(window: InspectorWindow, clock: FakeClock) -> None:
    claims = demo_claims(int(NOW))
    claims["nbf"] = int(NOW) + 300
    token = sign_token(None, claims, secret_key(DEMO_SECRET), "HS256")
    child(window, QPlainTextEdit, "tokenEdit").setPlainText(token)
    assert child(window, QLabel, "verdictLabel").text().startswith("Tiledesk would reject")
    assert child(window, QLabel, "countdownLabel").text() == "Valid in 0:05:00"
    assert 299_000 <= window.document.boundary_timer.interval() <= 300_001
    clock.now = NOW + 300
    window.document.on_time_boundary()
    assert child(window, QLabel, "verdictLabel").text().startswith("Tiledesk would accept")
    assert child(window, QLabel, "claimError_nbf").isHidden()
    assert 3_299_000 <= window.document.boundary_timer.interval() <= 3_300_001


def test_tick_timer_runs_only_while_shown(qtbot: QtBot, window: InspectorWindow) -> None:
    assert window.document.tick_timer.interval() == 1000
    assert not window.document.tick_timer.isActive()
    window.show()
    qtbot.waitExposed(window)
    assert window.document.tick_timer.isActive()
    window.hide()
    assert not window.document.tick_timer.isActive()


def test_intervals_come_from_the_constructor(
    qtbot: QtBot, clock: FakeClock, settings: QSettings
) -> None:
    window = InspectorWindow(settings, clock=clock, tick_interval_ms=250)
    qtbot.addWidget(window)
    assert window.document.tick_timer.interval() == 250


def test_no_exp_never_expires(window: InspectorWindow) -> None:
    child(window, QAction, "claimPreset_exp_none").trigger()
    assert child(window, QLabel, "countdownLabel").text() == "Never expires (no exp)"
    assert not window.document.boundary_timer.isActive()
    assert child(window, ValidityTimeline, "validityTimeline").summary().endswith("(no exp)")
