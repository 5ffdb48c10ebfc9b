"""A small timeline of the token's validity window (iat, nbf → exp) against now.

The bar is green while now is inside the window, amber before it opens, red once it has closed;
the state is also written out (accessible description), never colour alone.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..core import TimeInfo
from .tones import Tones, mix

__all__ = ["ValidityTimeline"]


def _pen(colour: QColor, width: float) -> QPen:
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


class ValidityTimeline(QWidget):
    """Call ``show_times`` with the core's readings and ``set_now`` as the clock moves."""

    def __init__(self, tones: Tones, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("validityTimeline")
        self.setAccessibleName("Validity timeline")
        self._tones = tones
        self._times: dict[str, float] = {}
        self._now = 0.0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(160)

    def set_tones(self, tones: Tones) -> None:
        self._tones = tones
        self.update()

    def show_times(self, times: tuple[TimeInfo, ...], now: float) -> None:
        found = {info.claim: info.seconds for info in times if info.seconds is not None}
        if found != self._times:
            self._times = found
            self._now = float("nan")  # repaint below
        self.set_now(now)

    def set_now(self, now: float) -> None:
        if now == self._now:
            return
        self._now = now
        self.setAccessibleDescription(self.summary())
        self.setToolTip(self.summary())
        self.update()

    def state(self) -> str:
        """``valid``, ``not_yet``, ``expired`` or ``none`` (no nbf or exp)."""
        nbf, exp = self._times.get("nbf"), self._times.get("exp")
        if exp is not None and self._now >= exp:
            return "expired"
        if nbf is not None and self._now < nbf:
            return "not_yet"
        if exp is None and nbf is None:
            return "none" if not self._times else "valid"
        return "valid"

    def summary(self) -> str:
        return {
            "expired": "Expired: now is past exp",
            "not_yet": "Not valid yet: now is before nbf",
            "valid": "Valid now" + ("" if "exp" in self._times else "; never expires (no exp)"),
            "none": "No time claims",
        }[self.state()]

    def sizeHint(self) -> QSize:
        return QSize(260, self.fontMetrics().height() * 2 + 18)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, self.fontMetrics().height() * 2 + 18)

    def paintEvent(self, event: QPaintEvent) -> None:
        tones = self._tones
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        metrics = QFontMetrics(self.font())
        width = self.width()
        small = self.font()
        small.setPointSizeF(max(6.5, small.pointSizeF() * 0.85))
        painter.setFont(small)
        small_metrics = QFontMetrics(small)
        if not self._times:
            painter.setPen(tones.muted)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "no iat, nbf or exp")
            painter.end()
            return
        moments = [*self._times.values(), self._now]
        start, end = min(moments), max(moments)
        if "exp" not in self._times:
            end = max(end, start) + max((end - start) * 0.5, 60.0)
        span = max(end - start, 1.0)
        left, right = 10.0, width - 10.0

        def x(seconds: float) -> float:
            return left + (seconds - start) / span * (right - left)

        track_y = metrics.height() + 4.0
        painter.setPen(_pen(mix(tones.muted, tones.base, 0.6), 3))
        painter.drawLine(QPointF(left, track_y), QPointF(right, track_y))
        state = self.state()
        colour = {"expired": tones.bad, "not_yet": tones.warn}.get(state, tones.good)
        opens = self._times.get("nbf", self._times.get("iat", start))
        closes = self._times.get("exp")
        painter.setPen(_pen(colour, 5))
        painter.drawLine(
            QPointF(x(opens), track_y), QPointF(x(closes) if closes else right, track_y)
        )
        if closes is None:  # open-ended: an arrow head
            painter.drawLine(QPointF(right, track_y), QPointF(right - 5, track_y - 4))
            painter.drawLine(QPointF(right, track_y), QPointF(right - 5, track_y + 4))
        painter.setPen(tones.muted)
        label_y = track_y + 6 + small_metrics.ascent()
        placed: list[QRectF] = []
        for claim in ("iat", "nbf", "exp"):
            seconds = self._times.get(claim)
            if seconds is None:
                continue
            cx = x(seconds)
            painter.setPen(QPen(tones.muted, 1))
            painter.drawLine(QPointF(cx, track_y - 4), QPointF(cx, track_y + 4))
            text_width = small_metrics.horizontalAdvance(claim)
            box = QRectF(cx - text_width / 2, label_y - small_metrics.ascent(), text_width, 1)
            box.moveLeft(min(max(box.left(), 0), width - text_width))
            while any(box.intersects(other.adjusted(-3, -1, 3, 1)) for other in placed):
                box.moveLeft(box.left() + 4)
            placed.append(QRectF(box.left(), box.top(), text_width, small_metrics.height()))
            painter.drawText(QPointF(box.left(), label_y), claim)
        now_x = x(self._now)
        painter.setPen(QPen(tones.text, 2))
        painter.drawLine(QPointF(now_x, track_y - 7), QPointF(now_x, track_y + 7))
        now_width = small_metrics.horizontalAdvance("now")
        painter.drawText(
            QPointF(min(max(now_x - now_width / 2, 0), width - now_width), small_metrics.ascent()),
            "now",
        )
        painter.end()
