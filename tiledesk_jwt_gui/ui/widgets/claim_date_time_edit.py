"""A date-time editor for a NumericDate claim, in local time, whose lowest value reads "none"
(the claim is absent). It is one Tab stop (Tab leaves it instead of walking its sections), and
the mouse wheel changes it only when it has focus."""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, QSignalBlocker, QTime
from PySide6.QtWidgets import QDateTimeEdit, QWidget

from .wheel_guard import guard_wheel

__all__ = ["ClaimDateTimeEdit"]

FIRST_SECOND = 1
LAST_SECOND = 253_402_300_799  # 9999-12-31T23:59:59Z


class ClaimDateTimeEdit(QDateTimeEdit):
    """``seconds()`` is ``None`` at the special value "none"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        self.setCalendarPopup(True)
        self.setMinimumDateTime(QDateTime.fromSecsSinceEpoch(0))
        self.setMaximumDateTime(QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59)))
        self.setSpecialValueText("none")
        self.setDateTime(self.minimumDateTime())
        guard_wheel(self)

    def focusNextPrevChild(self, next: bool) -> bool:
        # QDateTimeEdit moves between its sections on Tab; a form moves between fields.
        return QWidget.focusNextPrevChild(self, next)

    def seconds(self) -> int | None:
        """Unix seconds shown, or ``None`` for "none"."""
        if self.dateTime() <= self.minimumDateTime():
            return None
        return self.dateTime().toSecsSinceEpoch()

    @staticmethod
    def can_show(seconds: float) -> bool:
        return FIRST_SECOND <= seconds <= LAST_SECOND

    def set_seconds(self, seconds: float | None) -> None:
        """Show ``seconds`` (whole seconds; ``None`` or out of range: "none"); no signal."""
        with QSignalBlocker(self):
            if seconds is None or not self.can_show(seconds):
                self.setDateTime(self.minimumDateTime())
            else:
                self.setDateTime(QDateTime.fromSecsSinceEpoch(int(seconds)))
