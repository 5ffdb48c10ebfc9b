"""The project book in the frozen bundle: with the keyring backends of other systems (and the
modules only they need) left out of it, the bundle's own ``tiledesk-jwt`` still stores a secret
in a real Secret Service (gnome-keyring on a private D-Bus session), reads it back, verifies
with it and forgets it; without a keyring it says so in one clean line. Skipped when nothing is
built (``make test`` builds the bundle first) or when no Secret Service can be started."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.book.secret_service import SecretServiceMissing, Session, base_env, secret_service
from tiledesk_jwt_gui.core import secret_fingerprint, secret_key, sign_token, tiledesk_claims

from .scripts import BUNDLE

CLI = BUNDLE / ("tiledesk-jwt.exe" if sys.platform == "win32" else "tiledesk-jwt")
PROJECT = "65a1b2c3d4e5f60718293a4b"
SECRET = "frozen-book-secret-2b7e1c9d-4f3a-4d6b-8e0f"

pytestmark = [
    pytest.mark.skipif(not CLI.is_file(), reason=f"no bundle: {CLI} (make frozen-smoke)"),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Secret Service: Linux"),
]


def frozen(
    env: dict[str, str], *args: str, extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CLI), *args],
        env={**env, **(extra or {})},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    try:
        with secret_service(tmp_path / "home") as running:
            yield running
    except SecretServiceMissing as exc:
        pytest.skip(f"no Secret Service: {exc}")


def test_the_frozen_command_line_keeps_a_secret_in_the_secret_service(session: Session) -> None:
    env = session.env
    added = frozen(
        env,
        "book",
        "add",
        "work",
        "--project-id",
        PROJECT,
        "--secret-env",
        "S",
        extra={"S": SECRET},
    )
    assert added.returncode == 0, added.stderr
    assert added.stderr == ""
    listed = frozen(env, "book", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    (project,) = json.loads(listed.stdout)["projects"]
    assert project["secret"] == secret_fingerprint(SECRET)
    token = sign_token(
        None, tiledesk_claims(PROJECT, user_id="7", expires_in=600), secret_key(SECRET), "HS256"
    )
    verified = frozen(env, "verify", "--project", "work", token)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    forgotten = frozen(env, "book", "forget", "work")
    assert forgotten.returncode == 0, forgotten.stderr
    assert json.loads(frozen(env, "book", "list", "--json").stdout)["projects"] == []


def test_without_a_keyring_the_frozen_command_line_says_so_cleanly(tmp_path: Path) -> None:
    env = base_env(tmp_path / "home")
    env["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={tmp_path / 'no-bus-here'}"
    refused = frozen(
        env,
        "book",
        "add",
        "work",
        "--project-id",
        PROJECT,
        "--secret-env",
        "S",
        extra={"S": SECRET},
    )
    assert refused.returncode == 2
    assert "no system keyring is available" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert "Error initializing plugin" not in refused.stderr
