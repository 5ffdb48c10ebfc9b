"""The measuring point of ``make bench``: quit as soon as a window's first frame is painted with
what it must show (for the inspector: the sample's verdict).

With ``TILEDESK_JWT_GUI_FIRST_FRAME=1`` in its environment, ``tiledesk-jwt-gui`` calls
:func:`quit_after_first_frame` on its window; the benchmark's floors (a bare ``QMainWindow``, the
plain-Qt replica of the window in ``tests/bench/replica.py``, the bare frozen window) call it too,
so every program is timed to the same point. An event filter on the top-level window sees its
first paint event; the whole window is painted in that same pass, so a zero-delay timer posted
then runs right after the frame is complete. If ``shown()`` is not yet true, the next frame is
awaited. The event loop exits with 0, or with 3 when nothing was shown within 20 s.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Slot
from PySide6.QtWidgets import QWidget

__all__ = ["FIRST_FRAME_VARIABLE", "TIMEOUT_EXIT_CODE", "quit_after_first_frame"]

FIRST_FRAME_VARIABLE = "TILEDESK_JWT_GUI_FIRST_FRAME"
TIMEOUT_EXIT_CODE = 3
_TIMEOUT_MS = 20_000


class _FirstFrame(QObject):
    """Watches one top-level widget's paint events; quits the application after the first frame
    painted while ``shown()`` holds."""

    def __init__(self, window: QWidget, shown: Callable[[], bool]) -> None:
        super().__init__(window)
        self._window = window
        self._shown = shown
        self._pending = False
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._pending and not self._done:
            self._pending = True
            QTimer.singleShot(0, self._after_paint)
        return False

    @Slot()
    def _after_paint(self) -> None:
        self._pending = False
        if self._done or not self._shown():
            if not self._done:
                self._window.update()  # ask for the next frame
            return
        self._done = True
        self._window.removeEventFilter(self)
        QCoreApplication.exit(0)

    @Slot()
    def _give_up(self) -> None:
        if not self._done:
            self._done = True
            if sys.stderr is not None:
                print("first frame: what the window must show never appeared", file=sys.stderr)
            QCoreApplication.exit(TIMEOUT_EXIT_CODE)


def quit_after_first_frame(
    window: QWidget, shown: Callable[[], bool] = lambda: True, *, timeout_ms: int = _TIMEOUT_MS
) -> None:
    """Quit the running event loop after ``window``'s first frame painted while ``shown()``
    holds (exit code 0), or after ``timeout_ms`` without one (exit code 3). Call it before the
    event loop starts (before or after ``show()``)."""
    watcher = _FirstFrame(window, shown)
    window.installEventFilter(watcher)
    QTimer.singleShot(timeout_ms, watcher._give_up)
