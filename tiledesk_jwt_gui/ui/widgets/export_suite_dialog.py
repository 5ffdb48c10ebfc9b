"""Choosing where, and in which format, a QA suite is exported: behind a classmethod so that
tests can answer it. The format follows the file type chosen, and the name gets that type's
suffix when it has none (before the dialog asks whether to replace a file)."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from ...core import ExportFormat

__all__ = ["FILTERS", "ExportSuiteDialog", "format_for", "with_suffix"]

FILTERS: Final = {
    ExportFormat.JSON: "JSON data (*.json)",
    ExportFormat.CSV: "CSV, one row a case (*.csv)",
    ExportFormat.PYTEST: "pytest file, runs against TILEDESK_API_URL (*.py)",
    ExportFormat.POSTMAN: "Postman collection v2.1, for newman (*.postman_collection.json)",
    ExportFormat.CURL: "curl script, PASS/FAIL per case (*.sh)",
}
"""The save dialog's file type for each format, in the order offered."""


def format_for(name_filter: str) -> ExportFormat:
    """The format of a file type the dialog offered (JSON for any other)."""
    return next((f for f, text in FILTERS.items() if text == name_filter), ExportFormat.JSON)


def with_suffix(path: Path, export_format: ExportFormat) -> Path:
    """``path``, with the format's suffix added when its name has none."""
    return path if path.suffix else path.with_name(path.name + export_format.suffix)


class ExportSuiteDialog(QFileDialog):
    """The save dialog; ``ask`` runs it and returns the path and format, or ``None``."""

    def __init__(self, parent: QWidget | None, suggested: str) -> None:
        super().__init__(parent, "Export the QA suite (its tokens are real credentials)")
        self.setObjectName("exportSuiteDialog")
        self.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        self.setFileMode(QFileDialog.FileMode.AnyFile)
        self.setNameFilters(list(FILTERS.values()))
        self.selectFile(suggested)
        self.filterSelected.connect(self._on_filter)
        self._on_filter(self.selectedNameFilter())

    @Slot(str)
    def _on_filter(self, name_filter: str) -> None:
        self.setDefaultSuffix(format_for(name_filter).suffix.lstrip("."))

    def chosen(self) -> tuple[Path, ExportFormat] | None:
        files = self.selectedFiles()
        if not files:
            return None
        export_format = format_for(self.selectedNameFilter())
        return with_suffix(Path(files[0]), export_format), export_format

    @classmethod
    def ask(cls, parent: QWidget, suggested: str) -> tuple[Path, ExportFormat] | None:
        dialog = cls(parent, suggested)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.chosen() if accepted else None
        finally:
            dialog.deleteLater()
