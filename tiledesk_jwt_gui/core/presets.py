"""Compose presets: the edge cases QA asks for most, as edits of the claims of the token shown.

Each preset turns a payload into the claim values to set (``preset_edits``), so that the
window composes them through its ordinary claim edits and the token stays one Ctrl+Z away from
the pasted one. Signing with another secret is not a claim edit: ``other_secret_problem`` says
whether a secret can sign the token instead of the project's one.

Nothing here keeps state or reads a clock: ``now`` and the leeway come from the caller.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from .draft import ClaimValue
from .encoding import JSONValue
from .keys import ASYMMETRIC_ALGORITHMS, HMAC_ALGORITHMS
from .tiledesk import tiledesk_audience, token_project_id

__all__ = [
    "ComposePreset",
    "PresetEdits",
    "other_project_id",
    "other_secret_problem",
    "preset_edits",
]

_LIFETIME: Final = 3600
"""How long a token lives when its own ``iat`` and ``exp`` do not say (one hour)."""
_MARGIN: Final = 60
"""How far past the edge (leeway included) an expired or not-yet-valid token is put."""
_NOT_BEFORE_AHEAD: Final = 3600


class ComposePreset(StrEnum):
    """The claim presets (the fourth, another secret, changes the key, not the claims)."""

    EXPIRED = "expired"
    """``exp`` a minute ago (leeway included), ``iat`` moved back by the token's lifetime, so
    ``iat`` < ``exp`` as in a real expired token; an ``nbf`` follows ``iat``."""
    NOT_YET_VALID = "not_yet_valid"
    """``nbf`` an hour ahead (leeway included), ``iat`` now, an ``exp`` after ``nbf``."""
    WRONG_PROJECT = "wrong_project"
    """``aud`` (and the ``_id`` prefix) name another project than the one checked against."""


@dataclass(frozen=True, slots=True)
class PresetEdits:
    """The claims to set, in order (``values``), or why the preset cannot apply (``problem``)."""

    values: tuple[tuple[str, ClaimValue], ...] = ()
    problem: str | None = None


def _number(value: JSONValue) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value) if math.isfinite(value) else None


def _lifetime(claims: dict[str, JSONValue]) -> int:
    """The token's own lifetime (``exp`` − ``iat``), or an hour when it has none."""
    issued, expires = _number(claims.get("iat")), _number(claims.get("exp"))
    if issued is not None and expires is not None and expires > issued:
        return expires - issued
    return _LIFETIME


def _expired(claims: dict[str, JSONValue], now: float, leeway: float) -> PresetEdits:
    expires = math.floor(now - leeway) - _MARGIN
    issued = expires - _lifetime(claims)
    values: list[tuple[str, ClaimValue]] = [("iat", issued), ("exp", expires)]
    if "nbf" in claims:
        values.insert(0, ("nbf", issued))
    return PresetEdits(tuple(values))


def _not_yet_valid(claims: dict[str, JSONValue], now: float, leeway: float) -> PresetEdits:
    not_before = math.ceil(now + leeway) + _NOT_BEFORE_AHEAD
    values: list[tuple[str, ClaimValue]] = [("iat", math.floor(now)), ("nbf", not_before)]
    if "exp" in claims:
        values.append(("exp", not_before + _lifetime(claims)))
    return PresetEdits(tuple(values))


def other_project_id(project_id: str) -> str:
    """A project id other than ``project_id``, the same one every time (24 hex characters)."""
    other = hashlib.sha256(f"another project than {project_id.lower()}".encode()).hexdigest()
    return other[:24] if other[:24] != project_id.lower() else other[24:48]


def _wrong_project(claims: dict[str, JSONValue], project_id: str | None) -> PresetEdits:
    if project_id is None:
        return PresetEdits(problem="set your project id first: the verdict checks aud against it")
    other = other_project_id(project_id)
    values: list[tuple[str, ClaimValue]] = [("aud", tiledesk_audience(other))]
    user_id = claims.get("_id")
    if isinstance(user_id, str):
        for owner in {project_id.lower(), token_project_id(claims) or project_id.lower()}:
            if user_id.lower().startswith(f"{owner}_"):
                values.append(("_id", f"{other}_{user_id[len(owner) + 1 :]}"))
                break
    return PresetEdits(tuple(values))


def preset_edits(
    preset: ComposePreset,
    payload: JSONValue,
    *,
    now: float,
    leeway: float = 0.0,
    project_id: str | None = None,
) -> PresetEdits:
    """The claim values that make ``payload`` the ``preset`` case as of ``now`` (judged with
    ``leeway`` seconds of tolerance, against ``project_id``: the project id field's)."""
    claims = dict(payload) if isinstance(payload, dict) else {}
    if preset is ComposePreset.EXPIRED:
        return _expired(claims, now, leeway)
    if preset is ComposePreset.NOT_YET_VALID:
        return _not_yet_valid(claims, now, leeway)
    return _wrong_project(claims, project_id)


def other_secret_problem(algorithm: str, secret: str, project_secret: str) -> str | None:
    """Why ``secret`` cannot sign a token of ``algorithm`` in place of ``project_secret``
    (``None``: it can). The secret itself is never part of the answer."""
    if algorithm in ASYMMETRIC_ALGORITHMS:
        return f"a {algorithm} token is signed with a private key, not a secret"
    if algorithm not in HMAC_ALGORITHMS:
        return f"alg {algorithm!r} is not signed with a secret (HS256, HS384 and HS512 are)"
    if not secret:
        return "the other secret is empty"
    if secret == project_secret:
        return "that is the project's secret: give another one"
    return None
