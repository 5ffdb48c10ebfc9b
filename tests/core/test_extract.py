"""Paste from anywhere: the token taken out of a URL, a curl command, an HTTP request, a HAR
file or a JSON object, each with a notice; ambiguous text refused with the tokens listed."""

from __future__ import annotations

import json

import pytest

from tiledesk_jwt_gui.core import (
    ExtractionSource,
    Severity,
    extract_token,
    inspect_token,
    secret_key,
    sign_token,
    verify_signature,
)

SECRET = "0b7c6f3e-2d41-4c8a-9f6e-5a3b2c1d0e9f"
TOKEN = sign_token(None, {"sub": "userexternal", "_id": "u1"}, secret_key(SECRET), "HS256")
OTHER = sign_token(None, {"sub": "userexternal", "_id": "u2"}, secret_key(SECRET), "HS256")


def har(*entries: dict[str, object]) -> str:
    return json.dumps({"log": {"version": "1.2", "entries": list(entries)}}, indent=2)


def request(
    url: str = "https://api.tiledesk.com/v3/auth/signinWithCustomToken",
    headers: dict[str, str] | None = None,
    answer: object = None,
) -> dict[str, object]:
    entry: dict[str, object] = {
        "request": {
            "method": "POST",
            "url": url,
            "headers": [{"name": k, "value": v} for k, v in (headers or {}).items()],
            "queryString": [],
        },
        "response": {"status": 200, "content": {"mimeType": "application/json"}},
    }
    if answer is not None:
        entry["response"] = {"status": 200, "content": {"text": json.dumps(answer)}}
    return entry


PASTES = {
    "widget URL": (
        f"https://example.com/page.html?tiledesk_jwt=JWT%20{TOKEN}&lang=en",
        ExtractionSource.URL_PARAMETER,
        "tiledesk_jwt",
    ),
    "server URL": (
        f"https://api.tiledesk.com/v3/65a1b2c3d4e5f60718293a4b/requests/me?secret_token={TOKEN}",
        ExtractionSource.URL_PARAMETER,
        "secret_token",
    ),
    "fragment URL": (
        f"https://example.com/#/chat?tiledesk_jwt={TOKEN}",
        ExtractionSource.URL_PARAMETER,
        "tiledesk_jwt",
    ),
    "curl": (
        "curl -X POST 'https://api.tiledesk.com/v3/auth/signinWithCustomToken' \\\n"
        f"  -H 'Content-Type: application/json' -H 'Authorization: JWT {TOKEN}'",
        ExtractionSource.AUTHORIZATION_HEADER,
        "curl command",
    ),
    "curl bearer": (
        f'curl -H "authorization: Bearer {TOKEN}" https://x.example/api',
        ExtractionSource.AUTHORIZATION_HEADER,
        "Bearer scheme",
    ),
    "HTTP request": (
        "POST /v3/auth/signinWithCustomToken HTTP/1.1\r\nHost: api.tiledesk.com\r\n"
        f"Authorization: JWT {TOKEN}\r\nContent-Type: application/json\r\n\r\n",
        ExtractionSource.AUTHORIZATION_HEADER,
        "HTTP request",
    ),
    "sign-in answer": (
        json.dumps({"success": True, "token": f"JWT {TOKEN}", "user": {"_id": "u1"}}),
        ExtractionSource.JSON_TOKEN_FIELD,
        "token field",
    ),
    "HAR, one token in many requests": (
        har(
            request(headers={"Authorization": f"JWT {TOKEN}"}, answer={"token": f"JWT {TOKEN}"}),
            request(url=f"https://api.tiledesk.com/v3/p/requests/me?secret_token={TOKEN}"),
            request(headers={"Accept": "*/*"}),
        ),
        ExtractionSource.HAR_FILE,
        "HAR entry 1",
    ),
    "log line": (
        f"2024-05-01 12:00:00 INFO signing in with token={TOKEN} for user u1",
        ExtractionSource.EMBEDDED_TEXT,
        "the text",
    ),
}


@pytest.mark.parametrize("name", PASTES)
def test_token_taken_out_with_a_notice(name: str) -> None:
    text, source, words = PASTES[name]
    inspection = inspect_token(text)
    assert inspection.token == TOKEN
    assert text[inspection.token_span.start : inspection.token_span.end] == TOKEN
    assert [n.code for n in inspection.notices] == [source.value]
    assert words in inspection.notices[0].message
    assert not [i for i in inspection.issues if i.severity is Severity.ERROR]
    assert verify_signature(inspection, secret_key(SECRET)).verified


@pytest.mark.parametrize(
    "text",
    [
        f"curl -H 'Authorization: JWT {TOKEN}' 'https://x.example/?secret_token={OTHER}'",
        har(
            request(headers={"Authorization": f"JWT {TOKEN}"}),
            request(headers={"Authorization": f"JWT {OTHER}"}),
        ),
        f"first {TOKEN} then {OTHER}",
    ],
)
def test_several_tokens_are_refused_and_listed(text: str) -> None:
    inspection = inspect_token(text)
    assert inspection.token == ""
    (issue,) = inspection.issues
    assert issue.code == "ambiguous_input"
    assert issue.severity is Severity.ERROR
    assert "2 different tokens" in issue.message
    assert TOKEN[:16] in issue.message
    assert OTHER[-8:] in issue.message
    found = extract_token(text)
    assert [c.token for c in found.candidates] == [TOKEN, OTHER]


@pytest.mark.parametrize(
    "text",
    [
        TOKEN,
        f"  {TOKEN}\n",
        f'"{TOKEN}"',
        f"JWT {TOKEN}",
        f"Authorization: JWT {TOKEN}",
        TOKEN[:40] + "\n" + TOKEN[40:],  # a wrapped token is the diagnosis's, not a document
        "",
        "not a token at all",
    ],
)
def test_plain_tokens_are_not_extracted(text: str) -> None:
    assert extract_token(text).candidates == ()
    codes = [n.code for n in inspect_token(text).notices]
    assert not any(code.startswith("extracted_") for code in codes)


def test_json_without_a_token_is_read_as_before() -> None:
    inspection = inspect_token('{"alg": "HS256"}')
    assert inspection.notices == ()
    assert any(i.severity is Severity.ERROR for i in inspection.issues)


def test_hostile_documents_do_not_raise() -> None:
    for text in (
        "{" * 100_000,
        '{"log": {"entries": [1, null, {"request": 5}]}}',
        '{"log": {"entries": [{"request": {"headers": [{"name": 1}]}}]}}',
        '{"token": 42}',
        '{"token": "JWT not.a token"}',
        "https://x?tiledesk_jwt=&secret_token=",
    ):
        inspection = inspect_token(text)
        assert inspection.token != TOKEN
