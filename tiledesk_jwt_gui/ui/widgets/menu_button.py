"""A tool button that opens its menu at once and leaves room for the menu's arrow, which the
style otherwise draws over the end of the text ("Presets", "Edge cases")."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QToolButton, QWidget

__all__ = ["MenuButton"]


class MenuButton(QToolButton):
    """``QToolButton`` in instant-popup mode, as wide as its text plus the arrow."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(text)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        wanted = metrics.horizontalAdvance(self.text()) + 2 * metrics.height()
        return QSize(max(hint.width(), wanted), hint.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()
