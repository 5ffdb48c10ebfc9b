"""The verdict at the top of the window: the signature badge, the Tiledesk verdict in the core's
words, why, and the validity timeline with a live countdown."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ..core import Outcome, Verdict, headline
from .signature_badge import BadgeState, SignatureBadge
from .tones import Tones, readable, set_text_colour
from .validity_timeline import ValidityTimeline

__all__ = ["VerdictBanner"]


class VerdictBanner(QFrame):
    """Tinted by the outcome, with an accent bar: green accept, red reject, blue undecided."""

    def __init__(self, tones: Tones, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdictBanner")
        self._tones = tones
        self._outcome: Outcome | None = None
        self.badge = SignatureBadge(tones, self)
        self.badge.setObjectName("signatureBadge")
        self.badge.setAccessibleName("Signature")
        self.verdict_label = QLabel(self)
        self.verdict_label.setObjectName("verdictLabel")
        self.verdict_label.setAccessibleName("Verdict")
        self.verdict_label.setTextFormat(Qt.TextFormat.PlainText)
        self.verdict_label.setWordWrap(True)
        self.verdict_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.verdict_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.verdict_label.setFont(font)
        self.detail_label = QLabel(self)
        self.detail_label.setObjectName("verdictDetailLabel")
        self.detail_label.setAccessibleName("Why")
        self.detail_label.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.timeline = ValidityTimeline(tones, self)
        self.countdown_label = QLabel(self)
        self.countdown_label.setObjectName("countdownLabel")
        self.countdown_label.setAccessibleName("Time left")
        self.countdown_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.verdict_label)
        texts.addWidget(self.detail_label)
        time_box = QVBoxLayout()
        time_box.setSpacing(0)
        time_box.addWidget(self.timeline)
        time_box.addWidget(self.countdown_label)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 10, 14, 10)
        row.setSpacing(14)
        row.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(texts, 1)
        row.addLayout(time_box, 0)
        self.timeline.setFixedWidth(230)
        self._recolour()

    def set_tones(self, tones: Tones) -> None:
        self._tones = tones
        self.badge.set_tones(tones)
        self.timeline.set_tones(tones)
        self._recolour()

    def show_pending(self, what: str) -> None:
        self.badge.show_state(BadgeState.PENDING, what)
        self.verdict_label.setText(what)
        self.detail_label.setText("")
        self._outcome = None
        self._recolour()

    def show_verdict(self, verdict: Verdict, *, key_word: str, stale: str | None) -> None:
        self.badge.show_verdict(verdict, key_word=key_word)
        self.verdict_label.setText(headline(verdict))
        summary = verdict.signature.summary
        lines = [summary[:1].upper() + summary[1:] + "."]
        server = verdict.server
        if server is not None:
            said = (
                f" · the server answers “{server.reason}”"
                if server.reason not in ("", "ok")
                else ""
            )
            lines.append(f"Tiledesk verifies with {server.key_source}{said}.")
        if stale:
            lines.append("⚠ This token is out of date: the form has changed since (see below).")
        self.detail_label.setText("\n".join(lines))
        self._outcome = verdict.outcome
        self._recolour()

    def _accent(self) -> tuple[QColor, QColor, QColor]:
        """Accent, fill and text colours for the outcome shown."""
        tones = self._tones
        if self._outcome is Outcome.ACCEPTED:
            return tones.good, tones.good_fill, tones.good_text
        if self._outcome is Outcome.REJECTED:
            return tones.bad, tones.bad_fill, tones.bad_text
        if self._outcome is Outcome.UNDECIDED:
            return tones.info, tones.info_fill, tones.info_text
        return tones.muted, self.palette().color(QPalette.ColorRole.Window), tones.text

    def _recolour(self) -> None:
        _, fill, text = self._accent()
        set_text_colour(self.verdict_label, text)
        body = readable(self._tones.text, fill)
        for label in (self.detail_label, self.countdown_label):
            set_text_colour(label, body)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        accent, fill, _ = self._accent()
        painter = QPainter(self)
        painter.fillRect(self.rect(), fill)
        painter.fillRect(QRectF(0, 0, 5, self.height()), accent)
        painter.setPen(accent)
        painter.drawLine(0, self.height() - 1, self.width(), self.height() - 1)
        painter.end()
        super().paintEvent(event)
