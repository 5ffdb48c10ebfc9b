"""Going to the field a finding is about: the core says where each issue shows (``spot``);
this module knows which widget of the window that is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QWidget

from ...core import Issue, Place, spot

if TYPE_CHECKING:
    from .main_window import InspectorWindow

__all__ = ["focus_issue"]


def focus_issue(window: InspectorWindow, issue: Issue) -> QWidget:
    """Bring the field ``issue`` shows at (as the core decides) into view and focus it."""
    where = spot(issue)
    widget: QWidget
    if where.place is Place.PROJECT:
        widget = window.project_group.project_edit
    elif where.place is Place.KEY:
        return window.key_panel.focus_key()
    elif where.place is Place.HEADER_PARAM and where.name is not None:
        return window.header_fields.focus_param(where.name)
    elif where.place in (Place.CLAIM, Place.OTHER_CLAIMS) and where.name is not None:
        window.tabs.setCurrentWidget(window.claims_form)
        return window.claims_form.focus_claim(where.name)
    elif where.place in (Place.HEADER_JSON, Place.PAYLOAD_JSON):
        window.tabs.show_page(window.tabs.json_tab)
        page = window.tabs.json_page
        widget = page.header_edit if where.place is Place.HEADER_JSON else page.payload_edit
    else:
        widget = window.token_pane.token_edit
        _select_segment(window, "signature" if where.place is Place.SIGNATURE else None)
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    return widget


def _select_segment(window: InspectorWindow, name: str | None) -> None:
    verdict = window.document.verdict
    if verdict is None or name is None:
        return
    if len(verdict.inspection.original) > window.document.large_input_chars:
        return  # not shown in full, or too long to select in
    segment = verdict.inspection.segment(name)
    if segment is None or segment.span.end <= segment.span.start:
        return
    edit = window.token_pane.token_edit
    cursor = edit.textCursor()
    cursor.setPosition(segment.span.start)
    cursor.setPosition(segment.span.end, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
