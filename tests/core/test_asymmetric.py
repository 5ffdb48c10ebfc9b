"""The direct ``cryptography`` signatures against PyJWT's algorithm classes, both ways.

Every asymmetric algorithm the core offers: a signature made here verifies with PyJWT and one
made by PyJWT verifies here; a flipped bit, a wrong key or a wrong length is refused by both.
"""

from __future__ import annotations

from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, rsa
from jwt.algorithms import get_default_algorithms

from tests.core.keys_for_tests import ec_private, ed_private, rsa_private
from tiledesk_jwt_gui.core.asymmetric import (
    ASYMMETRIC_SIGNERS,
    sign_asymmetric,
    verify_asymmetric,
)
from tiledesk_jwt_gui.core.keys import ASYMMETRIC_ALGORITHMS

MESSAGE = b"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyZXh0ZXJuYWwifQ"
CURVES = {"ES256": "P-256", "ES384": "P-384", "ES512": "P-521"}


def private_for(algorithm: str) -> Any:
    if algorithm.startswith(("RS", "PS")):
        return rsa_private()
    if algorithm in CURVES:
        return ec_private(CURVES[algorithm])
    return ed_private()


def other_private_for(algorithm: str) -> Any:
    if algorithm.startswith(("RS", "PS")):
        return rsa.generate_private_key(public_exponent=65537, key_size=2048)
    if algorithm in CURVES:
        return ec.generate_private_key(private_for(algorithm).curve)
    return ed25519.Ed25519PrivateKey.generate()


def test_every_asymmetric_algorithm_of_the_core_is_covered() -> None:
    assert set(ASYMMETRIC_SIGNERS) == set(ASYMMETRIC_ALGORITHMS)


@pytest.mark.parametrize("algorithm", ASYMMETRIC_ALGORITHMS)
def test_signatures_agree_with_pyjwt_both_ways(algorithm: str) -> None:
    pyjwt = get_default_algorithms()[algorithm]
    private = private_for(algorithm)
    public = private.public_key()
    ours = sign_asymmetric(algorithm, private, MESSAGE)
    theirs = pyjwt.sign(MESSAGE, private)
    assert pyjwt.verify(MESSAGE, public, ours)
    assert verify_asymmetric(algorithm, public, MESSAGE, theirs)
    assert verify_asymmetric(algorithm, public, MESSAGE, ours)
    if algorithm in CURVES:  # JOSE's raw r || s, not DER
        assert len(ours) == len(theirs) == 2 * ((private.curve.key_size + 7) // 8)


@pytest.mark.parametrize("algorithm", ASYMMETRIC_ALGORITHMS)
def test_tampered_or_foreign_signatures_are_refused_as_pyjwt_refuses_them(algorithm: str) -> None:
    pyjwt = get_default_algorithms()[algorithm]
    private = private_for(algorithm)
    public = private.public_key()
    good = sign_asymmetric(algorithm, private, MESSAGE)
    flipped = bytes([good[0] ^ 1]) + good[1:]
    foreign = sign_asymmetric(algorithm, other_private_for(algorithm), MESSAGE)
    for bad in (flipped, foreign, good[:-1], good + b"\0", b""):
        assert verify_asymmetric(algorithm, public, MESSAGE, bad) is False
        assert pyjwt.verify(MESSAGE, public, bad) is False
    assert verify_asymmetric(algorithm, public, MESSAGE + b"x", good) is False


@pytest.mark.parametrize("algorithm", ["RS256", "PS256"])
def test_pkcs1_and_pss_are_not_interchangeable(algorithm: str) -> None:
    other = "PS256" if algorithm == "RS256" else "RS256"
    signature = sign_asymmetric(algorithm, rsa_private(), MESSAGE)
    assert verify_asymmetric(other, rsa_private().public_key(), MESSAGE, signature) is False


def test_ecdsa_psychic_signature_is_refused() -> None:
    public = ec_private("P-256").public_key()
    assert verify_asymmetric("ES256", public, MESSAGE, bytes(64)) is False


def test_ed448_keys_sign_and_verify_as_eddsa() -> None:
    private = ed448.Ed448PrivateKey.generate()
    signature = sign_asymmetric("EdDSA", private, MESSAGE)
    assert get_default_algorithms()["EdDSA"].verify(MESSAGE, private.public_key(), signature)
    assert verify_asymmetric("EdDSA", private.public_key(), MESSAGE, signature)


def test_an_unknown_algorithm_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        verify_asymmetric("HS256", rsa_private().public_key(), MESSAGE, b"")
