"""The claims form: one row per claim Tiledesk reads, each with its inline error, the time claims
with date-time editors, and a JSON editor for every other claim.

The form holds no token logic: it shows claim values, reports which claim a person edited, and
shows the core's words about each claim beneath it.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence

from PySide6.QtCore import QSignalBlocker, Qt, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core import (
    ABSENT,
    FORM_CLAIMS,
    SUBJECT_CHOICES,
    ClaimValue,
    Issue,
    JsonProblem,
    JSONValue,
    Mode,
    Place,
    Severity,
    TimeInfo,
    claimed_project_id,
    issues_at,
    parse_json,
    tiledesk_audience,
)
from ...core.times import TIME_CLAIMS
from ..document import Change, InspectorDocument
from ..style.json_text import json_text
from ..style.tones import Tones
from ..widgets.claim_error_label import ClaimErrorLabel
from ..widgets.json_edit import JsonEdit
from ..widgets.time_claim_row import TimeClaimRow
from ..widgets.wheel_guard import guard_wheel
from .claim_texts import OTHER, PLACEHOLDERS, SUBJECT_TIPS, TOOLTIPS

__all__ = ["NAMED_CLAIMS", "OTHER", "ClaimsForm"]

TEXT_CLAIMS = ("_id", "email", "firstname", "lastname", "aud")
NAMED_CLAIMS = FORM_CLAIMS


def _pretty(value: JSONValue) -> str:
    return json_text(value, indent=2)


class ClaimsForm(QScrollArea):
    """The claims as fields, in a scroll area. Each edit is a ``document.edit_claim``; what the
    document holds is shown back (never into the field being typed in)."""

    def __init__(
        self, document: InspectorDocument, tones: Tones, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("claimsScroll")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.document = document
        self.form = QWidget(self)
        self.form.setObjectName("claimsForm")
        form = self.form
        self._tones = tones
        self._project_id: str | None = None
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, ClaimErrorLabel] = {}
        self._labels: list[QLabel] = []
        self._last_token: str | None = None

        self._text_edits: dict[str, QLineEdit] = {}
        for name in TEXT_CLAIMS:
            edit = QLineEdit(form)
            edit.setPlaceholderText(PLACEHOLDERS[name])
            edit.setClearButtonEnabled(True)
            edit.textChanged.connect(self._on_text_changed)
            self._text_edits[name] = edit
            self.fields[name] = edit

        self.sub_combo = QComboBox(form)
        self.sub_combo.setEditable(True)
        self.sub_combo.setCompleter(None)  # type: ignore[arg-type]  # "user" stays "user"
        for index, (subject, tip) in enumerate(zip(SUBJECT_CHOICES, SUBJECT_TIPS, strict=True)):
            self.sub_combo.addItem(subject)
            self.sub_combo.setItemData(index, tip, Qt.ItemDataRole.ToolTipRole)
        self.sub_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line_edit = self.sub_combo.lineEdit()
        if line_edit is not None:
            line_edit.setPlaceholderText("userexternal")
            line_edit.setAccessibleName("sub text")
        self.sub_combo.currentTextChanged.connect(self._on_sub_changed)
        self.fields["sub"] = self.sub_combo

        self.aud_button = QToolButton(form)
        self.aud_button.setObjectName("audFromProjectButton")
        self.aud_button.setText("From project")
        self.aud_button.setAccessibleName("Fill aud from the project id")
        self.aud_button.setToolTip("Set aud to https://tiledesk.com/projects/<project id>")
        self.aud_button.setEnabled(False)
        self.aud_button.clicked.connect(self._on_aud_from_project)

        self.attributes_edit = JsonEdit(tones, tones.payload, lines=3, parent=form)
        self.attributes_edit.setPlaceholderText('{"plan": "gold"}   (a JSON object, optional)')
        self.attributes_edit.textChanged.connect(self._on_attributes_changed)
        self.fields["attributes"] = self.attributes_edit

        self.time_rows: dict[str, TimeClaimRow] = {}
        for name in TIME_CLAIMS:
            row = TimeClaimRow(name, document.clock, form)
            row.edited.connect(self._on_time_edited)
            self.time_rows[name] = row
            self.fields[name] = row.date_edit

        self.other_edit = JsonEdit(tones, tones.payload, lines=4, parent=form)
        self.other_edit.setObjectName("otherClaimsEdit")
        self.other_edit.setAccessibleName("Other claims, JSON object")
        self.other_edit.setPlaceholderText('{"iss": "my-backend", "jti": "…"}   (optional)')
        self.other_edit.setToolTip(TOOLTIPS[OTHER])
        self.other_edit.textChanged.connect(self._on_other_changed)

        for name, widget in self.fields.items():
            widget.setObjectName(f"claim_{name}")
            widget.setAccessibleName(f"Claim {name}")
            widget.setToolTip(TOOLTIPS[name])
            label = ClaimErrorLabel(tones, form)
            label.setObjectName(f"claimError_{name}")
            label.setAccessibleName(f"Problems with {name}")
            self.errors[name] = label
        for name, row in self.time_rows.items():
            row.date_edit.setAccessibleName(f"Claim {name}, local date and time")
            row.set_help(TOOLTIPS[name])
        other_error = ClaimErrorLabel(tones, form)
        other_error.setObjectName("claimError_other")
        other_error.setAccessibleName("Problems with the other claims")
        self.errors[OTHER] = other_error
        guard_wheel(self.sub_combo)
        self._build_layout()
        self._chain_tabs()
        self.setWidget(form)

        document.changed.connect(self._on_changed)
        document.verdictChanged.connect(self._on_verdict)
        document.ticked.connect(self._on_ticked)

    # --- layout ---------------------------------------------------------------------------

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text, self.form)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        label.setContentsMargins(0, 8, 0, 0)
        return label

    def _claim_label(self, name: str, field: QWidget) -> QLabel:
        label = QLabel(name, self.form)
        mono = QFont(self.attributes_edit.font())
        label.setFont(mono)
        label.setBuddy(field)
        label.setToolTip(TOOLTIPS.get(name, ""))
        self._labels.append(label)
        return label

    def _cell(self, *widgets: QWidget) -> QWidget:
        cell = QWidget(self.form)
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
        form.setVerticalSpacing(4)
        form.addRow(self._heading("User"))
        for name in ("_id", "sub", "aud", "email", "firstname", "lastname", "attributes"):
            field = self.fields[name]
            if name == "aud":
                line = QWidget(self.form)
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
        layout = QVBoxLayout(self.form)
        layout.setContentsMargins(10, 2, 10, 10)
        layout.addLayout(form)
        layout.addStretch(1)

    def _chain_tabs(self) -> None:
        """Tab follows the screen: the user's claims, then each time claim (date, seconds,
        presets), the other claims, and the aud button last."""
        chain: list[QWidget] = [self.fields[name] for name in FORM_CLAIMS[:7]]
        for row in self.time_rows.values():
            chain += [row.date_edit, row.seconds_edit, row.presets_button]
        chain += [self.other_edit, self.aud_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # --- what the window asks -------------------------------------------------------------

    def set_tones(self, tones: Tones) -> None:
        self._tones = tones
        self.attributes_edit.set_colours(tones, tones.payload)
        self.other_edit.set_colours(tones, tones.payload)
        for label in self.errors.values():
            label.set_tones(tones)

    def focus_claim(self, name: str) -> QWidget:
        """Focus the field of claim ``name`` (the other-claims editor for any other claim) and
        bring it into view."""
        widget = self.fields.get(name)
        if widget is None:
            widget = self.other_edit
            position = self.other_edit.toPlainText().find(json.dumps(name))
            if position >= 0:
                cursor = self.other_edit.textCursor()
                cursor.setPosition(position)
                self.other_edit.setTextCursor(cursor)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        self.ensureWidgetVisible(widget, 40, 60)
        return widget

    # --- the document speaks -------------------------------------------------------------

    @Slot(object, object)
    def _on_changed(self, changes: frozenset[Change], origin: object) -> None:
        draft = self.document.draft
        if Change.PROJECT in changes or Change.PAYLOAD in changes:
            self._project_id = draft.project().project_id or claimed_project_id(draft.payload)
            self.aud_button.setEnabled(self._project_id is not None)
        if Change.PAYLOAD in changes and origin is not self:
            self._show_payload(draft.payload)
        if (
            Change.TOKEN in changes
            and draft.mode is Mode.CHECKING
            and origin is not self
            and draft.token != self._last_token
        ):
            self.verticalScrollBar().setValue(0)  # a new token: its claims from the top
        self._last_token = draft.token
        if Change.PROBLEMS in changes:
            self._show_problems()

    @Slot()
    def _on_verdict(self) -> None:
        verdict = self.document.verdict
        if verdict is None:
            return
        self._show_issues(verdict.issues)
        self._show_times(verdict.times)

    @Slot()
    def _on_ticked(self) -> None:
        window = self.document.time_window()
        if window is not None:
            self._show_times(window.times)

    def _show_payload(self, payload: JSONValue) -> None:
        claims = payload if isinstance(payload, dict) else {}
        values: dict[str, ClaimValue] = {name: claims.get(name, ABSENT) for name in FORM_CLAIMS}
        for name, edit in self._text_edits.items():
            self._show_text(edit, values[name])
        sub = values["sub"]
        sub_text = "" if sub is ABSENT else sub if isinstance(sub, str) else json_text(sub)
        if self.sub_combo.currentText() != sub_text:
            with QSignalBlocker(self.sub_combo):
                self.sub_combo.setCurrentText(sub_text)
        attributes = values["attributes"]
        self.attributes_edit.show_text("" if attributes is ABSENT else _pretty(attributes))
        for name, row in self.time_rows.items():
            row.show_value(values[name])
        others = {k: v for k, v in claims.items() if k not in FORM_CLAIMS}
        self.other_edit.show_text(_pretty(others) if others else "")

    def _show_problems(self) -> None:
        verdict = self.document.verdict
        self._show_issues(verdict.issues if verdict is not None else ())

    def _show_issues(self, issues: Sequence[Issue]) -> None:
        """The core's words under each claim; what the form holds that cannot be signed
        comes first."""
        problems = self.document.problems
        for name, label in self.errors.items():
            problem = problems.get(f"claim:{name}")
            if problem:
                label.show_message("✖ " + problem, Severity.ERROR)
            elif name == OTHER:
                label.show_issues(issues_at(issues, Place.OTHER_CLAIMS), with_claim=True)
            else:
                label.show_issues(issues_at(issues, Place.CLAIM, name))

    def _show_times(self, times: Sequence[TimeInfo]) -> None:
        found = {info.claim: info for info in times}
        for name, row in self.time_rows.items():
            row.show_info(found.get(name))

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

    # --- the person edits ----------------------------------------------------------------

    @Slot(str)
    def _on_text_changed(self, text: str) -> None:
        for name, edit in self._text_edits.items():
            if edit is self.sender():
                self.document.edit_claim(name, text if text else ABSENT, origin=self)
                return

    @Slot(str)
    def _on_sub_changed(self, text: str) -> None:
        self.document.edit_claim("sub", text if text else ABSENT, origin=self)

    @Slot()
    def _on_aud_from_project(self) -> None:
        if self._project_id is not None:
            self._text_edits["aud"].setText(tiledesk_audience(self._project_id))
            self._text_edits["aud"].setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _on_attributes_changed(self) -> None:
        text = self.attributes_edit.toPlainText()
        value = parse_json(text) if text.strip() else ABSENT
        if isinstance(value, JsonProblem):
            self.document.edit_claim("attributes", ABSENT, problem=value.message, origin=self)
        else:
            self.document.edit_claim("attributes", value, origin=self)

    @Slot()
    def _on_other_changed(self) -> None:
        text = self.other_edit.toPlainText()
        value = parse_json(text) if text.strip() else {}
        if isinstance(value, JsonProblem):
            self.document.edit_other_claims(None, problem=value.message, origin=self)
        elif not isinstance(value, dict):
            problem = "the other claims must be a JSON object: { … }"
            self.document.edit_other_claims(None, problem=problem, origin=self)
        else:
            self.document.edit_other_claims(value, origin=self)

    @Slot(str)
    def _on_time_edited(self, name: str) -> None:
        value = self.time_rows[name].value()
        if isinstance(value, JsonProblem):
            self.document.edit_claim(name, ABSENT, problem=value.message, origin=self)
        else:
            self.document.edit_claim(name, value, origin=self)
