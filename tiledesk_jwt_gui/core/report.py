"""Verdicts as data (the ``--json`` contract) and as a compact text report for people."""

from __future__ import annotations

import json
import math
from typing import Any

from .encoding import JSONValue
from .issues import Severity
from .judge import Verdict
from .safe_text import terminal_safe
from .server import Outcome
from .signin import SigninFlow
from .verify import SignatureStatus

__all__ = ["flow_lines", "flow_to_list", "format_report", "json_safe", "verdict_to_dict"]


def json_safe(value: JSONValue) -> Any:
    """A copy that ``json.dumps`` writes as valid JSON: non-finite numbers become strings."""
    if isinstance(value, float) and not math.isfinite(value):
        return "Infinity" if value > 0 else ("-Infinity" if value < 0 else "NaN")
    if isinstance(value, list):
        return [json_safe(item) for item in value]
    if isinstance(value, dict):
        return {key: json_safe(item) for key, item in value.items()}
    return value


def _safe_or_none(value: JSONValue) -> Any:
    try:
        safe = json_safe(value)
        json.dumps(safe)
    except (RecursionError, ValueError):
        return None
    return safe


def verdict_to_dict(verdict: Verdict) -> dict[str, Any]:
    """The object ``tiledesk-jwt … --json`` prints. Keys are a contract for scripts."""
    inspection = verdict.inspection
    server = verdict.server
    return {
        "accepted": verdict.accepted,
        "outcome": verdict.outcome.value,
        "profile": verdict.profile.value,
        "signature": verdict.signature.status.value,
        "signature_detail": verdict.signature.summary,
        "header": _safe_or_none(inspection.header.value)
        if inspection.header and inspection.header.is_json
        else None,
        "payload": _safe_or_none(inspection.payload.value)
        if inspection.payload and inspection.payload.is_json
        else None,
        "issues": [
            {
                "claim": issue.claim,
                "severity": issue.severity.value,
                "code": issue.code,
                "message": issue.message,
                "part": issue.part.value,
            }
            for issue in verdict.issues
        ],
        "notices": [{"code": n.code, "message": n.message} for n in inspection.notices],
        "server": None
        if server is None
        else {
            "outcome": server.outcome.value,
            "stage": server.stage.value,
            "reason": server.reason,
            "key": server.key_source,
        },
        "kind": verdict.kind.value if verdict.kind else None,
        "flow": flow_to_list(verdict.flow),
        "times": {
            info.claim: {
                "value": _safe_or_none(info.value),
                "utc": info.utc,
                "relative": info.relative,
            }
            for info in verdict.times
        },
        "evaluated_at": verdict.now,
    }


_MARKS = {Severity.ERROR: "✗", Severity.WARNING: "!", Severity.INFO: "·"}


def headline(verdict: Verdict) -> str:
    """The first line: the verdict in a few words."""
    errors = len(verdict.errors)
    if verdict.profile.value == "tiledesk":
        if verdict.outcome is Outcome.ACCEPTED:
            return "Tiledesk would accept this token"
        if verdict.outcome is Outcome.UNDECIDED:
            source = verdict.server.key_source if verdict.server else "the project's secret"
            if verdict.signature.status is SignatureStatus.NO_KEY:
                return (
                    "Tiledesk would accept this token if the signature is right (no secret given)"
                )
            return f"Tiledesk would accept this token only if it is signed with {source}"
        return f"Tiledesk would reject this token ({errors} problem{'s' * (errors != 1)})"
    if verdict.outcome is Outcome.ACCEPTED:
        return "Valid token"
    if verdict.outcome is Outcome.UNDECIDED:
        return "Valid claims; signature not checked (no key)"
    return f"Invalid token ({errors} problem{'s' * (errors != 1)})"


def format_report(verdict: Verdict) -> str:
    """A compact report, verdict first, for a terminal.

    Each line is passed through :func:`terminal_safe`: a value, a key, an ``alg`` or a message
    quoting the token can neither steer the terminal nor start a line of its own."""
    lines = [headline(verdict), f"Signature: {verdict.signature.summary}"]
    if verdict.server is not None and verdict.server.reason not in ("", "ok"):
        lines.append(f"Server says: {verdict.server.reason}")
    lines.extend(flow_lines(verdict.flow))
    for notice in verdict.inspection.notices:
        lines.append(f"Note: {notice.message}")
    for issue in verdict.issues:
        where = f"{issue.claim}: " if issue.claim else ""
        lines.append(f"  {_MARKS[issue.severity]} {where}{issue.message}")
    for info in verdict.times:
        when = info.utc or "not a time"
        relative = f" ({info.relative})" if info.relative else ""
        lines.append(f"{info.claim:>4}: {when}{relative}")
    header = verdict.inspection.header
    payload = verdict.inspection.payload
    if header is not None:
        lines.extend(_labelled("Header:  ", header.value if header.is_json else header.text))
    if payload is not None:
        lines.extend(_labelled("Payload: ", payload.value if payload.is_json else payload.text))
    return "\n".join(terminal_safe(line) for line in lines)


def _labelled(label: str, value: JSONValue) -> list[str]:
    """Indented JSON as lines, the first after ``label``, the others aligned under it. These
    are the report's only multi-line values: json.dumps escapes newlines inside strings."""
    safe = _safe_or_none(value)
    if safe is None and value is not None:
        return [label + "(nested too deeply to print)"]
    first, *rest = json.dumps(safe, ensure_ascii=False, indent=2).split("\n")
    return [label + first, *(" " * len(label) + line for line in rest)]


def flow_to_list(flow: SigninFlow | None) -> list[dict[str, Any]] | None:
    """The ``flow`` of ``--json``: one object per call the widget makes, in order."""
    if flow is None:
        return None
    return [
        {
            "call": answer.call.value,
            "method": answer.method,
            "path": answer.path,
            "status": answer.status,
            "answer": answer.answer,
        }
        for answer in flow.calls
    ]


def flow_lines(flow: SigninFlow | None) -> list[str]:
    """The widget's calls, one line each, for the text report."""
    if flow is None:
        return []
    title = "Widget sign-in" + (" (if the signature is right):" if flow.assumed_signature else ":")
    return [title] + [f"  {answer.line()}" for answer in flow.calls]
