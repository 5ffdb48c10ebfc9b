"""Keys from every format the window and the CLI accept, and clear messages for the rest."""

from __future__ import annotations

import json

import pytest
from cryptography.hazmat.primitives import serialization

from tests.core.keys_for_tests import (
    ec_private,
    ed_private,
    private_pem,
    public_pem,
    rsa_certificate_pem,
    rsa_private,
    rsa_public_jwk,
)
from tiledesk_jwt_gui.core import KeyKind, KeyLoadError, load_key_text, secret_key, select_keys

SECRET = "0b7c6f3e-2d41-4c8a-9f6e-5a3b2c1d0e9f"


def test_secret_is_utf8_text_by_default() -> None:
    key = secret_key("pässword")
    assert key.secret == "pässword".encode()
    assert key.algorithms == ("HS256", "HS384", "HS512")


def test_base64_secret_accepts_both_alphabets() -> None:
    assert secret_key("_-8=", base64_encoded=True).secret == b"\xff\xef"
    assert secret_key("/+8", base64_encoded=True).secret == b"\xff\xef"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "empty"),
    ],
)
def test_empty_secret_is_refused(text: str, words: str) -> None:
    with pytest.raises(KeyLoadError, match=words):
        secret_key(text)


def test_bad_base64_secret_names_the_character_not_the_secret() -> None:
    with pytest.raises(KeyLoadError) as caught:
        secret_key("abc$def-hidden", base64_encoded=True)
    assert "character 4" in str(caught.value)
    assert "hidden" not in str(caught.value)


def test_secret_never_appears_in_repr_or_str() -> None:
    key = secret_key(SECRET)
    assert SECRET not in repr(key)
    assert SECRET not in str(key)
    assert SECRET.encode().hex() not in repr(key)


def test_pem_offered_as_secret_is_flagged() -> None:
    assert secret_key(public_pem(rsa_private())).confusable_with == "a PEM public key"
    assert secret_key(json.dumps(rsa_public_jwk())).confusable_with == "a JWK"


@pytest.mark.parametrize(
    ("pem", "kind", "algorithms"),
    [
        (lambda: public_pem(rsa_private()), KeyKind.RSA, 6),
        (lambda: public_pem(rsa_private(), serialization.PublicFormat.PKCS1), KeyKind.RSA, 6),
        (rsa_certificate_pem, KeyKind.RSA, 6),
        (lambda: private_pem(rsa_private()), KeyKind.RSA, 6),
        (
            lambda: private_pem(rsa_private(), serialization.PrivateFormat.TraditionalOpenSSL),
            KeyKind.RSA,
            6,
        ),
        (lambda: public_pem(ec_private("P-384")), KeyKind.EC, 1),
        (lambda: private_pem(ed_private()), KeyKind.OKP, 1),
    ],
)
def test_pem_formats(pem: object, kind: KeyKind, algorithms: int) -> None:
    assert callable(pem)
    (key,) = load_key_text(pem())
    assert key.kind is kind
    assert len(key.algorithms) == algorithms
    assert key.public_key is not None


def test_private_pem_can_sign_public_cannot() -> None:
    assert load_key_text(private_pem(rsa_private()))[0].can_sign
    assert not load_key_text(public_pem(rsa_private()))[0].can_sign


def test_ec_curve_decides_the_algorithm() -> None:
    assert load_key_text(public_pem(ec_private("P-256")))[0].algorithms == ("ES256",)
    assert load_key_text(public_pem(ec_private("P-521")))[0].algorithms == ("ES512",)


def test_jwks_picks_by_kid() -> None:
    jwks = json.dumps({"keys": [rsa_public_jwk("one"), rsa_public_jwk("two")]})
    keys = load_key_text(jwks)
    chosen = select_keys(keys, {"alg": "RS256", "kid": "two"})
    assert [key.kid for key in chosen.candidates] == ["two"]
    assert (chosen.note, chosen.problem) == (None, None)
    missing = select_keys(keys, {"alg": "RS256", "kid": "three"})
    assert missing.candidates == ()
    assert missing.problem == "the key set has no key with kid 'three' (it has 'one', 'two')"


def test_jwk_declared_alg_restricts_the_key() -> None:
    jwk = rsa_public_jwk()
    jwk["alg"] = "PS256"
    assert load_key_text(json.dumps(jwk))[0].algorithms == ("PS256",)


def test_oct_jwk_is_a_secret() -> None:
    (key,) = load_key_text('{"kty":"oct","k":"c2VjcmV0"}')
    assert key.is_secret
    assert key.secret == b"secret"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "empty"),
        ("hello", "neither PEM"),
        ("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----", "cannot be read"),
        ("{", "not valid JSON"),
        ("[1]", "not an object"),
        ('{"keys": []}', "no keys"),
        ('{"kty": "RSA"}', "cannot be read"),
        ('{"n": "x"}', "no 'kty'"),
    ],
)
def test_unusable_key_text_says_why(text: str, words: str) -> None:
    with pytest.raises(KeyLoadError, match=words):
        load_key_text(text)


def test_encrypted_private_key_says_so() -> None:
    pem = (
        rsa_private()
        .private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(b"pw"),
        )
        .decode()
    )
    with pytest.raises(KeyLoadError, match="encrypted"):
        load_key_text(pem)


def test_single_key_with_another_kid_is_not_used() -> None:
    keys = load_key_text(json.dumps({"keys": [rsa_public_jwk("one")]}))
    mismatch = select_keys(keys, {"alg": "RS256", "kid": "two"})
    assert mismatch.candidates == ()
    assert mismatch.problem == "the token names kid 'two', but the key's kid is 'one'"
    plain = select_keys(keys, {"alg": "RS256"})
    assert (plain.candidates, plain.note, plain.problem) == (keys, None, None)
