"""The token pane: monospace, wrapping anywhere, the header, payload and signature coloured as
jwt.io does, a segment the core finds fault with underlined, its messages as a tooltip.

Colours are extra selections, painted over the visible lines only: colouring a large token costs
no relayout. The text is never changed by colouring; text the window sets (``set_text_quietly``)
emits no ``textChanged``.

A token longer than ``preview_over`` characters (pasted, dropped or composed) is not laid out:
Qt takes a good fraction of a second to wrap one megabyte-long line. The pane keeps the whole
text (``token_text``) and shows a read-only preview of its start; pasting, dropping, Delete or
``clear_token`` leave the preview. Colours are then painted over the preview only.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QMimeData, QSignalBlocker, QSize, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFontDatabase,
    QGuiApplication,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from ...core import Verdict, segment_faults
from ..style.plain import plain_tip
from ..style.tones import Tones, mix

__all__ = ["PREVIEW_CHARS", "PREVIEW_OVER_CHARS", "TokenEdit"]

PREVIEW_OVER_CHARS = 64 * 1024
"""Longer tokens are shown as a read-only preview (laying out 64 KiB takes Qt about 15 ms)."""
PREVIEW_CHARS = 16 * 1024
"""How much of a long token the preview shows."""

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_SEGMENT_TITLES = {
    "header": "Header",
    "payload": "Payload",
    "signature": "Signature",
    "extra": "Extra part",
}


def _spliced(text: str, start: int, end: int, insert: str) -> str:
    """``text`` with the UTF-16 range ``start``-``end`` (Qt's positions) replaced by ``insert``."""
    if not _ASTRAL.search(text):
        return text[:start] + insert + text[end:]
    units = text.encode("utf-16-le", "surrogatepass")
    return (
        units[: 2 * start].decode("utf-16-le", "surrogatepass")
        + insert
        + units[2 * end :].decode("utf-16-le", "surrogatepass")
    )


def _utf16_positions(text: str) -> list[int] | None:
    """Qt counts positions in UTF-16 units; Python in code points. ``None``: they agree."""
    if not _ASTRAL.search(text):
        return None
    positions = [0]
    for char in text:
        positions.append(positions[-1] + (2 if ord(char) > 0xFFFF else 1))
    return positions


class TokenEdit(QPlainTextEdit):
    """The encoded token, coloured by segment. ``previewChanged`` fires when a preview starts,
    ends or shows another token; ``pasteRefused`` says in words why a paste or drop brought
    nothing; ``fileDropped`` gives the path of a local file dropped here, for the owner to find
    the token in (a HAR, a log: the document reads it, bounded, off the GUI thread if large)."""

    previewChanged = Signal()
    pasteRefused = Signal(str)
    fileDropped = Signal(str)

    def __init__(
        self,
        tones: Tones,
        parent: QWidget | None = None,
        *,
        preview_over: int = PREVIEW_OVER_CHARS,
        preview_chars: int = PREVIEW_CHARS,
    ) -> None:
        super().__init__(parent)
        self._tones = tones
        self._tips: list[tuple[int, int, str]] = []
        self._preview_over = preview_over
        self._preview_chars = min(preview_chars, preview_over)
        self._full: str | None = None
        """The whole token while a preview is shown; ``None`` when the text shown is all."""
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

    # --- the text and its preview ------------------------------------------------------------

    def token_text(self) -> str:
        """The whole token, also when only a preview of it is shown."""
        return self._full if self._full is not None else self.toPlainText()

    @property
    def is_preview(self) -> bool:
        """Whether a read-only preview of a long token is shown instead of the token."""
        return self._full is not None

    @property
    def shown_chars(self) -> int:
        """How many characters of the token are shown (all of them unless previewing)."""
        if self._full is None:
            return len(self.toPlainText())
        return min(len(self._full), self._preview_chars)

    def set_text_quietly(self, text: str) -> None:
        """Show ``text`` without emitting ``textChanged`` (the window composed it)."""
        if text == self.token_text():
            return
        previewing = self._full is not None
        with QSignalBlocker(self):
            self._show(text)
        if previewing or self._full is not None:
            self.previewChanged.emit()

    def replace_token(self, text: str) -> None:
        """Replace the whole token as a person would (one ``textChanged``): a long one becomes a
        preview; a short one is inserted as an undoable edit."""
        previewing = self._full is not None
        if previewing or len(text) > self._preview_over:
            self._show(text)  # no undo into or out of a preview
            if (
                self._full is None
            ):  # after a paste, the cursor follows it; a preview shows its start
                self.moveCursor(QTextCursor.MoveOperation.End)
        else:
            cursor = self.textCursor()
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(text)
            self.setTextCursor(cursor)
        if previewing or self._full is not None:
            self.previewChanged.emit()

    def setPlainText(self, text: str) -> None:
        """Show ``text`` as it is, as the whole token (a preview, if one was shown, ends)."""
        previewing = self._full is not None
        self._full = None
        self.setReadOnly(False)
        super().setPlainText(text)
        if previewing:
            self.previewChanged.emit()

    def clear(self) -> None:
        self.setPlainText("")

    def clear_token(self) -> None:
        """Empty the pane, ending a preview if one is shown (one ``textChanged``)."""
        self.replace_token("")

    def _show(self, text: str) -> None:
        """Set ``text``, or a preview of it when it is long (``textChanged`` once)."""
        if len(text) <= self._preview_over:
            self._full = None
            self.setReadOnly(False)
            super().setPlainText(text)
            return
        shown = text[: self._preview_chars]
        self._full = text
        self.setReadOnly(True)
        self._tips = []
        self.setExtraSelections([])
        super().setPlainText(f"{shown}\n\n… {len(text) - len(shown):,} more characters, not shown")

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
        shown = self.shown_chars
        text = inspection.original[:shown]
        tones = self._tones
        colours = self.segment_colours()
        if stale:
            colours = {name: mix(colour, tones.base, 0.45) for name, colour in colours.items()}
        positions = _utf16_positions(text)

        def at(index: int) -> int:
            index = min(index, shown)
            return positions[index] if positions is not None else index

        faults = segment_faults(verdict)
        selections: list[QTextEdit.ExtraSelection] = []
        tips: list[tuple[int, int, str]] = []

        def add(start: int, end: int, fmt: QTextCharFormat) -> None:
            if min(end, shown) <= start:
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
        if self._full is not None:  # the "… more characters" line after the preview
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(at(shown))
            cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = outside
            selections.append(selection)
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
            if segment.span.start >= shown:
                continue
            title = _SEGMENT_TITLES.get(segment.name, segment.name)
            tip = "\n".join([title, *(f"• {message}" for message in messages)])
            tips.append((at(segment.span.start), at(segment.span.end), tip))
        self._tips = tips
        self.setExtraSelections(selections)

    def clear_colours(self) -> None:
        self._tips = []
        self.setExtraSelections([])

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
                QToolTip.showText(event.globalPos(), plain_tip(tip), self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasUrls() or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        """A dropped local file goes to ``fileDropped`` (its token then replaces the token, as a
        paste over everything would; nothing is ever fetched); text is inserted as plain text,
        a long result as a preview; anything else (an image, bytes) is refused in words."""
        local = [url.toLocalFile() for url in source.urls() if url.isLocalFile()]
        if local:
            self.fileDropped.emit(local[0])
            return
        if source.hasText():  # also a link dragged in: its text, never what it points to
            self.insert_text(source.text())
            return
        formats = ", ".join(source.formats()[:3]) or "nothing"
        self.pasteRefused.emit(f"Nothing pasted: the clipboard holds no text ({formats})")

    def insert_text(self, text: str) -> None:
        """Insert ``text`` where a paste goes. Into a preview, or when the result would be
        long, it replaces the whole token (nobody edits inside a megabyte)."""
        if self._full is not None:
            self.replace_token(text)
            return
        if len(text) + self.document().characterCount() > self._preview_over:
            cursor = self.textCursor()
            start, end = cursor.selectionStart(), cursor.selectionEnd()
            self.replace_token(_spliced(self.toPlainText(), start, end, text))
            return
        self.insertPlainText(text)

    # A preview is read-only, yet a paste, a drop or Delete replaces it.

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._full is not None:
            if event.matches(QKeySequence.StandardKey.Paste):
                mime = QGuiApplication.clipboard().mimeData()
                if mime is not None:
                    self.insertFromMimeData(mime)
                event.accept()
                return
            if event.matches(QKeySequence.StandardKey.Delete) or event.matches(
                QKeySequence.StandardKey.Backspace
            ):
                self.clear_token()
                event.accept()
                return
        super().keyPressEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._full is not None and self.canInsertFromMimeData(event.mimeData()):
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._full is not None and self.canInsertFromMimeData(event.mimeData()):
            event.acceptProposedAction()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if self._full is not None or any(u.isLocalFile() for u in event.mimeData().urls()):
            self.insertFromMimeData(event.mimeData())
            event.acceptProposedAction()
            return
        super().dropEvent(event)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self.fontMetrics().lineSpacing() * 8 + 12)
