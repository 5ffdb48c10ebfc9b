"""The core's model of the widget's sign-in, case by case (the interop tests check the same
against tiledesk-server's own code)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json

import pytest

from tiledesk_jwt_gui.core import (
    Call,
    ServerKeys,
    judge,
    secret_key,
    signin_flow,
    token_length_limit,
    verdict_to_dict,
)

PROJECT = "65a1b2c3d4e5f60718293a4b"
SECRET = "0b7c6f3e-2d41-4c8a-9f6e-5a3b2c1d0e9f"
NOW = 1_800_000_000
KEYS = ServerKeys(projects={PROJECT: SECRET}, complete=True, global_secret=None)
BASE = {
    "_id": f"{PROJECT}_42",
    "sub": "userexternal",
    "aud": f"https://tiledesk.com/projects/{PROJECT}",
    "email": "ada@example.com",
}


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def token(**changes: object) -> str:
    claims = {k: v for k, v in {**BASE, **changes}.items() if v is not ...}
    header = b64(b'{"alg":"HS256","typ":"JWT"}')
    signing_input = f"{header}.{b64(json.dumps(claims).encode())}"
    mac = hmac.new(SECRET.encode(), signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{b64(mac)}"


def statuses(text: str) -> list[int | None]:
    return [c.status for c in signin_flow(text, KEYS, NOW, project_id=PROJECT).calls]


CASES: list[tuple[dict[str, object], list[int | None]]] = [
    ({}, [200, 200, 200]),
    ({"role": "agent"}, [200, 200, 200]),
    ({"role": "agent", "email": ...}, [None]),
    ({"role": "owner", "email": None}, [None]),
    ({"role": "admin", "email": ""}, [None]),
    ({"role": "agent", "email": 5}, [None]),
    ({"role": "agent", "firstname": {"a": 1}}, [None]),
    ({"role": "supervisor"}, [200, 200, 200]),
    ({"role": ["user"]}, [200, 200, 403]),
    ({"_id": {"$ne": None}}, [200, 200, 403]),
    ({"_id": ["x"]}, [200, 200, 403]),
    ({"_id": None, "_doc": {"_id": "legacy"}}, [200, 200, 403]),
    ({"_id": 42}, [200, 200, 500]),
    ({"sub": "user"}, [200, 500]),
    ({"sub": "bot", "_id": PROJECT}, [200, 401]),
    ({"sub": ["userexternal"]}, [200, 200, 200]),
    ({"firstname": {"toString": 1}}, [200, None]),
    ({"message": {"toString": 1}}, [500]),
    ({"aud": "https://tiledesk.com/projects/abcdefghijkl"}, [401]),
    ({"email": ...}, [200, 200, 200]),
    ({"aud": f"https://tiledesk.com/projects/{'0' * 24}"}, [401]),
]
"""Claim changes and each call's status (tests/interop runs the same table on the server)."""


@pytest.mark.parametrize(("changes", "expected"), CASES)
def test_each_call_gets_the_servers_answer(
    changes: dict[str, object], expected: list[int | None]
) -> None:
    assert statuses(token(**changes)) == expected


def test_more_than_one_space_is_refused_by_valid_token() -> None:
    flow = signin_flow(token() + " trailing", KEYS, NOW, project_id=PROJECT)
    assert [c.status for c in flow.calls] == [403]
    assert not flow.accepted


def test_request_headers_over_16_kib_get_431_before_tiledesk() -> None:
    limit = token_length_limit(Call.SIGNIN)
    assert 15_000 < limit < 16_384
    assert statuses("a" * limit) == [431]
    assert statuses("a" * (limit - 1)) == [401]
    # The chat21 call's path is longer: a window of lengths signs in but gets no chat token.
    assert token_length_limit(Call.CHAT21) < limit


def test_the_browser_refuses_line_breaks_and_nothing_is_sent() -> None:
    flow = signin_flow(token()[:20] + "\n" + token()[20:], KEYS, NOW, project_id=PROJECT)
    assert [(c.status, c.answer.startswith("not sent")) for c in flow.calls] == [(None, True)]


@pytest.mark.parametrize(
    ("inserted", "first_call"),
    [
        ("\x01", (400, "Bad Request")),  # a control character: Node's parser refuses it
        ("\x7f", (400, "Bad Request")),  # DEL, the one control character above the space
        ("\u0100", (None, "not sent")),  # beyond Latin-1: the browser refuses to send it
        ("\x00", (None, "not sent")),  # NUL: the browser refuses it before Node could
    ],
)
def test_characters_a_browser_or_node_refuses_are_found_anywhere_in_the_token(
    inserted: str, first_call: tuple[int | None, str]
) -> None:
    whole = token()
    for at in (1, len(whole) // 2, len(whole) - 1):
        flow = signin_flow(whole[:at] + inserted + whole[at:], KEYS, NOW, project_id=PROJECT)
        status, answer = first_call
        assert (flow.calls[0].status, flow.calls[0].answer.startswith(answer)) == (status, True)


def test_a_latin_1_letter_or_a_tab_is_sent_and_reaches_tiledesk() -> None:
    whole = token()
    for inserted in ("\u00e9", "\t"):
        flow = signin_flow(whole[:20] + inserted + whole[20:], KEYS, NOW, project_id=PROJECT)
        status = flow.calls[0].status
        assert status is not None  # sent
        assert status not in (400, 431)  # and Tiledesk answers it


def test_verdict_flow_and_accepted() -> None:
    key = secret_key(SECRET)
    ok = judge(token(), key, project_id=PROJECT, at=NOW)
    assert ok.accepted
    assert ok.flow is not None
    assert ok.flow.usable
    unusable = judge(token(_id=["x"]), key, project_id=PROJECT, at=NOW)
    assert unusable.accepted  # calls 1 and 2 answer 200...
    assert "signed_in_unusable" in [i.code for i in unusable.errors]  # ...the project's do not
    chat = judge(token(sub="user"), key, project_id=PROJECT, at=NOW)
    assert not chat.accepted
    hang = judge(token(role="agent", email=...), key, project_id=PROJECT, at=NOW)
    assert not hang.accepted
    assert "signin_fails" in [i.code for i in hang.errors]
    data = verdict_to_dict(chat)
    assert data["flow"] == [
        {
            "call": "signin",
            "method": "POST",
            "path": "/auth/signinWithCustomToken",
            "status": 200,
            "answer": "signed in",
        },
        {
            "call": "chat21",
            "method": "POST",
            "path": "/chat21/native/auth/createCustomToken",
            "status": 500,
            "answer": "CastError (the id is not an ObjectId)",
        },
    ]


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"_id": {"$ne": None}}, "lint_operator_in_id"),
        ({"sub": "user", "_id": PROJECT}, "lint_impersonation"),
        ({"role": "agent"}, "role_staff"),
        ({"role": "supervisor"}, "lint_project_role"),
        ({"email": ...}, "lint_email_missing_admin"),
        ({"email": "admin@tiledesk.com"}, "lint_email_default_admin"),
    ],
)
def test_security_lint_warns(changes: dict[str, object], code: str) -> None:
    verdict = judge(token(**changes), secret_key(SECRET), project_id=PROJECT, at=NOW)
    assert code in [i.code for i in verdict.warnings]
    assert code not in [i.code for i in judge(token(), secret_key(SECRET), at=NOW).issues]
