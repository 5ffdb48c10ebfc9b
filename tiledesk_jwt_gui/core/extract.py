"""Paste from anywhere: find the token inside a URL (``?tiledesk_jwt=``, ``?secret_token=``), a
``curl`` command line, a raw HTTP request, a HAR file, a JSON object with a ``token`` field (the
sign-in answer), or any text holding exactly one token-shaped string.

Each extraction is a notice, as the other clean-ups of pasted text are; text holding several
different tokens is refused with a message listing them. Nothing here decodes the token: the
span found is handed to ``parse``.

A file dropped on the window (:func:`tokens_in_file`) is read through the bounded reader up to
:data:`MAX_TOKEN_FILE_BYTES`, 64 MiB: ``inspect_token`` refuses text over 1 MiB, but a HAR
export of a browser session holds response bodies and is often tens of MiB, so the file is
searched here first and only the token found goes on. Several tokens make a list to pick from.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Final

from .limits import ReadError, read_bounded, utf8_text

__all__ = [
    "MAX_EXTRACT_CHARS",
    "MAX_TOKEN_FILE_BYTES",
    "Extraction",
    "ExtractionSource",
    "FileTokens",
    "TokenCandidate",
    "extract_token",
    "tokens_in_file",
]

MAX_EXTRACT_CHARS: Final = 64 * 1024 * 1024
"""Text longer than this (64 MiB, a big HAR file) is not searched."""
MAX_TOKEN_FILE_BYTES: Final = MAX_EXTRACT_CHARS
"""A file to find a token in is read up to 64 MiB: as much as :func:`extract_token` searches."""
_MAX_TOKEN_TEXT: Final = 1024 * 1024
"""The most ``inspect_token`` reads (``parse.MAX_TOKEN_CHARS``; parse imports this module)."""


class ExtractionSource(StrEnum):
    """Where a token was found; the value is the notice's code."""

    URL_PARAMETER = "extracted_from_url"
    AUTHORIZATION_HEADER = "extracted_from_authorization_header"
    HAR_FILE = "extracted_from_har"
    JSON_TOKEN_FIELD = "extracted_from_json_token_field"  # noqa: S105 (a notice code)
    EMBEDDED_TEXT = "extracted_from_text"


AMBIGUOUS_CODE: Final = "ambiguous_input"
"""The issue code of text that holds several different tokens."""


@dataclass(frozen=True, slots=True)
class TokenCandidate:
    """A token found in the text: where (``start``–``end`` of the text) and how it was found."""

    token: str
    start: int
    end: int
    source: ExtractionSource
    where: str
    """For people: "the URL's tiledesk_jwt parameter", "HAR entry 3, request header"."""


@dataclass(frozen=True, slots=True)
class Extraction:
    """What was found. ``chosen`` is set when exactly one token was found; ``candidates`` lists
    every distinct token (several: the text is ambiguous and refused)."""

    candidates: tuple[TokenCandidate, ...]

    @property
    def chosen(self) -> TokenCandidate | None:
        return self.candidates[0] if len(self.candidates) == 1 else None

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1

    @property
    def notice(self) -> str | None:
        """The notice for the chosen token: "took the token from …"."""
        chosen = self.chosen
        return f"took the token from {chosen.where}" if chosen else None

    @property
    def refusal(self) -> str | None:
        """The message refusing ambiguous text, listing the tokens found."""
        if not self.ambiguous:
            return None
        listed = "; ".join(
            f"{index}. {_preview(c.token)} ({c.where})"
            for index, c in enumerate(self.candidates, start=1)
        )
        return (
            f"the text holds {len(self.candidates)} different tokens; paste only the one to "
            f"inspect: {listed}"
        )


_B64 = r"[A-Za-z0-9_-]"
_JWS = re.compile(rf"{_B64}+\.{_B64}+\.{_B64}*")
_BARE = re.compile(r"[A-Za-z0-9_\-.=+/]*")
_PARAMETER = re.compile(
    r"[?&#;](tiledesk_jwt|secret_token)=((?:JWT|Bearer|jwt|bearer)(?:%20|\+|\s))?"
    rf"({_B64}+\.{_B64}+\.{_B64}*)"
)
_HEADER = re.compile(
    r"(?i)authorization\s*[:=]\s*(?:(jwt|bearer)(?:\s+|%20))?"
    rf"({_B64}+\.{_B64}+\.{_B64}*)"
)
_EMBEDDED = re.compile(rf"(?<![A-Za-z0-9_.-])eyJ{_B64}*\.{_B64}+\.{_B64}*")
_SCHEME_PREFIX = re.compile(r"(?i)^\s*(?:jwt|bearer)\s+")
_PLAIN_PREFIX = re.compile(r"(?i)^\s*[\"'`]?\s*(?:authorization\s*:\s*)?(?:jwt|bearer)\s+")
_HTTP_REQUEST_LINE = re.compile(r"[A-Z]+ \S+ HTTP/\d")


def _preview(token: str) -> str:
    return token if len(token) <= 32 else f"{token[:16]}…{token[-8:]}"


def _kind_of_text(text: str) -> str:
    stripped = text.lstrip()
    if stripped.startswith("curl ") or stripped.startswith("curl\t"):
        return "the curl command"
    if _HTTP_REQUEST_LINE.match(stripped):
        return "the HTTP request"
    return "the text"


def extract_token(text: str) -> Extraction:
    """The tokens inside ``text`` when it is more than a token (a URL, a request, JSON…).

    Text that already reads as a bare token (with quotes, a scheme, whitespace or line breaks:
    ``parse`` cleans those) gives no candidates. Never raises.
    """
    if len(text) > MAX_EXTRACT_CHARS or _is_bare(text):
        return Extraction(())
    stripped = text.strip()
    found: list[TokenCandidate] = []
    if stripped[:1] in ("{", "["):
        found = _from_json(text)
    if not found:
        found = _from_parameters(text) + _from_headers(text)
    if not found:
        found = [
            TokenCandidate(
                m.group(), m.start(), m.end(), ExtractionSource.EMBEDDED_TEXT, "the text"
            )
            for m in _EMBEDDED.finditer(text)
        ]
    distinct: dict[str, TokenCandidate] = {}
    for candidate in sorted(found, key=lambda c: c.start):
        distinct.setdefault(candidate.token, candidate)
    return Extraction(tuple(distinct.values()))


def _is_bare(text: str) -> bool:
    """A token as ``parse`` reads it: one word (quotes and a scheme aside), or a token wrapped
    over lines (which the diagnosis explains)."""
    body = _PLAIN_PREFIX.sub("", text, count=1).strip().strip("\"'`")
    joined = "".join(body.split())
    if not _BARE.fullmatch(joined):
        return False
    if joined == body:
        return True
    return joined.startswith("eyJ") and joined.count(".") in (2, 4)


def _from_parameters(text: str) -> list[TokenCandidate]:
    return [
        TokenCandidate(
            m.group(3),
            m.start(3),
            m.end(3),
            ExtractionSource.URL_PARAMETER,
            f"the URL's {m.group(1)} parameter",
        )
        for m in _PARAMETER.finditer(text)
    ]


def _from_headers(text: str) -> list[TokenCandidate]:
    kind = _kind_of_text(text)
    return [
        TokenCandidate(
            m.group(2),
            m.start(2),
            m.end(2),
            ExtractionSource.AUTHORIZATION_HEADER,
            f"the Authorization header of {kind}"
            + (
                " (it uses the Bearer scheme; Tiledesk expects 'Authorization: JWT <token>')"
                if (m.group(1) or "").lower() == "bearer"
                else ""
            ),
        )
        for m in _HEADER.finditer(text)
    ]


def _located(text: str, value: str, source: ExtractionSource, where: str) -> TokenCandidate | None:
    """A token value from parsed JSON, placed in the original text (its first occurrence)."""
    token = _SCHEME_PREFIX.sub("", value.strip(), count=1)
    if not _JWS.fullmatch(token):
        return None
    start = text.find(token)
    if start < 0:
        return None
    return TokenCandidate(token, start, start + len(token), source, where)


def _from_json(text: str) -> list[TokenCandidate]:
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        return []
    if isinstance(document, dict) and isinstance(document.get("log"), dict):
        return _from_har(text, document["log"])
    if isinstance(document, dict):
        value = document.get("token")
        if isinstance(value, str):
            found = _located(
                text, value, ExtractionSource.JSON_TOKEN_FIELD, "the JSON object's token field"
            )
            return [found] if found else []
    return []


def _from_har(text: str, log: dict[str, Any]) -> list[TokenCandidate]:
    entries = log.get("entries")
    if not isinstance(entries, list):
        return []
    found: list[TokenCandidate] = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            continue
        for value, what in _har_values(entry):
            candidate = _located(
                text, value, ExtractionSource.HAR_FILE, f"HAR entry {number}, {what}"
            )
            if candidate is not None:
                found.append(candidate)
    counts: dict[str, int] = {}
    for candidate in found:
        counts[candidate.token] = counts.get(candidate.token, 0) + 1
    return [
        TokenCandidate(
            c.token,
            c.start,
            c.end,
            c.source,
            c.where + (f"; {counts[c.token]} places in all" if counts[c.token] > 1 else ""),
        )
        for c in found
    ]


def _har_values(entry: dict[str, Any]) -> list[tuple[str, str]]:
    """(value, what) pairs that may hold a token in one HAR entry."""
    values: list[tuple[str, str]] = []
    request = entry.get("request") if isinstance(entry.get("request"), dict) else {}
    assert isinstance(request, dict)
    url = request.get("url")
    for header in _named_list(request.get("headers")):
        if header[0].lower() == "authorization":
            values.append((header[1], f"request header {header[0]}"))
    for parameter in _named_list(request.get("queryString")):
        if parameter[0] in ("tiledesk_jwt", "secret_token"):
            values.append((parameter[1], f"URL parameter {parameter[0]}"))
    if isinstance(url, str):
        values.extend((m.group(3), f"URL parameter {m.group(1)}") for m in _PARAMETER.finditer(url))
    response = entry.get("response")
    content = response.get("content") if isinstance(response, dict) else None
    body = content.get("text") if isinstance(content, dict) else None
    if isinstance(body, str) and '"token"' in body:
        try:
            answer = json.loads(body)
        except (ValueError, RecursionError):
            answer = None
        if isinstance(answer, dict) and isinstance(answer.get("token"), str):
            values.append((answer["token"], "response token field"))
    return values


def _named_list(value: object) -> list[tuple[str, str]]:
    if not isinstance(value, list):
        return []
    return [
        (item["name"], item["value"])
        for item in value
        if isinstance(item, dict)
        and isinstance(item.get("name"), str)
        and isinstance(item.get("value"), str)
    ]


@dataclass(frozen=True, slots=True)
class FileTokens:
    """What a file holds for the token pane: ``text`` to read as the token (the file is a token,
    or text with none inside that the verdict will explain), or the ``candidates`` found in it,
    or the ``problem`` that stopped the reading. ``name`` is the file's name, for messages."""

    name: str
    text: str | None = None
    candidates: tuple[TokenCandidate, ...] = ()
    problem: str | None = None

    @property
    def chosen(self) -> TokenCandidate | None:
        """The one token found, when there is exactly one."""
        return self.candidates[0] if len(self.candidates) == 1 else None

    def notice(self, candidate: TokenCandidate) -> str:
        """Where ``candidate`` came from, for the status line."""
        return f"Took the token from {candidate.where} in {self.name}"


def tokens_in_file(path: Path, limit: int = MAX_TOKEN_FILE_BYTES) -> FileTokens:
    """Read ``path`` (a regular file, at most ``limit`` bytes, UTF-8) and find the tokens in it.
    Never raises: a file that cannot be used gives a ``problem`` naming why."""
    name = path.name
    try:
        if not path.is_file():
            return FileTokens(
                name,
                problem=f"{name} does not exist"
                if not path.exists()
                else f"{name} is not a regular file",
            )
        text = utf8_text(read_bounded(path, limit, name), name)
    except ReadError as exc:
        return FileTokens(name, problem=str(exc))
    except OSError as exc:
        return FileTokens(name, problem=f"cannot read {name}: {exc.strerror or type(exc).__name__}")
    candidates = extract_token(text).candidates
    if candidates:
        return FileTokens(name, candidates=candidates)
    if len(text) > _MAX_TOKEN_TEXT:
        return FileTokens(
            name,
            problem=f"{name} holds no token ({len(text):,} characters searched for a URL "
            "parameter, an Authorization header, a token field or an eyJ… token)",
        )
    return FileTokens(name, text=text)
