"""The bold heading over a part of the window."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

__all__ = ["section_label"]


def section_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label
