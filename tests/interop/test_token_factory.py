"""The token generator: many distinct tokens, always the same ones for the same seed."""

from __future__ import annotations

import collections

import pytest

from tests.interop.tiledesk_server import TiledeskServer
from tests.interop.token_factory import MAIN_PROJECT, generate_cases


def test_the_factory_makes_many_distinct_tokens() -> None:
    cases = generate_cases()
    assert len(cases) == 600
    assert len({case["token"] for case in cases}) >= 500
    families = collections.Counter(str(case["name"]).split(":", 1)[0] for case in cases)
    assert len(families) >= 10
    assert all(isinstance(case["token"], str) for case in cases)


def test_the_factory_is_deterministic() -> None:
    assert generate_cases(seed=7) == generate_cases(seed=7)
    assert generate_cases(50, seed=1) == generate_cases(50, seed=1)
    assert generate_cases(50, seed=1) != generate_cases(50, seed=2)


def test_the_factory_honours_count() -> None:
    assert len(generate_cases(10)) == 10
    assert len(generate_cases(1500)) == 1500


@pytest.mark.interop
def test_the_real_server_answers_every_generated_case(tiledesk_server: TiledeskServer) -> None:
    cases = [dict(case, project=MAIN_PROJECT) for case in generate_cases()]
    first = tiledesk_server.run(cases)
    assert len(first) == len(cases)
    for result in first:
        assert set(result) == {"flow", "accepted"}
        assert 1 <= len(result["flow"]) <= 3
        assert [step["call"] for step in result["flow"]] == ["signin", "chat21", "project"][
            : len(result["flow"])
        ]
    statuses = collections.Counter(step["status"] for r in first for step in r["flow"])
    # Every kind of answer occurs, or agreement with the model would mean little.
    for status in (200, 401, 403, 500, None):
        assert statuses[status] >= 3, statuses
    assert sum(1 for r in first if r["accepted"]) >= 100
    # The oracle must not flicker: a second run gives the same answers.
    again = tiledesk_server.run(cases)
    assert [[s["status"] for s in r["flow"]] for r in again] == [
        [s["status"] for s in r["flow"]] for r in first
    ]
