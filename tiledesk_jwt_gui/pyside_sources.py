"""Spares PySide6 the reading of this package's sources at import.

Once loaded, PySide6 looks at every module imported after it to learn whether the module uses
PySide6 (for its ``__feature__`` switching, PYSIDE-2029): it reads the module's whole source with
``inspect.getsource`` and searches it for the word "PySide6". Through ``inspect`` (file checks,
``linecache``, ``tokenize``) that costs about a quarter of a millisecond a module, paid by each of
the package's modules the window imports. :func:`enter_package_sources` gives PySide6 the same
answers in advance, read straight from the package's files (a few microseconds each), in the
table PySide6 publishes for them (PYSIDE-1019); it keeps any answer already there, and PySide6
skips the modules it finds in the table. ``tests/ui/test_start_imports.py`` checks that each answer
is the one PySide6's own reading gives. Where the table or the sources are missing (another
PySide6, a frozen build without sources), nothing is entered and PySide6 reads as before.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from types import ModuleType

__all__ = ["enter_package_sources", "loaded_answers", "package_answers"]

_PACKAGE = Path(__file__).resolve().parent
_NAME = "tiledesk_jwt_gui"
_USES_PYSIDE = 0
"""PySide6's answer for a module that uses it: "no feature selected"."""
_IGNORED = -1
"""PySide6's answer for a module that does not: "ignore this module when switching"."""


def _answer(path: str) -> int | None:
    """PySide6's answer for the module whose source is the file ``path`` (``None``: unreadable,
    PySide6 will read it itself)."""
    try:
        with open(path, "rb") as source:
            return _USES_PYSIDE if b"PySide6" in source.read() else _IGNORED
    except OSError:
        return None


def package_answers(root: Path = _PACKAGE, name: str = _NAME) -> dict[str, int]:
    """PySide6's answer for each module of the package under ``root``, by the rule PySide6
    applies: whether the module's source contains the word "PySide6"."""
    answers: dict[str, int] = {}
    for folder, folders, files in os.walk(root):
        folders[:] = [entry for entry in folders if not entry.startswith((".", "__"))]
        relative = os.path.relpath(folder, root)
        prefix = name if relative == "." else f"{name}.{relative.replace(os.sep, '.')}"
        for file in files:
            if file.endswith(".py"):
                answer = _answer(os.path.join(folder, file))
                if answer is not None:
                    answers[prefix if file == "__init__.py" else f"{prefix}.{file[:-3]}"] = answer
    return answers


def loaded_answers(modules: Mapping[str, ModuleType]) -> dict[str, int]:
    """The same answers for modules already loaded from a ``.py`` file (the standard library's
    among them: PySide6 reads a module again the first time an import statement names it)."""
    answers: dict[str, int] = {}
    for name, module in list(modules.items()):
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            answer = _answer(path)
            if answer is not None:
                answers[name] = answer
    return answers


def enter_package_sources() -> int:
    """Enter the answers for the package and for the modules loaded so far in PySide6's table;
    how many were entered (0 when the table is not there)."""
    try:
        from PySide6.support import feature  # type: ignore[attr-defined]  # noqa: PLC0415

        table = feature.pyside_feature_dict
    except (ImportError, AttributeError):
        return 0
    if not isinstance(table, dict):
        return 0
    loaded = {name: module for name, module in sys.modules.items() if name not in table}
    answers = {**loaded_answers(loaded), **package_answers()}
    entered = 0
    for module, answer in answers.items():
        if module not in table:
            table[module] = answer
            entered += 1
    return entered
