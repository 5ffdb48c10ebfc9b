"""Turn any text into an :class:`Inspection`: the cleaned token, its segments with their spans,
the decoded header and payload, and every structural problem, each naming the part at fault.

Nothing here checks a signature or a claim's meaning; that is ``verify`` and ``judge``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from .encoding import (
    Base64Problem,
    JsonProblem,
    JSONValue,
    base64url_length_problem,
    clean_b64url_decode,
    find_base64url_problem,
    is_jws_alphabet,
    lenient_b64decode,
    parse_json,
)
from .extract import AMBIGUOUS_CODE, extract_token
from .issues import Issue, Part, Severity
from .limits import MAX_TEXT_BYTES

__all__ = [
    "MAX_TOKEN_CHARS",
    "DecodedSegment",
    "Inspection",
    "Notice",
    "Segment",
    "Span",
    "inspect_token",
]

MAX_TOKEN_CHARS: Final = MAX_TEXT_BYTES
"""Inputs longer than this (1 MiB of text) are refused at once, with a message."""


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``start`` (inclusive) to ``end`` (exclusive) of the original text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Segment:
    """One dot-separated part of the token: ``header``, ``payload``, ``signature`` or ``extra``."""

    name: str
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Notice:
    """A clean-up done on the pasted text before reading it (never silent)."""

    code: str
    message: str


@dataclass(frozen=True, slots=True)
class DecodedSegment:
    """A decoded header or payload. ``value`` is meaningful only when ``is_json``."""

    raw: bytes
    text: str
    value: JSONValue
    is_json: bool
    utf8_valid: bool
    duplicate_keys: tuple[str, ...]

    @property
    def as_object(self) -> dict[str, JSONValue] | None:
        if self.is_json and isinstance(self.value, dict):
            return self.value
        return None


@dataclass(frozen=True, slots=True)
class Inspection:
    """Everything that can be read from a text without a key."""

    original: str
    token: str
    token_span: Span
    notices: tuple[Notice, ...]
    segments: tuple[Segment, ...]
    header: DecodedSegment | None
    payload: DecodedSegment | None
    signature: bytes | None
    issues: tuple[Issue, ...]

    @property
    def header_object(self) -> dict[str, JSONValue] | None:
        return self.header.as_object if self.header else None

    @property
    def payload_object(self) -> dict[str, JSONValue] | None:
        return self.payload.as_object if self.payload else None

    @property
    def is_jws(self) -> bool:
        """Three segments with a header object: enough to try a signature."""
        return len(self.segments) == 3 and self.header_object is not None

    @property
    def algorithm(self) -> JSONValue:
        header = self.header_object
        return header.get("alg") if header is not None else None

    def segment(self, name: str) -> Segment | None:
        for segment in self.segments:
            if segment.name == name:
                return segment
        return None

    @property
    def signing_input(self) -> bytes:
        """``header.payload`` exactly as received (RFC 7515 §5.2, step 8)."""
        return self.token.rsplit(".", 1)[0].encode("ascii", "replace")


_SCHEME = re.compile(r"(?i)^(?:authorization\s*:\s*)?(jwt|bearer)(?:\s+|$)")
_QUOTES = (('"', '"'), ("'", "'"), ("`", "`"))
_SEGMENT_NAMES = ("header", "payload", "signature")


def inspect_token(text: str) -> Inspection:
    """Read ``text`` as a compact JWS/JWT. Never raises; problems become issues."""
    if len(text) > MAX_TOKEN_CHARS:
        issue = Issue(
            None,
            Severity.ERROR,
            "too_large",
            f"the input is {len(text):,} characters; the limit is {MAX_TOKEN_CHARS:,} "
            "(1 MiB), far beyond any real token",
            Part.TOKEN,
        )
        return Inspection(text, "", Span(0, 0), (), (), None, None, None, (issue,))
    found = extract_token(text)  # a URL, a curl command, a request, a HAR or JSON document
    if found.refusal is not None:
        issue = Issue(None, Severity.ERROR, AMBIGUOUS_CODE, found.refusal, Part.TOKEN)
        return Inspection(text, "", Span(0, 0), (), (), None, None, None, (issue,))
    chosen = found.chosen
    if chosen is not None and found.notice is not None:
        token, start = chosen.token, chosen.start
        notices: tuple[Notice, ...] = (Notice(chosen.source.value, found.notice),)
    else:
        token, start, notices = _clean(text)
    span = Span(start, start + len(token))
    issues: list[Issue] = []
    if not token:
        issues.append(Issue(None, Severity.ERROR, "empty", "there is no token", Part.TOKEN))
        return Inspection(text, token, span, notices, (), None, None, None, tuple(issues))
    parts = token.split(".")
    segments = _segments(parts, start)
    if len(parts) == 5:
        issues.append(
            Issue(
                None,
                Severity.ERROR,
                "jwe_unsupported",
                "this has 5 parts: it is a JWE, an encrypted token; encrypted tokens are not "
                "supported (Tiledesk uses signed tokens of 3 parts)",
                Part.TOKEN,
            )
        )
    elif len(parts) != 3:
        hint = ""
        if len(parts) == 2:
            hint = " (an unsigned token still ends with a dot)"
        issues.append(
            Issue(
                None,
                Severity.ERROR,
                "wrong_part_count",
                f"expected 3 parts separated by dots, got {len(parts)}{hint}",
                Part.TOKEN,
            )
        )
    # One pass over the whole token: when it holds only base64url characters and dots (any
    # real token does), no segment needs to be searched for bad characters again.
    clean = is_jws_alphabet(token)
    header = _decode_json_segment(segments, "header", Part.HEADER, issues, clean)
    payload = _decode_json_segment(segments, "payload", Part.PAYLOAD, issues, clean)
    signature = _decode_signature(segments, issues, clean) if len(parts) == 3 else None
    return Inspection(
        text, token, span, notices, segments, header, payload, signature, tuple(issues)
    )


def _clean(text: str) -> tuple[str, int, tuple[Notice, ...]]:
    notices: list[Notice] = []
    start, end = 0, len(text)
    stripped = text.strip()
    if stripped != text:
        notices.append(Notice("trimmed_whitespace", "removed whitespace around the token"))
        start = len(text) - len(text.lstrip())
        end = start + len(stripped)
    for opening, closing in _QUOTES:
        if len(stripped) >= 2 and stripped.startswith(opening) and stripped.endswith(closing):
            stripped = stripped[1:-1].strip()
            notices.append(Notice("removed_quotes", "removed the quotes around the token"))
            start = text.index(stripped, start) if stripped else start
            end = start + len(stripped)
            break
    match = _SCHEME.match(stripped)
    if match:
        scheme = match.group(1)
        if scheme.lower() == "jwt":
            notices.append(
                Notice("removed_jwt_prefix", f"removed the '{scheme} ' prefix (Tiledesk's scheme)")
            )
        else:
            notices.append(
                Notice(
                    "removed_bearer_prefix",
                    f"removed the '{scheme} ' prefix; note that Tiledesk expects "
                    "'Authorization: JWT <token>' and refuses the Bearer scheme",
                )
            )
        stripped = stripped[match.end() :]
        start = start + match.end()
        end = start + len(stripped)
    return text[start:end], start, tuple(notices)


def _segments(parts: list[str], start: int) -> tuple[Segment, ...]:
    segments: list[Segment] = []
    position = start
    for index, part in enumerate(parts):
        name = _SEGMENT_NAMES[index] if index < 3 else "extra"
        if len(parts) == 5 and index >= 3:
            name = "extra"
        segments.append(Segment(name, part, Span(position, position + len(part))))
        position += len(part) + 1
    return tuple(segments)


def _find(segments: tuple[Segment, ...], name: str) -> Segment | None:
    for segment in segments:
        if segment.name == name:
            return segment
    return None


def _base64url(text: str, clean: bool) -> tuple[Base64Problem | None, bytes]:
    """The segment's problem (RFC 7515) and its bytes as Node reads them; ``clean``: the text
    is known to hold base64url characters only."""
    if clean:
        return base64url_length_problem(text), clean_b64url_decode(text)
    return find_base64url_problem(text), lenient_b64decode(text)


def _decode_json_segment(
    segments: tuple[Segment, ...], name: str, part: Part, issues: list[Issue], clean: bool
) -> DecodedSegment | None:
    segment = _find(segments, name)
    if segment is None:
        return None
    if not segment.text:
        issues.append(Issue(None, Severity.ERROR, f"{name}_empty", f"the {name} is empty", part))
        return None
    problem, raw = _base64url(segment.text, clean)
    if problem is not None:
        severity = Severity.ERROR if problem.fatal else Severity.WARNING
        issues.append(
            Issue(None, severity, f"{name}_{problem.code}", f"the {name}: {problem.message}", part)
        )
    try:
        text = raw.decode("utf-8")
        utf8_valid = True
    except UnicodeDecodeError as exc:
        text = raw.decode("utf-8", "replace")
        utf8_valid = False
        issues.append(
            Issue(
                None,
                Severity.ERROR,
                f"{name}_not_utf8",
                f"the {name} is not valid UTF-8 (byte {exc.start + 1} of {len(raw)}, "
                f"0x{raw[exc.start]:02x}); shown with U+FFFD in its place",
                part,
            )
        )
    duplicates: list[str] = []
    value = parse_json(text, duplicates)
    if isinstance(value, JsonProblem):
        issues.append(
            Issue(
                None,
                Severity.ERROR,
                f"{name}_not_json",
                f"the {name} is not JSON: {value.message}",
                part,
            )
        )
        return DecodedSegment(raw, text, None, False, utf8_valid, ())
    if not isinstance(value, dict):
        issues.append(
            Issue(
                None,
                Severity.ERROR,
                f"{name}_not_object",
                f"the {name} is JSON {_json_kind(value)}, not an object",
                part,
            )
        )
    for key in duplicates:
        issues.append(
            Issue(
                key,
                Severity.WARNING,
                "duplicate_key",
                f"the {name} names '{key}' more than once; JavaScript (and so Tiledesk) keeps "
                "the last value, other libraries may keep the first or refuse the token",
                part,
            )
        )
    return DecodedSegment(raw, text, value, True, utf8_valid, tuple(duplicates))


def _decode_signature(
    segments: tuple[Segment, ...], issues: list[Issue], clean: bool
) -> bytes | None:
    segment = _find(segments, "signature")
    if segment is None or not segment.text:
        return None
    problem, raw = _base64url(segment.text, clean)
    if problem is not None:
        severity = Severity.ERROR if problem.fatal else Severity.WARNING
        issues.append(
            Issue(
                None,
                severity,
                f"signature_{problem.code}",
                f"the signature: {problem.message}",
                Part.SIGNATURE,
            )
        )
    return raw


def _json_kind(value: JSONValue) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"
