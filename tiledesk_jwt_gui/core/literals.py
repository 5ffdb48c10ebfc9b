"""Source-code literals for JSON values, one renderer per language the samples are written in.

A claim value is user text: every renderer escapes it for its language so that the program,
compiled or run, holds exactly that value. Characters a reader cannot see (controls, format
characters such as bidirectional overrides, line and paragraph separators) are always written
as escapes, so the code on the screen is the code that runs. What a language cannot hold
exactly (an integer past its range, a lone surrogate) is reported, never silently changed.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from .encoding import JSONValue

__all__ = [
    "GO",
    "JAVA",
    "LIMITS",
    "NODE",
    "PHP",
    "PYTHON",
    "Limits",
    "Renderer",
    "js_key",
    "lossy_values",
    "render_literal",
]

JS_SAFE_INTEGER = 2**53 - 1
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


@dataclass(frozen=True)
class Limits:
    """What a language's JSON encoder reproduces exactly."""

    min_int: int | None
    max_int: int | None
    lone_surrogates: bool
    """Whether a string with a lone UTF-16 surrogate is encoded as the same JSON string."""


LIMITS: dict[str, Limits] = {
    "python": Limits(None, None, lone_surrogates=True),
    "node": Limits(-JS_SAFE_INTEGER, JS_SAFE_INTEGER, lone_surrogates=True),
    "go": Limits(INT64_MIN, INT64_MAX, lone_surrogates=False),
    "php": Limits(INT64_MIN, INT64_MAX, lone_surrogates=False),
    "java": Limits(None, None, lone_surrogates=False),
}


def _is_surrogate(ch: str) -> bool:
    return 0xD800 <= ord(ch) <= 0xDFFF


def _shown(ch: str) -> bool:
    """A character that can appear as itself in source code (``str.isprintable`` leaves out
    controls, format characters, separators other than the space, surrogates, unassigned)."""
    return ch.isprintable()


def lossy_values(value: JSONValue, limits: Limits, path: str) -> list[str]:
    """Sentences naming each part of ``value`` (at ``path``) the language changes."""
    found: list[str] = []
    if isinstance(value, bool) or value is None:
        return found
    if isinstance(value, int):
        low = limits.min_int is not None and value < limits.min_int
        high = limits.max_int is not None and value > limits.max_int
        if low or high:
            found.append(f"{path}: the integer {value} is past what the language holds exactly")
    elif isinstance(value, str):
        if not limits.lone_surrogates and any(_is_surrogate(ch) for ch in value):
            found.append(f"{path}: a lone UTF-16 surrogate cannot be encoded (it is replaced)")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(lossy_values(item, limits, f"{path}[{index}]"))
    elif isinstance(value, dict):
        for key, item in value.items():
            if not limits.lone_surrogates and any(_is_surrogate(ch) for ch in key):
                found.append(f"{path}: a key with a lone UTF-16 surrogate cannot be encoded")
            found.extend(lossy_values(item, limits, f"{path}.{key}"))
    return found


def _float_text(value: float) -> str:
    if not math.isfinite(value):
        raise ValueError("JSON has no infinite or NaN numbers")
    return repr(value)


# --- strings ---------------------------------------------------------------------------------


def python_string(text: str) -> str:
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif _shown(ch):
            out.append(ch)
        elif code < 0x100:
            out.append(f"\\x{code:02x}")
        elif code < 0x10000:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    out.append('"')
    return "".join(out)


def _utf16_units(code: int) -> tuple[int, ...]:
    if code < 0x10000:
        return (code,)
    code -= 0x10000
    return (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF))


def js_string(text: str) -> str:
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif _shown(ch):
            out.append(ch)
        else:
            out.extend(f"\\u{unit:04x}" for unit in _utf16_units(code))
    out.append('"')
    return "".join(out)


def go_string(text: str) -> str:
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif _is_surrogate(ch):
            out.append("\\ufffd")  # Go strings are UTF-8: a lone surrogate has no encoding
        elif _shown(ch):
            out.append(ch)
        elif code < 0x10000:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    out.append('"')
    return "".join(out)


def php_string(text: str) -> str:
    """Single quotes for plain text; double quotes with escapes (and ``\\$``) otherwise."""
    if all(_shown(ch) and ch not in "'\\" for ch in text):
        return f"'{text}'"
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch in '"\\$':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif _is_surrogate(ch):
            out.append("\\u{fffd}")  # PHP strings are UTF-8 bytes: json_encode refuses CESU
        elif _shown(ch):
            out.append(ch)
        else:
            out.append(f"\\u{{{code:x}}}")
    out.append('"')
    return "".join(out)


def java_string(text: str) -> str:
    """ASCII only, so the file compiles whatever ``-encoding`` javac assumes. No ``\\u000a``
    or ``\\u0022`` ever: javac turns Unicode escapes into characters before it reads strings."""
    out = ['"']
    simple = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\b": "\\b"}
    for ch in text:
        code = ord(ch)
        if ch in simple:
            out.append(simple[ch])
        elif 0x20 <= code < 0x7F:
            out.append(ch)
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\{code:03o}")
        else:
            out.extend(f"\\u{unit:04x}" for unit in _utf16_units(code))
    out.append('"')
    return "".join(out)


# --- whole values ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Renderer:
    """How one language writes JSON values as literals."""

    string: Callable[[str], str]
    null: str
    true: str
    false: str
    integer: Callable[[int], str]
    number: Callable[[float], str]
    array: Callable[[list[str]], str]
    obj: Callable[[list[tuple[str, str, str]], bool], str]
    """(key as text, key literal, value literal) pairs, and whether PHP would see a list."""


def render_literal(value: JSONValue, renderer: Renderer) -> str:
    """``value`` as a literal of the renderer's language."""
    if value is None:
        return renderer.null
    if value is True:
        return renderer.true
    if value is False:
        return renderer.false
    if isinstance(value, int):
        return renderer.integer(value)
    if isinstance(value, float):
        return renderer.number(value)
    if isinstance(value, str):
        return renderer.string(value)
    if isinstance(value, list):
        return renderer.array([render_literal(item, renderer) for item in value])
    keys = list(value)
    list_like = keys == [str(index) for index in range(len(keys))]
    pairs = [
        (key, renderer.string(key), render_literal(item, renderer)) for key, item in value.items()
    ]
    return renderer.obj(pairs, list_like)


def js_key(key: str, literal: str) -> str:
    """A JavaScript object literal's key for ``key`` (``literal`` is its string literal)."""
    # In an object literal, "__proto__": x sets the prototype instead of adding a claim.
    return f"[{literal}]" if key == "__proto__" else literal


def _go_integer(value: int) -> str:
    if INT64_MIN <= value <= INT64_MAX:
        return str(value)
    return f"float64({_float_text(float(value))})"


def _java_integer(value: int) -> str:
    if -(2**31) <= value < 2**31:
        return str(value)
    if INT64_MIN <= value <= INT64_MAX:
        return f"{value}L"
    return f'new java.math.BigInteger("{value}")'


def _php_integer(value: int) -> str:
    if value == INT64_MIN:
        return "PHP_INT_MIN"  # -9223372036854775808 would be read as minus a float
    return str(value)


def _php_obj(pairs: list[tuple[str, str, str]], list_like: bool) -> str:
    body = ", ".join(f"{key} => {item}" for _, key, item in pairs)
    # An empty array or one keyed 0..n-1 is a JSON list to json_encode: cast it to an object.
    return f"(object) [{body}]" if list_like else f"[{body}]"


PYTHON = Renderer(
    string=python_string,
    null="None",
    true="True",
    false="False",
    integer=str,
    number=_float_text,
    array=lambda items: "[" + ", ".join(items) + "]",
    obj=lambda pairs, _: "{" + ", ".join(f"{k}: {v}" for _, k, v in pairs) + "}",
)
NODE = Renderer(
    string=js_string,
    null="null",
    true="true",
    false="false",
    integer=str,
    number=_float_text,
    array=lambda items: "[" + ", ".join(items) + "]",
    obj=lambda pairs, _: "{" + ", ".join(f"{js_key(t, k)}: {v}" for t, k, v in pairs) + "}",
)
GO = Renderer(
    string=go_string,
    null="nil",
    true="true",
    false="false",
    integer=_go_integer,
    number=_float_text,
    array=lambda items: "[]interface{}{" + ", ".join(items) + "}",
    obj=lambda pairs, _: (
        "map[string]interface{}{" + ", ".join(f"{k}: {v}" for _, k, v in pairs) + "}"
    ),
)
PHP = Renderer(
    string=php_string,
    null="null",
    true="true",
    false="false",
    integer=_php_integer,
    number=_float_text,
    array=lambda items: "[" + ", ".join(items) + "]",
    obj=_php_obj,
)
JAVA = Renderer(
    string=java_string,
    null="(Object) null",
    true="true",
    false="false",
    integer=_java_integer,
    number=_float_text,
    array=lambda items: "list(" + ", ".join(items) + ")",
    obj=lambda pairs, _: "map(" + ", ".join(f"{k}, {v}" for _, k, v in pairs) + ")",
)
