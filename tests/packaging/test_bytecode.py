"""``make run`` starts from compiled bytecode: its ``bytecode`` step compiles the app's sources
(the install is editable and PYTHONDONTWRITEBYTECODE may be set, so nothing else would), and a
start then compiles no source file. Checked in a child that cannot write bytecode itself: an
audit hook records every ``compile`` of a file, and every module loaded from a ``.py`` file must
have a cached ``.pyc`` that matches its source."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "tiledesk_jwt_gui"

# Runs the window's real start (offscreen, --smoke: the window built, the samples verified).
CHILD = r"""
import importlib.util, json, os, sys
compiled = []
def hook(event, args):
    # shiboken compiles its embedded signature modules on every start (the bare Qt window
    # too): they have names but no file, so only files on disk count.
    if event == "compile" and isinstance(args[1], str) and os.path.isfile(args[1]):
        compiled.append(args[1])
sys.addaudithook(hook)
from tiledesk_jwt_gui.app import main
code = main(["--smoke"])
stale = []
for name, module in list(sys.modules.items()):
    spec = getattr(module, "__spec__", None)
    origin = getattr(spec, "origin", None) or ""
    if not origin.endswith(".py") or not os.path.isfile(origin) or not spec.cached:
        continue
    try:
        with open(spec.cached, "rb") as cached:
            header = cached.read(16)
        source = os.stat(origin)
    except OSError:
        stale.append(origin)
        continue
    flags = int.from_bytes(header[4:8], "little")
    if flags == 0:  # timestamp-based: the source's mtime and size are recorded
        mtime = int.from_bytes(header[8:12], "little")
        size = int.from_bytes(header[12:16], "little")
        if mtime != int(source.st_mtime) & 0xFFFFFFFF or size != source.st_size & 0xFFFFFFFF:
            stale.append(origin)
print(json.dumps({"code": code, "compiled": compiled, "stale": stale}))
"""


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_a_start_after_make_runs_bytecode_step_compiles_nothing() -> None:
    for cache in PACKAGE.rglob("__pycache__"):  # so that only the make step can provide them
        shutil.rmtree(cache)
    step = subprocess.run(
        ["make", "--no-print-directory", "-s", "bytecode", f"BIN={Path(sys.executable).parent}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert step.returncode == 0, step.stderr
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
    child = subprocess.run(
        [sys.executable, "-c", CHILD],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert child.returncode == 0, child.stderr
    report = json.loads(child.stdout.strip().splitlines()[-1])
    assert report["code"] == 0, child.stderr
    assert report["compiled"] == []
    assert report["stale"] == []
    assert any(PACKAGE.rglob("*.pyc"))
