"""Which way the window works, in plain words, with the one button that changes it, and a
warning when the token shown is out of date. The words come from the caller."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..style.tones import Tones, set_text_colour

__all__ = ["ModeBar"]


class ModeBar(QFrame):
    """``switchRequested`` asks for the other mode."""

    switchRequested = Signal()

    def __init__(self, tones: Tones, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modeBar")
        self._tones = tones
        self.label = QLabel(self)
        self.label.setObjectName("modeLabel")
        self.label.setAccessibleName("Mode")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setMinimumHeight(self.label.fontMetrics().lineSpacing() * 2)
        self.button = QPushButton(self)
        self.button.setObjectName("modeButton")
        self.button.clicked.connect(self._on_clicked)
        self.stale_label = QLabel(self)
        self.stale_label.setObjectName("staleLabel")
        self.stale_label.setAccessibleName("Token out of date")
        self.stale_label.setWordWrap(True)
        self.stale_label.setTextFormat(Qt.TextFormat.PlainText)
        policy = self.stale_label.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # nothing below moves when it comes or goes
        policy.setVerticalPolicy(QSizePolicy.Policy.Fixed)
        self.stale_label.setSizePolicy(policy)
        self.stale_label.setFixedHeight(self.stale_label.fontMetrics().lineSpacing() * 2)
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

    def set_tones(self, tones: Tones) -> None:
        self._tones = tones
        set_text_colour(self.stale_label, tones.warn)

    def show_mode(self, words: str, button: str, stale: str | None, *, can_switch: bool) -> None:
        """``words`` say the mode, ``button`` what the button does; ``stale`` why the token is
        out of date (``None``: it is not)."""
        self.label.setText(words)
        self.button.setText(button)
        self.button.setAccessibleName(button)
        self.button.setEnabled(can_switch)
        text = (
            f"⚠ The token above is out of date (not copied until fixed): {stale}." if stale else ""
        )
        self.stale_label.setText(text)
        self.stale_label.setToolTip(text)
        self.stale_label.setVisible(bool(stale))
        self.set_tones(self._tones)

    @Slot()
    def _on_clicked(self) -> None:
        self.switchRequested.emit()
