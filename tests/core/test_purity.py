"""The core is pure Python: importing it loads no Qt (checked in a fresh interpreter, because
pytest-qt has already imported Qt into this one)."""

from __future__ import annotations

import subprocess
import sys


def test_core_and_cli_import_no_qt() -> None:
    code = (
        "import sys, tiledesk_jwt_gui.core, tiledesk_jwt_gui.cli\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""
