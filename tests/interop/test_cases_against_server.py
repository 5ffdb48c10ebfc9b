"""Every QA case (for several random projects, secrets and base claims) through
tiledesk-server 2.19.16's own code: the same outcome, and the same status for each call, as
the suite expects. Each case runs on a fresh database, as a suite's cases each have their own
user (tests/cases runs whole suites against one listening server, as a real Tiledesk)."""

from __future__ import annotations

import random
from typing import Any

import pytest

from tests.interop.tiledesk_server import TiledeskServer
from tests.interop.token_factory import uuid_like
from tiledesk_jwt_gui.core import QACase, Suite, generate_suite

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
    if rng.random() < 0.5:
        base["role"] = rng.choice(["user", "supervisor"])
    now = 1_700_000_000 + rng.randint(0, 10**8)
    seed = rng.randint(0, 99)
    return generate_suite(project, secret, now=now, base_claims=base, seed=seed), secret


def harness_case(case: QACase, suite: Suite, secret: str) -> dict[str, Any]:
    return {
        "name": case.name,
        "token": case.token,
        "authorization": case.authorization,
        "projects": {suite.project_id: secret},
        "now": suite.now,
        "project": suite.project_id,
    }


def disagreement(case: QACase, result: dict[str, Any]) -> str | None:
    theirs = [(step["call"], step["status"]) for step in result["flow"]]
    ours = [(step.call.value, step.status) for step in case.expected.flow]
    if theirs == ours and result["accepted"] is case.expected.accepted:
        return None
    bodies = [str(step.get("body"))[:160] for step in result["flow"]]
    return f"{case.name}: server {theirs} {bodies}, suite {ours}"


@pytest.mark.parametrize("seed", [11, 12, 13, 14])
def test_every_case_gets_the_servers_answers(tiledesk_server: TiledeskServer, seed: int) -> None:
    suite, secret = random_suite(random.Random(seed))
    assert len(suite.cases) >= 40
    assert not suite.left_out
    results = tiledesk_server.run([harness_case(c, suite, secret) for c in suite.cases])
    problems = [p for c, r in zip(suite.cases, results, strict=True) if (p := disagreement(c, r))]
    assert not problems, "\n".join(problems)
    assert {r["accepted"] for r in results} == {True, False}
