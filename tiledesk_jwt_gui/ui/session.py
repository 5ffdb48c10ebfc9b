"""The window's state between two edits, without widgets: which way the window works, and the
header and payload it composes a token from. Signing and judging are the core's; this module only
keeps the pieces a person edited and hands them to ``sign_token`` and ``judge``.

Two directions:

* ``DECODE``: the token is the source. It is judged as pasted, never altered; the form shows what
  it holds.
* ``COMPOSE``: the form is the source. Every edit re-signs the token with the key given.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum, StrEnum
from typing import Final

from ..core import (
    Inspection,
    JSONValue,
    Key,
    Profile,
    SignError,
    Verdict,
    judge,
    sign_token,
)

__all__ = [
    "ABSENT",
    "Absent",
    "Checks",
    "ClaimValue",
    "Direction",
    "KeyChoice",
    "Session",
    "judge_token",
    "with_claim",
    "with_others",
]


class Absent(Enum):
    """A claim that is not in the payload at all (JSON ``null`` is a value)."""

    ABSENT = "absent"


ABSENT: Final = Absent.ABSENT
ClaimValue = JSONValue | Absent


class Direction(StrEnum):
    DECODE = "decode"
    """The pasted token is the source; the form follows it."""
    COMPOSE = "compose"
    """The form is the source; the token is signed from it on every edit."""


@dataclass(frozen=True)
class KeyChoice:
    """The keys a person gave: ``verify`` checks a signature, ``sign`` makes one.
    ``missing`` says in words what to give when ``sign`` is ``None`` (or a key is unusable)."""

    verify: Key | tuple[Key, ...] | None
    sign: Key | None
    missing: str | None = None


@dataclass(frozen=True)
class Checks:
    """What the verdict is asked against, besides the key."""

    project_id: str | None
    profile: Profile
    leeway: float


def judge_token(token: str | Inspection, keys: KeyChoice, checks: Checks, now: float) -> Verdict:
    """The core's verdict on ``token``; pure, so it may run on a worker thread."""
    verify: Key | Sequence[Key] | None = keys.verify
    if isinstance(verify, tuple) and len(verify) == 1:
        verify = verify[0]
    return judge(
        token,
        verify,
        profile=checks.profile,
        project_id=checks.project_id,
        at=now,
        leeway=checks.leeway,
    )


def with_claim(payload: JSONValue, name: str, value: ClaimValue) -> dict[str, JSONValue]:
    """A copy of ``payload`` (an object, else ``{}``) with ``name`` set to ``value`` or removed.
    A claim that is already there keeps its place."""
    result = dict(payload) if isinstance(payload, dict) else {}
    if value is ABSENT:
        result.pop(name, None)
    else:
        result[name] = value
    return result


def with_others(
    payload: JSONValue, named: Collection[str], others: Mapping[str, JSONValue]
) -> dict[str, JSONValue]:
    """``payload`` with every claim outside ``named`` replaced by ``others``: claims that stay
    keep their place, new ones are appended, the ones missing from ``others`` are removed."""
    current = payload if isinstance(payload, dict) else {}
    result: dict[str, JSONValue] = {}
    for name, value in current.items():
        if name in named:
            result[name] = value
        elif name in others:
            result[name] = others[name]
    for name, value in others.items():
        if name not in result and name not in named:
            result[name] = value
    return result


class Session:
    """The header, payload and algorithm being composed, the token shown, and the direction."""

    def __init__(
        self,
        header: Mapping[str, JSONValue],
        payload: JSONValue,
        algorithm: str,
    ) -> None:
        self.direction = Direction.COMPOSE
        self.token = ""
        self.header: dict[str, JSONValue] = dict(header)
        self.payload: JSONValue = payload
        self.algorithm = algorithm
        self.header["alg"] = algorithm
        self.stale: str | None = None
        """Why the token shown does not match the form (``None`` when it does)."""

    def take_token(self, text: str) -> None:
        """The person edited the token: it becomes the source, exactly as typed."""
        self.direction = Direction.DECODE
        self.token = text
        self.stale = None

    def adopt(self, verdict: Verdict) -> None:
        """Take the header and payload of a decoded token, as the form shows them, so that a
        form edit starts from them. A header that is not an object leaves a default one; a
        payload that is not JSON leaves an empty object."""
        inspection = verdict.inspection
        header = inspection.header_object
        if header is not None:
            self.header = dict(header)
            alg = header.get("alg")
            if isinstance(alg, str):
                self.algorithm = alg
        else:
            self.header = {"alg": self.algorithm, "typ": "JWT"}
        decoded = inspection.payload
        self.payload = decoded.value if decoded is not None and decoded.is_json else {}

    def set_algorithm(self, algorithm: str) -> None:
        self.algorithm = algorithm
        self.header = {"alg": algorithm, **{k: v for k, v in self.header.items() if k != "alg"}}

    def set_header(self, header: Mapping[str, JSONValue]) -> None:
        """A whole header from the JSON editor; its ``alg``, if a string, picks the algorithm."""
        self.header = dict(header)
        alg = header.get("alg")
        if isinstance(alg, str):
            self.algorithm = alg
        else:
            self.header["alg"] = self.algorithm

    def set_header_param(self, name: str, value: ClaimValue) -> None:
        if value is ABSENT:
            self.header.pop(name, None)
        else:
            self.header[name] = value

    def block(self, reason: str) -> None:
        """An editor holds something that cannot be signed (invalid JSON): the token stays as
        it was, marked out of date, until the editor is fixed."""
        self.direction = Direction.COMPOSE
        self.stale = reason

    def compose(self, keys: KeyChoice) -> bool:
        """Sign the header and payload into the token. ``False`` (and ``stale`` set) when it
        cannot be signed; the previous token then stays."""
        self.direction = Direction.COMPOSE
        try:
            token = sign_token(self.header, self.payload, keys.sign, self.algorithm)
        except SignError as exc:
            reason = str(exc)
            if keys.sign is None and keys.missing:
                reason = f"{reason}: {keys.missing}"
            self.stale = reason
            return False
        self.token = token
        self.stale = None
        return True
