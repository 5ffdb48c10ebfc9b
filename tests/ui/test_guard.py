"""The guard against PySide6 builds that lose references to None, True and False."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from tiledesk_jwt_gui.ui.pyside_guard import guard_none_refcount, pyside_drops_none


def test_none_true_and_false_cannot_run_out_of_references(qtbot: QtBot) -> None:
    """Where this PySide6 drops references, the guard is in place after importing the window;
    either way ten thousand void calls leave the singletons far from zero."""
    assert guard_none_refcount() is pyside_drops_none()
    edit = QLineEdit()
    qtbot.addWidget(edit)
    for index in range(10_000):
        edit.setText(str(index % 7))
    for singleton in (None, True, False):
        assert sys.getrefcount(singleton) > 1_000_000
