"""The Code tab: code that signs the claims shown, in the integrator's language (written by the
core, proven by running it in the tests), the widget test page, or the widget's two sign-in
calls with curl. Read-only, monospace, plain text; Copy takes the code alone. No sample ever
holds the secret: the server-side ones read it from ``TILEDESK_SECRET`` when they run.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core import (
    DEFAULT_SERVER_BASE,
    LIBRARIES,
    SECRET_ENV,
    SERVER_LANGUAGES,
    NoSample,
    Sample,
    SampleLanguage,
)
from ..document import Change, InspectorDocument
from ..document.code import CodeSamples
from ..style.plain import plain_label, plain_tip
from ..style.tones import Tones, set_text_colour
from ..widgets.save_file_dialog import SaveFileDialog, write_owner_only
from ..widgets.wheel_guard import guard_wheel

__all__ = ["LANGUAGE_TITLES", "CodePane"]

LANGUAGE_TITLES = {
    SampleLanguage.NODE: "Node.js: jsonwebtoken",
    SampleLanguage.PHP: "PHP: firebase/php-jwt",
    SampleLanguage.JAVA: "Java: JJWT 0.12",
    SampleLanguage.PYTHON: "Python: PyJWT",
    SampleLanguage.GO: "Go: golang-jwt",
    SampleLanguage.WIDGET: "Widget test page (HTML)",
    SampleLanguage.CURL: "curl: the widget's two sign-in calls",
}
PAGE_FILTERS = "HTML pages (*.html);;All files (*)"
_WATCHED = {Change.TOKEN, Change.PAYLOAD, Change.PROJECT, Change.MODE}


def _about(language: SampleLanguage, server: str) -> str:
    if language in SERVER_LANGUAGES:
        return (
            f"Signs these claims with {LIBRARIES[language]}; iat and exp are counted from the "
            f"moment it runs. The secret is read from {SECRET_ENV}: it is never in the code."
        )
    if language is SampleLanguage.WIDGET:
        return (
            "A page that signs in to the Tiledesk widget with this token (autoStart: false, "
            f"'JWT ' + token), and makes the widget's two calls itself; server {server}."
        )
    return f"The widget's two sign-in calls to {server}, with curl (the token, never a secret)."


class CodePane(QWidget):
    """Views the document's ``code`` companion; written again only while shown."""

    def __init__(
        self, document: InspectorDocument, tones: Tones, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("codePane")
        self.document = document
        self._tones = tones
        self._stale = True
        self.sample: Sample | NoSample | None = None

        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("codeLanguageCombo")
        self.language_combo.setAccessibleName("Language of the code")
        for language, title in LANGUAGE_TITLES.items():
            self.language_combo.addItem(title, language.value)
        guard_wheel(self.language_combo)
        language_label = QLabel("Language", self)
        language_label.setBuddy(self.language_combo)
        self.copy_button = QPushButton("Copy code", self)
        self.copy_button.setObjectName("copyCodeButton")
        self.copy_button.setAccessibleName("Copy the code")
        self.copy_button.setToolTip("Copy the code shown (it never holds the secret)")
        self.save_page_button = QPushButton("Save widget test page…", self)
        self.save_page_button.setObjectName("saveWidgetPageButton")
        self.save_page_button.setAccessibleName("Save the widget test page")
        self.save_page_button.setToolTip(
            "Save an HTML page that signs in to the widget with this token (open it in a browser)"
        )
        self.language_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.language_combo.setMinimumContentsLength(16)
        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(language_label)
        top.addWidget(self.language_combo, 1)
        bottom = QHBoxLayout()
        bottom.setSpacing(6)
        bottom.addWidget(self.copy_button)
        bottom.addWidget(self.save_page_button)
        bottom.addStretch(1)

        self.about_label = plain_label(self)
        self.about_label.setObjectName("codeAboutLabel")
        self.about_label.setWordWrap(True)
        self.code_view = QPlainTextEdit(self)
        self.code_view.setObjectName("codeView")
        self.code_view.setAccessibleName("The code")
        self.code_view.setReadOnly(True)
        self.code_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.code_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.code_view.setTabChangesFocus(True)
        self.notes_label = plain_label(self)
        self.notes_label.setObjectName("codeNotesLabel")
        self.notes_label.setAccessibleName("What this language cannot reproduce")
        self.notes_label.setWordWrap(True)
        self.status_label = plain_label(self)
        self.status_label.setObjectName("codeStatusLabel")
        self.status_label.setWordWrap(True)
        self.status_label.hide()

        column = QVBoxLayout(self)
        column.setContentsMargins(2, 8, 2, 2)
        column.setSpacing(6)
        column.addLayout(top)
        column.addWidget(self.about_label)
        column.addWidget(self.code_view, 1)
        column.addWidget(self.notes_label)
        column.addLayout(bottom)
        column.addWidget(self.status_label)

        self.language_combo.currentIndexChanged.connect(self._on_language_chosen)
        self.copy_button.clicked.connect(self.copy_code)
        self.save_page_button.clicked.connect(self.save_widget_page)
        document.changed.connect(self._on_changed)
        document.verdictChanged.connect(self._on_verdict)
        self.code = CodeSamples.of(document)
        self.code.changed.connect(self._on_code_changed)
        self.set_tones(tones)

    # --- what the window and tests ask -------------------------------------------------------

    def set_tones(self, tones: Tones) -> None:
        self._tones = tones
        set_text_colour(self.about_label, tones.muted)
        set_text_colour(self.notes_label, tones.warn)

    def choose_language(self, language: SampleLanguage) -> None:
        index = self.language_combo.findData(language.value)
        self.language_combo.setCurrentIndex(index)

    def refresh(self) -> None:
        """Write the sample for what the document shows now."""
        self._stale = False
        code = self.code
        sample = self.sample = code.sample()
        self.about_label.setText(_about(code.language, code.server.strip() or DEFAULT_SERVER_BASE))
        if isinstance(sample, NoSample):
            self.code_view.setPlainText("")
            self.code_view.setPlaceholderText(sample.reason)
            self.notes_label.setText("")
        else:
            if self.code_view.toPlainText() != sample.code:
                self.code_view.setPlainText(sample.code)
            self.notes_label.setText("\n".join(f"Note: {note}" for note in sample.notes))
        self.notes_label.setVisible(bool(self.notes_label.text()))
        self.copy_button.setEnabled(isinstance(sample, Sample))

    # --- intents ------------------------------------------------------------------------------

    @Slot()
    def copy_code(self) -> None:
        if self._stale:
            self.refresh()
        sample = self.sample
        if not isinstance(sample, Sample):
            return
        QGuiApplication.clipboard().setText(sample.code)
        title = LANGUAGE_TITLES[sample.language].split(":")[0]
        self.document.notify(f"Copied the {title} code ({len(sample.code):,} characters)")

    @Slot()
    def save_widget_page(self) -> bool:
        """Ask where, and write the widget test page for the token and project shown."""
        page = self.code.widget_page()
        if isinstance(page, NoSample):
            self._tell(page.reason, good=False)
            return False
        path = SaveFileDialog.ask(self, "Save the widget test page", page.filename, PAGE_FILTERS)
        if path is None:
            return False
        problem = write_owner_only(Path(path), page.code)
        if problem is not None:
            self._tell(f"Not saved: {problem}.", good=False)
            return False
        self._tell(f"Saved the widget test page to {path} (open it in a browser).", good=True)
        return True

    # --- the document speaks -----------------------------------------------------------------

    def _tell(self, text: str, *, good: bool) -> None:
        self.status_label.setText(text)
        self.status_label.setToolTip(plain_tip(text))
        set_text_colour(self.status_label, self._tones.good if good else self._tones.warn)
        self.status_label.show()
        self.document.notify(text)

    def _changed_later(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    @Slot(object, object)
    def _on_changed(self, changes: frozenset[Change], _origin: object) -> None:
        if changes & _WATCHED:
            self._changed_later()

    @Slot()
    def _on_verdict(self) -> None:
        if self.code.language not in SERVER_LANGUAGES:
            self._changed_later()  # the page and the script carry the token once judged

    @Slot()
    def _on_code_changed(self) -> None:
        index = self.language_combo.findData(self.code.language.value)
        if index != self.language_combo.currentIndex():
            self.language_combo.setCurrentIndex(index)
        self._changed_later()

    @Slot(int)
    def _on_language_chosen(self, _index: int) -> None:
        self.status_label.hide()
        self.code.set_language(SampleLanguage(self.language_combo.currentData()))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()
