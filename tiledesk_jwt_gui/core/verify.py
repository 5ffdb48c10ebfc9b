"""Check a token's signature over its segments exactly as received.

The algorithm allowed is decided by the key's type and the caller's choice; the token's own
``alg`` only has to be one of them. HMAC signatures are compared as text, the way jsonwebtoken
(and so Tiledesk) does, so a non-canonical encoding of the right bytes is refused.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from .asymmetric import verify_asymmetric
from .encoding import b64url_encode
from .issues import Issue, Part, Severity
from .keys import HMAC_ALGORITHMS, Key, KeyCandidates, KeyKind, key_label, select_keys
from .limits import MIN_RSA_BITS
from .parse import Inspection

__all__ = [
    "SignatureCheck",
    "SignatureStatus",
    "hmac_signature",
    "verify_signature",
]

_HASHES = {"HS256": hashlib.sha256, "HS384": hashlib.sha384, "HS512": hashlib.sha512}


class SignatureStatus(StrEnum):
    VERIFIED = "verified"
    INVALID = "invalid"
    UNSIGNED = "unsigned"
    NO_KEY = "no_key"


@dataclass(frozen=True, slots=True)
class SignatureCheck:
    """The outcome for the badge: a status, the one-line reason and the issues behind it."""

    status: SignatureStatus
    algorithm: str | None
    key: Key | None
    summary: str
    issues: tuple[Issue, ...]

    @property
    def verified(self) -> bool:
        return self.status is SignatureStatus.VERIFIED


def hmac_signature(algorithm: str, secret: bytes, signing_input: bytes) -> str:
    """The base64url HMAC of ``signing_input``: what the signature segment must read."""
    return b64url_encode(hmac.new(secret, signing_input, _HASHES[algorithm]).digest())


def verify_signature(
    inspection: Inspection,
    keys: Key | Sequence[Key] | None,
    algorithms: Sequence[str] | None = None,
) -> SignatureCheck:
    """Verify ``inspection`` with ``keys`` (one key or a JWKS), allowing only ``algorithms``
    (default: whatever the key's type allows). Never raises."""
    header = inspection.header_object
    alg_value = header.get("alg") if header is not None else None
    alg = alg_value if isinstance(alg_value, str) else None

    def result(
        status: SignatureStatus, summary: str, *issues: Issue, key: Key | None = None
    ) -> SignatureCheck:
        return SignatureCheck(status, alg, key, summary, tuple(issues))

    if not inspection.is_jws:
        return result(
            SignatureStatus.INVALID,
            "the token cannot be read, so it has no signature to check",
        )
    assert header is not None
    signature_text = inspection.segments[2].text
    if alg_value is None or "alg" not in header:
        return result(
            SignatureStatus.INVALID,
            "the header has no 'alg'",
            Issue(
                "alg",
                Severity.ERROR,
                "alg_missing",
                "the header names no algorithm ('alg')",
                Part.HEADER,
            ),
        )
    if alg is None:
        return result(
            SignatureStatus.INVALID,
            "the header's 'alg' is not a string",
            Issue(
                "alg",
                Severity.ERROR,
                "alg_not_string",
                f"the header's 'alg' is {type(alg_value).__name__}, not a string",
                Part.HEADER,
            ),
        )
    if alg.lower() == "none":
        issues = [
            Issue(
                "alg",
                Severity.ERROR,
                "alg_none",
                f"the header says alg '{alg}': the token claims to need no signature, and no "
                "verifier should accept it",
                Part.HEADER,
            )
        ]
        if signature_text:
            issues.append(
                Issue(
                    None,
                    Severity.ERROR,
                    "alg_none_with_signature",
                    "alg is none, yet a signature is attached",
                    Part.SIGNATURE,
                )
            )
        return result(SignatureStatus.UNSIGNED, f"unsigned token (alg '{alg}')", *issues)
    if not signature_text:
        return result(
            SignatureStatus.UNSIGNED,
            "unsigned token: the signature part is empty",
            Issue(
                None,
                Severity.ERROR,
                "signature_missing",
                f"the header says alg {alg} but the signature part is empty",
                Part.SIGNATURE,
            ),
        )
    if keys is None or (isinstance(keys, Sequence) and not keys):
        return result(SignatureStatus.NO_KEY, "no key to check the signature with")
    # One key given alone is the key to use, whatever kid the token names; a set (even of one
    # key) is searched by kid.
    key_set: tuple[Key, ...] = (keys,) if isinstance(keys, Key) else tuple(keys)
    choice = KeyCandidates(key_set) if isinstance(keys, Key) else select_keys(key_set, header)
    if not choice.candidates:
        problem = (choice.problem or "no key fits") + _kid_hint(
            key_set, alg, algorithms, inspection, signature_text
        )
        return result(
            SignatureStatus.INVALID,
            problem,
            Issue("kid", Severity.ERROR, "key_not_found", problem, Part.KEY),
        )
    notes: list[Issue] = []
    if choice.note is not None:
        notes.append(Issue("kid", Severity.WARNING, "kid_ambiguous", choice.note, Part.KEY))
    failures: list[SignatureCheck] = []
    for candidate in choice.candidates:
        check = _verify_with(candidate, alg, algorithms, inspection, signature_text)
        if check.verified:
            which = f" ({key_label(candidate, key_set)})" if len(key_set) > 1 else ""
            return result(
                SignatureStatus.VERIFIED,
                f"signature verified with {candidate.description}{which}",
                *check.issues,
                *notes,
                *_weak_key_warnings(candidate),
                key=candidate,
            )
        failures.append(check)
    first = failures[0]
    if len(failures) == 1:
        return result(first.status, first.summary, *first.issues, *notes, key=first.key)
    summary = f"the {alg} signature matches none of the {len(failures)} keys tried"
    issues = [i for i in first.issues if i.code != "signature_invalid"]
    issues.append(Issue(None, Severity.ERROR, "signature_invalid", summary, Part.SIGNATURE))
    return result(SignatureStatus.INVALID, summary, *issues, *notes, key=first.key)


def _kid_hint(
    keys: Sequence[Key],
    alg: str,
    algorithms: Sequence[str] | None,
    inspection: Inspection,
    signature_text: str,
) -> str:
    """When the token's kid is not in the set: which key of the set would verify it, if one
    does (the token's kid is then wrong, not its signature). Never makes the token verified."""
    for key in keys:
        if _verify_with(key, alg, algorithms, inspection, signature_text).verified:
            return (
                f"; the key with {key_label(key, keys)} verifies the signature, so the token's "
                "kid is what is wrong"
            )
    return ""


def _verify_with(
    key: Key,
    alg: str,
    algorithms: Sequence[str] | None,
    inspection: Inspection,
    signature_text: str,
) -> SignatureCheck:
    """The check with one key: the algorithm it allows, key confusion, then the signature."""

    def result(status: SignatureStatus, summary: str, *issues: Issue) -> SignatureCheck:
        return SignatureCheck(status, alg, key, summary, tuple(issues))

    allowed = [a for a in key.algorithms if algorithms is None or a in algorithms]
    if alg not in allowed:
        why = (
            f"the token says alg {alg}, but {key.description} verifies only "
            f"{', '.join(allowed) or 'none of the algorithms chosen'}"
        )
        if key.is_secret and alg not in HMAC_ALGORITHMS:
            why += " (a secret never verifies an asymmetric signature)"
        elif not key.is_secret and alg in HMAC_ALGORITHMS:
            why += (
                " (an HS token checked with a public key is the classic key-confusion "
                "forgery: refused)"
            )
        return result(
            SignatureStatus.INVALID,
            why,
            Issue("alg", Severity.ERROR, "alg_not_allowed", why, Part.HEADER),
        )
    if key.is_secret and key.confusable_with is not None:
        why = (
            f"the HMAC secret is {key.confusable_with}: a token signed with a public key as "
            "an HMAC secret is the classic key-confusion forgery, so it is refused"
        )
        return result(
            SignatureStatus.INVALID,
            why,
            Issue(None, Severity.ERROR, "key_confusion", why, Part.KEY),
        )
    try:
        valid, issue = _check(alg, key, inspection, signature_text)
    except Exception as exc:  # a backend error is an invalid signature, never a crash
        valid, issue = (
            False,
            Issue(
                None,
                Severity.ERROR,
                "signature_error",
                f"the {alg} signature could not be checked: {type(exc).__name__}",
                Part.SIGNATURE,
            ),
        )
    if valid:
        extra = (issue,) if issue is not None else ()
        return result(
            SignatureStatus.VERIFIED, f"signature verified with {key.description}", *extra
        )
    if issue is None:
        issue = Issue(
            None,
            Severity.ERROR,
            "signature_invalid",
            f"the {alg} signature does not match {key.description}",
            Part.SIGNATURE,
        )
    return result(SignatureStatus.INVALID, issue.message, issue)


def _weak_key_warnings(key: Key) -> tuple[Issue, ...]:
    """RFC 7518 §3.3: RSA keys of 2048 bits or more. A smaller key verifies, with a warning."""
    if key.kind is KeyKind.RSA and key.bits is not None and key.bits < MIN_RSA_BITS:
        return (
            Issue(
                None,
                Severity.WARNING,
                "rsa_key_short",
                f"the RSA key is {key.bits} bits; RFC 7518 §3.3 asks {MIN_RSA_BITS} or more "
                "(keys this small can be factored: anyone could sign such tokens)",
                Part.KEY,
            ),
        )
    return ()


def _check(
    alg: str, key: Key, inspection: Inspection, signature_text: str
) -> tuple[bool, Issue | None]:
    signing_input = inspection.signing_input
    if key.is_secret:
        assert key.secret is not None
        expected = hmac_signature(alg, key.secret, signing_input)
        if hmac.compare_digest(expected, signature_text):
            return True, None
        if inspection.signature is not None and hmac.compare_digest(
            b64url_encode(inspection.signature), expected
        ):
            return False, Issue(
                None,
                Severity.ERROR,
                "signature_noncanonical",
                "the signature bytes match, but their base64url text is not the canonical one; "
                "jsonwebtoken (and so Tiledesk) compares the text and refuses it",
                Part.SIGNATURE,
            )
        return False, None
    signature = inspection.signature
    if signature is None:
        return False, None
    valid = verify_asymmetric(alg, key.public_key, signing_input, signature)
    warning = None
    if valid and b64url_encode(signature) != signature_text:
        warning = Issue(
            None,
            Severity.WARNING,
            "signature_noncanonical",
            "the signature verifies, but its base64url text is not canonical; strict verifiers "
            "may refuse it",
            Part.SIGNATURE,
        )
    return valid, warning
