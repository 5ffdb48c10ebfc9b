"""The banner's line about the widget's sign-in: the first failing call and its answer, decided
in the core (``flow_detail``) and placed among the verdict's detail lines."""

from __future__ import annotations

from tiledesk_jwt_gui.core import (
    DEMO_SECRET,
    JSONValue,
    Outcome,
    Profile,
    demo_claims,
    detail_lines,
    flow_detail,
    judge,
    secret_key,
    sign_token,
    token_length_limit,
)

NOW = 1_800_000_100
KEY = secret_key(DEMO_SECRET)


def signed(secret: str = DEMO_SECRET, **changes: JSONValue) -> str:
    claims = demo_claims(NOW)
    claims.update(changes)
    return sign_token(None, claims, secret_key(secret), "HS256")


def test_every_call_answering_200_says_the_widget_signs_in_and_chats() -> None:
    verdict = judge(signed(), KEY, at=NOW)
    assert verdict.outcome is Outcome.ACCEPTED
    assert flow_detail(verdict.flow) == (
        "The widget signs in and chats: every call of its sign-in answers 200."
    )


def test_a_refused_sign_in_names_the_call_and_its_answer() -> None:
    line = flow_detail(judge(signed("another secret, forty bytes long......."), KEY, at=NOW).flow)
    assert line == (
        "The widget cannot sign in: POST /auth/signinWithCustomToken → 401 Unauthorized "
        "(invalid signature)."
    )


def test_a_failing_chat21_call_says_the_visitor_signs_in_but_never_chats() -> None:
    line = flow_detail(judge(signed(sub="user", _id="not-an-object-id"), KEY, at=NOW).flow)
    assert line is not None
    assert line.startswith("Signs in, but POST /chat21/native/auth/createCustomToken → 500 ")
    assert "CastError" in line
    assert line.endswith(": the visitor never gets a chat connection.")


def test_signed_in_but_unusable_names_the_project_call() -> None:
    verdict = judge(signed(_id={"$ne": None}), KEY, at=NOW)
    line = flow_detail(verdict.flow)
    assert verdict.flow is not None
    assert verdict.flow.accepted
    assert line is not None
    assert line.startswith("Signs in and gets a chat token, but GET /")
    assert "→ 403 you dont belong to the project: the visitor can't chat." in line


def test_a_431_says_from_what_token_length() -> None:
    line = flow_detail(judge(signed(attributes={"pad": "x" * 16_000}), KEY, at=NOW).flow)
    assert line is not None
    assert "POST /auth/signinWithCustomToken → 431 Request Header Fields Too Large" in line
    assert f"no token of {token_length_limit():,} characters or more gets through" in line


def test_an_unknown_secret_says_undecided_and_what_holds_if_the_signature_is_right() -> None:
    verdict = judge(signed(), None, at=NOW)
    assert verdict.outcome is Outcome.UNDECIDED
    line = flow_detail(verdict.flow)
    assert line is not None
    assert line.startswith("Undecided without the secret; if the signature is right, the widget")


def test_the_line_follows_the_signature_in_the_detail_lines() -> None:
    verdict = judge(signed(sub="user", _id="not-an-object-id"), KEY, at=NOW)
    lines = detail_lines(verdict)
    assert lines[0] == "Signature verified with HMAC secret, 36 bytes (UTF-8 text)."
    assert lines[1] == flow_detail(verdict.flow)


def test_no_sign_in_no_line() -> None:
    assert flow_detail(judge(signed(), KEY, at=NOW, profile=Profile.GENERIC).flow) is None
    assert flow_detail(None) is None
