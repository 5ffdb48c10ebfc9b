"""The core's model of the widget's whole sign-in against tiledesk-server 2.19.16's own code:
the same status for every call, the same ``accepted``, on every token."""

from __future__ import annotations

import random

import pytest

from tests.core.hostile import NOW, PROJECT, SECRET, catalogue
from tests.interop.flows import flow_disagreement
from tests.interop.random_claims import PROJECT as RANDOM_PROJECT
from tests.interop.random_claims import case as random_case
from tests.interop.tiledesk_server import TiledeskServer
from tests.interop.token_factory import MAIN_PROJECT, generate_cases
from tiledesk_jwt_gui.core import MAX_TOKEN_CHARS

pytestmark = pytest.mark.interop


def test_hostile_tokens_get_the_servers_flow(tiledesk_server: TiledeskServer) -> None:
    items = [h for h in catalogue() if len(h.token) <= MAX_TOKEN_CHARS]
    cases = [
        {
            "name": h.name,
            "token": h.token,
            "projects": {PROJECT: SECRET},
            "now": NOW,
            "project": PROJECT,
        }
        for h in items
    ]
    results = tiledesk_server.run(cases)
    problems = [p for c, r in zip(cases, results, strict=True) if (p := flow_disagreement(c, r))]
    assert not problems, "\n".join(p[:600] for p in problems)
    for item, result in zip(items, results, strict=True):
        if item.forged:
            assert result["accepted"] is False, item.name


@pytest.mark.parametrize("seed", [7, 8])
def test_factory_tokens_get_the_servers_flow(tiledesk_server: TiledeskServer, seed: int) -> None:
    cases = [dict(case, project=MAIN_PROJECT) for case in generate_cases(600, seed=seed)]
    results = tiledesk_server.run(cases)
    problems = [p for c, r in zip(cases, results, strict=True) if (p := flow_disagreement(c, r))]
    assert not problems, f"{len(problems)} disagreements:\n" + "\n".join(
        p[:700] for p in problems[:30]
    )


def test_random_claims_get_the_servers_flow(tiledesk_server: TiledeskServer) -> None:
    rng = random.Random(20261124)
    cases = [dict(random_case(rng), project=RANDOM_PROJECT) for _ in range(1500)]
    results = tiledesk_server.run(cases)
    assert sum(1 for r in results if r["accepted"]) >= 20  # both answers are exercised
    problems = [p for c, r in zip(cases, results, strict=True) if (p := flow_disagreement(c, r))]
    assert not problems, f"{len(problems)} disagreements:\n" + "\n".join(
        p[:700] for p in problems[:20]
    )
