"""The samples' generator alone: literals, the time plan, the notes (no language tools)."""

from __future__ import annotations

import ast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tiledesk_jwt_gui.core import (
    InputError,
    JSONValue,
    SampleLanguage,
    server_sample,
    snippet,
    tiledesk_claims,
)
from tiledesk_jwt_gui.core.literals import java_string, js_string, python_string
from tiledesk_jwt_gui.core.samples import TimedClaim, plan_claims

PROJECT = "65a1b2c3d4e5f60718293a4b"


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_python_string_reads_back_as_the_same_text(text: str) -> None:
    assert ast.literal_eval(python_string(text)) == text


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_literals_show_no_invisible_character(text: str) -> None:
    for literal in (python_string(text), js_string(text), java_string(text)):
        assert all(ch.isprintable() for ch in literal), literal


def test_java_strings_are_ascii_and_never_use_unicode_escapes_javac_would_unfold() -> None:
    literal = java_string('a"\\\n\u2028é🙂\x00\u000a')
    assert literal.isascii()
    for unfolded in ("\\u000a", "\\u0022", "\\u005c"):
        assert unfolded not in literal


def test_plan_makes_times_relative_and_adds_exp() -> None:
    claims: dict[str, JSONValue] = {"iat": 1000, "nbf": 1010, "sub": "userexternal"}
    plan = dict(plan_claims(claims, 60))
    assert plan == {
        "iat": TimedClaim(0),
        "nbf": TimedClaim(10),
        "sub": "userexternal",
        "exp": TimedClaim(60),
    }


def test_plan_keeps_the_claims_own_lifetime_when_none_is_chosen() -> None:
    plan = dict(plan_claims({"iat": 1000, "exp": 1900}))
    assert plan["exp"] == TimedClaim(900)


def test_notes_name_what_a_language_cannot_hold() -> None:
    claims = tiledesk_claims(PROJECT, user_id="1")
    claims["big"] = 2**60
    claims["lone"] = "\ud800"
    node = server_sample(SampleLanguage.NODE, claims)
    assert any("big" in note and "2**60" not in note for note in node.notes)
    assert not any(note.startswith("lone") for note in node.notes)
    go = server_sample(SampleLanguage.GO, claims)
    assert [note.split(":")[0] for note in go.notes] == ["lone"]
    assert server_sample(SampleLanguage.PYTHON, claims).notes == ()


def test_the_secret_is_read_from_the_environment_in_every_sample() -> None:
    claims = tiledesk_claims(PROJECT, user_id="1")
    for language in (
        SampleLanguage.NODE,
        SampleLanguage.PHP,
        SampleLanguage.JAVA,
        SampleLanguage.PYTHON,
        SampleLanguage.GO,
    ):
        assert "TILEDESK_SECRET" in server_sample(language, claims).code


def test_widget_page_needs_a_real_project_id() -> None:
    with pytest.raises(InputError, match="24 hexadecimal"):
        snippet(SampleLanguage.WIDGET, project_id="nope")


def test_widget_page_keeps_hostile_values_out_of_the_markup() -> None:
    page = snippet(
        SampleLanguage.WIDGET,
        project_id=PROJECT,
        token="a.b.c</script><script>alert(1)</script>",
        server="https://x.example/</script>",
    ).code
    assert page.count("</script>") == 2  # the config element's and the page script's own
    assert page.isascii()
    assert "alert(1)" in page  # still there, as inert JSON text


def test_curl_refuses_a_token_a_header_cannot_carry() -> None:
    with pytest.raises(InputError, match="HTTP header"):
        snippet(SampleLanguage.CURL, token="a.b\nc")
