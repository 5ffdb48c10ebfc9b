"""Syntax colours for JSON text: object keys, strings, numbers and literals, line by line.

JSON strings cannot hold a raw line break, so each line is coloured on its own.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from ..style.tones import Tones

__all__ = ["JsonHighlighter"]

_TOKEN = re.compile(
    r'(?P<string>"(?:[^"\\]|\\.)*"?)(?P<colon>\s*:)?'
    r"|(?P<number>-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)"
    r"|(?P<literal>\btrue\b|\bfalse\b|\bnull\b)"
)


def _format(color: QColor) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(color)
    return fmt


class JsonHighlighter(QSyntaxHighlighter):
    """Colours JSON; object keys take an accent (the segment's colour)."""

    def __init__(self, document: QTextDocument, tones: Tones, accent: QColor) -> None:
        super().__init__(document)
        self._key = _format(accent)
        self._string = _format(tones.signature)
        self._number = _format(tones.warn)
        self._literal = _format(tones.info)

    def set_colours(self, tones: Tones, accent: QColor) -> None:
        self._key = _format(accent)
        self._string = _format(tones.signature)
        self._number = _format(tones.warn)
        self._literal = _format(tones.info)
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        for match in _TOKEN.finditer(text):
            if match.group("string") is not None:
                fmt = self._key if match.group("colon") else self._string
                self.setFormat(match.start("string"), len(match.group("string")), fmt)
            elif match.group("number") is not None:
                self.setFormat(match.start(), len(match.group()), self._number)
            else:
                self.setFormat(match.start(), len(match.group()), self._literal)
