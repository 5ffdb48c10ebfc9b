"""Keys: HMAC secrets (UTF-8 text, the Tiledesk way, or base64), PEM, JWK and JWKS.

A :class:`Key` says which algorithms it may verify or sign; verification takes the algorithm
from the key (and the user's choice), never from the token alone (RFC 8725 §2.1). Secret bytes
are kept out of ``repr`` and out of every message.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from .demo_keys import DEMO_EC_PRIVATE_KEY_PEM, DEMO_RSA_PRIVATE_KEY_PEM
from .encoding import b64url_encode, node_utf8
from .errors import KeyLoadError
from .limits import MAX_JWKS_KEYS, MAX_KEY_BYTES, MAX_RSA_BITS, MAX_SECRET_BYTES, describe_size

__all__ = [
    "ALL_ALGORITHMS",
    "ASYMMETRIC_ALGORITHMS",
    "HMAC_ALGORITHMS",
    "Key",
    "KeyCandidates",
    "KeyChoice",
    "KeyKind",
    "KeyNote",
    "choose_keys",
    "demo_private_key",
    "key_label",
    "key_status",
    "key_word",
    "load_key_text",
    "looks_like_key_material",
    "secret_key",
    "secret_note",
    "select_keys",
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
    bits: int | None = None
    """An RSA modulus's or an EC curve's size in bits (None for secrets and Edwards keys)."""

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
    """An HMAC key from a secret: its UTF-8 bytes (Tiledesk's way) or its base64 decoding.
    A secret over :data:`MAX_SECRET_BYTES` is refused, wherever it comes from."""
    if not text:
        raise KeyLoadError("the secret is empty; an HMAC key needs at least one byte")
    if len(text) > MAX_SECRET_BYTES or len(node_utf8(text)) > MAX_SECRET_BYTES:
        raise KeyLoadError(
            f"the secret is over {describe_size(MAX_SECRET_BYTES)}, the limit for a secret "
            "(real secrets are tens of bytes); not used"
        )
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


def load_key_text(text: str, *, public_only: bool = False) -> tuple[Key, ...]:
    """Keys from PEM (SPKI, PKCS#1, X.509 certificate, PKCS#8/PKCS#1/SEC1/OpenSSH private key;
    every block of a file holding several), a JWK or a JWKS. Raises :class:`KeyLoadError` naming
    what is wrong.

    ``public_only`` is for verifying: only the public half of a private key is kept, and the
    private half is never checked (OpenSSL's RSA consistency check costs seconds on big keys and
    verifying never uses the private half). Without it a private key is fully checked, so that
    it can sign. Either way the limits of :mod:`.limits` hold: the text at most
    :data:`MAX_KEY_BYTES`, at most :data:`MAX_JWKS_KEYS` keys, RSA keys at most
    :data:`MAX_RSA_BITS` bits (refused before any costly check).
    """
    if len(text) > MAX_KEY_BYTES:
        raise KeyLoadError(
            f"the key is over {describe_size(MAX_KEY_BYTES)}, the limit for a key; not read"
        )
    stripped = text.strip()
    if not stripped:
        raise KeyLoadError("the key is empty")
    if stripped.startswith(("{", "[")):
        return _load_jwk_text(stripped, public_only)
    if "-----BEGIN" in stripped:
        return _load_pem_text(stripped, public_only)
    raise KeyLoadError(
        "the key is neither PEM (-----BEGIN …-----) nor JSON (a JWK or JWKS); "
        "for an HMAC secret use the secret field"
    )


# cryptography and PyJWT are imported where an asymmetric key is first met: an HMAC secret,
# the Tiledesk way, needs only the standard library, and the window and the command line start
# faster without them.

_PEM_WHOLE_BLOCK = re.compile(r"-----BEGIN ([A-Z0-9 ]+)-----.*?-----END \1-----", re.DOTALL)


def _load_pem_text(text: str, public_only: bool) -> tuple[Key, ...]:
    blocks = [
        match.group()
        for match in _PEM_WHOLE_BLOCK.finditer(text)
        if "PARAMETERS" not in match.group(1)  # "EC PARAMETERS" from openssl ecparam: no key
    ]
    if len(blocks) <= 1:
        return (_load_pem(blocks[0] if blocks else text, public_only),)
    if len(blocks) > MAX_JWKS_KEYS:
        raise KeyLoadError(
            f"the PEM text holds {len(blocks)} blocks; at most {MAX_JWKS_KEYS} keys are read"
        )
    keys: list[Key] = []
    problems: list[str] = []
    for index, block in enumerate(blocks):
        try:
            keys.append(_load_pem(block, public_only))
        except KeyLoadError as exc:
            problems.append(f"block {index + 1}: {exc}")
    if not keys:
        raise KeyLoadError("no PEM block holds a usable key (" + "; ".join(problems) + ")")
    return tuple(keys)


def _load_pem(text: str, public_only: bool) -> Key:
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
            load = (
                serialization.load_ssh_private_key
                if "OPENSSH" in label
                else serialization.load_pem_private_key
            )
            # Read first without OpenSSL's RSA consistency check (seconds for big keys), to
            # refuse oversized keys before it runs; the private half is not used yet.
            private: Any = load(data, None, unsafe_skip_rsa_key_validation=True)
            _check_key_size(private.public_key())
            if public_only:
                return _asymmetric_key(
                    private.public_key(), None, "private key's public half", None
                )
            if text.strip() != DEMO_RSA_PRIVATE_KEY_PEM.strip():
                private = load(data, None)  # checked now: this key may sign
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


def _check_key_size(public: Any) -> None:
    """Refuse an RSA key over :data:`MAX_RSA_BITS` bits (before anything costly is done)."""
    from cryptography.hazmat.primitives.asymmetric import rsa  # noqa: PLC0415

    if isinstance(public, rsa.RSAPublicKey):
        _check_rsa_bits(public.key_size)


def _check_rsa_bits(bits: int) -> None:
    if bits > MAX_RSA_BITS:
        raise KeyLoadError(
            f"the RSA key has {bits} bits; keys over {MAX_RSA_BITS} bits are refused "
            "(no JOSE issuer uses them, and checking one takes seconds)"
        )


def _asymmetric_key(public: Any, private: Any, source: str, kid: str | None) -> Key:
    from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, rsa  # noqa: PLC0415

    if isinstance(public, rsa.RSAPublicKey):
        _check_rsa_bits(public.key_size)
        return Key(
            KeyKind.RSA,
            f"RSA {public.key_size}-bit {source}",
            RSA_ALGORITHMS,
            kid,
            public_key=public,
            private_key=private,
            bits=public.key_size,
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
            bits=public.curve.key_size,
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


def _load_jwk_text(text: str, public_only: bool) -> tuple[Key, ...]:
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
        if len(entries) > MAX_JWKS_KEYS:
            raise KeyLoadError(
                f"the JWKS has {len(entries)} keys; at most {MAX_JWKS_KEYS} are read"
            )
        keys: list[Key] = []
        problems: list[str] = []
        for index, entry in enumerate(entries):
            try:
                keys.append(_load_jwk(entry, public_only))
            except KeyLoadError as exc:
                problems.append(f"key {index + 1}: {exc}")
        if not keys:
            raise KeyLoadError("no key in the JWKS can be used (" + "; ".join(problems) + ")")
        return tuple(keys)
    return (_load_jwk(document, public_only),)


_PRIVATE_JWK_MEMBERS = ("d", "p", "q", "dp", "dq", "qi", "oth")


def _jwk_rsa_bits(entry: Mapping[str, object]) -> int | None:
    """The bit length of an RSA JWK's modulus, read without building the key."""
    modulus = entry.get("n")
    if not isinstance(modulus, str):
        return None
    try:
        data = base64.urlsafe_b64decode(modulus + "=" * (-len(modulus) % 4))
    except (binascii.Error, ValueError):
        return None
    return int.from_bytes(data, "big").bit_length()


def _load_jwk(entry: object, public_only: bool) -> Key:
    if not isinstance(entry, dict):
        raise KeyLoadError("a JWK must be a JSON object")
    kty = entry.get("kty")
    if not isinstance(kty, str):
        raise KeyLoadError("the JWK has no 'kty' (key type)")
    kid = entry.get("kid") if isinstance(entry.get("kid"), str) else None
    declared = entry.get("alg") if isinstance(entry.get("alg"), str) else None
    if kty == "RSA" and (bits := _jwk_rsa_bits(entry)) is not None:
        _check_rsa_bits(bits)
    if public_only and kty != "oct":
        # Verifying needs the public half alone: building a private key would run OpenSSL's
        # consistency check (seconds for big RSA keys) for nothing.
        entry = {name: value for name, value in entry.items() if name not in _PRIVATE_JWK_MEMBERS}
    from jwt import PyJWK  # noqa: PLC0415

    try:
        jwk = PyJWK(entry)
    except Exception as exc:  # PyJWT and cryptography raise many types for odd input
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
        key = replace(key, algorithms=(declared,))
    return key


@dataclass(frozen=True, slots=True)
class KeyCandidates:
    """The keys of a set worth trying for one token, best first, and what to tell about it.

    ``problem`` is set (and ``candidates`` empty) when no key may be tried: the token names a
    ``kid`` the set does not have. ``note`` warns that the token's ``kid`` names several keys.
    """

    candidates: tuple[Key, ...]
    note: str | None = None
    problem: str | None = None


def select_keys(keys: Sequence[Key], header: Mapping[str, object] | None) -> KeyCandidates:
    """The keys of ``keys`` to try for a token with this header, as jose and jwks-rsa look:

    - the token names a ``kid``: every key with that ``kid`` (a set may repeat one, with a
      note); none, in a set whose keys have kids: no key at all, as jose and jwks-rsa refuse
      (``problem`` says which kids there are); keys without kids (a PEM file) are all tried;
    - no ``kid``: every key.

    Keys that verify the token's ``alg`` come first; the others stay as a last resort, so that
    a refusal names the key and the algorithm.
    """
    if not keys:
        return KeyCandidates((), problem="no key was given")
    kid = header.get("kid") if header else None
    alg = header.get("alg") if header else None
    note = None
    pool = list(keys)
    if isinstance(kid, str) and any(key.kid is not None for key in keys):
        pool = [key for key in keys if key.kid == kid]
        if not pool:
            if len(keys) == 1:
                problem = f"the token names kid {kid!r}, but the key's kid is {keys[0].kid!r}"
            else:
                problem = f"the key set has no key with kid {kid!r} (it has {_kids(keys)})"
            return KeyCandidates((), problem=problem)
        if len(pool) > 1:
            note = (
                f"{len(pool)} keys of the set have kid {kid!r}; each was tried, "
                "as jose and jwks-rsa do"
            )
    fitting = [key for key in pool if alg in key.algorithms]
    others = [key for key in pool if alg not in key.algorithms]
    return KeyCandidates((*fitting, *others), note=note)


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


def key_label(key: Key, keys: Sequence[Key]) -> str:
    """Which key of ``keys`` this is, for people: its kid, else its RFC 7638 thumbprint, else
    its place in the set (a secret's thumbprint is never shown: it would be a hash of it)."""
    if key.kid is not None:
        return f"kid {key.kid!r}"
    if not key.is_secret and key.public_key is not None:
        thumbprint = _thumbprint(key.public_key)
        if thumbprint is not None:
            return f"thumbprint {thumbprint}"
    for index, candidate in enumerate(keys):
        if candidate is key:
            return f"key {index + 1} of {len(keys)}"
    return key.description


def _thumbprint(public: Any) -> str | None:
    """The RFC 7638 SHA-256 thumbprint of a public key, as jose's calculateJwkThumbprint."""
    from jwt.algorithms import ECAlgorithm, OKPAlgorithm, RSAAlgorithm  # noqa: PLC0415

    members = {"RSA": ("e", "kty", "n"), "EC": ("crv", "kty", "x", "y"), "OKP": ("crv", "kty", "x")}
    for algorithm in (RSAAlgorithm, ECAlgorithm, OKPAlgorithm):
        try:
            jwk: dict[str, Any] = algorithm.to_jwk(public, as_dict=True)
        except Exception:  # noqa: S112 (not this algorithm's kind of key: try the next)
            continue
        required = members.get(str(jwk.get("kty")))
        if required is None:
            return None
        canonical = json.dumps({name: jwk[name] for name in required}, separators=(",", ":"))
        return b64url_encode(hashlib.sha256(canonical.encode()).digest())
    return None
