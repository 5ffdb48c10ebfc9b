"""The document's two timers: a single-shot one armed for the instant the verdict changes in
time (``exp + leeway``, ``nbf - leeway``: the core says when), and a tick for the countdowns
while the window is shown. Intervals come from the constructor; tests call the slots."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer

from ...core import Verdict

__all__ = ["MAX_TIMER_MS", "VerdictClock"]

MAX_TIMER_MS = 24 * 3600 * 1000
"""A boundary further away is re-armed when this (one day) elapses."""


class VerdictClock(QObject):
    def __init__(
        self,
        clock: Callable[[], float],
        tick_interval_ms: int,
        on_boundary: Callable[[], None],
        on_tick: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._ticking = False
        self.boundary_timer = QTimer(self)
        self.boundary_timer.setObjectName("boundaryTimer")
        self.boundary_timer.setSingleShot(True)
        self.boundary_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.boundary_timer.timeout.connect(on_boundary)
        self.tick_timer = QTimer(self)
        self.tick_timer.setObjectName("tickTimer")
        self.tick_timer.setInterval(tick_interval_ms)
        self.tick_timer.timeout.connect(on_tick)

    def arm(self, verdict: Verdict | None, *, ticking: bool | None = None) -> None:
        """Arm the boundary timer for ``verdict``'s next change; tick while shown (``ticking``)
        and the token has time claims."""
        if ticking is not None:
            self._ticking = ticking
        change = verdict.next_change if verdict is not None else None
        if change is None:
            self.boundary_timer.stop()
        else:
            wait_ms = math.ceil(max(0.0, change - self._clock()) * 1000) + 1
            self.boundary_timer.start(min(wait_ms, MAX_TIMER_MS))
        if verdict is not None and verdict.times and self._ticking:
            if not self.tick_timer.isActive():
                self.tick_timer.start()
        else:
            self.tick_timer.stop()

    def stop(self) -> None:
        self.boundary_timer.stop()
        self.tick_timer.stop()
