"""The mouse wheel never edits a field that does not have focus.

Spin boxes, combo boxes and date editors take wheel events by default: scrolling the claims
form with the pointer over the ``iat`` date, the ``sub`` box or the Algorithm box changed the
claim, and so re-signed the token under inspection. ``guard_wheel`` makes such a field take
focus by click or Tab only, and hand the wheel to the scroll area around it (or to nobody)
unless it has focus. The guard hands it on itself: Qt passes an ignored wheel event up to the
parent only for events from the platform, and the form must scroll the same for all of them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

__all__ = ["WheelGuard", "guard_wheel"]


class WheelGuard(QObject):
    """An event filter: a wheel event over a field without focus goes to its parent."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(event, QWheelEvent)
            and isinstance(watched, QWidget)
            and not watched.hasFocus()
        ):
            area = _scroll_area_around(watched)
            if area is not None:
                viewport = area.viewport()
                at = QPointF(watched.mapTo(viewport, event.position().toPoint()))
                moved = QWheelEvent(
                    at,
                    event.globalPosition(),
                    event.pixelDelta(),
                    event.angleDelta(),
                    event.buttons(),
                    event.modifiers(),
                    event.phase(),
                    event.inverted(),
                )
                QCoreApplication.sendEvent(viewport, moved)
            event.accept()
            return True
        return super().eventFilter(watched, event)


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


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
