"""Tooltips show a token's text as text: ``plain_tip`` escapes exactly as ``html.escape`` does
(without quotes, which Qt's rich text leaves alone), and Qt's own HTML reader gives the
characters back."""

from __future__ import annotations

import html

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QTextDocument

from tiledesk_jwt_gui.ui.style.plain import plain_tip

MARKUP = ["<b>bold</b>", "a & b", "&amp; stays &amp;", "<img src=x>", "x < y > z", 'say "hi"']


@given(st.text(min_size=1))
def test_a_tip_escapes_as_html_escape_does(text: str) -> None:
    expected = html.escape(text, quote=False).replace("\n", "<br>")
    assert plain_tip(text) == f"<p style='white-space:pre-wrap'>{expected}</p>"


def test_qt_reads_the_tip_back_as_the_same_characters() -> None:
    for text in MARKUP:
        document = QTextDocument()
        document.setHtml(plain_tip(text))
        assert document.toPlainText() == text
    assert plain_tip("") == ""
