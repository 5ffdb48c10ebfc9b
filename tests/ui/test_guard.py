"""The guard against PySide6 builds that lose references to None, True and False."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from tiledesk_jwt_gui.ui.pyside_guard import guard_none_refcount, pyside_drops_none


def test_none_true_and_false_cannot_run_out_of_references(qtbot: QtBot) -> None:
    """Where this PySide6 drops references, the guard is in place after importing the window and
    leaves the singletons far from zero; where it does not, void calls lose none."""
    guarded = guard_none_refcount()
    assert guarded is pyside_drops_none()
    edit = QLineEdit()
    qtbot.addWidget(edit)
    before = {id(s): sys.getrefcount(s) for s in (None, True, False)}
    for index in range(10_000):
        edit.setText(str(index % 7))
        edit.setEnabled(index % 2 == 0)
    for singleton in (None, True, False):
        after = sys.getrefcount(singleton)
        if guarded:
            assert after > 1 << 39
        else:
            assert after >= before[id(singleton)] - 1_000
