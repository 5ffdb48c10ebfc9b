"""A file dropped on the window (anywhere, the token pane included): the document's companion
that asks the core for the tokens in it (``tokens_in_file``) and hands the one to show to the
token pane, or the list to pick from to the window.

A file of up to 1 MiB (the most a token may be) is read and searched on the GUI thread, as a
paste is (a 1 MiB HAR took 8 ms; 30 MiB, 200 ms); a larger one, up to the core's 64 MiB
(``MAX_TOKEN_FILE_BYTES``), on a worker thread. A newer drop overtakes an older one still being
read.

One per document, its child, found or made by :meth:`TokenFiles.of`; it shares the document's
worker (a lane of its own), so the document's ``busy`` and ``shutdown`` cover it.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot

from ...core import MAX_TOKEN_CHARS, FileTokens, TokenCandidate, tokens_in_file
from .companion import Companion

if TYPE_CHECKING:
    from .document import InspectorDocument

LANE = "file"
"""This companion's lane on the document's worker."""

__all__ = ["TokenFiles"]


class TokenFiles(Companion):
    """``found(text)``: the text the token pane is to take, as a paste over everything.
    ``choose(result)``: a :class:`FileTokens` with several tokens, for the window to ask which."""

    found = Signal(str)
    choose = Signal(object)

    def __init__(self, document: InspectorDocument, *, inline_bytes: int = MAX_TOKEN_CHARS) -> None:
        super().__init__(document)
        self.document = document
        self.inline_bytes = inline_bytes
        self._generation = 0
        self.worker = document.worker  # shared: the document's busy and shutdown cover it
        self.worker.finished.connect(self._on_finished)

    def open_file(self, path: Path) -> None:
        """Find the token in ``path``: here when it is small, on the worker otherwise."""
        self._generation += 1
        try:
            size = path.stat().st_size if path.is_file() else 0
        except OSError:
            size = 0
        if size <= self.inline_bytes:
            self._deliver(tokens_in_file(path))
            return
        self.document.notify(f"Looking for a token in {path.name} ({size / 2**20:.1f} MiB)…")
        self.worker.submit(LANE, self._generation, partial(tokens_in_file, path))

    def take(self, result: FileTokens, candidate: TokenCandidate) -> None:
        """The token ``candidate`` of ``result``, chosen: the token pane shows it."""
        self.found.emit(candidate.token)
        self.document.notify(result.notice(candidate))

    @Slot(str, int, object)
    def _on_finished(self, lane: str, generation: int, result: object) -> None:
        if lane != LANE:
            return
        if isinstance(result, Exception):  # the document reports it
            return
        if generation == self._generation and isinstance(result, FileTokens):
            self._deliver(result)

    def _deliver(self, result: FileTokens) -> None:
        if result.problem is not None:
            self.document.notify(f"Nothing dropped: {result.problem}")
        elif result.text is not None:
            self.found.emit(result.text)
        elif result.chosen is not None:
            self.take(result, result.chosen)
        else:
            self.choose.emit(result)
