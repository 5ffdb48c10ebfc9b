"""The bar under the token pane while it shows a preview of a long token: how long the token is,
how much is shown, what Copy does, and a Clear button back to editing."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ...core import MAX_TOKEN_CHARS
from ..style.tones import Tones

__all__ = ["TokenPreviewBar", "size_in_words"]


def size_in_words(chars: int) -> str:
    """A character count as people say sizes: "980 B", "66 KB", "1.0 MB" (decimal units)."""
    if chars < 1000:
        return f"{chars} B"
    if chars < 999_500:
        return f"{chars / 1000:.0f} KB"
    return f"{chars / 1_000_000:.1f} MB"


class TokenPreviewBar(QFrame):
    """Hidden until ``show_preview``; ``clearRequested`` asks the window to empty the pane."""

    clearRequested = Signal()

    def __init__(self, tones: Tones, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tokenPreviewBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.label = QLabel(self)
        self.label.setObjectName("tokenPreviewLabel")
        self.label.setAccessibleName("Long token shown in part")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.clear_button = QPushButton("Clear", self)
        self.clear_button.setObjectName("tokenClearButton")
        self.clear_button.setAccessibleName("Clear the token")
        self.clear_button.setToolTip(
            "Empty the token pane to type or paste another token (Delete does the same)"
        )
        self.clear_button.clicked.connect(self._on_clear)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 4, 4)
        row.setSpacing(8)
        row.addWidget(self.label, 1)
        row.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.set_tones(tones)
        self.hide()

    def set_tones(self, tones: Tones) -> None:
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, tones.info_fill)
        palette.setColor(QPalette.ColorRole.WindowText, tones.info_text)
        self.setPalette(palette)

    def show_preview(self, total_chars: int, shown_chars: int) -> None:
        """Say that ``shown_chars`` of a ``total_chars``-long token are shown."""
        size, shown = size_in_words(total_chars), size_in_words(shown_chars)
        if total_chars > MAX_TOKEN_CHARS:
            text = (
                f"{size} of text: over the 1 MiB limit, so not checked. Showing the first "
                f"{shown}, read-only."
            )
        else:
            text = (
                f"{size} token: showing the first {shown}, read-only. Copy token copies all "
                "of it; Clear or paste another to edit."
            )
        self.label.setText(text)
        self.label.setToolTip(f"{total_chars:,} characters in all; {shown_chars:,} shown.")
        self.show()

    @Slot()
    def _on_clear(self) -> None:
        self.clearRequested.emit()
