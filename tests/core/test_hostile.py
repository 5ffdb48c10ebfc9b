"""Every hostile token gets a verdict and a message; none is "verified" when it is forged; no
exception leaves the core."""

from __future__ import annotations

import time

import pytest

from tests.core.hostile import NOW, PROJECT, SECRET, Hostile, catalogue
from tiledesk_jwt_gui.core import (
    Outcome,
    Profile,
    SignatureStatus,
    format_report,
    judge,
    secret_key,
    verdict_to_dict,
)

CATALOGUE = catalogue()


@pytest.mark.parametrize("item", CATALOGUE, ids=[h.name for h in CATALOGUE])
@pytest.mark.parametrize("profile", list(Profile))
def test_hostile_token_gets_a_verdict_never_a_forged_verification(
    item: Hostile, profile: Profile
) -> None:
    verdict = judge(item.token, secret_key(SECRET), profile=profile, project_id=PROJECT, at=NOW)
    if item.forged:
        assert verdict.signature.status is not SignatureStatus.VERIFIED
        assert verdict.outcome is not Outcome.ACCEPTED
    if verdict.outcome is not Outcome.ACCEPTED:
        assert verdict.errors, "a refusal names its cause"
        assert all(issue.message for issue in verdict.errors)
    assert format_report(verdict)
    assert verdict_to_dict(verdict)["signature"] in {"verified", "invalid", "unsigned", "no_key"}


def by_name(name: str) -> Hostile:
    return next(h for h in CATALOGUE if h.name == name)


def codes(name: str, profile: Profile = Profile.TILEDESK) -> set[str]:
    verdict = judge(by_name(name).token, secret_key(SECRET), profile=profile, at=NOW)
    return {i.code for i in verdict.issues}


@pytest.mark.parametrize("name", ["header_jku", "header_x5u", "header_jwk"])
def test_offered_keys_are_warned_about_and_never_used(name: str) -> None:
    assert "offers_own_key" in codes(name)
    verdict = judge(by_name(f"{name}_self_signed").token, secret_key(SECRET), at=NOW)
    assert verdict.signature.status is SignatureStatus.INVALID


@pytest.mark.parametrize("name", ["kid_path_traversal", "kid_sql", "kid_shell"])
def test_odd_kid_is_shown_as_text_and_changes_nothing(name: str) -> None:
    verdict = judge(by_name(name).token, secret_key(SECRET), project_id=PROJECT, at=NOW)
    assert verdict.header is not None
    assert isinstance(verdict.header["kid"], str)
    assert verdict.accepted  # the kid plays no part with a single secret


def test_crit_is_refused_generically_and_tolerated_like_the_server() -> None:
    assert "crit_unsupported" in codes("crit_unknown", Profile.GENERIC)
    generic = judge(
        by_name("crit_unknown").token, secret_key(SECRET), profile=Profile.GENERIC, at=NOW
    )
    assert not generic.accepted
    tiledesk = judge(by_name("crit_unknown").token, secret_key(SECRET), at=NOW)
    assert tiledesk.accepted  # jsonwebtoken ignores crit
    assert "b64_false" in codes("b64_false")


def test_huge_inputs_answer_at_once() -> None:
    started = time.perf_counter()
    verdict = judge(by_name("megabytes").token, secret_key(SECRET), at=NOW)
    assert [i.code for i in verdict.errors] == ["too_large"]
    # A generous bound: refusing must not mean reading the whole input first.
    assert time.perf_counter() - started < 2
