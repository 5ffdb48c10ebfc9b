"""Signatures: round trips for every algorithm, and the forgeries that must never verify."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json

import pytest

from tests.core.keys_for_tests import (
    ec_private,
    ed_private,
    private_pem,
    public_pem,
    rsa_private,
)
from tiledesk_jwt_gui.core import (
    ALL_ALGORITHMS,
    JSONValue,
    Key,
    SignatureStatus,
    SignError,
    inspect_token,
    load_key_text,
    secret_key,
    sign_token,
    verify_signature,
)

SECRET = secret_key("0b7c6f3e-2d41-4c8a-9f6e-5a3b2c1d0e9f")
CLAIMS: dict[str, JSONValue] = {
    "_id": "65a1b2c3d4e5f60718293a4b_42",
    "sub": "userexternal",
    "n": 1.5,
    "u": "é",
}


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def private_key_for(algorithm: str) -> Key:
    if algorithm.startswith("HS"):
        return SECRET
    if algorithm.startswith(("RS", "PS")):
        return load_key_text(private_pem(rsa_private()))[0]
    if algorithm == "EdDSA":
        return load_key_text(private_pem(ed_private()))[0]
    curve = {"ES256": "P-256", "ES384": "P-384", "ES512": "P-521"}[algorithm]
    return load_key_text(private_pem(ec_private(curve)))[0]


def public_key_for(algorithm: str) -> Key:
    if algorithm.startswith("HS"):
        return SECRET
    if algorithm.startswith(("RS", "PS")):
        return load_key_text(public_pem(rsa_private()))[0]
    if algorithm == "EdDSA":
        return load_key_text(public_pem(ed_private()))[0]
    curve = {"ES256": "P-256", "ES384": "P-384", "ES512": "P-521"}[algorithm]
    return load_key_text(public_pem(ec_private(curve)))[0]


def status(token: str, key: Key | None, algorithms: list[str] | None = None) -> SignatureStatus:
    return verify_signature(inspect_token(token), key, algorithms).status


@pytest.mark.parametrize("algorithm", ALL_ALGORITHMS)
def test_sign_then_verify_round_trips_claims(algorithm: str) -> None:
    token = sign_token(None, CLAIMS, private_key_for(algorithm), algorithm)
    inspection = inspect_token(token)
    assert inspection.payload_object == CLAIMS
    assert inspection.header_object == {"alg": algorithm, "typ": "JWT"}
    assert status(token, public_key_for(algorithm)) is SignatureStatus.VERIFIED
    tampered = token.replace(token.split(".")[1], b64(b'{"_id":"other"}'))
    assert status(tampered, public_key_for(algorithm)) is SignatureStatus.INVALID


def test_hmac_signing_is_deterministic_and_matches_the_standard() -> None:
    token = sign_token({"typ": "JWT"}, {"a": 1}, SECRET, "HS256")
    assert token == sign_token({"typ": "JWT"}, {"a": 1}, SECRET, "HS256")
    signing_input, signature = token.rsplit(".", 1)
    assert SECRET.secret is not None
    expected = hmac.new(SECRET.secret, signing_input.encode(), hashlib.sha256).digest()
    assert signature == b64(expected)
    assert signing_input.split(".")[0] == b64(b'{"alg":"HS256","typ":"JWT"}')


def test_wrong_secret_is_invalid() -> None:
    token = sign_token(None, CLAIMS, SECRET, "HS256")
    assert status(token, secret_key("another secret")) is SignatureStatus.INVALID


@pytest.mark.parametrize("alg", ["none", "None", "NONE", "nOnE"])
@pytest.mark.parametrize("signature", ["", "c2lnbmF0dXJl"])
def test_alg_none_in_any_case_is_unsigned_never_verified(alg: str, signature: str) -> None:
    header = b64(json.dumps({"alg": alg}).encode())
    token = f"{header}.{b64(b'{}')}.{signature}"
    check = verify_signature(inspect_token(token), SECRET)
    assert check.status is SignatureStatus.UNSIGNED
    assert "alg_none" in [i.code for i in check.issues]


@pytest.mark.parametrize(
    ("header", "code"),
    [
        ({}, "alg_missing"),
        ({"alg": None}, "alg_missing"),
        ({"alg": 5}, "alg_not_string"),
        ({"alg": ""}, "alg_not_allowed"),
    ],
)
def test_missing_or_odd_alg_is_invalid(header: dict[str, object], code: str) -> None:
    token = f"{b64(json.dumps(header).encode())}.{b64(b'{}')}.c2ln"
    check = verify_signature(inspect_token(token), SECRET)
    assert check.status is SignatureStatus.INVALID
    assert code in [i.code for i in check.issues]


def test_rs_to_hs_key_confusion_never_verifies() -> None:
    """An HS256 token whose HMAC key is the RSA public key's PEM text."""
    pem = public_pem(rsa_private())
    forged = sign_token(None, CLAIMS, secret_key(pem), "HS256")
    public = load_key_text(pem)[0]
    assert status(forged, public) is SignatureStatus.INVALID
    assert status(forged, secret_key(pem)) is SignatureStatus.INVALID  # PEM typed as a secret


def test_secret_never_verifies_an_asymmetric_token() -> None:
    token = sign_token(None, CLAIMS, private_key_for("RS256"), "RS256")
    assert status(token, SECRET) is SignatureStatus.INVALID


def test_user_choice_of_algorithms_is_enforced() -> None:
    token = sign_token(None, CLAIMS, SECRET, "HS512")
    assert status(token, SECRET, ["HS256"]) is SignatureStatus.INVALID
    assert status(token, SECRET, ["HS512"]) is SignatureStatus.VERIFIED


def test_noncanonical_hmac_signature_is_refused_like_jsonwebtoken() -> None:
    token = sign_token(None, CLAIMS, SECRET, "HS256")
    signing_input, signature = token.rsplit(".", 1)
    last = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".index(signature[-1])
    tweaked = (
        signature[:-1]
        + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[last | 1]
    )
    assert tweaked != signature
    check = verify_signature(inspect_token(f"{signing_input}.{tweaked}"), SECRET)
    assert check.status is SignatureStatus.INVALID
    assert "signature_noncanonical" in [i.code for i in check.issues]


@pytest.mark.parametrize(
    "signature",
    [
        b"\x00" * 64,  # r = s = 0: the "psychic signature"
        bytes.fromhex("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551")
        * 2,  # r = s = n
        b"\x01" * 63,  # wrong length
        b"\x30\x06\x02\x01\x01\x02\x01\x01",  # DER instead of JOSE r||s
    ],
)
def test_ecdsa_psychic_and_malformed_signatures_are_invalid(signature: bytes) -> None:
    token = sign_token(None, CLAIMS, private_key_for("ES256"), "ES256")
    forged = f"{token.rsplit('.', 1)[0]}.{b64(signature)}"
    assert status(forged, public_key_for("ES256")) is SignatureStatus.INVALID


def test_missing_signature_is_unsigned_and_no_key_is_no_key() -> None:
    token = sign_token(None, CLAIMS, SECRET, "HS256")
    assert status(token.rsplit(".", 1)[0] + ".", SECRET) is SignatureStatus.UNSIGNED
    assert status(token, None) is SignatureStatus.NO_KEY


def test_unsigned_token_can_be_composed_for_testing() -> None:
    token = sign_token(None, CLAIMS, None, "none")
    assert token.endswith(".")
    assert inspect_token(token).header_object == {"alg": "none", "typ": "JWT"}


def test_nan_cannot_be_signed() -> None:
    with pytest.raises(SignError, match="cannot be written"):
        sign_token(None, {"a": float("nan")}, SECRET, "HS256")


def test_lone_surrogate_is_escaped_as_json_stringify_does() -> None:
    token = sign_token(None, {"a": "x\ud800"}, SECRET, "HS256")
    inspection = inspect_token(token)
    assert inspection.payload is not None
    assert inspection.payload.raw == b'{"a":"x\\ud800"}'
    assert inspection.payload_object == {"a": "x\ud800"}


def test_public_key_cannot_sign() -> None:
    with pytest.raises(SignError, match="private key"):
        sign_token(None, CLAIMS, public_key_for("RS256"), "RS256")
    with pytest.raises(SignError, match="cannot sign RS256"):
        sign_token(None, CLAIMS, SECRET, "RS256")
