"""Saving the shareable report: choosing where (behind a classmethod, so that tests can answer),
and writing it readable by its owner only (it holds the claims: e-mail addresses, names)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

__all__ = ["SaveReportDialog", "write_report"]

MARKDOWN_FILTER = "Markdown (*.md)"
JSON_FILTER = "JSON (*.json)"


class SaveReportDialog:
    """``ask`` returns the chosen path and whether JSON was chosen, or ``None`` on cancel."""

    @classmethod
    def ask(cls, parent: QWidget) -> tuple[Path, bool] | None:
        path, chosen = QFileDialog.getSaveFileName(
            parent,
            "Save the report",
            "tiledesk-jwt-report.md",
            f"{MARKDOWN_FILTER};;{JSON_FILTER}",
        )
        if not path:
            return None
        as_json = chosen == JSON_FILTER or path.lower().endswith(".json")
        return Path(path), as_json


def write_report(path: Path, text: str) -> str | None:
    """Write ``text`` to ``path`` (created owner-only, or replaced); why not, in words."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
    except OSError as exc:
        return f"cannot write {path.name}: {exc.strerror or type(exc).__name__}"
    return None
