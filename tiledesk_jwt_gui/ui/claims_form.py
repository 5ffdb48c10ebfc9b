"""The claims form: one row per claim Tiledesk reads, each with its inline error, the time claims
with date-time editors, and a JSON editor for every other claim.

The form holds no token logic: it shows claim values, reports which claim a person edited, and
shows the core's words about each claim beneath it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from PySide6.QtCore import QSignalBlocker, Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core import (
    CUSTOM_AUTH_SUBJECT,
    PROJECT_ID_PATTERN,
    Issue,
    JsonProblem,
    JSONValue,
    Part,
    Severity,
    TimeInfo,
    parse_json,
    tiledesk_audience,
)
from .claim_error_label import ClaimErrorLabel
from .json_edit import JsonEdit
from .json_text import json_text
from .session import ABSENT, ClaimValue
from .time_claim_row import TimeClaimRow
from .tones import Tones

__all__ = ["NAMED_CLAIMS", "OTHER", "ClaimsForm"]

TEXT_CLAIMS = ("_id", "email", "firstname", "lastname", "aud")
TIME_CLAIMS = ("iat", "nbf", "exp")
NAMED_CLAIMS = ("_id", "sub", "aud", "email", "firstname", "lastname", "attributes", *TIME_CLAIMS)
OTHER = "other"
"""The name :attr:`ClaimsForm.claimEdited` carries for the other-claims editor."""

TOOLTIPS = {
    "_id": "The user's id. Tiledesk requires it (a missing or empty _id is rejected) and the "
    "docs ask for '<project id>_<your user id>', so that ids never collide across projects.",
    "sub": "Subject (RFC 7519 §4.1.2). Tiledesk reads it as the kind of account: custom "
    "authentication needs 'userexternal' (exact case); other values are looked up as bots, "
    "webhook subscriptions or registered users, where an external user is not found.",
    "aud": "Audience (RFC 7519 §4.1.3). Tiledesk picks the secret that verifies the token from "
    "its path: https://tiledesk.com/projects/<project id> selects that project's secret.",
    "email": "The user's e-mail (the docs list it as required). Tiledesk stores it on the lead; "
    "with a staff role it signs up a real account from it.",
    "firstname": "Given name. Tiledesk shows firstname + ' ' + lastname as the visitor's name.",
    "lastname": "Family name. Tiledesk shows firstname + ' ' + lastname as the visitor's name.",
    "attributes": "A JSON object of your own key/value pairs; Tiledesk stores them on the lead.",
    "iat": "Issued at (RFC 7519 §4.1.6): when the token was made. Tiledesk does not check it.",
    "nbf": "Not before (RFC 7519 §4.1.5): the token is refused until this second. Tiledesk "
    "checks it, with no clock tolerance.",
    "exp": "Expiration time (RFC 7519 §4.1.4): the token is refused from this second on. "
    "Tiledesk checks it, with no clock tolerance.",
    OTHER: "Every other claim, as one JSON object: iss, jti, role… With role owner, admin or "
    "agent Tiledesk signs up a real dashboard account.",
}
PLACEHOLDERS = {
    "_id": "<project id>_<user id>   (required)",
    "aud": "https://tiledesk.com/projects/<project id>",
    "email": "user@example.com",
    "firstname": "Given name",
    "lastname": "Family name",
}


def _pretty(value: JSONValue) -> str:
    return json_text(value, indent=2)


class ClaimsForm(QWidget):
    """The claims as fields. ``claimEdited`` names the claim a person changed (or ``OTHER``)."""

    claimEdited = Signal(str)

    def __init__(
        self, tones: Tones, clock: Callable[[], float], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("claimsForm")
        self._tones = tones
        self._project_id: str | None = None
        self._values: dict[str, ClaimValue] = dict.fromkeys(NAMED_CLAIMS, ABSENT)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, ClaimErrorLabel] = {}
        self._labels: list[QLabel] = []

        self._text_edits: dict[str, QLineEdit] = {}
        for name in TEXT_CLAIMS:
            edit = QLineEdit(self)
            edit.setPlaceholderText(PLACEHOLDERS[name])
            edit.setClearButtonEnabled(True)
            edit.textChanged.connect(self._on_text_changed)
            self._text_edits[name] = edit
            self.fields[name] = edit

        self.sub_combo = QComboBox(self)
        self.sub_combo.setEditable(True)
        self.sub_combo.addItem(CUSTOM_AUTH_SUBJECT)
        self.sub_combo.addItem("guest")
        self.sub_combo.setItemData(
            0, "custom authentication (documented)", Qt.ItemDataRole.ToolTipRole
        )
        self.sub_combo.setItemData(
            1,
            "an anonymous widget visitor (works, not documented for custom auth)",
            Qt.ItemDataRole.ToolTipRole,
        )
        self.sub_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line_edit = self.sub_combo.lineEdit()
        if line_edit is not None:
            line_edit.setPlaceholderText("userexternal")
            line_edit.setAccessibleName("sub text")
        self.sub_combo.currentTextChanged.connect(self._on_sub_changed)
        self.fields["sub"] = self.sub_combo

        self.aud_button = QToolButton(self)
        self.aud_button.setObjectName("audFromProjectButton")
        self.aud_button.setText("From project")
        self.aud_button.setAccessibleName("Fill aud from the project id")
        self.aud_button.setToolTip("Set aud to https://tiledesk.com/projects/<project id>")
        self.aud_button.setEnabled(False)
        self.aud_button.clicked.connect(self._on_aud_from_project)

        self.attributes_edit = JsonEdit(tones, tones.payload, lines=3, parent=self)
        self.attributes_edit.setPlaceholderText('{"plan": "gold"}   (a JSON object, optional)')
        self.attributes_edit.textChanged.connect(self._on_attributes_changed)
        self.fields["attributes"] = self.attributes_edit

        self.time_rows: dict[str, TimeClaimRow] = {}
        for name in TIME_CLAIMS:
            row = TimeClaimRow(name, clock, self)
            row.edited.connect(self._on_time_edited)
            self.time_rows[name] = row
            self.fields[name] = row.date_edit

        self.other_edit = JsonEdit(tones, tones.payload, lines=4, parent=self)
        self.other_edit.setObjectName("otherClaimsEdit")
        self.other_edit.setAccessibleName("Other claims, JSON object")
        self.other_edit.setPlaceholderText('{"iss": "my-backend", "jti": "…"}   (optional)')
        self.other_edit.setToolTip(TOOLTIPS[OTHER])
        self.other_edit.textChanged.connect(self._on_other_changed)
        self._other_problem: str | None = None
        self._attributes_problem: str | None = None

        for name, widget in self.fields.items():
            widget.setObjectName(f"claim_{name}")
            widget.setAccessibleName(f"Claim {name}")
            widget.setToolTip(TOOLTIPS[name])
            label = ClaimErrorLabel(tones, self)
            label.setObjectName(f"claimError_{name}")
            label.setAccessibleName(f"Problems with {name}")
            self.errors[name] = label
        for name, row in self.time_rows.items():
            row.date_edit.setAccessibleName(f"Claim {name}, local date and time")
            row.set_help(TOOLTIPS[name])
        other_error = ClaimErrorLabel(tones, self)
        other_error.setObjectName("claimError_other")
        other_error.setAccessibleName("Problems with the other claims")
        self.errors[OTHER] = other_error
        self._build_layout()

    # --- layout ---------------------------------------------------------------------------

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text, self)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        label.setContentsMargins(0, 8, 0, 0)
        return label

    def _claim_label(self, name: str, field: QWidget) -> QLabel:
        label = QLabel(name, self)
        mono = QFont(self.attributes_edit.font())
        label.setFont(mono)
        label.setBuddy(field)
        label.setToolTip(TOOLTIPS.get(name, ""))
        self._labels.append(label)
        return label

    def _cell(self, *widgets: QWidget) -> QWidget:
        cell = QWidget(self)
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        for widget in widgets:
            column.addWidget(widget)
        return cell

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(7)
        form.addRow(self._heading("User"))
        for name in ("_id", "sub", "aud", "email", "firstname", "lastname", "attributes"):
            field = self.fields[name]
            if name == "aud":
                line = QWidget(self)
                row = QHBoxLayout(line)
                row.setContentsMargins(0, 0, 0, 0)
                row.setSpacing(6)
                row.addWidget(field, 1)
                row.addWidget(self.aud_button)
                cell = self._cell(line, self.errors[name])
            else:
                cell = self._cell(field, self.errors[name])
            form.addRow(self._claim_label(name, field), cell)
        form.addRow(self._heading("Validity"))
        for name in TIME_CLAIMS:
            row_widget = self.time_rows[name]
            cell = self._cell(row_widget, self.errors[name])
            form.addRow(self._claim_label(name, row_widget.date_edit), cell)
        form.addRow(self._heading("Other claims"))
        form.addRow(self._cell(self.other_edit, self.errors[OTHER]))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 2, 10, 10)
        layout.addLayout(form)
        layout.addStretch(1)

    # --- what the window asks -------------------------------------------------------------

    def set_tones(self, tones: Tones) -> None:
        self._tones = tones
        self.attributes_edit.set_colours(tones, tones.payload)
        self.other_edit.set_colours(tones, tones.payload)
        for label in self.errors.values():
            label.set_tones(tones)

    def set_project_id(self, project_id: str | None) -> None:
        valid = project_id is not None and PROJECT_ID_PATTERN.fullmatch(project_id) is not None
        self._project_id = project_id if valid else None
        self.aud_button.setEnabled(valid)

    def claim_value(self, name: str) -> ClaimValue | JsonProblem:
        """The value of a named claim as the form holds it."""
        if name in self.time_rows:
            return self.time_rows[name].value()
        if name == "attributes":
            text = self.attributes_edit.toPlainText()
            if not text.strip():
                return ABSENT
            return parse_json(text)
        return self._values[name]

    def other_claims(self) -> dict[str, JSONValue] | JsonProblem:
        text = self.other_edit.toPlainText()
        if not text.strip():
            return {}
        value = parse_json(text)
        if isinstance(value, JsonProblem):
            return value
        if not isinstance(value, dict):
            return JsonProblem("the other claims must be a JSON object: { … }", 0)
        return value

    def problems(self) -> list[str]:
        """What the form holds that cannot be signed (invalid JSON), in words."""
        found = []
        if self._attributes_problem:
            found.append(f"attributes: {self._attributes_problem}")
        for name, row in self.time_rows.items():
            value = row.value()
            if isinstance(value, JsonProblem):
                found.append(f"{name}: {value.message}")
        if self._other_problem:
            found.append(f"other claims: {self._other_problem}")
        return found

    def show_payload(self, payload: JSONValue) -> None:
        """Show ``payload``'s claims (no ``claimEdited``); the form's own JSON problems go."""
        claims = payload if isinstance(payload, dict) else {}
        for name in NAMED_CLAIMS:
            self._values[name] = claims.get(name, ABSENT)
        for name, edit in self._text_edits.items():
            self._show_text(edit, self._values[name])
        sub = self._values["sub"]
        sub_text = "" if sub is ABSENT else sub if isinstance(sub, str) else json_text(sub)
        if self.sub_combo.currentText() != sub_text:
            with QSignalBlocker(self.sub_combo):
                self.sub_combo.setCurrentText(sub_text)
        attributes = self._values["attributes"]
        self.attributes_edit.show_text("" if attributes is ABSENT else _pretty(attributes))
        self._attributes_problem = None
        for name, row in self.time_rows.items():
            row.show_value(self._values[name])
        others = {k: v for k, v in claims.items() if k not in NAMED_CLAIMS}
        self.other_edit.show_text(_pretty(others) if others else "")
        self._other_problem = None

    def show_issues(self, issues: Sequence[Issue]) -> None:
        """The core's words under each claim; the form's own JSON problems come first."""
        by_claim: dict[str, list[Issue]] = {name: [] for name in self.errors}
        for issue in issues:
            if issue.claim is None or issue.part is not Part.PAYLOAD:
                continue
            target = issue.claim if issue.claim in by_claim else OTHER
            by_claim[target].append(issue)
        local = {
            "attributes": self._attributes_problem,
            OTHER: self._other_problem,
            **{
                name: value.message
                for name, row in self.time_rows.items()
                if isinstance(value := row.value(), JsonProblem)
            },
        }
        for name, label in self.errors.items():
            problem = local.get(name)
            if problem:
                label.show_message("✖ " + problem, Severity.ERROR)
            else:
                label.show_issues(by_claim[name], with_claim=name == OTHER)

    def show_times(self, times: Sequence[TimeInfo]) -> None:
        found = {info.claim: info for info in times}
        for name, row in self.time_rows.items():
            row.show_info(found.get(name))

    def focus_claim(self, name: str) -> QWidget:
        """Focus the field of claim ``name`` (the other-claims editor for any other claim)."""
        widget = self.fields.get(name)
        if widget is None:
            widget = self.other_edit
            position = self.other_edit.toPlainText().find(json.dumps(name))
            if position >= 0:
                cursor = self.other_edit.textCursor()
                cursor.setPosition(position)
                self.other_edit.setTextCursor(cursor)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return widget

    # --- edits ----------------------------------------------------------------------------

    @staticmethod
    def _show_text(edit: QLineEdit, value: ClaimValue) -> None:
        if value is ABSENT:
            text, placeholder = "", None
        elif isinstance(value, str):
            text, placeholder = value, "(an empty string)" if value == "" else None
        else:
            text, placeholder = json_text(value), None
        if text != edit.text():
            with QSignalBlocker(edit):
                edit.setText(text)
                if not edit.hasFocus():
                    edit.setCursorPosition(0)
        name = edit.objectName().removeprefix("claim_")
        edit.setPlaceholderText(placeholder or PLACEHOLDERS.get(name, ""))

    @Slot(str)
    def _on_text_changed(self, text: str) -> None:
        for name, edit in self._text_edits.items():
            if edit is self.sender():
                self._values[name] = text if text else ABSENT
                self.claimEdited.emit(name)
                return

    @Slot(str)
    def _on_sub_changed(self, text: str) -> None:
        self._values["sub"] = text if text else ABSENT
        self.claimEdited.emit("sub")

    @Slot()
    def _on_aud_from_project(self) -> None:
        if self._project_id is not None:
            self._text_edits["aud"].setText(tiledesk_audience(self._project_id))
            self._text_edits["aud"].setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _on_attributes_changed(self) -> None:
        value = self.claim_value("attributes")
        self._attributes_problem = value.message if isinstance(value, JsonProblem) else None
        self.claimEdited.emit("attributes")

    @Slot()
    def _on_other_changed(self) -> None:
        value = self.other_claims()
        self._other_problem = value.message if isinstance(value, JsonProblem) else None
        self.claimEdited.emit(OTHER)

    @Slot(str)
    def _on_time_edited(self, name: str) -> None:
        self.claimEdited.emit(name)
