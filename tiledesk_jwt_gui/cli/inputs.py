"""Everything the command line reads: the token, files, the secret, keys.

Every file and standard input go through the core's bounded reader (``read_bounded``), with the
limit that fits what is read (``core/limits.py`` says which and why), and are decoded as strict
UTF-8. Messages about a secret option never repeat its value: ``--secret-env "$SECRET"`` or
``--secret-file "$SECRET"`` (the secret where a name or a path belongs) must not print it back.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from ..core import (
    MAX_KEY_BYTES,
    MAX_SECRET_BYTES,
    MAX_TEXT_BYTES,
    JsonProblem,
    JSONValue,
    Key,
    describe_size,
    load_key_text,
    parse_json,
    read_bounded,
    secret_key,
    terminal_safe,
    utf8_text,
)
from .options import UsageError

__all__ = [
    "json_object",
    "key_from_options",
    "read_stdin",
    "read_text_file",
    "read_token",
    "secret_text",
]

STANDARD_INPUT = "standard input"
_SECRET_FILE = "the secret file (the path given to --secret-file)"  # noqa: S105 (a label)


def read_token(argument: str) -> str:
    """The token argument, or standard input for ``-``."""
    if argument != "-":
        return argument
    return read_stdin("token")


def read_stdin(what: str) -> str:
    """Standard input as UTF-8 text, at most 1 MiB, without the newline that ends piped input
    (it is not part of a token; no notice for it)."""
    stream = sys.stdin
    if stream is None or stream.isatty():
        raise UsageError(f"no {what} given: pass it as an argument or pipe it to standard input")
    binary = getattr(stream, "buffer", None)
    if binary is None:  # a text stream without bytes below it (an embedding program's)
        text = stream.read(MAX_TEXT_BYTES + 1)
        if len(text) > MAX_TEXT_BYTES:
            limit = describe_size(MAX_TEXT_BYTES)
            raise UsageError(f"{STANDARD_INPUT} is over {limit}, the limit for it; not read")
    else:
        text = utf8_text(read_bounded(binary, MAX_TEXT_BYTES, STANDARD_INPUT), STANDARD_INPUT)
    return text[:-1] if text.endswith("\n") and not text.endswith("\r\n") else text


def read_text_file(path: Path, what: str, limit: int = MAX_TEXT_BYTES) -> str:
    """A UTF-8 text file of at most ``limit`` bytes, or an error naming it and the limit."""
    label = f"the {what} file '{terminal_safe(str(path))}'"
    return utf8_text(read_bounded(path, limit, label), label)


_VARIABLE_NAME = re.compile(r"[A-Z_][A-Z0-9_]{0,63}")


def _shown_variable_name(name: str) -> str | None:
    """``name`` if it may be repeated in a message: a conventional upper-case variable name
    with few digits. Anything else (a UUID, mixed case, base64, many digits) may be the secret
    itself, given where its name belongs, and is never repeated."""
    if _VARIABLE_NAME.fullmatch(name) and sum(c.isdigit() for c in name) <= 4:
        return name
    return None


def _environment_secret(name: str) -> str:
    shown = _shown_variable_name(name)
    value = os.environ.get(name)
    if value is None:
        if shown is not None:
            raise UsageError(f"environment variable {shown} is not set")
        raise UsageError(
            "--secret-env: no environment variable of that name (the value does not look like "
            "a variable name and may be a secret: give the variable's name, as in "
            "--secret-env TILEDESK_SECRET; the value is not repeated here)"
        )
    which = f"environment variable {shown}" if shown else "the --secret-env variable"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        # POSIX keeps undecodable bytes as lone surrogates ("surrogateescape"): Node, and so
        # Tiledesk, would read U+FFFD there and sign with other bytes. Refuse, as for a file.
        raw = os.environb.get(os.fsencode(name), b"") if os.supports_bytes_environ else b""
        utf8_text(raw, which)  # raises, naming the byte
        raise UsageError(f"{which} is not UTF-8 text") from None
    return value


def secret_text(args: argparse.Namespace) -> str | None:
    """The secret from --secret-env, --secret-file or --ask; None when none was given."""
    if args.secret_env is not None:
        return _environment_secret(args.secret_env)
    if args.secret_file:
        # The path is not shown in messages: it might be the secret itself.
        text = utf8_text(
            read_bounded(args.secret_file, MAX_SECRET_BYTES, _SECRET_FILE), _SECRET_FILE
        )
        if text.endswith("\r\n"):
            return text[:-2]
        return text[:-1] if text.endswith("\n") else text
    if args.ask:
        return _ask_secret()
    return None


_NEEDS_TERMINAL = "--ask needs a terminal; use --secret-env or --secret-file"


def _ask_secret() -> str:
    import getpass  # noqa: PLC0415 (only --ask needs a terminal)
    import warnings  # noqa: PLC0415

    with warnings.catch_warnings():
        # Without a terminal getpass warns (GetPassWarning, with a library path) and reads the
        # secret from standard input with echo: refuse instead.
        warnings.simplefilter("error", getpass.GetPassWarning)
        try:
            return getpass.getpass("Secret (not shown): ")
        except (EOFError, getpass.GetPassWarning):
            raise UsageError(_NEEDS_TERMINAL) from None
        except UnicodeDecodeError:
            raise UsageError("the secret typed is not UTF-8 text") from None


def key_from_options(args: argparse.Namespace) -> Key | tuple[Key, ...] | None:
    """The key the options name (--key, or a secret source), None when none was given.

    A key file is only ever used to verify here: its public half is enough, and a private key's
    costly consistency check is skipped."""
    if getattr(args, "key", None):
        return load_key_text(read_text_file(args.key, "key", MAX_KEY_BYTES), public_only=True)
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
