"""The core's sign-in flow against tiledesk-server's own answers, case by case."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tiledesk_jwt_gui.core import ServerKeys, SigninFlow, inspect_token, signin_flow


def our_flow(case: Mapping[str, Any], *, with_inspection: bool = False) -> SigninFlow:
    keys = ServerKeys(
        projects=case["projects"], complete=True, global_secret=case.get("global_secret")
    )
    inspection = inspect_token(case["token"]) if with_inspection else None
    return signin_flow(
        case["token"], keys, case["now"], project_id=case["project"], inspection=inspection
    )


def flow_disagreement(case: Mapping[str, Any], real: Mapping[str, Any]) -> str | None:
    """None when the core gives the server's status for every call, else what differs."""
    mine = our_flow(case)
    theirs = [(step["call"], step["status"]) for step in real["flow"]]
    ours = [(answer.call.value, answer.status) for answer in mine.calls]
    if ours == theirs and mine.accepted == real["accepted"]:
        if our_flow(case, with_inspection=True) != mine:
            return f"{case.get('name')}: the flow differs with an inspection"
        return None
    bodies = [str(step.get("body"))[:120] for step in real["flow"]]
    return (
        f"{case.get('name')}: server {theirs} {bodies}, core {ours} "
        f"{[a.answer for a in mine.calls]}; token {case['token'][:300]!r}"
    )
