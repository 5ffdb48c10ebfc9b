"""What the app's start imports, and in which order, in real processes run to the first frame.

PySide6 reads the source of each module imported after it (``tiledesk_jwt_gui/pyside_sources.py``
says why and how the app spares it): the core modules behind the first verdict are imported
before PySide6, and PySide6 is given the answers for the rest of the package, the same answers
its own reading gives.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from tiledesk_jwt_gui.pyside_sources import loaded_answers, package_answers

ROOT = Path(__file__).resolve().parents[2]
START = textwrap.dedent(
    """
    import inspect, json, sys
    read = []
    original = inspect.getsource
    def reading(target):
        read.append(getattr(target, "__name__", ""))
        return original(target)
    inspect.getsource = reading
    from tiledesk_jwt_gui.app import main
    code = main([])
    print(json.dumps({"code": code, "modules": list(sys.modules), "read": read}))
    """
)


def start_to_first_frame(tmp_path: Path) -> dict[str, Any]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "TILEDESK_JWT_GUI_FIRST_FRAME": "1",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    result = subprocess.run(
        [sys.executable, "-c", START],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    started: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    assert started["code"] == 0
    return started


def test_pyside6_reads_no_source_of_the_package_while_the_app_starts(tmp_path: Path) -> None:
    started = start_to_first_frame(tmp_path)
    assert any(name.startswith("tiledesk_jwt_gui.ui.window") for name in started["modules"])
    ours = [name for name in started["read"] if name.startswith("tiledesk_jwt_gui")]
    assert ours == []  # ui/__init__.py enters the answers before anything else it loads


def test_the_core_modules_of_the_first_frame_are_loaded_before_pyside6(tmp_path: Path) -> None:
    modules: list[str] = start_to_first_frame(tmp_path)["modules"]
    pyside = modules.index("PySide6")
    late = [name for name in modules[pyside:] if name.startswith("tiledesk_jwt_gui.core")]
    assert late == [], f"add these to the imports at the top of tiledesk_jwt_gui/app.py: {late}"


def test_each_answer_entered_is_the_one_pyside6_gives() -> None:
    try:
        from PySide6.support import feature  # type: ignore[attr-defined]

        pyside_answer = feature._mod_uses_pyside
    except (ImportError, AttributeError):
        pytest.skip("this PySide6 has no __feature__ source check: nothing is entered")
    answers = package_answers()
    assert len(answers) > 100
    assert answers["tiledesk_jwt_gui.ui.window.main_window"] == 0
    assert answers["tiledesk_jwt_gui.core.judge"] == -1
    for name, answer in answers.items():
        if name.endswith("__main__"):
            continue  # running it would start the program
        module = importlib.import_module(name)
        assert answer == (0 if pyside_answer(module) else -1), name
    standard = {name: sys.modules[name] for name in ("json", "dataclasses", "inspect")}
    for name, answer in loaded_answers(standard).items():
        assert answer == (0 if pyside_answer(standard[name]) else -1), name


def test_a_package_without_sources_gets_no_answers(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "__init__.py").write_text("from PySide6 import QtCore\n")
    (tmp_path / "sub" / "__init__.py").write_text("")
    (tmp_path / "sub" / "plain.py").write_text("x = 1\n")
    (tmp_path / "sub" / "compiled.pyc").write_bytes(b"\0PySide6")
    assert package_answers(tmp_path, "pkg") == {"pkg": 0, "pkg.sub": -1, "pkg.sub.plain": -1}
    assert package_answers(tmp_path / "missing", "pkg") == {}
