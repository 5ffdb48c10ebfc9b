"""The key inputs: the secret for HS256/384/512, or a public key (to verify) and a private key
(to sign) for RS/PS/ES/EdDSA, as PEM or JWK, pasted or opened from a file.

Keys are made by the core (``secret_key``, ``load_key_text``); this panel only collects the
text and shows what the core says about it. The secret is masked and never leaves the field;
clearing it (the Clear button, ``forget_secrets``, closing) leaves no undo history to bring it
back.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt, Signal, Slot
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core import (
    ASYMMETRIC_ALGORITHMS,
    DEMO_EC_PRIVATE_KEY_PEM,
    DEMO_RSA_PRIVATE_KEY_PEM,
    DEMO_SECRET,
    HMAC_MIN_BYTES,
    MAX_TOKEN_CHARS,
    Key,
    KeyLoadError,
    load_key_text,
    secret_key,
)
from .claim_error_label import ClaimErrorLabel
from .files import read_small_file
from .open_key_dialog import OpenKeyDialog
from .secret_line_edit import SecretLineEdit
from .session import KeyChoice
from .tones import Tones, set_text_colour

__all__ = ["KeyPanel"]

TILEDESK_SECRET_CHARS = 36
_DEMO_KEYS = {
    **dict.fromkeys(
        ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512"), DEMO_RSA_PRIVATE_KEY_PEM
    ),
    "ES256": DEMO_EC_PRIVATE_KEY_PEM,
}


def _label(text: str, parent: QWidget, buddy: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    if buddy is not None:
        label.setBuddy(buddy)
    return label


class KeyPanel(QWidget):
    """``keysChanged`` fires when what the panel holds changes (not on ``set_algorithm``)."""

    keysChanged = Signal()

    def __init__(self, tones: Tones, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyPanel")
        self._tones = tones
        self._algorithm = "HS256"
        self._secret: Key | None = None
        self._secret_problem: str | None = None
        self._public: tuple[Key, ...] = ()
        self._public_problem: str | None = None
        self._private: Key | None = None
        self._private_problem: str | None = None

        # Two pages, one shown: hidden widgets take no room (a QStackedWidget would be as tall
        # as its tallest page).
        self.secret_page = self._build_secret_page()
        self.key_pair_page = self._build_key_pair_page()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.secret_page)
        layout.addWidget(self.key_pair_page)
        self.set_algorithm("HS256")

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
        self.strength_label = QLabel(page)
        self.strength_label.setObjectName("secretStrengthLabel")
        self.strength_label.setWordWrap(True)
        self.strength_label.setAccessibleName("Secret strength")
        self.secret_error = ClaimErrorLabel(self._tones, page)
        self.secret_error.setObjectName("secretError")
        self.secret_error.setAccessibleName("Problem with the secret")

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
        grid.addWidget(self.demo_label, 2, 1)
        grid.addWidget(self.strength_label, 3, 1)
        grid.setColumnStretch(1, 1)
        return page

    def _key_edit(
        self, parent: QWidget, name: str, spoken: str, placeholder: str
    ) -> QPlainTextEdit:
        edit = QPlainTextEdit(parent)
        edit.setObjectName(name)
        edit.setAccessibleName(spoken)
        edit.setPlaceholderText(placeholder)
        edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        edit.setTabChangesFocus(True)
        edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 14)
        return edit

    def _build_key_pair_page(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("keyPairPage")
        self.public_edit = self._key_edit(
            page,
            "publicKeyEdit",
            "Public key (verifies)",
            "-----BEGIN PUBLIC KEY-----, a certificate, a JWK or a JWKS",
        )
        self.public_edit.setToolTip(
            "The key that checks the signature: PEM (public key or "
            "certificate), a JWK or a JWKS. Paste it or open a file."
        )
        self.private_edit = self._key_edit(
            page,
            "privateKeyEdit",
            "Private key (signs)",
            "-----BEGIN PRIVATE KEY----- or a private JWK (only to sign)",
        )
        self.private_edit.setToolTip(
            "The key that signs composed tokens: PEM or a private JWK, "
            "unencrypted. It stays in this window: never saved."
        )
        self.public_open = QPushButton("Open…", page)
        self.public_open.setObjectName("publicKeyOpenButton")
        self.public_open.setAccessibleName("Open a public key file")
        self.private_open = QPushButton("Open…", page)
        self.private_open.setObjectName("privateKeyOpenButton")
        self.private_open.setAccessibleName("Open a private key file")
        self.demo_key_button = QPushButton("Use demo key", page)
        self.demo_key_button.setObjectName("demoKeyButton")
        self.demo_key_button.setAccessibleName("Use the demo private key")
        self.demo_key_button.setToolTip(
            "Fill in a demo key pair that ships with the app (public, for trying only)"
        )
        self.public_status = QLabel(page)
        self.public_status.setObjectName("publicKeyStatus")
        self.public_status.setWordWrap(True)
        self.private_status = QLabel(page)
        self.private_status.setObjectName("privateKeyStatus")
        self.private_status.setWordWrap(True)
        self.public_edit.textChanged.connect(self._on_public_changed)
        self.private_edit.textChanged.connect(self._on_private_changed)
        self.public_open.clicked.connect(self._on_open_public)
        self.private_open.clicked.connect(self._on_open_private)
        self.demo_key_button.clicked.connect(self._on_demo_key)

        grid = QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(3)
        grid.addWidget(
            _label("&Public key\n(verifies)", page, self.public_edit),
            0,
            0,
            Qt.AlignmentFlag.AlignTop,
        )
        grid.addWidget(self.public_edit, 0, 1)
        grid.addWidget(self.public_open, 0, 2, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.public_status, 1, 1, 1, 2)
        grid.addWidget(
            _label("P&rivate key\n(signs)", page, self.private_edit),
            2,
            0,
            Qt.AlignmentFlag.AlignTop,
        )
        grid.addWidget(self.private_edit, 2, 1)
        buttons = QVBoxLayout()
        buttons.setSpacing(4)
        buttons.addWidget(self.private_open)
        buttons.addWidget(self.demo_key_button)
        buttons.addStretch(1)
        grid.addLayout(buttons, 2, 2)
        grid.addWidget(self.private_status, 3, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        return page

    # --- what the window asks ------------------------------------------------------------------

    @property
    def asymmetric(self) -> bool:
        return self._algorithm in ASYMMETRIC_ALGORITHMS

    def key_word(self) -> str:
        """What verifies, in words: "secret" or "public key"."""
        return "public key" if self.asymmetric else "secret"

    def set_tones(self, tones: Tones) -> None:
        self._tones = tones
        self.secret_error.set_tones(tones)
        self._update_secret_notes()
        self._update_key_statuses()

    def set_algorithm(self, algorithm: object) -> None:
        """Show the inputs ``algorithm`` needs (a secret unless it is asymmetric)."""
        self._algorithm = algorithm if isinstance(algorithm, str) else ""
        self.secret_page.setVisible(not self.asymmetric)
        self.key_pair_page.setVisible(self.asymmetric)
        self.demo_key_button.setEnabled(self._algorithm in _DEMO_KEYS)
        self._update_secret_notes()
        self._update_key_statuses()

    def set_secret(self, text: str) -> None:
        """Fill the secret as if typed (the window's sample)."""
        self.secret_edit.setText(text)

    def choice(self) -> KeyChoice:
        """The keys given, for the algorithm shown."""
        if self.asymmetric:
            verify: tuple[Key, ...] | None = self._public or (
                (self._private,) if self._private is not None else None
            )
            missing = self._private_problem or (
                "paste a private key (PEM or JWK)"
                + (" or press “Use demo key”" if self._algorithm in _DEMO_KEYS else "")
            )
            return KeyChoice(verify, self._private, None if self._private else missing)
        missing = self._secret_problem or "enter the secret"
        return KeyChoice(self._secret, self._secret, None if self._secret else missing)

    def focus_key(self) -> QWidget:
        widget: QWidget = self.public_edit if self.asymmetric else self.secret_edit
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return widget

    def secret_texts(self) -> list[str]:
        """The secret and the private key as entered, to keep them out of error reports."""
        return [
            text
            for text in (self.secret_edit.text(), self.private_edit.toPlainText())
            if text.strip()
        ]

    def clear_secrets(self) -> None:
        """Forget the secret and the private key without a word (the window is closing)."""
        with QSignalBlocker(self.secret_edit), QSignalBlocker(self.private_edit):
            self._erase()
        self._secret, self._secret_problem = None, None
        self._private, self._private_problem = None, None

    def forget_secrets(self) -> None:
        """Forget the secret and the private key, as the person asked (``keysChanged`` once)."""
        with QSignalBlocker(self.secret_edit), QSignalBlocker(self.private_edit):
            self._erase()
        self._load_secret()
        self._private, self._private_problem = None, None
        self._update_key_statuses()
        self.keysChanged.emit()

    def _erase(self) -> None:
        # setText (unlike clear) also empties the undo history: Ctrl+Z cannot bring it back.
        self.secret_edit.setText("")
        self.private_edit.clear()  # a QPlainTextEdit's clear() drops its undo history
        self.reveal_button.setChecked(False)

    # --- notes -------------------------------------------------------------------------------

    def _paint(self, label: QLabel, good: bool | None) -> None:
        tones = self._tones
        colour = tones.muted if good is None else tones.good if good else tones.warn
        set_text_colour(label, colour)

    def _update_secret_notes(self) -> None:
        text = self.secret_edit.text()
        self.demo_label.setVisible(text == DEMO_SECRET)
        self._paint(self.demo_label, None)
        key = self._secret
        need = HMAC_MIN_BYTES.get(self._algorithm)
        if key is None or key.secret is None or need is None:
            self.strength_label.setText(
                "" if text else "Tiledesk project secrets are 36-character UUIDs."
            )
            self._paint(self.strength_label, None)
            return
        size = len(key.secret)
        unit = "byte" if size == 1 else "bytes"
        if size >= need:
            note = (
                f"{size} {unit}: strong enough for {self._algorithm} "
                f"(RFC 7518 §3.2 asks at least {need})."
            )
            self.strength_label.setText(note)
            self._paint(self.strength_label, True)
            return
        note = f"{size} {unit}: short for {self._algorithm}; RFC 7518 §3.2 asks at least {need}."
        if size == TILEDESK_SECRET_CHARS:
            note += " Tiledesk's own 36-character secrets are long enough for HS256 only."
        else:
            note += " Tiledesk's own secrets are 36-character UUIDs."
        self.strength_label.setText(note)
        self._paint(self.strength_label, False)

    def _update_key_statuses(self) -> None:
        for label, keys, problem, empty in (
            (
                self.public_status,
                self._public,
                self._public_problem,
                "Empty: the private key's public half verifies.",
            ),
            (
                self.private_status,
                (self._private,) if self._private else (),
                self._private_problem,
                "Empty: composed tokens cannot be signed.",
            ),
        ):
            if problem:
                label.setText("✖ " + problem[:1].upper() + problem[1:])
                self._paint(label, False)
            elif keys:
                names = ", ".join(k.description for k in keys[:3])
                more = f" and {len(keys) - 3} more" if len(keys) > 3 else ""
                label.setText(f"✔ {names}{more}")
                self._paint(label, True)
            else:
                label.setText(empty)
                self._paint(label, None)

    # --- edits -----------------------------------------------------------------------------

    def _load_secret(self) -> None:
        text = self.secret_edit.text()
        self._secret, self._secret_problem = None, None
        if text:
            try:
                self._secret = secret_key(text, base64_encoded=self.base64_check.isChecked())
            except KeyLoadError as exc:
                self._secret_problem = str(exc)
        self.secret_error.show_message(
            "✖ " + self._secret_problem[:1].upper() + self._secret_problem[1:]
            if self._secret_problem
            else ""
        )
        self._update_secret_notes()

    @Slot(str)
    def _on_secret_changed(self, _text: str) -> None:
        self._load_secret()
        self.keysChanged.emit()

    @Slot(bool)
    def _on_base64_toggled(self, _checked: bool) -> None:
        self._load_secret()
        self.keysChanged.emit()

    @Slot()
    def _on_clear_secret(self) -> None:
        self.secret_edit.setText("")  # emits textChanged: the window judges again
        self.reveal_button.setChecked(False)
        self.secret_edit.setFocus()

    @Slot(bool)
    def _on_reveal(self, shown: bool) -> None:
        self.secret_edit.setEchoMode(
            QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        )
        self.reveal_button.setText("Hide" if shown else "Show")

    @Slot()
    def _on_public_changed(self) -> None:
        text = self.public_edit.toPlainText()
        self._public, self._public_problem = (), None
        if text.strip():
            try:
                self._public = load_key_text(text)
            except KeyLoadError as exc:
                self._public_problem = str(exc)
        self._update_key_statuses()
        self.keysChanged.emit()

    @Slot()
    def _on_private_changed(self) -> None:
        text = self.private_edit.toPlainText()
        self._private, self._private_problem = None, None
        if text.strip():
            try:
                keys = load_key_text(text)
            except KeyLoadError as exc:
                self._private_problem = str(exc)
            else:
                signing = [k for k in keys if k.can_sign]
                if signing:
                    self._private = signing[0]
                else:
                    self._private_problem = (
                        f"{keys[0].description} cannot sign: paste the private key "
                        "(the public one goes above)"
                    )
        self._update_key_statuses()
        self.keysChanged.emit()

    def _open_into(self, edit: QPlainTextEdit, title: str, status: QLabel) -> None:
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
        pem = _DEMO_KEYS.get(self._algorithm)
        if pem is not None:
            with QSignalBlocker(self.public_edit):
                self.public_edit.clear()
            self._public, self._public_problem = (), None
            self.private_edit.setPlainText(pem)
