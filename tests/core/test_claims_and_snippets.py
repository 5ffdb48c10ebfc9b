"""Composing claims for a project, moving them to another, and the text the copy actions make."""

from __future__ import annotations

import shlex

import pytest

from tiledesk_jwt_gui.core import (
    InputError,
    authorization_header,
    curl_command,
    retarget_project,
    tiledesk_claims,
    widget_call,
)

OLD = "65a1b2c3d4e5f60718293a4b"
NEW = "5c81593adf767b0017d1aa68"


def test_claims_follow_the_docs_and_options_win_over_extra() -> None:
    claims = tiledesk_claims(
        OLD,
        user_id="42",
        email="a@b.co",
        extra={"email": "x@y.z", "plan": 1},
        now=1_800_000_000,
        expires_in=60,
    )
    assert claims["_id"] == f"{OLD}_42"
    assert next(iter(claims)) == "_id"
    assert claims["sub"] == "userexternal"
    assert claims["aud"] == f"https://tiledesk.com/projects/{OLD}"
    assert claims["email"] == "a@b.co"
    assert claims["plan"] == 1
    assert claims["exp"] == 1_800_000_060


@pytest.mark.parametrize("project", ["", "65a1b2c3", "zz" * 12])
def test_claims_need_a_project_id(project: str) -> None:
    with pytest.raises(InputError, match="24 hexadecimal"):
        tiledesk_claims(project, user_id="1")


def test_retarget_moves_the_documented_aud_and_the_id_prefix() -> None:
    claims = tiledesk_claims(OLD, user_id="42", now=0)
    moved = retarget_project(claims, OLD, NEW)
    assert moved is not None
    assert moved["aud"] == f"https://tiledesk.com/projects/{NEW}"
    assert moved["_id"] == f"{NEW}_42"
    assert list(moved) == list(claims)  # claims keep their places


def test_retarget_leaves_hand_made_values_alone() -> None:
    assert retarget_project({"aud": "https://example.org/x", "_id": "user-42"}, OLD, NEW) is None
    assert retarget_project({"aud": f"https://tiledesk.com/projects/{OLD}"}, OLD, OLD) is None
    assert retarget_project([1, 2], OLD, NEW) is None


def test_snippets_carry_the_token_as_tiledesk_clients_send_it() -> None:
    token = "aaa.bbb.ccc"
    assert authorization_header(token) == "Authorization: JWT aaa.bbb.ccc"
    assert widget_call(token) == "window.Tiledesk('signInWithCustomToken', 'JWT aaa.bbb.ccc');"
    assert widget_call("it's") == "window.Tiledesk('signInWithCustomToken', 'JWT it\\'s');"
    command = shlex.split(curl_command("https://self.example/api/ ", token))
    assert command == [
        "curl",
        "-X",
        "POST",
        "https://self.example/api/auth/signinWithCustomToken",
        "-H",
        "Authorization: JWT aaa.bbb.ccc",
    ]
    assert "api.tiledesk.com/v3" in curl_command("", token)
