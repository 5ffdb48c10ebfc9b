"""Claims the sample tests sign: the docs' example, and values chosen to break escaping."""

from __future__ import annotations

from typing import Final

from tiledesk_jwt_gui.core import JSONValue, tiledesk_claims

PROJECT_ID: Final = "65a1b2c3d4e5f60718293a4b"
SECRET: Final = "3f1c9a2e-7b4d-4e8f-a1c6-5d2b9e0f7a13"

HOSTILE_TEXT: Final = (
    'it\'s "quoted" \\back\\slash\\ ${process.exit(3)} #{x} {$x} $x %s %n */ /* <!-- '
    "</script><script>alert(1)</script> `id` $(id) \\u0022 \\u000a \\x41 \\' \n line2\r\ttab "
    "Andrè Łukasz 漢字 🙂 👩🏽‍💻 \u202e bidi \u2028 ls \u2029 ps \x1b[31m esc \x00 nul \x7f del "
    "\u00a0nbsp \ufeff bom"
)


def demo() -> dict[str, JSONValue]:
    return tiledesk_claims(
        PROJECT_ID,
        user_id="12345678",
        email="andrea.leo@email.com",
        firstname="Andrea",
        lastname="Leo",
        attributes={"attribute1": "value"},
        now=1_700_000_000,
        expires_in=3600,
    )


def hostile() -> dict[str, JSONValue]:
    claims = tiledesk_claims(
        PROJECT_ID,
        user_id="user-42",
        email='o\'brien+"x"@example.com',
        firstname=HOSTILE_TEXT,
        lastname="Müller 🙂 */",
        now=1_700_000_000,
        expires_in=600,
    )
    claims["attributes"] = {
        "quote\"key'": HOSTILE_TEXT,
        "__proto__": {"polluted": True},
        "0": "a key PHP would read as a list index",
        "list-like": {"0": "zero", "1": "one"},
        "empty object": {},
        "empty list": [],
        "numbers": [0, -1, 2**53 - 1, -(2**53 - 1), 0.1, 1.5e300, -2.5e-300, 2.0],
        "flags": [True, False, None],
        "nested": {"deeper": [{"x": [["$", "\\"]]}]},
        "$dollar": "${ '$' }",
    }
    claims["custom*/claim"] = "a claim name with */ and a newline\n"
    return claims
