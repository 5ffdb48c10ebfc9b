"""The token side: the coloured token with its legend, the bar over a long token's preview, the
clean-up notice (or the hint), the mode bar and the copy bar.

What a person types, pastes or drops here goes to ``document.edit_token``; what the document
decides (the token to show, the mode, the verdict's colours) comes back and is shown.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...core import ASYMMETRIC_ALGORITHMS, Mode
from ..document import Change, InspectorDocument
from ..document.token_files import TokenFiles
from ..style.tones import Tones, set_text_colour
from ..widgets.copy_bar import CopyBar
from ..widgets.mode_bar import ModeBar
from ..widgets.section_label import section_label
from ..widgets.token_edit import PREVIEW_CHARS, TokenEdit
from ..widgets.token_preview_bar import TokenPreviewBar

__all__ = ["TokenPane"]

CHECKING_WORDS = "✔ Checking the pasted token: it is judged exactly as pasted."
COMPOSING_WORDS = "✎ Composing a new token: every edit re-signs it."
KEPT_WORDS = " The pasted token is kept: “Back to the pasted token” (Ctrl+Z) shows it again."
BACK = "Back to the pasted token"
KEEP = "Keep this token, stop re-signing"


def resign_words(algorithm: str) -> str:
    """The button that composes from a checked token: "secret" only where a secret signs."""
    key = "private key" if algorithm in ASYMMETRIC_ALGORITHMS else "secret"
    return f"Re-sign this token with my {key}"


class TokenPane(QWidget):
    def __init__(
        self, document: InspectorDocument, tones: Tones, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tokenSide")
        self.document = document
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 10, 6, 4)
        column.setSpacing(6)

        heading = QHBoxLayout()
        title = section_label("&Encoded token", self)
        heading.addWidget(title)
        heading.addStretch(1)
        self.legend_label = QLabel(self)  # our own markup: colours, never token text
        self.legend_label.setObjectName("segmentLegend")
        self.legend_label.setAccessibleName("Segment colours")
        heading.addWidget(self.legend_label)
        column.addLayout(heading)

        preview_over = document.large_input_chars
        self.token_edit = TokenEdit(
            tones, self, preview_over=preview_over, preview_chars=min(PREVIEW_CHARS, preview_over)
        )
        self.token_edit.setObjectName("tokenEdit")
        self.token_edit.setAccessibleName("Token")
        self.token_edit.setAccessibleDescription(
            "The encoded JSON Web Token: header, payload and signature separated by dots"
        )
        title.setBuddy(self.token_edit)
        column.addWidget(self.token_edit, 3)
        self.preview_bar = TokenPreviewBar(tones, self)
        column.addWidget(self.preview_bar)

        # The notice and the hint share a slot of a steady height: nothing moves when a notice
        # comes or goes.
        notes = QWidget(self)
        notes.setObjectName("tokenNotes")
        notes_column = QVBoxLayout(notes)
        notes_column.setContentsMargins(0, 0, 0, 0)
        notes_column.setSpacing(0)
        self.token_notice = QLabel(notes)
        self.token_notice.setObjectName("tokenNoticeLabel")
        self.token_notice.setAccessibleName("Clean-ups done on the pasted text")
        self.token_notice.setTextFormat(Qt.TextFormat.PlainText)
        self.token_notice.setWordWrap(True)
        self.token_notice.hide()
        self.token_hint = QLabel(
            "Paste a token (Ctrl+Shift+V) or drop a file here; a 'JWT ' or 'Bearer ' prefix "
            "is fine.",
            notes,
        )
        self.token_hint.setObjectName("tokenHintLabel")
        self.token_hint.setWordWrap(True)
        notes_column.addWidget(self.token_notice)
        notes_column.addWidget(self.token_hint)
        notes_column.addStretch(1)
        notes.setFixedHeight(self.token_hint.fontMetrics().lineSpacing() * 2 + 2)
        column.addWidget(notes)

        self.mode_bar = ModeBar(tones, self)
        column.addWidget(self.mode_bar)
        self.copy_bar = CopyBar(document.token_to_copy, self)
        column.addWidget(self.copy_bar)
        self.set_tones(tones)

        self.token_edit.textChanged.connect(self._on_text_changed)
        self.token_edit.pasteRefused.connect(document.notify)
        self.token_edit.fileDropped.connect(self._on_file_dropped)
        self.files = TokenFiles.of(document)  # files dropped anywhere: their token comes here
        self.files.found.connect(self.token_edit.replace_token)
        self.token_edit.previewChanged.connect(self._on_preview_changed)
        self.preview_bar.clearRequested.connect(self._on_clear_token)
        self.mode_bar.switchRequested.connect(document.switch_mode)
        self.copy_bar.copied.connect(document.notify)
        document.changed.connect(self._on_changed)
        document.verdictChanged.connect(self._on_verdict)

    def set_tones(self, tones: Tones) -> None:
        self.token_edit.set_tones(tones)
        self.preview_bar.set_tones(tones)
        self.mode_bar.set_tones(tones)
        set_text_colour(self.token_notice, tones.info)
        set_text_colour(self.token_hint, tones.muted)
        self.legend_label.setText(
            " ".join(
                f'<span style="color:{colour.name()}">■</span>&nbsp;{name}&nbsp;'
                for name, colour in (
                    ("Header", tones.header),
                    ("Payload", tones.payload),
                    ("Signature", tones.signature),
                )
            )
        )
        if self.document.verdict is not None:
            self._on_verdict()

    # --- the document speaks -----------------------------------------------------------------

    @Slot(object, object)
    def _on_changed(self, changes: frozenset[Change], origin: object) -> None:
        draft = self.document.draft
        if Change.TOKEN in changes and origin is not self:
            self.token_edit.set_text_quietly(draft.token)
        if changes & {Change.TOKEN, Change.MODE, Change.PROBLEMS, Change.ALGORITHM}:
            self._show_mode()

    def _show_mode(self) -> None:
        document = self.document
        draft = document.draft
        if draft.mode is Mode.CHECKING:
            inspection = document.inspection
            composable = inspection is None or inspection.payload is not None
            self.mode_bar.show_mode(
                CHECKING_WORDS, resign_words(draft.algorithm), None, can_switch=composable
            )
        elif draft.can_go_back:
            self.mode_bar.show_mode(
                COMPOSING_WORDS + KEPT_WORDS, BACK, draft.stale, can_switch=True
            )
        else:
            self.mode_bar.show_mode(COMPOSING_WORDS, KEEP, draft.stale, can_switch=True)
        self._show_copyable()

    def _show_copyable(self) -> None:
        copyable = self.document.token_to_copy() is not None
        self.copy_bar.set_available(copyable, "" if copyable else "No up-to-date token to copy")

    @Slot()
    def _on_verdict(self) -> None:
        verdict = self.document.verdict
        if verdict is None:
            return
        large = len(verdict.inspection.original) > self.document.large_input_chars
        if large and not self.token_edit.is_preview:
            self.token_edit.clear_colours()  # a long text typed in: colouring would walk it all
        else:
            self.token_edit.show_verdict(verdict, stale=bool(self.document.draft.stale))
        notes = [n.message for n in verdict.inspection.notices]
        if large and not self.token_edit.is_preview:
            notes.append(
                f"a large input ({len(verdict.inspection.original):,} characters): checked in "
                "the background, segment colours off"
            )
        text = "; ".join(notes)
        self.token_notice.setText(f"ℹ Read after clean-up: {text}." if text else "")
        self.token_notice.setVisible(bool(text))
        self.token_hint.setVisible(not text)
        self._show_mode()

    # --- the person acts -----------------------------------------------------------------------

    @Slot()
    def paste_from_clipboard(self) -> None:
        """Replace the token with the clipboard's text, as a paste over everything would (a
        long one becomes a preview); without text, say so."""
        edit = self.token_edit
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None or not mime.hasText():
            formats = ", ".join(mime.formats()[:3]) if mime is not None else ""
            self.document.notify(
                f"Nothing pasted: the clipboard holds no text ({formats or 'it is empty'})"
            )
            return
        edit.replace_token(mime.text())
        edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot()
    def _on_text_changed(self) -> None:
        self.document.edit_token(self.token_edit.token_text(), self)

    @Slot(str)
    def _on_file_dropped(self, path: str) -> None:
        self.files.open_file(Path(path))

    @Slot()
    def _on_preview_changed(self) -> None:
        edit = self.token_edit
        if edit.is_preview:
            self.preview_bar.show_preview(len(edit.token_text()), edit.shown_chars)
        else:
            self.preview_bar.hide()

    @Slot()
    def _on_clear_token(self) -> None:
        self.token_edit.clear_token()
        self.token_edit.setFocus(Qt.FocusReason.OtherFocusReason)
