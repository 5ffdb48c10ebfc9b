"""The tabs beside the token: the claims form, the raw JSON and the widget's sign-in, in that
order (Ctrl+1 to Ctrl+3); the feature tabs (Code, Project book, QA cases) are added after them
by their own window parts. Only the claims form shows in the first frame: the other pages (and
their modules) are built when first shown or asked for (``LazyPage``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QTabWidget, QWidget

from ..document.document import InspectorDocument
from ..panes.claims_form import ClaimsForm
from ..style.tones import Tones
from ..widgets.lazy_page import LazyPage

if TYPE_CHECKING:
    from ..panes.json_page import JsonPage
    from ..panes.signin_page import SigninPage

__all__ = ["DetailTabs"]


class DetailTabs(QTabWidget):
    """The tab widget and its first three panes."""

    def __init__(self, document: InspectorDocument, tones: Tones, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("detailTabs")
        self.setAccessibleName("Details")
        self.setDocumentMode(True)
        self._document, self._tones = document, tones
        self.claims_form = ClaimsForm(document, tones, parent)
        self.json_tab: LazyPage[JsonPage] = LazyPage(self._json_page, self)
        self.json_tab.setObjectName("jsonTab")
        self.signin_tab: LazyPage[SigninPage] = LazyPage(self._signin_page, self)
        self.signin_tab.setObjectName("signinTab")
        self.addTab(self.claims_form, "&Claims")
        self.addTab(self.json_tab, "&Raw JSON")
        self.addTab(self.signin_tab, "Sign-&in")

    @property
    def tones(self) -> Tones:
        """The colours of the pages (a page built later takes them)."""
        return self._tones

    def _json_page(self, parent: QWidget) -> JsonPage:
        from ..panes.json_page import JsonPage  # noqa: PLC0415 (built on first use)

        page = JsonPage(self._document, self._tones, parent)
        page.show_current()
        return page

    def _signin_page(self, parent: QWidget) -> SigninPage:
        from ..panes.signin_page import SigninPage  # noqa: PLC0415 (built on first use)

        page = SigninPage(self._document, self._tones, parent)
        page.show_current()
        return page

    def show_page(self, page: LazyPage[Any]) -> None:
        """Bring ``page`` to the front, built (also in a window not shown yet)."""
        self.setCurrentWidget(page)
        page.content  # noqa: B018 (built now)

    @property
    def json_page(self) -> JsonPage:
        """The Raw JSON page (built now if it was not yet)."""
        return self.json_tab.content

    @property
    def signin_page(self) -> SigninPage:
        """The Sign-in page (built now if it was not yet)."""
        return self.signin_tab.content

    def set_tones(self, tones: Tones) -> None:
        """Colour the panes built so far (the others take these colours when built)."""
        self._tones = tones
        self.claims_form.set_tones(tones)
        for page in (self.json_tab.built, self.signin_tab.built):
            if page is not None:
                page.set_tones(tones)
