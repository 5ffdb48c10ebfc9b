"""Work done off the GUI thread: judging very large inputs, and reading keys.

A normal token is judged in well under a millisecond on the GUI thread. A text of hundreds of
kilobytes, or an RSA-8192 private key (whose consistency checks take seconds), is handed to one
worker thread. Jobs run one at a time in lanes ("judge", "public", "private"): while one runs,
only the newest request of each lane waits, and the document drops a result that is no longer
wanted by its generation number. An exception in a job (the core promises none) comes back as
the result, to be raised on the GUI thread, instead of leaving the worker busy for ever.

While a job runs, the interpreter hands itself between threads every :data:`SWITCH_S` instead
of Python's 5 ms: the GUI thread needs it for every slot and event it handles, and a judge of a
500 KB token (about 11 ms of it) otherwise kept it waiting up to 5 ms each time, long enough to
miss a frame.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

__all__ = ["SWITCH_S", "Job", "Worker"]

Job = Callable[[], object]

SWITCH_S = 0.001
"""The interpreter's thread switch interval while a job runs (seconds)."""


class _Switching:
    """The interpreter's switch interval, lowered while any worker runs a job (the GUI thread
    only ever touches it: workers start and finish on it)."""

    running = 0
    saved = 0.0

    @classmethod
    def lower(cls) -> None:
        if cls.running == 0:
            cls.saved = sys.getswitchinterval()
            sys.setswitchinterval(min(cls.saved, SWITCH_S))
        cls.running += 1

    @classmethod
    def restore(cls) -> None:
        cls.running -= 1
        if cls.running == 0:
            sys.setswitchinterval(cls.saved)


class Worker(QObject):
    """``finished(lane, generation, result)`` arrives on the GUI thread; ``result`` is what the
    job returned, or the exception it raised."""

    finished = Signal(str, int, object)
    _done = Signal(str, int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._running = False
        self._waiting: dict[str, tuple[int, Job]] = {}
        self._done.connect(self._on_done)
        self._switched = False
        """Whether this worker has lowered the switch interval (until it is idle)."""
        self.threads_used: set[int] = set()
        """The ids of the threads jobs ran on (for proving they never ran on the GUI thread)."""

    @property
    def busy(self) -> bool:
        return self._running or bool(self._waiting)

    def submit(self, lane: str, generation: int, job: Job) -> None:
        self._waiting[lane] = (generation, job)
        if not self._running:
            self._start_next()

    def _start_next(self) -> None:
        if not self._waiting:
            return
        lane = next(iter(self._waiting))
        generation, job = self._waiting.pop(lane)
        self._running = True
        if not self._switched:
            self._switched = True
            _Switching.lower()

        def run() -> None:
            self.threads_used.add(threading.get_ident())
            result: object
            try:
                result = job()
            except Exception as exc:  # handed to the GUI thread, which reports it
                result = exc
            self._done.emit(lane, generation, result)

        self._pool.start(run)

    def shutdown(self) -> None:
        self._waiting.clear()
        self._pool.clear()
        self._pool.waitForDone(5000)
        self._restore_switch()

    @Slot(str, int, object)
    def _on_done(self, lane: str, generation: int, result: object) -> None:
        self._running = False
        self._start_next()
        if not self._running:
            self._restore_switch()
        self.finished.emit(lane, generation, result)

    def _restore_switch(self) -> None:
        if self._switched:
            self._switched = False
            _Switching.restore()
