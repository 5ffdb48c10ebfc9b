"""The CLI's promises under attack: hostile input, no network, no secret left behind."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.hostile import NOW, PROJECT, SECRET, catalogue
from tiledesk_jwt_gui.core import MAX_TEXT_BYTES, MAX_TOKEN_CHARS

# Runs the CLI with an audit hook that turns any socket use into a failure: the real CLI, with
# the interpreter itself reporting every connection attempt.
NO_NETWORK = """
import sys
def guard(event, args):
    if event.startswith(("socket.", "urllib.", "http.")) or event in ("ssl.wrap_socket",):
        raise SystemExit(f"network attempt: {event}")
sys.addaudithook(guard)
from tiledesk_jwt_gui.cli import main
sys.exit(main(sys.argv[1:]))
"""


def run_offline(
    args: list[str], stdin: str, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", NO_NETWORK, *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.fixture
def sandbox_env(tmp_path: Path) -> dict[str, str]:
    """HOME, XDG dirs and TMPDIR inside tmp_path, so every file the CLI writes lands there."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    for name in (
        "HOME",
        "XDG_CONFIG_HOME",
        "XDG_CACHE_HOME",
        "XDG_DATA_HOME",
        "XDG_STATE_HOME",
        "TMPDIR",
    ):
        folder = tmp_path / name.lower()
        folder.mkdir()
        env[name] = str(folder)
    env["PROJECT_SECRET"] = SECRET
    return env


def all_text_under(folder: Path) -> str:
    return "".join(
        p.read_bytes().decode("utf-8", "replace") for p in folder.rglob("*") if p.is_file()
    )


def test_hostile_tokens_through_the_cli_offline_leave_no_secret(
    sandbox_env: dict[str, str], tmp_path: Path
) -> None:
    for item in catalogue():
        result = run_offline(
            [
                "verify",
                "-",
                "--secret-env",
                "PROJECT_SECRET",
                "--project-id",
                PROJECT,
                "--at",
                str(NOW),
                "--json",
            ],
            item.token,
            sandbox_env,
        )
        assert "network attempt" not in result.stderr
        assert "Traceback" not in result.stderr, item.name
        assert SECRET not in result.stdout + result.stderr
        if len(item.token.encode()) > MAX_TEXT_BYTES:  # refused while reading, before the core
            assert result.returncode == 2, (item.name, result.stderr)
            assert "standard input is over 1 MiB" in result.stderr
            continue
        assert result.returncode in (0, 1), (item.name, result.stderr)
        data = json.loads(result.stdout)
        if item.forged:
            assert data["signature"] != "verified", item.name
            assert data["accepted"] is False
        assert SECRET not in result.stdout + result.stderr
    assert SECRET not in all_text_under(tmp_path)


def test_sign_offline_leaves_no_secret(sandbox_env: dict[str, str], tmp_path: Path) -> None:
    result = run_offline(
        ["sign", "--project-id", PROJECT, "--secret-env", "PROJECT_SECRET", "--user-id", "42"],
        "",
        sandbox_env,
    )
    assert result.returncode == 0, result.stderr
    assert SECRET not in result.stdout + result.stderr
    assert SECRET not in all_text_under(tmp_path)


def test_oversized_input_is_refused_with_the_limit(sandbox_env: dict[str, str]) -> None:
    result = run_offline(["decode", "--json"], "x" * (MAX_TOKEN_CHARS + 10), sandbox_env)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "tiledesk-jwt: error: standard input is over 1 MiB, the limit for it; not read\n"
    )


def test_the_guard_itself_catches_a_connection(sandbox_env: dict[str, str]) -> None:
    """The audit hook would fail the tests above if the CLI ever opened a socket."""
    probe = NO_NETWORK.replace(
        "from tiledesk_jwt_gui.cli import main",
        "import socket; socket.create_connection(('127.0.0.1', 9))\nmain = None",
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env=sandbox_env,
        timeout=60,
        check=False,
    )
    assert "network attempt: socket." in result.stderr
