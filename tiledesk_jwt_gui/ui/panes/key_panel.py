"""The key inputs: the secret for HS256/384/512, or a public key (to verify) and a private key
(to sign) for RS/PS/ES/EdDSA, as PEM or JWK, pasted or opened from a file (that page is
``key_pair_page.py``, built when first needed).

Keys are made by the core (``secret_key``, ``load_key_text``); this panel only collects the
text and shows what the core says about it. The secret is masked and never leaves the field;
clearing it (the Clear button, ``forget_secrets``, closing) leaves no undo history to bring it
back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core import ASYMMETRIC_ALGORITHMS, DEMO_SECRET, KeyNote
from ..document import Change, InspectorDocument
from ..document.diagnosis import SignatureDiagnosis
from ..style.plain import plain_tip
from ..style.tones import Tones, set_text_colour
from ..widgets.claim_error_label import ClaimErrorLabel
from ..widgets.secret_line_edit import SecretLineEdit
from ..widgets.secret_notes_view import SecretNotesView

if TYPE_CHECKING:
    from .key_pair_page import KeyPairPage

__all__ = ["KeyPanel"]


def _label(text: str, parent: QWidget, buddy: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    if buddy is not None:
        label.setBuddy(buddy)
    return label


class KeyPanel(QWidget):
    """The key inputs for the document's algorithm; what is typed goes to the document, which
    reads keys off the GUI thread and says what it found."""

    def __init__(
        self, document: InspectorDocument, tones: Tones, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("keyPanel")
        self.document = document
        self._tones = tones
        self._algorithm = "HS256"

        # Two pages, one shown: hidden widgets take no room (a QStackedWidget would be as tall
        # as its tallest page). The key pair page is built when an asymmetric algorithm is first
        # chosen, or asked for (``key_pair_page``).
        self._key_pair_page: KeyPairPage | None = None
        self.secret_page = self._build_secret_page()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.secret_page)
        self._show_algorithm()
        document.changed.connect(self._on_changed)

    # --- building ---------------------------------------------------------------------------

    def _build_secret_page(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("secretPage")
        self.secret_edit = SecretLineEdit(page)
        self.secret_edit.setObjectName("secretEdit")
        self.secret_edit.setAccessibleName("Secret")
        self.secret_edit.setPlaceholderText("The project's secret (shared key)")
        self.secret_edit.setToolTip(
            "The shared secret the token is signed with. Tiledesk uses its text as UTF-8 "
            "bytes. It stays in this window: never saved, never copied."
        )
        self.secret_edit.textChanged.connect(self._on_secret_changed)
        self.reveal_button = QToolButton(page)
        self.reveal_button.setObjectName("secretRevealButton")
        self.reveal_button.setCheckable(True)
        self.reveal_button.setText("Show")
        self.reveal_button.setAccessibleName("Show the secret")
        self.reveal_button.setToolTip("Show or hide the secret's characters")
        self.reveal_button.toggled.connect(self._on_reveal)
        self.clear_button = QToolButton(page)
        self.clear_button.setObjectName("secretClearButton")
        self.clear_button.setText("Clear")
        self.clear_button.setAccessibleName("Clear the secret")
        self.clear_button.setToolTip("Forget the secret typed here; it is never saved")
        self.clear_button.clicked.connect(self._on_clear_secret)
        self.base64_check = QCheckBox("base64", page)
        self.base64_check.setObjectName("secretBase64Check")
        self.base64_check.setAccessibleName("The secret is base64-encoded")
        self.base64_check.setToolTip(
            "Decode the secret from base64 before use (some libraries do). Tiledesk never does: "
            "it uses the text as typed."
        )
        self.base64_check.toggled.connect(self._on_base64_toggled)
        self.demo_label = QLabel(
            "Demo secret, for trying the app: not a real project's. Paste your project's own.",
            page,
        )
        self.demo_label.setObjectName("secretDemoLabel")
        self.demo_label.setWordWrap(True)
        # Its room is kept when another secret is typed (the last row: a blank line reads as
        # spacing), so the fields under it do not move up and down as the text comes and goes.
        policy = self.demo_label.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.demo_label.setSizePolicy(policy)
        self.strength_label = QLabel(page)
        self.strength_label.setObjectName("secretStrengthLabel")
        self.strength_label.setWordWrap(True)
        self.strength_label.setAccessibleName("Secret strength")
        self.strength_label.setTextFormat(Qt.TextFormat.PlainText)
        self.secret_error = ClaimErrorLabel(self._tones, page)
        self.secret_error.setObjectName("secretError")
        self.secret_error.setAccessibleName("Problem with the secret")
        self.secret_notes = SecretNotesView(self._tones, page)  # issue 9 item 16
        self.why = SignatureDiagnosis.of(self.document)
        self.secret_notes.fixRequested.connect(self.why.apply)
        self.why.changed.connect(self._on_secret_notes)

        for button in (self.reveal_button, self.clear_button):
            button.setMinimumSize(button.sizeHint())  # never squashed in a small window
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(3)
        grid.addWidget(_label("&Secret", page, self.secret_edit), 0, 0)
        line = QHBoxLayout()
        line.setSpacing(6)
        line.addWidget(self.secret_edit, 1)
        line.addWidget(self.reveal_button)
        line.addWidget(self.clear_button)
        line.addWidget(self.base64_check)
        grid.addLayout(line, 0, 1)
        grid.addWidget(self.secret_error, 1, 1)
        grid.addWidget(self.strength_label, 2, 1)
        grid.addWidget(self.secret_notes, 3, 1)
        grid.addWidget(self.demo_label, 4, 1)
        grid.setColumnStretch(1, 1)
        return page

    @property
    def key_pair_page(self) -> KeyPairPage:
        """The public and private key page (built now if it was not yet)."""
        if self._key_pair_page is None:
            from .key_pair_page import KeyPairPage  # noqa: PLC0415 (built on first use)

            page = self._key_pair_page = KeyPairPage(self.document, self._tones, self)
            page.setVisible(self.asymmetric)
            layout = self.layout()
            assert layout is not None  # set in __init__
            layout.addWidget(page)
        return self._key_pair_page

    @property
    def demo_key_button(self) -> QPushButton:
        """The key pair page's "Use demo key" (the page is built now if it was not yet)."""
        return self.key_pair_page.demo_key_button

    # --- what the window asks ------------------------------------------------------------------

    @property
    def asymmetric(self) -> bool:
        return self._algorithm in ASYMMETRIC_ALGORITHMS

    def set_tones(self, tones: Tones) -> None:
        self._tones = tones
        self.secret_error.set_tones(tones)
        self.secret_notes.set_tones(tones)
        if self._key_pair_page is not None:
            self._key_pair_page.set_tones(tones)
        self._show_notes()

    def focus_key(self) -> QWidget:
        widget: QWidget = self.key_pair_page.public_edit if self.asymmetric else self.secret_edit
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return widget

    # --- the document speaks --------------------------------------------------------------------

    @Slot(object, object)
    def _on_changed(self, changes: frozenset[Change], origin: object) -> None:
        if Change.ALGORITHM in changes or Change.KEYS in changes:
            self._show_algorithm()
        if Change.KEYS in changes and origin is not self:
            self._show_texts()
        if changes & {Change.KEYS, Change.ALGORITHM}:
            self._show_notes()

    def _show_algorithm(self) -> None:
        self._algorithm = self.document.draft.algorithm
        self.secret_page.setVisible(not self.asymmetric)
        if self.asymmetric:
            self.key_pair_page.setVisible(True)
        elif self._key_pair_page is not None:
            self._key_pair_page.setVisible(False)

    def _show_texts(self) -> None:
        """Show the secret the document holds (cleared, the demo's, the project book's)."""
        keyring = self.document.keyring
        if self.secret_edit.text() != keyring.secret_text:
            # setText (unlike clear) also empties the undo history: Ctrl+Z cannot bring it back.
            # A secret set from elsewhere (cleared, the demo's, the project book's) is masked.
            self.secret_edit.setText(keyring.secret_text)
            self.reveal_button.setChecked(False)
        if self.base64_check.isChecked() != keyring.secret_base64:
            self.base64_check.setChecked(keyring.secret_base64)

    def _paint(self, label: QLabel, good: bool | None) -> None:
        tones = self._tones
        colour = tones.muted if good is None else tones.good if good else tones.warn
        set_text_colour(label, colour)

    def _note(self, label: QLabel, note: KeyNote) -> None:
        label.setText(note.text)
        label.setToolTip(plain_tip(note.text))
        self._paint(label, note.good)

    def _show_notes(self) -> None:
        keyring = self.document.keyring
        self.demo_label.setVisible(keyring.secret_text == DEMO_SECRET)
        self._paint(self.demo_label, None)
        self._note(self.strength_label, keyring.secret_note(self.document.draft.algorithm))
        problem = keyring.secret_problem
        self.secret_error.show_message("✖ " + problem[:1].upper() + problem[1:] if problem else "")

    @Slot()
    def _on_secret_notes(self) -> None:
        self.secret_notes.show_notes(self.why.notes)

    # --- the person edits ---------------------------------------------------------------------

    @Slot(str)
    def _on_secret_changed(self, text: str) -> None:
        self.document.set_secret(text, self)

    @Slot(bool)
    def _on_base64_toggled(self, checked: bool) -> None:
        self.document.set_secret_base64(checked, self)

    @Slot()
    def _on_clear_secret(self) -> None:
        self.secret_edit.setText("")  # setText: no undo history to bring it back
        self.reveal_button.setChecked(False)
        self.secret_edit.setFocus()

    @Slot(bool)
    def _on_reveal(self, shown: bool) -> None:
        self.secret_edit.setEchoMode(
            QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        )
        self.reveal_button.setText("Hide" if shown else "Show")
