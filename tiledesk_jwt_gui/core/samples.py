"""Server-side code that signs exactly the current claims, in the integrator's language.

Each sample reads the project's secret from the environment variable ``TILEDESK_SECRET`` (never
written into the code), builds the claims with ``iat`` set to the moment it runs and ``exp``
that far ahead as the chosen lifetime, signs with HS256 and prints the token. User text goes
only into escaped literals, never into comments. What a language cannot reproduce exactly is
said in the sample's ``notes``.

The supported library versions are in each sample's first lines and in ``LIBRARIES``.
"""

from __future__ import annotations

import shlex
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from .encoding import JSONValue
from .errors import InputError
from .literals import GO, JAVA, LIMITS, NODE, PHP, PYTHON, js_key, lossy_values, render_literal
from .tiledesk import PROJECT_ID_PATTERN
from .widget_page import CHAT21_TOKEN_PATH, CLOUD_API_URL, SIGNIN_PATH, checked_server, widget_page

__all__ = [
    "DEFAULT_LIFETIME",
    "LIBRARIES",
    "SECRET_ENV",
    "SERVER_LANGUAGES",
    "Sample",
    "SampleLanguage",
    "TimedClaim",
    "plan_claims",
    "server_sample",
    "signin_script",
    "snippet",
]

SECRET_ENV = "TILEDESK_SECRET"  # noqa: S105 (the name of a variable, not a secret)
DEFAULT_LIFETIME = 3600
"""Seconds a sample's token lives when neither the user nor the claims say (one hour)."""


class SampleLanguage(StrEnum):
    """What ``tiledesk-jwt snippet --lang`` writes."""

    NODE = "node"
    PHP = "php"
    JAVA = "java"
    PYTHON = "python"
    GO = "go"
    WIDGET = "widget"
    CURL = "curl"


SERVER_LANGUAGES = (
    SampleLanguage.NODE,
    SampleLanguage.PHP,
    SampleLanguage.JAVA,
    SampleLanguage.PYTHON,
    SampleLanguage.GO,
)

LIBRARIES: dict[SampleLanguage, str] = {
    SampleLanguage.NODE: "jsonwebtoken 9 (8.x works the same way)",
    SampleLanguage.PHP: "firebase/php-jwt 6",
    SampleLanguage.JAVA: "JJWT 0.12 (jjwt-api, jjwt-impl, jjwt-jackson)",
    SampleLanguage.PYTHON: "PyJWT 2",
    SampleLanguage.GO: "github.com/golang-jwt/jwt v4 and v5 (only the import path differs)",
}


@dataclass(frozen=True)
class TimedClaim:
    """A time claim the sample computes when it runs: ``now + offset`` seconds."""

    offset: int


@dataclass(frozen=True)
class Sample:
    """A program (or page) and what it cannot reproduce exactly."""

    language: SampleLanguage
    code: str
    filename: str
    notes: tuple[str, ...] = ()


def _whole(value: JSONValue) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def lifetime_of(claims: Mapping[str, JSONValue], lifetime: int | None) -> int:
    """The chosen lifetime; else the claims' own ``exp - iat``; else an hour."""
    if lifetime is not None:
        return lifetime
    exp, iat = claims.get("exp"), claims.get("iat")
    if _whole(exp) and _whole(iat) and isinstance(exp, int) and isinstance(iat, int) and exp > iat:
        return exp - iat
    return DEFAULT_LIFETIME


def plan_claims(
    claims: Mapping[str, JSONValue], lifetime: int | None = None
) -> list[tuple[str, JSONValue | TimedClaim]]:
    """The claims in order, whole-second ``iat``, ``nbf`` and ``exp`` made relative to the
    moment the sample runs; ``exp`` is added when missing."""
    span = lifetime_of(claims, lifetime)
    iat = claims.get("iat")
    base = iat if isinstance(iat, int) and not isinstance(iat, bool) else None
    plan: list[tuple[str, JSONValue | TimedClaim]] = []
    for name, value in claims.items():
        if name == "iat" and base is not None:
            plan.append((name, TimedClaim(0)))
        elif name == "exp" and (_whole(value) or lifetime is not None):
            plan.append((name, TimedClaim(span)))
        elif name == "nbf" and isinstance(value, int) and not isinstance(value, bool):
            plan.append((name, TimedClaim(value - base if base is not None else 0)))
        else:
            plan.append((name, value))
    if "exp" not in claims:
        plan.append(("exp", TimedClaim(span)))
    return plan


def _notes(
    language: SampleLanguage, plan: list[tuple[str, JSONValue | TimedClaim]], lifetime: int | None
) -> tuple[str, ...]:
    notes: list[str] = []
    limits = LIMITS[language.value]
    for name, value in plan:
        if isinstance(value, TimedClaim):
            continue
        notes.extend(lossy_values(value, limits, name))
        if name in ("iat", "exp", "nbf") and not _whole(value):
            notes.append(
                f"{name} is not a whole number of seconds: copied as it is"
                + (" (jsonwebtoken refuses to sign it)" if language is SampleLanguage.NODE else "")
            )
    return tuple(notes)


def _check_claims(claims: object) -> Mapping[str, JSONValue]:
    if not isinstance(claims, Mapping):
        raise InputError("the claims must be a JSON object")
    return claims


def server_sample(
    language: SampleLanguage, claims: Mapping[str, JSONValue], *, lifetime: int | None = None
) -> Sample:
    """The program for ``language`` that prints a token with exactly these claims."""
    checked = _check_claims(claims)
    if lifetime is not None and lifetime <= 0:
        raise InputError("the lifetime must be positive (exp after iat)")
    plan = plan_claims(checked, lifetime)
    try:
        writer = _WRITERS[language]
    except KeyError:
        raise InputError(f"{language.value} is not a server-side language") from None
    try:
        code, extra = writer(plan)
    except ValueError as exc:
        raise InputError(f"the claims cannot be written as code: {exc}") from None
    return Sample(
        language, code, _FILENAMES[language], _notes(language, plan, lifetime) + tuple(extra)
    )


def _timed(value: TimedClaim, now: str, suffix: str = "") -> str:
    if value.offset == 0:
        return now
    sign = "+" if value.offset > 0 else "-"
    return f"{now} {sign} {abs(value.offset)}{suffix}"


def _node(plan: list[tuple[str, JSONValue | TimedClaim]]) -> tuple[str, list[str]]:
    lines = []
    for name, value in plan:
        key = js_key(name, NODE.string(name))
        text = (
            _timed(value, "now") if isinstance(value, TimedClaim) else render_literal(value, NODE)
        )
        lines.append(f"  {key}: {text},")
    body = "\n".join(lines)
    if any(name == "iat" for name, _ in plan):
        # jsonwebtoken keeps the claims' own iat; its noTimestamp option would delete it.
        sign = "console.log(jwt.sign(claims, secret, { algorithm: 'HS256' }));"
    else:
        sign = (
            "// noTimestamp: these claims have no iat, and jsonwebtoken would add one.\n"
            "console.log(jwt.sign(claims, secret, { algorithm: 'HS256', noTimestamp: true }));"
        )
    code = f"""// Signs a Tiledesk custom-auth token (HS256) with jsonwebtoken 9 and prints it.
//   npm install jsonwebtoken@9
//   TILEDESK_SECRET='the project secret' node tiledesk-token.js
const jwt = require('jsonwebtoken');

const secret = process.env.TILEDESK_SECRET; // the project's shared secret, never in the code
if (!secret) {{
  console.error('TILEDESK_SECRET is not set (Settings > Visitor Authentication).');
  process.exit(2);
}}

const now = Math.floor(Date.now() / 1000); // seconds, not Date.now()'s milliseconds
const claims = {{
{body}
}};

{sign}
"""
    return code, []


def _python(plan: list[tuple[str, JSONValue | TimedClaim]]) -> tuple[str, list[str]]:
    lines = []
    for name, value in plan:
        text = (
            _timed(value, "now") if isinstance(value, TimedClaim) else render_literal(value, PYTHON)
        )
        lines.append(f"    {PYTHON.string(name)}: {text},")
    body = "\n".join(lines)
    code = f'''"""Signs a Tiledesk custom-auth token (HS256) with PyJWT 2 and prints it.

    pip install "PyJWT>=2"
    TILEDESK_SECRET='the project secret' python tiledesk_token.py
"""

import os
import sys
import time

import jwt

key = os.environ.get("TILEDESK_SECRET")  # the project's shared secret, never in the code
if not key:
    print("TILEDESK_SECRET is not set (Settings > Visitor Authentication).", file=sys.stderr)
    sys.exit(2)

now = int(time.time())
claims = {{
{body}
}}

print(jwt.encode(claims, key, algorithm="HS256"))
'''
    return code, []


def _go(plan: list[tuple[str, JSONValue | TimedClaim]]) -> tuple[str, list[str]]:
    lines = []
    for name, value in plan:
        text = _timed(value, "now") if isinstance(value, TimedClaim) else render_literal(value, GO)
        lines.append(f"\t\t{GO.string(name)}: {text},")
    body = "\n".join(lines)
    code = f"""// Signs a Tiledesk custom-auth token (HS256) with golang-jwt and prints it.
// Works with v4 and v5: for v5 change the import to "github.com/golang-jwt/jwt/v5".
//
//	go get github.com/golang-jwt/jwt/v4
//	TILEDESK_SECRET='the project secret' go run .
package main

import (
	"fmt"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v4"
)

func main() {{
	secret := os.Getenv("TILEDESK_SECRET") // the project's shared secret, never in the code
	if secret == "" {{
		fmt.Fprintln(os.Stderr, "Set TILEDESK_SECRET to the project secret.")
		os.Exit(2)
	}}

	now := time.Now().Unix()
	claims := jwt.MapClaims{{
{body}
	}}

	signed, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(secret))
	if err != nil {{
		fmt.Fprintln(os.Stderr, "cannot sign:", err)
		os.Exit(1)
	}}
	fmt.Println(signed)
}}
"""
    return code, []


def _php(plan: list[tuple[str, JSONValue | TimedClaim]]) -> tuple[str, list[str]]:
    lines = []
    for name, value in plan:
        text = (
            _timed(value, "$now") if isinstance(value, TimedClaim) else render_literal(value, PHP)
        )
        lines.append(f"    {PHP.string(name)} => {text},")
    body = "\n".join(lines)
    extra = []
    names = [name for name, _ in plan]
    if names == [str(index) for index in range(len(names))]:
        extra.append("the claims' names are 0, 1, 2…: json_encode writes them as a JSON list")
    code = f"""<?php
// Signs a Tiledesk custom-auth token (HS256) with firebase/php-jwt 6 and prints it.
//   composer require firebase/php-jwt:^6
//   TILEDESK_SECRET='the project secret' php tiledesk-token.php
require __DIR__ . '/vendor/autoload.php';

use Firebase\\JWT\\JWT;

$secret = getenv('TILEDESK_SECRET'); // the project's shared secret, never in the code
if ($secret === false || $secret === '') {{
    fwrite(STDERR, "TILEDESK_SECRET is not set (Settings > Visitor Authentication).\\n");
    exit(2);
}}

$now = time();
$claims = [
{body}
];

echo JWT::encode($claims, $secret, 'HS256'), PHP_EOL;
"""
    return code, extra


# JJWT writes these through its typed builder methods (a String aud through audience().single(),
# so that aud stays a string and does not become an array).
_JAVA_STRING_CLAIMS = {"sub": ".subject({})", "iss": ".issuer({})", "jti": ".id({})"}
_JAVA_DATE_CLAIMS = {"iat": ".issuedAt({})", "exp": ".expiration({})", "nbf": ".notBefore({})"}


def _java(plan: list[tuple[str, JSONValue | TimedClaim]]) -> tuple[str, list[str]]:
    calls = []
    extra = []
    for name, value in plan:
        if isinstance(value, TimedClaim):
            seconds = _timed(value, "now", "L")
            moment = f"new Date({seconds if value.offset == 0 else f'({seconds})'} * 1000L)"
            calls.append(_JAVA_DATE_CLAIMS[name].format(moment))
        elif name in _JAVA_STRING_CLAIMS and isinstance(value, str):
            calls.append(_JAVA_STRING_CLAIMS[name].format(JAVA.string(value)))
        elif name == "aud" and isinstance(value, str):
            calls.append(f".audience().single({JAVA.string(value)})")
        else:
            if value is None:
                extra.append(f"{name}: JJWT drops a claim whose value is null")
            elif name in ("sub", "iss", "jti", "aud"):
                extra.append(f"{name}: JJWT expects a string here and may refuse this value")
            calls.append(f".claim({JAVA.string(name)}, {render_literal(value, JAVA)})")
    chain = "\n".join(f"                {call}" for call in calls)
    code = f"""// Signs a Tiledesk custom-auth token (HS256) with JJWT 0.12 and prints it.
// Dependencies: io.jsonwebtoken:jjwt-api, jjwt-impl and jjwt-jackson 0.12.x (runtime).
//   TILEDESK_SECRET='the project secret' java TiledeskToken.java
// JJWT refuses HMAC secrets shorter than 32 bytes (Tiledesk's own are 36 characters).
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;

public class TiledeskToken {{
    public static void main(String[] args) {{
        String secret = System.getenv("TILEDESK_SECRET"); // never in the code
        if (secret == null || secret.isEmpty()) {{
            System.err.println("Set TILEDESK_SECRET to the project secret.");
            System.exit(2);
        }}

        long now = System.currentTimeMillis() / 1000L;
        SecretKey key = Keys.hmacShaKeyFor(secret.getBytes(StandardCharsets.UTF_8));
        String token = Jwts.builder()
{chain}
                .signWith(key, Jwts.SIG.HS256)
                .compact();
        System.out.println(token);
    }}

    /** A JSON object: keys and values in turn. */
    static Map<String, Object> map(Object... keysAndValues) {{
        Map<String, Object> result = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {{
            result.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }}
        return result;
    }}

    /** A JSON array. */
    static List<Object> list(Object... items) {{
        return new ArrayList<>(Arrays.asList(items));
    }}
}}
"""
    return code, extra


_WRITERS = {
    SampleLanguage.NODE: _node,
    SampleLanguage.PYTHON: _python,
    SampleLanguage.GO: _go,
    SampleLanguage.PHP: _php,
    SampleLanguage.JAVA: _java,
}

_FILENAMES = {
    SampleLanguage.NODE: "tiledesk-token.js",
    SampleLanguage.PYTHON: "tiledesk_token.py",
    SampleLanguage.GO: "main.go",
    SampleLanguage.PHP: "tiledesk-token.php",
    SampleLanguage.JAVA: "TiledeskToken.java",
    SampleLanguage.WIDGET: "tiledesk-widget-test.html",
    SampleLanguage.CURL: "tiledesk-signin.sh",
}


def _checked_token(token: str) -> str:
    cleaned = token.strip()
    if cleaned.lower().startswith("jwt "):
        cleaned = cleaned[4:].lstrip()
    if any(not (0x21 <= ord(ch) <= 0x7E) for ch in cleaned):
        raise InputError(
            "the token holds spaces or characters outside printable ASCII: "
            "an HTTP header cannot carry it as it is"
        )
    return cleaned


def signin_script(token: str = "", server: str = CLOUD_API_URL) -> str:
    """A POSIX shell script making the widget's two sign-in calls with ``curl``; the token
    comes from ``TILEDESK_TOKEN`` when set, else the one given here (if any)."""
    base = checked_server(server)
    given = _checked_token(token)
    if given:
        choose = f'token="${{TILEDESK_TOKEN:-}}"\n[ -n "$token" ] || token={shlex.quote(given)}'
    else:
        choose = (
            ': "${TILEDESK_TOKEN:?Set TILEDESK_TOKEN to a token (without the JWT prefix)}"\n'
            'token="$TILEDESK_TOKEN"'
        )
    return f"""#!/bin/sh
# The Tiledesk web widget's two sign-in calls, made with curl (prints each answer).
#   TILEDESK_TOKEN="$(node tiledesk-token.js)" sh tiledesk-signin.sh
set -eu
server={shlex.quote(base)}
{choose}

echo "1. POST ${{server}}{SIGNIN_PATH}"
curl -sS -X POST "${{server}}{SIGNIN_PATH}" \\
  -H "Authorization: JWT ${{token}}" -H 'Content-Type: application/json' \\
  -w '\\nHTTP %{{http_code}}\\n'

# The widget makes this second call only after a successful sign-in.
echo "2. POST ${{server}}{CHAT21_TOKEN_PATH}"
curl -sS -X POST "${{server}}{CHAT21_TOKEN_PATH}" \\
  -H "Authorization: JWT ${{token}}" -H 'Content-Type: application/json' -d '{{}}' \\
  -w '\\nHTTP %{{http_code}}\\n'
"""


def snippet(
    language: SampleLanguage,
    claims: Mapping[str, JSONValue] | None = None,
    *,
    project_id: str | None = None,
    lifetime: int | None = None,
    token: str = "",
    server: str = CLOUD_API_URL,
) -> Sample:
    """What ``tiledesk-jwt snippet --lang`` prints: a server-side sample for the claims, the
    widget test page for the project, or the curl script."""
    if language is SampleLanguage.WIDGET:
        if project_id is None:
            raise InputError("the widget page needs the project id (--project-id)")
        page = widget_page(project_id, _checked_token(token) if token else "", server)
        return Sample(language, page, _FILENAMES[language])
    if language is SampleLanguage.CURL:
        return Sample(language, signin_script(token, server), _FILENAMES[language])
    if claims is None:
        raise InputError("a server-side sample needs claims")
    if project_id is not None and not PROJECT_ID_PATTERN.fullmatch(project_id):
        raise InputError(f"the project id {project_id!r} is not 24 hexadecimal characters")
    return server_sample(language, claims, lifetime=lifetime)
