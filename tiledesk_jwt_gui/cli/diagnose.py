"""``tiledesk-jwt diagnose``: why the signature does not verify, each cause checked exactly."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..core import diagnose, diagnosis_to_dict, format_diagnosis, parse_candidates
from .inputs import key_from_options, read_text_file, read_token
from .options import EXIT_OK, EXIT_REJECTED, UsageError, add_secret_options, add_token_argument
from .output import emit_json, emit_text

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add the ``diagnose`` sub-command to ``commands`` (argparse's sub-parsers)."""
    parser = commands.add_parser(
        "diagnose", help="say why a signature does not verify (a newline in the secret…)"
    )
    add_token_argument(parser)
    add_secret_options(parser, with_key=True)
    parser.add_argument(
        "--candidates-file",
        metavar="PATH",
        type=Path,
        help="other secrets to try: one a line, or '<project id> <secret>' a line",
    )
    parser.add_argument(
        "--project-id", metavar="ID", help="the project the secret given belongs to"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Exit 0 when a cause was found (or the signature verifies as given), 1 when none."""
    token = read_token(args.token)
    key = key_from_options(args)
    if key is None:
        raise UsageError(
            "diagnose needs the key: --secret-env NAME, --secret-file PATH, --ask or --key PATH"
        )
    candidates = (
        parse_candidates(read_text_file(args.candidates_file, "candidates"))
        if args.candidates_file
        else ()
    )
    result = diagnose(token, key, candidates=candidates, project_id=args.project_id)
    if args.json:
        emit_json(diagnosis_to_dict(result))
    else:
        emit_text(format_diagnosis(result))
    found = result.verified_as_given or result.verified_with is not None
    return EXIT_OK if found else EXIT_REJECTED
