"""Sign a header and a payload into a compact token, deterministically for HMAC.

The JSON is written as jsonwebtoken writes it (no spaces, UTF-8, key order kept), so a token
composed here is byte-for-byte what a Node backend would send for the same claims.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .asymmetric import sign_asymmetric
from .encoding import JSONValue, b64url_encode, dumps_compact
from .errors import SignError
from .keys import HMAC_ALGORITHMS, Key
from .verify import hmac_signature

__all__ = ["sign_token"]


def _encode_json(value: object, part: str) -> str:
    try:
        text = dumps_compact(value)
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:
            # A lone surrogate cannot be UTF-8; JSON.stringify writes it as an escape, and so do
            # we (the pattern is compiled only for such rare text, not at import).
            text = re.sub("[\ud800-\udfff]", lambda m: f"\\u{ord(m.group()):04x}", text)
            data = text.encode("utf-8")
        return b64url_encode(data)
    except ValueError as exc:
        raise SignError(f"the {part} cannot be written as JSON: {exc}") from None
    except RecursionError:
        raise SignError(f"the {part} is nested too deeply to write") from None
    except TypeError as exc:
        raise SignError(f"the {part} holds a value JSON cannot carry: {exc}") from None


def sign_token(
    header: Mapping[str, JSONValue] | None,
    payload: JSONValue,
    key: Key | None,
    algorithm: str,
) -> str:
    """Sign ``payload`` (normally a claims object) with ``key`` using ``algorithm``.

    ``header`` keeps its members and order; ``alg`` is set to ``algorithm`` and, when no header
    is given, ``typ`` is "JWT". ``algorithm`` "none" makes an unsigned token (for testing that
    verifiers refuse it). Raises :class:`SignError` naming what is wrong.
    """
    fields: dict[str, JSONValue] = {"alg": algorithm}
    if header is None:
        fields["typ"] = "JWT"
    else:
        fields.update((k, v) for k, v in header.items() if k != "alg")
    signing_input = f"{_encode_json(fields, 'header')}.{_encode_json(payload, 'payload')}"
    if algorithm == "none":
        return signing_input + "."
    if key is None:
        raise SignError(f"a key is needed to sign with {algorithm}")
    if algorithm not in key.algorithms:
        raise SignError(
            f"{key.description} cannot sign {algorithm}; it signs {', '.join(key.algorithms)}"
        )
    message = signing_input.encode("ascii")
    if algorithm in HMAC_ALGORITHMS:
        assert key.secret is not None
        return f"{signing_input}.{hmac_signature(algorithm, key.secret, message)}"
    if key.private_key is None:
        raise SignError(f"{key.description} is public: signing needs the private key")
    try:
        signature = sign_asymmetric(algorithm, key.private_key, message)
    except Exception as exc:  # cryptography refuses unusual keys in its own words
        raise SignError(f"{algorithm} signing failed: {type(exc).__name__}") from None
    return f"{signing_input}.{b64url_encode(signature)}"
