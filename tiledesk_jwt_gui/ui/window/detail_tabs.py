"""The tabs beside the token: the claims form, the raw JSON and the widget's sign-in, in that
order (Ctrl+1 to Ctrl+3); the feature tabs (Code, Project book, QA cases) are added after them
by their own window parts."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from ..document.document import InspectorDocument
from ..panes.claims_form import ClaimsForm
from ..panes.json_page import JsonPage
from ..panes.signin_page import SigninPage
from ..style.tones import Tones

__all__ = ["DetailTabs"]


class DetailTabs(QTabWidget):
    """The tab widget and its first three panes."""

    def __init__(self, document: InspectorDocument, tones: Tones, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("detailTabs")
        self.setAccessibleName("Details")
        self.setDocumentMode(True)
        self.claims_form = ClaimsForm(document, tones, parent)
        self.json_page = JsonPage(document, tones, parent)
        self.signin_page = SigninPage(document, tones, parent)
        self.addTab(self.claims_form, "&Claims")
        self.addTab(self.json_page, "&Raw JSON")
        self.addTab(self.signin_page, "Sign-&in")

    def set_tones(self, tones: Tones) -> None:
        """Colour the three panes."""
        for pane in (self.claims_form, self.json_page, self.signin_page):
            pane.set_tones(tones)
