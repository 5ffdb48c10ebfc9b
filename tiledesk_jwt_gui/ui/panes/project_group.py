"""What the verdict is asked against: the project id (a warning on the field when it is not
one, and a one-click fix when the token is for another project), the profile ("Judge as") and
the clock leeway. The project id field is the person's, never the server's: a malformed value
counts as not set and never makes the verdict reject."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ...core import MAX_LEEWAY_SECONDS, Profile, Severity
from ..document import Change, InspectorDocument
from ..style.tones import Tones
from ..widgets.claim_error_label import ClaimErrorLabel
from ..widgets.wheel_guard import guard_wheel

__all__ = ["ProjectGroup"]

PLACEHOLDER = "24 hexadecimal characters, or paste the dashboard's project URL"


class ProjectGroup(QWidget):
    """``mono`` is the font the project id is written in (the token's)."""

    def __init__(
        self,
        document: InspectorDocument,
        tones: Tones,
        mono: QFont,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("projectGroup")
        self.document = document
        self._fix: str | None = None
        self.project_edit = QLineEdit(self)
        self.project_edit.setObjectName("projectIdEdit")
        self.project_edit.setAccessibleName("Project id")
        self.project_edit.setPlaceholderText(PLACEHOLDER)
        self.project_edit.setToolTip(
            "Your Tiledesk project id (dashboard → project settings; a pasted dashboard URL "
            "works too). Empty: the project the token's aud names. With it, aud and the _id "
            "prefix are checked against it, and composed tokens are made for it."
        )
        self.project_edit.setFont(mono)
        self.project_edit.setClearButtonEnabled(True)
        project_label = QLabel("&Project id", self)
        project_label.setBuddy(self.project_edit)
        self.project_error = ClaimErrorLabel(tones, self)
        self.project_error.setObjectName("projectIdError")
        self.project_error.setAccessibleName("Problem with the project id")
        self.fix_button = QPushButton(self)
        self.fix_button.setObjectName("projectFixButton")
        self.fix_button.setAccessibleName("Use the token's project id")
        self.fix_button.hide()
        self.fix_button.clicked.connect(self._on_fix)

        self.profile_combo = QComboBox(self)
        self.profile_combo.setObjectName("profileCombo")
        self.profile_combo.setAccessibleName("Judge as")
        self.profile_combo.addItem("Tiledesk server", Profile.TILEDESK.value)
        self.profile_combo.addItem("Any JWT (RFC 7519)", Profile.GENERIC.value)
        self.profile_combo.setToolTip(
            "Tiledesk server: decide as tiledesk-server does for custom authentication, and warn "
            "where the docs ask for more.\nAny JWT: RFC 7519's rules only (not remembered: the "
            "window opens judging as the Tiledesk server)."
        )
        profile_label = QLabel("&Judge as", self)
        profile_label.setBuddy(self.profile_combo)
        self.leeway_spin = QSpinBox(self)
        self.leeway_spin.setObjectName("leewaySpin")
        self.leeway_spin.setAccessibleName("Clock leeway in seconds")
        self.leeway_spin.setRange(0, MAX_LEEWAY_SECONDS)
        self.leeway_spin.setSuffix(" s")
        self.leeway_spin.setToolTip(
            "Clock tolerance for nbf and exp, in seconds (0 to a day). The Tiledesk server "
            "allows none: keep 0 to see what it does."
        )
        leeway_label = QLabel("&Leeway", self)
        leeway_label.setBuddy(self.leeway_spin)
        guard_wheel(self.profile_combo, self.leeway_spin)
        checks_row = QHBoxLayout()
        checks_row.setSpacing(8)
        checks_row.addWidget(self.profile_combo, 1)
        checks_row.addWidget(leeway_label)
        checks_row.addWidget(self.leeway_spin)
        note_row = QHBoxLayout()
        note_row.setSpacing(6)
        note_row.addWidget(self.project_error, 1)
        note_row.addWidget(self.fix_button)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        grid.addWidget(project_label, 0, 0)
        grid.addWidget(self.project_edit, 0, 1)
        grid.addLayout(note_row, 1, 1)
        grid.addWidget(profile_label, 2, 0)
        grid.addLayout(checks_row, 2, 1)
        grid.setColumnStretch(1, 1)

        self.project_edit.textChanged.connect(self._on_project_edited)
        self.profile_combo.currentIndexChanged.connect(self._on_profile_chosen)
        self.leeway_spin.valueChanged.connect(self._on_leeway_chosen)
        document.changed.connect(self._on_changed)

    def set_tones(self, tones: Tones) -> None:
        self.project_error.set_tones(tones)

    # --- the document speaks -----------------------------------------------------------------

    @Slot(object, object)
    def _on_changed(self, changes: frozenset[Change], origin: object) -> None:
        draft = self.document.draft
        shown = self.project_edit.text()
        if Change.PROJECT in changes and origin is not self and shown != draft.project_text:
            self.project_edit.setText(draft.project_text)
        if Change.CHECKS in changes and origin is not self:
            index = self.profile_combo.findData(draft.profile.value)
            if index >= 0 and index != self.profile_combo.currentIndex():
                self.profile_combo.setCurrentIndex(index)
            if self.leeway_spin.value() != round(draft.leeway):
                self.leeway_spin.setValue(round(draft.leeway))
        if changes & {Change.PROJECT, Change.PAYLOAD, Change.TOKEN}:
            self._show_project_note()

    def _show_project_note(self) -> None:
        field = self.document.draft.project()
        token_project = field.token_project
        self.project_edit.setPlaceholderText(
            f"{token_project}   (the token's project, from aud)" if token_project else PLACEHOLDER
        )
        self._fix = None
        if field.problem:
            self.project_error.show_message("⚠ " + field.problem, Severity.WARNING)
        elif field.mismatch:
            self.project_error.show_message(
                f"⚠ {field.mismatch[:1].upper()}{field.mismatch[1:]}.", Severity.WARNING
            )
            self._fix = token_project
        else:
            self.project_error.show_message("")
        if self._fix:
            self.fix_button.setText(f"Use {self._fix}")
            self.fix_button.setToolTip(f"Set the project id to {self._fix}, the token's project")
        self.fix_button.setVisible(self._fix is not None)

    # --- the person edits ------------------------------------------------------------------------

    @Slot(str)
    def _on_project_edited(self, text: str) -> None:
        self.document.set_project_text(text, self)

    @Slot()
    def _on_fix(self) -> None:
        if self._fix:
            self.project_edit.setText(self._fix)

    @Slot(int)
    def _on_profile_chosen(self, _index: int) -> None:
        self.document.set_profile(Profile(self.profile_combo.currentData()), self)

    @Slot(int)
    def _on_leeway_chosen(self, seconds: int) -> None:
        self.document.set_leeway(float(seconds), self)
