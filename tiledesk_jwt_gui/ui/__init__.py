"""The Qt face: widgets that show what the core says about a token. No token logic lives here.

``InspectorWindow`` is the main window; ``tiledesk_jwt_gui.app`` sets up the application.
"""

from __future__ import annotations

from .pyside_guard import guard_none_refcount

guard_none_refcount()

from .main_window import InspectorWindow  # noqa: E402 - after the guard, before any widget

__all__ = ["InspectorWindow"]
