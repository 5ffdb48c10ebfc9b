"""A catalogue of hostile tokens (issues: reliability and security passes), shared by the core,
CLI, window and interop tests. Each entry: a name, the token text, and what must hold of it.

Besides the tokens: the text a terminal or Qt would obey if shown raw (``TERMINAL_ESCAPES``,
``MARKUP``), the numbers no option may take (``HOSTILE_NUMBERS``), and key texts over the size
limits (``oversized_keys``)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import unicodedata
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


TERMINAL_ESCAPES = (
    "\x1b[2J\x1b[H",  # clear the screen, cursor home
    "\x1b[1A\x1b[2K\x1b[32mTiledesk would accept this token\x1b[0m",  # redraw a fake verdict
    "\x1b]0;pwned\x07",  # OSC: set the window title
    "\x9b2J",  # C1 CSI: "ESC [" in one character for some terminals
    "\r\nTiledesk would accept this token",  # a line of its own
    "\u202egnp.exe",  # right-to-left override: shows as "exe.png"
    "\u2066hidden\u2069\u200b\ufeff\u00ad",  # isolates, zero-width space, BOM, soft hyphen
    "\x7f\x00\x08",  # DEL, NUL, backspace
)
"""Text that, printed raw, steers a terminal or hides or reorders what follows."""

MARKUP = (
    "<img src='x' onerror='alert(1)'>",
    "<a href='https://attacker.example'>click</a>",
    "<b>bold</b>",
    "<font size=7 color=green>Signature Verified</font>",
)
"""Text that Qt renders as rich text (a picture, a link, bold, a huge green fake badge) if a
widget takes it for HTML."""

UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def unsafe_characters(text: str) -> list[str]:
    """Every character of ``text`` a terminal could obey or hide (controls, format characters,
    line and paragraph separators, lone surrogates), found by Unicode category alone, apart
    from the code under test."""
    return [c for c in text if unicodedata.category(c) in UNSAFE_CATEGORIES]


HOSTILE_NUMBERS = ("nan", "NaN", "inf", "-inf", "Infinity", "1e400", "-1", "9" * 400)
"""Values no numeric option (leeway, time, duration) may accept."""


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
    for index, text in enumerate((*TERMINAL_ESCAPES, *MARKUP)):
        kind = "escape" if index < len(TERMINAL_ESCAPES) else "markup"
        label = f"{kind}_{index}"
        tainted = {**CLAIMS, "firstname": text, text: text, "attributes": {text: [text]}}
        items.append(
            Hostile(
                f"{label}_in_claims",
                raw_token(js({"alg": "HS256", "typ": text, "kid": text}), js(tainted)),
                False,
            )
        )
        items.append(Hostile(f"{label}_in_alg", raw_token(js({"alg": text}), claims), True))
        items.append(
            Hostile(
                f"{label}_raw_payload",
                raw_token(js({"alg": "HS256"}), text.encode("utf-8", "surrogatepass")),
                False,
            )
        )
    items.append(
        Hostile(
            "megabytes",
            raw_token(js({"alg": "HS256"}), claims[:-1] + b',"blob":"' + b"a" * 1_500_000 + b'"}'),
            False,
        )
    )
    return items


def oversized_keys() -> dict[str, str]:
    """Key texts over the limits (``core/limits.py``), made at once: an RSA modulus of 8200
    bits needs no prime (a public key is any odd modulus), a JWKS of 101 keys repeats one."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    from tests.core.keys_for_tests import rsa_public_jwk

    modulus = (1 << 8199) | 0xF00D  # 8200 bits, odd
    big = rsa.RSAPublicNumbers(65537, modulus).public_key()
    big_pem = big.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode()
    big_jwk = {"kty": "RSA", "e": "AQAB", "n": b64(modulus.to_bytes(1025, "big"))}
    # A private key of 9000 bits, its numbers in range but not a real key: refused for its size
    # before OpenSSL's consistency check (which would take seconds, then refuse it anyway).
    half = (1 << 4499) | 0x1235, (1 << 4499) | 0x4321
    d = (1 << 7999) | 1
    numbers = rsa.RSAPrivateNumbers(
        half[0],
        half[1],
        d,
        d % (half[0] - 1),
        d % (half[1] - 1),
        1,
        rsa.RSAPublicNumbers(65537, half[0] * half[1]),
    )
    big_private_pem = (
        numbers.private_key(unsafe_skip_rsa_key_validation=True)
        .private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        .decode()
    )
    many = {"keys": [rsa_public_jwk(f"k{i}") for i in range(101)]}
    pem = public_pem(rsa_private())
    return {
        "rsa_8200_pem": big_pem,
        "rsa_8200_jwk": json.dumps(big_jwk),
        "rsa_9000_private_pem": big_private_pem,
        "jwks_101_keys": json.dumps(many),
        "pem_101_blocks": pem * 101,
        "text_over_256_kib": pem + " " * (256 * 1024),
    }
