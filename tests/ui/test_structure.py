"""The window's structure: the document is QtCore only, and no file grows into a second
900-line window."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "tiledesk_jwt_gui" / "ui"

PROBE = """
import sys
import tiledesk_jwt_gui.ui.document as document
loaded = sorted(m for m in sys.modules if m.startswith("PySide6."))
print(" ".join(loaded))
"""


def test_the_document_imports_no_widgets() -> None:
    """In a fresh interpreter (pytest-qt has loaded QtWidgets in this one)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True
    )
    loaded = result.stdout.split()
    assert "PySide6.QtCore" in loaded
    assert not [m for m in loaded if m.startswith(("PySide6.QtWidgets", "PySide6.QtGui"))]


def test_no_ui_file_is_a_second_main_window() -> None:
    sizes = {
        p.relative_to(UI).as_posix(): len(p.read_text().splitlines()) for p in UI.rglob("*.py")
    }
    assert sizes["window/main_window.py"] < 350
    assert max(sizes.values()) <= 430, sorted(sizes.items(), key=lambda kv: -kv[1])[:3]
    assert not list(UI.glob("*.py"))[2:], "ui/ holds its rooms, not flat files"
