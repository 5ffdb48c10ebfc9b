"""The Qt face: one document (``document``) viewed by panes (``panes``) made of leaf widgets
(``widgets``), in a frame (``window``), styled by ``style``. No token logic lives here.

``InspectorWindow`` is the main window; ``tiledesk_jwt_gui.app`` sets up the application.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .pyside_guard import guard_none_refcount
from .source_scan import enter_package_sources

guard_none_refcount()
enter_package_sources()

if TYPE_CHECKING:
    from .window.main_window import InspectorWindow

__all__ = ["InspectorWindow"]


def __getattr__(name: str) -> object:
    # The window (and QtWidgets) load only when asked for: the document imports QtCore alone.
    if name == "InspectorWindow":
        from .window.main_window import InspectorWindow  # noqa: PLC0415

        return InspectorWindow
    raise AttributeError(name)
