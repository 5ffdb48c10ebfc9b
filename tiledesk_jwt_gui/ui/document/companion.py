"""The base of the document's companions (the book, the code samples, the diagnosis, the
comparison, the token files): one per document, its child, made the first time a pane or the
window asks for it with :meth:`Companion.of`, so the first frame builds none it does not show."""

from __future__ import annotations

from typing import TYPE_CHECKING, Self

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from .document import InspectorDocument

__all__ = ["Companion"]


class Companion(QObject):
    """A companion of an :class:`InspectorDocument`, made with the document alone."""

    def __init__(self, document: InspectorDocument) -> None:
        super().__init__(document)

    @classmethod
    def of(cls, document: InspectorDocument) -> Self:
        """The document's companion of this class (made, as the document's child, on first
        use)."""
        found = document.findChild(cls)
        return found if isinstance(found, cls) else cls(document)
