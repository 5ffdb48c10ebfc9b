"""Keys: HMAC secrets (UTF-8 text, the Tiledesk way, or base64), PEM, JWK and JWKS.

A :class:`Key` says which algorithms it may verify or sign; verification takes the algorithm
from the key (and the user's choice), never from the token alone (RFC 8725 §2.1). Secret bytes
are kept out of ``repr`` and out of every message.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from .demo_keys import DEMO_EC_PRIVATE_KEY_PEM, DEMO_RSA_PRIVATE_KEY_PEM
from .encoding import node_utf8
from .errors import KeyLoadError

__all__ = [
    "ALL_ALGORITHMS",
    "ASYMMETRIC_ALGORITHMS",
    "HMAC_ALGORITHMS",
    "Key",
    "KeyChoice",
    "KeyKind",
    "KeyNote",
    "choose_keys",
    "demo_private_key",
    "key_status",
    "key_word",
    "load_key_text",
    "looks_like_key_material",
    "secret_key",
    "secret_note",
    "select_key",
    "signing_key",
]

HMAC_ALGORITHMS = ("HS256", "HS384", "HS512")
RSA_ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512")
EC_ALGORITHMS = {"secp256r1": "ES256", "secp384r1": "ES384", "secp521r1": "ES512"}
ASYMMETRIC_ALGORITHMS = (*RSA_ALGORITHMS, "ES256", "ES384", "ES512", "EdDSA")
ALL_ALGORITHMS = (*HMAC_ALGORITHMS, *ASYMMETRIC_ALGORITHMS)
HMAC_MIN_BYTES = {"HS256": 32, "HS384": 48, "HS512": 64}
"""RFC 7518 §3.2: a key of at least the hash's size."""


class KeyKind(StrEnum):
    SECRET = "secret"  # noqa: S105 (a kind of key)
    RSA = "RSA"
    EC = "EC"
    OKP = "OKP"


@dataclass(frozen=True)
class Key:
    """A key ready to verify (and, with private material, to sign).

    ``secret_text`` is the secret as typed, because Tiledesk uses the UTF-8 bytes of its text
    whatever its encoding; ``secret`` is the bytes this key signs and verifies with.
    """

    kind: KeyKind
    description: str
    algorithms: tuple[str, ...]
    kid: str | None = None
    secret: bytes | None = field(default=None, repr=False)
    secret_text: str | None = field(default=None, repr=False)
    public_key: Any = field(default=None, repr=False, compare=False)
    private_key: Any = field(default=None, repr=False, compare=False)
    confusable_with: str | None = None
    """For a secret whose text is itself key material: what it looks like ("a PEM public key")."""

    def __str__(self) -> str:
        return self.description

    @property
    def is_secret(self) -> bool:
        return self.kind is KeyKind.SECRET

    @property
    def can_sign(self) -> bool:
        return self.secret is not None or self.private_key is not None


_PEM_BLOCK = re.compile(r"-----BEGIN ([A-Z0-9 ]+)-----")


def looks_like_key_material(text: str) -> str | None:
    """Name the kind of key material ``text`` holds (PEM, JWK), or ``None`` for a plain secret."""
    stripped = text.strip()
    match = _PEM_BLOCK.search(stripped)
    if match:
        label = match.group(1)
        if "PRIVATE" in label:
            return "a PEM private key"
        if "CERTIFICATE" in label:
            return "a PEM certificate"
        return "a PEM public key"
    if stripped.startswith("{") and '"kty"' in stripped:
        return "a JWK"
    if stripped.startswith("ssh-") or stripped.startswith("ecdsa-sha2-"):
        return "an SSH public key"
    return None


def secret_key(text: str, *, base64_encoded: bool = False) -> Key:
    """An HMAC key from a secret: its UTF-8 bytes (Tiledesk's way) or its base64 decoding."""
    if not text:
        raise KeyLoadError("the secret is empty; an HMAC key needs at least one byte")
    if base64_encoded:
        data = _decode_base64_secret(text)
        source = "base64-decoded"
    else:
        data = node_utf8(text)
        source = "UTF-8 text"
    return Key(
        kind=KeyKind.SECRET,
        description=f"HMAC secret, {len(data)} bytes ({source})",
        algorithms=HMAC_ALGORITHMS,
        secret=data,
        secret_text=text,
        confusable_with=looks_like_key_material(text),
    )


def _decode_base64_secret(text: str) -> bytes:
    cleaned = "".join(text.split())
    for index, char in enumerate(cleaned):
        if not (char.isascii() and (char.isalnum() or char in "+/-_=")):
            raise KeyLoadError(
                f"the secret is not base64: character {index + 1} is not a base64 character"
            )
    body = cleaned.rstrip("=")
    if "=" in body:
        raise KeyLoadError("the secret is not base64: '=' padding appears before the end")
    if len(body) % 4 == 1:
        raise KeyLoadError(
            f"the secret is not base64: {len(body)} characters cannot be a base64 encoding"
        )
    translated = body.replace("-", "+").replace("_", "/")
    try:
        data = base64.b64decode(translated + "=" * (-len(translated) % 4), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise KeyLoadError("the secret is not base64") from exc
    if not data:
        raise KeyLoadError("the secret decodes to no bytes; an HMAC key needs at least one")
    return data


def load_key_text(text: str) -> tuple[Key, ...]:
    """Keys from PEM (SPKI, PKCS#1, X.509 certificate, PKCS#8/PKCS#1/SEC1 private key), a JWK
    or a JWKS. Raises :class:`KeyLoadError` naming what is wrong."""
    stripped = text.strip()
    if not stripped:
        raise KeyLoadError("the key is empty")
    if stripped.startswith(("{", "[")):
        return _load_jwk_text(stripped)
    if "-----BEGIN" in stripped:
        return (_load_pem(stripped),)
    raise KeyLoadError(
        "the key is neither PEM (-----BEGIN …-----) nor JSON (a JWK or JWKS); "
        "for an HMAC secret use the secret field"
    )


# cryptography and PyJWT are imported where an asymmetric key is first met: an HMAC secret,
# the Tiledesk way, needs only the standard library, and the window and the command line start
# faster without them.


def _load_pem(text: str) -> Key:
    from cryptography.hazmat.primitives import serialization  # noqa: PLC0415

    match = _PEM_BLOCK.search(text)
    label = match.group(1) if match else ""
    data = text.encode("utf-8", "replace")
    try:
        if "CERTIFICATE" in label:
            from cryptography import x509  # noqa: PLC0415 (costly import, rarely needed)

            certificate = x509.load_pem_x509_certificate(data)
            return _asymmetric_key(certificate.public_key(), None, "X.509 certificate", None)
        if "PRIVATE" in label:
            if "ENCRYPTED" in label:
                raise KeyLoadError("the private key is encrypted; export it without a password")
            private: Any = (
                serialization.load_ssh_private_key(data, password=None)
                if "OPENSSH" in label
                else serialization.load_pem_private_key(
                    data,
                    password=None,
                    unsafe_skip_rsa_key_validation=text.strip() == DEMO_RSA_PRIVATE_KEY_PEM.strip(),
                )
            )
            return _asymmetric_key(private.public_key(), private, "private key", None)
        public = serialization.load_pem_public_key(data)
        return _asymmetric_key(public, None, "public key", None)
    except KeyLoadError:
        raise
    except TypeError as exc:  # a password is needed
        raise KeyLoadError("the private key is encrypted; export it without a password") from exc
    except (ValueError, binascii.Error) as exc:
        what = label.lower() if label else "PEM block"
        raise KeyLoadError(f"the {what} cannot be read: {_short(exc)}") from exc
    except Exception as exc:  # cryptography raises its own types for exotic input
        raise KeyLoadError(f"the PEM key cannot be read: {_short(exc)}") from exc


def _short(exc: BaseException) -> str:
    message = str(exc).split("\n")[0].strip()
    # OpenSSL messages can be long and technical; keep the first clause.
    return (message[:160] + "…") if len(message) > 160 else (message or type(exc).__name__)


def _asymmetric_key(public: Any, private: Any, source: str, kid: str | None) -> Key:
    from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, rsa  # noqa: PLC0415

    if isinstance(public, rsa.RSAPublicKey):
        return Key(
            KeyKind.RSA,
            f"RSA {public.key_size}-bit {source}",
            RSA_ALGORITHMS,
            kid,
            public_key=public,
            private_key=private,
        )
    if isinstance(public, ec.EllipticCurvePublicKey):
        algorithm = EC_ALGORITHMS.get(public.curve.name)
        if algorithm is None:
            raise KeyLoadError(
                f"the EC key is on curve {public.curve.name}, which JOSE does not use "
                "(ES256 needs P-256, ES384 P-384, ES512 P-521)"
            )
        return Key(
            KeyKind.EC,
            f"EC {public.curve.name} {source}",
            (algorithm,),
            kid,
            public_key=public,
            private_key=private,
        )
    if isinstance(public, ed25519.Ed25519PublicKey | ed448.Ed448PublicKey):
        curve = "Ed25519" if isinstance(public, ed25519.Ed25519PublicKey) else "Ed448"
        return Key(
            KeyKind.OKP,
            f"{curve} {source}",
            ("EdDSA",),
            kid,
            public_key=public,
            private_key=private,
        )
    raise KeyLoadError(f"this kind of key ({type(public).__name__}) is not used to sign JWTs")


def _load_jwk_text(text: str) -> tuple[Key, ...]:
    try:
        document = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise KeyLoadError(f"the key is not valid JSON: {_short(exc)}") from exc
    if not isinstance(document, dict):
        raise KeyLoadError("the key JSON is not an object (a JWK) nor {'keys': [...]} (a JWKS)")
    if "keys" in document:
        entries = document["keys"]
        if not isinstance(entries, list) or not entries:
            raise KeyLoadError("the JWKS has no keys: 'keys' must be a non-empty array")
        keys: list[Key] = []
        problems: list[str] = []
        for index, entry in enumerate(entries):
            try:
                keys.append(_load_jwk(entry))
            except KeyLoadError as exc:
                problems.append(f"key {index + 1}: {exc}")
        if not keys:
            raise KeyLoadError("no key in the JWKS can be used (" + "; ".join(problems) + ")")
        return tuple(keys)
    return (_load_jwk(document),)


def _load_jwk(entry: object) -> Key:
    if not isinstance(entry, dict):
        raise KeyLoadError("a JWK must be a JSON object")
    kty = entry.get("kty")
    if not isinstance(kty, str):
        raise KeyLoadError("the JWK has no 'kty' (key type)")
    kid = entry.get("kid") if isinstance(entry.get("kid"), str) else None
    declared = entry.get("alg") if isinstance(entry.get("alg"), str) else None
    from jwt import PyJWK  # noqa: PLC0415
    from jwt.exceptions import PyJWKError, PyJWKSetError  # noqa: PLC0415

    try:
        jwk = PyJWK(entry)
    except (PyJWKError, PyJWKSetError, ValueError, TypeError, KeyError) as exc:
        raise KeyLoadError(f"the {kty} JWK cannot be read: {_short(exc)}") from exc
    except Exception as exc:
        raise KeyLoadError(f"the {kty} JWK cannot be read: {_short(exc)}") from exc
    material = jwk.key
    if kty == "oct":
        if not isinstance(material, bytes) or not material:
            raise KeyLoadError("the oct JWK has an empty 'k'")
        key = Key(
            KeyKind.SECRET,
            f"HMAC secret, {len(material)} bytes (JWK)",
            HMAC_ALGORITHMS,
            kid,
            secret=material,
        )
    else:
        private = material if hasattr(material, "public_key") else None
        public = private.public_key() if private is not None else material
        key = _asymmetric_key(public, private, "JWK", kid)
    if declared is not None:
        if declared not in key.algorithms:
            raise KeyLoadError(f"the JWK declares alg {declared}, which a {kty} key cannot use")
        key = Key(
            key.kind,
            key.description,
            (declared,),
            key.kid,
            key.secret,
            key.secret_text,
            key.public_key,
            key.private_key,
        )
    return key


def select_key(keys: Sequence[Key], header: Mapping[str, object] | None) -> Key | str:
    """The key of ``keys`` for a token with this header, or a message saying why none fits.

    A JWKS is searched by the token's ``kid``; without a ``kid`` the first key whose algorithms
    include the token's ``alg`` is taken.
    """
    if not keys:
        return "no key was given"
    kid = header.get("kid") if header else None
    alg = header.get("alg") if header else None
    if len(keys) == 1:
        only = keys[0]
        if isinstance(kid, str) and only.kid is not None and only.kid != kid:
            return f"the token names kid {kid!r}, but the key's kid is {only.kid!r}"
        return only
    if isinstance(kid, str):
        for key in keys:
            if key.kid == kid:
                return key
        return f"the key set has no key with kid {kid!r} (it has {_kids(keys)})"
    for key in keys:
        if alg in key.algorithms:
            return key
    return f"the token names no kid and no key in the set verifies alg {alg!r}"


def _kids(keys: Sequence[Key]) -> str:
    kids = [repr(key.kid) for key in keys if key.kid is not None]
    return ", ".join(kids) if kids else "no kids"


# --- which key, and notes about keys (for the faces) ----------------------------------------

TILEDESK_SECRET_CHARS = 36
"""Tiledesk's project secrets are UUIDs: 36 characters."""
_DEMO_PRIVATE_KEYS = {
    **dict.fromkeys(RSA_ALGORITHMS, DEMO_RSA_PRIVATE_KEY_PEM),
    "ES256": DEMO_EC_PRIVATE_KEY_PEM,
}


@dataclass(frozen=True)
class KeyChoice:
    """The keys a person gave, for one algorithm: ``verify`` checks a signature, ``sign`` makes
    one. ``missing`` says what to give when ``sign`` is ``None``; ``problem`` why the key that
    verifies could not be read (a broken PEM is not "no key")."""

    verify: Key | tuple[Key, ...] | None
    sign: Key | None
    missing: str | None = None
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class KeyNote:
    """A line about a key input: ``good`` is ``True`` (fine), ``False`` (a problem) or ``None``
    (neutral)."""

    text: str
    good: bool | None = None


def key_word(algorithm: object) -> str:
    """What verifies a token of ``algorithm``, in words: "secret" or "public key"."""
    return "public key" if algorithm in ASYMMETRIC_ALGORITHMS else "secret"


def demo_private_key(algorithm: object) -> str | None:
    """The embedded demo private key (PEM) that signs ``algorithm``, if one ships."""
    return _DEMO_PRIVATE_KEYS.get(algorithm) if isinstance(algorithm, str) else None


def signing_key(keys: Sequence[Key]) -> Key | str:
    """The key of ``keys`` that can sign, or why none can."""
    for key in keys:
        if key.can_sign:
            return key
    return f"{keys[0].description} cannot sign: paste the private key (the public one goes above)"


def choose_keys(
    algorithm: object,
    *,
    secret: Key | None = None,
    secret_problem: str | None = None,
    public: Sequence[Key] = (),
    public_problem: str | None = None,
    private: Key | None = None,
    private_problem: str | None = None,
) -> KeyChoice:
    """The keys that verify and sign ``algorithm``, from what a person gave: the secret for
    HMAC (and anything not asymmetric); else the public keys, or the private key's public half."""
    if algorithm not in ASYMMETRIC_ALGORITHMS:
        missing = secret_problem or "enter the secret"
        problem = f"the secret cannot be used: {secret_problem}" if secret_problem else None
        return KeyChoice(secret, secret, None if secret else missing, problem)
    verify: tuple[Key, ...] | None = tuple(public) or ((private,) if private else None)
    missing = private_problem or (
        "paste a private key (PEM or JWK)"
        + (" or press “Use demo key”" if demo_private_key(algorithm) else "")
    )
    problem = None
    if not public and public_problem:
        problem = f"the key could not be read: {public_problem}"
    elif not public and private is None and private_problem:
        problem = f"the key could not be read: {private_problem}"
    return KeyChoice(verify, private, None if private else missing, problem)


def secret_note(key: Key | None, text: str, algorithm: object) -> KeyNote:
    """What the secret's length means for ``algorithm`` (RFC 7518 §3.2), or a hint when empty."""
    need = HMAC_MIN_BYTES.get(algorithm) if isinstance(algorithm, str) else None
    if key is None or key.secret is None or need is None:
        return KeyNote("" if text else "Tiledesk project secrets are 36-character UUIDs.")
    size = len(key.secret)
    unit = "byte" if size == 1 else "bytes"
    if size >= need:
        return KeyNote(
            f"{size} {unit}: strong enough for {algorithm} (RFC 7518 §3.2 asks at least {need}).",
            True,
        )
    note = f"{size} {unit}: short for {algorithm}; RFC 7518 §3.2 asks at least {need}."
    if size == TILEDESK_SECRET_CHARS:
        note += " Tiledesk's own 36-character secrets are long enough for HS256 only."
    else:
        note += " Tiledesk's own secrets are 36-character UUIDs."
    return KeyNote(note, False)


def key_status(keys: Sequence[Key], problem: str | None, empty: str) -> KeyNote:
    """One line for a key input: its problem, the keys read from it, or ``empty``."""
    if problem:
        return KeyNote("✖ " + problem[:1].upper() + problem[1:], False)
    if keys:
        names = ", ".join(k.description for k in keys[:3])
        more = f" and {len(keys) - 3} more" if len(keys) > 3 else ""
        return KeyNote(f"✔ {names}{more}", True)
    return KeyNote(empty)
