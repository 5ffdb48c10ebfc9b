"""A tab page that builds its content the first time it is shown or asked for.

The window's first frame shows one tab of six: the others (and what they import) are built on
first use, which keeps the start-up close to the floor of a window of its size. Every widget of
the content, with its objectName, exists from then on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

__all__ = ["LazyPage"]

P = TypeVar("P", bound=QWidget)


class LazyPage(QWidget, Generic[P]):
    """Holds the widget ``build(self)`` makes, made when the page is first shown or when
    :attr:`content` is first read."""

    def __init__(self, build: Callable[[QWidget], P], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._content: P | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)

    @property
    def content(self) -> P:
        """The content, built now if it was not yet."""
        if self._content is None:
            content = self._content = self._build(self)
            layout = self.layout()
            assert layout is not None  # set in __init__
            layout.addWidget(content)
            if self.isVisible():
                content.show()  # now, not at the next turn of the event loop
        return self._content

    @property
    def built(self) -> P | None:
        """The content if it was built (nothing is built by asking)."""
        return self._content

    def showEvent(self, event: QShowEvent) -> None:
        self.content  # noqa: B018 (built on first show)
        super().showEvent(event)
