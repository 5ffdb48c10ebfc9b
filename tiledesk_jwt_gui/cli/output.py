"""Everything the command line writes: messages on stderr, verdicts on stdout."""

from __future__ import annotations

import io
import json
import sys
from typing import TextIO

from ..core import Verdict, format_report, verdict_to_dict

__all__ = ["emit_verdict", "say", "tolerant_streams"]


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


def emit_verdict(verdict: Verdict, as_json: bool) -> None:
    """The verdict as the text report or as one JSON object."""
    if as_json:
        print(json.dumps(verdict_to_dict(verdict), ensure_ascii=False, indent=2))
    else:
        print(format_report(verdict))
