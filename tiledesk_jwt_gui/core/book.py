"""The project book (opt-in): projects remembered by name, their secrets only in the system
keyring.

Two halves, kept apart:

- the **book file**, ``projects.json`` in the app's configuration folder (see
  :func:`config_dir`), holds what is not secret: each project's name, id, server URL, whether a
  secret is in the keyring, and the date it was last replaced (the rotation note). It never
  holds a secret, nor a hash of one (a hash of a weak secret can be guessed offline);
- the **keyring** (Secret Service on Linux, Keychain on macOS, Credential Locker on Windows,
  through the ``keyring`` package) holds each secret under the service ``tiledesk-jwt-gui`` and
  the project's name. Where no such keyring exists the book says so and stores no secret:
  there is no fallback to a file.

The window and the command line both read this file, so the format is plain JSON, written
atomically and readable only by its owner.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Final, Protocol

from .errors import CoreError, InputError
from .tiledesk import PROJECT_ID_PATTERN
from .widget_page import CLOUD_API_URL, checked_server

__all__ = [
    "BOOK_FILE_NAME",
    "CONFIG_DIR_ENV",
    "KEYRING_SERVICE",
    "Book",
    "BookEntry",
    "BookError",
    "KeyringStore",
    "KeyringUnavailable",
    "SecretStore",
    "book_path",
    "config_dir",
    "describe_secret",
    "forget_project",
    "forget_secret",
    "load_book",
    "remember_project",
    "save_book",
    "secret_fingerprint",
]

APP_DIR_NAME: Final = "tiledesk-jwt-gui"
BOOK_FILE_NAME: Final = "projects.json"
CONFIG_DIR_ENV: Final = "TILEDESK_JWT_CONFIG_DIR"
KEYRING_SERVICE: Final = "tiledesk-jwt-gui"
BOOK_FORMAT: Final = 1
MAX_NAME_CHARS: Final = 64
MAX_BOOK_BYTES: Final = 1 << 20
_ISO_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")
_NO_KEYRING: Final = (
    "no system keyring is available (on Linux: a Secret Service such as GNOME Keyring or "
    "KWallet, on a D-Bus session); the secret was not stored, and is never written to a file"
)


class BookError(CoreError):
    """The book file or the keyring cannot do what was asked; the message says why."""


class KeyringUnavailable(BookError):
    """No system keyring here (or it refused): secrets are not stored, never in a file."""


@dataclass(frozen=True)
class BookEntry:
    """One remembered project. No secret here: ``secret_in_keyring`` only says one was stored."""

    name: str
    project_id: str
    server: str = CLOUD_API_URL
    secret_in_keyring: bool = False
    secret_changed: str | None = None
    """ISO date on which a stored secret was replaced by a different one."""

    @property
    def rotation_note(self) -> str | None:
        return f"secret changed on {self.secret_changed}" if self.secret_changed else None


@dataclass(frozen=True)
class Book:
    entries: tuple[BookEntry, ...] = ()

    def find(self, name: str) -> BookEntry | None:
        return next((entry for entry in self.entries if entry.name == name), None)

    def for_project(self, project_id: str) -> tuple[BookEntry, ...]:
        """The entries for ``project_id`` (a pasted token's ``aud`` names it)."""
        wanted = project_id.lower()
        return tuple(entry for entry in self.entries if entry.project_id.lower() == wanted)


class SecretStore(Protocol):
    """Where secrets live: the system keyring (:class:`KeyringStore`)."""

    def get(self, name: str) -> str | None: ...

    def put(self, name: str, secret: str) -> None: ...

    def delete(self, name: str) -> None: ...


def config_dir() -> Path:
    """The app's configuration folder: ``$TILEDESK_JWT_CONFIG_DIR`` when set; else
    ``$XDG_CONFIG_HOME/tiledesk-jwt-gui`` (``~/.config/...``) on Linux, where the window's
    settings are too; ``~/Library/Application Support/tiledesk-jwt-gui`` on macOS;
    ``%APPDATA%\\tiledesk-jwt-gui`` on Windows."""
    configured = os.environ.get(CONFIG_DIR_ENV)
    if configured:
        return Path(configured).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / APP_DIR_NAME


def book_path() -> Path:
    return config_dir() / BOOK_FILE_NAME


def secret_fingerprint(secret: str) -> str:
    """A short, one-way mark to tell secrets apart on screen: the first 12 hex digits of the
    SHA-256 of its UTF-8 bytes. Shown, never stored."""
    digest = hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()
    return f"sha256:{digest[:12]}"


def _check_name(name: str) -> str:
    cleaned = name.strip()
    if not cleaned:
        raise BookError("the project's name in the book is empty")
    if len(cleaned) > MAX_NAME_CHARS:
        raise BookError(f"the project's name is longer than {MAX_NAME_CHARS} characters")
    if not cleaned.isprintable():
        raise BookError("the project's name holds invisible or control characters")
    return cleaned


def _check_project_id(project_id: str) -> str:
    if not PROJECT_ID_PATTERN.fullmatch(project_id):
        raise BookError(f"the project id {project_id!r} is not 24 hexadecimal characters")
    return project_id


def _entry_from_json(raw: object, where: Path) -> BookEntry:
    if not isinstance(raw, dict):
        raise BookError(f"the book {str(where)!r} is damaged: a project is not an object")
    try:
        name, project_id = raw["name"], raw["project_id"]
        server = raw.get("server", CLOUD_API_URL)
        stored = raw.get("secret_in_keyring", False)
        changed = raw.get("secret_changed")
    except KeyError as exc:
        raise BookError(f"the book {str(where)!r} is damaged: a project has no {exc}") from None
    if not (isinstance(name, str) and isinstance(project_id, str) and isinstance(server, str)):
        raise BookError(f"the book {str(where)!r} is damaged: a name, id or server is not text")
    if not isinstance(stored, bool) or not (changed is None or _ISO_DATE.fullmatch(changed)):
        raise BookError(f"the book {str(where)!r} is damaged: bad secret_* fields")
    try:
        server = checked_server(server)
    except InputError as exc:
        raise BookError(f"the book {str(where)!r} is damaged: {exc}") from None
    return BookEntry(_check_name(name), _check_project_id(project_id), server, stored, changed)


def load_book(path: Path | None = None) -> Book:
    """The book; empty when there is no file yet. A damaged file is a :class:`BookError`."""
    where = path or book_path()
    try:
        with where.open("rb") as handle:
            data = handle.read(MAX_BOOK_BYTES + 1)
    except FileNotFoundError:
        return Book()
    except OSError as exc:
        raise BookError(f"cannot read the book {str(where)!r}: {exc.strerror}") from None
    if len(data) > MAX_BOOK_BYTES:
        raise BookError(f"the book {str(where)!r} is larger than {MAX_BOOK_BYTES} bytes")
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BookError(f"the book {str(where)!r} is not JSON: {exc}") from None
    if not isinstance(document, dict) or not isinstance(document.get("projects"), list):
        raise BookError(f"the book {str(where)!r} is damaged: no list of projects")
    if document.get("format") != BOOK_FORMAT:
        raise BookError(f"the book {str(where)!r} has format {document.get('format')!r}, not 1")
    return Book(tuple(_entry_from_json(raw, where) for raw in document["projects"]))


def save_book(book: Book, path: Path | None = None) -> None:
    """Write the book atomically, readable by its owner only."""
    where = path or book_path()
    document = {
        "format": BOOK_FORMAT,
        "projects": [
            {
                "name": entry.name,
                "project_id": entry.project_id,
                "server": entry.server,
                "secret_in_keyring": entry.secret_in_keyring,
                "secret_changed": entry.secret_changed,
            }
            for entry in book.entries
        ],
    }
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".projects-", dir=where.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
            os.chmod(temporary, 0o600)
            os.replace(temporary, where)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
    except OSError as exc:
        raise BookError(f"cannot write the book {str(where)!r}: {exc.strerror}") from None


class KeyringStore:
    """The system keyring through ``keyring``; refuses backends that would write a file."""

    def __init__(self, service: str = KEYRING_SERVICE) -> None:
        self._service = service

    @staticmethod
    def _backend() -> object:
        try:
            import keyring  # noqa: PLC0415 (only the book needs it)
            import keyring.backends.fail  # noqa: PLC0415
        except ImportError as exc:  # pragma: no cover - a broken installation
            raise KeyringUnavailable(f"the keyring package cannot be loaded: {exc}") from None
        try:
            backend = keyring.get_keyring()
        except Exception as exc:  # a backend chosen before fails to answer (its bus is gone)
            raise KeyringUnavailable(f"{_NO_KEYRING} ({type(exc).__name__})") from None
        chosen = getattr(backend, "backends", None)
        real = list(chosen) if chosen is not None else [backend]
        usable = [
            b
            for b in real
            if not isinstance(b, keyring.backends.fail.Keyring)
            and not type(b).__module__.startswith(("keyrings.alt", "keyring.backends.null"))
        ]
        if not usable:
            raise KeyringUnavailable(_NO_KEYRING)
        return backend

    def _call(self, action: str, *args: str) -> str | None:
        backend = self._backend()
        try:
            method = getattr(backend, action)
            result: str | None = method(self._service, *args)
        except Exception as exc:
            if action == "delete_password" and type(exc).__name__ == "PasswordDeleteError":
                return None
            raise KeyringUnavailable(
                f"the system keyring refused ({type(exc).__name__}): it may be locked"
            ) from None
        return result

    def get(self, name: str) -> str | None:
        return self._call("get_password", name)

    def put(self, name: str, secret: str) -> None:
        self._call("set_password", name, secret)

    def delete(self, name: str) -> None:
        self._call("delete_password", name)


def remember_project(
    name: str,
    project_id: str,
    *,
    server: str = CLOUD_API_URL,
    secret: str | None = None,
    store: SecretStore | None = None,
    path: Path | None = None,
    today: dt.date | None = None,
) -> BookEntry:
    """Add or replace ``name``; store ``secret`` in the keyring when given. Replacing a stored
    secret with a different one records the date (the rotation note)."""
    name = _check_name(name)
    entry = BookEntry(name, _check_project_id(project_id), checked_server(server))
    book = load_book(path)
    previous = book.find(name)
    if previous is not None:
        entry = replace(entry, secret_changed=previous.secret_changed)
    if secret is not None:
        if not secret:
            raise BookError("the secret is empty")
        keyring = store or KeyringStore()
        old = keyring.get(name) if previous is not None and previous.secret_in_keyring else None
        keyring.put(name, secret)
        entry = replace(entry, secret_in_keyring=True)
        if old is not None and old != secret:
            entry = replace(entry, secret_changed=(today or dt.date.today()).isoformat())
    elif previous is not None and previous.secret_in_keyring:
        entry = replace(entry, secret_in_keyring=True)
    others = tuple(e for e in book.entries if e.name != name)
    save_book(Book((*others, entry)), path)
    return entry


def forget_project(
    name: str, *, store: SecretStore | None = None, path: Path | None = None
) -> BookEntry:
    """Remove ``name`` from the book and its secret from the keyring."""
    book = load_book(path)
    entry = book.find(name)
    if entry is None:
        raise BookError(f"no project named {name!r} in the book")
    if entry.secret_in_keyring:
        (store or KeyringStore()).delete(name)
    save_book(Book(tuple(e for e in book.entries if e.name != name)), path)
    return entry


def forget_secret(
    name: str, *, store: SecretStore | None = None, path: Path | None = None
) -> BookEntry:
    """Remove ``name``'s secret from the keyring and keep the project in the book."""
    book = load_book(path)
    entry = book.find(name)
    if entry is None:
        raise BookError(f"no project named {name!r} in the book")
    if entry.secret_in_keyring:
        (store or KeyringStore()).delete(name)
    kept = replace(entry, secret_in_keyring=False)
    save_book(Book(tuple(kept if e.name == name else e for e in book.entries)), path)
    return kept


def describe_secret(entry: BookEntry, store: SecretStore) -> str:
    """What to show for ``entry``'s secret: its fingerprint, never the secret; or why there is
    none ("no secret stored", "secret missing from keyring", "keyring unavailable (…)")."""
    if not entry.secret_in_keyring:
        return "no secret stored"
    try:
        secret = store.get(entry.name)
    except BookError as exc:
        return f"keyring unavailable ({exc})"
    return secret_fingerprint(secret) if secret is not None else "secret missing from keyring"
