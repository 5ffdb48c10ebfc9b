"""The benchmark's replica floor stays in step with the real window: the same widgets, class by
class, built and shown (and the same ones visible), at the same size. When this fails after a
change to the window, record the tree again: ``python -m tests.bench.replica --update``."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json
from collections import Counter
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.bench.replica import TREE, build, qt_class
from tiledesk_jwt_gui.app import create_window, scratch_settings

HINT = "the replica drifted from the window: python -m tests.bench.replica --update"


def census(window: QWidget, *, visible: bool) -> Counter[str]:
    return Counter(
        qt_class(widget).__name__
        for widget in window.findChildren(QWidget)
        if not visible or widget.isVisibleTo(window)
    )


def test_the_replica_has_the_windows_widgets_class_by_class(qtbot: QtBot, tmp_path: Path) -> None:
    window = create_window(scratch_settings(str(tmp_path)))
    qtbot.addWidget(window)
    window.show()
    replica = build(json.loads(TREE.read_text(encoding="utf-8")))
    qtbot.addWidget(replica)
    replica.show()
    qtbot.waitExposed(window)
    qtbot.waitExposed(replica)
    real, copy = census(window, visible=False), census(replica, visible=False)
    assert sum(real.values()) > 100  # the whole window, not a stub
    assert copy == real, HINT
    assert census(replica, visible=True) == census(window, visible=True), HINT
    assert replica.size() == window.size(), HINT


def test_the_replica_is_plain_qt(qtbot: QtBot) -> None:
    replica = build(json.loads(TREE.read_text(encoding="utf-8")))
    qtbot.addWidget(replica)
    classes = {type(widget) for widget in [replica, *replica.findChildren(QWidget)]}
    assert all(kind.__module__.startswith("PySide6") for kind in classes)
