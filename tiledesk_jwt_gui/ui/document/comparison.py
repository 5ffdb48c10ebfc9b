"""Compare with another token: the document's companion that holds the second token (B) and
asks the core how it differs from the token shown (A), both judged as of the same instant with
the same key and project (``diff_tokens``), so that a difference in verdict comes from the
tokens. It compares again whenever the verdict on A changes.

Two ordinary tokens are compared in about a millisecond (two verdicts), on the GUI thread;
when either is longer than :data:`INLINE_COMPARE_CHARS` the comparison runs on a worker thread.

One per document, its child, found or made by :meth:`Comparison.of`; it shares the document's
worker (a lane of its own), so the document's ``busy`` and ``shutdown`` cover it.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot

from ...core import Key, TokenDiff, diff_tokens, project_field
from .companion import Companion

if TYPE_CHECKING:
    from .document import InspectorDocument

LANE = "compare"
"""This companion's lane on the document's worker."""

__all__ = ["INLINE_COMPARE_CHARS", "Comparison"]

INLINE_COMPARE_CHARS = 16 * 1024
"""Longer tokens are compared on the worker."""


class Comparison(Companion):
    """``changed`` fires when :attr:`diff` changes (``pending``: being compared)."""

    changed = Signal()

    def __init__(self, document: InspectorDocument, *, inline_chars: int = INLINE_COMPARE_CHARS):
        super().__init__(document)
        self.document = document
        self.inline_chars = inline_chars
        self.other = ""
        """Token B, as typed or pasted."""
        self.diff: TokenDiff | None = None
        self.pending = False
        self._generation = 0
        self.worker = document.worker  # shared: the document's busy and shutdown cover it
        self.worker.finished.connect(self._on_finished)
        document.verdictChanged.connect(self._on_verdict)

    def set_other(self, text: str) -> None:
        """Compare the token shown with ``text`` (empty: compare with nothing)."""
        if text != self.other:
            self.other = text
            self._compare()

    @Slot()
    def _on_verdict(self) -> None:
        if self.other:
            self._compare()

    def _compare(self) -> None:
        document = self.document
        verdict = document.verdict
        self._generation += 1
        if not self.other.strip() or verdict is None:
            self.diff, self.pending = None, False
            self.changed.emit()
            return
        verify = document.keys.verify
        key: Key | tuple[Key, ...] | None = (
            verify[0] if isinstance(verify, tuple) and len(verify) == 1 else verify
        )
        job = partial(
            diff_tokens,
            verdict.inspection.original,
            self.other,
            key,
            project_id=project_field(document.draft.project_text).project_id,
            at=document.clock(),
            leeway=document.draft.leeway,
        )
        longest = max(len(verdict.inspection.original), len(self.other))
        if longest <= self.inline_chars:
            self.diff, self.pending = job(), False
        else:
            self.diff, self.pending = None, True
            self.worker.submit(LANE, self._generation, job)
        self.changed.emit()

    @Slot(str, int, object)
    def _on_finished(self, lane: str, generation: int, result: object) -> None:
        if lane != LANE:
            return
        if isinstance(result, Exception):  # the document reports it
            self.pending = False
            return
        if generation != self._generation:
            return
        self.diff = result if isinstance(result, TokenDiff) else None
        self.pending = False
        self.changed.emit()
