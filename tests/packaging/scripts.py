"""The scripts of ``assets/packaging/`` (a folder, not a package), loaded for the tests, and the
places where ``make package`` and ``make wheel-smoke`` leave what they build."""

from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "assets" / "packaging"
SPEC = PACKAGING / "tiledesk-jwt-gui.spec"
BUNDLE = ROOT / "dist" / "tiledesk-jwt-gui"
WHEELS = ROOT / "dist" / "wheel"


@functools.cache
def load(name: str) -> ModuleType:
    """``assets/packaging/<name>.py`` as a module."""
    spec = importlib.util.spec_from_file_location(f"_packaging_{name}", PACKAGING / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses and friends look their module up
    spec.loader.exec_module(module)
    return module


def version() -> str:
    """The version pyproject.toml declares."""
    import tomllib

    with (ROOT / "pyproject.toml").open("rb") as file:
        return str(tomllib.load(file)["project"]["version"])
