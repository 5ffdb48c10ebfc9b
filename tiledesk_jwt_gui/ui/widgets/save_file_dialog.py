"""Choosing where to save a file, and writing it: the dialog sits behind a classmethod so that
tests can answer it; writing reports a failure in words instead of raising."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

__all__ = ["SaveFileDialog", "write_owner_only"]


class SaveFileDialog:
    """``ask`` returns the chosen path, or ``None`` when the person cancels."""

    @classmethod
    def ask(cls, parent: QWidget, title: str, suggested: str, filters: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return path or None


def write_owner_only(path: Path, text: str) -> str | None:
    """Write ``text`` (UTF-8) to ``path``, readable by its owner only (a page may carry a
    token, which signs a person in). ``None`` when written; else why not, as a sentence
    fragment ("cannot write page.html: Permission denied")."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        with contextlib.suppress(OSError):  # a file that existed keeps its mode otherwise
            os.chmod(path, 0o600)
    except OSError as exc:
        return f"cannot write {path.name}: {exc.strerror or exc}"
    return None
