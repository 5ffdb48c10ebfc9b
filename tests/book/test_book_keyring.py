"""The project book against a real Secret Service (gnome-keyring on a private D-Bus session):
store, read back from other processes, use, rotate, forget, and no secret in any file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.book.secret_service import SecretServiceMissing, Session, files_holding, secret_service
from tiledesk_jwt_gui.core import secret_fingerprint, secret_key, sign_token, tiledesk_claims
from tiledesk_jwt_gui.core.book import BOOK_FILE_NAME, KEYRING_SERVICE

PROJECT = "65a1b2c3d4e5f60718293a4b"
SECRET = "book-test-secret-7f3a9c1e-2b4d-4e8f-a1c6"
NEW_SECRET = "book-test-secret-rotated-0d9e8f7a6b5c4d3e"


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    try:
        with secret_service(tmp_path / "home") as running:
            yield running
    except SecretServiceMissing as exc:
        pytest.skip(f"no Secret Service for the book tests: {exc}")


def _keyring_read(session: Session, name: str) -> str:
    done = session.python(
        f"import keyring; print(repr(keyring.get_password({KEYRING_SERVICE!r}, {name!r})))"
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def _listed(session: Session) -> list[dict[str, str | None]]:
    done = session.cli("book", "list", "--json")
    assert done.returncode == 0, done.stderr
    projects: list[dict[str, str | None]] = json.loads(done.stdout)["projects"]
    return projects


def test_the_book_round_trips_through_the_secret_service(session: Session) -> None:
    added = session.cli(
        "book",
        "add",
        "work",
        "--project-id",
        PROJECT,
        "--secret-env",
        "BOOK_SECRET",
        extra={"BOOK_SECRET": SECRET},
    )
    assert added.returncode == 0, added.stderr
    assert secret_fingerprint(SECRET) in added.stdout
    assert SECRET not in added.stdout + added.stderr

    # Read back by other processes: the CLI's list, and keyring itself.
    assert _listed(session) == [
        {
            "name": "work",
            "project_id": PROJECT,
            "server": "https://api.tiledesk.com/v3/",
            "secret": secret_fingerprint(SECRET),
            "rotation_note": None,
        }
    ]
    assert _keyring_read(session, "work") == repr(SECRET)

    # verify and sign take the project and its secret from the book.
    token = sign_token(
        None, tiledesk_claims(PROJECT, user_id="7", expires_in=600), secret_key(SECRET), "HS256"
    )
    verified = session.cli("verify", "--project", "work", token)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    signed = session.cli("sign", "--project", "work", "--user-id", "8", "--expires-in", "5m")
    assert signed.returncode == 0, signed.stderr
    checked = session.cli(
        "verify",
        "--project-id",
        PROJECT,
        "--secret-env",
        "S",
        signed.stdout.strip(),
        extra={"S": SECRET},
    )
    assert checked.returncode == 0, checked.stdout

    # Replacing the secret leaves a rotation note.
    rotated = session.cli(
        "book",
        "add",
        "work",
        "--project-id",
        PROJECT,
        "--secret-env",
        "BOOK_SECRET",
        extra={"BOOK_SECRET": NEW_SECRET},
    )
    assert rotated.returncode == 0, rotated.stderr
    (entry,) = _listed(session)
    assert entry["secret"] == secret_fingerprint(NEW_SECRET)
    assert str(entry["rotation_note"]).startswith("secret changed on ")

    # Neither secret is in any file under HOME: only in the (encrypted) keyring.
    book = session.home / ".config" / "tiledesk-jwt-gui" / BOOK_FILE_NAME
    assert book.is_file()
    for secret in (SECRET, NEW_SECRET):
        for encoded in (secret.encode("utf-8"), secret.encode("utf-16-le")):
            assert files_holding(session.home, encoded) == []
    assert "secret_in_keyring" in book.read_text("utf-8")

    forgotten = session.cli("book", "forget", "work")
    assert forgotten.returncode == 0, forgotten.stderr
    assert _keyring_read(session, "work") == "None"
    assert _listed(session) == []
    again = session.cli("verify", "--project", "work", token)
    assert again.returncode == 2
    assert "no project named 'work'" in again.stderr


def test_without_a_keyring_the_secret_is_refused_and_never_written(tmp_path: Path) -> None:
    from tests.book.secret_service import base_env

    home = tmp_path / "home"
    env = base_env(home)
    env["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={tmp_path / 'no-bus-here'}"
    session = Session(home, env)
    refused = session.cli(
        "book",
        "add",
        "work",
        "--project-id",
        PROJECT,
        "--secret-env",
        "BOOK_SECRET",
        extra={"BOOK_SECRET": SECRET},
    )
    assert refused.returncode == 2
    assert "no system keyring is available" in refused.stderr
    assert files_holding(home, SECRET.encode("utf-8")) == []
    # Without a secret the book still remembers the project.
    plain = session.cli("book", "add", "work", "--project-id", PROJECT)
    assert plain.returncode == 0, plain.stderr
    assert _listed(session)[0]["secret"] == "no secret stored"
