"""``tiledesk-jwt verify``: the signature and the verdict, Tiledesk's by default."""

from __future__ import annotations

import argparse
from typing import Any

from ..core import (
    MAX_LEEWAY_SECONDS,
    Key,
    Profile,
    judge,
    parse_instant,
    parse_leeway,
    secret_key,
    secret_notes,
)
from .book import add_project_option, project_from_book
from .inputs import key_from_options, read_token
from .options import EXIT_OK, EXIT_REJECTED, add_secret_options, add_token_argument
from .output import emit_verdict

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add the ``verify`` sub-command to ``commands`` (argparse's sub-parsers)."""
    parser = commands.add_parser("verify", help="check the signature and the verdict")
    add_token_argument(parser)
    add_secret_options(parser, with_key=True)
    parser.add_argument(
        "--project-id",
        metavar="ID",
        help="the project the secret belongs to (checks aud and the _id prefix)",
    )
    add_project_option(parser)
    parser.add_argument(
        "--profile",
        choices=[p.value for p in Profile],
        default="tiledesk",
        help="tiledesk (default): the server's verdict; generic: RFC 7519 only",
    )
    parser.add_argument(
        "--at", metavar="TIME", help="judge as of TIME: Unix seconds or ISO 8601 (default: now)"
    )
    parser.add_argument(
        "--leeway",
        metavar="SECONDS",
        default="0",
        help=f"clock tolerance for exp and nbf, 0 to {MAX_LEEWAY_SECONDS} seconds "
        "(default 0, as the server)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Exit 0 when accepted, 1 otherwise."""
    at = parse_instant(args.at) if args.at is not None else None
    leeway = parse_leeway(args.leeway)
    token = read_token(args.token)
    key = key_from_options(args)
    project_id = args.project_id
    if args.project:
        entry, secret = project_from_book(args.project)
        project_id = project_id or entry.project_id
        if key is None and secret is not None:
            key = secret_key(secret)
    verdict = judge(
        token,
        key,
        profile=Profile(args.profile),
        project_id=project_id,
        at=at,
        leeway=leeway,
    )
    notes = secret_notes(key, verdict.inspection) if isinstance(key, Key) else ()
    emit_verdict(verdict, args.json, notes)
    return EXIT_OK if verdict.accepted else EXIT_REJECTED
