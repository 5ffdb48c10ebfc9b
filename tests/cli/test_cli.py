"""The command line as scripts use it: real processes, exit codes and the --json contract."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import load_vectors
from tests.core.keys_for_tests import private_pem, public_pem, rsa_private
from tiledesk_jwt_gui.core import load_key_text, sign_token

PROJECT = "65a1b2c3d4e5f60718293a4b"
SECRET = "0b7c6f3e-2d41-4c8a-9f6e-5a3b2c1d0e9f"
CASES = {c["name"]: c for c in load_vectors("tiledesk-server-verdicts.json")["cases"]}
VALID = CASES["valid_minimal"]["token"]
NOW = str(CASES["valid_minimal"]["now"])


def run(
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "SECRET"}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "tiledesk_jwt_gui.cli", *args],
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        check=False,
    )


def as_json(result: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_verify_accepts_a_valid_token() -> None:
    result = run(
        "verify",
        VALID,
        "--secret-env",
        "SECRET",
        "--project-id",
        PROJECT,
        "--at",
        NOW,
        env={"SECRET": SECRET},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "Tiledesk would accept this token"
    assert SECRET not in result.stdout + result.stderr


def test_verify_json_contract() -> None:
    result = run(
        "verify", VALID, "--secret-env", "SECRET", "--at", NOW, "--json", env={"SECRET": SECRET}
    )
    data = as_json(result)
    assert result.returncode == 0
    assert data["accepted"] is True
    assert data["signature"] == "verified"
    assert data["header"] == {"alg": "HS256", "typ": "JWT"}
    assert data["payload"]["sub"] == "userexternal"
    assert isinstance(data["issues"], list)
    assert data["notices"] == []
    for issue in data["issues"]:
        assert set(issue) >= {"claim", "severity", "code", "message"}


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("expired", "jwt expired"),
        ("wrong_secret", "invalid signature"),
        ("aud_not_a_url", "Invalid URL"),
        ("alg_none", "jwt signature is required"),
    ],
)
def test_verify_rejections_exit_1_with_the_servers_reason(name: str, reason: str) -> None:
    case = CASES[name]
    result = run(
        "verify",
        "-",
        "--secret-env",
        "SECRET",
        "--at",
        str(case["now"]),
        "--json",
        stdin=case["token"] + "\n",
        env={"SECRET": SECRET},
    )
    assert result.returncode == 1
    data = as_json(result)
    assert data["accepted"] is False
    assert data["server"]["reason"] == reason
    assert any(i["severity"] == "error" for i in data["issues"])


def test_secret_from_a_file(tmp_path: Path) -> None:
    secret_file = tmp_path / "secret.txt"
    secret_file.write_text(SECRET + "\n")
    result = run("verify", VALID, "--secret-file", str(secret_file), "--at", NOW)
    assert result.returncode == 0, result.stdout


def test_rs256_with_a_key_file(tmp_path: Path) -> None:
    key_file = tmp_path / "public.pem"
    key_file.write_text(public_pem(rsa_private()))
    token = sign_token(None, {"sub": "x"}, load_key_text(private_pem(rsa_private()))[0], "RS256")
    result = run("verify", token, "--key", str(key_file), "--profile", "generic", "--json")
    assert result.returncode == 0, result.stdout
    assert as_json(result)["signature"] == "verified"


@pytest.mark.parametrize(
    "text",
    ["", "not a token", "a.b", "a.b.c.d.e", "eyJhbGciOiJIUzI1NiJ9.e30", "x" * 100],
)
def test_decode_never_fails_with_a_traceback(text: str) -> None:
    result = run("decode", "--json", stdin=text)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    data = as_json(result)
    assert data["accepted"] is False
    assert data["issues"]


def test_decode_reports_no_key() -> None:
    result = run("decode", VALID, "--json")
    assert result.returncode == 0
    data = as_json(result)
    assert (data["signature"], data["accepted"]) == ("no_key", False)


def test_decode_names_the_five_part_jwe() -> None:
    result = run("decode", "a.b.c.d.e")
    assert "encrypted tokens are not supported" in result.stdout


@pytest.mark.parametrize("option", ["--secret", "--password", "-s"])
def test_secret_as_a_plain_argument_is_refused(option: str) -> None:
    result = run("verify", VALID, option, SECRET)
    assert result.returncode == 2
    assert "never taken as a plain argument" in result.stderr
    assert SECRET not in result.stderr + result.stdout


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["verify", VALID, "--secret-env", "NOPE_NOT_SET"], "NOPE_NOT_SET is not set"),
        (["verify", VALID, "--key", "/nonexistent/key.pem"], "cannot read the key file"),
        (["verify", VALID, "--at", "someday"], "not a time"),
        (["verify", VALID, "--profile", "strict"], "invalid choice"),
        (
            ["sign", "--project-id", "nothex", "--secret-env", "SECRET", "--user-id", "1"],
            "24 hexadecimal",
        ),
        (["sign", "--project-id", PROJECT, "--secret-env", "SECRET"], "no _id"),
        (
            [
                "sign",
                "--project-id",
                PROJECT,
                "--secret-env",
                "SECRET",
                "--user-id",
                "1",
                "--expires-in",
                "soon",
            ],
            "not a duration",
        ),
        (
            [
                "sign",
                "--project-id",
                PROJECT,
                "--secret-env",
                "SECRET",
                "--user-id",
                "1",
                "--attributes",
                "[1]",
            ],
            "must be a JSON object",
        ),
        (["sign", "--project-id", PROJECT, "--user-id", "1"], "sign needs a secret"),
    ],
)
def test_usage_errors_exit_2_with_a_message(args: list[str], words: str) -> None:
    result = run(*args, env={"SECRET": SECRET})
    assert result.returncode == 2
    assert words in result.stderr
    assert "Traceback" not in result.stderr


def test_sign_then_verify_round_trip(tmp_path: Path) -> None:
    claims = tmp_path / "claims.json"
    claims.write_text(json.dumps({"plan": "pro", "email": "overridden@example.com"}))
    signed = run(
        "sign",
        "--project-id",
        PROJECT,
        "--secret-env",
        "SECRET",
        "--user-id",
        "42",
        "--email",
        "ada@example.com",
        "--firstname",
        "Ada",
        "--attributes",
        '{"seats": 3}',
        "--claims",
        str(claims),
        "--expires-in",
        "5m",
        "--alg",
        "HS512",
        env={"SECRET": SECRET},
    )
    assert signed.returncode == 0, signed.stderr
    token = signed.stdout.strip()
    assert SECRET not in signed.stdout
    result = run(
        "verify",
        token,
        "--secret-env",
        "SECRET",
        "--project-id",
        PROJECT,
        "--json",
        env={"SECRET": SECRET},
    )
    data = as_json(result)
    assert result.returncode == 0
    payload = data["payload"]
    assert payload["_id"] == f"{PROJECT}_42"
    assert payload["aud"] == f"https://tiledesk.com/projects/{PROJECT}"
    assert payload["sub"] == "userexternal"
    assert payload["email"] == "ada@example.com"  # options win over the claims file
    assert payload["plan"] == "pro"
    assert payload["attributes"] == {"seats": 3}
    assert 290 <= payload["exp"] - time.time() <= 300
    assert data["header"]["alg"] == "HS512"


def test_ask_reads_the_secret_from_the_terminal_without_echo() -> None:
    pid, fd = pty.fork()
    if pid == 0:  # the child: the CLI with a real controlling terminal
        os.execv(
            sys.executable,
            [sys.executable, "-m", "tiledesk_jwt_gui.cli", "verify", VALID, "--ask", "--at", NOW],
        )
    output = b""
    deadline = time.monotonic() + 30
    while b"Secret" not in output and time.monotonic() < deadline:
        output += os.read(fd, 1024)
    os.write(fd, SECRET.encode() + b"\n")
    while time.monotonic() < deadline:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    _, status = os.waitpid(pid, 0)
    text = output.decode(errors="replace")
    assert os.waitstatus_to_exitcode(status) == 0, text
    assert "Tiledesk would accept this token" in text
    assert SECRET not in text  # not echoed, not printed
