"""``tiledesk-jwt report``: a shareable report (Markdown or JSON) without the secret."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..core import judge, parse_candidates, parse_instant, share_markdown, share_report
from .inputs import key_from_options, read_text_file, read_token
from .options import EXIT_OK, add_secret_options, add_token_argument
from .output import emit_json, emit_text

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add the ``report`` sub-command to ``commands`` (argparse's sub-parsers)."""
    parser = commands.add_parser(
        "report", help="a report to share: verdict, findings, claims, diagnosis; never the secret"
    )
    add_token_argument(parser)
    add_secret_options(parser, with_key=True)
    parser.add_argument("--project-id", metavar="ID", help="the project the secret belongs to")
    parser.add_argument(
        "--at", metavar="TIME", help="judge as of TIME: Unix seconds or ISO 8601 (default: now)"
    )
    parser.add_argument(
        "--candidates-file",
        metavar="PATH",
        type=Path,
        help="other secrets for the diagnosis: one a line, or '<project id> <secret>' a line",
    )
    parser.add_argument("--format", choices=("markdown", "json"), default="markdown")
    parser.add_argument(
        "--mask-email", action="store_true", help="show e-mail addresses as a***@example.com"
    )
    parser.add_argument(
        "--include-token",
        action="store_true",
        help="add the whole token, signature included (a live token is a credential)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the report; exit 0 (the verdict is inside it)."""
    token = read_token(args.token)
    key = key_from_options(args)
    at = parse_instant(args.at) if args.at else None
    candidates = (
        parse_candidates(read_text_file(args.candidates_file, "candidates"))
        if args.candidates_file
        else ()
    )
    verdict = judge(token, key, project_id=args.project_id, at=at)
    report = share_report(
        verdict,
        key,
        mask_email=args.mask_email,
        include_token=args.include_token,
        candidates=candidates,
        project_id=args.project_id,
    )
    if args.format == "json":
        emit_json(report)
    else:
        emit_text(share_markdown(report).rstrip("\n"))
    return EXIT_OK
