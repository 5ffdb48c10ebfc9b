"""``tiledesk-jwt book add|list|forget``, and ``--project NAME`` for the other commands.

The book's file holds names, project ids and server URLs; secrets go only to the system keyring
(``core.book``). ``list`` shows each secret's fingerprint, never the secret.
"""

from __future__ import annotations

import argparse
from typing import Any

from ..core import (
    CLOUD_API_URL,
    BookEntry,
    BookError,
    KeyringStore,
    book_path,
    describe_secret,
    forget_project,
    load_book,
    remember_project,
    secret_fingerprint,
    terminal_safe,
)
from .inputs import secret_text
from .options import EXIT_OK, UsageError
from .output import emit_json, emit_line, say

__all__ = ["add_project_option", "project_from_book", "register"]


def register(commands: Any) -> None:
    """Add the ``book`` sub-command (add, list, forget) to ``commands``."""
    parser = commands.add_parser(
        "book",
        help="remember projects by name; their secrets only in the system keyring",
        description=f"The book is kept in {book_path()} (no secrets there); secrets are kept "
        "in the system keyring only.",
    )
    actions = parser.add_subparsers(dest="book_action", required=True)

    add = actions.add_parser("add", help="remember a project (and its secret, if given)")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--project-id", metavar="ID", required=True)
    add.add_argument("--server", metavar="URL", default=CLOUD_API_URL)
    source = add.add_argument_group("secret (optional; kept in the system keyring only)")
    sources = source.add_mutually_exclusive_group()
    sources.add_argument("--secret-env", metavar="NAME", help="read it from variable NAME")
    sources.add_argument("--ask", action="store_true", help="prompt for it without echo")
    add.set_defaults(run=run_add, secret_file=None)

    listing = actions.add_parser("list", help="names, ids, servers and secret fingerprints")
    listing.add_argument("--json", action="store_true", help="print one JSON object")
    listing.set_defaults(run=run_list)

    forget = actions.add_parser("forget", help="remove a project and its secret")
    forget.add_argument("name", metavar="NAME")
    forget.set_defaults(run=run_forget)


def _errors_as_usage(exc: BookError) -> UsageError:
    return UsageError(str(exc))


def run_add(args: argparse.Namespace) -> int:
    secret = secret_text(args)
    try:
        entry = remember_project(
            args.name, args.project_id, server=args.server, secret=secret, store=None
        )
    except BookError as exc:
        raise _errors_as_usage(exc) from None
    said = f"remembered {entry.name} (project {entry.project_id}, {entry.server})"
    if secret is not None:
        said += f"; secret {secret_fingerprint(secret)} in the system keyring"
    if entry.rotation_note:
        said += f"; {entry.rotation_note}"
    emit_line(terminal_safe(said))
    return EXIT_OK


def run_list(args: argparse.Namespace) -> int:
    try:
        book = load_book()
    except BookError as exc:
        raise _errors_as_usage(exc) from None
    store = KeyringStore()
    rows = [
        {
            "name": entry.name,
            "project_id": entry.project_id,
            "server": entry.server,
            "secret": describe_secret(entry, store),
            "rotation_note": entry.rotation_note,
        }
        for entry in book.entries
    ]
    if args.json:
        emit_json({"book": str(book_path()), "projects": rows})
        return EXIT_OK
    if not rows:
        say(f"the book is empty ({book_path()})")
    for row in rows:
        note = f"  ({row['rotation_note']})" if row["rotation_note"] else ""
        fingerprint = row["secret"]  # sha256:… or "no secret stored", never the secret
        columns = (row["name"], row["project_id"], row["server"], fingerprint)
        emit_line("\t".join(terminal_safe(str(c)) for c in columns) + terminal_safe(note))
    return EXIT_OK


def run_forget(args: argparse.Namespace) -> int:
    try:
        entry = forget_project(args.name)
    except BookError as exc:
        raise _errors_as_usage(exc) from None
    emit_line(terminal_safe(f"forgot {entry.name} (project {entry.project_id})"))
    return EXIT_OK


def add_project_option(parser: argparse.ArgumentParser) -> None:
    """``--project NAME``: the project id (and secret, when stored) from the book."""
    parser.add_argument(
        "--project",
        metavar="NAME",
        help="take the project id, and the secret from the system keyring, from the book "
        "(explicit options win)",
    )


def project_from_book(name: str) -> tuple[BookEntry, str | None]:
    """The entry named ``name`` and its secret (``None`` when none is stored)."""
    try:
        entry = load_book().find(name)
        if entry is None:
            raise UsageError(f"no project named {name!r} in the book (tiledesk-jwt book list)")
        secret = KeyringStore().get(entry.name) if entry.secret_in_keyring else None
    except BookError as exc:
        raise _errors_as_usage(exc) from None
    if entry.secret_in_keyring and secret is None:
        raise UsageError(f"the secret of {name!r} is no longer in the system keyring")
    return entry, secret
