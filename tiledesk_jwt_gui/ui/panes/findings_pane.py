"""The findings under the token: errors, then warnings, then notes, each one click away from
its field; select and copy them, or copy the whole verdict as a report (never a secret)."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ...core import Issue, report_text
from ..document import InspectorDocument
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
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 4, 6, 8)
        column.setSpacing(4)
        heading = QHBoxLayout()
        self.title = section_label("&Findings", self)
        heading.addWidget(self.title, 1)
        self.copy_report_button = QPushButton("Copy report", self)
        self.copy_report_button.setObjectName("copyReportButton")
        self.copy_report_button.setAccessibleName("Copy the verdict as a text report")
        self.copy_report_button.setToolTip(
            "Copy the verdict, the findings and the decoded token as text (never the secret)"
        )
        heading.addWidget(self.copy_report_button)
        column.addLayout(heading)
        self.issue_list = IssueList(tones, self)
        self.issue_list.setObjectName("issuesList")
        self.issue_list.setAccessibleName("Findings: click one to go to its field")
        self.title.setBuddy(self.issue_list)
        column.addWidget(self.issue_list, 1)
        self.issue_list.issueActivated.connect(self._on_issue)
        self.copy_report_button.clicked.connect(self.copy_report)
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
        verdict = self.document.verdict
        if verdict is None:
            return
        text = report_text(verdict)
        QGuiApplication.clipboard().setText(text)
        self.document.notify(f"Copied the report ({len(text):,} characters)")

    @Slot(object)
    def _on_issue(self, issue: object) -> None:
        if isinstance(issue, Issue):
            self.issueActivated.emit(issue)
