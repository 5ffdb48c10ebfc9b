"""Time claims for people, and the parsers of instants and durations."""

from __future__ import annotations

import pytest

from tiledesk_jwt_gui.core import (
    InputError,
    describe_time,
    format_duration,
    parse_duration,
    parse_instant,
)

NOW = 1_800_000_000


def test_exp_in_the_future_and_past() -> None:
    assert describe_time("exp", NOW + 240, NOW).relative == "expires in 4 min"
    assert describe_time("exp", NOW - 7200, NOW).relative == "expired 2 h ago"
    info = describe_time("iat", NOW, NOW)
    assert info.utc == "2027-01-15 08:00:00 UTC"
    assert info.local


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("123", "a string"),
        (True, "a boolean"),
        (None, "null"),
        ([1], "an array"),
        ({"a": 1}, "an object"),
        (float("inf"), "too large"),
    ],
)
def test_absurd_values_are_described_not_raised(value: object, words: str) -> None:
    info = describe_time("exp", value, NOW)  # type: ignore[arg-type]
    assert info.seconds is None
    assert info.problem is not None
    assert words in info.problem


@pytest.mark.parametrize("value", [1e20, -1e20, 10**300, -5])
def test_out_of_range_numbers_still_describe(value: float) -> None:
    info = describe_time("exp", value, NOW)
    assert info.seconds == float(value)
    assert info.relative
    assert info.problem


def test_milliseconds_are_suspected() -> None:
    problem = describe_time("iat", NOW * 1000, NOW).problem
    assert problem is not None
    assert "milliseconds" in problem


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("90s", 90),
        ("5m", 300),
        ("1h", 3600),
        ("2d", 172800),
        ("1w", 604800),
        ("45", 45),
        ("-5m", -300),
    ],
)
def test_durations(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "5 parsecs", "h", "1e9d"])
def test_bad_durations(text: str) -> None:
    with pytest.raises(InputError):
        parse_duration(text)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("1800000000", 1_800_000_000),
        ("2027-01-15T08:00:00Z", 1_800_000_000),
        ("2027-01-15T09:00:00+01:00", 1_800_000_000),
        ("2027-01-15 08:00:00", 1_800_000_000),
    ],
)
def test_instants(text: str, seconds: float) -> None:
    assert parse_instant(text) == seconds


def test_bad_instant_says_what_to_use() -> None:
    with pytest.raises(InputError, match="ISO 8601"):
        parse_instant("tomorrow")


def test_format_duration() -> None:
    assert format_duration(59) == "59 s"
    assert format_duration(3 * 86400) == "3 days"
    assert format_duration(float("inf")) == "forever"
