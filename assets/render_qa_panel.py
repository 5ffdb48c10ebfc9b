"""Render the window with its "QA cases" tab open to ``assets/qa-cases.png`` (the README's
picture of the panel): the demo secret, a project id set, a fixed clock, one case loaded.

    QT_QPA_PLATFORM=offscreen python assets/render_qa_panel.py [PATH] [--dark]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QAbstractItemView, QApplication

from tiledesk_jwt_gui.ui.window.main_window import InspectorWindow, scratch_settings
from tiledesk_jwt_gui.ui.window.screenshot import dark_palette

ASSETS = Path(__file__).resolve().parent
PROJECT = "65a1b2c3d4e5f60718293a4b"
NOW = 1_800_000_000.0  # 2027-01-15: the same picture every time
SHOWN_CASE = "secret-wrong"


def render(path: Path, *, dark: bool = False, size: tuple[int, int] = (1200, 780)) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the application exists
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(["render"])
    app.setStyle("Fusion")
    if dark:
        app.setPalette(dark_palette())
    with tempfile.TemporaryDirectory(prefix="tiledesk-jwt-gui-qa-") as scratch:
        window = InspectorWindow(scratch_settings(scratch), clock=lambda: NOW)
        window.resize(*size)
        window.show()
        window.document.set_project_text(PROJECT)
        window.qa.show_action.trigger()
        cases = window.qa.pane.cases
        deadline = time.monotonic() + 30
        while (cases.suite is None or window.document.busy) and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        listed = window.qa.pane.case_list
        item = listed.item_for(SHOWN_CASE)
        if item is None:
            raise SystemExit(f"no case {SHOWN_CASE!r} in the suite")
        listed.setCurrentItem(item)
        cases.load(SHOWN_CASE)
        for _ in range(5):
            app.processEvents()
        listed.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtCenter)
        app.processEvents()
        window.grab().save(str(path))
        window.close()


if __name__ == "__main__":
    args = sys.argv[1:]
    dark = "--dark" in args
    paths = [a for a in args if a != "--dark"]
    render(Path(paths[0]) if paths else ASSETS / "qa-cases.png", dark=dark)
