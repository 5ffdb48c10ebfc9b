"""A plain-text editor for JSON: monospace, syntax coloured, Tab moves focus.

Text set by the window (``show_text``) never emits ``textChanged``, so an editor that follows
another one never echoes back. Very large documents are shown as a read-only preview: nobody
edits a 20 KB claim by hand, and laying out such text would stall the window.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, QSize
from PySide6.QtGui import QColor, QFontDatabase, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from ..style.tones import Tones
from .json_highlighter import JsonHighlighter

__all__ = ["JsonEdit"]

LARGE_TEXT = 20_000
"""Longer text is shown as a read-only preview: laying out a long line costs Qt a lot."""
PREVIEW_CHARS = 4_000


class JsonEdit(QPlainTextEdit):
    """A JSON editor; ``show_text`` replaces its text without emitting a change."""

    def __init__(
        self,
        tones: Tones,
        accent: QColor,
        *,
        lines: int = 6,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._lines = lines
        self._preview = False
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setTabChangesFocus(True)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setTabStopDistance(self.fontMetrics().horizontalAdvance(" ") * 2)
        self._highlighter = JsonHighlighter(self.document(), tones, accent)

    def set_colours(self, tones: Tones, accent: QColor) -> None:
        """Colour the text anew. No ``textChanged``: ``rehighlight()`` marks the text changed,
        and a form that took that for an edit would re-sign a pasted token on a palette change."""
        with QSignalBlocker(self):
            self._highlighter.set_colours(tones, accent)

    @property
    def is_preview(self) -> bool:
        """Whether the editor shows a shortened, read-only view of a very large text."""
        return self._preview

    def show_text(self, text: str) -> None:
        """Replace the text (no ``textChanged``); a very large text becomes a preview."""
        preview = len(text) > LARGE_TEXT
        if preview:
            text = (
                text[:PREVIEW_CHARS]
                + f"\n… ({len(text) - PREVIEW_CHARS:,} more characters: too large to edit here)"
            )
        if text == self.toPlainText() and preview == self._preview:
            return
        with QSignalBlocker(self):
            self.setPlainText(text)
        self._preview = preview
        self.setReadOnly(preview)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        line = self.fontMetrics().lineSpacing()
        margins = self.contentsMargins()
        height = line * self._lines + margins.top() + margins.bottom() + 8
        return QSize(hint.width(), height)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        line = self.fontMetrics().lineSpacing()
        return QSize(hint.width(), line * min(self._lines, 2) + 12)
