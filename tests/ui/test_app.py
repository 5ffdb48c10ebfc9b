"""The entry point: --smoke, --version, --screenshot, create_window(); large inputs; and the
promise that the app never touches the network."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon, QImage
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit
from pytestqt.qtbot import QtBot

from tiledesk_jwt_gui import app
from tiledesk_jwt_gui.core import (
    DEMO_SECRET,
    MAX_TOKEN_CHARS,
    demo_claims,
    secret_key,
    sign_token,
)
from tiledesk_jwt_gui.ui import InspectorWindow
from tiledesk_jwt_gui.ui.style import icons
from tiledesk_jwt_gui.ui.widgets.issue_list import IssueList

from .conftest import NOW, FakeClock, child

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "tiledesk_jwt_gui"


def run_app(*args: str, code: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    command = (
        [sys.executable, "-c", code] if code else [sys.executable, "-m", "tiledesk_jwt_gui.app"]
    )
    return subprocess.run(
        [*command, *args], env=env, capture_output=True, text=True, timeout=60, check=False
    )


def test_smoke_exits_zero() -> None:
    result = run_app("--smoke")
    assert result.returncode == 0, result.stderr
    assert "HS256, RS256 and ES256" in result.stdout


def test_smoke_fails_loudly_when_a_sample_does_not_verify() -> None:
    code = (
        "import sys; from tiledesk_jwt_gui import app; "
        "app.smoke_check = lambda window: ['the HS256 sample does not verify: test']; "
        "sys.exit(app.main(['--smoke']))"
    )
    result = run_app(code=code)
    assert result.returncode == 1
    assert "the HS256 sample does not verify" in result.stderr


def test_smoke_check_passes_in_process(window: InspectorWindow) -> None:
    assert app.smoke_check(window) == []


def test_smoke_check_says_when_the_icon_files_are_missing(
    qtbot: QtBot,
    settings: QSettings,
    clock: FakeClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(icons, "_RESOURCES", tmp_path)  # a bundle that lost its resources
    application_icon = QApplication.windowIcon()
    QApplication.setWindowIcon(QIcon())
    try:
        window = InspectorWindow(settings, clock=clock)
        qtbot.addWidget(window)
        assert app.smoke_check(window)[:1] == [
            "the window icon did not load (tiledesk_jwt_gui/resources is missing)"
        ]
        window.document.shutdown()
    finally:
        QApplication.setWindowIcon(application_icon)


def test_version() -> None:
    result = run_app("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("tiledesk-jwt-gui ")


def test_create_window_uses_the_given_settings(qtbot: QtBot, settings: QSettings) -> None:
    window = app.create_window(settings)
    qtbot.addWidget(window)
    assert isinstance(window, InspectorWindow)
    assert child(window, QLabel, "signatureBadge").text() == "Signature Verified"


def test_screenshot_is_rendered(tmp_path: Path) -> None:
    target = tmp_path / "shot.png"
    result = run_app("--screenshot", str(target), "--size", "1000x700")
    assert result.returncode == 0, result.stderr
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1000, 700)


NO_NETWORK = """
import sys, tempfile
events = []
sys.addaudithook(
    lambda event, args: events.append(event)
    if event.startswith(("socket.", "urllib.Request", "http.client")) else None
)
from PySide6.QtWidgets import QApplication
qt = QApplication([])
from tiledesk_jwt_gui import app
window = app.create_window(app.scratch_settings(tempfile.mkdtemp()))
window.show()
qt.processEvents()
failures = app.smoke_check(window)
window.close()
qt_network = [m for m in sys.modules if m.startswith(("PySide6.QtNetwork", "PySide6.QtWebEngine"))]
print(events, qt_network, failures)
sys.exit(1 if events or qt_network or failures else 0)
"""


def test_the_window_opens_no_connection() -> None:
    """Build the window and run it through its samples under an audit hook: no socket is
    opened, no URL requested, and Qt's network module is never loaded."""
    result = run_app(code=NO_NETWORK)
    assert result.returncode == 0, result.stdout + result.stderr


def test_window_sources_import_no_network() -> None:
    for path in [*PACKAGE.joinpath("ui").glob("*.py"), PACKAGE / "app.py"]:
        source = path.read_text(encoding="utf-8")
        for name in ("QtNetwork", "socket", "urllib", "http.client", "requests"):
            assert f"import {name}" not in source, path
            assert f"{name} import" not in source, path


def test_large_input_is_judged_off_the_gui_thread(qtbot: QtBot, window: InspectorWindow) -> None:
    claims = demo_claims(int(NOW))
    claims["notes"] = "x" * 150_000
    token = sign_token(None, claims, secret_key(DEMO_SECRET), "HS256")
    verdict_label = child(window, QLabel, "verdictLabel")
    child(window, QPlainTextEdit, "tokenEdit").setPlainText(token)
    assert verdict_label.text() == "Checking a large input…"
    qtbot.waitUntil(lambda: verdict_label.text().startswith("Tiledesk would"), timeout=10_000)
    # Signed right, but a 150 KB header never reaches Tiledesk: Node answers 431 first.
    assert verdict_label.text().startswith("Tiledesk would reject")
    detail = child(window, QLabel, "verdictDetailLabel").text()
    assert "POST /auth/signinWithCustomToken → 431 Request Header Fields Too Large" in detail
    assert child(window, QLabel, "signatureBadge").text() == "Signature Verified"
    assert child(window, QPlainTextEdit, "otherClaimsEdit").isReadOnly()  # a preview


def test_input_over_the_limit_is_refused_at_once(window: InspectorWindow) -> None:
    child(window, QPlainTextEdit, "tokenEdit").setPlainText("a" * (MAX_TOKEN_CHARS + 1))
    assert child(window, QLabel, "verdictLabel").text().startswith("Tiledesk would reject")
    codes = [issue.code for issue in child(window, IssueList, "issuesList").issues()]
    assert "too_large" in codes


def test_stale_large_results_are_dropped(
    qtbot: QtBot, window: InspectorWindow, clock: FakeClock
) -> None:
    big = "a" * 150_000
    edit = child(window, QPlainTextEdit, "tokenEdit")
    edit.setPlainText(big)
    edit.setPlainText("abc")
    verdict_label = child(window, QLabel, "verdictLabel")
    qtbot.wait(50)
    qtbot.waitUntil(lambda: not window.document.busy, timeout=10_000)
    assert window.verdict is not None
    assert window.verdict.inspection.original == "abc"
    assert verdict_label.text().startswith("Tiledesk would reject")
    del clock


@pytest.mark.parametrize("argument", ["--help"])
def test_help_does_not_open_a_window(argument: str) -> None:
    result = run_app(argument)
    assert result.returncode == 0
    assert "--smoke" in result.stdout
