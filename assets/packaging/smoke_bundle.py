"""Smoke-test the two installed programs: a PyInstaller bundle folder or a venv's bin folder.

    python assets/packaging/smoke_bundle.py dist/tiledesk-jwt-gui     (make frozen-smoke)
    python assets/packaging/smoke_bundle.py build/wheel-venv/bin      (make wheel-smoke)

Checks, each with its reason on failure (exit 1):

- ``tiledesk-jwt-gui --smoke`` exits 0 offscreen: the window was built, the embedded HS256 sample
  verified, and freshly signed RS256 and ES256 samples verified (Qt plugins and the crypto
  backend are inside);
- ``tiledesk-jwt --version`` names the version of pyproject.toml (the metadata is inside);
- ``tiledesk-jwt sign`` then ``verify`` round-trips a token with a random secret passed through an
  environment variable, and a wrong secret is refused (exit 1).
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import subprocess
import sys
import time
import tomllib
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROJECT_ID = "65a1b2c3d4e5f60718293a4b"
SECRET_VARIABLE = "TILEDESK_JWT_SMOKE_SECRET"  # noqa: S105 (a variable name, not a secret)
TIMEOUT = 180  # seconds; a cold start on a loaded CI machine, far above the usual half second


class SmokeFailure(Exception):
    """A check failed; the message says which and why."""


def find_program(folder: Path, name: str) -> Path:
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file():
            return candidate
    raise SmokeFailure(f"{name} is missing from {folder}")


def run(command: Sequence[str | Path], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            [str(part) for part in command],
            capture_output=True,
            text=True,
            env=env,
            timeout=TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise SmokeFailure(f"{Path(command[0]).name} {command[1]} hung for {TIMEOUT} s") from exc


def explain(result: subprocess.CompletedProcess[str]) -> str:
    output = "\n".join(part.strip() for part in (result.stderr, result.stdout) if part.strip())
    return f"exit {result.returncode}" + (f":\n{output}" if output else " and no output")


def expected_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return str(tomllib.load(file)["project"]["version"])


def check(folder: Path) -> list[str]:
    """Run every check on the programs in ``folder``; one line per passed check."""
    gui = find_program(folder, "tiledesk-jwt-gui")
    cli = find_program(folder, "tiledesk-jwt")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    passed = []

    started = time.perf_counter()
    result = run([gui, "--smoke"], env)
    if result.returncode != 0:
        raise SmokeFailure(f"{gui} --smoke failed, {explain(result)}")
    passed.append(f"{gui.name} --smoke passed in {time.perf_counter() - started:.2f} s")

    version = expected_version()
    result = run([cli, "--version"], env)
    printed = (result.stdout + result.stderr).strip()
    if result.returncode != 0 or version not in printed.split():
        raise SmokeFailure(f"{cli} --version should name {version}, {explain(result)}")
    passed.append(f"{cli.name} --version: {printed}")

    env[SECRET_VARIABLE] = secrets.token_urlsafe(32)
    project = ["--project-id", PROJECT_ID, "--secret-env", SECRET_VARIABLE]
    result = run([cli, "sign", *project, "--user-id", "42", "--expires-in", "1h"], env)
    token = result.stdout.strip()
    if result.returncode != 0 or token.count(".") != 2:
        raise SmokeFailure(f"{cli} sign should print a token, {explain(result)}")
    result = run([cli, "verify", token, *project, "--json"], env)
    if result.returncode != 0:
        raise SmokeFailure(f"{cli} verify refused its own token, {explain(result)}")
    verdict = json.loads(result.stdout)
    if verdict.get("accepted") is not True or verdict.get("signature") != "verified":
        raise SmokeFailure(f"{cli} verify --json: not accepted and verified: {result.stdout}")
    env[SECRET_VARIABLE] = secrets.token_urlsafe(32)
    result = run([cli, "verify", token, *project], env)
    if result.returncode != 1:
        raise SmokeFailure(f"{cli} verify should reject a wrong secret (exit 1), {explain(result)}")
    passed.append(f"{cli.name} sign/verify round trip passed; a wrong secret is rejected")
    return passed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the bundle folder or the venv's bin folder")
    args = parser.parse_args(argv)
    try:
        for line in check(args.folder):
            print(f"smoke ({args.folder}): {line}")
    except SmokeFailure as failure:
        print(f"SMOKE TEST FAILED ({args.folder}): {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
