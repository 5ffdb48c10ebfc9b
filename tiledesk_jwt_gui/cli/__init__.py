"""The command line, ``tiledesk-jwt``: argparse over the core, nothing else.

Exit codes: 0 accepted (verify) or success; 1 the token is rejected or cannot be decoded;
2 a usage error (bad options, a missing environment variable, an unreadable key file).
A secret is never taken as a plain argument (process lists show arguments) and never printed.

Each sub-command lives in a module of its own with a ``register(commands)`` function; reading
inputs is ``inputs``, writing results is ``output``, shared options are ``options``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence

from ..core import CoreError
from ..version_action import VersionAction
from . import book, cases, decode, diagnose, diff, report, sign, snippet, verify
from .options import EXIT_OK, EXIT_USAGE, PROG, Parser, UsageError
from .output import say, silence_stdout, tolerant_streams

__all__ = ["build_parser", "main"]

# The sub-commands, in the order `--help` lists them.
COMMANDS = (decode, verify, diagnose, diff, report, sign, cases, snippet, book)


def build_parser() -> argparse.ArgumentParser:
    """The whole command line."""
    parser = Parser(
        prog=PROG,
        description="Decode, verify and sign JSON Web Tokens offline, with the verdict the "
        "Tiledesk server would give a custom-auth token.",
    )
    parser.add_argument("--version", action=VersionAction, help="show the version and exit")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    for command in COMMANDS:
        command.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code."""
    tolerant_streams()
    args = build_parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except (UsageError, CoreError) as exc:
        say(f"{PROG}: error: {exc}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        say(f"{PROG}: interrupted")
        return EXIT_USAGE
    except BrokenPipeError:  # a reader gone mid-output, outside emit_line: end quietly
        silence_stdout()
        return EXIT_OK
