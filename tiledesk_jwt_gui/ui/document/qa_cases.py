"""The QA suite of the inspection: its cases made from the project, the secret and the claims
of the token shown, generated and exported on the document's worker thread.

A companion of :class:`InspectorDocument` (QtCore only): intents are methods (``want``,
``generate``, ``load``, ``export``), changes are signals. A suite takes about 60 ms to make
and an export up to as long (measured on a shared 2-core machine), so both run off the GUI
thread. The suite follows the project id and the secret (a new one of either makes it again,
after a short pause for typing); it keeps the claims it was made from until asked to make it
again, so that loading one of its cases, which replaces the token shown, does not change it.

The secret is read from the document when a suite is made and handed to the core; only a
digest of it is kept, to notice a change. Exports are written readable by their owner only.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ...core import (
    ExpectedSummary,
    ExportFormat,
    InputError,
    JSONValue,
    QACase,
    Suite,
    export_suite,
    generate_suite,
)
from .changes import Change
from .document import InspectorDocument

__all__ = ["SUMMARY_WORDS", "ExportResult", "QACases", "SuiteInputs", "write_private_text"]

SUMMARY_WORDS: Final = {
    ExpectedSummary.ACCEPTED: "accepted",
    ExpectedSummary.UNUSABLE: "signed in, then refused",
    ExpectedSummary.REJECTED: "rejected",
    ExpectedSummary.NO_ANSWER: "no answer",
}
"""Each expected outcome in words (the panel's tooltips, the status bar)."""
GENERATE_LANE: Final = "qa-cases"
EXPORT_LANE: Final = "qa-export"


@dataclass(frozen=True, slots=True)
class SuiteInputs:
    """What a suite is made from, as read from the document (the secret only as a digest)."""

    project_id: str | None
    field_project_id: str | None
    """The project id field's id (``None``: the project is the one the token's aud names)."""
    secret_digest: str | None
    base_claims: dict[str, JSONValue] | None
    """The claims of the token shown (``None``: the docs' sample user)."""

    @property
    def problem(self) -> str | None:
        """Why no suite can be made from these inputs."""
        if self.project_id is None:
            return "Set the project id (or show a token whose aud names a project) to make a suite."
        if self.secret_digest is None:
            return "Enter the project's secret to make a suite: it signs every case."
        return None


@dataclass(frozen=True, slots=True)
class _Refused:
    message: str


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    message: str
    written: bool


def _digest(secret: str) -> str | None:
    if not secret:
        return None
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def write_private_text(path: Path, text: str) -> str | None:
    """Write ``text`` to ``path`` readable and writable by its owner only (an existing file is
    narrowed too); ``None`` when written, else why not in words."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        if hasattr(os, "fchmod"):
            os.fchmod(descriptor, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except OSError as exc:
        return f"cannot write {path.name}: {exc.strerror or exc}"
    return None


def _generate(
    project_id: str, secret: str, now: float, base: dict[str, JSONValue] | None
) -> object:
    try:
        return generate_suite(project_id, secret, now=now, base_claims=base)
    except InputError as exc:
        return _Refused(str(exc))


def _export(suite: Suite, export_format: ExportFormat, path: Path) -> ExportResult:
    problem = write_private_text(path, export_suite(suite, export_format))
    if problem is not None:
        return ExportResult(path, f"Nothing exported: {problem}", written=False)
    return ExportResult(
        path,
        f"Exported {len(suite.cases)} cases ({export_format.value}) to {path.name}, readable by "
        "you only: its tokens are real credentials for the project",
        written=True,
    )


class QACases(QObject):
    """``suiteChanged`` says the suite, its state or its problem changed; ``exported`` carries
    an export's outcome in words. ``delay_ms``: the pause after a change of project or secret
    before the suite is made again (tests call ``on_inputs_settled`` instead of waiting)."""

    suiteChanged = Signal()
    exported = Signal(object)

    def __init__(
        self, document: InspectorDocument, *, delay_ms: int = 400, parent: QObject | None = None
    ) -> None:
        super().__init__(parent if parent is not None else document)
        self.document = document
        self.suite: Suite | None = None
        self.made_from: SuiteInputs | None = None
        self.problem: str | None = None
        self._wanted = False
        self._generation = 0
        self._exports = 0
        self._pending_inputs: SuiteInputs | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.on_inputs_settled)
        document.changed.connect(self._on_document_changed)
        document.worker.finished.connect(self._on_worker_finished)

    # --- what the panel reads --------------------------------------------------------------

    @property
    def generating(self) -> bool:
        return self._pending_inputs is not None

    def inputs(self) -> SuiteInputs:
        """The inputs the document holds now."""
        draft = self.document.draft
        field = draft.project()
        project = field.project_id or field.token_project
        payload = draft.payload
        base = dict(payload) if isinstance(payload, dict) and payload else None
        return SuiteInputs(
            project_id=project.lower() if project else None,
            field_project_id=field.project_id.lower() if field.project_id else None,
            secret_digest=_digest(self.document.keyring.secret_text),
            base_claims=base,
        )

    def case(self, name: str) -> QACase | None:
        suite = self.suite
        if suite is None:
            return None
        return next((case for case in suite.cases if case.name == name), None)

    # --- intents -----------------------------------------------------------------------------

    def want(self) -> None:
        """The panel is shown: make the suite if there is none yet."""
        self._wanted = True
        if self.suite is None and not self.generating:
            self.generate()

    def generate(self) -> None:
        """Make the suite again from the project, the secret and the claims shown now."""
        self._wanted = True
        self._timer.stop()
        inputs = self.inputs()
        problem = inputs.problem
        if problem is not None or inputs.project_id is None:
            self._generation += 1
            self._pending_inputs = None
            self.suite, self.made_from, self.problem = None, inputs, problem
            self.suiteChanged.emit()
            return
        self._generation += 1
        self._pending_inputs = inputs
        self.problem = None
        secret, now = self.document.keyring.secret_text, self.document.clock()
        job_inputs = (inputs.project_id, secret, now, inputs.base_claims)
        self.document.worker.submit(GENERATE_LANE, self._generation, lambda: _generate(*job_inputs))
        self.suiteChanged.emit()

    def load(self, name: str) -> bool:
        """Show the case ``name`` as a pasted token (checked as it is, with the secret kept)."""
        case = self.case(name)
        if case is None:
            return False
        self.document.paste_token(case.token)
        expected = case.expected
        self.document.notify(
            f"Loaded the QA case {case.name}: expected {SUMMARY_WORDS[expected.summary]} "
            f"({expected.statuses()})"
        )
        return True

    def export(self, path: Path, export_format: ExportFormat) -> bool:
        """Write the suite to ``path`` in ``export_format`` on the worker (``exported`` says
        how it went); ``False`` when there is no suite to write."""
        suite = self.suite
        if suite is None:
            return False
        self._exports += 1
        self.document.worker.submit(
            EXPORT_LANE, self._exports, lambda: _export(suite, export_format, path)
        )
        return True

    # --- inside ------------------------------------------------------------------------------

    @Slot(object, object)
    def _on_document_changed(self, changes: frozenset[Change], _origin: object) -> None:
        if not self._wanted or not changes & {Change.KEYS, Change.PROJECT, Change.TOKEN}:
            return
        # The project a suite is for follows the project id field, never the token shown
        # (loading the case whose aud names another project must not remake the suite).
        now, before = self.inputs(), self._pending_inputs or self.made_from
        followed = (now.field_project_id, now.secret_digest)
        moved = before is None or followed != (before.field_project_id, before.secret_digest)
        possible = self.suite is None and not self.generating and now.problem is None
        if moved or possible:
            self._timer.start()

    @Slot()
    def on_inputs_settled(self) -> None:
        """The project or the secret changed a moment ago: make the suite again."""
        self.generate()

    @Slot(str, int, object)
    def _on_worker_finished(self, lane: str, generation: int, result: object) -> None:
        if lane == EXPORT_LANE and isinstance(result, ExportResult):
            self.document.notify(result.message)
            self.exported.emit(result)
            return
        if lane != GENERATE_LANE or generation != self._generation:
            return
        made_from, self._pending_inputs = self._pending_inputs, None
        if isinstance(result, Suite):
            self.suite, self.made_from, self.problem = result, made_from, None
        elif isinstance(result, _Refused):
            self.suite, self.made_from, self.problem = None, made_from, result.message
        self.suiteChanged.emit()
