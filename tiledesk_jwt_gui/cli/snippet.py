"""``tiledesk-jwt snippet``: code that signs the current claims, the widget test page, or the
widget's two sign-in calls with curl. Never needs (nor takes) the secret: the samples read it
from the environment variable ``TILEDESK_SECRET`` when they run."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..core import (
    CLOUD_API_URL,
    SERVER_LANGUAGES,
    JSONValue,
    SampleLanguage,
    parse_duration,
    snippet,
    tiledesk_claims,
)
from .inputs import json_object, read_text_file, read_token
from .options import EXIT_OK, UsageError
from .output import say

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add the ``snippet`` sub-command to ``commands`` (argparse's sub-parsers)."""
    parser = commands.add_parser(
        "snippet",
        help="print code that signs these claims, the widget test page, or curl calls",
        description="Server-side samples read the secret from TILEDESK_SECRET when they run; "
        "it is never written into them.",
    )
    parser.add_argument(
        "--lang", required=True, choices=[language.value for language in SampleLanguage]
    )
    parser.add_argument(
        "--claims",
        metavar="FILE|-",
        help="a JSON object of claims (- reads standard input); with --project-id it is merged "
        "into the composed claims, as sign does",
    )
    parser.add_argument(
        "--project-id", metavar="ID", help="the 24-hex project id: fills aud and the _id prefix"
    )
    parser.add_argument("--user-id", metavar="ID", help="_id becomes <project id>_ID")
    parser.add_argument(
        "--expires-in",
        metavar="DURATION",
        help="the token's lifetime: 90s, 5m, 1h, 2d (default: the claims' exp - iat, else 1h)",
    )
    parser.add_argument(
        "--token",
        metavar="TOKEN|-",
        help="widget and curl: the token to put in (- reads standard input)",
    )
    parser.add_argument(
        "--server",
        metavar="URL",
        default=CLOUD_API_URL,
        help=f"widget and curl: the Tiledesk API server (default {CLOUD_API_URL})",
    )
    parser.set_defaults(run=run)


def _claims(args: argparse.Namespace) -> dict[str, JSONValue]:
    given: dict[str, JSONValue] | None = None
    if args.claims:
        text = (
            read_token("-") if args.claims == "-" else read_text_file(Path(args.claims), "claims")
        )
        given = json_object(text, "claims file")
    if args.project_id is None:
        if given is None:
            raise UsageError("give the claims: --claims FILE, or --project-id ID --user-id ID")
        return given
    claims = tiledesk_claims(args.project_id, user_id=args.user_id, extra=given)
    if "_id" not in claims:
        raise UsageError("no _id: give --user-id, or an _id in the --claims file")
    return claims


def run(args: argparse.Namespace) -> int:
    """Print the sample on standard output, its notes on standard error; exit 0."""
    language = SampleLanguage(args.lang)
    lifetime = parse_duration(args.expires_in) if args.expires_in else None
    token = ""
    if args.token:
        token = read_token(args.token)
    if language in SERVER_LANGUAGES:
        sample = snippet(language, _claims(args), lifetime=lifetime)
    else:
        sample = snippet(language, project_id=args.project_id, token=token, server=args.server)
    print(sample.code, end="")
    for note in sample.notes:
        say(f"note: {note}")
    return EXIT_OK
