"""Text from a token or a file is shown as text, never interpreted.

Qt renders a label's text, a tooltip or a message as rich text when it looks like HTML
(``Qt.mightBeRichText``): ``<img>``, ``<a href>`` or a huge ``<font size>`` in a token's ``alg``
would be drawn. Labels that can show such text are set to ``Qt.TextFormat.PlainText``
(``plain_label``); tooltips have no such switch, so their text is escaped (``plain_tip``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

__all__ = ["plain_label", "plain_tip"]


def plain_tip(text: str) -> str:
    """``text`` as a tooltip that shows exactly these characters, line breaks kept."""
    if not text:
        return ""
    # html.escape(text, quote=False), without importing the html package and its 2,000 entities
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = escaped.replace("\n", "<br>")
    return f"<p style='white-space:pre-wrap'>{escaped}</p>"


def plain_label(parent: QWidget, text: str = "") -> QLabel:
    """A label that shows its text as text (never as HTML)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label
