"""The key panel's page for RS/PS/ES/EdDSA: a public key (to verify) and a private key (to
sign), as PEM or JWK, pasted or opened from a file, with what the core says of each.

Built by :class:`KeyPanel` when an asymmetric algorithm is first chosen (or the page is asked
for): a window checking HS256 tokens never builds it. The keys are read by the document, off
the GUI thread; the private key is never saved.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core import MAX_TOKEN_CHARS, KeyNote, demo_private_key
from ..document import Change, InspectorDocument
from ..style.plain import plain_tip
from ..style.tones import Tones, set_text_colour

__all__ = ["KeyPairPage"]


def _label(text: str, parent: QWidget, buddy: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setBuddy(buddy)
    return label


class KeyPairPage(QWidget):
    """The two key fields; what is typed goes to the document, what it reads comes back."""

    def __init__(
        self, document: InspectorDocument, tones: Tones, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("keyPairPage")
        self.document = document
        self._tones = tones
        self.public_edit = self._key_edit(
            "publicKeyEdit",
            "Public key (verifies)",
            "-----BEGIN PUBLIC KEY-----, a certificate, a JWK or a JWKS",
        )
        self.public_edit.setToolTip(
            "The key that checks the signature: PEM (public key or "
            "certificate), a JWK or a JWKS. Paste it or open a file."
        )
        self.private_edit = self._key_edit(
            "privateKeyEdit",
            "Private key (signs)",
            "-----BEGIN PRIVATE KEY----- or a private JWK (only to sign)",
        )
        self.private_edit.setToolTip(
            "The key that signs composed tokens: PEM or a private JWK, "
            "unencrypted. It stays in this window: never saved."
        )
        self.public_open = QPushButton("Open…", self)
        self.public_open.setObjectName("publicKeyOpenButton")
        self.public_open.setAccessibleName("Open a public key file")
        self.private_open = QPushButton("Open…", self)
        self.private_open.setObjectName("privateKeyOpenButton")
        self.private_open.setAccessibleName("Open a private key file")
        self.demo_key_button = QPushButton("Use demo key", self)
        self.demo_key_button.setObjectName("demoKeyButton")
        self.demo_key_button.setAccessibleName("Use the demo private key")
        self.demo_key_button.setToolTip(
            "Fill in a demo key pair that ships with the app (public, for trying only)"
        )
        self.public_status = self._status_label("publicKeyStatus")
        self.private_status = self._status_label("privateKeyStatus")
        self._lay_out()
        self.show_texts()
        self.show_notes()
        self.public_edit.textChanged.connect(self._on_public_changed)
        self.private_edit.textChanged.connect(self._on_private_changed)
        self.public_open.clicked.connect(self._on_open_public)
        self.private_open.clicked.connect(self._on_open_private)
        self.demo_key_button.clicked.connect(self._on_demo_key)
        document.changed.connect(self._on_changed)

    # --- building ---------------------------------------------------------------------------

    def _key_edit(self, name: str, spoken: str, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(spoken)
        edit.setPlaceholderText(placeholder)
        edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        edit.setTabChangesFocus(True)
        edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 14)
        return edit

    def _status_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def _lay_out(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(3)
        top = Qt.AlignmentFlag.AlignTop
        grid.addWidget(_label("&Public key\n(verifies)", self, self.public_edit), 0, 0, top)
        grid.addWidget(self.public_edit, 0, 1)
        grid.addWidget(self.public_open, 0, 2, top)
        grid.addWidget(self.public_status, 1, 1, 1, 2)
        grid.addWidget(_label("P&rivate key\n(signs)", self, self.private_edit), 2, 0, top)
        grid.addWidget(self.private_edit, 2, 1)
        buttons = QVBoxLayout()
        buttons.setSpacing(4)
        buttons.addWidget(self.private_open)
        buttons.addWidget(self.demo_key_button)
        buttons.addStretch(1)
        grid.addLayout(buttons, 2, 2)
        grid.addWidget(self.private_status, 3, 1, 1, 2)
        grid.setColumnStretch(1, 1)

    # --- what the panel asks --------------------------------------------------------------------

    def set_tones(self, tones: Tones) -> None:
        self._tones = tones
        self.show_notes()

    def show_texts(self) -> None:
        """Show the keys the document holds (the demo key, a cleared private key)."""
        keyring = self.document.keyring
        for edit, text in (
            (self.public_edit, keyring.public_text),
            (self.private_edit, keyring.private_text),
        ):
            if edit.toPlainText() != text:
                if text:
                    edit.setPlainText(text)
                else:
                    edit.clear()  # a QPlainTextEdit's clear() drops its undo history

    def show_notes(self) -> None:
        """What the core says of each key, and whether the algorithm has a demo key."""
        keyring = self.document.keyring
        self._note(self.public_status, keyring.public_status())
        self._note(self.private_status, keyring.private_status())
        has_demo = demo_private_key(self.document.draft.algorithm) is not None
        self.demo_key_button.setEnabled(has_demo)

    def _note(self, label: QLabel, note: KeyNote) -> None:
        label.setText(note.text)
        label.setToolTip(plain_tip(note.text))
        self._paint(label, note.good)

    def _paint(self, label: QLabel, good: bool | None) -> None:
        tones = self._tones
        colour = tones.muted if good is None else tones.good if good else tones.warn
        set_text_colour(label, colour)

    # --- the document speaks --------------------------------------------------------------------

    @Slot(object, object)
    def _on_changed(self, changes: frozenset[Change], origin: object) -> None:
        if Change.KEYS in changes and origin is not self:
            self.show_texts()
        if changes & {Change.KEYS, Change.ALGORITHM}:
            self.show_notes()

    # --- the person edits ---------------------------------------------------------------------

    @Slot()
    def _on_public_changed(self) -> None:
        self.document.set_public_key(self.public_edit.toPlainText(), self)

    @Slot()
    def _on_private_changed(self) -> None:
        self.document.set_private_key(self.private_edit.toPlainText(), self)

    def _open_into(self, edit: QPlainTextEdit, title: str, status: QLabel) -> None:
        from ..widgets.files import read_small_file  # noqa: PLC0415 (imported when first used)
        from ..widgets.open_key_dialog import OpenKeyDialog  # noqa: PLC0415 (idem)

        path = OpenKeyDialog.ask(self, title)
        if path is None:
            return
        data = read_small_file(Path(path), MAX_TOKEN_CHARS, "a key file")
        if isinstance(data, str):
            status.setText(f"✖ {data[:1].upper()}{data[1:]}; what was there is kept")
            self._paint(status, False)
            return
        edit.setPlainText(data.decode("utf-8", "replace"))

    @Slot()
    def _on_open_public(self) -> None:
        self._open_into(self.public_edit, "Open a public key", self.public_status)

    @Slot()
    def _on_open_private(self) -> None:
        self._open_into(self.private_edit, "Open a private key", self.private_status)

    @Slot()
    def _on_demo_key(self) -> None:
        self.document.use_demo_key()
