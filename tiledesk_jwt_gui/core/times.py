"""Time claims made readable: NumericDate values as UTC and local times with relative phrases,
and the parsing of instants ("2026-11-24T10:00:00Z", "1800000000") and durations ("90s", "2d").

Every function here accepts absurd values (negative, 1e20, strings, booleans) and says what is
wrong instead of raising, except the parsers, which raise :class:`InputError`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from .encoding import JSONValue
from .errors import InputError

__all__ = [
    "MAX_LEEWAY_SECONDS",
    "MAX_TIME_VALUE",
    "MILLISECONDS_THRESHOLD",
    "TIME_CLAIMS",
    "TimeInfo",
    "TimeWindow",
    "Validity",
    "check_leeway",
    "check_time_value",
    "checked_instant",
    "checked_leeway",
    "describe_time",
    "describe_times",
    "format_duration",
    "parse_duration",
    "parse_instant",
    "parse_leeway",
    "time_window",
]

TIME_CLAIMS = ("iat", "nbf", "exp")
MILLISECONDS_THRESHOLD = 32_503_680_000
"""1 January 3000 in Unix seconds: a larger value is almost surely milliseconds."""

_MAX_DATETIME_SECONDS = 253_402_300_799  # 9999-12-31T23:59:59Z
MAX_TIME_VALUE = _MAX_DATETIME_SECONDS * 1000
"""The largest time claim a person may type: the year 9999 in milliseconds (a value in
milliseconds is a mistake worth testing; beyond it, a number is no time at all)."""
_MIN_DATETIME_SECONDS = -62_135_596_800  # 0001-01-01T00:00:00Z
MAX_LEEWAY_SECONDS = 86_400
"""The largest clock tolerance accepted: a day. Tolerance is for clocks seconds apart; to judge
a token as of another day, set the time instead."""


@dataclass(frozen=True, slots=True)
class TimeInfo:
    """A time claim for people. ``seconds`` is ``None`` when the value is not a number."""

    claim: str
    value: JSONValue
    seconds: float | None
    relative: str | None
    problem: str | None

    @property
    def utc(self) -> str | None:
        """ "2027-01-15 08:00:00 UTC", or None outside the years 1 to 9999."""
        moment = self._moment()
        return moment.strftime("%Y-%m-%d %H:%M:%S UTC") if moment else None

    @property
    def local(self) -> str | None:
        """The same instant in this computer's time zone."""
        moment = self._moment()
        return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S %Z").strip() if moment else None

    def _moment(self) -> datetime | None:
        seconds = self.seconds
        if seconds is None or not _MIN_DATETIME_SECONDS <= seconds <= _MAX_DATETIME_SECONDS:
            return None
        try:
            return datetime.fromtimestamp(seconds, UTC)
        except (OverflowError, OSError, ValueError):
            return None


def format_duration(seconds: float) -> str:
    """A short phrase for a length of time: "45 s", "4 min", "2 h 5 min", "3 days"."""
    seconds = abs(seconds)
    if math.isinf(seconds) or math.isnan(seconds):
        return "forever"
    if seconds < 60:
        return f"{int(seconds)} s"
    minutes = seconds / 60
    if minutes < 60:
        return f"{int(minutes)} min"
    hours = minutes / 60
    if hours < 24:
        rest = int(minutes) % 60
        return f"{int(hours)} h {rest} min" if rest else f"{int(hours)} h"
    days = hours / 24
    if days < 365:
        whole_days = int(days)
        return f"{whole_days} day" if whole_days == 1 else f"{whole_days} days"
    years = days / 365.25
    if years < 10_000:
        return f"{years:.1f} years"
    return f"{years:.3g} years"


def _phrase(claim: str, delta: float) -> str:
    """``delta`` is value − now."""
    span = format_duration(delta)
    future = delta > 0
    if claim == "exp":
        return f"expires in {span}" if future else f"expired {span} ago"
    if claim == "nbf":
        return f"valid in {span}" if future else f"valid since {span} ago"
    if claim == "iat":
        return f"issued {span} in the future" if future else f"issued {span} ago"
    return f"in {span}" if future else f"{span} ago"


def describe_time(claim: str, value: JSONValue, now: float) -> TimeInfo:
    """Describe a NumericDate claim as of ``now`` (Unix seconds)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        kind = {bool: "a boolean", str: "a string", list: "an array", dict: "an object"}.get(
            type(value), "null"
        )
        return TimeInfo(
            claim,
            value,
            None,
            None,
            f"{claim} is {kind}, not a number of seconds (NumericDate, RFC 7519 §2)",
        )
    seconds = float(value)
    if math.isnan(seconds) or math.isinf(seconds):
        return TimeInfo(claim, value, None, None, f"{claim} is too large to be a time")
    problem = None
    if seconds > MILLISECONDS_THRESHOLD:
        problem = (
            f"{claim} lies after the year 3000: is it in milliseconds? "
            f"({seconds / 1000:.0f} would be seconds)"
        )
    elif seconds < 0:
        problem = f"{claim} is before 1970"
    return TimeInfo(claim, value, seconds, _phrase(claim, seconds - now), problem)


_DURATION = re.compile(
    r"\s*(-?\d+(?:\.\d+)?)\s*(s|sec|secs|m|min|mins|h|hr|hrs|d|day|days|w)?\s*", re.IGNORECASE
)
_UNIT_SECONDS = {
    "s": 1,
    "sec": 1,
    "secs": 1,
    "m": 60,
    "min": 60,
    "mins": 60,
    "h": 3600,
    "hr": 3600,
    "hrs": 3600,
    "d": 86400,
    "day": 86400,
    "days": 86400,
    "w": 604800,
}


def parse_duration(text: str) -> int:
    """Seconds in "90s", "5m", "1h", "2d", "1w" or a bare number of seconds (may be negative)."""
    match = _DURATION.fullmatch(text)
    if not match:
        raise InputError(
            f"{text!r} is not a duration: use a number with s, m, h, d or w, like 90s, 5m, 1h, 2d"
        )
    number = float(match.group(1))
    unit = (match.group(2) or "s").lower()
    seconds = number * _UNIT_SECONDS[unit]
    if abs(seconds) > 100 * 365 * 86400:
        raise InputError(f"{text!r} is more than a century")
    return round(seconds)


def parse_instant(text: str) -> float:
    """Unix seconds from "1800000000" (or "1800000000.5") or ISO 8601 ("2027-01-15T10:00:00Z";
    no zone means UTC)."""
    stripped = text.strip()
    if re.fullmatch(r"-?\d+(\.\d+)?", stripped):
        value = float(stripped)
        if not (math.isfinite(value) and _MIN_DATETIME_SECONDS <= value <= _MAX_DATETIME_SECONDS):
            raise InputError(f"{text!r} is outside the years 1 to 9999")
        return value
    candidate = stripped[:-1] + "+00:00" if stripped.endswith(("Z", "z")) else stripped
    try:
        moment = datetime.fromisoformat(candidate)
    except ValueError:
        raise InputError(
            f"{text!r} is not a time: use Unix seconds (1800000000) or ISO 8601 "
            "(2027-01-15T10:00:00Z)"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def check_leeway(seconds: float) -> str | None:
    """Why ``seconds`` cannot be a clock leeway (not finite, negative, over a day), or ``None``:
    :func:`checked_leeway`'s refusal as a message, for a field that shows it."""
    try:
        checked_leeway(seconds)
    except InputError as exc:
        return str(exc)
    return None


def check_time_value(claim: str, value: JSONValue) -> str | None:
    """Why a number typed for a time claim is refused (not finite, or beyond the year 9999 in
    milliseconds), or ``None``. Non-numbers pass: they are how a person tests a broken claim."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return f"{claim} must be a finite number of seconds"
    if abs(value) > MAX_TIME_VALUE:
        return f"{claim} is beyond the year 9999, even read as milliseconds: type Unix seconds"
    return None


def describe_times(times: Sequence[TimeInfo], now: float) -> tuple[TimeInfo, ...]:
    """The same claims described again as of ``now`` (their relative phrases move)."""
    return tuple(describe_time(info.claim, info.value, now) for info in times)


class Validity(StrEnum):
    """Where now stands against nbf and exp, leeway included."""

    VALID = "valid"
    NOT_YET = "not_yet"
    EXPIRED = "expired"
    NONE = "none"
    """No readable iat, nbf or exp."""


_NEVER = 1e15
"""Boundaries further than this (about 31 million years) are never reached."""


@dataclass(frozen=True, slots=True)
class TimeWindow:
    """The token's validity in time, as of ``now``: one answer for the banner, the timeline,
    the countdown and the timer that judges again when it changes.

    ``opens`` and ``closes`` are the instants the verdict changes (``nbf - leeway`` and
    ``exp + leeway``); ``next_change`` the first of them still ahead.
    """

    now: float
    leeway: float
    state: Validity
    opens: float | None
    closes: float | None
    next_change: float | None
    times: tuple[TimeInfo, ...]

    @property
    def summary(self) -> str:
        """The state in words."""
        slack = f" (with {format_duration(self.leeway)} of leeway)" if self.leeway else ""
        if self.state is Validity.EXPIRED:
            return f"Expired: now is past exp{slack}"
        if self.state is Validity.NOT_YET:
            return f"Not valid yet: now is before nbf{slack}"
        if self.state is Validity.NONE:
            return "No time claims"
        return "Valid now" + ("" if self.closes is not None else "; never expires (no exp)")

    @property
    def countdown(self) -> str:
        """ "Expires in 0:59:59", "Valid in 0:05:00", "Expired 3 min ago", "Never expires"."""
        change = self.next_change
        if change is not None:
            left = change - self.now
            if left < 86400:
                whole = math.ceil(left)
                clock = f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
            else:
                clock = format_duration(left)
            return f"Valid in {clock}" if change == self.opens else f"Expires in {clock}"
        if self.state is Validity.EXPIRED and self.closes is not None:
            return f"Expired {format_duration(self.now - self.closes)} ago"
        if self.state is Validity.NOT_YET:
            return "Not valid yet"
        return "Never expires (no exp)" if self.times else ""


def _boundary(seconds: float, whole_seconds: bool) -> float:
    # The Tiledesk server compares whole seconds (floor(now)), so its answer changes at the
    # first whole second at or after the boundary.
    return float(math.ceil(seconds)) if whole_seconds and math.isfinite(seconds) else seconds


def time_window(
    times: Sequence[TimeInfo], now: float, leeway: float = 0.0, *, whole_seconds: bool = False
) -> TimeWindow:
    """Validity of ``times`` (the readings of iat, nbf, exp) as of ``now``, honouring
    ``leeway``: valid from ``nbf - leeway``, expired from ``exp + leeway`` exactly (from the
    whole second at or after them with ``whole_seconds``, as the Tiledesk server counts)."""
    if not math.isfinite(leeway):
        leeway = 0.0
    by_claim = {info.claim: info.seconds for info in times if info.seconds is not None}
    nbf, exp = by_claim.get("nbf"), by_claim.get("exp")
    opens = _boundary(nbf - leeway, whole_seconds) if nbf is not None else None
    closes = _boundary(exp + leeway, whole_seconds) if exp is not None else None
    if closes is not None and now >= closes:
        state = Validity.EXPIRED
    elif opens is not None and now < opens:
        state = Validity.NOT_YET
    elif not by_claim:
        state = Validity.NONE
    else:
        state = Validity.VALID
    ahead = [m for m in (opens, closes) if m is not None and now < m < _NEVER]
    return TimeWindow(
        now, leeway, state, opens, closes, min(ahead) if ahead else None, tuple(times)
    )


def checked_instant(seconds: float) -> float:
    """``seconds`` (Unix time) if it is a finite instant of the years 1 to 9999; else an
    :class:`InputError`. No verdict is ever computed as of NaN or infinity."""
    if not (
        isinstance(seconds, int | float)
        and not isinstance(seconds, bool)
        and math.isfinite(seconds)
        and _MIN_DATETIME_SECONDS <= seconds <= _MAX_DATETIME_SECONDS
    ):
        raise InputError(f"the time {seconds!r} is not an instant of the years 1 to 9999")
    return float(seconds)


def checked_leeway(seconds: float) -> float:
    """``seconds`` if it is a clock tolerance from 0 to :data:`MAX_LEEWAY_SECONDS`; else an
    :class:`InputError` (NaN, infinities and negative tolerances are refused)."""
    if not (
        isinstance(seconds, int | float)
        and not isinstance(seconds, bool)
        and math.isfinite(seconds)
        and 0 <= seconds <= MAX_LEEWAY_SECONDS
    ):
        raise InputError(
            f"the leeway {seconds!r} is not a number of seconds from 0 to {MAX_LEEWAY_SECONDS}"
        )
    return float(seconds)


def parse_leeway(text: str) -> float:
    """A clock tolerance typed by a person: a plain number of seconds from 0 to
    :data:`MAX_LEEWAY_SECONDS` ("30", "1.5"); anything else (NaN, infinity, 1e400, -5) is an
    :class:`InputError`."""
    stripped = text.strip()
    if not (
        re.fullmatch(r"\d{1,6}(\.\d{1,9})?", stripped) and float(stripped) <= MAX_LEEWAY_SECONDS
    ):
        raise InputError(
            f"{text!r} is not a leeway: give a number of seconds from 0 to {MAX_LEEWAY_SECONDS}"
        )
    return checked_leeway(float(stripped))
