"""Everything the command line writes: messages on stderr, verdicts on stdout."""

from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from ..core import SecretNote, Verdict, format_report, verdict_to_dict

__all__ = ["emit_json", "emit_text", "emit_verdict", "say", "tolerant_streams"]


def tolerant_streams() -> None:
    """Escape what the terminal cannot show instead of failing on it."""
    # Tokens may carry lone surrogates or bytes the terminal cannot show: escape them instead
    # of failing. In --json output the escape reads back as the same JSON string.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def say(message: str, stream: TextIO | None = None) -> None:
    """A message for the user, on standard error unless told otherwise."""
    print(message, file=stream or sys.stderr)


def emit_verdict(verdict: Verdict, as_json: bool, notes: Sequence[SecretNote] = ()) -> None:
    """The verdict as the text report or as one JSON object, with the notes on the secret."""
    if as_json:
        data = verdict_to_dict(verdict)
        if notes:
            data["secret_notes"] = [
                {"code": n.cause.value, "verifies": n.verifies, "message": n.message} for n in notes
            ]
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(format_report(verdict))
        for note in notes:
            print(f"Secret: {note.message}")


# Control characters (but newline and tab), C1 controls, and invisible format characters such
# as bidi overrides: token text must not drive the terminal nor hide what is printed.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f"
    "\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]"
)


def _visible(text: str) -> str:
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def emit_text(text: str) -> None:
    """A text document (report, diff, diagnosis) on standard output, escaped for a terminal."""
    print(_visible(text))


def emit_json(data: Any) -> None:
    """One JSON document on standard output, ASCII-only (safe on any terminal and locale)."""
    print(json.dumps(data, ensure_ascii=True, indent=2))
