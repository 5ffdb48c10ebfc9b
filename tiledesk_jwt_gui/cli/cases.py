"""``tiledesk-jwt cases``: a QA suite of edge-case tokens with the answers the Tiledesk server
gives them, exported to run against the user's own Tiledesk."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from ..core import (
    DEFAULT_SEED,
    ExportFormat,
    JSONValue,
    credentials_warning,
    export_suite,
    generate_suite,
    parse_instant,
)
from .inputs import json_object, read_text_file, read_token, secret_text
from .options import EXIT_OK, PROG, UsageError, add_secret_options
from .output import say

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add the ``cases`` sub-command to ``commands`` (argparse's sub-parsers)."""
    parser = commands.add_parser(
        "cases",
        help="generate a QA suite: edge-case tokens with the server's expected answers",
        description="Generate named variants of a custom-auth token, each with the answer the "
        "Tiledesk server gives each of the widget's calls, exported as data or as tests to run "
        "against your own Tiledesk. The tokens are real credentials for the project.",
    )
    parser.add_argument("--project-id", metavar="ID", required=True, help="the 24-hex project id")
    add_secret_options(parser, with_key=False)
    parser.add_argument(
        "--base-claims",
        metavar="FILE|-",
        help="a JSON object of claims the variants start from (default: the docs' sample user)",
    )
    parser.add_argument(
        "--at", metavar="TIME", help="the suite's now: Unix seconds or ISO 8601 (default: now)"
    )
    parser.add_argument(
        "--seed",
        metavar="N",
        type=int,
        default=DEFAULT_SEED,
        help=f"derives the user ids (default {DEFAULT_SEED}); change it for fresh visitors",
    )
    parser.add_argument("--only", metavar="NAME,…", help="only these variants (comma-separated)")
    parser.add_argument(
        "--format",
        choices=[f.value for f in ExportFormat],
        default=ExportFormat.JSON.value,
        help="json (default), csv, pytest, postman or curl",
    )
    parser.add_argument("--out", metavar="PATH", type=Path, help="write to PATH (default: stdout)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write the suite; exit 0."""
    if args.base64_secret:
        raise UsageError("--base64-secret does not apply: Tiledesk signs with the secret's text")
    secret = secret_text(args)
    if secret is None:
        raise UsageError("cases needs the secret: --secret-env NAME, --secret-file PATH or --ask")
    base: dict[str, JSONValue] | None = None
    if args.base_claims:
        text = (
            read_token("-")
            if args.base_claims == "-"
            else read_text_file(Path(args.base_claims), "base claims")
        )
        base = json_object(text, "base claims file")
    only = [name.strip() for name in args.only.split(",") if name.strip()] if args.only else None
    now = parse_instant(args.at) if args.at else None
    suite = generate_suite(
        args.project_id,
        secret,
        now=now if now is not None else _clock(),
        base_claims=base,
        seed=args.seed,
        only=only,
    )
    say(f"{PROG}: warning: {credentials_warning(suite)}")
    if suite.left_out:
        names = ", ".join(case.name for case in suite.left_out)
        say(f"{PROG}: left out (the model cannot yet predict their answers exactly): {names}")
    text = export_suite(suite, ExportFormat(args.format))
    if args.out is None:
        sys.stdout.write(text)
    else:
        _write_private(args.out, text)
        say(f"{PROG}: {len(suite.cases)} cases written to {args.out}")
    return EXIT_OK


def _clock() -> float:
    import time  # noqa: PLC0415

    return time.time()


def _write_private(path: Path, text: str) -> None:
    """Write ``text`` readable by its owner only: the tokens in it are credentials."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except OSError as exc:
        raise UsageError(f"cannot write {str(path)!r}: {exc.strerror}") from None
