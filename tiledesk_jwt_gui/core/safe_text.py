"""Text from a token or a file made safe to print: what a terminal would obey or hide is shown.

A token is written by whoever made it. Printed raw, an ``alg`` of ``"\\x1b[2J"`` clears the screen,
``"\\x1b[32m"`` paints a fake verdict green, U+202E (right-to-left override) reverses what
follows, and U+200B or U+2066 hide or reorder text unseen. :func:`terminal_safe` replaces each
such character by a visible escape in Python's notation (``\\x1b`` shown as ``\\u001b``,
U+202E as ``\\u202e``), the notation the JSON output also uses, so the two read alike.

Escaped: C0 controls (U+0000–U+001F, tab and newline included: a line of the report is one line),
DEL (U+007F), C1 controls (U+0080–U+009F, of which U+009B is a one-character CSI for some
terminals), the line and paragraph separators (U+2028, U+2029), every format character of
Unicode category Cf (bidi embeddings, overrides and isolates, zero-width spaces and joiners,
U+FEFF, soft hyphen, tag characters…) and lone surrogates (a JSON string may hold them).
Everything else, including letters of every script and emoji, is left as it is.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["terminal_safe"]

# Candidates only: everything outside printable ASCII. The replacement decides per character,
# so text that is mostly ASCII is scanned at C speed.
_NOT_PRINTABLE_ASCII = re.compile(r"[^\x20-\x7e]")
_ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char.isprintable() or unicodedata.category(char) not in _ESCAPED_CATEGORIES:
        return char
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def terminal_safe(text: str) -> str:
    """``text`` with every control, format and separator character (and lone surrogate) shown
    as an escape, so printing it can neither steer a terminal nor hide or reorder text."""
    if text.isprintable():  # no control, format, separator or surrogate: nothing to do
        return text
    return _NOT_PRINTABLE_ASCII.sub(_escape, text)
