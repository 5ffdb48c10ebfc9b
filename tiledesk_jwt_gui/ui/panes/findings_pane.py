"""The findings under the token: errors, then warnings, then notes, each one click away from
its field; select and copy them, or copy or save the shareable report (Markdown, from
``core/share.py``: the verdict, findings, claims, the diagnosis; never the secret, which it names
by fingerprint only, nor the token's signature)."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ...core import Issue
from ..document import InspectorDocument
from ..document.diagnosis import SignatureDiagnosis
from ..style.tones import Tones
from ..widgets.issue_list import IssueList
from ..widgets.section_label import section_label

__all__ = ["FindingsPane"]


class FindingsPane(QWidget):
    """``issueActivated`` carries the :class:`Issue` a person chose (the window focuses its
    field)."""

    issueActivated = Signal(object)

    def __init__(
        self, document: InspectorDocument, tones: Tones, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("findingsSide")
        self.document = document
        self.why = SignatureDiagnosis.of(document)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 4, 6, 8)
        column.setSpacing(4)
        heading = QHBoxLayout()
        self.title = section_label("&Findings", self)
        heading.addWidget(self.title, 1)
        self.copy_report_button = QPushButton("Copy report", self)
        self.copy_report_button.setObjectName("copyReportButton")
        self.copy_report_button.setAccessibleName("Copy the report to share, as Markdown")
        self.copy_report_button.setToolTip(
            "Copy a report for a colleague or a ticket, as Markdown: the verdict, the findings, "
            "the claims, why the signature fails. The secret only as a fingerprint; the token's "
            "signature left out (a live token is a credential)"
        )
        heading.addWidget(self.copy_report_button)
        self.save_report_button = QPushButton("Save report…", self)
        self.save_report_button.setObjectName("saveReportButton")
        self.save_report_button.setAccessibleName("Save the report to share")
        self.save_report_button.setToolTip(
            "Save the same report as a Markdown or JSON file (readable by you only)"
        )
        heading.addWidget(self.save_report_button)
        column.addLayout(heading)
        self.issue_list = IssueList(tones, self)
        self.issue_list.setObjectName("issuesList")
        self.issue_list.setAccessibleName("Findings: click one to go to its field")
        self.title.setBuddy(self.issue_list)
        column.addWidget(self.issue_list, 1)
        self.issue_list.issueActivated.connect(self._on_issue)
        self.copy_report_button.clicked.connect(self.copy_report)
        self.save_report_button.clicked.connect(self.save_report)
        document.verdictChanged.connect(self._on_verdict)

    def set_tones(self, tones: Tones) -> None:
        self.issue_list.set_tones(tones)

    @Slot()
    def _on_verdict(self) -> None:
        verdict = self.document.verdict
        if verdict is None:
            return
        self.issue_list.show_issues(verdict.issues)
        errors, warnings = len(verdict.errors), len(verdict.warnings)
        self.title.setText(
            f"&Findings: {errors} error{'s' * (errors != 1)}, "
            f"{warnings} warning{'s' * (warnings != 1)}"
        )

    @Slot()
    def copy_report(self) -> None:
        text = self.why.report()
        if text is None:
            return
        QGuiApplication.clipboard().setText(text)
        self.document.notify(f"Copied the report as Markdown ({len(text):,} characters)")

    @Slot()
    def save_report(self) -> None:
        from ..widgets.save_report_dialog import (  # noqa: PLC0415 (imported when first used)
            SaveReportDialog,
            write_report,
        )

        if self.document.verdict is None:
            return
        chosen = SaveReportDialog.ask(self)
        if chosen is None:
            return
        path, as_json = chosen
        text = self.why.report(as_json=as_json)
        if text is None:
            return
        problem = write_report(path, text)
        self.document.notify(
            f"Report not saved: {problem}" if problem else f"Saved the report to {path.name}"
        )

    @Slot(object)
    def _on_issue(self, issue: object) -> None:
        if isinstance(issue, Issue):
            self.issueActivated.emit(issue)
