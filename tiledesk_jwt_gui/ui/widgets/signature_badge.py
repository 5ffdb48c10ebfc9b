"""The signature badge: a coloured pill with a glyph and words, never colour alone.

Its text is exactly ``Signature Verified`` or ``Invalid Signature`` for those outcomes (scripts
rely on it); the other states say what is missing.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QWidget

from ...core import SignatureStatus, Verdict
from ..style.icons import Glyph, paint_glyph
from ..style.plain import plain_tip
from ..style.tones import Tones, set_text_colour

__all__ = ["BadgeState", "SignatureBadge"]


class BadgeState(StrEnum):
    VERIFIED = "verified"
    INVALID = "invalid"
    UNSIGNED = "unsigned"
    NO_KEY = "no_key"
    UNREADABLE = "unreadable"
    EMPTY = "empty"
    PENDING = "pending"


_TEXT = {
    BadgeState.VERIFIED: "Signature Verified",
    BadgeState.INVALID: "Invalid Signature",
    BadgeState.UNSIGNED: "Unsigned token",
    BadgeState.UNREADABLE: "No signature to check",
    BadgeState.EMPTY: "No token yet",
    BadgeState.PENDING: "Checking…",
}


def _text(state: BadgeState, key_word: str) -> str:
    return _TEXT.get(state) or f"Enter the {key_word} to verify"


_ALL_TEXTS = (*_TEXT.values(), *(_text(BadgeState.NO_KEY, w) for w in ("secret", "public key")))
"""Every text the badge can show (its width is the widest's)."""
_GLYPH = {
    BadgeState.VERIFIED: Glyph.CHECK,
    BadgeState.INVALID: Glyph.CROSS,
    BadgeState.UNSIGNED: Glyph.WARN,
    BadgeState.NO_KEY: Glyph.KEY,
    BadgeState.UNREADABLE: Glyph.WARN,
    BadgeState.EMPTY: Glyph.INFO,
    BadgeState.PENDING: Glyph.PENDING,
}


class SignatureBadge(QLabel):
    """Shows a :class:`BadgeState`; the reason is the tooltip and accessible description."""

    def __init__(self, tones: Tones, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tones = tones
        self._state = BadgeState.EMPTY
        font = self.font()
        font.setBold(True)
        self.setFont(font)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._apply_margins()
        self.show_state(BadgeState.EMPTY, "")
        self._restyle()

    @property
    def state(self) -> BadgeState:
        return self._state

    def set_tones(self, tones: Tones) -> None:
        self._tones = tones
        self._restyle()

    def show_verdict(self, verdict: Verdict, *, key_word: str) -> None:
        """The badge for ``verdict``; ``key_word`` names what verifies ("secret", "public key")."""
        inspection = verdict.inspection
        status = verdict.signature.status
        if not inspection.token:
            state = BadgeState.EMPTY
        elif not inspection.is_jws:
            state = BadgeState.UNREADABLE
        else:
            state = {
                SignatureStatus.VERIFIED: BadgeState.VERIFIED,
                SignatureStatus.INVALID: BadgeState.INVALID,
                SignatureStatus.UNSIGNED: BadgeState.UNSIGNED,
                SignatureStatus.NO_KEY: BadgeState.NO_KEY,
            }[status]
        self.show_state(state, verdict.signature.summary, key_word=key_word)

    def show_state(self, state: BadgeState, detail: str, *, key_word: str = "secret") -> None:
        changed = state is not self._state
        self._state = state
        text = _text(state, key_word)
        if text != self.text():
            self.setText(text)
        self.setToolTip(plain_tip(detail[:1].upper() + detail[1:] if detail else text))
        self.setAccessibleDescription(detail or text)
        if changed:
            self._restyle()

    def _colours(self) -> tuple[QColor, QColor, QColor]:
        """Glyph disc, fill, text."""
        tones = self._tones
        if self._state is BadgeState.VERIFIED:
            return tones.good, tones.good_fill, tones.good_text
        if self._state is BadgeState.INVALID:
            return tones.bad, tones.bad_fill, tones.bad_text
        if self._state in (BadgeState.UNSIGNED, BadgeState.UNREADABLE):
            return tones.warn, tones.warn_fill, tones.warn_text
        return tones.info, tones.info_fill, tones.info_text

    def _restyle(self) -> None:
        _, _, text = self._colours()
        set_text_colour(self, text)
        self.update()

    def _apply_margins(self) -> None:
        height = self.fontMetrics().height()
        self.setContentsMargins(height + 18, 6, 14, 6)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), self.fontMetrics().height() + 14))

    def minimumSizeHint(self) -> QSize:
        """As wide as the widest of its states: the badge keeps one size when the signature
        flips (or a check is pending), so the verdict beside it never moves and the window is
        not laid out again on every key."""
        metrics = self.fontMetrics()
        margins = self.contentsMargins()
        widest = max(metrics.horizontalAdvance(text) for text in _ALL_TEXTS)
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), widest + margins.left() + margins.right()), hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        disc, fill, _ = self._colours()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        radius = rect.height() / 2
        painter.setPen(disc)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, radius, radius)
        size = self.fontMetrics().height() + 2
        # The glyph goes just before the words, which are centred in the room right of it.
        room = self.contentsRect()
        words = min(self.fontMetrics().horizontalAdvance(self.text()), room.width())
        left = room.left() + (room.width() - words) / 2 - size - 8
        glyph_rect = QRectF(max(10.0, left), (self.height() - size) / 2, size, size)
        paint_glyph(painter, glyph_rect, _GLYPH[self._state], disc, self._tones.base)
        painter.end()
        super().paintEvent(event)
