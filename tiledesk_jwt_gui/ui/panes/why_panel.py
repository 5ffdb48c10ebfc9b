"""The "Why?" panel under an "Invalid Signature" badge: the cause the diagnosis found, in plain
words, with a one-click fix where the fix is on the person's side (the secret or the token as
given here), or, when no known mistake explains it, the checks tried and what cannot be found
offline. Hidden while the signature verifies (or cannot be checked).

The diagnosis is the core's (``SignatureDiagnosis``); the fix goes through the document, which
updates the secret field or the token pane. The verdict never changes because of a diagnosis:
the panel says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt, QTimer, Slot
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...core import CAUSE_TITLES, Cause, Fix
from ..document import InspectorDocument
from ..document.diagnosis import SignatureDiagnosis
from ..style.plain import plain_tip
from ..style.tones import Tones, readable, set_text_colour
from ..widgets.section_label import section_label

if TYPE_CHECKING:
    from ...core import Diagnosis

__all__ = ["PENDING_GRACE_MS", "VERDICT_STAYS", "WhyPanel", "sentence"]

PENDING_GRACE_MS = 150
"""A diagnosis on the worker that answers sooner is shown at once, without "Looking for the
cause…" first: the panel changes (and the window is laid out and painted) once, not twice."""

VERDICT_STAYS = (
    "The verdict stays Tiledesk's: the server uses the secret and the token exactly as given."
)


def sentence(text: str) -> str:
    """The core's lower-case clause as a sentence."""
    text = text.strip()
    if not text:
        return ""
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "?", "!")) else ".")


def checks_tried(diagnosis: Diagnosis) -> str:
    """The checks a diagnosis tried, in words."""
    tried = [CAUSE_TITLES[cause] for cause in diagnosis.tried]
    return ", ".join(tried) if tried else "nothing (no HMAC signature to test)"


class WhyPanel(QFrame):
    """Shown while the document holds a diagnosis (or one is being made)."""

    def __init__(
        self, document: InspectorDocument, tones: Tones, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("whyPanel")
        self.setAccessibleName("Why the signature does not match")
        self.document = document
        self.why = SignatureDiagnosis.of(document)
        self._tones = tones
        self._fix: Fix | None = None
        self._found = False
        self.title = section_label("Why?", self)
        self.cause_label = self._label("whyCauseLabel", "The cause")
        self.more_label = self._label("whyMoreLabel", "What else was found, and what was checked")
        self.fix_button = QPushButton(self)
        self.fix_button.setObjectName("whyFixButton")
        self.fix_button.setAccessibleName("Apply the fix the diagnosis found")
        self.fix_button.setToolTip("Change the input here as the diagnosis says; nothing is saved")
        self.fix_button.clicked.connect(self._on_fix)
        self.fix_button.hide()
        self._grace = QTimer(self)
        self._grace.setSingleShot(True)
        self._grace.setInterval(PENDING_GRACE_MS)
        self._grace.timeout.connect(self._on_grace_over)
        self._looking = False

        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.cause_label)
        texts.addWidget(self.more_label)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 6, 14, 6)
        row.setSpacing(12)
        row.addWidget(self.title, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(texts, 1)
        row.addWidget(self.fix_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()
        self.set_tones(tones)
        self.why.changed.connect(self._on_changed)
        self._on_changed()

    def _label(self, name: str, spoken: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setAccessibleName(spoken)
        label.setTextFormat(Qt.TextFormat.PlainText)  # the core's words can quote a token
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def set_tones(self, tones: Tones) -> None:
        self._tones = tones
        self._recolour()

    @property
    def fix(self) -> Fix | None:
        """The fix the button applies (``None``: no fix on this side)."""
        return self._fix

    @Slot()
    def _on_changed(self) -> None:
        why = self.why
        diagnosis = why.diagnosis
        if why.pending and not self._looking:
            # Answered within the grace: shown at once. Meanwhile what is shown stays, without
            # its fix (it answers older input).
            if not self._grace.isActive():
                self._grace.start()
            self.fix_button.setEnabled(False)
            return
        self._grace.stop()
        self._looking = why.pending
        self.fix_button.setEnabled(True)
        if why.pending:
            self._show("Looking for the cause…", "", None, found=False)
        elif diagnosis is None:
            self._fix = None
            self.hide()
            return
        else:
            cause = diagnosis.cause
            others = [
                f"• {sentence(f.explanation)}"
                for f in diagnosis.findings
                if not f.verifies and f is not cause and f.code is not Cause.NONE_MATCHED
            ]
            if cause is not None:
                text = f"Found: {sentence(cause.explanation)}"
                more = [*others, VERDICT_STAYS]
                fix = cause.fix
            else:
                from ...core import OFFLINE_LIMITS  # noqa: PLC0415 (loaded with the diagnosis)

                text = "No known mistake makes the signature match."
                more = [
                    *others,
                    f"Checked: {checks_tried(diagnosis)}.",
                    f"Not findable offline: {OFFLINE_LIMITS}.",
                ]
                fix = None
            self._show(text, "\n".join(more), fix, found=cause is not None)
        self.show()

    @Slot()
    def _on_grace_over(self) -> None:
        if self.why.pending:
            self._looking = True
            self._on_changed()

    def _show(self, text: str, more: str, fix: Fix | None, *, found: bool) -> None:
        self._fix, self._found = fix, found
        self.cause_label.setText(text)
        self.more_label.setText(more)
        self.more_label.setVisible(bool(more))
        self.setToolTip(plain_tip(f"{text}\n{more}".strip()))
        if fix is not None:
            self.fix_button.setText(fix.label)
            self.fix_button.setAccessibleName(fix.label)
        self.fix_button.setVisible(fix is not None)
        self._recolour()

    def _colours(self) -> tuple[QColor, QColor]:
        tones = self._tones
        return (tones.warn, tones.warn_fill) if self._found else (tones.bad, tones.bad_fill)

    def _recolour(self) -> None:
        accent, fill = self._colours()
        set_text_colour(self.cause_label, readable(self._tones.text, fill))
        set_text_colour(self.title, readable(accent, fill))
        set_text_colour(self.more_label, readable(self._tones.muted, fill))
        self.update()

    @Slot()
    def _on_fix(self) -> None:
        if self._fix is not None:
            self.why.apply(self._fix)

    def paintEvent(self, event: QPaintEvent) -> None:
        accent, fill = self._colours()
        painter = QPainter(self)
        painter.fillRect(self.rect(), fill)
        painter.fillRect(QRectF(0, 0, 5, self.height()), accent)
        painter.setPen(accent)
        painter.drawLine(0, self.height() - 1, self.width(), self.height() - 1)
        painter.end()
        super().paintEvent(event)
