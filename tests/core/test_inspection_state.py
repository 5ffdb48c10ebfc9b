"""The core's side of the window: the inspection state (Draft), time validity with leeway, the
project id field, key notes, and where each issue shows."""

from __future__ import annotations

import math

import pytest

from tiledesk_jwt_gui.core import (
    ABSENT,
    DEMO_PROJECT_ID,
    DEMO_SECRET,
    NOT_A_JWT,
    Draft,
    Issue,
    Mode,
    Part,
    Place,
    Profile,
    Severity,
    Validity,
    back_to_pasted,
    check_leeway,
    check_time_value,
    choose_keys,
    compose,
    demo_claims,
    describe_time,
    detail_lines,
    inspect_token,
    issue_line,
    judge,
    judge_draft,
    load_key_text,
    project_field,
    secret_key,
    secret_note,
    sign_token,
    spot,
    take_token,
    time_window,
    verdict_headline,
    with_claim,
    with_token_read,
)

NOW = 1_800_000_000.0
KEY = secret_key(DEMO_SECRET)
TOKEN = sign_token(None, demo_claims(int(NOW)), KEY, "HS256")


# --- the draft ---------------------------------------------------------------------------------


def test_composing_from_a_pasted_token_keeps_it_one_step_away() -> None:
    checking = take_token(Draft(), TOKEN)
    assert checking.mode is Mode.CHECKING
    assert checking.pasted == TOKEN
    read = with_token_read(checking, inspect_token(TOKEN))
    edited = read.__class__(**{**read.__dict__, "payload": with_claim(read.payload, "sub", "x")})
    composed = compose(edited, choose_keys("HS256", secret=KEY))
    assert composed.mode is Mode.COMPOSING
    assert composed.token != TOKEN
    assert composed.signed_here
    assert composed.can_go_back
    back = back_to_pasted(composed)
    assert back.token == TOKEN
    assert back.mode is Mode.CHECKING


def test_a_draft_that_cannot_be_signed_keeps_its_token_and_says_why() -> None:
    draft = compose(Draft(token="old", payload={"a": 1}), choose_keys("HS256"))
    assert draft.token == "old"
    assert draft.stale is not None
    assert "enter the secret" in draft.stale
    assert not draft.copyable
    blocked = compose(Draft(token="old"), choose_keys("HS256", secret=KEY), ["attributes: bad"])
    assert blocked.stale == "attributes: bad"


def test_a_malformed_project_id_is_judged_as_not_set() -> None:
    draft = take_token(Draft(project_text="not-an-id"), TOKEN)
    verdict = judge_draft(draft, choose_keys("HS256", secret=KEY), NOW)
    assert verdict.accepted
    assert "project_id_invalid" not in {i.code for i in verdict.issues}


def test_with_claim_removes_an_absent_claim() -> None:
    assert with_claim({"a": 1, "b": 2}, "a", ABSENT) == {"b": 2}


# --- time ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "leeway", "state"),
    [
        (NOW + 99, 0, Validity.VALID),
        (NOW + 100, 0, Validity.EXPIRED),
        (NOW + 129.5, 30, Validity.VALID),
        (NOW + 130, 30, Validity.EXPIRED),
    ],
)
def test_expiry_honours_the_leeway_exactly(now: float, leeway: float, state: Validity) -> None:
    window = time_window(
        [describe_time("exp", NOW + 100, now)],
        now,
        leeway,
    )
    assert window.state is state


def test_the_verdict_and_the_window_change_at_the_same_instant_with_leeway() -> None:
    claims = demo_claims(int(NOW))
    claims["exp"] = int(NOW) + 10
    token = sign_token(None, claims, KEY, "HS256")
    for profile in Profile:
        verdict = judge(token, KEY, profile=profile, at=NOW, leeway=30)
        assert verdict.next_change == NOW + 40
        after = judge(token, KEY, profile=profile, at=NOW + 40, leeway=30)
        before = judge(token, KEY, profile=profile, at=NOW + 39.5, leeway=30)
        assert "exp" in {i.claim for i in after.errors}, profile
        assert "exp" not in {i.claim for i in before.errors}, profile
        assert after.time_window.state is Validity.EXPIRED
        assert before.time_window.state is Validity.VALID


def test_nbf_opens_at_nbf_minus_leeway() -> None:
    window = time_window(
        [describe_time("nbf", NOW + 100, NOW)],
        NOW,
        40,
    )
    assert window.state is Validity.NOT_YET
    assert window.next_change == NOW + 60
    assert window.countdown == "Valid in 0:01:00"


def test_countdown_words() -> None:
    exp = [describe_time("exp", NOW + 3600, NOW)]
    assert time_window(exp, NOW).countdown == "Expires in 1:00:00"
    assert time_window(exp, NOW + 3780).countdown == "Expired 3 min ago"
    iat = [describe_time("iat", NOW, NOW)]
    assert time_window(iat, NOW).countdown == "Never expires (no exp)"


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf, -1.0, 86_401.0, 1e400])
def test_a_leeway_that_cannot_be_one_is_refused(bad: float) -> None:
    assert check_leeway(bad) is not None


def test_time_values_beyond_any_date_are_refused_but_odd_values_pass() -> None:
    assert check_time_value("exp", math.inf) is not None
    assert check_time_value("exp", 1e20) is not None
    assert check_time_value("exp", 1_800_000_000_000) is None  # milliseconds: worth testing
    assert check_time_value("exp", "soon") is None  # a string: how it is judged is the point


# --- Tiledesk facts ----------------------------------------------------------------------------


def test_the_project_field() -> None:
    assert project_field(DEMO_PROJECT_ID).project_id == DEMO_PROJECT_ID
    url = f"https://panel.tiledesk.com/v3/dashboard/#/project/{DEMO_PROJECT_ID}/home"
    from_url = project_field(url)
    assert from_url.project_id == DEMO_PROJECT_ID
    assert from_url.found_in is not None
    half = project_field(DEMO_PROJECT_ID[:10])
    assert half.project_id is None
    assert half.problem is not None
    assert "24 hex characters" in half.problem
    secret = project_field("c3e1a2b4-7d6f-4e8a-b9c0-1d2e3f4a5b6c")
    assert secret.project_id is None
    assert secret.problem is not None
    assert "c3e1a2b4" not in secret.problem  # never echoed: it may be a secret


def test_a_project_other_than_the_tokens_says_which() -> None:
    other = "5c81593adf767b0017d1aa68"
    field = project_field(other, demo_claims(int(NOW)))
    assert field.mismatch == (
        f"this token is for project {DEMO_PROJECT_ID}; the field says {other}"
    )
    assert project_field("", demo_claims(int(NOW))).token_project == DEMO_PROJECT_ID


# --- keys --------------------------------------------------------------------------------------


def test_a_broken_pem_is_not_no_key() -> None:
    keys = choose_keys("RS256", public_problem="the public key cannot be read: bad")
    assert keys.verify is None
    assert keys.problem is not None
    assert keys.problem.startswith("the key could not be read")


def test_secret_notes_follow_rfc_7518() -> None:
    short = secret_note(secret_key("short"), "short", "HS256")
    assert short.good is False
    assert "5 bytes" in short.text
    assert secret_note(KEY, DEMO_SECRET, "HS256").good is True
    assert "short for HS512" in secret_note(KEY, DEMO_SECRET, "HS512").text


def test_the_private_keys_public_half_verifies() -> None:
    from tiledesk_jwt_gui.core import DEMO_RSA_PRIVATE_KEY_PEM

    private = load_key_text(DEMO_RSA_PRIVATE_KEY_PEM)[0]
    keys = choose_keys("RS256", private=private)
    assert keys.verify == (private,)
    assert keys.sign is private


# --- where issues show, and the words ------------------------------------------------------------


def test_where_issues_show() -> None:
    assert spot(Issue("exp", Severity.ERROR, "expired", "exp passed")).place is Place.CLAIM
    assert spot(Issue("role", Severity.WARNING, "role_staff", "x")).place is Place.OTHER_CLAIMS
    assert spot(Issue("kid", Severity.ERROR, "k", "x", Part.HEADER)).place is Place.HEADER_PARAM
    assert spot(Issue("crit", Severity.ERROR, "c", "x", Part.HEADER)).place is Place.HEADER_JSON
    assert spot(Issue(None, Severity.ERROR, "p", "x")).place is Place.PAYLOAD_JSON
    assert spot(Issue(None, Severity.ERROR, "k", "x", Part.KEY)).place is Place.KEY


def test_no_doubled_claim_names() -> None:
    assert issue_line(Issue("exp", Severity.ERROR, "expired", "exp passed 3 s ago")) == (
        "exp passed 3 s ago"
    )
    assert issue_line(Issue("email", Severity.WARNING, "e", "does not look like one")) == (
        "email: does not look like one"
    )


def test_a_green_verdict_counts_its_warnings() -> None:
    claims = demo_claims(int(NOW))
    del claims["email"]
    verdict = judge(sign_token(None, claims, KEY, "HS256"), KEY, at=NOW)
    assert verdict.accepted
    # email missing: the docs ask for it, and the lint says role checks then pass (two warnings)
    assert verdict_headline(verdict) == "Tiledesk would accept this token (2 warnings)"


def test_garbage_is_called_not_a_jwt_first() -> None:
    lines = detail_lines(judge("hello world", KEY, at=NOW))
    assert lines[0] == NOT_A_JWT + "."


def test_the_base64_secret_case_says_what_tiledesk_does() -> None:
    text = "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA"
    decoded = secret_key(text, base64_encoded=True)
    token = sign_token(None, demo_claims(int(NOW)), decoded, "HS256")
    lines = detail_lines(judge(token, decoded, at=NOW))
    assert (
        "The signature matches the base64-decoded secret, but Tiledesk uses the text: rejected."
        in lines
    )
