"""A second, blind generator for the differential tests: random JSON values, the odd kinds that
make JavaScript throw included, dropped into the claims the server reads (and logs), signed with
the project secret so that most tokens get past the signature."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import random
from typing import Any

PROJECT = "65a1b2c3d4e5f60718293a4b"
SECRET = "0b7c6f3e-2d41-4c8a-9f6e-5a3b2c1d0e9f"
NOW = 1_800_000_000
CLAIMS = (
    "_id",
    "sub",
    "aud",
    "exp",
    "nbf",
    "iat",
    "firstname",
    "lastname",
    "message",
    "padding",
    "_doc",
    "id_project",
    "email",
)
HASHES = {"HS256": hashlib.sha256, "HS384": hashlib.sha384, "HS512": hashlib.sha512}
SCALARS: list[Any] = [
    None,
    True,
    False,
    0,
    -0.0,
    1,
    1.5,
    NOW,
    NOW - 1,
    NOW + 1,
    NOW + 0.5,
    1e300,
    "",
    "x",
    "userexternal",
    "guest",
    "bot",
    "user",
    "subscription",
    "toString",
    "%s",
    "a:b",
    f"https://tiledesk.com/projects/{PROJECT}",
    f"https://tiledesk.com/projects/{PROJECT.upper()}",
    f"{PROJECT}_u",
    "https://tiledesk.com",
    f"https://x/bots/{PROJECT}",
    "https://tiledesk.com/projects/abcdefghijkl",
]
KEYS = ("toString", "valueOf", "_id", "warn", "error", "message", "a", "__proto__")


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def value(rng: random.Random, depth: int = 0) -> Any:
    roll = rng.random()
    if depth < 2 and roll < 0.2:
        return [value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    if depth < 2 and roll < 0.35:
        return {rng.choice(KEYS): value(rng, depth + 1) for _ in range(rng.randint(0, 3))}
    return rng.choice(SCALARS)


def case(rng: random.Random) -> dict[str, Any]:
    claims = {name: value(rng) for name in CLAIMS if rng.random() < 0.5}
    for name, sane in (("sub", "userexternal"), ("aud", SCALARS[22]), ("_id", f"{PROJECT}_42")):
        if rng.random() < 0.5:
            claims[name] = sane
    header: dict[str, Any] = {"alg": rng.choice(["HS256", "HS384", "HS512", "hs256", "none"])}
    if rng.random() < 0.7:
        header["typ"] = rng.choice(["JWT", "jwt"])
    signing_input = (
        f"{b64(json.dumps(header, separators=(',', ':')).encode())}."
        f"{b64(json.dumps(claims, separators=(',', ':')).encode())}"
    )
    digest = HASHES.get(header["alg"], hashlib.sha256)
    signature = b64(hmac.new(SECRET.encode(), signing_input.encode(), digest).digest())
    return {
        "name": "random",
        "token": f"{signing_input}.{signature}",
        "projects": {PROJECT: SECRET},
        "now": NOW,
        "global_secret": rng.choice([None, None, "nodeauthsecret"]),
    }
