"""Judging very large inputs off the GUI thread.

A normal token is judged in well under a millisecond on the GUI thread. A text of hundreds of
kilobytes takes a noticeable fraction of a second, so it goes to one worker thread; only the
newest request waits while one runs, and a result that is no longer wanted is dropped by its
generation number. An exception in a job (the core promises none) comes back as the result, to
be raised on the GUI thread, instead of leaving the runner busy for ever.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

from ..core import Verdict

__all__ = ["JudgeRunner"]

Job = Callable[[], Verdict]


class JudgeRunner(QObject):
    """``finished(generation, result)`` arrives on the GUI thread; ``result`` is the verdict,
    or the exception the job raised."""

    finished = Signal(int, object)
    _done = Signal(int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._busy = False
        self._waiting: tuple[int, Job] | None = None
        self._done.connect(self._on_done)

    @property
    def busy(self) -> bool:
        return self._busy

    def submit(self, generation: int, job: Job) -> None:
        if self._busy:
            self._waiting = (generation, job)
            return
        self._start(generation, job)

    def _start(self, generation: int, job: Job) -> None:
        self._busy = True

        def run() -> None:
            result: Verdict | Exception
            try:
                result = job()
            except Exception as exc:  # handed to the GUI thread, which reports it
                result = exc
            self._done.emit(generation, result)

        self._pool.start(run)

    def shutdown(self) -> None:
        self._waiting = None
        self._pool.clear()
        self._pool.waitForDone(5000)

    @Slot(int, object)
    def _on_done(self, generation: int, verdict: object) -> None:
        self._busy = False
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            self._start(*waiting)
        self.finished.emit(generation, verdict)
