"""The samples, run with the real libraries: each prints a token that carries exactly the
claims asked for (hostile text included) and that the core accepts."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.samples.acceptance import assert_token_matches
from tests.samples.claim_sets import PROJECT_ID, SECRET, demo, hostile
from tests.samples.runners import RUNNERS, ToolMissing, php_lint
from tiledesk_jwt_gui.core import JSONValue, SampleLanguage, server_sample

CLAIM_SETS: dict[str, Callable[[], dict[str, JSONValue]]] = {"demo": demo, "hostile": hostile}


def _run(language: str, code: str, secret: str = SECRET) -> str:
    try:
        return RUNNERS[language](code, secret)
    except ToolMissing as exc:
        pytest.skip(f"the {language} sample cannot run here: {exc}")


@pytest.mark.parametrize("language", sorted(RUNNERS))
@pytest.mark.parametrize("claim_set", sorted(CLAIM_SETS))
def test_sample_prints_a_token_with_exactly_the_claims(language: str, claim_set: str) -> None:
    claims = CLAIM_SETS[claim_set]()
    sample = server_sample(SampleLanguage(language), claims, lifetime=900)
    assert sample.notes == ()
    assert SECRET not in sample.code
    token = _run(language, sample.code)
    assert_token_matches(token, claims, SECRET, PROJECT_ID, lifetime=900)


@pytest.mark.parametrize("language", sorted(RUNNERS))
def test_sample_without_iat_adds_none_and_keeps_the_claims_lifetime(language: str) -> None:
    claims = demo()
    del claims["iat"]
    sample = server_sample(SampleLanguage(language), claims)
    token = _run(language, sample.code)
    assert_token_matches(token, claims, SECRET, PROJECT_ID, lifetime=3600)


def test_php_sample_passes_php_lint() -> None:
    try:
        answer = php_lint(server_sample(SampleLanguage.PHP, hostile()).code)
    except ToolMissing as exc:
        pytest.skip(f"php -l cannot run here: {exc}")
    assert "No syntax errors detected" in answer


@pytest.mark.parametrize("language", sorted(RUNNERS))
def test_sample_without_the_secret_says_so_and_exits_2(language: str) -> None:
    code = server_sample(SampleLanguage(language), demo()).code
    with pytest.raises(AssertionError, match=r"(?s)exit 2\).*TILEDESK_SECRET"):
        _run(language, code, secret="")
