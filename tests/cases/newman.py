"""newman from npm, installed once into ``.cache/newman`` (under a file lock) for the tests that
run exported Postman collections."""

from __future__ import annotations

import contextlib
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Final

if sys.platform != "win32":
    import fcntl

NEWMAN_VERSION: Final = "6.2.2"
REPO_ROOT: Final = Path(__file__).resolve().parents[2]
CACHE: Final = REPO_ROOT / ".cache" / "newman"
INSTALL_TIMEOUT_S: Final = 600.0


class NewmanUnavailable(Exception):
    """newman cannot be used here; the message says why."""


@contextlib.contextmanager
def _locked(where: Path) -> Iterator[None]:
    if sys.platform == "win32":
        yield
        return
    with (where / ".lock").open("a+") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _installed(where: Path) -> str | None:
    manifest = where / "node_modules" / "newman" / "package.json"
    try:
        version = json.loads(manifest.read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError):
        return None
    return version if isinstance(version, str) else None


def ensure_newman() -> Path:
    """The newman executable, installed if needed."""
    npm = shutil.which("npm")
    if shutil.which("node") is None or npm is None:
        raise NewmanUnavailable("node and npm are needed to install and run newman")
    CACHE.mkdir(parents=True, exist_ok=True)
    executable = CACHE / "node_modules" / ".bin" / "newman"
    with _locked(CACHE):
        if _installed(CACHE) != NEWMAN_VERSION or not executable.exists():
            manifest = {
                "name": "tiledesk-jwt-gui-newman",
                "version": "0.0.0",
                "private": True,
                "description": "newman, to run exported QA collections in the tests (generated).",
                "license": "UNLICENSED",
                "dependencies": {"newman": NEWMAN_VERSION},
            }
            (CACHE / "package.json").write_text(json.dumps(manifest, indent=2) + "\n")
            try:
                done = subprocess.run(
                    [
                        npm,
                        "install",
                        "--no-audit",
                        "--no-fund",
                        "--ignore-scripts",
                        "--no-update-notifier",
                        "--loglevel=error",
                    ],
                    cwd=CACHE,
                    capture_output=True,
                    text=True,
                    timeout=INSTALL_TIMEOUT_S,
                    check=False,
                )
            except (OSError, subprocess.TimeoutExpired) as exc:
                raise NewmanUnavailable(f"npm install newman failed: {exc}") from exc
            if done.returncode != 0 or _installed(CACHE) != NEWMAN_VERSION:
                tail = " | ".join((done.stderr or done.stdout).strip().splitlines()[-5:])
                raise NewmanUnavailable(f"npm install newman failed in {CACHE}: {tail}")
    return executable
