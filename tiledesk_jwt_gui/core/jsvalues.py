"""JavaScript's view of JSON values, as far as the Tiledesk server's code depends on it:
truthiness, conversion to text, and loose equality with a string.

Parsed JSON has no functions, so an object with its own ``toString`` key cannot be turned into
text: JavaScript throws a TypeError there, and that decides what the server does.
"""

from __future__ import annotations

import math

from .encoding import JSONValue

__all__ = ["JsTypeError", "js_loose_equals_string", "js_to_string", "js_truthy", "js_typeof"]


class JsTypeError(Exception):
    """JavaScript would throw a TypeError ("Cannot convert object to primitive value")."""


def js_truthy(value: JSONValue) -> bool:
    if value is None or value is False:
        return False
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value != 0 and not math.isnan(value)
    if isinstance(value, str):
        return value != ""
    return True  # true, every array and every object


def js_typeof(value: JSONValue) -> str:
    if value is None or isinstance(value, list | dict):
        return "object"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return "string"


def js_number_to_string(number: float) -> str:
    if isinstance(number, int) and not isinstance(number, bool) and abs(number) < 10**21:
        return str(number)
    value = float(number)
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value == int(value) and abs(value) < 1e21:
        return str(int(value))
    text = repr(value)
    if "e" in text:
        mantissa, exponent = text.split("e")
        sign = "-" if exponent.startswith("-") else "+"
        return f"{mantissa}e{sign}{int(exponent.lstrip('+-'))}"
    return text


def js_to_string(value: JSONValue, *, depth: int = 0) -> str:
    """``String(value)`` for a parsed JSON value; raises :class:`JsTypeError` where JS throws."""
    if depth > 800:
        # V8 runs out of stack joining arrays nested some thousands deep (a RangeError); past
        # this depth we say it throws too, a corner no real token reaches.
        raise JsTypeError("Maximum call stack size exceeded")
    if isinstance(value, str):
        return value
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int | float):
        return js_number_to_string(value)
    if isinstance(value, list):
        return ",".join(
            "" if item is None else js_to_string(item, depth=depth + 1) for item in value
        )
    if "toString" in value:
        raise JsTypeError("Cannot convert object to primitive value")
    return "[object Object]"


def js_loose_equals_string(value: JSONValue, text: str) -> bool:
    """``value == text`` in JavaScript, for a string ``text`` that is not numeric."""
    if isinstance(value, str):
        return value == text
    if isinstance(value, list | dict):
        return js_to_string(value) == text
    return False  # null never equals a string; numbers and booleans compare as NaN here
