"""No verdict is computed as of NaN or infinity: the caller's numbers (the time, the leeway,
a duration) are checked before any comparison, and refused with a message."""

from __future__ import annotations

import math

import pytest

from tests.core.hostile import CLAIMS as PLAIN_CLAIMS
from tests.core.hostile import HOSTILE_NUMBERS, NOW, PROJECT, SECRET, js, raw_token
from tiledesk_jwt_gui.core import (
    MAX_LEEWAY_SECONDS,
    InputError,
    JSONValue,
    Profile,
    checked_instant,
    checked_leeway,
    judge,
    parse_duration,
    parse_instant,
    parse_leeway,
    secret_key,
    sign_token,
)

CLAIMS: dict[str, JSONValue] = dict(PLAIN_CLAIMS)
EXPIRED = sign_token(None, {**CLAIMS, "exp": NOW - 3600}, secret_key(SECRET), "HS256")
VALID = sign_token(None, {**CLAIMS, "exp": NOW + 3600}, secret_key(SECRET), "HS256")
NON_FINITE = [math.nan, math.inf, -math.inf, float("1e400")]


@pytest.mark.parametrize("leeway", [*NON_FINITE, -1.0, MAX_LEEWAY_SECONDS + 1.0])
@pytest.mark.parametrize("profile", list(Profile))
def test_an_unusable_leeway_is_refused_never_compared(leeway: float, profile: Profile) -> None:
    # Before: NaN and +inf let this expired token be accepted; -inf expired a valid one.
    for token in (EXPIRED, VALID):
        with pytest.raises(InputError, match=r"the leeway .* is not a number of seconds"):
            judge(token, secret_key(SECRET), profile=profile, at=NOW, leeway=leeway)


@pytest.mark.parametrize("at", [*NON_FINITE, 1e300, -1e12])
def test_an_unusable_time_is_refused(at: float) -> None:
    with pytest.raises(InputError, match="is not an instant of the years 1 to 9999"):
        judge(VALID, secret_key(SECRET), at=at)


def test_usable_numbers_still_judge_as_before() -> None:
    assert not judge(EXPIRED, secret_key(SECRET), project_id=PROJECT, at=NOW).accepted
    assert judge(EXPIRED, secret_key(SECRET), project_id=PROJECT, at=NOW, leeway=3601).accepted
    assert judge(VALID, secret_key(SECRET), project_id=PROJECT, at=NOW, leeway=0).accepted
    assert checked_leeway(MAX_LEEWAY_SECONDS) == MAX_LEEWAY_SECONDS
    assert checked_instant(0) == 0.0


@pytest.mark.parametrize("text", [*HOSTILE_NUMBERS, "86401", "", "1e3", "0x10", " 5 s"])
def test_typed_leeways_outside_0_to_a_day_are_refused(text: str) -> None:
    with pytest.raises(InputError, match="leeway"):
        parse_leeway(text)


@pytest.mark.parametrize(("text", "seconds"), [("0", 0.0), ("30", 30.0), (" 1.5 ", 1.5)])
def test_typed_leeways(text: str, seconds: float) -> None:
    assert parse_leeway(text) == seconds


@pytest.mark.parametrize("text", [*HOSTILE_NUMBERS[:6], "9" * 400, "-99999999999999"])
def test_typed_times_must_be_finite_and_in_range(text: str) -> None:
    if text == "-1":
        assert parse_instant(text) == -1.0  # one second before 1970 is a time
        return
    with pytest.raises(InputError):
        parse_instant(text)


@pytest.mark.parametrize("text", [*HOSTILE_NUMBERS[:6], "9" * 400, "9" * 5000 + "s"])
def test_typed_durations_must_be_finite(text: str) -> None:
    with pytest.raises(InputError):
        parse_duration(text)


@pytest.mark.parametrize("exp", [b"NaN", b"Infinity", b"-Infinity", b"9" * 400])
def test_a_non_finite_exp_has_no_next_change(exp: bytes) -> None:
    token = raw_token(js({"alg": "HS256"}), js(CLAIMS)[:-1] + b',"exp":' + exp + b"}")
    verdict = judge(token, secret_key(SECRET), at=NOW)
    assert verdict.next_change is None
