"""The command line against hostile inputs (issue 9): bounded reads, binary input, numbers that
are not numbers, terminal escapes, odd locales, closed pipes, secrets where names belong, no
terminal for --ask. Every test runs the real CLI in a child process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.core.hostile import (
    CLAIMS,
    HOSTILE_NUMBERS,
    NOW,
    PROJECT,
    SECRET,
    TERMINAL_ESCAPES,
    catalogue,
    unsafe_characters,
)
from tests.core.keys_for_tests import ec_private, private_pem, public_pem
from tiledesk_jwt_gui.core import load_key_text, secret_key, sign_token

CLI = [sys.executable, "-m", "tiledesk_jwt_gui.cli"]
EXPIRED = sign_token(None, {**CLAIMS, "exp": NOW - 3600}, secret_key(SECRET), "HS256")
VALID = sign_token(None, dict(CLAIMS), secret_key(SECRET), "HS256")


def run(
    *args: str,
    stdin: bytes = b"",
    env: dict[str, str] | None = None,
    **options: Any,
) -> subprocess.CompletedProcess[bytes]:
    environment = {k: v for k, v in os.environ.items() if k not in ("SECRET", "LC_ALL")}
    environment.update(env or {})
    return subprocess.run(
        [*CLI, *args],
        input=stdin,
        capture_output=True,
        env=environment,
        timeout=60,
        check=False,
        **options,
    )


def err(result: subprocess.CompletedProcess[bytes]) -> str:
    return result.stderr.decode("utf-8", "replace")


def verify_args(*extra: str) -> list[str]:
    return ["verify", "-", "--secret-env", "SECRET", "--at", str(NOW), *extra]


# --- 1. bounded reads -------------------------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["verify", VALID, "--secret-file", "/dev/zero"], "the secret file (the path given to "),
        (["verify", VALID, "--key", "/dev/zero"], "the key file '/dev/zero' is over 256 KiB"),
        (
            ["sign", "--project-id", PROJECT, "--secret-env", "SECRET", "--claims", "/dev/zero"],
            "the claims file '/dev/zero' is over 1 MiB",
        ),
        (
            ["sign", "--project-id", PROJECT, "--secret-env", "SECRET", "--header", "/dev/zero"],
            "the header file '/dev/zero' is over 1 MiB",
        ),
    ],
)
def test_endless_files_are_refused_at_their_limit(args: list[str], words: str) -> None:
    result = run(*args, env={"SECRET": SECRET})
    assert result.returncode == 2, err(result)
    assert words in err(result)
    assert "Traceback" not in err(result)


def test_a_50_mb_secret_file_is_refused_not_used(tmp_path: Path) -> None:
    secret_file = tmp_path / "secret"
    with secret_file.open("wb") as file:  # sparse: 50 MB on paper, nothing on disk
        file.write(SECRET.encode())
        file.truncate(50 * 1024 * 1024)
    result = run("verify", VALID, "--secret-file", str(secret_file), "--at", str(NOW))
    assert result.returncode == 2
    assert err(result) == (
        "tiledesk-jwt: error: the secret file (the path given to --secret-file) is over 16 KiB, "
        "the limit for it; not read\n"
    )


def test_an_endless_pipe_on_standard_input_is_refused() -> None:
    with subprocess.Popen(["yes"], stdout=subprocess.PIPE) as yes:
        result = subprocess.run(
            [*CLI, "decode"], stdin=yes.stdout, capture_output=True, timeout=60, check=False
        )
        yes.kill()
    assert result.returncode == 2
    assert b"standard input is over 1 MiB, the limit for it" in result.stderr


# --- 5. binary standard input -----------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["decode"],
        [
            "sign",
            "--project-id",
            PROJECT,
            "--secret-env",
            "SECRET",
            "--user-id",
            "1",
            "--claims",
            "-",
        ],
    ],
)
def test_binary_standard_input_is_named_not_a_traceback(args: list[str]) -> None:
    result = run(*args, stdin=b'{"a": 1}\xff\xfe\x00', env={"SECRET": SECRET})
    assert result.returncode == 2
    assert err(result) == "tiledesk-jwt: error: standard input is not UTF-8 text at byte 9\n"


def test_a_key_file_that_is_not_text_names_the_byte(tmp_path: Path) -> None:
    key_file = tmp_path / "key.der"
    key_file.write_bytes(b"\x30\x82\x01\x22")
    result = run("verify", VALID, "--key", str(key_file))
    assert result.returncode == 2
    assert f"the key file '{key_file}' is not UTF-8 text at byte 2" in err(result)


# --- 2. numbers -------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [*HOSTILE_NUMBERS, "86401"])
def test_leeway_must_be_a_finite_number_of_seconds(value: str) -> None:
    # Before: nan, inf and 1e400 accepted this expired token with exit 0.
    result = run(*verify_args(f"--leeway={value}"), stdin=EXPIRED.encode(), env={"SECRET": SECRET})
    assert result.returncode == 2, result.stdout
    assert "is not a leeway: give a number of seconds from 0 to 86400" in err(result)


def test_a_real_leeway_still_works() -> None:
    ok = run(*verify_args("--leeway", "3601"), stdin=EXPIRED.encode(), env={"SECRET": SECRET})
    assert ok.returncode == 0, err(ok)
    refused = run(*verify_args("--leeway", "0"), stdin=EXPIRED.encode(), env={"SECRET": SECRET})
    assert refused.returncode == 1


@pytest.mark.parametrize("value", [v for v in HOSTILE_NUMBERS if v != "-1"])
def test_at_must_be_a_time(value: str) -> None:
    result = run("verify", VALID, "--secret-env", "SECRET", f"--at={value}", env={"SECRET": SECRET})
    assert result.returncode == 2
    assert "Traceback" not in err(result)


@pytest.mark.parametrize("value", [v for v in HOSTILE_NUMBERS if v != "-1"])
def test_expires_in_must_be_a_duration(value: str) -> None:
    result = run(
        "sign",
        "--project-id",
        PROJECT,
        "--secret-env",
        "SECRET",
        "--user-id",
        "1",
        f"--expires-in={value}",
        env={"SECRET": SECRET},
    )
    assert result.returncode == 2
    assert result.stdout == b""
    assert "Traceback" not in err(result)


# --- 3 and 6. terminal escapes, --json, odd locales -------------------------------------------

CATALOGUE = {h.name: h for h in catalogue()}
TAINTED = [
    CATALOGUE[f"escape_{index}_{where}"]
    for index in range(len(TERMINAL_ESCAPES))
    for where in ("in_claims", "in_alg")
]
# A fake verdict, a bidi override, a C1 CSI: enough to show each locale's own encoding at work.
SAMPLES = [
    CATALOGUE[name] for name in ("escape_1_in_claims", "escape_3_in_alg", "escape_5_in_claims")
]
LOCALES = {
    "LC_ALL=C": {"LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": ""},
    "ascii": {"PYTHONIOENCODING": "ascii"},
    "cp1252": {"PYTHONIOENCODING": "cp1252"},
}


def assert_report_is_safe(result: subprocess.CompletedProcess[bytes], name: str) -> None:
    assert result.returncode in (0, 1), (name, err(result))
    assert "Traceback" not in err(result)
    text = result.stdout.decode("utf-8", "replace")
    assert text.split("\n")[0].startswith("Tiledesk would"), name
    for line in text.split("\n"):
        assert unsafe_characters(line) == [], (name, line[:200])


def test_the_text_report_prints_no_escape() -> None:
    for item in TAINTED:
        result = run(*verify_args(), stdin=item.token.encode(), env={"SECRET": SECRET})
        assert_report_is_safe(result, item.name)


@pytest.mark.parametrize("locale", LOCALES.values(), ids=LOCALES.keys())
def test_the_text_report_survives_any_locale(locale: dict[str, str]) -> None:
    for item in SAMPLES:
        result = run(*verify_args(), stdin=item.token.encode(), env={"SECRET": SECRET, **locale})
        assert_report_is_safe(result, item.name)


@pytest.mark.parametrize("locale", [{}, *LOCALES.values()], ids=["default", *LOCALES.keys()])
def test_json_is_ascii_and_exact_in_any_locale(locale: dict[str, str]) -> None:
    for item in [*SAMPLES, CATALOGUE["lone_surrogates"]]:
        result = run(
            *verify_args("--json"), stdin=item.token.encode(), env={"SECRET": SECRET, **locale}
        )
        assert result.returncode in (0, 1), (item.name, err(result))
        assert result.stdout.isascii()
        data = json.loads(result.stdout)
        assert data["payload"] == load_payload(item.token), item.name


def load_payload(token: str) -> object:
    import base64

    segment = token.split(".")[1]
    raw = base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
    try:
        return json.loads(raw)
    except ValueError:
        return None


def test_json_keeps_lone_surrogates_as_escapes() -> None:
    item = CATALOGUE["lone_surrogates"]
    result = run(*verify_args("--json"), stdin=item.token.encode(), env={"SECRET": SECRET})
    assert b'"firstname": "\\udc00\\ud800"' in result.stdout


def test_error_messages_escape_what_they_quote(tmp_path: Path) -> None:
    name = tmp_path / f"key{TERMINAL_ESCAPES[0]}.pem"
    result = run("verify", VALID, "--key", str(name))
    assert result.returncode == 2
    assert b"\x1b" not in result.stderr
    assert "key\\u001b[2J\\u001b[H.pem" in err(result)
    extra = run("verify", VALID, "\x1b[2Jextra")  # argparse quotes it raw
    assert extra.returncode == 2
    assert b"\x1b" not in extra.stderr
    assert "unrecognized arguments: \\u001b[2Jextra" in err(extra)


# --- 7. a closed pipe -------------------------------------------------------------------------

# Standard output buffered, as it is for people (PYTHONUNBUFFERED hides the failure at exit).
BUFFERED = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}


@pytest.mark.parametrize(
    ("args", "code"),
    [(["decode", VALID], 0), (["verify", EXPIRED, "--json"], 1), (["verify", EXPIRED], 1)],
)
def test_a_closed_pipe_ends_quietly_with_the_verdicts_code(args: list[str], code: int) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first byte: `| true`
    try:
        result = subprocess.run(
            [*CLI, *args, "--secret-env", "SECRET", "--at", str(NOW)]
            if args[0] == "verify"
            else [*CLI, *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            env={**BUFFERED, "SECRET": SECRET},
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert result.stderr == b""
    assert result.returncode == code


def test_a_pipe_closed_after_one_byte_ends_quietly() -> None:
    # A report far larger than a pipe's buffer: the CLI is still writing when the reader leaves.
    big = sign_token(None, {**CLAIMS, "blob": "a" * 300_000}, secret_key(SECRET), "HS256")
    with subprocess.Popen(
        [*CLI, "decode", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=BUFFERED,
    ) as child:
        assert child.stdin is not None
        assert child.stdout is not None
        assert child.stderr is not None
        child.stdin.write(big.encode())
        child.stdin.close()
        assert child.stdout.read(1) == b"T"
        child.stdout.close()  # `| head -c1`
        stderr = child.stderr.read()
        code = child.wait(timeout=60)
    assert stderr == b""
    assert code == 0


# --- 10 and 11. secrets in the wrong place ----------------------------------------------------


@pytest.mark.parametrize(
    "secret",
    [SECRET, "s3cr3tPassw0rdWithMixedCase", "abcdefghijklmnopqrstuvwxyz012345", "QUJD/REVG+R0g="],
)
def test_a_secret_given_as_a_variable_name_is_never_printed(secret: str) -> None:
    result = run("verify", VALID, "--secret-env", secret)
    assert result.returncode == 2
    assert secret not in err(result) + result.stdout.decode()
    assert "no environment variable of that name" in err(result)
    assert "give the variable's name" in err(result)


def test_a_plain_variable_name_is_still_named() -> None:
    result = run("verify", VALID, "--secret-env", "TILEDESK_SECRET_2")
    assert err(result) == "tiledesk-jwt: error: environment variable TILEDESK_SECRET_2 is not set\n"


def test_a_secret_given_as_a_file_path_is_never_printed() -> None:
    result = run("verify", VALID, "--secret-file", SECRET)
    assert result.returncode == 2
    assert SECRET not in err(result)
    assert "cannot read the secret file (the path given to --secret-file)" in err(result)


@pytest.mark.skipif(not os.supports_bytes_environ, reason="environment values are not bytes here")
def test_a_secret_variable_that_is_not_utf8_is_refused() -> None:
    environment = {k.encode(): v.encode() for k, v in os.environ.items()}
    environment[b"SECRET"] = SECRET.encode() + b"\xff"
    result = subprocess.run(
        [*CLI, "verify", VALID, "--secret-env", "SECRET", "--at", str(NOW)],
        capture_output=True,
        env=environment,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert err(result) == (
        "tiledesk-jwt: error: environment variable SECRET is not UTF-8 text at byte 37\n"
    )
    assert SECRET not in err(result)


# --- 12. several keys in one file -------------------------------------------------------------


def test_a_pem_file_of_two_keys_verifies_with_the_second(tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric import ec

    other = ec.generate_private_key(ec.SECP256R1())
    key_file = tmp_path / "keys.pem"
    key_file.write_text(public_pem(other) + public_pem(ec_private("P-256")))
    token = sign_token(
        None, dict(CLAIMS), load_key_text(private_pem(ec_private("P-256")))[0], "ES256"
    )
    result = run("verify", token, "--key", str(key_file), "--profile", "generic", "--json")
    assert result.returncode == 0, result.stdout
    data = json.loads(result.stdout)
    assert data["signature"] == "verified"
    assert "thumbprint" in data["signature_detail"]


# --- 15. --ask without a terminal -------------------------------------------------------------


def test_ask_without_a_terminal_says_so() -> None:
    result = run(
        "verify",
        VALID,
        "--ask",
        stdin=SECRET.encode() + b"\n",
        start_new_session=True,  # no controlling terminal: getpass cannot open /dev/tty
    )
    assert result.returncode == 2
    assert err(result) == (
        "tiledesk-jwt: error: --ask needs a terminal; use --secret-env or --secret-file\n"
    )
