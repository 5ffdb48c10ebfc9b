"""``tiledesk-jwt report`` end to end: Markdown and JSON, masks, and never the secret."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_cli import run
from tests.core.test_share import claims, forms
from tiledesk_jwt_gui.core import key_fingerprint, secret_key, sign_token

SECRET = "0b7c6f3e-2d41-4c8a-9f6e-5a3b2c1d0e9f"
TOKEN = sign_token(None, claims(), secret_key(SECRET), "HS256")


@pytest.mark.parametrize("fmt", ["markdown", "json"])
@pytest.mark.parametrize("extra", [[], ["--mask-email"], ["--include-token"]])
@pytest.mark.parametrize("given", [SECRET, SECRET + "\n", "wrong-secret-value"])
def test_report_never_holds_the_secret(fmt: str, extra: list[str], given: str) -> None:
    result = run(
        "report",
        TOKEN,
        "--secret-env",
        "S",
        "--format",
        fmt,
        "--at",
        "1800000000",
        *extra,
        env={"S": given},
    )
    assert result.returncode == 0, result.stderr
    output = (result.stdout + result.stderr).encode()
    for secret in {SECRET, given}:
        for form in forms(secret):
            assert form not in output
    if fmt == "json":
        data = json.loads(result.stdout)
        assert data["keys"][0]["fingerprint"] == key_fingerprint(secret_key(given))
        assert ("text" in data["token"]) is ("--include-token" in extra)
    else:
        assert result.stdout.startswith("# Tiledesk JWT report")
        assert (TOKEN in result.stdout) is ("--include-token" in extra)
    assert ("ada.lovelace@example.com" in result.stdout) is ("--mask-email" not in extra)


def test_report_on_a_failing_signature_carries_the_diagnosis() -> None:
    result = run("report", TOKEN, "--secret-env", "S", "--format", "json", env={"S": SECRET + " "})
    data = json.loads(result.stdout)
    assert data["diagnosis"]["verified_with"] == "secret_surrounding_whitespace"
    assert data["accepted"] is False


def test_mask_email_and_include_token_together_exit_2() -> None:
    result = run("report", TOKEN, "--mask-email", "--include-token")
    assert result.returncode == 2
    assert "--mask-email cannot hide" in result.stderr
