"""The "Raw JSON" tab: the header and the payload as JSON editors, each with its inline errors.
An edit here is ``document.edit_header_json`` / ``edit_payload_json``; a checked token's parts
are shown as decoded, even when they are not JSON."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ...core import DecodedSegment, JSONValue, Mode, Place, Severity, issues_at
from ..document import Change, InspectorDocument
from ..style.json_text import TOO_DEEP, json_text
from ..style.tones import Tones, set_text_colour
from ..widgets.claim_error_label import ClaimErrorLabel
from ..widgets.json_edit import JsonEdit
from ..widgets.section_label import section_label

__all__ = ["JsonPage"]


def _pretty(value: JSONValue) -> str:
    return json_text(value, indent=2)


def _decoded_text(decoded: DecodedSegment | None) -> str:
    if decoded is None:
        return ""
    if decoded.is_json:
        pretty = _pretty(decoded.value)
        return decoded.text if pretty == TOO_DEEP else pretty
    return decoded.text


class JsonPage(QWidget):
    def __init__(
        self, document: InspectorDocument, tones: Tones, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("jsonPage")
        self.document = document
        self.header_title = section_label("Header", self)
        self.header_edit = JsonEdit(tones, tones.header, lines=4, parent=self)
        self.header_edit.setObjectName("headerEdit")
        self.header_edit.setAccessibleName("Header JSON")
        self.header_edit.setToolTip("The decoded header as JSON; edit it to compose a token.")
        self.header_title.setBuddy(self.header_edit)
        self.header_error = ClaimErrorLabel(tones, self)
        self.header_error.setObjectName("headerEditError")
        self.header_error.setAccessibleName("Problems with the header")
        self.payload_title = section_label("Payload", self)
        self.payload_edit = JsonEdit(tones, tones.payload, lines=12, parent=self)
        self.payload_edit.setObjectName("payloadEdit")
        self.payload_edit.setAccessibleName("Payload JSON")
        self.payload_edit.setToolTip(
            "The decoded payload (the claims) as JSON; edit it to compose a token."
        )
        self.payload_title.setBuddy(self.payload_edit)
        self.payload_error = ClaimErrorLabel(tones, self)
        self.payload_error.setObjectName("payloadEditError")
        self.payload_error.setAccessibleName("Problems with the payload")
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 8, 10, 8)
        column.setSpacing(4)
        column.addWidget(self.header_title)
        column.addWidget(self.header_edit, 1)
        column.addWidget(self.header_error)
        column.addWidget(self.payload_title)
        column.addWidget(self.payload_edit, 3)
        column.addWidget(self.payload_error)
        self.set_tones(tones)
        self.header_edit.textChanged.connect(self._on_header_edited)
        self.payload_edit.textChanged.connect(self._on_payload_edited)
        document.changed.connect(self._on_changed)
        document.verdictChanged.connect(self._show_errors)

    def set_tones(self, tones: Tones) -> None:
        self.header_edit.set_colours(tones, tones.header)
        self.payload_edit.set_colours(tones, tones.payload)
        self.header_error.set_tones(tones)
        self.payload_error.set_tones(tones)
        set_text_colour(self.header_title, tones.header)
        set_text_colour(self.payload_title, tones.payload)

    def show_current(self) -> None:
        """Show the document as it is now (for a page built after the document changed)."""
        self._on_changed(frozenset(Change), None)

    @Slot(object, object)
    def _on_changed(self, changes: frozenset[Change], origin: object) -> None:
        document = self.document
        draft = document.draft
        inspection = document.inspection if draft.mode is Mode.CHECKING else None
        if Change.HEADER in changes and origin is not self:
            text = _decoded_text(inspection.header) if inspection else _pretty(dict(draft.header))
            self.header_edit.show_text(text)
        if Change.PAYLOAD in changes and origin is not self:
            text = _decoded_text(inspection.payload) if inspection else _pretty(draft.payload)
            self.payload_edit.show_text(text)
        if Change.PROBLEMS in changes:
            self._show_errors()

    @Slot()
    def _show_errors(self) -> None:
        verdict = self.document.verdict
        issues = verdict.issues if verdict is not None else ()
        for key, label, place in (
            ("header", self.header_error, Place.HEADER_JSON),
            ("payload", self.payload_error, Place.PAYLOAD_JSON),
        ):
            problem = self.document.problems.get(key)
            if problem:
                label.show_message("✖ " + problem, Severity.ERROR)
            else:
                label.show_issues(issues_at(issues, place), with_claim=True)

    @Slot()
    def _on_header_edited(self) -> None:
        self.document.edit_header_json(self.header_edit.toPlainText(), self)

    @Slot()
    def _on_payload_edited(self) -> None:
        self.document.edit_payload_json(self.payload_edit.toPlainText(), self)
