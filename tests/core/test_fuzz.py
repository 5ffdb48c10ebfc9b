"""Property tests over the core: nothing escapes it, a signature is "verified" only when it truly
matches, and signing round-trips claims exactly. ``make fuzz`` runs them with many more examples
(HYPOTHESIS_PROFILE=fuzz)."""

from __future__ import annotations

import hashlib
import hmac
import math
import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tiledesk_jwt_gui.core import (
    HMAC_ALGORITHMS,
    JSONValue,
    Profile,
    SignatureStatus,
    inspect_token,
    judge,
    secret_key,
    sign_token,
    verify_signature,
)
from tiledesk_jwt_gui.core.encoding import (
    b64url_encode,
    base64url_length_problem,
    clean_b64url_decode,
    find_base64url_problem,
    is_jws_alphabet,
    node_b64decode,
    node_b64decode_reference,
)

settings.register_profile(
    "default", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "fuzz", max_examples=20_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

SECRET = secret_key("0b7c6f3e-2d41-4c8a-9f6e-5a3b2c1d0e9f")
B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

finite_floats = st.floats(allow_nan=False, allow_infinity=False)
json_scalars = st.none() | st.booleans() | st.integers(-(2**63), 2**63) | finite_floats | st.text()
json_values: st.SearchStrategy[JSONValue] = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
claims_sets = st.dictionaries(st.text(max_size=10), json_values, max_size=8)
token_like = st.text(alphabet=B64URL + ".=+/ \n", max_size=300) | st.text(max_size=300)


@given(text=token_like)
def test_any_text_gives_a_verdict_and_never_raises(text: str) -> None:
    for profile in Profile:
        verdict = judge(text, SECRET, profile=profile, at=1_800_000_000)
        assert verdict.signature.status in SignatureStatus
        if verdict.accepted:
            assert verdict.signature.status is SignatureStatus.VERIFIED


@given(header=st.dictionaries(st.text(max_size=6), json_values, max_size=4), payload=json_values)
def test_any_json_signed_then_judged_never_raises(
    header: dict[str, JSONValue], payload: JSONValue
) -> None:
    token = sign_token(header, payload, SECRET, "HS256")
    verdict = judge(token, SECRET, at=1_800_000_000)
    assert verdict.signature.status is SignatureStatus.VERIFIED


def _same(a: JSONValue, b: JSONValue) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return a == b and type(a) is type(b)


@given(claims=claims_sets, algorithm=st.sampled_from(HMAC_ALGORITHMS))
def test_sign_then_parse_round_trips_claims_exactly(
    claims: dict[str, JSONValue], algorithm: str
) -> None:
    token = sign_token(None, claims, SECRET, algorithm)
    inspection = inspect_token(token)
    assert inspection.issues == ()
    assert inspection.payload_object == claims
    assert all(_same(inspection.payload_object[k], v) for k, v in claims.items())


@given(claims=claims_sets, position=st.integers(min_value=0), replacement=st.characters())
def test_verified_only_when_the_signature_truly_matches(
    claims: dict[str, JSONValue], position: int, replacement: str
) -> None:
    token = sign_token(None, claims, SECRET, "HS256")
    index = position % len(token)
    mutated = token[:index] + replacement + token[index + 1 :]
    check = verify_signature(inspect_token(mutated), SECRET)
    if check.status is SignatureStatus.VERIFIED:
        signing_input, _, signature = mutated.strip().rpartition(".")
        assert SECRET.secret is not None
        expected = hmac.new(SECRET.secret, signing_input.encode(), hashlib.sha256).digest()
        assert signature == b64url_encode(expected)


@given(text=st.text(alphabet=B64URL + "+/=. \n!", max_size=40))
def test_fast_node_base64_equals_the_bit_by_bit_definition(text: str) -> None:
    assert node_b64decode(text) == node_b64decode_reference(text)


@given(text=st.text(alphabet=B64URL + ".=+/ \n!é\x00", max_size=40) | st.text(max_size=40))
def test_the_one_pass_alphabet_check_is_the_character_class(text: str) -> None:
    assert is_jws_alphabet(text) is (re.fullmatch(r"[A-Za-z0-9_.-]*", text) is not None)


@given(text=st.text(alphabet=B64URL, max_size=40))
def test_clean_segments_read_as_the_general_path_reads_them(text: str) -> None:
    assert clean_b64url_decode(text) == node_b64decode_reference(text)
    assert base64url_length_problem(text) == find_base64url_problem(text)
