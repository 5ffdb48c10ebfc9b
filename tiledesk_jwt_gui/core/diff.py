"""Compare two tokens: header and claims added, removed and changed (nested paths for
``attributes``), times made readable with their difference, and which difference changes the
verdict ("B is rejected: exp passed 1 h ago").

Both tokens are judged as of the same instant with the same key, so a difference in verdict
comes from a difference in the tokens.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from .encoding import JSONValue
from .issues import Issue, Severity
from .judge import Verdict, judge
from .keys import Key
from .report import json_safe
from .times import TIME_CLAIMS, describe_time, format_duration

__all__ = ["Change", "ChangeKind", "TokenDiff", "diff_to_dict", "diff_tokens", "format_diff"]

_MAX_DEPTH = 64
_IDENTIFIER = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")


class ChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@dataclass(frozen=True, slots=True)
class Change:
    """One difference. ``path`` is dotted ("attributes.plan", "attributes.tags[0]"); ``a`` and
    ``b`` are the values (``None`` on the side where it is missing)."""

    part: str
    path: str
    kind: ChangeKind
    a: JSONValue
    b: JSONValue
    note: str | None
    """For a time claim: both instants and the difference ("1 h later")."""
    decides: str | None
    """When this difference changes the verdict: why ("B is rejected: …")."""

    @property
    def claim(self) -> str:
        """The top-level member the change is in."""
        return re.split(r"[.\[]", self.path, maxsplit=1)[0].strip('"')


@dataclass(frozen=True)
class TokenDiff:
    """Two tokens compared, with their verdicts as of the same instant."""

    a: Verdict
    b: Verdict
    changes: tuple[Change, ...]
    verdict_note: str

    @property
    def identical(self) -> bool:
        return self.a.inspection.token == self.b.inspection.token

    @property
    def verdict_changes(self) -> bool:
        return self.a.outcome is not self.b.outcome


def _same(a: JSONValue, b: JSONValue) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return a == b
    return type(a) is type(b) and a == b


def _child(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    name = key if _IDENTIFIER.fullmatch(key) else json.dumps(key)
    return f"{path}.{name}" if path else name


_Leaf = tuple[str, str, ChangeKind, JSONValue, JSONValue]


def _walk(part: str, path: str, a: JSONValue, b: JSONValue, depth: int, out: list[_Leaf]) -> None:
    """Collect (part, path, kind, value in A, value in B) for every leaf difference."""
    if depth < _MAX_DEPTH and isinstance(a, dict) and isinstance(b, dict):
        for key, value in a.items():
            if key not in b:
                out.append((part, _child(path, key), ChangeKind.REMOVED, value, None))
            else:
                _walk(part, _child(path, key), value, b[key], depth + 1, out)
        out.extend(
            (part, _child(path, key), ChangeKind.ADDED, None, value)
            for key, value in b.items()
            if key not in a
        )
        return
    if depth < _MAX_DEPTH and isinstance(a, list) and isinstance(b, list):
        for index in range(max(len(a), len(b))):
            if index >= len(b):
                out.append((part, _child(path, index), ChangeKind.REMOVED, a[index], None))
            elif index >= len(a):
                out.append((part, _child(path, index), ChangeKind.ADDED, None, b[index]))
            else:
                _walk(part, _child(path, index), a[index], b[index], depth + 1, out)
        return
    if not _same(a, b):
        out.append((part, path, ChangeKind.CHANGED, a, b))


def _time_note(claim: str, kind: ChangeKind, a: JSONValue, b: JSONValue, now: float) -> str | None:
    if claim not in TIME_CLAIMS:
        return None
    info_a = describe_time(claim, a, now) if kind is not ChangeKind.ADDED else None
    info_b = describe_time(claim, b, now) if kind is not ChangeKind.REMOVED else None
    when_a = (info_a.utc or "not a time") if info_a else "absent"
    when_b = (info_b.utc or "not a time") if info_b else "absent"
    note = f"{claim}: {when_a} → {when_b}"
    if info_a and info_b and info_a.seconds is not None and info_b.seconds is not None:
        delta = info_b.seconds - info_a.seconds
        note += f" ({format_duration(delta)} {'later' if delta > 0 else 'earlier'})"
    elif info_b is None and claim == "exp":
        note += " (B never expires)"
    return note


def _decisive(loser: Verdict, winner: Verdict) -> list[Issue]:
    """The errors that refuse ``loser`` and that ``winner`` does not have."""
    theirs = {(i.claim, i.code) for i in winner.errors}
    return [i for i in loser.errors if (i.claim, i.code) not in theirs]


def diff_tokens(
    a: str,
    b: str,
    key: Key | Sequence[Key] | None = None,
    *,
    project_id: str | None = None,
    at: float | None = None,
    leeway: float = 0.0,
) -> TokenDiff:
    """Compare ``a`` and ``b``, both judged as of ``at`` (default now) with ``key``. Never
    raises."""
    now = time.time() if at is None else at
    verdict_a = judge(a, key, project_id=project_id, at=now, leeway=leeway)
    verdict_b = judge(b, key, project_id=project_id, at=now, leeway=leeway)
    raw: list[_Leaf] = []
    _walk("header", "", verdict_a.header or {}, verdict_b.header or {}, 0, raw)
    _walk("claims", "", verdict_a.payload or {}, verdict_b.payload or {}, 0, raw)
    blame: dict[str, str] = {}
    notes: list[str] = []
    for loser, winner, name in ((verdict_a, verdict_b, "A"), (verdict_b, verdict_a, "B")):
        if loser.outcome is winner.outcome:
            continue
        for issue in _decisive(loser, winner):
            reason = f"{name} is {loser.outcome.value}: {issue.message}"
            notes.append(issue.message)
            if issue.claim is not None:
                blame.setdefault(issue.claim, reason)
    changes: list[Change] = []
    for part, path, kind, value_a, value_b in raw:
        note = _time_note(path, kind, value_a, value_b, now) if part == "claims" else None
        change = Change(part, path, kind, value_a, value_b, note, None)
        changes.append(Change(part, path, kind, value_a, value_b, note, blame.get(change.claim)))
    if verdict_a.outcome is verdict_b.outcome:
        summary = f"both are {verdict_a.outcome.value}"
    else:
        summary = f"A is {verdict_a.outcome.value}, B is {verdict_b.outcome.value}"
        if notes:
            summary += ": " + "; ".join(notes)
    return TokenDiff(verdict_a, verdict_b, tuple(changes), summary)


def _shown(value: JSONValue) -> str:
    try:
        return json.dumps(json_safe(value), ensure_ascii=False)
    except (ValueError, RecursionError):
        return "(too deep to show)"


def format_diff(diff: TokenDiff) -> str:
    """The comparison for people: the verdicts first, then one line per difference."""
    if diff.identical:
        return f"The tokens are identical ({diff.verdict_note})."
    lines = [f"Verdict: {diff.verdict_note}"]
    if not diff.changes:
        lines.append("Header and claims are the same; only the signature differs.")
    marks = {ChangeKind.ADDED: "+", ChangeKind.REMOVED: "-", ChangeKind.CHANGED: "~"}
    for change in diff.changes:
        where = f"{change.part}: {change.path}"
        if change.kind is ChangeKind.ADDED:
            what = f"added in B: {_shown(change.b)}"
        elif change.kind is ChangeKind.REMOVED:
            what = f"removed in B (A: {_shown(change.a)})"
        else:
            what = f"{_shown(change.a)} → {_shown(change.b)}"
        lines.append(f"{marks[change.kind]} {where}: {what}")
        if change.note:
            lines.append(f"    {change.note}")
        if change.decides:
            lines.append(f"    changes the verdict: {change.decides}")
    return "\n".join(lines)


def diff_to_dict(diff: TokenDiff) -> dict[str, Any]:
    """The object ``tiledesk-jwt diff --json`` prints."""
    return {
        "identical": diff.identical,
        "verdict": {
            "a": diff.a.outcome.value,
            "b": diff.b.outcome.value,
            "changes": diff.verdict_changes,
            "note": diff.verdict_note,
        },
        "changes": [
            {
                "part": c.part,
                "path": c.path,
                "change": c.kind.value,
                "a": json_safe(c.a),
                "b": json_safe(c.b),
                "note": c.note,
                "changes_verdict": c.decides is not None,
                "why": c.decides,
            }
            for c in diff.changes
        ],
        "errors": {
            "a": [i.message for i in diff.a.issues if i.severity is Severity.ERROR],
            "b": [i.message for i in diff.b.issues if i.severity is Severity.ERROR],
        },
    }
