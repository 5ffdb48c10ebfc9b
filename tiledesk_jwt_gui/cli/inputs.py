"""Everything the command line reads: the token, files, the secret, keys."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..core import JsonProblem, JSONValue, Key, load_key_text, parse_json, secret_key
from .options import UsageError

__all__ = ["json_object", "key_from_options", "read_text_file", "read_token", "secret_text"]


def read_token(argument: str) -> str:
    """The token argument, or standard input for ``-``."""
    if argument != "-":
        return argument
    if sys.stdin is None or sys.stdin.isatty():
        raise UsageError("no token given: pass it as an argument or pipe it to standard input")
    text = sys.stdin.read()
    # The newline that ends piped input is not part of the token: no notice for it.
    return text[:-1] if text.endswith("\n") and not text.endswith("\r\n") else text


def read_text_file(path: Path, what: str) -> str:
    """A UTF-8 text file, or a UsageError naming it."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read the {what} file {str(path)!r}: {exc.strerror}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"the {what} file {str(path)!r} is not UTF-8 text") from None


def secret_text(args: argparse.Namespace) -> str | None:
    """The secret from --secret-env, --secret-file or --ask; None when none was given."""
    if args.secret_env:
        value = os.environ.get(args.secret_env)
        if value is None:
            raise UsageError(f"environment variable {args.secret_env} is not set")
        return value
    if args.secret_file:
        text = read_text_file(args.secret_file, "secret")
        if text.endswith("\r\n"):
            return text[:-2]
        return text[:-1] if text.endswith("\n") else text
    if args.ask:
        import getpass  # noqa: PLC0415 (only --ask needs a terminal)

        try:
            return getpass.getpass("Secret (not shown): ")
        except EOFError:
            raise UsageError("--ask needs a terminal to type the secret in") from None
    return None


def key_from_options(args: argparse.Namespace) -> Key | tuple[Key, ...] | None:
    """The key the options name (--key, or a secret source), None when none was given."""
    if getattr(args, "key", None):
        return load_key_text(read_text_file(args.key, "key"))
    text = secret_text(args)
    if text is None:
        return None
    if not text:
        raise UsageError("the secret is empty")
    return secret_key(text, base64_encoded=args.base64_secret)


def json_object(text: str, what: str) -> dict[str, JSONValue]:
    """Parse a JSON object given by the user, or a UsageError naming ``what``."""
    value = parse_json(text)
    if isinstance(value, JsonProblem):
        raise UsageError(f"the {what} is not JSON: {value.message}")
    if not isinstance(value, dict):
        raise UsageError(f"the {what} must be a JSON object")
    return value
