"""The "Project and key" group: the project id, what to judge against (the profile and the clock
leeway), the header's algorithm, typ and kid, and the key inputs. The window connects to the
widgets and asks ``checks()`` what the verdict is asked against."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from ..core import PROJECT_ID_PATTERN, Profile, Severity
from .claim_error_label import ClaimErrorLabel
from .header_fields import HeaderFields
from .key_panel import KeyPanel
from .session import Checks
from .tones import Tones
from .window_settings import MAX_LEEWAY_SECONDS

__all__ = ["ProjectGroup"]


class ProjectGroup(QGroupBox):
    """``mono`` is the font the project id is written in (the token's)."""

    def __init__(self, tones: Tones, mono: QFont, parent: QWidget | None = None) -> None:
        super().__init__("Project and key", parent)
        self.setObjectName("projectGroup")
        self.project_edit = QLineEdit(self)
        self.project_edit.setObjectName("projectIdEdit")
        self.project_edit.setAccessibleName("Project id")
        self.project_edit.setPlaceholderText(
            "24 hexadecimal characters, e.g. 65a1b2c3d4e5f60718293a4b"
        )
        self.project_edit.setToolTip(
            "Your Tiledesk project id (dashboard → project settings). With it, aud and the _id "
            "prefix are checked against it, and composed tokens are made for it."
        )
        self.project_edit.setFont(mono)
        self.project_edit.setClearButtonEnabled(True)
        project_label = QLabel("&Project id", self)
        project_label.setBuddy(self.project_edit)
        self.project_error = ClaimErrorLabel(tones, self)
        self.project_error.setObjectName("projectIdError")
        self.project_error.setAccessibleName("Problem with the project id")

        self.profile_combo = QComboBox(self)
        self.profile_combo.setObjectName("profileCombo")
        self.profile_combo.setAccessibleName("Judge as")
        self.profile_combo.addItem("Tiledesk server", Profile.TILEDESK.value)
        self.profile_combo.addItem("Any JWT (RFC 7519)", Profile.GENERIC.value)
        self.profile_combo.setToolTip(
            "Tiledesk server: decide as tiledesk-server does for custom authentication, and warn "
            "where the docs ask for more.\nAny JWT: RFC 7519's rules only."
        )
        profile_label = QLabel("&Judge as", self)
        profile_label.setBuddy(self.profile_combo)
        self.leeway_spin = QSpinBox(self)
        self.leeway_spin.setObjectName("leewaySpin")
        self.leeway_spin.setAccessibleName("Clock leeway in seconds")
        self.leeway_spin.setRange(0, MAX_LEEWAY_SECONDS)
        self.leeway_spin.setSuffix(" s")
        self.leeway_spin.setToolTip(
            "Clock tolerance for nbf and exp, in seconds. The Tiledesk server allows none: keep "
            "0 to see what it does."
        )
        leeway_label = QLabel("&Leeway", self)
        leeway_label.setBuddy(self.leeway_spin)
        checks_row = QHBoxLayout()
        checks_row.setSpacing(8)
        checks_row.addWidget(self.profile_combo, 1)
        checks_row.addWidget(leeway_label)
        checks_row.addWidget(self.leeway_spin)

        self.header_fields = HeaderFields(tones, self)
        self.key_panel = KeyPanel(tones, self)

        grid = QGridLayout(self)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        grid.addWidget(project_label, 0, 0)
        grid.addWidget(self.project_edit, 0, 1)
        grid.addWidget(self.project_error, 1, 1)
        grid.addWidget(profile_label, 2, 0)
        grid.addLayout(checks_row, 2, 1)
        grid.addWidget(self.header_fields, 3, 0, 1, 2)
        grid.addWidget(self.key_panel, 4, 0, 1, 2)
        grid.setColumnStretch(1, 1)

    def set_tones(self, tones: Tones) -> None:
        self.project_error.set_tones(tones)
        self.header_fields.set_tones(tones)
        self.key_panel.set_tones(tones)

    def checks(self) -> Checks:
        """What the verdict is asked against, besides the key."""
        project = self.project_edit.text().strip() or None
        profile = Profile(self.profile_combo.currentData() or Profile.TILEDESK.value)
        return Checks(project, profile, float(self.leeway_spin.value()))

    def show_project_error(self) -> None:
        """Warn under the project id when it is not the 24 hexadecimal characters of one."""
        project = self.project_edit.text().strip()
        if project and not PROJECT_ID_PATTERN.fullmatch(project):
            self.project_error.show_message(
                f"⚠ A Tiledesk project id is 24 hexadecimal characters (0-9, a-f); this has "
                f"{len(project)}{'' if project.isalnum() else ' and other characters'}.",
                Severity.WARNING,
            )
        else:
            self.project_error.show_message("")
