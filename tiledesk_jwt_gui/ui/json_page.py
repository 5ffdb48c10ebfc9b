"""The "Raw JSON" tab: the header and the payload as JSON editors, each with its inline errors.
The window connects to the editors and decides what an edit means."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from .claim_error_label import ClaimErrorLabel
from .json_edit import JsonEdit
from .section_label import section_label
from .tones import Tones, set_text_colour

__all__ = ["JsonPage"]


class JsonPage(QWidget):
    def __init__(self, tones: Tones, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("jsonPage")
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

    def set_tones(self, tones: Tones) -> None:
        self.header_edit.set_colours(tones, tones.header)
        self.payload_edit.set_colours(tones, tones.payload)
        self.header_error.set_tones(tones)
        self.payload_error.set_tones(tones)
        set_text_colour(self.header_title, tones.header)
        set_text_colour(self.payload_title, tones.payload)
