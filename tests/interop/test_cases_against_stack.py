"""Every QA case's token through the real verification stack (passport-jwt + jsonwebtoken from
npm), for several random projects, secrets and base claims: the core's verdict is the stack's,
and each expected call that rests on passport's answer agrees with it.

Until the server-code harness (issue 10) replaces the stack, the calls it cannot see (the
routes, the header rules) are checked in tests/cases against the stand-in server.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from tests.interop.node_stack import run_stack
from tests.interop.test_differential import disagreement
from tests.interop.token_factory import uuid_like
from tiledesk_jwt_gui.core import Call, QACase, Suite, generate_suite
from tiledesk_jwt_gui.core.expected import NODE_HEADER_LIMIT

pytestmark = pytest.mark.interop


def random_suite(rng: random.Random) -> tuple[Suite, str]:
    project = "".join(rng.choice("0123456789abcdef") for _ in range(24))
    secret = uuid_like(rng)
    base: dict[str, Any] = {
        "firstname": rng.choice(["Ada", "Zoë", "مريم", ""]),
        "lastname": rng.choice(["Lovelace", "山田", None]),
        "email": rng.choice(["ada@example.com", "not-an-email"]),
        "attributes": {"plan": rng.choice(["free", "pro"]), "n": rng.randint(0, 9)},
    }
    if rng.random() < 0.5:
        base["custom"] = [rng.random(), {"nested": True}]
    now = 1_700_000_000 + rng.randint(0, 10**8)
    return generate_suite(
        project, secret, now=now, base_claims=base, seed=rng.randint(0, 99)
    ), secret


def stack_case(case: QACase, suite: Suite, secret: str, *, entity_check: bool) -> dict[str, Any]:
    return {
        "name": f"{case.name}{'' if entity_check else '+signin'}",
        "token": case.token,
        "projects": {suite.project_id: secret},
        "now": suite.now,
        "global_secret": None,
        "entity_check": entity_check,
    }


def applies(case: QACase) -> bool:
    """The stack sends ``JWT <token>`` under Node's header limit: cases about the header's
    scheme, spacing or size are not its to judge."""
    return (
        case.authorization.startswith("JWT ")
        and len(case.authorization) < NODE_HEADER_LIMIT
        and case.name not in ("scheme-two-spaces",)
    )


def passport_status(result: dict[str, Any]) -> int | None:
    if result["accepted"]:
        return 200
    return {"hang": None, "error": 500}.get(str(result["stage"]), 401)


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_every_case_gets_the_stacks_verdict(server_stack: Path, seed: int) -> None:
    suite, secret = random_suite(random.Random(seed))
    every = [c for c in (*suite.cases, *suite.left_out) if applies(c)]
    assert len(every) >= 38
    stack_cases = [
        stack_case(c, suite, secret, entity_check=check) for check in (False, True) for c in every
    ]
    results = run_stack(stack_cases)
    problems = [p for c, r in zip(stack_cases, results, strict=True) if (p := disagreement(c, r))]
    assert not problems, "\n".join(p[:400] for p in problems)
    signin_results = results[: len(every)]
    later_results = results[len(every) :]
    for case, signin, later in zip(every, signin_results, later_results, strict=True):
        if not case.expected.exact:
            continue
        flow = {step.call: step.status for step in case.expected.flow}
        passport = passport_status(signin)
        if passport != 200:
            assert flow == {Call.SIGNIN: passport}, case.name
            continue
        assert flow[Call.SIGNIN] == 200, case.name
        if later["accepted"]:
            assert flow[Call.CHAT21] == 200, case.name
        else:
            # Refused with the entity check on: a lookup by _id (401, or 500 on a CastError).
            assert flow[Call.CHAT21] in (401, 500), case.name
        assert flow[Call.PROJECT] == flow[Call.CHAT21], case.name
