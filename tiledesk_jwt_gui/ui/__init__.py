"""The Qt face: one document (``document``) viewed by panes (``panes``) made of leaf widgets
(``widgets``), in a frame (``window``), styled by ``style``. No token logic lives here.

``InspectorWindow`` is the main window; ``tiledesk_jwt_gui.app`` sets up the application.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..pyside_sources import enter_package_sources

enter_package_sources()  # first: it spares PySide6 reading the sources of what follows

from .pyside_guard import guard_none_refcount  # noqa: E402

guard_none_refcount()

if TYPE_CHECKING:
    from .window.main_window import InspectorWindow

__all__ = ["InspectorWindow"]


def __getattr__(name: str) -> object:
    # The window (and QtWidgets) load only when asked for: the document imports QtCore alone.
    if name == "InspectorWindow":
        from .window.main_window import InspectorWindow  # noqa: PLC0415

        return InspectorWindow
    raise AttributeError(name)
