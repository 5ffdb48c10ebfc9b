"""The Qt face: one document (``document``) viewed by panes (``panes``) made of leaf widgets
(``widgets``), in a frame (``window``), styled by ``style``. No token logic lives here.

``InspectorWindow`` is the main window; ``tiledesk_jwt_gui.app`` sets up the application.
"""

from __future__ import annotations

from .pyside_guard import guard_none_refcount

guard_none_refcount()

from .window.main_window import InspectorWindow  # noqa: E402 - after the guard, before any widget

__all__ = ["InspectorWindow"]
