"""Colours derived from the current palette, so the window reads well in light and dark themes.

Every colour the window paints is computed here from the palette's base and text colours: the
three token segment colours (after jwt.io's red, violet and blue), and the colours of the
verdict (good, bad, warning, info). Each is nudged in lightness until it reaches the WCAG AA
contrast ratio (4.5:1) against the background it is drawn on. Nothing here knows about tokens.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

__all__ = [
    "Tones",
    "contrast_ratio",
    "is_dark",
    "mix",
    "readable",
    "set_text_colour",
    "tones_for",
]

MIN_CONTRAST = 4.5
"""WCAG 2.x AA for normal text."""

_HEADER = "#e5004f"
_PAYLOAD = "#b02fd8"
_SIGNATURE = "#0090c8"
_GOOD = "#1a7f37"
_BAD = "#cf222e"
_WARN = "#9a6700"
_INFO = "#0969da"


def _channel(value: float) -> float:
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def _luminance(color: QColor) -> float:
    return (
        0.2126 * _channel(color.redF())
        + 0.7152 * _channel(color.greenF())
        + 0.0722 * _channel(color.blueF())
    )


def contrast_ratio(first: QColor, second: QColor) -> float:
    """The WCAG contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    a, b = _luminance(first), _luminance(second)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def is_dark(palette: QPalette) -> bool:
    """Whether the palette is a dark theme (its editing background is dark)."""
    return _luminance(palette.color(QPalette.ColorRole.Base)) < 0.2


def mix(color: QColor, background: QColor, amount: float) -> QColor:
    """``amount`` of ``color`` over ``background`` (0 gives the background)."""
    return QColor.fromRgbF(
        background.redF() + (color.redF() - background.redF()) * amount,
        background.greenF() + (color.greenF() - background.greenF()) * amount,
        background.blueF() + (color.blueF() - background.blueF()) * amount,
    )


def set_text_colour(widget: QWidget, colour: QColor) -> None:
    """Give ``widget`` this text colour; nothing happens (no repaint) when it already has it."""
    palette = widget.palette()
    if palette.color(QPalette.ColorRole.WindowText) == colour:
        return
    palette.setColor(QPalette.ColorRole.WindowText, colour)
    widget.setPalette(palette)


def readable(color: QColor, background: QColor, minimum: float = MIN_CONTRAST) -> QColor:
    """``color`` with its lightness moved away from ``background`` until the contrast ratio
    reaches ``minimum``; the hue is kept, so red stays red."""
    if contrast_ratio(color, background) >= minimum:
        return QColor(color)
    hue, saturation, lightness = color.hslHueF(), color.hslSaturationF(), color.lightnessF()
    lighten = _luminance(background) < 0.18
    candidate = QColor(color)
    for _ in range(100):
        lightness = min(1.0, lightness + 0.01) if lighten else max(0.0, lightness - 0.01)
        candidate = QColor.fromHslF(max(hue, 0.0), saturation, lightness)
        if contrast_ratio(candidate, background) >= minimum:
            return candidate
    return candidate


@dataclass(frozen=True, slots=True)
class Tones:
    """The colours of one palette. ``*_fill`` are soft backgrounds, ``*_text`` the text on them."""

    dark: bool
    base: QColor
    text: QColor
    muted: QColor
    header: QColor
    payload: QColor
    signature: QColor
    good: QColor
    bad: QColor
    warn: QColor
    info: QColor
    good_fill: QColor
    bad_fill: QColor
    warn_fill: QColor
    info_fill: QColor
    good_text: QColor
    bad_text: QColor
    warn_text: QColor
    info_text: QColor


def tones_for(palette: QPalette) -> Tones:
    """All the window's colours for ``palette``."""
    base = palette.color(QPalette.ColorRole.Base)
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.Text)
    dark = is_dark(palette)
    fill_amount = 0.24 if dark else 0.13

    def on_base(name: str) -> QColor:
        # Text sits on the editor background and on the window background: satisfy both.
        return readable(readable(QColor(name), base), window)

    def fill(color: QColor) -> QColor:
        return mix(color, window, fill_amount)

    good, bad, warn, info = on_base(_GOOD), on_base(_BAD), on_base(_WARN), on_base(_INFO)
    good_fill, bad_fill, warn_fill, info_fill = fill(good), fill(bad), fill(warn), fill(info)
    return Tones(
        dark=dark,
        base=base,
        text=text,
        muted=readable(mix(text, base, 0.62), base),
        header=on_base(_HEADER),
        payload=on_base(_PAYLOAD),
        signature=on_base(_SIGNATURE),
        good=good,
        bad=bad,
        warn=warn,
        info=info,
        good_fill=good_fill,
        bad_fill=bad_fill,
        warn_fill=warn_fill,
        info_fill=info_fill,
        good_text=readable(good, good_fill),
        bad_text=readable(bad, bad_fill),
        warn_text=readable(warn, warn_fill),
        info_text=readable(info, info_fill),
    )
