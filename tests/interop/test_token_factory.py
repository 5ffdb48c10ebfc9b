"""The token generator: many distinct tokens, always the same ones for the same seed."""

from __future__ import annotations

import collections
from pathlib import Path

import pytest

from tests.interop.node_stack import run_stack
from tests.interop.token_factory import generate_cases


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
def test_the_stack_judges_every_generated_case(server_stack: Path) -> None:
    cases = generate_cases()
    first = run_stack(cases)
    assert len(first) == len(cases)
    for verdict in first:
        assert set(verdict) == {"accepted", "stage", "reason"}
        assert isinstance(verdict["accepted"], bool)
        assert isinstance(verdict["reason"], str)
        assert verdict["stage"] in {"passport", "error", "hang"}
        assert verdict["accepted"] is (verdict["reason"] == "ok")
    outcomes = collections.Counter((v["stage"], v["accepted"]) for v in first)
    assert outcomes[("passport", True)] >= 100
    assert outcomes[("passport", False)] >= 100
    assert outcomes[("error", False)] >= 10
    assert outcomes[("hang", False)] >= 10
    # The oracle must not flicker: a second run gives the same verdicts.
    assert run_stack(cases) == first
