"""The mouse wheel never edits a field that does not have focus.

Spin boxes, combo boxes and date editors take wheel events by default: scrolling the claims
form with the pointer over the ``iat`` date, the ``sub`` box or the Algorithm box changed the
claim, and so re-signed the token under inspection. ``guard_wheel`` makes such a field take
focus by click or Tab only, and pass the wheel to the scroll area around it unless it has focus.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QWidget

__all__ = ["WheelGuard", "guard_wheel"]


class WheelGuard(QObject):
    """An event filter: a wheel event over a field without focus goes to its parent."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(watched, QWidget)
            and not watched.hasFocus()
        ):
            event.ignore()  # Qt then offers it to the parent: the scroll area scrolls
            return True
        return super().eventFilter(watched, event)


def guard_wheel(*widgets: QWidget) -> None:
    """Guard ``widgets`` (and the parts Qt builds inside them, such as a combo's line edit)."""
    for widget in widgets:
        guard = widget.findChild(WheelGuard, "wheelGuard")
        if guard is None:
            guard = WheelGuard(widget)
            guard.setObjectName("wheelGuard")
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(guard)
        for part in widget.findChildren(QWidget):
            part.installEventFilter(guard)
