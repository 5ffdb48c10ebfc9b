"""What every command shares: exit codes, the parser class, the token argument and the key
options (a secret is never a plain argument)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import NoReturn

from ..core import terminal_safe

__all__ = [
    "EXIT_OK",
    "EXIT_REJECTED",
    "EXIT_USAGE",
    "PROG",
    "Parser",
    "UsageError",
    "add_secret_options",
    "add_token_argument",
]

EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_USAGE = 2
PROG = "tiledesk-jwt"


class UsageError(Exception):
    """Bad options or unusable input files: exit 2 with the message."""


class Parser(argparse.ArgumentParser):
    """argparse with the project's exit code for usage errors, and its messages made
    terminal-safe (they quote the arguments given: "invalid choice: '…'")."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {terminal_safe(message)}\n")


_PLAIN_ARGUMENT_REFUSAL = (
    "a secret is never taken as a plain argument (process lists and shell history show it); "
    "use --secret-env NAME, --secret-file PATH or --ask"
)


class _RefusePlainSecret(argparse.Action):
    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        parser.error(f"{option_string}: {_PLAIN_ARGUMENT_REFUSAL}")


def add_secret_options(parser: argparse.ArgumentParser, *, with_key: bool) -> None:
    """--secret-env / --secret-file / --ask (and --key when asymmetric keys make sense)."""
    group = parser.add_argument_group("key (never as a plain argument)")
    sources = group.add_mutually_exclusive_group()
    sources.add_argument(
        "--secret-env", metavar="NAME", help="read the HMAC secret from environment variable NAME"
    )
    sources.add_argument(
        "--secret-file",
        metavar="PATH",
        type=Path,
        help="read the HMAC secret from a file (one trailing newline is dropped)",
    )
    if with_key:
        sources.add_argument(
            "--key",
            metavar="PATH",
            type=Path,
            help="a PEM, JWK or JWKS file (public or private key)",
        )
    sources.add_argument("--ask", action="store_true", help="prompt for the secret without echo")
    group.add_argument(
        "--base64-secret",
        action="store_true",
        help="the secret is base64 (Tiledesk's own secrets are plain text)",
    )
    for name in ("--secret", "--password", "-s"):
        group.add_argument(name, nargs="?", action=_RefusePlainSecret, help=argparse.SUPPRESS)


def add_token_argument(parser: argparse.ArgumentParser) -> None:
    """The positional token, ``-`` (the default) reading standard input."""
    parser.add_argument(
        "token",
        nargs="?",
        default="-",
        metavar="TOKEN|-",
        help="the token, or - (the default) to read it from standard input",
    )
