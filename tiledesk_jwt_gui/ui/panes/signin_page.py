"""The "Sign-in" tab: the calls chat21-web-widget makes to sign a visitor in, as the core
models them against tiledesk-server 2.19.16, one row each, and the line that sums them up.
It only shows the verdict's ``flow``; every answer is decided in the core."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...core import flow_detail
from ..document import InspectorDocument
from ..style.plain import plain_label
from ..style.tones import Tones, set_text_colour
from ..widgets.call_list import CallList
from ..widgets.section_label import section_label

__all__ = ["NO_FLOW", "SigninPage"]

NO_FLOW = "No sign-in to show: the widget's calls are modelled when judging as the Tiledesk server."
_TITLE = "The widget's calls, in order"


class SigninPage(QWidget):
    def __init__(
        self, document: InspectorDocument, tones: Tones, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signinPage")
        self.document = document
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 8, 8, 8)
        column.setSpacing(6)
        self.title = section_label(_TITLE, self)
        self.title.setObjectName("signinTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(self.title)
        self.call_list = CallList(tones, self)
        self.call_list.setObjectName("signinCalls")
        self.call_list.setAccessibleName("The widget's sign-in calls and the server's answers")
        self.title.setBuddy(self.call_list)
        column.addWidget(self.call_list, 1)
        self.summary_label = plain_label(self)
        self.summary_label.setObjectName("signinSummary")
        self.summary_label.setAccessibleName("What the sign-in adds up to")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.summary_label)
        self.note_label: QLabel = plain_label(
            self,
            "POST /auth/signinWithCustomToken signs the visitor in; "
            "POST /chat21/native/auth/createCustomToken gives the chat connection; "
            "the project call loads the visitor's conversations. "
            "The widget stops at the first call that fails.",
        )
        self.note_label.setObjectName("signinNote")
        self.note_label.setWordWrap(True)
        column.addWidget(self.note_label)
        set_text_colour(self.note_label, tones.muted)
        document.verdictChanged.connect(self._on_verdict)

    def set_tones(self, tones: Tones) -> None:
        self.call_list.set_tones(tones)
        set_text_colour(self.note_label, tones.muted)

    def show_current(self) -> None:
        """Show the verdict as it is now (for a page built after it was judged)."""
        self._on_verdict()

    @Slot()
    def _on_verdict(self) -> None:
        verdict = self.document.verdict
        if verdict is None:
            return
        flow = verdict.flow
        if flow is None:
            self.title.setText(_TITLE)
            self.call_list.show_calls((), NO_FLOW)
            self.summary_label.setText("")
            return
        assumed = " (if the signature is right)" if flow.assumed_signature else ""
        self.title.setText(_TITLE + assumed)
        self.call_list.show_calls(flow.calls)
        self.summary_label.setText(flow_detail(flow) or "")
