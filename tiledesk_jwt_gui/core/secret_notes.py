"""Invisible characters in an HMAC secret, said plainly at the secret.

A BOM, spaces, tabs, CR/LF around the secret or zero-width characters inside it are part of
the key: Tiledesk uses the secret exactly as given, so the verdict stays the server's. Each such
flaw becomes a :class:`SecretNote` ("the secret ends with a newline; without it, the signature
matches") that the window shows under its secret field and the command line under the verdict.
The diagnosis (``diagnose``) uses the same :func:`secret_flaws`, so there is one implementation.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable
from dataclasses import dataclass, field

from .causes import (
    BOM,
    BOM_AS_LATIN1,
    INVISIBLE_CHARACTERS,
    SURROUNDING_WHITESPACE,
    Cause,
    Fix,
    FixAction,
    FixTarget,
    remove_invisible,
    strip_bom,
)
from .encoding import node_utf8
from .errors import KeyLoadError
from .keys import HMAC_ALGORITHMS, Key, secret_key
from .parse import Inspection, inspect_token

__all__ = ["MacTarget", "SecretFlaw", "SecretNote", "secret_flaws", "secret_notes"]

_HASHES = {"HS256": hashlib.sha256, "HS384": hashlib.sha384, "HS512": hashlib.sha512}
MAC_LENGTHS = {"HS256": 32, "HS384": 48, "HS512": 64}


@dataclass(frozen=True, slots=True)
class SecretFlaw:
    """One kind of invisible character in a secret: what it is and the text without it."""

    cause: Cause
    what: str
    """How the secret's text differs, for a sentence: "ends with a newline (LF)"."""
    fixed: str = field(repr=False)
    fix: Fix


@dataclass(frozen=True, slots=True)
class SecretNote:
    """A note to show at the secret. ``verifies``: whether the signature matches once the flaw
    is removed (``None`` when there is no HMAC signature to try)."""

    cause: Cause
    message: str
    verifies: bool | None
    fix: Fix | None


class MacTarget:
    """A token's HMAC signature, to test candidate secret bytes against (exactly, as bytes)."""

    def __init__(self, inspection: Inspection) -> None:
        header_alg = inspection.algorithm
        self.signature = inspection.signature or b""
        self.signing_input = inspection.signing_input
        self.header_alg = header_alg if isinstance(header_alg, str) else None
        by_length = [a for a, n in MAC_LENGTHS.items() if n == len(self.signature)]
        self.alg: str | None = (
            self.header_alg
            if self.header_alg in HMAC_ALGORITHMS
            else (by_length[0] if by_length else None)
        )
        self.usable = inspection.is_jws and self.alg is not None and bool(self.signature)

    def matches(
        self, secret: bytes, alg: str | None = None, signing_input: bytes | None = None
    ) -> bool:
        chosen = alg or self.alg
        if not self.usable or chosen is None or not secret:
            return False
        digest = hmac.new(secret, signing_input or self.signing_input, _HASHES[chosen]).digest()
        return hmac.compare_digest(digest, self.signature)


def _run_name(run: str) -> str:
    names = {
        "\n": "a newline (LF)",
        "\r\n": "a Windows line end (CR LF)",
        "\r": "a carriage return (CR)",
        " ": "a space",
        "\t": "a tab",
        "\u00a0": "a no-break space",
    }
    if run in names:
        return names[run]
    if len(set(run)) == 1 and run[0] in " \t":
        return f"{len(run)} {'spaces' if run[0] == ' ' else 'tabs'}"
    if run.strip("\r\n") == "":
        return f"{run.count(chr(10)) or run.count(chr(13))} line ends"
    return f"{len(run)} whitespace characters"


def secret_flaws(text: str) -> tuple[SecretFlaw, ...]:
    """The invisible characters in ``text``, one flaw per kind, in a fixed order."""
    flaws: list[SecretFlaw] = []
    if text.startswith((BOM, BOM_AS_LATIN1)):
        what = (
            "starts with a byte-order mark (BOM, U+FEFF)"
            if text.startswith(BOM)
            else "starts with a byte-order mark read as Latin-1 ('ï»¿')"
        )
        flaws.append(
            SecretFlaw(
                Cause.SECRET_BOM,
                what,
                strip_bom(text),
                Fix(FixTarget.SECRET, FixAction.REMOVE_BOM, "Remove the BOM from the secret"),
            )
        )
    stripped = text.strip(SURROUNDING_WHITESPACE)
    if stripped != text and stripped:
        lead = text[: len(text) - len(text.lstrip(SURROUNDING_WHITESPACE))]
        trail = text[len(text.rstrip(SURROUNDING_WHITESPACE)) :]
        parts = []
        if lead:
            parts.append(f"starts with {_run_name(lead)}")
        if trail:
            parts.append(f"ends with {_run_name(trail)}")
        label = (
            "Remove the trailing newline from the secret"
            if trail in ("\n", "\r\n") and not lead
            else "Remove the whitespace around the secret"
        )
        flaws.append(
            SecretFlaw(
                Cause.SECRET_SURROUNDING_WHITESPACE,
                " and ".join(parts),
                stripped,
                Fix(FixTarget.SECRET, FixAction.STRIP_WHITESPACE, label),
            )
        )
    inside = strip_bom(text)
    hidden = [char for char in inside if char in INVISIBLE_CHARACTERS]
    if hidden:
        names = sorted({f"U+{ord(char):04X}" for char in hidden})
        flaws.append(
            SecretFlaw(
                Cause.SECRET_INVISIBLE_CHARACTERS,
                f"holds {len(hidden)} invisible character{'s' * (len(hidden) != 1)} "
                f"({', '.join(names)})",
                remove_invisible(text),
                Fix(
                    FixTarget.SECRET,
                    FixAction.REMOVE_INVISIBLE,
                    "Remove the invisible characters from the secret",
                ),
            )
        )
    return tuple(flaws)


def secret_encoder(key: Key | str) -> Callable[[str], bytes | None]:
    """How a variant of the secret's text becomes key bytes, as the key's own bytes were made
    (UTF-8, or base64 when the key was given as base64)."""
    base64 = isinstance(key, Key) and (key.description.endswith("(base64-decoded)"))
    if not base64:
        return node_utf8

    def decode(text: str) -> bytes | None:
        try:
            return secret_key(text, base64_encoded=True).secret
        except KeyLoadError:
            return None

    return decode


def secret_notes(
    secret: str | Key | None, token: str | Inspection | None = None
) -> tuple[SecretNote, ...]:
    """Notes on invisible characters in ``secret`` (its text as typed), each saying whether the
    signature of ``token`` matches without them. Never raises; no note quotes the secret."""
    text = secret.secret_text if isinstance(secret, Key) else secret
    if not text:
        return ()
    flaws = secret_flaws(text)
    if not flaws:
        return ()
    encode = secret_encoder(secret if secret is not None else text)
    target = None
    if token is not None:
        inspection = token if isinstance(token, Inspection) else inspect_token(token)
        candidate = MacTarget(inspection)
        target = candidate if candidate.usable else None

    def verifies(variant: str) -> bool | None:
        if target is None:
            return None
        data = encode(variant)
        return data is not None and target.matches(data)

    as_given = verifies(text)
    combined = remove_invisible(strip_bom(text)).strip(SURROUNDING_WHITESPACE)
    all_fix = (
        verifies(combined) if len(flaws) > 1 and not any(verifies(f.fixed) for f in flaws) else None
    )
    notes: list[SecretNote] = []
    for flaw in flaws:
        alone = verifies(flaw.fixed)
        if as_given:
            message = (
                f"the secret {flaw.what}, and the token was signed with it; Tiledesk's own "
                "secrets have none: check the secret in the project settings"
            )
            notes.append(SecretNote(flaw.cause, message, True, None))
        elif alone:
            message = f"the secret {flaw.what}; without it, the signature matches"
            notes.append(SecretNote(flaw.cause, message, True, flaw.fix))
        elif all_fix:
            message = (
                f"the secret {flaw.what}; without it and the other invisible characters "
                "noted, the signature matches"
            )
            fix = Fix(
                FixTarget.SECRET,
                FixAction.REMOVE_ALL_INVISIBLE,
                "Remove the invisible characters around and inside the secret",
            )
            notes.append(SecretNote(flaw.cause, message, True, fix))
        elif alone is None:
            message = (
                f"the secret {flaw.what}: it is part of the key (Tiledesk uses the secret "
                "exactly as given); is it meant to be there?"
            )
            notes.append(SecretNote(flaw.cause, message, None, flaw.fix))
        else:
            message = (
                f"the secret {flaw.what}, which counts as part of the key; without it the "
                "signature does not match either"
            )
            notes.append(SecretNote(flaw.cause, message, False, flaw.fix))
    return tuple(notes)
