"""The token pane: monospace, wrapping anywhere, the header, payload and signature coloured as
jwt.io does, a segment the core finds fault with underlined, its messages as a tooltip.

Colours are extra selections, painted over the visible lines only: colouring a large token costs
no relayout. The text is never changed by colouring; text the window sets (``set_text_quietly``)
emits no ``textChanged``.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QSignalBlocker, QSize
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QHelpEvent,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from ..core import MAX_TOKEN_CHARS, Part, Severity, SignatureStatus, Verdict
from .tones import Tones, mix

__all__ = ["TokenEdit"]

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_SEGMENT_TITLES = {
    "header": "Header",
    "payload": "Payload",
    "signature": "Signature",
    "extra": "Extra part",
}
_SEGMENT_PARTS = {"header": Part.HEADER, "payload": Part.PAYLOAD, "signature": Part.SIGNATURE}


def _utf16_positions(text: str) -> list[int] | None:
    """Qt counts positions in UTF-16 units; Python in code points. ``None``: they agree."""
    if not _ASTRAL.search(text):
        return None
    positions = [0]
    for char in text:
        positions.append(positions[-1] + (2 if ord(char) > 0xFFFF else 1))
    return positions


class TokenEdit(QPlainTextEdit):
    """The encoded token, coloured by segment."""

    def __init__(self, tones: Tones, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tones = tones
        self._tips: list[tuple[int, int, str]] = []
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        self.setTabChangesFocus(True)
        self.setPlaceholderText(
            "Paste a token here (eyJ…). A 'JWT ' or 'Bearer ' prefix, quotes and spaces "
            "around it are fine."
        )

    def set_tones(self, tones: Tones) -> None:
        self._tones = tones

    def set_text_quietly(self, text: str) -> None:
        """Show ``text`` without emitting ``textChanged`` (the window composed it)."""
        if text == self.toPlainText():
            return
        with QSignalBlocker(self):
            self.setPlainText(text)

    def segment_colours(self) -> dict[str, QColor]:
        """The colour of each segment name (tests compare them against the background)."""
        tones = self._tones
        return {
            "header": tones.header,
            "payload": tones.payload,
            "signature": tones.signature,
            "extra": tones.bad,
        }

    def show_verdict(self, verdict: Verdict, *, stale: bool = False) -> None:
        """Colour the segments of ``verdict``'s token, which must be the text shown."""
        inspection = verdict.inspection
        text = inspection.original
        tones = self._tones
        colours = self.segment_colours()
        if stale:
            colours = {name: mix(colour, tones.base, 0.45) for name, colour in colours.items()}
        positions = _utf16_positions(text)

        def at(index: int) -> int:
            return positions[index] if positions is not None else index

        faults = self._faults(verdict)
        selections: list[QTextEdit.ExtraSelection] = []
        tips: list[tuple[int, int, str]] = []

        def add(start: int, end: int, fmt: QTextCharFormat) -> None:
            if end <= start:
                return
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(at(start))
            cursor.setPosition(at(end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)

        outside = QTextCharFormat()
        outside.setForeground(tones.muted)
        span = inspection.token_span
        add(0, span.start, outside)
        add(span.end, len(text), outside)
        dots = QTextCharFormat()
        dots.setForeground(tones.muted)
        previous_end: int | None = None
        for segment in inspection.segments:
            if previous_end is not None:
                add(previous_end, segment.span.start, dots)
            previous_end = segment.span.end
            fmt = QTextCharFormat()
            fmt.setForeground(colours.get(segment.name, tones.text))
            messages = faults.get(segment.name, [])
            if messages:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
                fmt.setUnderlineColor(tones.bad)
            add(segment.span.start, segment.span.end, fmt)
            title = _SEGMENT_TITLES.get(segment.name, segment.name)
            tip = "\n".join([title, *(f"• {message}" for message in messages)])
            tips.append((at(segment.span.start), at(segment.span.end), tip))
        self._tips = tips
        self.setExtraSelections(selections)

    def clear_colours(self) -> None:
        self._tips = []
        self.setExtraSelections([])

    @staticmethod
    def _faults(verdict: Verdict) -> dict[str, list[str]]:
        """The messages to underline each segment with: the structural problems of its part,
        and a signature that does not verify."""
        inspection = verdict.inspection
        faults: dict[str, list[str]] = {}
        names = {part: name for name, part in _SEGMENT_PARTS.items()}
        for issue in inspection.issues:
            if issue.severity is Severity.INFO:
                continue
            if issue.part in names:
                faults.setdefault(names[issue.part], []).append(issue.message)
            elif issue.part is Part.TOKEN:
                target = "extra" if inspection.segment("extra") else "payload"
                faults.setdefault(target, []).append(issue.message)
        if verdict.signature.status in (SignatureStatus.INVALID, SignatureStatus.UNSIGNED) and (
            inspection.is_jws
        ):
            faults.setdefault("signature", []).append(verdict.signature.summary)
        return faults

    def segment_tip(self, position: int) -> str | None:
        """The tooltip for the character at document ``position``."""
        for start, end, tip in self._tips:
            if start <= position < end:
                return tip
        return None

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.segment_tip(self.cursorForPosition(event.pos()).position())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasUrls() or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Text is inserted as plain text; a dropped small text file inserts its content."""
        if source.hasUrls() and not source.hasText():
            for url in source.urls():
                if not url.isLocalFile():
                    continue
                path = Path(url.toLocalFile())
                try:
                    if path.stat().st_size > MAX_TOKEN_CHARS * 4:
                        continue
                    content = path.read_bytes().decode("utf-8", "replace")
                except OSError:
                    continue
                self.insertPlainText(content)
                return
            return
        self.insertPlainText(source.text())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self.fontMetrics().lineSpacing() * 8 + 12)
