"""Adding or editing a remembered project, and confirming "Forget": dialogs behind classmethods
(``ask``) so that tests can answer them.

The secret is typed here (masked; or taken from the window's secret field with a button) and
handed back in memory only; it goes to the system keyring only when "Remember the secret in the
system keyring" is ticked, which it never is by default for a new project.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core import CLOUD_API_URL, BookEntry, CoreError, project_field
from ...core.widget_page import checked_server
from ..style.plain import plain_label
from .secret_line_edit import SecretLineEdit

__all__ = ["ForgetDialog", "ProjectAnswer", "ProjectDialog"]


@dataclass(frozen=True)
class ProjectAnswer:
    """What the person asked for. ``secret`` is empty unless typed; with ``keep_secret`` it goes
    to the keyring (empty: the stored one stays), without it a stored one is removed."""

    name: str
    project_id: str
    server: str
    secret: str
    keep_secret: bool

    def __repr__(self) -> str:  # never the secret, even in a traceback
        return f"ProjectAnswer({self.name!r}, {self.project_id!r}, keep={self.keep_secret})"


class ProjectDialog(QDialog):
    """``entry`` is the project edited (``None``: a new one); ``window_secret`` is what the
    window's secret field holds (offered, never shown)."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        entry: BookEntry | None,
        project_id: str = "",
        server: str = CLOUD_API_URL,
        window_secret: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("projectDialog")
        self.setWindowTitle("Edit the project" if entry else "Remember a project")
        self._entry = entry
        self._window_secret = window_secret
        stored = entry is not None and entry.secret_in_keyring

        self.name_edit = QLineEdit(entry.name if entry else "", self)
        self.name_edit.setObjectName("projectNameEdit")
        self.name_edit.setAccessibleName("Name")
        self.name_edit.setPlaceholderText("A name you will recognise, e.g. Staging")
        self.name_edit.setReadOnly(entry is not None)
        self.id_edit = QLineEdit(entry.project_id if entry else project_id, self)
        self.id_edit.setObjectName("projectIdDialogEdit")
        self.id_edit.setAccessibleName("Project id")
        self.id_edit.setPlaceholderText("24 hexadecimal characters, or the dashboard's URL")
        self.server_edit = QLineEdit(entry.server if entry else server, self)
        self.server_edit.setObjectName("projectServerEdit")
        self.server_edit.setAccessibleName("Server URL")
        self.server_edit.setPlaceholderText(CLOUD_API_URL)
        self.keep_check = QCheckBox("Remember the secret in the system &keyring", self)
        self.keep_check.setObjectName("rememberSecretCheck")
        self.keep_check.setChecked(stored)
        self.keep_check.setToolTip(
            "Only the system keyring holds it (Secret Service, Keychain, Credential Locker); "
            "it is never written to a file. Unticked, no secret is kept."
        )
        self.secret_edit = SecretLineEdit(self)
        self.secret_edit.setObjectName("projectSecretEdit")
        self.secret_edit.setAccessibleName("Secret to remember")
        self.secret_edit.setPlaceholderText(
            "Empty: keep the stored secret" if stored else "The project's secret"
        )
        self.take_button = QPushButton("Use the window's secret", self)
        self.take_button.setObjectName("takeWindowSecretButton")
        self.take_button.setToolTip("Fill in the secret typed in the window (it stays masked)")
        self.take_button.setEnabled(bool(window_secret))
        secret_row = QHBoxLayout()
        secret_row.addWidget(self.secret_edit, 1)
        secret_row.addWidget(self.take_button)
        self.problem_label = plain_label(self)
        self.problem_label.setObjectName("projectDialogProblem")
        self.problem_label.setWordWrap(True)

        form = QFormLayout()
        form.addRow("&Name", self.name_edit)
        form.addRow("&Project id", self.id_edit)
        form.addRow("&Server", self.server_edit)
        form.addRow("", self.keep_check)
        form.addRow("S&ecret", secret_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Remember")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.problem_label)
        column.addWidget(self.buttons)

        for edit in (self.name_edit, self.id_edit, self.server_edit, self.secret_edit):
            edit.textChanged.connect(self._check)
        self.keep_check.toggled.connect(self._check)
        self.take_button.clicked.connect(self._on_take)
        self._check()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        *,
        entry: BookEntry | None,
        project_id: str = "",
        server: str = CLOUD_API_URL,
        window_secret: str = "",
    ) -> ProjectAnswer | None:
        dialog = cls(
            parent, entry=entry, project_id=project_id, server=server, window_secret=window_secret
        )
        try:
            return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.secret_edit.setText("")
            dialog.deleteLater()

    def problem(self) -> str | None:
        """Why the answer cannot be taken yet (``None``: it can)."""
        if not self.name_edit.text().strip():
            return "Give the project a name."
        if project_field(self.id_edit.text()).project_id is None:
            return "The project id is 24 hexadecimal characters (or paste the dashboard's URL)."
        try:
            checked_server(self.server_edit.text())
        except CoreError as exc:
            return f"{str(exc)[:1].upper()}{str(exc)[1:]}."
        stored = self._entry is not None and self._entry.secret_in_keyring
        if self.keep_check.isChecked() and not self.secret_edit.text() and not stored:
            return "Type the secret to remember, or untick “Remember the secret”."
        if not self.keep_check.isChecked() and stored:
            return "The stored secret will be removed from the system keyring."
        return None

    def answer(self) -> ProjectAnswer:
        keep = self.keep_check.isChecked()
        return ProjectAnswer(
            name=self.name_edit.text().strip(),
            project_id=project_field(self.id_edit.text()).project_id or "",
            server=checked_server(self.server_edit.text()),
            secret=self.secret_edit.text() if keep else "",
            keep_secret=keep,
        )

    @Slot()
    def _check(self) -> None:
        problem = self.problem()
        self.secret_edit.setEnabled(self.keep_check.isChecked())
        self.take_button.setEnabled(self.keep_check.isChecked() and bool(self._window_secret))
        blocking = problem is not None and not problem.startswith("The stored secret")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not blocking)
        self.problem_label.setText(problem or "")

    @Slot()
    def _on_take(self) -> None:
        self.secret_edit.setText(self._window_secret)


class ForgetDialog:
    """``ask`` says whether the person confirmed forgetting ``name``."""

    @classmethod
    def ask(cls, parent: QWidget, name: str, has_secret: bool) -> bool:
        box = QMessageBox(parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Forget the project")
        also = " and remove its secret from the system keyring" if has_secret else ""
        box.setText(f"Forget “{name}”{also}?")
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Yes
