"""A small timeline of the token's validity window (iat, nbf → exp) against now.

The bar is green while now is inside the window, amber before it opens, red once it has closed;
the state is also written out (accessible description), never colour alone.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...core import TimeWindow, Validity
from ..style.tones import Tones, mix

__all__ = ["ValidityTimeline"]


def _pen(colour: QColor, width: float) -> QPen:
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


class ValidityTimeline(QWidget):
    """Call ``show_window`` with the core's time window as the clock moves: the state and the
    boundaries are the core's (leeway included); this widget only draws them."""

    def __init__(self, tones: Tones, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("validityTimeline")
        self.setAccessibleName("Validity timeline")
        self._tones = tones
        self._times: dict[str, float] = {}
        self._now = 0.0
        self._window: TimeWindow | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(160)

    def set_tones(self, tones: Tones) -> None:
        self._tones = tones
        self.update()

    def show_window(self, window: TimeWindow | None) -> None:
        """Draw ``window`` (``None``: no token judged yet)."""
        self._window = window
        self._times = (
            {i.claim: i.seconds for i in window.times if i.seconds is not None} if window else {}
        )
        self._now = window.now if window else 0.0
        summary = self.summary()
        self.setAccessibleDescription(summary)
        self.setToolTip(summary)
        self.update()

    def state(self) -> str:
        """``valid``, ``not_yet``, ``expired`` or ``none`` (no time claims): the core's."""
        return self._window.state.value if self._window else Validity.NONE.value

    def summary(self) -> str:
        return self._window.summary if self._window else "No time claims"

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
        window = self._window
        opens = self._times.get("nbf", self._times.get("iat", start))
        closes = self._times.get("exp")
        if window is not None and window.leeway:  # the window the verdict uses
            opens = window.opens if window.opens is not None else opens
            closes = window.closes if window.closes is not None else closes
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
