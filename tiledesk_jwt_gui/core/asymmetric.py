"""RS, PS, ES and EdDSA signatures with ``cryptography`` directly (RFC 7518 §3.3–3.5, RFC 8037).

PyJWT's algorithm classes do the same calls, but importing ``jwt.algorithms`` pulls in PyJWT's
JWKS client (``urllib``, ``http``, ``ssl``): about 25 ms before the first RS256 check. Here only
the few ``cryptography`` modules a signature needs are imported, on first use. PyJWT stays for
what it does best, reading JWKs (``keys``), and the peer-token and differential tests check
that both agree on every token.

ECDSA signatures are JOSE's raw ``r || s`` (RFC 7518 §3.4), each half as long as the curve's
order in bytes; any other length is refused before ``cryptography`` sees it, as PyJWT does.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ASYMMETRIC_SIGNERS", "sign_asymmetric", "verify_asymmetric"]

# alg → (family, hash name). Families: PKCS#1 v1.5, PSS (salt as long as the hash), ECDSA, EdDSA.
ASYMMETRIC_SIGNERS: dict[str, tuple[str, str | None]] = {
    "RS256": ("pkcs1", "SHA256"),
    "RS384": ("pkcs1", "SHA384"),
    "RS512": ("pkcs1", "SHA512"),
    "PS256": ("pss", "SHA256"),
    "PS384": ("pss", "SHA384"),
    "PS512": ("pss", "SHA512"),
    "ES256": ("ecdsa", "SHA256"),
    "ES384": ("ecdsa", "SHA384"),
    "ES512": ("ecdsa", "SHA512"),
    "EdDSA": ("eddsa", None),
}


def _scheme(algorithm: str) -> tuple[str, Any, Any]:
    """(family, hash instance or None, padding or ECDSA object or None) for ``algorithm``."""
    from cryptography.hazmat.primitives import hashes  # noqa: PLC0415

    family, hash_name = ASYMMETRIC_SIGNERS[algorithm]  # KeyError: not an asymmetric alg
    if hash_name is None:  # EdDSA: the curve fixes the hash
        return family, None, None
    digest: hashes.HashAlgorithm = getattr(hashes, hash_name)()
    if family == "pkcs1":
        from cryptography.hazmat.primitives.asymmetric import padding  # noqa: PLC0415

        return family, digest, padding.PKCS1v15()
    if family == "pss":
        from cryptography.hazmat.primitives.asymmetric import padding  # noqa: PLC0415

        return family, digest, padding.PSS(padding.MGF1(digest), digest.digest_size)
    if family == "ecdsa":
        from cryptography.hazmat.primitives.asymmetric import ec  # noqa: PLC0415

        return family, digest, ec.ECDSA(digest)
    raise KeyError(algorithm)


def _half_length(curve: Any) -> int:
    return (int(curve.key_size) + 7) // 8


def sign_asymmetric(algorithm: str, private_key: Any, message: bytes) -> bytes:
    """The JOSE signature of ``message``; raises what ``cryptography`` raises for a bad key."""
    family, digest, scheme = _scheme(algorithm)
    if family in ("pkcs1", "pss"):
        return bytes(private_key.sign(message, scheme, digest))
    if family == "ecdsa":
        from cryptography.hazmat.primitives.asymmetric.utils import (  # noqa: PLC0415
            decode_dss_signature,
        )

        r, s = decode_dss_signature(private_key.sign(message, scheme))
        size = _half_length(private_key.curve)
        return r.to_bytes(size, "big") + s.to_bytes(size, "big")
    return bytes(private_key.sign(message))


def verify_asymmetric(algorithm: str, public_key: Any, message: bytes, signature: bytes) -> bool:
    """Whether ``signature`` is ``algorithm``'s signature of ``message`` under ``public_key``.
    A signature that does not verify is ``False``; a key of the wrong type raises."""
    from cryptography.exceptions import InvalidSignature  # noqa: PLC0415

    family, digest, scheme = _scheme(algorithm)
    try:
        if family in ("pkcs1", "pss"):
            public_key.verify(signature, message, scheme, digest)
        elif family == "ecdsa":
            from cryptography.hazmat.primitives.asymmetric.utils import (  # noqa: PLC0415
                encode_dss_signature,
            )

            size = _half_length(public_key.curve)
            if len(signature) != 2 * size:
                return False
            r = int.from_bytes(signature[:size], "big")
            s = int.from_bytes(signature[size:], "big")
            public_key.verify(encode_dss_signature(r, s), message, scheme)
        else:
            public_key.verify(signature, message)
    except InvalidSignature:
        return False
    return True
