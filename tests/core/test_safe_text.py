"""Token text printed to a terminal: controls, format characters, separators and lone
surrogates are shown as escapes; the text report holds none of them raw, whatever the token."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.core.hostile import (
    MARKUP,
    NOW,
    PROJECT,
    SECRET,
    TERMINAL_ESCAPES,
    Hostile,
    catalogue,
    unsafe_characters,
)
from tiledesk_jwt_gui.core import Profile, format_report, judge, secret_key, terminal_safe


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[2J", "\\u001b[2J"),
        ("\x9b2J", "\\u009b2J"),
        ("a\nb\tc\r", "a\\u000ab\\u0009c\\u000d"),
        ("\x00\x7f", "\\u0000\\u007f"),
        ("\u202egnp.exe", "\\u202egnp.exe"),
        ("\u2066x\u2069", "\\u2066x\\u2069"),
        ("zero\u200bwidth\ufeff", "zero\\u200bwidth\\ufeff"),
        ("line\u2028para\u2029", "line\\u2028para\\u2029"),
        ("\ud800", "\\ud800"),
        ("tag\U000e0041", "tag\\U000e0041"),
    ],
)
def test_what_a_terminal_would_obey_or_hide_is_escaped(raw: str, shown: str) -> None:
    assert terminal_safe(raw) == shown


@pytest.mark.parametrize(
    "text",
    [
        "Ada Lovelace",
        "Zoë Ōsaka 東京",
        "عربى",
        "emoji 😀👍",
        "no\u00a0break",
        "<b>x</b>",
        "a\\u001b",
    ],
)
def test_ordinary_text_of_every_script_is_left_alone(text: str) -> None:
    assert terminal_safe(text) == text


@given(st.text())
def test_no_unsafe_character_survives(text: str) -> None:
    assert unsafe_characters(terminal_safe(text)) == []


CATALOGUE = catalogue()


@pytest.mark.parametrize("item", CATALOGUE, ids=[h.name for h in CATALOGUE])
@pytest.mark.parametrize("profile", list(Profile))
def test_the_text_report_prints_nothing_raw(item: Hostile, profile: Profile) -> None:
    verdict = judge(item.token, secret_key(SECRET), profile=profile, project_id=PROJECT, at=NOW)
    report = format_report(verdict)
    for line in report.split("\n"):
        assert unsafe_characters(line) == [], (item.name, line[:200])


def test_the_escapes_of_a_tainted_token_are_visible_where_they_were() -> None:
    item = next(h for h in CATALOGUE if h.name == "escape_1_in_claims")
    report = format_report(judge(item.token, secret_key(SECRET), project_id=PROJECT, at=NOW))
    fake = "\\u001b[1A\\u001b[2K\\u001b[32mTiledesk would accept this token\\u001b[0m"
    # The fake verdict shows, escaped, as the value of firstname.
    assert f'"firstname": "{fake}"' in report
    # The only line that starts with a verdict is the real first line.
    starts = [line for line in report.split("\n") if re.match(r"Tiledesk would", line)]
    assert starts == [report.split("\n")[0]]


def test_a_forged_alg_with_escapes_is_quoted_escaped_in_messages() -> None:
    item = next(h for h in CATALOGUE if h.name == "escape_0_in_alg")
    report = format_report(judge(item.token, secret_key(SECRET), project_id=PROJECT, at=NOW))
    assert "\x1b" not in report
    assert "\\u001b[2J" in report
    assert report.split("\n")[0].startswith("Tiledesk would reject")


def test_the_catalogue_carries_the_texts_it_promises() -> None:
    names = {h.name for h in CATALOGUE}
    for index in range(len(TERMINAL_ESCAPES) + len(MARKUP)):
        kind = "escape" if index < len(TERMINAL_ESCAPES) else "markup"
        assert {f"{kind}_{index}_in_claims", f"{kind}_{index}_in_alg"} <= names
