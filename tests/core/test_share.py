"""The shareable report: what it holds, and no form of the secret in any of its forms."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from tiledesk_jwt_gui.core import (
    InputError,
    JSONValue,
    judge,
    key_fingerprint,
    secret_key,
    share_markdown,
    share_report,
    sign_token,
    tiledesk_audience,
)

PROJECT = "65a1b2c3d4e5f60718293a4b"
SECRETS = (
    "0b7c6f3e-2d41-4c8a-9f6e-5a3b2c1d0e9f",
    "clé secrète ünïcödé 日本語 0123456789",
)
NOW = 1_800_000_000


def claims(**extra: JSONValue) -> dict[str, JSONValue]:
    return {
        "_id": f"{PROJECT}_42",
        "sub": "userexternal",
        "aud": tiledesk_audience(PROJECT),
        "email": "ada.lovelace@example.com",
        "attributes": {"backup": "grace@example.org", "plan": "pro"},
        "exp": NOW - 3600,
        **extra,
    }


def forms(secret: str) -> list[bytes]:
    """Every encoding of the secret that must never appear in a report."""
    data = secret.encode()
    return [
        data,
        secret.encode("utf-16-le"),
        secret.encode("utf-16-be"),
        base64.b64encode(data),
        base64.b64encode(data).rstrip(b"="),
        base64.urlsafe_b64encode(data),
        base64.urlsafe_b64encode(data).rstrip(b"="),
        data.hex().encode(),
        data.hex().upper().encode(),
        json.dumps(secret).encode()[1:-1],  # the secret as a JSON string escapes it
    ]


def rendered(report: dict[str, Any]) -> list[bytes]:
    markdown = share_markdown(report)
    as_json = json.dumps(report, ensure_ascii=True, indent=2)
    as_json_utf8 = json.dumps(report, ensure_ascii=False)
    return [
        markdown.encode(),
        markdown.encode("utf-16-le"),
        as_json.encode(),
        as_json_utf8.encode(),
        as_json_utf8.encode("utf-16-le"),
    ]


@pytest.mark.parametrize("secret", SECRETS)
@pytest.mark.parametrize("given", ["as is", "with a newline", "wrong"])
@pytest.mark.parametrize(("mask", "include"), [(False, False), (True, False), (False, True)])
def test_no_form_of_the_secret_in_any_report(
    secret: str, given: str, mask: bool, include: bool
) -> None:
    text = {"as is": secret, "with a newline": secret + "\n", "wrong": "another-secret-123"}[given]
    token = sign_token(None, claims(), secret_key(secret), "HS256")
    key = secret_key(text)
    report = share_report(judge(token, key, at=NOW), key, mask_email=mask, include_token=include)
    for document in rendered(report):
        for secret_text in {secret, text}:
            for form in forms(secret_text):
                assert form not in document, (form, document[:200])


@pytest.mark.parametrize("secret", SECRETS)
def test_a_secret_copied_into_the_claims_is_scrubbed(secret: str) -> None:
    token = sign_token(None, claims(leak=f"my secret is {secret}!"), secret_key(secret), "HS256")
    report = share_report(judge(token, secret_key(secret), at=NOW), secret_key(secret))
    for document in rendered(report):
        for form in forms(secret):
            assert form not in document
    assert "my secret is [secret removed]!" in share_markdown(report)


def test_fingerprint_tells_two_secrets_apart() -> None:
    first, second = (key_fingerprint(secret_key(s)) for s in SECRETS)
    assert first.startswith("sha256:")
    assert len(first) == len("sha256:") + 8
    assert first != second
    assert first == key_fingerprint(secret_key(SECRETS[0]))


def test_report_holds_the_verdict_findings_claims_and_diagnosis() -> None:
    secret = SECRETS[0]
    token = sign_token(None, claims(), secret_key(secret), "HS256")
    key = secret_key(secret + "\n")
    report = share_report(judge(token, key, at=NOW), key)
    assert report["accepted"] is False
    assert report["signature"] == "invalid"
    assert report["keys"][0]["fingerprint"] == key_fingerprint(key)
    assert report["diagnosis"]["verified_with"] == "secret_surrounding_whitespace"
    assert report["claims"]["email"] == "ada.lovelace@example.com"
    assert report["times"]["exp"]["utc"] == "2027-01-15 07:00:00 UTC"
    assert "text" not in report["token"]
    assert "flow" in report
    markdown = share_markdown(report)
    for words in (
        "# Tiledesk JWT report",
        "**Verdict:** Tiledesk would reject this token",
        "Cause found: `secret_surrounding_whitespace`",
        "## Claims",
        "`exp`: 2027-01-15 07:00:00 UTC",
        f"fingerprint `{key_fingerprint(key)}`",
    ):
        assert words in markdown
    assert token.split(".")[2] not in markdown


def test_valid_signature_has_no_diagnosis_and_include_token_adds_it() -> None:
    secret = SECRETS[0]
    token = sign_token(None, claims(), secret_key(secret), "HS256")
    report = share_report(
        judge(token, secret_key(secret), at=NOW), secret_key(secret), include_token=True
    )
    assert report["diagnosis"] is None
    assert report["token"]["text"] == token
    assert token in share_markdown(report)


def test_mask_email_everywhere() -> None:
    token = sign_token(None, claims(), secret_key(SECRETS[0]), "HS256")
    report = share_report(judge(token, None, at=NOW), None, mask_email=True)
    for document in rendered(report):
        assert b"ada.lovelace@" not in document
        assert b"grace@" not in document
    assert report["claims"]["email"] == "a***@example.com"
    assert report["claims"]["attributes"]["backup"] == "g***@example.org"


def test_mask_email_with_include_token_is_refused() -> None:
    token = sign_token(None, claims(), secret_key(SECRETS[0]), "HS256")
    with pytest.raises(InputError, match="mask-email"):
        share_report(judge(token, None, at=NOW), None, mask_email=True, include_token=True)


def outside_code_blocks(markdown: str) -> str:
    """The Markdown text outside fenced blocks; each block must read back as JSON (a fence that
    token text could close early would fail here)."""
    outside: list[str] = []
    lines = iter(markdown.split("\n"))
    for line in lines:
        if line.startswith("```"):
            fence = line[: len(line) - len(line.lstrip("`"))]
            block: list[str] = []
            for inner in lines:
                if inner == fence:
                    break
                block.append(inner)
            json.loads("\n".join(block))
        else:
            outside.append(line)
    return "\n".join(outside)


def test_token_text_cannot_become_markup() -> None:
    hostile = "<img src=x onerror=alert(1)> [link](https://evil.example) ``` \x1b[2J \u202e"
    token = sign_token(
        None, claims(firstname=hostile, **{"<b>": 1}), secret_key(SECRETS[0]), "HS256"
    )
    markdown = share_markdown(share_report(judge(token, None, at=NOW), None))
    assert "\x1b" not in markdown
    assert "\u202e" not in markdown
    text = outside_code_blocks(markdown)
    assert "Tiledesk would" in text
    assert "<img" not in text
    assert "<b>" not in text
