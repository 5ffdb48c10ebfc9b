"""A real Secret Service for the book's tests: ``gnome-keyring-daemon`` on a private D-Bus
session bus (``dbus-run-session``), in a throw-away HOME.

The keyring is created with a password, so gnome-keyring encrypts its file (with an empty
password it would write the secrets in clear, and the "no secret in any file" check would be
testing gnome-keyring instead of this app).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

KEYRING_PASSWORD: Final = "test-keyring-password"
START_TIMEOUT_S: Final = 30.0


class SecretServiceMissing(Exception):
    """dbus-run-session or gnome-keyring-daemon is not here; the message says which."""


@dataclass(frozen=True)
class Session:
    """A running Secret Service and the environment that reaches it."""

    home: Path
    env: dict[str, str]

    def cli(
        self, *args: str, extra: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        """``tiledesk-jwt ARGS`` in a process of its own, on this session."""
        return subprocess.run(
            [sys.executable, "-m", "tiledesk_jwt_gui.cli", *args],
            env={**self.env, **(extra or {})},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    def python(self, code: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", code],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )


def base_env(home: Path) -> dict[str, str]:
    """The test process's environment, with every per-user folder moved under ``home``."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DBUS_", "XDG_", "GNOME_KEYRING", "PYTHON_KEYRING", "TILEDESK_"))
    }
    runtime = home / "run"
    runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_RUNTIME_DIR=str(runtime),
    )
    return env


@contextlib.contextmanager
def secret_service(home: Path) -> Iterator[Session]:
    for tool, package in (("dbus-run-session", "dbus"), ("gnome-keyring-daemon", "gnome-keyring")):
        if shutil.which(tool) is None:
            raise SecretServiceMissing(
                f"{tool} is not on PATH (Debian package {package}; make test-deps)"
            )
    env = base_env(home)
    script = (
        f"printf %s {KEYRING_PASSWORD} | gnome-keyring-daemon --unlock --components=secrets "
        '>/dev/null && echo "READY $DBUS_SESSION_BUS_ADDRESS" && exec sleep 3600'
    )
    process = subprocess.Popen(
        ["dbus-run-session", "--", "sh", "-c", script],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline().strip()
        if not line.startswith("READY unix:"):
            raise SecretServiceMissing(f"gnome-keyring-daemon did not start (it said {line!r})")
        env["DBUS_SESSION_BUS_ADDRESS"] = line.removeprefix("READY ")
        yield Session(home, env)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=START_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=START_TIMEOUT_S)
        if process.stdout is not None:
            process.stdout.close()


def files_holding(root: Path, needle: bytes) -> list[Path]:
    """Every file under ``root`` whose bytes contain ``needle``."""
    found = []
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with contextlib.suppress(OSError):
                if needle in path.read_bytes():
                    found.append(path)
    return found
