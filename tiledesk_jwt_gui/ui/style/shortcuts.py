"""Shortcuts as the platform writes them."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

__all__ = ["shortcut_text"]


def shortcut_text(action: QAction) -> str:
    """The shortcut of ``action`` as the platform writes it."""
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
