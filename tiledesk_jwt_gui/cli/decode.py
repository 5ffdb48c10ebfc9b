"""``tiledesk-jwt decode``: a token's header, claims and problems, no key needed."""

from __future__ import annotations

import argparse
from typing import Any

from ..core import Severity, inspect_token, judge
from .inputs import read_token
from .options import EXIT_OK, EXIT_REJECTED, add_token_argument
from .output import emit_verdict

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add the ``decode`` sub-command to ``commands`` (argparse's sub-parsers)."""
    parser = commands.add_parser("decode", help="show a token's header, claims and problems")
    add_token_argument(parser)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Exit 1 when the token cannot be decoded, 0 otherwise."""
    inspection = inspect_token(read_token(args.token))
    verdict = judge(inspection, None)
    emit_verdict(verdict, args.json)
    broken = any(issue.severity is Severity.ERROR for issue in inspection.issues)
    return EXIT_REJECTED if broken else EXIT_OK
