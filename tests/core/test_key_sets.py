"""Key sets and key limits: every candidate key is tried (by kid first), the one that verified
is named, kid surprises are warned about, oversized and weak keys are refused or warned, and a
key used only to verify never pays for a private-key check."""

from __future__ import annotations

import json

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jwt.algorithms import ECAlgorithm, RSAAlgorithm

from tests.core.hostile import CLAIMS as PLAIN_CLAIMS
from tests.core.hostile import NOW, oversized_keys
from tests.core.keys_for_tests import ec_private, private_pem, public_pem, rsa_private
from tiledesk_jwt_gui.core import (
    MAX_SECRET_BYTES,
    JSONValue,
    Key,
    KeyLoadError,
    Profile,
    Severity,
    SignatureStatus,
    Verdict,
    judge,
    key_label,
    load_key_text,
    secret_key,
    sign_token,
)

CLAIMS: dict[str, JSONValue] = dict(PLAIN_CLAIMS)


def other_ec() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def jwk(private: ec.EllipticCurvePrivateKey, kid: str) -> dict[str, object]:
    data: dict[str, object] = json.loads(ECAlgorithm.to_jwk(private.public_key()))
    data["kid"] = kid
    return data


def signed(private: ec.EllipticCurvePrivateKey, header: dict[str, JSONValue] | None = None) -> str:
    (key,) = load_key_text(private_pem(private))
    return sign_token(header, CLAIMS, key, "ES256")


def generic(token: str, keys: Key | tuple[Key, ...]) -> Verdict:
    return judge(token, keys, profile=Profile.GENERIC, at=NOW)


def test_a_pem_file_with_two_keys_tries_both_and_names_the_one_that_verified() -> None:
    first, second = other_ec(), ec_private("P-256")
    keys = load_key_text(public_pem(first) + "\n" + public_pem(second))
    assert len(keys) == 2
    verdict = generic(signed(second), keys)
    assert verdict.signature.status is SignatureStatus.VERIFIED
    assert verdict.signature.key is keys[1]
    assert key_label(keys[1], keys) in verdict.signature.summary
    assert "thumbprint" in verdict.signature.summary
    assert verdict.accepted


def test_a_jwks_with_a_repeated_kid_tries_each_and_warns() -> None:
    first, second = other_ec(), ec_private("P-256")
    keys = load_key_text(json.dumps({"keys": [jwk(first, "same"), jwk(second, "same")]}))
    verdict = generic(signed(second, {"kid": "same"}), keys)
    assert verdict.signature.status is SignatureStatus.VERIFIED
    assert verdict.signature.key is keys[1]
    warnings = [i for i in verdict.issues if i.code == "kid_ambiguous"]
    assert [w.severity for w in warnings] == [Severity.WARNING]
    assert "2 keys of the set have kid 'same'" in warnings[0].message


def test_a_kid_absent_from_the_set_is_refused_as_jose_does_naming_the_key_that_fits() -> None:
    first, second = other_ec(), ec_private("P-256")
    keys = load_key_text(json.dumps({"keys": [jwk(first, "a"), jwk(second, "b")]}))
    verdict = generic(signed(second, {"kid": "zzz"}), keys)
    assert verdict.signature.status is SignatureStatus.INVALID
    assert not verdict.accepted
    assert verdict.signature.summary == (
        "the key set has no key with kid 'zzz' (it has 'a', 'b'); the key with kid 'b' "
        "verifies the signature, so the token's kid is what is wrong"
    )
    assert [i.code for i in verdict.errors] == ["key_not_found"]
    unknown = generic(signed(other_ec(), {"kid": "zzz"}), keys)
    assert unknown.signature.summary == "the key set has no key with kid 'zzz' (it has 'a', 'b')"


def test_keys_without_kids_are_tried_whatever_kid_the_token_names() -> None:
    keys = load_key_text(public_pem(other_ec()) + public_pem(ec_private("P-256")))
    verdict = generic(signed(ec_private("P-256"), {"kid": "anything"}), keys)
    assert verdict.signature.status is SignatureStatus.VERIFIED
    (single,) = load_key_text(json.dumps(jwk(ec_private("P-256"), "other")))
    alone = generic(signed(ec_private("P-256"), {"kid": "anything"}), single)
    assert alone.signature.status is SignatureStatus.VERIFIED  # one key given alone is used


def test_a_set_where_no_key_matches_says_how_many_were_tried() -> None:
    keys = load_key_text(public_pem(other_ec()) + public_pem(other_ec()))
    verdict = generic(signed(ec_private("P-256")), keys)
    assert verdict.signature.status is SignatureStatus.INVALID
    assert verdict.signature.summary == "the ES256 signature matches none of the 2 keys tried"
    assert not verdict.accepted


def test_the_right_kid_is_tried_first_and_alone() -> None:
    first, second = other_ec(), ec_private("P-256")
    keys = load_key_text(json.dumps({"keys": [jwk(first, "a"), jwk(second, "b")]}))
    verdict = generic(signed(first, {"kid": "b"}), keys)  # signed by a, names b
    assert verdict.signature.status is SignatureStatus.INVALID
    assert verdict.signature.key is keys[1]


def test_openssl_ec_parameters_block_is_skipped() -> None:
    private = ec_private("P-256")
    text = (
        "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
        + private_pem(private, serialization.PrivateFormat.TraditionalOpenSSL)
    )
    (key,) = load_key_text(text)
    assert key.can_sign


def test_rfc_7638_thumbprint_example() -> None:
    # RFC 7638 §3.1: this key's thumbprint is NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs.
    n = (
        "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECP"
        "ebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2Qvz"
        "qY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZ"
        "u0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw"
    )
    (key,) = load_key_text(json.dumps({"kty": "RSA", "n": n, "e": "AQAB"}))
    assert key_label(key, (key,)) == "thumbprint NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"


@pytest.mark.parametrize("name", sorted(oversized_keys()))
def test_keys_over_the_limits_are_refused_with_the_limit(name: str) -> None:
    words = {
        "rsa_8200_pem": "8200 bits; keys over 8192 bits are refused",
        "rsa_8200_jwk": "8200 bits; keys over 8192 bits are refused",
        "rsa_9000_private_pem": "8999 bits; keys over 8192 bits are refused",
        "jwks_101_keys": "101 keys; at most 100",
        "pem_101_blocks": "101 blocks; at most 100",
        "text_over_256_kib": "over 256 KiB",
    }[name]
    for public_only in (False, True):
        with pytest.raises(KeyLoadError, match=words):
            load_key_text(oversized_keys()[name], public_only=public_only)


def inconsistent_private_pem() -> str:
    """A real RSA key whose private exponent was changed: its public half is fine, the key is
    not (OpenSSL's consistency check finds it; only that check does)."""
    numbers = rsa_private().private_numbers()
    broken = rsa.RSAPrivateNumbers(
        numbers.p,
        numbers.q,
        numbers.d + 2,
        numbers.dmp1,
        numbers.dmq1,
        numbers.iqmp,
        numbers.public_numbers,
    )
    return (
        broken.private_key(unsafe_skip_rsa_key_validation=True)
        .private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        .decode()
    )


def test_verifying_with_a_private_key_skips_the_private_check() -> None:
    text = inconsistent_private_pem()
    with pytest.raises(KeyLoadError, match="cannot be read"):
        load_key_text(text)  # to sign: fully checked
    (key,) = load_key_text(text, public_only=True)  # to verify: the public half alone
    assert not key.can_sign
    assert key.description == "RSA 2048-bit private key's public half"
    token = sign_token(None, CLAIMS, load_key_text(private_pem(rsa_private()))[0], "RS256")
    assert generic(token, key).signature.status is SignatureStatus.VERIFIED


def test_a_private_jwk_set_loaded_to_verify_keeps_public_halves_only() -> None:
    private_jwk = json.loads(RSAAlgorithm.to_jwk(rsa_private()))
    private_jwk["d"] = private_jwk["n"]  # nonsense: never looked at when verifying
    keys = load_key_text(json.dumps({"keys": [private_jwk]}), public_only=True)
    assert [k.can_sign for k in keys] == [False]
    with pytest.raises(KeyLoadError):
        load_key_text(json.dumps({"keys": [private_jwk]}))


def test_a_weak_rsa_key_verifies_with_a_warning() -> None:
    weak = rsa.generate_private_key(public_exponent=65537, key_size=1024)  # noqa: S505 (weak on purpose)
    token = sign_token(None, CLAIMS, load_key_text(private_pem(weak))[0], "RS256")
    verdict = generic(token, load_key_text(public_pem(weak)))
    assert verdict.accepted
    (warning,) = [i for i in verdict.issues if i.code == "rsa_key_short"]
    assert warning.severity is Severity.WARNING
    assert "1024 bits; RFC 7518 §3.3 asks 2048 or more" in warning.message
    strong = sign_token(None, CLAIMS, load_key_text(private_pem(rsa_private()))[0], "RS256")
    assert "rsa_key_short" not in {
        i.code for i in generic(strong, load_key_text(public_pem(rsa_private()))).issues
    }


def test_a_secret_over_the_limit_is_refused_wherever_it_comes_from() -> None:
    assert secret_key("é" * (MAX_SECRET_BYTES // 2)).secret == "é".encode() * (
        MAX_SECRET_BYTES // 2
    )
    for text in ("a" * (MAX_SECRET_BYTES + 1), "é" * (MAX_SECRET_BYTES // 2 + 1)):
        with pytest.raises(KeyLoadError, match="the secret is over 16 KiB"):
            secret_key(text)
