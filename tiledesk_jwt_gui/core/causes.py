"""Why a signature fails: the stable codes of the causes the diagnosis knows, and the one-click
fixes as data (what to change, on which input), which a face applies with :func:`apply_fix`.

The codes are listed here once; ``diagnose`` and ``secret_notes`` use them, the faces show them.
"""

# ruff: noqa: S105 (codes and input names, not secrets)
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final

__all__ = [
    "CAUSE_TITLES",
    "INVISIBLE_CHARACTERS",
    "SURROUNDING_WHITESPACE",
    "Cause",
    "Fix",
    "FixAction",
    "FixTarget",
    "apply_fix",
]


class Cause(StrEnum):
    """A known reason for "invalid signature", each tested by a real HMAC/signature check."""

    SECRET_SURROUNDING_WHITESPACE = "secret_surrounding_whitespace"
    """A space, tab, CR or LF before or after the secret (on one side or the other)."""
    SECRET_BOM = "secret_bom"
    """A byte-order mark (U+FEFF) at the start of the secret: a file saved as "UTF-8 with BOM"."""
    SECRET_INVISIBLE_CHARACTERS = "secret_invisible_characters"
    """Zero-width characters inside the secret (copied from a web page or a chat)."""
    SECRET_QUOTED = "secret_quoted"
    """Quotes around the secret, on one side or the other (a .env value read with them)."""
    SECRET_BASE64_DECODED = "secret_base64_decoded"
    """The signer base64-decoded the secret's text (standard or URL-safe alphabet)."""
    SECRET_HEX_DECODED = "secret_hex_decoded"
    """The signer hex-decoded the secret's text (a UUID without its dashes, too)."""
    SECRET_LATIN1_BYTES = "secret_latin1_bytes"
    """The secret's text encoded as Latin-1/cp1252 instead of UTF-8 (or the reverse)."""
    SECRET_CASE_CHANGED = "secret_case_changed"
    """The secret upper- or lower-cased (a UUID printed in capitals)."""
    SECRET_EXTRA_TEXT = "secret_extra_text"
    """A 36-character UUID inside a longer pasted text verifies alone."""
    OTHER_PROJECT_SECRET = "other_project_secret"
    """A candidate secret of another project than the one ``aud`` names verifies."""
    CANDIDATE_SECRET = "candidate_secret"
    """A candidate secret verifies (the project ``aud`` names, or no project given)."""
    DEFAULT_GLOBAL_SECRET = "default_global_secret"
    """Signed with ``nodeauthsecret``, the global secret a self-hosted server defaults to."""
    SIGNATURE_TRUNCATED = "signature_truncated"
    """The signature is shorter than its algorithm makes: the token was cut when copied."""
    TOKEN_LINE_BREAKS = "token_line_breaks"
    """Whitespace inside the token (wrapped over lines): it verifies once removed."""
    PAYLOAD_REENCODED = "payload_reencoded"
    """The same header and claims serialised another way verify: re-encoded after signing."""
    HEADER_ALG_MISMATCH = "header_alg_mismatch"
    """The signature's length or value fits another algorithm than the header's ``alg``."""
    NONE_MATCHED = "none_matched"
    """No known mistake explains the failure; says which checks were tried."""


CAUSE_TITLES: Final[dict[Cause, str]] = {
    Cause.SECRET_SURROUNDING_WHITESPACE: "spaces or line ends around the secret",
    Cause.SECRET_BOM: "a byte-order mark before the secret",
    Cause.SECRET_INVISIBLE_CHARACTERS: "invisible characters inside the secret",
    Cause.SECRET_QUOTED: "quotes around the secret",
    Cause.SECRET_BASE64_DECODED: "the secret decoded as base64 by the signer",
    Cause.SECRET_HEX_DECODED: "the secret decoded as hexadecimal by the signer",
    Cause.SECRET_LATIN1_BYTES: "the secret encoded as Latin-1 instead of UTF-8",
    Cause.SECRET_CASE_CHANGED: "the secret in other letter case",
    Cause.SECRET_EXTRA_TEXT: "extra text pasted with the secret",
    Cause.OTHER_PROJECT_SECRET: "another project's secret",
    Cause.CANDIDATE_SECRET: "the candidate secrets given",
    Cause.DEFAULT_GLOBAL_SECRET: "the self-hosted default secret 'nodeauthsecret'",
    Cause.SIGNATURE_TRUNCATED: "a signature cut short",
    Cause.TOKEN_LINE_BREAKS: "line breaks inside the token",
    Cause.PAYLOAD_REENCODED: "claims re-encoded after signing",
    Cause.HEADER_ALG_MISMATCH: "an algorithm other than the header's",
    Cause.NONE_MATCHED: "no known mistake",
}
"""Each cause in a few words, for a list of the checks tried ("Checked: quotes around the
secret, …"): one entry per :class:`Cause`."""


class FixTarget(StrEnum):
    """Which input a fix changes."""

    SECRET = "secret"
    TOKEN = "token"


class FixAction(StrEnum):
    """What a fix does to its input's text."""

    STRIP_WHITESPACE = "strip_whitespace"
    REMOVE_BOM = "remove_bom"
    REMOVE_INVISIBLE = "remove_invisible"
    REMOVE_ALL_INVISIBLE = "remove_all_invisible"
    REMOVE_QUOTES = "remove_quotes"
    KEEP_PART = "keep_part"
    REMOVE_WHITESPACE_INSIDE = "remove_whitespace_inside"


@dataclass(frozen=True, slots=True)
class Fix:
    """A change on the user's side that makes the signature match, as data. ``label`` is the
    button's text; ``keep`` is the slice kept by :attr:`FixAction.KEEP_PART`."""

    target: FixTarget
    action: FixAction
    label: str
    keep: tuple[int, int] | None = None


SURROUNDING_WHITESPACE: Final = " \t\r\n\v\f\u00a0"
"""What counts as whitespace around a secret (ASCII whitespace and the no-break space)."""
INVISIBLE_CHARACTERS: Final = "\u200b\u200c\u200d\u2060\u00ad\u180e\ufeff"
"""Zero-width and other invisible characters that copy-paste carries along."""
BOM: Final = "\ufeff"
BOM_AS_LATIN1: Final = "ï»¿"
"""A UTF-8 BOM's three bytes read as Latin-1/cp1252."""
_QUOTES: Final = ('"', "'", "`")


def strip_bom(text: str) -> str:
    """``text`` without its leading byte-order mark (or the mark's Latin-1 reading)."""
    for mark in (BOM, BOM_AS_LATIN1):
        if text.startswith(mark):
            return text[len(mark) :]
    return text


def unquote(text: str) -> str:
    """``text`` without one pair of matching quotes around it (whitespace inside kept)."""
    stripped = text.strip(SURROUNDING_WHITESPACE)
    for quote in _QUOTES:
        if len(stripped) >= 2 and stripped[0] == quote and stripped[-1] == quote:
            return stripped[1:-1]
    return text


def remove_invisible(text: str) -> str:
    """``text`` without zero-width characters (a leading BOM included)."""
    return "".join(char for char in text if char not in INVISIBLE_CHARACTERS)


def apply_fix(fix: Fix, text: str) -> str:
    """The text of ``fix.target`` after the fix."""
    action = fix.action
    if action is FixAction.STRIP_WHITESPACE:
        return text.strip(SURROUNDING_WHITESPACE)
    if action is FixAction.REMOVE_BOM:
        return strip_bom(text)
    if action is FixAction.REMOVE_INVISIBLE:
        return remove_invisible(text)
    if action is FixAction.REMOVE_ALL_INVISIBLE:
        return remove_invisible(strip_bom(text)).strip(SURROUNDING_WHITESPACE)
    if action is FixAction.REMOVE_QUOTES:
        return unquote(text)
    if action is FixAction.KEEP_PART:
        start, end = fix.keep or (0, len(text))
        return text[start:end]
    return "".join(text.split())
