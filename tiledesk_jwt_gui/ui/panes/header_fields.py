"""The header as fields: the algorithm (``algCombo``), ``typ`` and ``kid``, each with its inline
error. An algorithm the list does not know (read from a pasted token) is shown as it is. Edits
go to the document (``choose_algorithm``, ``edit_header_param``)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSignalBlocker, Qt, Slot
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from ...core import (
    ABSENT,
    ASYMMETRIC_ALGORITHMS,
    HEADER_PARAMS,
    HMAC_ALGORITHMS,
    ClaimValue,
    Issue,
    JSONValue,
    Place,
    issues_at,
)
from ..document import Change, InspectorDocument
from ..style.json_text import json_text
from ..style.tones import Tones
from ..widgets.claim_error_label import ClaimErrorLabel
from ..widgets.wheel_guard import guard_wheel

__all__ = ["ALGORITHM_CHOICES", "HeaderFields"]

ALGORITHM_CHOICES = (*HMAC_ALGORITHMS, *ASYMMETRIC_ALGORITHMS, "none")
_ALGORITHM_TIPS = {
    "HS256": "HMAC with SHA-256 and the project secret: what Tiledesk verifies",
    "HS384": "HMAC with SHA-384 and the project secret (Tiledesk accepts it)",
    "HS512": "HMAC with SHA-512 and the project secret (Tiledesk accepts it)",
    "none": "No signature at all: for testing that a verifier refuses it",
}
_ASYMMETRIC_TIP = (
    "Asymmetric: signed with a private key, verified with the public key "
    "(Tiledesk custom auth does not accept it)"
)


class HeaderFields(QWidget):
    def __init__(
        self, document: InspectorDocument, tones: Tones, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("headerFields")
        self.document = document
        self.alg_combo = QComboBox(self)
        self.alg_combo.setObjectName("algCombo")
        self.alg_combo.setAccessibleName("Algorithm (alg)")
        self._unknown_row: int | None = None
        """The row of an algorithm read from a token that the list does not offer."""
        self.alg_combo.setToolTip(
            "The signing algorithm (header 'alg'). Tiledesk verifies HS256, HS384 and HS512 "
            "with the project secret; the others need a key pair."
        )
        for name in ALGORITHM_CHOICES:
            if name in ("RS256", "ES256", "none"):
                self.alg_combo.insertSeparator(self.alg_combo.count())
            self.alg_combo.addItem(name, name)
            tip = _ALGORITHM_TIPS.get(name, _ASYMMETRIC_TIP)
            self.alg_combo.setItemData(self.alg_combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.alg_combo.currentIndexChanged.connect(self._on_alg_changed)

        self.typ_edit = QLineEdit(self)
        self.typ_edit.setObjectName("typEdit")
        self.typ_edit.setAccessibleName("Token type (typ)")
        self.typ_edit.setPlaceholderText("JWT")
        self.typ_edit.setToolTip(
            "Header 'typ' (RFC 7519 §5.1), usually JWT. Not checked by Tiledesk."
        )
        self.kid_edit = QLineEdit(self)
        self.kid_edit.setObjectName("kidEdit")
        self.kid_edit.setAccessibleName("Key id (kid)")
        self.kid_edit.setPlaceholderText("none")
        self.kid_edit.setToolTip(
            "Header 'kid' (RFC 7515 §4.1.4): which key signed the token, for a key set (JWKS). "
            "Not checked by Tiledesk."
        )
        self.typ_edit.setClearButtonEnabled(True)
        self.kid_edit.setClearButtonEnabled(True)
        self.typ_edit.textChanged.connect(self._on_typ_changed)
        self.kid_edit.textChanged.connect(self._on_kid_changed)

        self.errors: dict[str, ClaimErrorLabel] = {}
        for name in HEADER_PARAMS:
            label = ClaimErrorLabel(tones, self)
            label.setObjectName(f"headerError_{name}")
            label.setAccessibleName(f"Problems with header {name}")
            self.errors[name] = label

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(3)
        for column, (text, widget) in enumerate(
            (("&Algorithm", self.alg_combo), ("typ", self.typ_edit), ("kid", self.kid_edit))
        ):
            caption = QLabel(text, self)
            caption.setBuddy(widget)
            grid.addWidget(caption, 0, column * 2)
            grid.addWidget(widget, 0, column * 2 + 1)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 1)
        grid.setColumnStretch(5, 1)
        # One shared row of room under the three fields, each message under its own field.
        grid.addWidget(self.errors["alg"], 1, 0, 1, 2)
        grid.addWidget(self.errors["typ"], 1, 2, 1, 2)
        grid.addWidget(self.errors["kid"], 1, 4, 1, 2)
        guard_wheel(self.alg_combo)
        document.changed.connect(self._on_changed)
        document.verdictChanged.connect(self._on_verdict)

    @Slot(object, object)
    def _on_changed(self, changes: frozenset[Change], origin: object) -> None:
        if changes & {Change.HEADER, Change.ALGORITHM} and origin is not self:
            draft = self.document.draft
            self.show_header(dict(draft.header), draft.algorithm)

    @Slot()
    def _on_verdict(self) -> None:
        verdict = self.document.verdict
        if verdict is not None:
            self.show_issues(verdict.issues)

    def set_tones(self, tones: Tones) -> None:
        for label in self.errors.values():
            label.set_tones(tones)

    def algorithm(self) -> str:
        data = self.alg_combo.currentData()
        return data if isinstance(data, str) else self.alg_combo.currentText()

    def param_value(self, name: str) -> ClaimValue:
        text = self.typ_edit.text() if name == "typ" else self.kid_edit.text()
        return text if text else ABSENT

    def show_header(self, header: dict[str, JSONValue] | None, algorithm: str) -> None:
        """Show a header (no signals); ``algorithm`` when the header names none usable."""
        header = header or {}
        alg = header.get("alg", algorithm)
        self.show_algorithm(alg)
        for name, edit in (("typ", self.typ_edit), ("kid", self.kid_edit)):
            value = header.get(name)
            text = "" if value is None else value if isinstance(value, str) else json_text(value)
            if text != edit.text():
                with QSignalBlocker(edit):
                    edit.setText(text)

    def show_algorithm(self, alg: JSONValue) -> None:
        """Select ``alg``; a value outside the list is added as the last, marked item."""
        with QSignalBlocker(self.alg_combo):
            if self._unknown_row is not None:
                self.alg_combo.removeItem(self._unknown_row)
                self._unknown_row = None
            index = self.alg_combo.findData(alg) if isinstance(alg, str) else -1
            if index < 0:
                shown = (
                    alg if isinstance(alg, str) else "(no alg)" if alg is None else json_text(alg)
                )
                self.alg_combo.addItem(f"{shown}  (from the token)", shown)
                index = self._unknown_row = self.alg_combo.count() - 1
            self.alg_combo.setCurrentIndex(index)

    def show_issues(self, issues: Sequence[Issue]) -> None:
        for name, label in self.errors.items():
            label.show_issues(issues_at(issues, Place.HEADER_PARAM, name))

    def focus_param(self, name: str) -> QWidget:
        widget: QWidget = {"alg": self.alg_combo, "typ": self.typ_edit}.get(name, self.kid_edit)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return widget

    @Slot(int)
    def _on_alg_changed(self, _index: int) -> None:
        self.document.choose_algorithm(self.algorithm(), self)

    @Slot(str)
    def _on_typ_changed(self, _text: str) -> None:
        self.document.edit_header_param("typ", self.param_value("typ"), self)

    @Slot(str)
    def _on_kid_changed(self, _text: str) -> None:
        self.document.edit_header_param("kid", self.param_value("kid"), self)
