"""The core's model of the widget's whole sign-in against tiledesk-server 2.19.16's own code:
the same status for every call, the same ``accepted``, on every token."""

from __future__ import annotations

import random

import pytest

from tests.core.hostile import NOW, PROJECT, SECRET, catalogue
from tests.core.test_signin import CASES as CORE_TABLE
from tests.core.test_signin import KEYS as CORE_KEYS
from tests.core.test_signin import NOW as CORE_NOW
from tests.core.test_signin import PROJECT as CORE_PROJECT
from tests.core.test_signin import token as core_token
from tests.interop.flows import flow_disagreement
from tests.interop.random_claims import PROJECT as RANDOM_PROJECT
from tests.interop.random_claims import case as random_case
from tests.interop.tiledesk_server import TiledeskServer
from tests.interop.token_factory import MAIN_PROJECT, generate_cases
from tiledesk_jwt_gui.core import MAX_TOKEN_CHARS, Call, token_length_limit

CORE_CASE = {"projects": dict(CORE_KEYS.projects), "now": CORE_NOW, "project": CORE_PROJECT}

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


def test_the_header_limit_falls_where_the_core_says(tiledesk_server: TiledeskServer) -> None:
    limits = {token_length_limit(Call.SIGNIN), token_length_limit(Call.CHAT21)}
    texts = [core_token(pad="x" * width) for width in range(11_600, 11_630)]
    cases = [{"name": f"length {len(text)}", "token": text, **CORE_CASE} for text in texts]
    lengths = {len(text) for text in texts}
    assert any(min(limits) - 3 <= n <= max(limits) + 3 for n in lengths)
    results = tiledesk_server.run(cases)
    problems = [p for c, r in zip(cases, results, strict=True) if (p := flow_disagreement(c, r))]
    assert not problems, "\n".join(p[:300] for p in problems)
    assert {r["flow"][-1]["status"] for r in results} >= {200, 431}


@pytest.mark.parametrize(("changes", "expected"), CORE_TABLE)
def test_the_core_tables_cases_are_the_servers(
    tiledesk_server: TiledeskServer, changes: dict[str, object], expected: list[int | None]
) -> None:
    case = {"name": str(changes), "token": core_token(**changes), **CORE_CASE}
    result = tiledesk_server.run([case])[0]
    assert [step["status"] for step in result["flow"]] == expected
    assert flow_disagreement(case, result) is None
