"""Why doesn't it verify? Try the known mistakes, each with a real signature check.

Given a token and the key material a person has (their secret or key, other projects' secrets
as candidates), :func:`diagnose` tries every known cause of "invalid signature" (see
:class:`~.causes.Cause`) and says which one makes the signature verify, exactly. It never
changes the verdict: Tiledesk uses the secret exactly as given, so the verdict stays the
server's and the diagnosis explains it. No finding quotes a secret.

Every check is a handful of HMACs (about five hundred for the re-encoded payload), so a whole
diagnosis of an HS256 token that nothing explains took about 0.5 ms when measured (0.1 ms when
the first check finds the cause), a few times one ``judge``: the window can run it after each
edit, on the GUI thread.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from .asymmetric import verify_asymmetric
from .causes import (
    SURROUNDING_WHITESPACE,
    Cause,
    Fix,
    FixAction,
    FixTarget,
    remove_invisible,
    strip_bom,
    unquote,
)
from .encoding import JSONValue, b64url_encode, dumps_compact, node_b64decode, node_utf8
from .judge import Verdict
from .keys import HMAC_ALGORITHMS, Key, select_keys
from .parse import Inspection, inspect_token
from .secret_notes import MAC_LENGTHS, MacTarget, secret_encoder, secret_flaws
from .server import audience_project_id
from .tiledesk import tiledesk_audience
from .verify import SignatureStatus, verify_signature

__all__ = [
    "DEFAULT_GLOBAL_SECRET",
    "OFFLINE_LIMITS",
    "CandidateSecret",
    "Diagnosis",
    "Finding",
    "diagnose",
    "diagnose_verdict",
    "diagnosis_to_dict",
    "format_diagnosis",
    "parse_candidates",
]

DEFAULT_GLOBAL_SECRET = "nodeauthsecret"  # noqa: S105 (public: config/database.js's default)
"""The global secret a self-hosted tiledesk-server uses when none is configured."""

OFFLINE_LIMITS = (
    "a secret regenerated in the dashboard since the token was signed, or the secret of a "
    "project not given here (give other projects' secrets as candidates)"
)
"""What no offline check can find, said whenever no known mistake explains a failure."""

_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_PROJECT_LINE = re.compile(r"([0-9a-fA-F]{24})[ \t]+(.+)")
_HEX = re.compile(r"(?:[0-9a-fA-F]{2})+")
_ASYMMETRIC_LENGTHS = {"ES256": 64, "ES384": 96, "ES512": 132, "EdDSA": 64}


@dataclass(frozen=True, slots=True)
class CandidateSecret:
    """A secret to try: another project's (``project_id``) or a plain guess. ``label`` says where
    it comes from ("line 3"), never what it is."""

    secret: str = field(repr=False)
    project_id: str | None = None
    label: str = "a candidate"


@dataclass(frozen=True, slots=True)
class Finding:
    """One cause looked at: ``verifies`` is True when its check made the signature match."""

    code: Cause
    verifies: bool
    explanation: str
    fix: Fix | None = None
    project_id: str | None = None
    """The project a matching candidate belongs to (``other_project_secret``)."""


@dataclass(frozen=True, slots=True)
class Diagnosis:
    """What the known mistakes say about a token's signature with the given key material."""

    verified_as_given: bool
    verified_with: Cause | None
    findings: tuple[Finding, ...]
    tried: tuple[Cause, ...]

    @property
    def cause(self) -> Finding | None:
        """The first finding whose check made the signature verify."""
        return next((f for f in self.findings if f.verifies), None)


def parse_candidates(text: str) -> tuple[CandidateSecret, ...]:
    """A candidates file: one secret per line, or ``<project id> <secret>`` per line. Blank lines
    are skipped; a line's own CR/LF is not part of its secret."""
    candidates: list[CandidateSecret] = []
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")  # noqa: PLW2901
        if not line.strip():
            continue
        match = _PROJECT_LINE.fullmatch(line)
        if match:
            project = match.group(1).lower()
            candidates.append(CandidateSecret(match.group(2), project, f"line {number}"))
        else:
            candidates.append(CandidateSecret(line, None, f"line {number}"))
    return tuple(candidates)


class _Context:
    """What every check needs: the token, the key material, and the list of checks tried."""

    def __init__(
        self,
        inspection: Inspection,
        key: Key | Sequence[Key] | None,
        candidates: Sequence[CandidateSecret],
        project_id: str | None,
    ) -> None:
        self.inspection = inspection
        self.keys: tuple[Key, ...] = (
            () if key is None else (key,) if isinstance(key, Key) else tuple(key)
        )
        header = inspection.header_object
        chosen = select_keys(self.keys, header).candidates if self.keys else ()
        self.key: Key | None = chosen[0] if chosen else None
        self.mac = MacTarget(inspection)
        self.candidates = candidates
        self.project_id = project_id.lower() if project_id else None
        payload = inspection.payload_object or {}
        self.aud_project = audience_project_id(payload.get("aud"))
        self.tried: list[Cause] = []
        secret_key_ = self.key if self.key is not None and self.key.is_secret else None
        self.secret_text = secret_key_.secret_text if secret_key_ is not None else None
        self.secret_bytes = secret_key_.secret if secret_key_ is not None else None
        self.encode = secret_encoder(secret_key_) if secret_key_ is not None else node_utf8

    def secret_variant_matches(self, data: bytes | None) -> bool:
        """A variant of the user's secret verifies (and differs from the bytes as given)."""
        return data is not None and data != self.secret_bytes and self.mac.matches(data)

    def key_matches(self, alg: str, signing_input: bytes, signature: bytes) -> bool:
        """The user's key verifies ``signature`` over ``signing_input`` with ``alg``."""
        key = self.key
        if key is None or alg not in key.algorithms:
            return False
        if key.is_secret:
            return key.secret is not None and self.mac.matches(key.secret, alg, signing_input)
        try:
            return verify_asymmetric(alg, key.public_key, signing_input, signature)
        except Exception:  # a backend refusal is a mismatch
            return False


Check = Callable[[_Context], Iterator[Finding]]


@dataclass(frozen=True, slots=True)
class _Variant:
    """A variant of the user's secret to try. ``observed`` says what is visibly wrong with the
    secret as given (the variant undoes it), ``None`` for a guess about the signer's side."""

    text: str = field(repr=False)
    explanation: str
    fix: Fix | None = None
    observed: str | None = None


Variants = Callable[[str], list[_Variant]]


def _secret_check(cause: Cause, variants: Variants) -> Check:
    """A check that tries text variants of the user's secret."""

    def check(ctx: _Context) -> Iterator[Finding]:
        if ctx.secret_text is None or not ctx.mac.usable:
            return
        tried = variants(ctx.secret_text)
        if not tried:
            return
        ctx.tried.append(cause)
        for variant in tried:
            if ctx.secret_variant_matches(ctx.encode(variant.text)):
                yield Finding(cause, True, variant.explanation, variant.fix)
                return
        observed = next((v for v in tried if v.observed), None)
        if observed is not None:
            yield Finding(
                cause,
                False,
                f"{observed.observed}, which counts as part of the key; without it the "
                "signature does not match either",
                observed.fix,
            )

    check.__name__ = f"check_{cause.value}"
    return check


def _flaw_variants(cause: Cause) -> Variants:
    """The secret's own invisible characters removed (shared with ``secret_notes``)."""

    def variants(text: str) -> list[_Variant]:
        flaws = secret_flaws(text)
        found = [
            _Variant(
                flaw.fixed,
                f"the secret {flaw.what}; without it, the signature matches",
                flaw.fix,
                f"the secret {flaw.what}",
            )
            for flaw in flaws
            if flaw.cause is cause
        ]
        if found and len(flaws) > 1 and flaws[0].cause is cause:
            found.append(
                _Variant(
                    remove_invisible(strip_bom(text)).strip(SURROUNDING_WHITESPACE),
                    f"the secret {' and '.join(f.what for f in flaws)}; without all of them, "
                    "the signature matches",
                    Fix(
                        FixTarget.SECRET,
                        FixAction.REMOVE_ALL_INVISIBLE,
                        "Remove the invisible characters around and inside the secret",
                    ),
                )
            )
        return found

    return variants


def _whitespace_variants(text: str) -> list[_Variant]:
    found = _flaw_variants(Cause.SECRET_SURROUNDING_WHITESPACE)(text)
    if text.strip(SURROUNDING_WHITESPACE) != text:
        return found
    signer = "the signer reads the secret with its line end (a file read whole, `echo` without -n)"
    return [
        _Variant(text + "\n", f"the signature matches the secret followed by a newline: {signer}"),
        _Variant(text + "\r\n", f"the signature matches the secret followed by CR LF: {signer}"),
        _Variant(text + " ", "the signature matches the secret followed by a space"),
        _Variant(" " + text, "the signature matches the secret preceded by a space"),
    ]


def _bom_variants(text: str) -> list[_Variant]:
    found = _flaw_variants(Cause.SECRET_BOM)(text)
    if found:
        return found
    return [
        _Variant(
            "\ufeff" + text,
            "the signature matches the secret preceded by a byte-order mark: the signer reads "
            "it from a file saved as 'UTF-8 with BOM'",
        )
    ]


def _quoted_variants(text: str) -> list[_Variant]:
    unquoted = unquote(text)
    if unquoted != text:
        fix = Fix(FixTarget.SECRET, FixAction.REMOVE_QUOTES, "Remove the quotes around the secret")
        return [
            _Variant(
                unquoted,
                "the secret is in quotes; without them, the signature matches",
                fix,
                "the secret is in quotes",
            )
        ]
    why = "the signer's secret keeps its quotes (a .env or config value read with them)"
    return [
        _Variant(f'"{text}"', f"the signature matches the secret in double quotes: {why}"),
        _Variant(f"'{text}'", f"the signature matches the secret in single quotes: {why}"),
    ]


_STANDARD_B64 = re.compile(r"[A-Za-z0-9+/]*={0,2}")
_URLSAFE_B64 = re.compile(r"[A-Za-z0-9_-]*={0,2}")


def _strict_b64(text: str, urlsafe: bool) -> bytes | None:
    if not (_URLSAFE_B64 if urlsafe else _STANDARD_B64).fullmatch(text):
        return None
    body = text.rstrip("=")
    if len(body) % 4 == 1:
        return None
    if urlsafe:
        body = body.replace("-", "+").replace("_", "/")
    try:
        return base64.b64decode(body + "=" * (-len(body) % 4), validate=True)
    except (binascii.Error, ValueError):
        return None


def _check_base64_decoded(ctx: _Context) -> Iterator[Finding]:
    text = ctx.secret_text
    if text is None or not ctx.mac.usable:
        return
    decodings = [
        (data, how)
        for data, how in (
            (_strict_b64(text, urlsafe=False), "standard"),
            (_strict_b64(text, urlsafe=True), "URL-safe"),
            (
                node_b64decode(text) if text.isascii() else None,
                "lenient (characters outside base64 skipped)",
            ),
        )
        if data
    ]
    if not decodings:
        return
    ctx.tried.append(Cause.SECRET_BASE64_DECODED)
    for data, how in decodings:
        if ctx.secret_variant_matches(data):
            assert data is not None
            yield Finding(
                Cause.SECRET_BASE64_DECODED,
                True,
                f"the signature matches the secret's base64 decoding ({how} alphabet): the "
                "signer decoded the secret as base64 (a library that takes base64 keys); "
                "Tiledesk uses the secret's text as UTF-8 bytes",
            )
            return


def _check_hex_decoded(ctx: _Context) -> Iterator[Finding]:
    text = ctx.secret_text
    if text is None or not ctx.mac.usable:
        return
    forms = [t for t in dict.fromkeys((text, text.replace("-", ""))) if _HEX.fullmatch(t)]
    if not forms:
        return
    ctx.tried.append(Cause.SECRET_HEX_DECODED)
    for form in forms:
        if ctx.secret_variant_matches(bytes.fromhex(form)):
            dashes = " without its dashes" if form != text else ""
            yield Finding(
                Cause.SECRET_HEX_DECODED,
                True,
                f"the signature matches the secret's hexadecimal decoding{dashes}: the signer "
                "turned the secret into bytes from hex; Tiledesk uses its text as UTF-8 bytes",
            )
            return


def _check_latin1(ctx: _Context) -> Iterator[Finding]:
    text = ctx.secret_text
    if text is None or text.isascii() or not ctx.mac.usable:
        return
    ctx.tried.append(Cause.SECRET_LATIN1_BYTES)
    tries: list[tuple[bytes, str]] = []
    for codec in ("latin-1", "cp1252"):
        try:
            data = text.encode(codec)
        except UnicodeEncodeError:
            continue
        tries.append(
            (
                data,
                f"the signature matches the secret's text encoded as {codec} instead of "
                "UTF-8: the signer used the platform's default charset (Java's getBytes() "
                "without a charset on a non-UTF-8 system), or the text shown here is UTF-8 "
                f"misread as {codec}",
            )
        )
    for data, explanation in tries:
        if ctx.secret_variant_matches(data):
            yield Finding(Cause.SECRET_LATIN1_BYTES, True, explanation)
            return


def _case_variants(text: str) -> list[_Variant]:
    return [
        _Variant(
            variant, f"the signature matches the secret in {name} case: the signer changed its case"
        )
        for variant, name in ((text.upper(), "upper"), (text.lower(), "lower"))
        if variant != text
    ]


def _extra_text_variants(text: str) -> list[_Variant]:
    found: list[_Variant] = []
    # Invisible characters and quotes around the secret are other causes, not extra text.
    bare = remove_invisible(strip_bom(text)).strip(SURROUNDING_WHITESPACE)
    bare = unquote(bare).strip(SURROUNDING_WHITESPACE)
    for match in _UUID.finditer(text):
        if match.group() == bare:
            continue
        start, end = match.span()
        fix = Fix(
            FixTarget.SECRET, FixAction.KEEP_PART, "Keep only the 36-character secret", (start, end)
        )
        found.append(
            _Variant(
                match.group(),
                f"the secret holds more than a 36-character Tiledesk secret: characters "
                f"{start + 1}–{end} alone verify; the rest was pasted with it",
                fix,
            )
        )
    return found


def _check_candidates(ctx: _Context) -> Iterator[Finding]:
    if not ctx.candidates or not ctx.mac.usable:
        return
    ctx.tried.append(Cause.CANDIDATE_SECRET)
    if any(c.project_id for c in ctx.candidates):
        ctx.tried.append(Cause.OTHER_PROJECT_SECRET)
    aud = ctx.aud_project
    for candidate in ctx.candidates:
        if not ctx.mac.matches(node_utf8(candidate.secret)):
            continue
        project = candidate.project_id
        if project and aud and project != aud:
            yield Finding(
                Cause.OTHER_PROJECT_SECRET,
                True,
                f"the token is signed with project {project}'s secret ({candidate.label} of the "
                f"candidates), but its aud names project {aud}, so Tiledesk checks it with "
                f"{aud}'s secret: set aud to {tiledesk_audience(project)}, or sign with {aud}'s "
                "secret",
                project_id=project,
            )
        elif project:
            yield Finding(
                Cause.CANDIDATE_SECRET,
                True,
                f"project {project}'s secret ({candidate.label} of the candidates) verifies: the "
                "secret given is not the one the token was signed with (an old copy, or the "
                "secret was regenerated)",
                project_id=project,
            )
        else:
            yield Finding(
                Cause.CANDIDATE_SECRET,
                True,
                f"the secret on {candidate.label} of the candidates verifies, not the one given",
            )
        return


def _check_default_global_secret(ctx: _Context) -> Iterator[Finding]:
    if not ctx.mac.usable:
        return
    ctx.tried.append(Cause.DEFAULT_GLOBAL_SECRET)
    if ctx.mac.matches(DEFAULT_GLOBAL_SECRET.encode()):
        where = (
            f"; its aud names project {ctx.aud_project}, so Tiledesk checks it with that "
            "project's secret instead"
            if ctx.aud_project
            else "; Tiledesk checks a token without a project aud with the global secret"
        )
        yield Finding(
            Cause.DEFAULT_GLOBAL_SECRET,
            True,
            "the token is signed with 'nodeauthsecret', the global secret a self-hosted "
            "Tiledesk uses when none is configured; custom-auth tokens are signed with the "
            f"project's secret{where}",
        )


def _expected_length(ctx: _Context, alg: str) -> int | None:
    if alg in MAC_LENGTHS:
        return MAC_LENGTHS[alg]
    if alg in _ASYMMETRIC_LENGTHS:
        return _ASYMMETRIC_LENGTHS[alg]
    key = ctx.key
    size = getattr(key.public_key, "key_size", None) if key is not None else None
    return size // 8 if isinstance(size, int) and alg[:2] in ("RS", "PS") else None


def _check_truncated(ctx: _Context) -> Iterator[Finding]:
    inspection = ctx.inspection
    alg = ctx.mac.header_alg
    signature = inspection.signature or b""
    if not inspection.is_jws or alg is None or not signature:
        return
    expected = _expected_length(ctx, alg)
    if expected is None or len(signature) >= expected:
        return
    ctx.tried.append(Cause.SIGNATURE_TRUNCATED)
    text = inspection.segments[2].text
    full = b64url_encode(b"\0" * expected)
    prefix_matches = False
    if ctx.secret_bytes is not None and alg in HMAC_ALGORITHMS:
        from .verify import hmac_signature  # noqa: PLC0415

        made = hmac_signature(alg, ctx.secret_bytes, inspection.signing_input)
        prefix_matches = made.startswith(text)
    lengths = f"{len(text)} characters where {alg} makes {len(full)}"
    if prefix_matches:
        yield Finding(
            Cause.SIGNATURE_TRUNCATED,
            True,
            f"the signature is {lengths}, and those match the secret's: the token was cut "
            "when copied; copy the whole token",
        )
    else:
        yield Finding(
            Cause.SIGNATURE_TRUNCATED,
            False,
            f"the signature is {lengths}: the token was probably cut when copied",
        )


def _check_line_breaks(ctx: _Context) -> Iterator[Finding]:
    token = ctx.inspection.token
    unbroken = "".join(token.split())  # str.split drops exactly what str.isspace() calls space
    if unbroken == token or not ctx.keys:
        return
    ctx.tried.append(Cause.TOKEN_LINE_BREAKS)
    joined = inspect_token(unbroken)
    if verify_signature(joined, ctx.keys if len(ctx.keys) > 1 else ctx.keys[0]).verified:
        yield Finding(
            Cause.TOKEN_LINE_BREAKS,
            True,
            "the token holds line breaks or spaces (it was wrapped when copied); without them, "
            "the signature matches, but Tiledesk refuses the token as sent",
            Fix(
                FixTarget.TOKEN,
                FixAction.REMOVE_WHITESPACE_INSIDE,
                "Remove the line breaks from the token",
            ),
        )
    else:
        yield Finding(
            Cause.TOKEN_LINE_BREAKS,
            False,
            "the token holds line breaks or spaces, which Tiledesk refuses; without them the "
            "signature does not match either",
            Fix(
                FixTarget.TOKEN,
                FixAction.REMOVE_WHITESPACE_INSIDE,
                "Remove the line breaks from the token",
            ),
        )


_SERIALISATIONS: tuple[tuple[str, Callable[[Any], str]], ...] = (
    ("compact JSON (JSON.stringify)", dumps_compact),
    ("JSON with spaces after ':' and ','", lambda v: json.dumps(v, ensure_ascii=False)),
    ("JSON with non-ASCII escaped", lambda v: json.dumps(v, separators=(",", ":"))),
    ("JSON with spaces and non-ASCII escaped", json.dumps),
    ("JSON with keys sorted", lambda v: json.dumps(v, separators=(",", ":"), sort_keys=True)),
    ("JSON with spaces and keys sorted", lambda v: json.dumps(v, sort_keys=True)),
    ("indented JSON", lambda v: json.dumps(v, indent=2)),
)


def _segment_forms(value: JSONValue, raw: bytes, as_received: str) -> list[tuple[str, str]]:
    """(base64url text, how it was written) for a header or payload value, as received first."""
    texts: dict[str, str] = {as_received: "as received"}
    texts.setdefault(b64url_encode(raw), "the same bytes in canonical base64url")
    for name, serialise in _SERIALISATIONS:
        try:
            data = serialise(value).encode("utf-8")
        except (ValueError, TypeError, RecursionError, UnicodeEncodeError):
            continue
        encoded = b64url_encode(data)
        texts.setdefault(encoded, name)
        texts.setdefault(encoded + "=" * (-len(encoded) % 4), f"{name}, base64 with padding")
        standard = base64.b64encode(data).decode("ascii")
        texts.setdefault(standard, f"{name}, standard base64")
    return list(texts.items())


def _check_reencoded(ctx: _Context) -> Iterator[Finding]:
    inspection = ctx.inspection
    header, payload = inspection.header, inspection.payload
    alg = ctx.mac.header_alg
    if (
        not inspection.is_jws
        or header is None
        or payload is None
        or not payload.is_json
        or alg is None
        or ctx.key is None
    ):
        return
    ctx.tried.append(Cause.PAYLOAD_REENCODED)
    signature = inspection.signature or b""
    headers = _segment_forms(header.value, header.raw, inspection.segments[0].text)
    payloads = _segment_forms(payload.value, payload.raw, inspection.segments[1].text)
    for header_text, header_how in headers:
        for payload_text, payload_how in payloads:
            if header_how == payload_how == "as received":
                continue
            signing_input = f"{header_text}.{payload_text}".encode("ascii", "replace")
            if ctx.key_matches(alg, signing_input, signature):
                parts = []
                if payload_how != "as received":
                    parts.append(f"the claims written as {payload_how}")
                if header_how != "as received":
                    parts.append(f"the header written as {header_how}")
                yield Finding(
                    Cause.PAYLOAD_REENCODED,
                    True,
                    f"the signature matches {' and '.join(parts)}: the token was re-encoded "
                    "after signing (by a proxy, or code that decoded and re-serialised it); "
                    "send the token exactly as it was signed",
                )
                return


def _check_alg_mismatch(ctx: _Context) -> Iterator[Finding]:
    inspection = ctx.inspection
    alg = ctx.mac.header_alg
    key = ctx.key
    signature = inspection.signature or b""
    if not inspection.is_jws or alg is None or key is None or not signature:
        return
    if key.is_secret:
        others = [a for a, n in MAC_LENGTHS.items() if n == len(signature) and a != alg]
    else:
        others = [a for a in key.algorithms if a != alg]
    if not others:
        return
    ctx.tried.append(Cause.HEADER_ALG_MISMATCH)
    for other in others:
        if ctx.key_matches(other, inspection.signing_input, signature):
            yield Finding(
                Cause.HEADER_ALG_MISMATCH,
                True,
                f"the signature is an {other} signature made with this key, but the header says "
                f"{alg}: the signer's header and algorithm disagree, and the verifier follows "
                "the header",
            )
            return
    if key.is_secret:
        yield Finding(
            Cause.HEADER_ALG_MISMATCH,
            False,
            f"the signature is {len(signature)} bytes long, the length of {others[0]}, while "
            f"the header says {alg}; it does not match {others[0]} with this secret either",
        )


# The checks in the order findings are listed: the user's secret, other secrets, the token.
_CHECKS: tuple[Check, ...] = (
    _secret_check(Cause.SECRET_SURROUNDING_WHITESPACE, _whitespace_variants),
    _secret_check(Cause.SECRET_BOM, _bom_variants),
    _secret_check(
        Cause.SECRET_INVISIBLE_CHARACTERS, _flaw_variants(Cause.SECRET_INVISIBLE_CHARACTERS)
    ),
    _secret_check(Cause.SECRET_QUOTED, _quoted_variants),
    _check_base64_decoded,
    _check_hex_decoded,
    _check_latin1,
    _secret_check(Cause.SECRET_CASE_CHANGED, _case_variants),
    _secret_check(Cause.SECRET_EXTRA_TEXT, _extra_text_variants),
    _check_candidates,
    _check_default_global_secret,
    _check_truncated,
    _check_line_breaks,
    _check_reencoded,
    _check_alg_mismatch,
)


def _not_matched(tried: Sequence[Cause]) -> Finding:
    listed = ", ".join(cause.value for cause in tried) or "none (no HMAC signature to test)"
    return Finding(
        Cause.NONE_MATCHED,
        False,
        f"no known mistake makes the signature match. Tried: {listed}. What cannot be found "
        f"offline: {OFFLINE_LIMITS}",
    )


def diagnose(
    token: str | Inspection,
    key: Key | Sequence[Key] | None,
    *,
    candidates: Sequence[CandidateSecret] = (),
    project_id: str | None = None,
) -> Diagnosis:
    """Try every known cause of a signature failure. Never raises; never changes a verdict."""
    inspection = token if isinstance(token, Inspection) else inspect_token(token)
    verified = bool(key) and verify_signature(inspection, key).verified
    ctx = _Context(inspection, key, candidates, project_id)
    if verified:
        return Diagnosis(True, None, (), ())
    findings: list[Finding] = []
    for check in _CHECKS:
        findings.extend(check(ctx))
        if findings and findings[-1].verifies:
            break  # one exact cause is the answer; the checks after it need not run
    if not any(f.verifies for f in findings):
        findings.append(_not_matched(ctx.tried))
    cause = next((f.code for f in findings if f.verifies), None)
    return Diagnosis(False, cause, tuple(findings), tuple(dict.fromkeys(ctx.tried)))


def diagnose_verdict(
    verdict: Verdict,
    key: Key | Sequence[Key] | None,
    *,
    candidates: Sequence[CandidateSecret] = (),
    project_id: str | None = None,
) -> Diagnosis | None:
    """The diagnosis of ``verdict``'s signature when there is a failure to explain (a signed
    token whose signature does not match the key given); ``None`` otherwise (verified, no key,
    unsigned, unreadable). ``key`` is the one the verdict was judged with."""
    if not key or verdict.signature.status is not SignatureStatus.INVALID:
        return None
    if not verdict.inspection.is_jws:
        return None
    return diagnose(verdict.inspection, key, candidates=candidates, project_id=project_id)


def diagnosis_to_dict(diagnosis: Diagnosis) -> dict[str, Any]:
    """The object ``tiledesk-jwt diagnose --json`` prints (a contract for scripts)."""
    return {
        "verified_as_given": diagnosis.verified_as_given,
        "verified_with": diagnosis.verified_with.value if diagnosis.verified_with else None,
        "findings": [
            {"code": f.code.value, "verifies": f.verifies, "explanation": f.explanation}
            for f in diagnosis.findings
        ],
    }


def format_diagnosis(diagnosis: Diagnosis) -> str:
    """The diagnosis for people: the answer first, then every finding with its fix."""
    if diagnosis.verified_as_given:
        return "The signature verifies with the key as given: nothing to diagnose."
    cause = diagnosis.cause
    lines = [
        f"The signature does not verify as given; the cause: {cause.code.value}"
        if cause is not None
        else "The signature does not verify as given, and no known mistake explains it"
    ]
    for finding in diagnosis.findings:
        mark = "✓" if finding.verifies else "·"
        lines.append(f"  {mark} {finding.code.value}: {finding.explanation}")
        if finding.fix is not None and finding.verifies:
            lines.append(f"    Fix: {finding.fix.label}")
    lines.append(
        "The verdict does not change: Tiledesk uses the secret and the token exactly as given."
    )
    return "\n".join(lines)
