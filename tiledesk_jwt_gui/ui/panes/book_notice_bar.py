"""A one-line notice under the key: what the project book did for the token shown ("Secret of
“Staging” loaded from the system keyring…"), or what it offers ("load the remembered secret
instead of the one typed?"). Hidden while the book has nothing to say."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QToolButton, QWidget

from ..document import InspectorDocument
from ..document.book import ProjectBook
from ..style.plain import plain_label, plain_tip
from ..style.tones import Tones, set_text_colour

__all__ = ["BookNoticeBar"]


class BookNoticeBar(QWidget):
    """Views the document's ``ProjectBook.notice``."""

    def __init__(
        self, document: InspectorDocument, tones: Tones, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bookNoticeBar")
        self.book = ProjectBook.of(document)
        self._tones = tones
        self.label = plain_label(self)
        self.label.setObjectName("bookNoticeLabel")
        self.label.setAccessibleName("Project book notice")
        self.label.setWordWrap(True)
        self.load_button = QPushButton("Load it", self)
        self.load_button.setObjectName("bookLoadSecretButton")
        self.load_button.setAccessibleName("Load the remembered secret")
        self.load_button.setToolTip("Replace the secret typed with the one in the system keyring")
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("bookNoticeCloseButton")
        self.close_button.setText("✕")
        self.close_button.setAccessibleName("Dismiss the notice")
        self.close_button.setToolTip("Dismiss")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 2, 0, 0)
        row.setSpacing(6)
        row.addWidget(self.label, 1)
        row.addWidget(self.load_button)
        row.addWidget(self.close_button)
        self.load_button.clicked.connect(self.book.accept_offer)
        self.close_button.clicked.connect(self.book.dismiss_notice)
        self.book.changed.connect(self._show)
        self._show()

    def set_tones(self, tones: Tones) -> None:
        self._tones = tones
        self._show()

    @Slot()
    def _show(self) -> None:
        notice = self.book.notice
        self.setVisible(notice is not None)
        if notice is None:
            return
        self.label.setText(notice.text)
        self.label.setToolTip(plain_tip(notice.text))
        tones = self._tones
        colour = tones.muted if notice.good is None else tones.good if notice.good else tones.warn
        set_text_colour(self.label, colour)
        self.load_button.setVisible(notice.offer is not None)
