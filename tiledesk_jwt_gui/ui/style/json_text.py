"""JSON text for the editors, for any value a token can carry. The core reads nesting of any
depth; Python's ``json`` cannot write it back past its recursion limit, so such a value is shown
as a note instead of raising in a slot."""

from __future__ import annotations

import json

from ...core import JSONValue

__all__ = ["TOO_DEEP", "json_text"]

TOO_DEEP = "(nested too deeply to show here)"


def json_text(value: JSONValue, *, indent: int | None = None) -> str:
    """``value`` as JSON (``indent`` as ``json.dumps`` takes it), or ``TOO_DEEP``."""
    try:
        return json.dumps(value, ensure_ascii=False, indent=indent)
    except (RecursionError, ValueError):
        return TOO_DEEP
