"""The compose presets in the core: each preset's claims give the verdict it is named after,
judged for real (PyJWT signs, the core judges), and keep the token otherwise as it was."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tiledesk_jwt_gui.core import (
    ABSENT,
    ComposePreset,
    JSONValue,
    Verdict,
    judge,
    other_project_id,
    other_secret_problem,
    preset_edits,
    secret_key,
    sign_token,
    tiledesk_audience,
)

PROJECT = "65a1b2c3d4e5f60718293a4b"
SECRET = "a QA project's secret, 32 bytes+"
NOW = 1_800_000_000.5


def base_claims(**changes: JSONValue) -> dict[str, JSONValue]:
    claims: dict[str, JSONValue] = {
        "_id": f"{PROJECT}_user-7",
        "sub": "userexternal",
        "aud": tiledesk_audience(PROJECT),
        "email": "qa@example.com",
        "iat": int(NOW) - 100,
        "exp": int(NOW) + 7200 - 100,
    }
    claims.update(changes)
    return claims


def applied(
    preset: ComposePreset, claims: dict[str, JSONValue], leeway: float = 0.0
) -> dict[str, JSONValue]:
    edits = preset_edits(preset, claims, now=NOW, leeway=leeway, project_id=PROJECT)
    assert edits.problem is None
    result = dict(claims)
    for name, value in edits.values:
        assert value is not ABSENT
        result[name] = value
    return result


def verdict_of(claims: dict[str, JSONValue], leeway: float = 0.0) -> Verdict:
    token = sign_token(None, claims, secret_key(SECRET), "HS256")
    return judge(token, secret_key(SECRET), project_id=PROJECT, at=NOW, leeway=leeway)


def error_claims(verdict: Verdict) -> set[str | None]:
    return {issue.claim for issue in verdict.errors}


def test_the_base_token_is_accepted() -> None:
    assert verdict_of(base_claims()).accepted


@pytest.mark.parametrize("leeway", [0.0, 300.0])
def test_expired_moves_iat_back_by_the_tokens_lifetime(leeway: float) -> None:
    claims = applied(ComposePreset.EXPIRED, base_claims(), leeway)
    exp, iat = claims["exp"], claims["iat"]
    assert isinstance(exp, int)
    assert isinstance(iat, int)
    assert exp < NOW - leeway
    assert exp - iat == 7200  # the lifetime the token had
    verdict = verdict_of(claims, leeway)
    assert not verdict.accepted
    assert error_claims(verdict) == {"exp"}
    assert {k: v for k, v in claims.items() if k not in ("iat", "exp")} == {
        k: v for k, v in base_claims().items() if k not in ("iat", "exp")
    }


def test_expired_without_times_lives_an_hour_and_an_nbf_follows_iat() -> None:
    claims = base_claims(nbf=int(NOW) + 50)
    del claims["iat"]
    result = applied(ComposePreset.EXPIRED, claims)
    assert result["nbf"] == result["iat"]
    exp, iat = result["exp"], result["iat"]
    assert isinstance(exp, int)
    assert isinstance(iat, int)
    assert exp - iat == 3600
    assert error_claims(verdict_of(result)) == {"exp"}


def test_not_yet_valid_puts_nbf_ahead_and_exp_after_it() -> None:
    result = applied(ComposePreset.NOT_YET_VALID, base_claims(), 120.0)
    nbf, exp, iat = result["nbf"], result["exp"], result["iat"]
    assert isinstance(nbf, int)
    assert isinstance(exp, int)
    assert isinstance(iat, int)
    assert iat <= NOW < NOW + 120 < nbf < exp
    verdict = verdict_of(result, 120.0)
    assert not verdict.accepted
    assert error_claims(verdict) == {"nbf"}


def test_not_yet_valid_adds_no_exp_to_a_token_without_one() -> None:
    claims = base_claims()
    del claims["exp"]
    result = applied(ComposePreset.NOT_YET_VALID, claims)
    assert "exp" not in result
    assert error_claims(verdict_of(result)) == {"nbf"}


def test_wrong_project_names_another_project_in_aud_and_the_id_prefix() -> None:
    other = other_project_id(PROJECT)
    assert other != PROJECT
    assert len(other) == 24
    assert other == other_project_id(PROJECT.upper())
    result = applied(ComposePreset.WRONG_PROJECT, base_claims())
    assert result["aud"] == tiledesk_audience(other)
    assert result["_id"] == f"{other}_user-7"
    verdict = verdict_of(result)
    assert not verdict.accepted
    assert error_claims(verdict) == {"aud"}


def test_wrong_project_leaves_an_id_without_the_prefix() -> None:
    result = applied(ComposePreset.WRONG_PROJECT, base_claims(_id="user-7"))
    assert result["_id"] == "user-7"


def test_wrong_project_needs_the_project_id() -> None:
    edits = preset_edits(ComposePreset.WRONG_PROJECT, base_claims(), now=NOW)
    assert edits.values == ()
    assert edits.problem is not None
    assert "project id" in edits.problem


def test_other_secret_problems() -> None:
    assert other_secret_problem("HS256", "another one", SECRET) is None
    assert other_secret_problem("HS512", "another one", SECRET) is None
    rs = other_secret_problem("RS256", "another one", SECRET)
    assert rs is not None
    assert "private key" in rs
    odd = other_secret_problem("none", "another one", SECRET)
    assert odd is not None
    assert "'none' is not signed with a secret" in odd
    assert other_secret_problem("HS256", "", SECRET) == "the other secret is empty"
    same = other_secret_problem("HS256", SECRET, SECRET)
    assert same is not None
    assert "project's secret" in same
    assert SECRET not in same


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=8,
)


@settings(max_examples=60, deadline=None)
@given(payload=json_values, preset=st.sampled_from(list(ComposePreset)))
def test_any_payload_gives_edits_or_a_problem(payload: JSONValue, preset: ComposePreset) -> None:
    edits = preset_edits(preset, payload, now=NOW, project_id=PROJECT)
    assert edits.problem is None
    names = [name for name, _ in edits.values]
    assert names
    assert len(names) == len(set(names))
