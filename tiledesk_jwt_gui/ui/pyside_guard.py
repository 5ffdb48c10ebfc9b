"""A guard against a reference-counting fault of some PySide6 builds on Python 3.11.

PySide6 6.12 wheels return ``None`` from every ``void`` Qt method without taking a reference
to it, as is right only from Python 3.12 on, where ``None``, ``True`` and ``False`` are
immortal. On 3.11 each such call (``setText``, ``setPlaceholderText``, a ``QSignalBlocker``
block…) drops ``None``'s count by one, some paths do the same to ``True`` and ``False``, and
after some tens of thousands of calls the interpreter aborts with "deallocating None" (or "True
or False"). The guard detects the fault with a few harmless calls and, only where it is there,
gives these three objects enough references never to reach zero; they are never freed anyway.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject

__all__ = ["guard_none_refcount", "pyside_drops_none"]

_SPARE_REFERENCES = 1 << 40
_guarded = False


def pyside_drops_none() -> bool:
    """Whether void Qt calls lose references to ``None`` here."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(16):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 8


def guard_none_refcount() -> bool:
    """Apply the guard once if this PySide6 needs it; ``True`` if it was applied (now or
    earlier). The window's package applies it on import."""
    global _guarded  # noqa: PLW0603 - the guard is process-wide by nature
    if _guarded:
        return True
    if not pyside_drops_none():
        return False
    # ob_refcnt is the first field of every CPython object (3.11 has no immortal objects).
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _SPARE_REFERENCES
    _guarded = True
    return True
