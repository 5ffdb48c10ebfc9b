"""Small vector glyphs (a tick, a cross, an exclamation mark…) painted with QPainter, so they
stay crisp at any device pixel ratio, and the application icon from the package resources."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

__all__ = ["Glyph", "app_icon", "glyph_icon", "paint_glyph", "resource_path"]

_RESOURCES = Path(__file__).resolve().parents[2] / "resources"


class Glyph(StrEnum):
    CHECK = "check"
    CROSS = "cross"
    WARN = "warn"
    INFO = "info"
    KEY = "key"
    PENDING = "pending"


def paint_glyph(painter: QPainter, rect: QRectF, glyph: Glyph, color: QColor, on: QColor) -> None:
    """A disc of ``color`` in ``rect`` with ``glyph`` drawn on it in ``on``."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    side = min(rect.width(), rect.height())
    box = QRectF(0, 0, side, side)
    box.moveCenter(rect.center())
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawEllipse(box)
    pen = QPen(on, max(1.2, side * 0.13))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    x, y, s = box.x(), box.y(), side

    def at(fx: float, fy: float) -> QPointF:
        return QPointF(x + fx * s, y + fy * s)

    if glyph is Glyph.CHECK:
        path = QPainterPath(at(0.28, 0.52))
        path.lineTo(at(0.44, 0.68))
        path.lineTo(at(0.73, 0.36))
        painter.drawPath(path)
    elif glyph is Glyph.CROSS:
        painter.drawLine(at(0.33, 0.33), at(0.67, 0.67))
        painter.drawLine(at(0.67, 0.33), at(0.33, 0.67))
    elif glyph in (Glyph.WARN, Glyph.INFO):
        top, bottom = (0.26, 0.56) if glyph is Glyph.WARN else (0.46, 0.74)
        painter.drawLine(at(0.5, top), at(0.5, bottom))
        dot_y = 0.72 if glyph is Glyph.WARN else 0.29
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(on)
        radius = max(0.8, s * 0.075)
        painter.drawEllipse(at(0.5, dot_y), radius, radius)
    elif glyph is Glyph.KEY:
        radius = s * 0.13
        painter.drawEllipse(at(0.36, 0.5), radius, radius)
        painter.drawLine(at(0.49, 0.5), at(0.76, 0.5))
        painter.drawLine(at(0.68, 0.5), at(0.68, 0.62))
    elif glyph is Glyph.PENDING:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(on)
        radius = max(0.8, s * 0.07)
        for fx in (0.3, 0.5, 0.7):
            painter.drawEllipse(at(fx, 0.5), radius, radius)
    painter.restore()


def glyph_icon(glyph: Glyph, color: QColor, on: QColor) -> QIcon:
    """An icon of ``glyph`` at the usual sizes, each also at twice the pixel density."""
    icon = QIcon()
    for size in (16, 20, 24, 32):
        for ratio in (1.0, 2.0):
            pixmap = QPixmap(round(size * ratio), round(size * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            paint_glyph(painter, QRectF(1, 1, size - 2, size - 2), glyph, color, on)
            painter.end()
            icon.addPixmap(pixmap)
    return icon


def resource_path(name: str) -> str:
    """The file system path of a packaged resource (``tiledesk_jwt_gui/resources/<name>``)."""
    # Beside the package's modules in an install and in the frozen bundle alike (the spec
    # copies the folder); importlib.resources would load six modules for the same answer.
    return str(_RESOURCES / name)


def app_icon() -> QIcon:
    """The application icon: the SVG for any size, the 256 px PNG where SVG is unavailable."""
    icon = QIcon(resource_path("icon.svg"))
    icon.addFile(resource_path("icon.png"), QSize(256, 256))
    return icon
