"""Choosing where, and in which format, a QA suite is exported: behind a classmethod so that
tests can answer it."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from PySide6.QtWidgets import QFileDialog, QWidget

from ...core import ExportFormat

__all__ = ["FILTERS", "ExportSuiteDialog", "with_suffix"]

FILTERS: Final = {
    ExportFormat.JSON: "JSON data (*.json)",
    ExportFormat.CSV: "CSV, one row a case (*.csv)",
    ExportFormat.PYTEST: "pytest file, runs against TILEDESK_API_URL (*.py)",
    ExportFormat.POSTMAN: "Postman collection v2.1, for newman (*.postman_collection.json)",
    ExportFormat.CURL: "curl script, PASS/FAIL per case (*.sh)",
}
"""The save dialog's filter for each format, in the order offered."""


def with_suffix(path: Path, export_format: ExportFormat) -> Path:
    """``path`` ending with the format's suffix (added when the name lacks it)."""
    suffix = export_format.suffix
    return path if path.name.endswith(suffix) else path.with_name(path.name + suffix)


class ExportSuiteDialog:
    """``ask`` returns the path and the format chosen, or ``None`` when the person cancels."""

    @classmethod
    def ask(cls, parent: QWidget, suggested: str) -> tuple[Path, ExportFormat] | None:
        path, chosen = QFileDialog.getSaveFileName(
            parent,
            "Export the QA suite (its tokens are real credentials)",
            suggested,
            ";;".join(FILTERS.values()),
        )
        if not path:
            return None
        export_format = next((f for f, text in FILTERS.items() if text == chosen), None)
        if export_format is None:
            export_format = next((f for f in FILTERS if path.endswith(f.suffix)), ExportFormat.JSON)
        return with_suffix(Path(path), export_format), export_format
