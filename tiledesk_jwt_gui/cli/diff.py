"""``tiledesk-jwt diff``: two tokens compared, and which difference changes the verdict."""

from __future__ import annotations

import argparse
from typing import Any

from ..core import diff_to_dict, diff_tokens, format_diff, parse_instant
from .inputs import key_from_options, read_token
from .options import EXIT_OK, EXIT_REJECTED, UsageError, add_secret_options
from .output import emit_json, emit_text

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add the ``diff`` sub-command to ``commands`` (argparse's sub-parsers)."""
    parser = commands.add_parser(
        "diff", help="compare two tokens: claims added, removed, changed, and the verdicts"
    )
    parser.add_argument("a", metavar="A", help="the first token (- reads standard input)")
    parser.add_argument("b", metavar="B", help="the second token (- reads standard input)")
    add_secret_options(parser, with_key=True)
    parser.add_argument("--project-id", metavar="ID", help="the project the secret belongs to")
    parser.add_argument(
        "--at", metavar="TIME", help="judge both as of TIME: Unix seconds or ISO 8601"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Exit 0 when the tokens are identical, 1 when they differ (as diff(1) does)."""
    if args.a == "-" and args.b == "-":
        raise UsageError("only one of A and B can be read from standard input")
    first, second = read_token(args.a), read_token(args.b)
    key = key_from_options(args)
    at = parse_instant(args.at) if args.at else None
    result = diff_tokens(first, second, key, project_id=args.project_id, at=at)
    if args.json:
        emit_json(diff_to_dict(result))
    else:
        emit_text(format_diff(result))
    return EXIT_OK if result.identical else EXIT_REJECTED
