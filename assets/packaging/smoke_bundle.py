"""Smoke-test the two installed programs: a PyInstaller bundle folder or a venv's bin folder.

    python assets/packaging/smoke_bundle.py dist/tiledesk-jwt-gui     (make frozen-smoke)
    python assets/packaging/smoke_bundle.py build/wheel-venv/bin      (make wheel-smoke)

Checks, each with its reason on failure (exit 1):

- ``tiledesk-jwt-gui --smoke`` exits 0 offscreen: the window was built, the embedded HS256 sample
  verified, and freshly signed RS256 and ES256 samples verified (Qt plugins and the crypto
  backend are inside);
- ``tiledesk-jwt --version`` names the version of pyproject.toml (the metadata is inside);
- ``tiledesk-jwt sign`` then ``verify`` round-trips a token with a random secret passed through an
  environment variable, and a wrong secret is refused (exit 1);
- on Linux, every system library that the Qt platform plugins it holds (xcb, wayland) and the
  Qt libraries they load link is one ``make run``'s check and the README know the package of
  (``tiledesk_jwt_gui.platform_check.PACKAGES``).
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
    if sys.platform.startswith("linux"):
        passed.append(check_platform_packages(folder))
    return passed


def _pyside_folder(folder: Path) -> Path:
    """PySide6 in a bundle folder, or in the venv whose bin folder ``folder`` is."""
    candidates = [folder / "_internal" / "PySide6", folder / "PySide6"]
    candidates += sorted(folder.parent.glob("lib/python3*/site-packages/PySide6"))
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise SmokeFailure(f"no PySide6 folder in or next to {folder}")


def check_platform_packages(folder: Path) -> str:
    """Every system library the platform plugins need has a known package (Linux)."""
    from tiledesk_jwt_gui.platform_check import needed_packages  # noqa: PLC0415

    pyside = _pyside_folder(folder)
    platforms = pyside / "Qt" / "plugins" / "platforms"
    plugins = [platforms / f"libq{name}.so" for name in ("xcb", "wayland")]
    plugins = [plugin for plugin in plugins if plugin.is_file()]
    if not any(plugin.name == "libqxcb.so" for plugin in plugins):
        raise SmokeFailure(f"Qt's xcb platform plugin is missing from {platforms}")
    inside = folder if (folder / "_internal").is_dir() else pyside
    try:
        packages = needed_packages(plugins, inside, os.environ)
    except KeyError as exc:
        raise SmokeFailure(
            f"the platform plugins link a system library make run cannot install: {exc.args[0]} "
            "(add it to PACKAGES in tiledesk_jwt_gui/platform_check.py and to the README)"
        ) from None
    except OSError as exc:
        raise SmokeFailure(f"the platform plugins' libraries cannot be listed: {exc}") from None
    names = ", ".join(plugin.name for plugin in plugins)
    return f"{names}: every system library has a package ({len(packages['debian'])} on Debian)"


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
