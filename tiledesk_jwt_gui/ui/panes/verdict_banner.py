"""The verdict at the top of the window: the signature badge (and whether this app signed the
token), the verdict in the core's words, why, and the validity timeline with a live countdown.
The banner keeps one height whatever it says: nothing under it moves."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Slot
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ...core import Mode, Outcome, detail_lines, key_word, verdict_headline
from ..document import InspectorDocument
from ..style.plain import plain_tip
from ..style.tones import Tones, readable, set_text_colour
from ..widgets.signature_badge import BadgeState, SignatureBadge
from ..widgets.validity_timeline import ValidityTimeline

DETAIL_LINES = 4
"""The detail lines the banner has room for (more are in the tooltip and the copied report)."""

__all__ = ["VerdictBanner"]


class VerdictBanner(QFrame):
    """Tinted by the outcome, with an accent bar: green accept, red reject, blue undecided."""

    def __init__(
        self, document: InspectorDocument, tones: Tones, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("verdictBanner")
        self.document = document
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
        self.signed_here_label = QLabel(self)
        self.signed_here_label.setObjectName("signedHereLabel")
        self.signed_here_label.setAccessibleName("Who signed the token shown")
        self.signed_here_label.setTextFormat(Qt.TextFormat.PlainText)
        self.signed_here_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
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
        badge_box = QVBoxLayout()
        badge_box.setSpacing(2)
        badge_box.addStretch(1)
        badge_box.addWidget(self.badge)
        badge_box.addWidget(self.signed_here_label)
        badge_box.addStretch(1)
        row.addLayout(badge_box, 0)
        row.addLayout(texts, 1)
        row.addLayout(time_box, 0)
        self.timeline.setFixedWidth(230)
        detail_height = self.detail_label.fontMetrics().lineSpacing() * DETAIL_LINES
        self.detail_label.setFixedHeight(detail_height)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.verdict_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.verdict_label.setFixedHeight(self.verdict_label.fontMetrics().lineSpacing() + 2)
        self.setFixedHeight(self.verdict_label.height() + detail_height + texts.spacing() + 20)
        self._recolour()
        document.verdictChanged.connect(self._on_verdict)
        document.pending.connect(self.show_pending)
        document.ticked.connect(self.show_time)

    def set_tones(self, tones: Tones) -> None:
        self._tones = tones
        self.badge.set_tones(tones)
        self.timeline.set_tones(tones)
        self._recolour()

    @Slot(str)
    def show_pending(self, what: str) -> None:
        self.badge.show_state(BadgeState.PENDING, what)
        self.verdict_label.setText(what)
        self.detail_label.setText("")
        self._outcome = None
        self._recolour()

    @Slot()
    def _on_verdict(self) -> None:
        document = self.document
        verdict = document.verdict
        if verdict is None:
            return
        draft = document.draft
        self.badge.show_verdict(verdict, key_word=key_word(draft.algorithm))
        headline = verdict_headline(verdict)
        self.verdict_label.setText(headline)
        self.verdict_label.setToolTip(plain_tip(headline))
        signed_here = draft.mode is Mode.COMPOSING
        lines = detail_lines(
            verdict,
            key_problem=document.keys.problem,
            signed_here=signed_here and draft.pasted is not None,
            stale=draft.stale,
        )
        self.detail_label.setText("\n".join(lines[:DETAIL_LINES]))
        self.detail_label.setToolTip(plain_tip("\n".join(lines)))
        self.signed_here_label.setText("signed by this app" if signed_here else "as pasted")
        self._outcome = verdict.outcome
        self._recolour()
        self.show_time()

    @Slot()
    def show_time(self) -> None:
        """The timeline and the countdown as of the document's clock."""
        window = self.document.time_window()
        self.timeline.show_window(window)
        self.countdown_label.setText(window.countdown if window else "")

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
        for label in (self.detail_label, self.countdown_label, self.signed_here_label):
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
