"""The QA cases panel: the suite of edge-case variants of the token shown, each with the answer
the Tiledesk server gives each of the widget's calls; filtered by text; a click (or Enter)
checks a case's token in the editor; "Export suite…" writes it as data or runnable tests.

The suite and its making live in the document's companion (:class:`QACases`); this pane shows
it and asks. The warning that the tokens are real credentials is said here once.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ...core import QACase, credentials_warning
from ..document import InspectorDocument
from ..document.qa_cases import SUMMARY_WORDS, ExportResult, QACases
from ..style.plain import plain_label
from ..style.tones import Tones, set_text_colour, tones_for
from ..widgets.case_list import CaseList
from ..widgets.export_suite_dialog import ExportSuiteDialog

__all__ = ["QACasesPane"]

HINT = "Click a case, or press Enter on it, to check its token in the editor (the secret stays)."


def _utc(moment: float) -> str:
    return datetime.fromtimestamp(moment, UTC).strftime("%Y-%m-%d %H:%M UTC")


def case_detail(case: QACase) -> str:
    """What a case tests, how it is sent, and the answer expected for each call."""
    expected = case.expected
    lines = [
        f"{case.name}: {case.description}",
        f"Sent as “Authorization: {case.sent_as}”; expected: {SUMMARY_WORDS[expected.summary]}",
    ]
    for step in expected.flow:
        answer = "no answer" if step.status is None else str(step.status)
        lines.append(f"    {step.method} {step.path} → {answer}")
    return "\n".join(lines)


class QACasesPane(QWidget):
    def __init__(
        self, document: InspectorDocument, tones: Tones, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("qaCasesPane")
        self.document = document
        self.cases = QACases(document, parent=self)
        self._tones = tones
        column = QVBoxLayout(self)
        column.setContentsMargins(2, 6, 2, 2)
        column.setSpacing(6)

        self.warning_label = plain_label(self)
        self.warning_label.setObjectName("qaCredentialsWarning")
        self.warning_label.setAccessibleName("Warning: the cases' tokens are real credentials")
        self.warning_label.setWordWrap(True)
        self.warning_label.hide()
        column.addWidget(self.warning_label)

        row = QHBoxLayout()
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("qaFilterEdit")
        self.filter_edit.setAccessibleName("Filter the QA cases")
        self.filter_edit.setPlaceholderText("Filter: exp, aud, secret, 401, rejected…")
        self.filter_edit.setClearButtonEnabled(True)
        row.addWidget(self.filter_edit, 1)
        self.regenerate_button = QPushButton("Make again", self)
        self.regenerate_button.setObjectName("qaRegenerateButton")
        self.regenerate_button.setAccessibleName("Make the suite again from the token shown")
        self.regenerate_button.setToolTip(
            "Make the suite again from the project, the secret and the claims of the token "
            "shown now (a new project id or secret remakes it by itself)"
        )
        row.addWidget(self.regenerate_button)
        self.export_button = QPushButton("Export suite…", self)
        self.export_button.setObjectName("qaExportButton")
        self.export_button.setAccessibleName("Export the QA suite to a file")
        self.export_button.setToolTip(
            "Save the suite as JSON, CSV, a pytest file, a Postman collection or a curl script, "
            "readable by you only"
        )
        self.export_button.setEnabled(False)
        row.addWidget(self.export_button)
        column.addLayout(row)

        self.case_list = CaseList(tones, SUMMARY_WORDS, self)
        self.case_list.setObjectName("qaCaseList")
        self.case_list.setAccessibleName("QA cases")
        self.case_list.setAccessibleDescription(HINT)
        column.addWidget(self.case_list, 1)

        self.detail_label = plain_label(self)
        self.detail_label.setObjectName("qaCaseDetail")
        self.detail_label.setAccessibleName("The case selected")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lines = self.detail_label.fontMetrics().lineSpacing()
        self.detail_label.setMinimumHeight(lines * 5)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.detail_label)
        self.state_label = plain_label(self)
        self.state_label.setObjectName("qaStateLabel")
        self.state_label.setAccessibleName("The suite")
        self.state_label.setWordWrap(True)
        column.addWidget(self.state_label)

        self.filter_edit.textChanged.connect(self._on_filter)
        self.regenerate_button.clicked.connect(self.cases.generate)
        self.export_button.clicked.connect(self.export_suite)
        self.case_list.caseActivated.connect(self._on_case)
        self.case_list.currentItemChanged.connect(self._show_detail)
        self.cases.suiteChanged.connect(self._on_suite)
        self.cases.exported.connect(self._on_exported)
        self.set_tones(tones)
        self._on_suite()

    # --- colours ---------------------------------------------------------------------------

    def set_tones(self, tones: Tones) -> None:
        self._tones = tones
        self.case_list.set_tones(tones)
        set_text_colour(self.warning_label, tones.warn)
        set_text_colour(self.state_label, tones.muted)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            tones = tones_for(self.palette())
            if tones != self._tones:
                self.set_tones(tones)

    # --- the suite speaks ------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.cases.want()

    @Slot()
    def _on_suite(self) -> None:
        cases = self.cases
        suite, made_from = cases.suite, cases.made_from
        self.export_button.setEnabled(suite is not None and not cases.generating)
        if suite is None:
            self.case_list.show_cases(())
            self.warning_label.hide()
            text = "Making the suite…" if cases.generating else cases.problem or ""
            self.state_label.setText(text)
            self.state_label.setToolTip("")
            self._show_detail()
            return
        self.case_list.show_cases(suite.cases)
        self.warning_label.setText(
            f"⚠ Real credentials: these tokens sign in to project {suite.project_id} until "
            f"{_utc(suite.valid_until)}. Use a test project."
        )
        self.warning_label.setToolTip(credentials_warning(suite))
        self.warning_label.show()
        whose = (
            "the project id field"
            if made_from is not None and made_from.field_project_id
            else "the token's aud"
        )
        claims = "the token shown" if made_from and made_from.base_claims else "the docs' sample"
        text = (
            f"{len(suite.cases)} cases for project {suite.project_id} (from {whose}), from "
            f"the claims of {claims}, as of {_utc(suite.now)}."
        )
        left_out = ", ".join(case.name for case in suite.left_out)
        if left_out:
            text += f" {len(suite.left_out)} left out (hover to see which)."
        if cases.generating:
            text = f"Making the suite again… {text}"
        self.state_label.setText(text)
        self.state_label.setToolTip(
            f"Left out, as their answers cannot be predicted exactly yet: {left_out}"
            if left_out
            else ""
        )
        self._on_filter(self.filter_edit.text())
        self._show_detail()

    @Slot()
    def _show_detail(self) -> None:
        name = self.case_list.current_name()
        case = self.cases.case(name) if name is not None else None
        if case is not None:
            self.detail_label.setText(case_detail(case))
        else:
            self.detail_label.setText(HINT if self.cases.suite is not None else "")

    @Slot(object)
    def _on_exported(self, result: object) -> None:
        if isinstance(result, ExportResult):
            self.state_label.setText(f"{result.message}.")

    # --- the person acts -------------------------------------------------------------------

    @Slot(str)
    def _on_filter(self, text: str) -> None:
        shown = self.case_list.set_filter(text)
        suite = self.cases.suite
        if suite is not None and text.strip():
            self.case_list.setAccessibleDescription(
                f"{shown} of {len(suite.cases)} cases shown. {HINT}"
            )

    @Slot(str)
    def _on_case(self, name: str) -> None:
        self.cases.load(name)

    @Slot()
    def export_suite(self) -> None:
        suite = self.cases.suite
        if suite is None:
            return
        chosen = ExportSuiteDialog.ask(self, f"tiledesk-qa-{suite.project_id}")
        if chosen is not None:
            self.cases.export(*chosen)
