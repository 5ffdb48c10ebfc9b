"""Window size and DPI on real screen sizes: the offscreen platform given a 1280×720 screen, at
scale 1 and at scale 2 (``QT_SCALE_FACTOR=2``), in a child process each (the screen is chosen
when the application starts)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROBE = r"""
import json, sys, tempfile
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
app = QApplication([])
from tests.ui.conftest import NOW, FakeClock
from tiledesk_jwt_gui.core import DEMO_SECRET, demo_claims, secret_key, sign_token
from tiledesk_jwt_gui.ui import InspectorWindow
from tiledesk_jwt_gui.ui.window.window_settings import scratch_settings

BUTTONS = ("copyTokenButton", "copyAuthHeaderButton", "copyWidgetCallButton", "copyCurlButton",
           "modeButton", "secretRevealButton", "secretClearButton", "copyReportButton",
           "claimPresets_exp")

def clipped(window):
    found = []
    for name in BUTTONS:
        button = window.findChild(QAbstractButton, name)
        hint = button.sizeHint()
        if button.width() < hint.width() or button.height() < hint.height() - 2:
            found.append(f"{name} {button.width()}x{button.height()} < {hint.toTuple()}")
    badge = window.findChild(QLabel, "signatureBadge")
    if badge.width() < badge.sizeHint().width():
        found.append("signatureBadge")
    for name in ("tokenEdit", "issuesList", "secretEdit", "claim_email", "claimSeconds_exp"):
        widget = window.findChild(QWidget, name)
        if widget.width() < widget.minimumSizeHint().width() or widget.height() < 10:
            found.append(name)
    return found

window = InspectorWindow(scratch_settings(tempfile.mkdtemp()), clock=FakeClock(NOW))
first = (window.width(), window.height())
room = app.primaryScreen().availableGeometry()
window.show()
for _ in range(5):
    app.processEvents()
claims = demo_claims(int(NOW) - 7200)
expired = sign_token(None, claims, secret_key(DEMO_SECRET), "HS256")
window.findChild(QWidget, "tokenEdit").setPlainText(expired)
for _ in range(5):
    app.processEvents()
error = window.findChild(QLabel, "claimError_exp")
scroll = window.findChild(QWidget, "claimsScroll")
at_top = scroll.verticalScrollBar().value() == 0
scroll.ensureWidgetVisible(error)  # what a click on the finding does
app.processEvents()
top = error.mapTo(scroll.viewport(), error.rect().topLeft()).y()
whole = error.height() >= error.heightForWidth(error.width())
error_seen = (at_top and error.isVisible() and "expired" in error.text() and whole
              and 0 <= top and top + error.height() <= scroll.viewport().height())
at_first = clipped(window)
window.resize(1, 1)
for _ in range(5):
    app.processEvents()
minimum = (window.width(), window.height())
at_minimum = clipped(window)
print(json.dumps({"first": first, "room": room.getRect()[2:], "minimum": minimum,
                  "clipped_first": at_first, "clipped_minimum": at_minimum,
                  "error_seen": error_seen, "ratio": window.devicePixelRatio()}))
window.close()
"""


def probe(tmp_path: Path, width: int, height: int, scale: int) -> dict[str, Any]:
    config = tmp_path / "screen.json"
    screen = {"name": "test", "x": 0, "y": 0, "width": width, "height": height}
    config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96, "dpr": 1}]}))
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": str(scale),
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    found: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return found


@pytest.mark.parametrize(
    ("width", "height", "scale"), [(1280, 720, 1), (2560, 1440, 2)], ids=["1280x720", "scale 2"]
)
def test_the_window_fits_the_screen_and_nothing_is_clipped(
    tmp_path: Path, width: int, height: int, scale: int
) -> None:
    found = probe(tmp_path, width, height, scale)
    room_width, room_height = found["room"]
    assert found["ratio"] == scale
    assert found["first"][0] <= room_width
    assert found["first"][1] <= room_height
    assert found["clipped_first"] == []
    assert found["clipped_minimum"] == []
    assert found["minimum"][0] <= room_width
    assert found["minimum"][1] <= room_height
    assert found["error_seen"], "the claim error shows whole at the first size (form at the top)"
