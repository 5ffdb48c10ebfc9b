"""A catalogue of hostile tokens (issue: reliability and security pass), shared by the core, CLI
and interop tests. Each entry: a name, the token text, and what must hold of it."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from dataclasses import dataclass

from tests.core.keys_for_tests import public_pem, rsa_private

PROJECT = "65a1b2c3d4e5f60718293a4b"
SECRET = "0b7c6f3e-2d41-4c8a-9f6e-5a3b2c1d0e9f"
NOW = 1_800_000_000
CLAIMS = {
    "_id": f"{PROJECT}_42",
    "sub": "userexternal",
    "aud": f"https://tiledesk.com/projects/{PROJECT}",
    "email": "ada@example.com",
}


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def raw_token(
    header: bytes,
    payload: bytes,
    secret: bytes = SECRET.encode(),
    digest: str = "sha256",
    signature: str | None = None,
) -> str:
    signing_input = f"{b64(header)}.{b64(payload)}"
    if signature is None:
        mac = hmac.new(secret, signing_input.encode(), getattr(hashlib, digest)).digest()
        signature = b64(mac)
    return f"{signing_input}.{signature}"


def js(value: object) -> bytes:
    return json.dumps(value, separators=(",", ":")).encode()


@dataclass(frozen=True)
class Hostile:
    name: str
    token: str
    forged: bool
    """True when "Signature Verified" would be a lie (with the project secret as the key)."""


def catalogue() -> list[Hostile]:
    claims = js(CLAIMS)
    pem = public_pem(rsa_private())
    items: list[Hostile] = []
    for alg in ("none", "None", "NONE", "nOnE"):
        items.append(
            Hostile(f"alg_{alg}_unsigned", raw_token(js({"alg": alg}), claims, signature=""), True)
        )
        items.append(Hostile(f"alg_{alg}_signed", raw_token(js({"alg": alg}), claims), True))
    for label, header in (
        ("missing", {}),
        ("empty", {"alg": ""}),
        ("null", {"alg": None}),
        ("number", {"alg": 256}),
        ("array", {"alg": ["HS256"]}),
    ):
        items.append(Hostile(f"alg_{label}", raw_token(js(header), claims), True))
    items.append(
        Hostile(
            "rs_to_hs_confusion",
            raw_token(js({"alg": "HS256", "typ": "JWT"}), claims, secret=pem.encode()),
            True,
        )
    )
    for label, kid in (
        ("path_traversal", "../../../../etc/passwd"),
        ("sql", "x' UNION SELECT 'secret"),
        ("shell", "$(rm -rf ~); `id`"),
    ):
        items.append(
            Hostile(f"kid_{label}", raw_token(js({"alg": "HS256", "kid": kid}), claims), False)
        )
    for name, value in (
        ("jku", "https://attacker.example/jwks.json"),
        ("x5u", "https://attacker.example/cert.pem"),
        ("jwk", {"kty": "oct", "k": b64(b"attacker")}),
    ):
        offered: dict[str, object] = {"alg": "HS256", name: value}
        items.append(Hostile(f"header_{name}", raw_token(js(offered), claims), False))
        items.append(
            Hostile(
                f"header_{name}_self_signed",
                raw_token(js(offered), claims, secret=b"attacker"),
                True,
            )
        )
    items.append(
        Hostile(
            "crit_unknown",
            raw_token(js({"alg": "HS256", "crit": ["exp2"], "exp2": 1}), claims),
            False,
        )
    )
    items.append(
        Hostile("crit_malformed", raw_token(js({"alg": "HS256", "crit": "b64"}), claims), False)
    )
    items.append(
        Hostile(
            "b64_false",
            raw_token(js({"alg": "HS256", "b64": False, "crit": ["b64"]}), claims),
            False,
        )
    )
    items.append(
        Hostile(
            "duplicate_claims",
            raw_token(js({"alg": "HS256"}), claims[:-1] + b',"sub":"bot"}'),
            False,
        )
    )
    items.append(Hostile("header_array", raw_token(b'["HS256"]', claims), False))
    items.append(Hostile("payload_array", raw_token(js({"alg": "HS256"}), b"[1,2,3]"), False))
    items.append(
        Hostile("nan_claim", raw_token(js({"alg": "HS256"}), claims[:-1] + b',"n":NaN}'), False)
    )
    items.append(
        Hostile(
            "infinity_exp",
            raw_token(js({"alg": "HS256"}), claims[:-1] + b',"exp":Infinity}'),
            False,
        )
    )
    items.append(
        Hostile(
            "digits_5000",
            raw_token(js({"alg": "HS256"}), claims[:-1] + b',"exp":' + b"9" * 5000 + b"}"),
            False,
        )
    )
    items.append(
        Hostile(
            "nested_100000",
            raw_token(
                js({"alg": "HS256"}),
                claims[:-1] + b',"attributes":' + b"[" * 100_000 + b"]" * 100_000 + b"}",
            ),
            False,
        )
    )
    items.append(
        Hostile(
            "lone_surrogates",
            raw_token(js({"alg": "HS256"}), claims[:-1] + b',"firstname":"\\udc00\\ud800"}'),
            False,
        )
    )
    items.append(
        Hostile("bom_payload", raw_token(js({"alg": "HS256"}), b"\xef\xbb\xbf" + claims), False)
    )
    items.append(
        Hostile("bom_header", raw_token(b"\xef\xbb\xbf" + js({"alg": "HS256"}), claims), False)
    )
    items.append(
        Hostile(
            "invalid_utf8",
            raw_token(js({"alg": "HS256"}), claims[:-1] + b',"x":"\xc3\x28"}'),
            False,
        )
    )
    es_header = js({"alg": "ES256"})
    for label, signature in (
        ("psychic_zero", b"\x00" * 64),
        ("der_encoded", b"\x30\x06\x02\x01\x01\x02\x01\x01"),
    ):
        items.append(
            Hostile(f"ecdsa_{label}", raw_token(es_header, claims, signature=b64(signature)), True)
        )
    items.append(
        Hostile(
            "megabytes",
            raw_token(js({"alg": "HS256"}), claims[:-1] + b',"blob":"' + b"a" * 1_500_000 + b'"}'),
            False,
        )
    )
    return items
