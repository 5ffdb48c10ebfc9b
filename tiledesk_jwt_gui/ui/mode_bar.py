"""Which way the window works: checking a pasted token as it is, or composing one from the form
(re-signed on every edit). A button switches; a warning says when the token is out of date."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .session import Direction
from .tones import Tones, set_text_colour

__all__ = ["ModeBar"]

_TEXT = {
    Direction.DECODE: "✔ Checking this token as pasted. Edit the form to compose a new one.",
    Direction.COMPOSE: "✎ Composing: every edit re-signs the token.",
}
_BUTTON = {
    Direction.DECODE: "Re-sign this token with my secret",
    Direction.COMPOSE: "Keep this token, stop re-signing",
}


class ModeBar(QFrame):
    """``switchRequested`` asks the window to change direction."""

    switchRequested = Signal()

    def __init__(self, tones: Tones, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modeBar")
        self._tones = tones
        self.label = QLabel(self)
        self.label.setObjectName("modeLabel")
        self.label.setAccessibleName("Mode")
        self.label.setWordWrap(True)
        self.label.setMinimumHeight(self.label.fontMetrics().lineSpacing() * 2)
        self.button = QPushButton(self)
        self.button.setObjectName("modeButton")
        self.button.clicked.connect(self._on_clicked)
        self.stale_label = QLabel(self)
        self.stale_label.setObjectName("staleLabel")
        self.stale_label.setAccessibleName("Token out of date")
        self.stale_label.setWordWrap(True)
        self.stale_label.setTextFormat(Qt.TextFormat.PlainText)
        self.stale_label.hide()
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.label, 1)
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        column.addLayout(row)
        column.addWidget(self.stale_label)
        self.direction = Direction.COMPOSE

    def set_tones(self, tones: Tones) -> None:
        self._tones = tones
        set_text_colour(self.stale_label, tones.warn)

    def show_mode(self, direction: Direction, stale: str | None, *, can_switch: bool) -> None:
        self.direction = direction
        self.label.setText(_TEXT[direction])
        self.button.setText(_BUTTON[direction])
        self.button.setAccessibleName(_BUTTON[direction])
        self.button.setEnabled(can_switch)
        if stale:
            self.stale_label.setText(
                f"⚠ The token below is out of date (not copied until fixed): {stale}."
            )
        self.stale_label.setVisible(bool(stale))
        self.set_tones(self._tones)

    @Slot()
    def _on_clicked(self) -> None:
        self.switchRequested.emit()
