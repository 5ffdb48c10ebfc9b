"""``tiledesk-jwt diagnose`` end to end (real processes), and the secret notes of ``verify``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import run
from tests.core.keys_for_tests import private_pem, public_pem, rsa_private
from tiledesk_jwt_gui.core import (
    JSONValue,
    load_key_text,
    secret_key,
    sign_token,
    tiledesk_audience,
)

PROJECT = "65a1b2c3d4e5f60718293a4b"
OTHER = "7f00aa11bb22cc33dd44ee55"
SECRET = "0b7c6f3e-2d41-4c8a-9f6e-5a3b2c1d0e9f"
OTHER_SECRET = "5e0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b"
CLAIMS: dict[str, JSONValue] = {
    "_id": f"{PROJECT}_42",
    "sub": "userexternal",
    "aud": tiledesk_audience(PROJECT),
}
TOKEN = sign_token(None, CLAIMS, secret_key(SECRET), "HS256")


def test_cause_found_exit_0_with_the_fix() -> None:
    result = run("diagnose", TOKEN, "--secret-env", "S", env={"S": SECRET + "\n"})
    assert result.returncode == 0, result.stderr
    assert "secret_surrounding_whitespace" in result.stdout
    assert "the secret ends with a newline (LF); without it, the signature matches" in result.stdout
    assert "Fix: Remove the trailing newline from the secret" in result.stdout
    assert SECRET not in result.stdout + result.stderr


def test_json_contract() -> None:
    result = run(
        "diagnose", "-", "--secret-env", "S", "--json", stdin=TOKEN, env={"S": " " + SECRET}
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == ["verified_as_given", "verified_with", "findings"]
    assert data["verified_as_given"] is False
    assert data["verified_with"] == "secret_surrounding_whitespace"
    for finding in data["findings"]:
        assert list(finding) == ["code", "verifies", "explanation"]
        assert isinstance(finding["verifies"], bool)


def test_nothing_found_exit_1_none_matched() -> None:
    result = run("diagnose", TOKEN, "--secret-env", "S", "--json", env={"S": "not-the-secret"})
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["verified_with"] is None
    assert [f["code"] for f in data["findings"]] == ["none_matched"]
    assert "Tried:" in data["findings"][0]["explanation"]


def test_verified_as_given_exit_0() -> None:
    result = run("diagnose", TOKEN, "--secret-env", "S", "--json", env={"S": SECRET})
    assert result.returncode == 0
    assert json.loads(result.stdout) == {
        "verified_as_given": True,
        "verified_with": None,
        "findings": [],
    }


def test_candidates_file_names_the_other_project(tmp_path: Path) -> None:
    token = sign_token(None, CLAIMS, secret_key(OTHER_SECRET), "HS256")
    candidates = tmp_path / "secrets.txt"
    candidates.write_text(f"{PROJECT} {SECRET}\n{OTHER} {OTHER_SECRET}\n", encoding="utf-8")
    secret_file = tmp_path / "secret"
    secret_file.write_text(SECRET + "\n", encoding="utf-8")
    result = run(
        "diagnose",
        token,
        "--secret-file",
        str(secret_file),
        "--candidates-file",
        str(candidates),
        "--project-id",
        PROJECT,
        "--json",
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["verified_with"] == "other_project_secret"
    assert OTHER in data["findings"][-1]["explanation"]
    assert OTHER_SECRET not in result.stdout + result.stderr


def test_asymmetric_key_file(tmp_path: Path) -> None:
    private = rsa_private()
    token = sign_token(None, CLAIMS, load_key_text(private_pem(private))[0], "RS256")
    key_file = tmp_path / "public.pem"
    key_file.write_text(public_pem(private), encoding="utf-8")
    wrapped = token[:50] + "\n" + token[50:]
    result = run("diagnose", "-", "--key", str(key_file), "--json", stdin=wrapped)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["verified_with"] == "token_line_breaks"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["diagnose", TOKEN], "diagnose needs the key"),
        (["diagnose", TOKEN, "--secret", SECRET], "never taken as a plain argument"),
        (
            ["diagnose", TOKEN, "--secret-env", "S", "--candidates-file", "/nonexistent/c"],
            "cannot read the candidates file",
        ),
    ],
)
def test_usage_errors_exit_2(args: list[str], words: str) -> None:
    result = run(*args, env={"S": SECRET})
    assert result.returncode == 2
    assert words in result.stderr
    assert SECRET not in result.stderr.replace(" ".join(args), "")


def test_verify_says_the_secret_note() -> None:
    result = run(
        "verify", TOKEN, "--secret-env", "S", "--project-id", PROJECT, env={"S": SECRET + "\n"}
    )
    assert result.returncode == 1  # the verdict stays the server's
    assert (
        "Secret: the secret ends with a newline (LF); without it, the signature matches"
        in result.stdout
    )
    as_json = run("verify", TOKEN, "--secret-env", "S", "--json", env={"S": "\ufeff" + SECRET})
    notes = json.loads(as_json.stdout)["secret_notes"]
    assert [(n["code"], n["verifies"]) for n in notes] == [("secret_bom", True)]
    assert json.loads(as_json.stdout)["accepted"] is False
