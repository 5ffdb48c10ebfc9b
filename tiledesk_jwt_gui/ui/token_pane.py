"""The token side of the window: the coloured token with its legend, the bar shown over a long
token's preview, the clean-up notice (or the hint), the mode bar and the copy bar.

The pane lays these out and keeps the preview bar and the notes in step with the token edit; what
the token means is the window's business (it connects to ``token_edit``, ``mode_bar`` and
``copy_bar``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from .copy_bar import CopyBar
from .mode_bar import ModeBar
from .section_label import section_label
from .token_edit import PREVIEW_CHARS, TokenEdit
from .token_preview_bar import TokenPreviewBar
from .tones import Tones, set_text_colour

__all__ = ["TokenPane"]


class TokenPane(QWidget):
    """``token_source`` gives the token the copy bar copies (``None``: none up to date);
    ``preview_over`` is the length beyond which the token is shown as a preview."""

    def __init__(
        self,
        tones: Tones,
        token_source: Callable[[], str | None],
        *,
        preview_over: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tokenSide")
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 10, 6, 4)
        column.setSpacing(6)

        heading = QHBoxLayout()
        title = section_label("&Encoded token", self)
        heading.addWidget(title)
        heading.addStretch(1)
        self.legend_label = QLabel(self)
        self.legend_label.setObjectName("segmentLegend")
        self.legend_label.setAccessibleName("Segment colours")
        heading.addWidget(self.legend_label)
        column.addLayout(heading)

        self.token_edit = TokenEdit(
            tones,
            self,
            preview_over=preview_over,
            preview_chars=min(PREVIEW_CHARS, preview_over),
        )
        self.token_edit.setObjectName("tokenEdit")
        self.token_edit.setAccessibleName("Token")
        self.token_edit.setAccessibleDescription(
            "The encoded JSON Web Token: header, payload and signature separated by dots"
        )
        title.setBuddy(self.token_edit)
        self.token_edit.previewChanged.connect(self._on_preview_changed)
        column.addWidget(self.token_edit, 3)
        self.preview_bar = TokenPreviewBar(tones, self)
        self.preview_bar.clearRequested.connect(self._on_clear_token)
        column.addWidget(self.preview_bar)

        # The notice and the hint share a slot of a steady height: the token pane does not
        # resize (and re-lay out a long token) when a notice comes or goes.
        notes = QWidget(self)
        notes.setObjectName("tokenNotes")
        notes_column = QVBoxLayout(notes)
        notes_column.setContentsMargins(0, 0, 0, 0)
        notes_column.setSpacing(0)
        self.token_notice = QLabel(notes)
        self.token_notice.setObjectName("tokenNoticeLabel")
        self.token_notice.setAccessibleName("Clean-ups done on the pasted text")
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
        notes.setMinimumHeight(self.token_hint.fontMetrics().lineSpacing() * 2 + 2)
        column.addWidget(notes)

        self.mode_bar = ModeBar(tones, self)
        column.addWidget(self.mode_bar)
        self.copy_bar = CopyBar(token_source, self)
        column.addWidget(self.copy_bar)
        self.set_tones(tones)

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

    def show_notes(self, notes: Sequence[str]) -> None:
        """What was done to the pasted text, or the hint when nothing was."""
        text = "; ".join(notes)
        self.token_notice.setText(f"ℹ Read after clean-up: {text}." if text else "")
        self.token_notice.setVisible(bool(text))
        self.token_hint.setVisible(not text)

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
