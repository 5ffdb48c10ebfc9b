"""Why a signature fails, for the window: the document's companion that asks the core for the
diagnosis (``diagnose_verdict``) and the secret's notes (``secret_notes``) after every verdict,
applies a one-click fix through the document's intents, and builds the shareable report.

Diagnosing an ordinary token with a secret takes about 0.6 ms (measured: a 400-character HS256
token 0.6 ms, 11 KB 2.2 ms; an RS256 token with a 2048-bit key 1.4 ms, ES256 2.8 ms), so it runs
on the GUI thread right after the verdict. Past :data:`INLINE_DIAGNOSIS_CHARS`, or with a public
key (whose cost grows with its size: hundreds of verifications of re-encoded payloads, RSA-8192
about 0.3 ms each), it runs on a worker thread and the panel says it is looking meanwhile.

While the person types (verdicts closer than :data:`BURST_MS` apart), the answer waits until
the typing pauses: the first change after a pause is answered at once, the ones that follow it
quickly once, :data:`BURST_MS` after the last. So the panel does not come and go with each key
(every time it did, the whole window was laid out and painted again: 10–25 ms), and a big
token is not diagnosed on every key (84 ms at 500 KB).

One per document, its child, found or made by :meth:`SignatureDiagnosis.of`; it shares the
document's worker (so the document's ``busy`` and ``shutdown`` cover it). QtCore only, like the
document: nothing here is a widget.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal, Slot

from ...core import (
    HMAC_ALGORITHMS,
    Fix,
    FixTarget,
    Key,
    SecretNote,
    SignatureStatus,
    Verdict,
    apply_fix,
    project_field,
    secret_notes,
)
from .companion import Companion

if TYPE_CHECKING:
    from ...core import Diagnosis
    from .document import InspectorDocument

LANE = "diagnose"
"""This companion's lane on the document's worker."""

__all__ = ["BURST_MS", "INLINE_DIAGNOSIS_CHARS", "SignatureDiagnosis"]

BURST_MS = 300
"""Verdicts closer than this are one burst of typing: answered once it pauses."""

INLINE_DIAGNOSIS_CHARS = 4 * 1024
"""Longer tokens are diagnosed on the worker (11 KB took 2.2 ms, 32 KiB 14 ms: with the rest of
a key's work, a 16 ms frame was missed from about 16 KB). The panel shows a quick answer from
the worker as it would an inline one (``why_panel.PENDING_GRACE_MS``)."""

KeyGiven = Key | tuple[Key, ...] | None


class SignatureDiagnosis(Companion):
    """``changed`` fires when the diagnosis or the secret's notes change (``pending``: a
    diagnosis is being made on the worker)."""

    changed = Signal()

    def __init__(
        self, document: InspectorDocument, *, inline_chars: int = INLINE_DIAGNOSIS_CHARS
    ) -> None:
        super().__init__(document)
        self.document = document
        self.inline_chars = inline_chars
        self.diagnosis: Diagnosis | None = None
        """The diagnosis of the verdict shown (``None``: nothing to explain, or pending)."""
        self.notes: tuple[SecretNote, ...] = ()
        """The secret's invisible characters, each said with what removing it would do."""
        self.pending = False
        self.burst_ms = BURST_MS
        self._question: tuple[object, ...] | None = None
        self._generation = 0
        self._last_change = float("-inf")
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.timeout.connect(self._after_pause)
        self.worker = document.worker  # shared: the document's busy and shutdown cover it
        self.worker.finished.connect(self._on_finished)
        document.verdictChanged.connect(self.on_verdict)
        self._answer()  # made after a verdict: answer for it at once (not typing)

    # --- what the verdict was judged with ------------------------------------------------------

    def _key(self) -> KeyGiven:
        verify = self.document.keys.verify
        if isinstance(verify, tuple) and len(verify) == 1:
            return verify[0]
        return verify if isinstance(verify, Key | tuple) else None

    def _project_id(self) -> str | None:
        return project_field(self.document.draft.project_text).project_id

    def _secret_notes(self, verdict: Verdict) -> tuple[SecretNote, ...]:
        document = self.document
        if document.draft.algorithm not in HMAC_ALGORITHMS:
            return ()
        key = self._key()
        if isinstance(key, Key) and key.is_secret:
            return secret_notes(key, verdict.inspection)
        return secret_notes(document.keyring.secret_text, verdict.inspection)

    # --- after each verdict ---------------------------------------------------------------------

    @property
    def waiting(self) -> bool:
        """Whether the answer waits for the typing to pause (what is shown may be older)."""
        return self._pause.isActive()

    @Slot()
    def on_verdict(self) -> None:
        verdict = self.document.verdict
        if verdict is None or (not self.waiting and self._ask(verdict) == self._asked()):
            return  # the clock moved, nothing this answers changed
        now = time.monotonic()
        burst = (now - self._last_change) * 1000 < self.burst_ms
        self._last_change = now
        if burst:
            self._pause.start(self.burst_ms)
        elif not self.waiting:
            self._answer()

    def _ask(self, verdict: Verdict) -> tuple[tuple[object, ...], tuple[SecretNote, ...]]:
        """What this answers for ``verdict``: its question, and the secret's notes."""
        question = (
            verdict.inspection.original,
            self._key(),
            self._project_id(),
            verdict.signature.status,
        )
        return question, self._secret_notes(verdict)

    def _asked(self) -> tuple[tuple[object, ...] | None, tuple[SecretNote, ...]]:
        return self._question, self.notes

    @Slot()
    def _after_pause(self) -> None:
        self._last_change = float("-inf")  # the typing paused: the next change is answered at once
        self._answer()

    @Slot()
    def _answer(self) -> None:
        self._pause.stop()
        verdict = self.document.verdict
        if verdict is None:
            return
        (question, notes) = self._ask(verdict)
        if (question, notes) == self._asked():
            return
        self._question = question
        self.notes = notes
        self._generation += 1
        if verdict.signature.status is SignatureStatus.INVALID:
            key, project = self._key(), self._project_id()
            self._diagnose(verdict, key, project)
        else:  # diagnose_verdict answers None for any other status
            self.diagnosis, self.pending = None, False
        self.changed.emit()

    def _diagnose(self, verdict: Verdict, key: KeyGiven, project: str | None) -> None:
        # Imported when a signature first fails: the sample of the first frame verifies.
        from ...core import diagnose_verdict  # noqa: PLC0415

        if self._inline(verdict, key):
            self.diagnosis, self.pending = diagnose_verdict(verdict, key, project_id=project), False
        else:
            self.diagnosis, self.pending = None, True
            job = partial(diagnose_verdict, verdict, key, project_id=project)
            self.worker.submit(LANE, self._generation, job)

    def _inline(self, verdict: Verdict, key: KeyGiven) -> bool:
        keys: Sequence[Key] = () if key is None else (key,) if isinstance(key, Key) else key
        small = len(verdict.inspection.original) <= self.inline_chars
        return small and all(k.is_secret for k in keys)

    @Slot(str, int, object)
    def _on_finished(self, lane: str, generation: int, result: object) -> None:
        if lane != LANE:
            return
        if isinstance(result, Exception):  # the document reports it
            self.pending = False
            return
        if generation != self._generation:
            return
        from ...core import Diagnosis  # noqa: PLC0415 (loaded by the job already)

        self.diagnosis = result if isinstance(result, Diagnosis) else None
        self.pending = False
        self.changed.emit()

    # --- the person acts ------------------------------------------------------------------------

    def apply(self, fix: Fix) -> None:
        """Apply ``fix`` through the document: the secret field or the token pane shows it. A
        fix shown for input typed since (an answer still waiting) is not applied: the current
        answer is shown instead."""
        if self.waiting:
            self._answer()
            return
        self._last_change = float("-inf")  # a deliberate act: its verdict is answered at once
        document = self.document
        if fix.target is FixTarget.SECRET:
            secret = document.keyring.secret_text
            document.set_secret(apply_fix(fix, secret))
        else:
            verdict = document.verdict
            if verdict is None:
                return
            document.paste_token(apply_fix(fix, verdict.inspection.token))
        document.notify(f"Done: {fix.label[:1].lower()}{fix.label[1:]}")

    def report(self, *, as_json: bool = False) -> str | None:
        """The report to share (Markdown, or JSON): never the secret nor the signature."""
        from ...core import share_markdown, share_report  # noqa: PLC0415 (when asked)

        verdict = self.document.verdict
        if verdict is None:
            return None
        report = share_report(verdict, self._key(), project_id=self._project_id())
        if as_json:
            return json.dumps(report, indent=2, ensure_ascii=True) + "\n"
        return share_markdown(report)
