"""The benchmark's measuring point (tiledesk_jwt_gui/first_frame.py), in real processes: the app
quits after its first frame with the sample's verdict shown; a window whose content appears
only later is awaited frame by frame; one that never shows it gives up with exit code 3."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WAITING_WINDOW = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel
    from tiledesk_jwt_gui.first_frame import quit_after_first_frame
    app = QApplication(sys.argv)
    label = QLabel("wait")
    frames = []
    class Count(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                frames.append(label.text())
            return False
    counter = Count()
    label.installEventFilter(counter)
    label.show()
    QTimer.singleShot(int(sys.argv[1]), lambda: label.setText("ready"))
    quit_after_first_frame(label, lambda: label.text() == "ready", timeout_ms=int(sys.argv[2]))
    code = app.exec()
    print(code, frames[0], frames[-1])
    sys.exit(code)
    """
)


def run(command: list[str], **extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **extra}
    return subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=120
    )


def test_the_app_quits_after_its_first_frame_with_the_verdict(tmp_path: Path) -> None:
    app = Path(sys.executable).parent / "tiledesk-jwt-gui"
    result = run(
        [str(app)], TILEDESK_JWT_GUI_FIRST_FRAME="1", XDG_CONFIG_HOME=str(tmp_path / "config")
    )
    assert result.returncode == 0, result.stderr
    assert "never appeared" not in result.stderr


def test_a_verdict_shown_late_is_awaited_frame_by_frame() -> None:
    result = run([sys.executable, "-c", WAITING_WINDOW, "300", "20000"])
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["0", "wait", "ready"]


def test_a_window_that_never_shows_it_gives_up_with_exit_code_3() -> None:
    result = run([sys.executable, "-c", WAITING_WINDOW, "60000", "400"])
    assert result.returncode == 3, result.stderr
    assert "never appeared" in result.stderr
