"""The harness gives, for every reference token, the verdict the real server stack computed.

This validates the harness itself (server_stack.js over passport-jwt 4.0.1 and jsonwebtoken
9.0.0) before it is used as the oracle of differential tests.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.interop.node_stack import run_stack
from tests.interop.token_factory import GLOBAL_SECRET, b64u, hmac_signature, jtext

pytestmark = pytest.mark.interop

VECTORS_FILE = Path(__file__).resolve().parents[1] / "vectors" / "tiledesk-server-verdicts.json"
VECTOR_CASES: list[dict[str, Any]] = json.loads(VECTORS_FILE.read_text(encoding="utf-8"))["cases"]
INPUT_KEYS = ("token", "projects", "now", "global_secret", "entity_check")


@pytest.fixture(scope="module")
def vector_verdicts(server_stack: Path) -> list[dict[str, object]]:
    cases = [{key: case[key] for key in INPUT_KEYS if key in case} for case in VECTOR_CASES]
    return run_stack(cases)


@pytest.mark.parametrize(
    "index", range(len(VECTOR_CASES)), ids=[case["name"] for case in VECTOR_CASES]
)
def test_the_harness_gives_the_servers_verdict(
    index: int, vector_verdicts: list[dict[str, object]]
) -> None:
    case = VECTOR_CASES[index]
    assert vector_verdicts[index] == case["expected"], case.get("note", "")


def test_the_vectors_cover_every_stage(vector_verdicts: list[dict[str, object]]) -> None:
    assert {str(verdict["stage"]) for verdict in vector_verdicts} == {"passport", "error", "hang"}


# Behaviours of the real stack that a reader may not expect. They pin the harness's model of
# JavaScript and HTTP semantics, so that a change to server_stack.js is always deliberate.

PROJECT = "65a1b2c3d4e5f60718293a4b"
ASCII_PROJECT = "6162636465666768696a6b6c"  # its 12 bytes spell "abcdefghijkl"
SECRETS = {
    PROJECT: "0b7c6f3e-2d41-4c8a-9f6e-5a3b2c1d0e9f",
    ASCII_PROJECT: "c3e1a2b4-7d6f-4e8a-b9c0-1d2e3f4a5b6c",
}
NOW = 1_800_000_000
AUD = f"https://tiledesk.com/projects/{PROJECT}"
OK = {"accepted": True, "stage": "passport", "reason": "ok"}
REFUSED = {"accepted": False, "stage": "passport", "reason": ""}
HANG = {"accepted": False, "stage": "hang", "reason": "the server never answers"}
TO_STRING_ERROR = {
    "accepted": False,
    "stage": "error",
    "reason": "Cannot convert object to primitive value",
}


def _token(
    claims: dict[str, object] | bytes,
    *,
    secret: str = SECRETS[PROJECT],
    header: bytes = b'{"alg":"HS256","typ":"JWT"}',
    dangling: str = "",
) -> str:
    """An HS256 token; ``dangling`` is appended to the payload segment before signing."""
    payload = claims if isinstance(claims, bytes) else jtext(claims)
    signing_input = f"{b64u(header)}.{b64u(payload)}{dangling}"
    return f"{signing_input}.{hmac_signature('HS256', secret.encode(), signing_input.encode())}"


def _claims(**changes: object) -> dict[str, object]:
    """The claims of a working token, with changes; a value of ``...`` removes the claim."""
    claims: dict[str, object] = {"_id": "ext-1", "sub": "userexternal", "aud": AUD}
    for key, value in changes.items():
        if value is ...:
            claims.pop(key, None)
        else:
            claims[key] = value
    return claims


def _raw_claims(extra: bytes) -> bytes:
    return b'{"_id":"a","sub":"userexternal","aud":"' + AUD.encode() + b'"' + extra + b"}"


def _three_n_bytes() -> bytes:
    """Claims whose JSON text has a multiple of 3 bytes: its base64url has no partial group."""
    for width in range(3):
        text = jtext(_claims(pad="x" * width))
        if len(text) % 3 == 0:
            return text
    raise AssertionError("unreachable")


PINNED: list[tuple[str, dict[str, object], dict[str, object]]] = [
    ("sub as a one-element array", {"token": _token(_claims(sub=["userexternal"]))}, OK),
    ("sub as a nested array", {"token": _token(_claims(sub=[["guest"]]))}, OK),
    ("sub object with toString", {"token": _token(_claims(sub={"toString": 1}))}, HANG),
    ("sub user: no such user", {"token": _token(_claims(sub="user"))}, REFUSED),
    ("_doc 0 and no _id", {"token": _token(_claims(_id=..., _doc=0))}, OK),
    ("_id 0 and no _doc", {"token": _token(_claims(_id=0))}, HANG),
    ("_id object with toString", {"token": _token(_claims(_id={"toString": 1}))}, HANG),
    ("firstname with toString", {"token": _token(_claims(firstname={"toString": 1}))}, HANG),
    (
        "firstname with toString, signin route",
        {"token": _token(_claims(firstname={"toString": 1})), "entity_check": False},
        OK,
    ),
    (
        "message with toString (winston)",
        {"token": _token(_claims(message={"toString": 1}))},
        TO_STRING_ERROR,
    ),
    (
        "padding with toString (winston simple format)",
        {"token": _token(_claims(aud=AUD[: -len(PROJECT)], padding={"error": {"toString": 1}}))},
        TO_STRING_ERROR,
    ),
    (
        "aud with a 12-character project id",
        {
            "token": _token(
                _claims(aud="https://tiledesk.com/projects/abcdefghijkl"),
                secret=SECRETS[ASCII_PROJECT],
            )
        },
        OK,
    ),
    ("aud as a one-element array", {"token": _token(_claims(aud=[AUD]))}, OK),
    ("text after a space is ignored", {"token": _token(_claims()) + " trailing words"}, OK),
    (
        "payload segment of length 1 mod 4",
        {"token": _token(_three_n_bytes(), dangling="A")},
        OK,
    ),
    (
        "exp exactly now",
        {"token": _token(_claims(exp=NOW))},
        {"accepted": False, "stage": "passport", "reason": "jwt expired"},
    ),
    ("nbf exactly now", {"token": _token(_claims(nbf=NOW))}, OK),
    ("exp of 400 digits", {"token": _token(_raw_claims(b',"exp":' + b"9" * 400))}, OK),
    (
        "null payload signed with the global secret",
        {"token": _token(b"null", secret=GLOBAL_SECRET), "global_secret": GLOBAL_SECRET},
        {
            "accepted": False,
            "stage": "error",
            "reason": "Cannot read properties of null (reading 'nbf')",
        },
    ),
]


@pytest.fixture(scope="module")
def pinned_verdicts(server_stack: Path) -> list[dict[str, object]]:
    cases = [{"projects": SECRETS, "now": NOW, **spec} for _, spec, _ in PINNED]
    return run_stack(cases)


@pytest.mark.parametrize("index", range(len(PINNED)), ids=[name for name, _, _ in PINNED])
def test_pinned_behaviour(index: int, pinned_verdicts: list[dict[str, object]]) -> None:
    assert pinned_verdicts[index] == PINNED[index][2]
