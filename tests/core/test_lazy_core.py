"""The core package loads its modules on demand (PEP 562): each public name is the object of the
module ``_SOURCES`` names, the table matches the imports mypy reads, and importing the package
alone loads none of its modules."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

from tiledesk_jwt_gui import core


def _imports_for_mypy() -> dict[str, tuple[str, ...]]:
    tree = ast.parse(Path(core.__file__).read_text(encoding="utf-8"))
    block = next(node for node in tree.body if isinstance(node, ast.If))
    return {
        node.module: tuple(alias.name for alias in node.names)
        for node in block.body
        if isinstance(node, ast.ImportFrom) and node.module is not None
    }


def test_the_table_matches_the_typed_imports_and_all() -> None:
    assert _imports_for_mypy() == core._SOURCES
    assert sorted(core._MODULE_OF) == sorted(core.__all__)


def test_every_name_is_its_modules_object_even_after_every_module_loaded() -> None:
    for info in pkgutil.walk_packages(core.__path__, f"{core.__name__}."):
        importlib.import_module(info.name)
    for name in core.__all__:
        module = importlib.import_module(f"{core.__name__}.{core._MODULE_OF[name]}")
        assert getattr(core, name) is getattr(module, name), name
    assert callable(core.judge)
    assert callable(core.diagnose)


def test_importing_the_package_loads_no_module_of_it() -> None:
    probe = (
        "import sys, tiledesk_jwt_gui.core as c; "
        "print(sorted(m for m in sys.modules if m.startswith('tiledesk_jwt_gui.core.')))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        core.no_such_name  # noqa: B018
