"""Everything the command line writes: messages on stderr, verdicts and tokens on stdout.

- Text that comes from a token, a file or an argument is shown through the core's
  ``terminal_safe`` (the text report does it line by line; ``say`` does it for messages, which
  may quote a file name or an option's value), so none of it can steer the terminal.
- ``--json`` is written with ``ensure_ascii``: pure ASCII, so it is exact JSON whatever the
  locale or the encoding of standard output (a Windows redirect, ``LC_ALL=C``), lone surrogates
  included (as ``\\udc00`` escapes), and no control or bidi character reaches a terminal raw.
- A reader that goes away (``| head -c1``, ``| true``) ends the output quietly, as Unix tools
  do; the exit code stays the verdict's.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
from typing import Any, TextIO

from ..core import SecretNote, Verdict, format_report, terminal_safe, verdict_to_dict

__all__ = [
    "emit_json",
    "emit_line",
    "emit_text",
    "emit_verdict",
    "say",
    "silence_stdout",
    "tolerant_streams",
]


def tolerant_streams() -> None:
    """Escape what the terminal's encoding cannot show ("✗" on an ASCII stdout) instead of
    failing on it."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def say(message: str, stream: TextIO | None = None) -> None:
    """A message for the user, on standard error unless told otherwise, made terminal-safe."""
    target = stream or sys.stderr
    if target is None:  # a windowed build has no console
        return
    with contextlib.suppress(OSError):  # standard error closed: nowhere left to say it
        print(terminal_safe(message), file=target, flush=True)


def emit_line(text: str) -> None:
    """One line of the command's output on standard output; nothing happens once the reader
    has gone away."""
    stream = sys.stdout
    if stream is None:
        return
    try:
        stream.write(text + "\n")
        stream.flush()
    except BrokenPipeError:
        silence_stdout()


def silence_stdout() -> None:
    """Point standard output at the null device: the reader left (a closed pipe), and Python's
    flush at exit must not fail again with "Exception ignored … BrokenPipeError"."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        return
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass
    finally:
        os.close(devnull)


def emit_text(text: str) -> None:
    """A text document (report, diff, diagnosis) on standard output, made terminal-safe line by
    line (its own line breaks are kept; none can come from a token)."""
    emit_line("\n".join(terminal_safe(line) for line in text.split("\n")))


def emit_json(data: Any) -> None:
    """One JSON document on standard output, ASCII-only (exact JSON on any terminal and locale)."""
    emit_line(json.dumps(data, ensure_ascii=True, indent=2))


def emit_verdict(verdict: Verdict, as_json: bool, notes: tuple[SecretNote, ...] = ()) -> None:
    """The verdict as the text report or as one JSON object, with the secret's notes."""
    if as_json:
        data = verdict_to_dict(verdict)
        if notes:
            data["secret_notes"] = [
                {"code": n.cause.value, "verifies": n.verifies, "message": n.message} for n in notes
            ]
        emit_json(data)
    else:
        emit_line(format_report(verdict))
        for note in notes:
            emit_line(terminal_safe(f"Secret: {note.message}"))
