"""``tiledesk-jwt sign``: compose and sign a Tiledesk custom-auth token."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..core import (
    HMAC_ALGORITHMS,
    JSONValue,
    parse_duration,
    secret_key,
    sign_token,
    tiledesk_claims,
)
from .book import add_project_option, project_from_book
from .inputs import json_object, read_stdin, read_text_file, secret_text
from .options import EXIT_OK, UsageError, add_secret_options
from .output import emit_line

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add the ``sign`` sub-command to ``commands`` (argparse's sub-parsers)."""
    parser = commands.add_parser("sign", help="compose and sign a Tiledesk custom-auth token")
    parser.add_argument(
        "--project-id",
        metavar="ID",
        help="the 24-hex project id: fills aud and the _id prefix (or --project NAME)",
    )
    add_project_option(parser)
    add_secret_options(parser, with_key=False)
    parser.add_argument("--user-id", metavar="ID", help="_id becomes <project id>_ID")
    parser.add_argument("--email", metavar="E")
    parser.add_argument("--firstname", metavar="F")
    parser.add_argument("--lastname", metavar="L")
    parser.add_argument("--attributes", metavar="JSON", help="a JSON object of attributes")
    parser.add_argument(
        "--claims",
        metavar="FILE|-",
        help="a JSON object merged into the claims (- reads standard input)",
    )
    parser.add_argument("--alg", choices=HMAC_ALGORITHMS, default="HS256")
    parser.add_argument(
        "--expires-in", metavar="DURATION", help="set exp this far ahead: 90s, 5m, 1h, 2d"
    )
    parser.add_argument("--header", metavar="FILE", help="a JSON object of extra header members")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the signed token; exit 0."""
    expires_in = parse_duration(args.expires_in) if args.expires_in is not None else None
    text = secret_text(args)
    project_id = args.project_id
    if args.project:
        entry, stored = project_from_book(args.project)
        project_id = project_id or entry.project_id
        text = stored if text is None else text
    if project_id is None:
        raise UsageError("sign needs the project: --project-id ID or --project NAME")
    if text is None:
        raise UsageError(
            "sign needs a secret: --secret-env NAME, --secret-file PATH, --ask, "
            "or --project NAME with a secret in the book"
        )
    if not text:
        raise UsageError("the secret is empty")
    key = secret_key(text, base64_encoded=args.base64_secret)
    extra: dict[str, JSONValue] | None = None
    if args.claims:
        claims_text = (
            read_stdin("claims")
            if args.claims == "-"
            else read_text_file(Path(args.claims), "claims")
        )
        extra = json_object(claims_text, "claims file")
    attributes = json_object(args.attributes, "--attributes value") if args.attributes else None
    header = (
        json_object(read_text_file(Path(args.header), "header"), "header file")
        if args.header
        else None
    )
    claims = tiledesk_claims(
        project_id,
        user_id=args.user_id,
        email=args.email,
        firstname=args.firstname,
        lastname=args.lastname,
        attributes=attributes,
        extra=extra,
        expires_in=expires_in,
    )
    if "_id" not in claims:
        raise UsageError("no _id: give --user-id, or an _id in the --claims file")
    if header is not None and "typ" not in header:
        header = {"typ": "JWT", **header}
    emit_line(sign_token(header, claims, key, args.alg))
    return EXIT_OK
