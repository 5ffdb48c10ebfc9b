"""Fixtures for the window tests: real widgets, offscreen, a fake clock, throw-away settings."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol, TypeVar

import pytest
from PySide6.QtCore import QCoreApplication, QObject, QSettings, QtMsgType
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from tiledesk_jwt_gui.ui import InspectorWindow
from tiledesk_jwt_gui.ui.document.diagnosis import SignatureDiagnosis

VECTORS = Path(__file__).resolve().parents[1] / "vectors"
NOW = 1_800_000_100.0
CONTRACT_CLAIMS = (
    "_id",
    "sub",
    "aud",
    "email",
    "firstname",
    "lastname",
    "attributes",
    "iat",
    "nbf",
    "exp",
)
"""The claims whose ``claim_<name>`` / ``claimError_<name>`` widgets are a public contract,
spelled out here rather than taken from the form, so that a claim dropped from it fails."""
"""The fake clock's start: 100 s after the peer vectors' iat."""

T = TypeVar("T", bound=QObject)


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def vector(name: str) -> Any:
    return json.loads((VECTORS / name).read_text(encoding="utf-8"))


def child(window: QObject, kind: type[T], name: str) -> T:
    """The child called ``name``: the objectNames are the window's contract."""
    found = window.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name!r}"
    return found


def tab_child(window: QObject, action: str, kind: type[T], name: str) -> T:
    """The child called ``name`` on a tab built on first use: the tab is shown first, by its
    Go menu action (Ctrl+2 for ``jsonTabAction``), as a user would."""
    child(window, QAction, action).trigger()
    return child(window, kind, name)


def json_edit(window: QObject, name: str) -> QPlainTextEdit:
    """``headerEdit`` or ``payloadEdit``, on the Raw JSON tab (shown first)."""
    return tab_child(window, "jsonTabAction", QPlainTextEdit, name)


def signin_child(window: QObject, kind: type[T], name: str) -> T:
    """A widget of the Sign-in tab (shown first)."""
    return tab_child(window, "signinTabAction", kind, name)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def settings(settings_path: Path) -> QSettings:
    return QSettings(str(settings_path), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot: QtBot, settings: QSettings, clock: FakeClock) -> Iterator[InspectorWindow]:
    win = InspectorWindow(settings, clock=clock)
    qtbot.addWidget(win)
    yield win
    QApplication.clipboard().clear()


@pytest.fixture
def shown(qtbot: QtBot, window: InspectorWindow) -> InspectorWindow:
    """The window, shown (for visibility and focus)."""
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    return window


def settle(qtbot: QtBot, window: InspectorWindow) -> None:
    """Wait until the window's document has no work under way (keys are read, and large
    tokens judged, off the GUI thread)."""
    qtbot.waitUntil(lambda: not window.document.busy, timeout=20_000)


def answered(window: InspectorWindow) -> None:
    """Let the "Why?" answer arrive: after several changes in quick succession it waits for
    the input to pause (``BURST_MS``), as it does while a person types."""
    why = SignatureDiagnosis.of(window.document)
    deadline = time.monotonic() + 5
    while why.waiting and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.005)
    assert not why.waiting


def press_paste(widget: QWidget) -> None:
    """Press the platform's paste key (Ctrl+V, or Cmd+V on macOS) in ``widget``."""
    QTest.keySequence(widget, QKeySequence(QKeySequence.StandardKey.Paste))


IGNORED_QT_MESSAGES = ("This plugin does not support propagateSizeHints()",)
"""The offscreen platform says this whenever a window is shown."""


class QtLog(Protocol):
    """What the tests read of pytest-qt's ``qtlog`` fixture."""

    @property
    def records(self) -> list[Any]: ...


def qt_complaints(qtlog: QtLog) -> list[str]:
    """Qt's warnings and errors captured by pytest-qt's ``qtlog``, minus known noise."""
    serious = (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
    return [
        str(record.message)
        for record in qtlog.records
        if record.type in serious and record.message not in IGNORED_QT_MESSAGES
    ]


@pytest.fixture(autouse=True)
def own_book(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every window reads a project book of its own (never the user's), empty at first."""
    folder = tmp_path / "config"
    monkeypatch.setenv("TILEDESK_JWT_CONFIG_DIR", str(folder))
    return folder
