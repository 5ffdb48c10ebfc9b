"""The Code tab's state beside the document: the language chosen, the Tiledesk server the widget
page and the curl script call, and the sample the core writes for the inspection shown.

The samples are written by the core (``sample_for``) from the draft's claims, its project and
the token shown; none of them holds a secret (server-side code reads ``TILEDESK_SECRET`` when
it runs). Writing one takes well under a millisecond, so it is done here, when asked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal

from ...core import (
    DEFAULT_SERVER_BASE,
    NoSample,
    Sample,
    SampleLanguage,
    sample_for,
)
from .companion import Companion

if TYPE_CHECKING:
    from .document import InspectorDocument

__all__ = ["CodeSamples"]


class CodeSamples(Companion):
    """``changed`` says the language or the server changed (the document's own ``changed``
    says when the claims, the project or the token did)."""

    changed = Signal()

    def __init__(self, document: InspectorDocument) -> None:
        super().__init__(document)
        self._document = document
        self.language = SampleLanguage.NODE
        self.server = DEFAULT_SERVER_BASE
        """The Tiledesk API server for the widget page and the curl script (the copy bar's)."""

    def set_language(self, language: SampleLanguage) -> None:
        if language is not self.language:
            self.language = language
            self.changed.emit()

    def set_server(self, text: str) -> None:
        if text != self.server:
            self.server = text
            self.changed.emit()

    def sample(self, language: SampleLanguage | None = None) -> Sample | NoSample:
        """The code for ``language`` (default: the one chosen) and the inspection shown."""
        document = self._document
        draft = document.draft
        return sample_for(
            language or self.language,
            draft.payload,
            draft.project(),
            token=document.token_to_copy(),
            server=self.server.strip() or DEFAULT_SERVER_BASE,
        )

    def widget_page(self) -> Sample | NoSample:
        """The widget test page for the project and the token shown."""
        return self.sample(SampleLanguage.WIDGET)
