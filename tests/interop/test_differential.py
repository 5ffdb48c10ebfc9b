"""The core's Tiledesk verdict against the real verification stack, token by token.

Hundreds of generated tokens (tests/interop/token_factory.py) go through passport-jwt 4.0.1 and
jsonwebtoken 9.0.0 from npm (tests/interop/server_stack.js) and through
``tiledesk_jwt_gui.core.server_verdict``; every answer must be the same.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.interop.node_stack import run_stack
from tests.interop.token_factory import generate_cases
from tiledesk_jwt_gui.core import ServerKeys, ServerVerdict, inspect_token, server_verdict

pytestmark = pytest.mark.interop

# V8 words its own exceptions (JSON syntax errors, TypeErrors); only that the request fails with
# an error is compared for those.
_ENGINE_WORDED = ("SyntaxError", "TypeError", "Unexpected", "Cannot", "Expected", "Bad control")


def ours(case: dict[str, Any], *, with_inspection: bool) -> ServerVerdict:
    keys = ServerKeys(
        projects=case["projects"],
        complete=True,
        global_secret=case.get("global_secret"),
        entity_check=case.get("entity_check", True),
    )
    # judge() hands the server model its own inspection of the token to save decoding it
    # twice; both ways must give the same answer.
    inspection = inspect_token(case["token"]) if with_inspection else None
    return server_verdict(case["token"], keys, case["now"], inspection=inspection)


def disagreement(case: dict[str, Any], real: dict[str, Any]) -> str | None:
    mine = ours(case, with_inspection=False)
    if ours(case, with_inspection=True) != mine:
        return f"{case['name']}: the model answers differently with an inspection"
    same = mine.accepted == real["accepted"] and mine.stage.value == real["stage"]
    engine_worded = real["stage"] == "error" and str(real["reason"]).startswith(_ENGINE_WORDED)
    if same and not engine_worded:
        same = mine.reason == real["reason"]
    if same:
        return None
    return (
        f"{case['name']}: stack {real['accepted']}/{real['stage']}/{real['reason']!r}, "
        f"core {mine.accepted}/{mine.stage.value}/{mine.reason!r}; token {case['token']!r}"
    )


@pytest.mark.parametrize("seed", [7, 8])
def test_core_agrees_with_the_real_stack(server_stack: Path, seed: int) -> None:
    cases = generate_cases(600, seed=seed)
    results = run_stack(cases)
    assert len(results) == len(cases)
    problems = [p for c, r in zip(cases, results, strict=True) if (p := disagreement(c, r))]
    accepted = sum(1 for r in results if r["accepted"])
    # The generator must exercise both answers, or agreement would mean little.
    assert 50 <= accepted <= len(cases) - 50
    assert not problems, f"{len(problems)} disagreements:\n" + "\n".join(problems[:40])
