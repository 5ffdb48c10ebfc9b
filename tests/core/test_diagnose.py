"""The diagnosis of signature failures: each known mistake made for real (a token signed with
the mistaken secret, a wrapped token, a re-encoded payload…) and found exactly, by its code."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json

import pytest

from tests.core.keys_for_tests import public_pem, rsa_private
from tiledesk_jwt_gui.core import (
    Cause,
    Diagnosis,
    FixTarget,
    JSONValue,
    Key,
    KeyKind,
    apply_fix,
    diagnose,
    diagnosis_to_dict,
    judge,
    load_key_text,
    parse_candidates,
    secret_key,
    sign_token,
    tiledesk_audience,
    verify_signature,
)

PROJECT = "65a1b2c3d4e5f60718293a4b"
OTHER = "7f00aa11bb22cc33dd44ee55"
SECRET = "0b7c6f3e-2d41-4c8a-9f6e-5a3b2c1d0e9f"
CLAIMS: dict[str, JSONValue] = {
    "_id": f"{PROJECT}_42",
    "sub": "userexternal",
    "aud": tiledesk_audience(PROJECT),
    "email": "ada@example.com",
    "firstname": "Ada",
    "attributes": {"plan": "pro", "seats": 3},
}


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def signed_with_bytes(secret: bytes, alg: str = "HS256", claims: JSONValue = CLAIMS) -> str:
    """A token signed with raw key bytes (what a mistaken signer does)."""
    key = Key(KeyKind.SECRET, "test bytes", ("HS256", "HS384", "HS512"), secret=secret)
    return sign_token(None, claims, key, alg)


def signed(secret_text: str, alg: str = "HS256") -> str:
    return sign_token(None, CLAIMS, secret_key(secret_text), alg)


GOOD = signed(SECRET)


def only_cause(result: Diagnosis, cause: Cause) -> None:
    """Exactly ``cause`` verifies, and nothing else."""
    verifying = [f.code for f in result.findings if f.verifies]
    assert result.verified_as_given is False
    assert verifying == [cause], [(f.code, f.explanation) for f in result.findings]
    assert result.verified_with is cause
    assert Cause.NONE_MATCHED not in [f.code for f in result.findings]


def no_secret_in(result: Diagnosis, *secrets: str) -> None:
    for finding in result.findings:
        for secret in secrets:
            assert secret.strip() not in finding.explanation


# --- the user's secret as typed ----------------------------------------------------------------


@pytest.mark.parametrize(
    "given",
    [SECRET + "\n", SECRET + "\r\n", " " + SECRET, "\t" + SECRET + "  ", SECRET + " \n"],
)
def test_whitespace_copied_with_the_secret(given: str) -> None:
    result = diagnose(GOOD, secret_key(given))
    only_cause(result, Cause.SECRET_SURROUNDING_WHITESPACE)
    fix = result.findings[-1].fix
    assert fix is not None
    assert fix.target is FixTarget.SECRET
    assert verify_signature(judge(GOOD).inspection, secret_key(apply_fix(fix, given))).verified
    no_secret_in(result, SECRET)


def test_signer_reads_the_secret_with_its_newline() -> None:
    result = diagnose(signed(SECRET + "\n"), secret_key(SECRET))
    only_cause(result, Cause.SECRET_SURROUNDING_WHITESPACE)
    assert "newline" in result.findings[-1].explanation
    assert result.findings[-1].fix is None  # the fix is in the signer's code, not here


@pytest.mark.parametrize("given", ["\ufeff" + SECRET, "ï»¿" + SECRET])
def test_bom_in_the_secret(given: str) -> None:
    result = diagnose(GOOD, secret_key(given))
    only_cause(result, Cause.SECRET_BOM)
    fix = result.findings[-1].fix
    assert fix is not None
    assert apply_fix(fix, given) == SECRET


def test_signer_reads_a_bom() -> None:
    only_cause(diagnose(signed("\ufeff" + SECRET), secret_key(SECRET)), Cause.SECRET_BOM)


def test_bom_and_newline_together_are_removed_together() -> None:
    given = "\ufeff" + SECRET + "\n"
    result = diagnose(GOOD, secret_key(given))
    assert result.verified_with is not None
    fix = result.cause.fix if result.cause else None
    assert fix is not None
    assert apply_fix(fix, given) == SECRET


def test_zero_width_characters_inside_the_secret() -> None:
    given = SECRET[:8] + "\u200b" + SECRET[8:]
    result = diagnose(GOOD, secret_key(given))
    only_cause(result, Cause.SECRET_INVISIBLE_CHARACTERS)
    fix = result.findings[-1].fix
    assert fix is not None
    assert apply_fix(fix, given) == SECRET


@pytest.mark.parametrize("given", [f'"{SECRET}"', f"'{SECRET}'"])
def test_quotes_copied_with_the_secret(given: str) -> None:
    result = diagnose(GOOD, secret_key(given))
    only_cause(result, Cause.SECRET_QUOTED)
    fix = result.findings[-1].fix
    assert fix is not None
    assert apply_fix(fix, given) == SECRET


def test_signer_keeps_the_quotes() -> None:
    only_cause(diagnose(signed(f'"{SECRET}"'), secret_key(SECRET)), Cause.SECRET_QUOTED)


@pytest.mark.parametrize(
    ("text", "decode"),
    [
        ("c2VjcmV0LWtleS1mb3ItdGVzdGluZy0xMjM0NTY3OA==", base64.b64decode),
        (SECRET, base64.urlsafe_b64decode),  # a UUID is URL-safe base64 (36 = 9 × 4)
        ("q+/w9z8/Pz8/aGVsbG8h!Zm9v", lambda t: base64.b64decode(t.replace("!", ""))),
    ],
)
def test_signer_base64_decoded_the_secret(text: str, decode: object) -> None:
    assert callable(decode)
    token = signed_with_bytes(decode(text))
    result = diagnose(token, secret_key(text))
    only_cause(result, Cause.SECRET_BASE64_DECODED)


@pytest.mark.parametrize(
    ("text", "data"),
    [
        (SECRET, bytes.fromhex(SECRET.replace("-", ""))),
        ("00ff10ee20dd30cc40bb50aa60997088", bytes.fromhex("00ff10ee20dd30cc40bb50aa60997088")),
    ],
)
def test_signer_hex_decoded_the_secret(text: str, data: bytes) -> None:
    only_cause(diagnose(signed_with_bytes(data), secret_key(text)), Cause.SECRET_HEX_DECODED)


@pytest.mark.parametrize(
    ("text", "codec"), [("clé-secrète-ñ", "latin-1"), ("prix-10€-clé", "cp1252")]
)
def test_signer_encoded_the_secret_as_latin1(text: str, codec: str) -> None:
    token = signed_with_bytes(text.encode(codec))
    only_cause(diagnose(token, secret_key(text)), Cause.SECRET_LATIN1_BYTES)


def test_secret_shown_as_mojibake() -> None:
    """The secret's UTF-8 bytes read as Latin-1 ("cafÃ©"): its bytes are the right ones."""
    mojibake = "café-secret".encode().decode("latin-1")
    only_cause(diagnose(signed("café-secret"), secret_key(mojibake)), Cause.SECRET_LATIN1_BYTES)


def test_signer_upper_cased_the_uuid() -> None:
    only_cause(diagnose(signed(SECRET.upper()), secret_key(SECRET)), Cause.SECRET_CASE_CHANGED)


@pytest.mark.parametrize(
    "given",
    [f"TILEDESK_SECRET={SECRET}", f"secret: {SECRET} (production)", f"{SECRET}{SECRET[:4]}"],
)
def test_uuid_inside_a_longer_paste(given: str) -> None:
    result = diagnose(GOOD, secret_key(given))
    only_cause(result, Cause.SECRET_EXTRA_TEXT)
    fix = result.findings[-1].fix
    assert fix is not None
    assert apply_fix(fix, given) == SECRET


# --- other secrets -----------------------------------------------------------------------------


def test_other_projects_secret_is_named() -> None:
    other_secret = "5e0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b"
    token = signed(other_secret)  # aud still names PROJECT
    candidates = parse_candidates(f"{PROJECT} {SECRET}\n{OTHER.upper()} {other_secret}\n")
    result = diagnose(token, secret_key(SECRET), candidates=candidates, project_id=PROJECT)
    only_cause(result, Cause.OTHER_PROJECT_SECRET)
    finding = result.findings[-1]
    assert finding.project_id == OTHER
    assert OTHER in finding.explanation
    assert PROJECT in finding.explanation
    assert "line 2" in finding.explanation
    no_secret_in(result, SECRET, other_secret)


def test_plain_candidate_secret() -> None:
    newer = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a"
    result = diagnose(signed(newer), secret_key(SECRET), candidates=parse_candidates(f"x\n{newer}"))
    only_cause(result, Cause.CANDIDATE_SECRET)
    assert "line 2" in result.findings[-1].explanation
    no_secret_in(result, newer)


def test_default_global_secret_of_a_self_hosted_server() -> None:
    result = diagnose(signed("nodeauthsecret"), secret_key(SECRET))
    only_cause(result, Cause.DEFAULT_GLOBAL_SECRET)
    assert PROJECT in result.findings[-1].explanation  # the aud picks the project's secret


# --- the token ---------------------------------------------------------------------------------


@pytest.mark.parametrize("cut", [1, 5, 20])
def test_signature_cut_when_copied(cut: int) -> None:
    result = diagnose(GOOD[:-cut], secret_key(SECRET))
    only_cause(result, Cause.SIGNATURE_TRUNCATED)
    assert f"{43 - cut} characters" in result.findings[-1].explanation


def test_cut_signature_with_a_wrong_secret_is_said_but_does_not_verify() -> None:
    result = diagnose(GOOD[:-5], secret_key("another secret"))
    assert result.verified_with is None
    assert next((f.code, f.verifies) for f in result.findings) == (Cause.SIGNATURE_TRUNCATED, False)


@pytest.mark.parametrize("wrap", ["\n", "\r\n", "\n    ", " ", "\u00a0", "\u2028"])
def test_token_wrapped_over_lines(wrap: str) -> None:
    wrapped = wrap.join(GOOD[i : i + 40] for i in range(0, len(GOOD), 40))
    result = diagnose(wrapped, secret_key(SECRET))
    only_cause(result, Cause.TOKEN_LINE_BREAKS)
    fix = result.findings[-1].fix
    assert fix is not None
    assert fix.target is FixTarget.TOKEN
    assert apply_fix(fix, wrapped) == GOOD


def compact(value: object) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


@pytest.mark.parametrize(
    ("signed_form", "carried_form"),
    [
        (compact, lambda c: json.dumps(c).encode()),  # a proxy added spaces
        (compact, lambda c: json.dumps(c, indent=2).encode()),
        (lambda c: json.dumps(c, separators=(",", ":"), sort_keys=True).encode(), compact),
        (compact, lambda c: json.dumps(c, separators=(",", ":")).encode()),  # \u00eb
    ],
)
def test_payload_reencoded_after_signing(signed_form: object, carried_form: object) -> None:
    assert callable(signed_form)
    assert callable(carried_form)
    claims = {**CLAIMS, "firstname": "Zoë"}  # non-ASCII: escaped or not is a re-encoding too
    header = b64(b'{"alg":"HS256","typ":"JWT"}')
    signing_input = f"{header}.{b64(signed_form(claims))}"
    mac = hmac.new(SECRET.encode(), signing_input.encode(), hashlib.sha256).digest()
    carried = f"{header}.{b64(carried_form(claims))}.{b64(mac)}"
    assert carried.rsplit(".", 1)[0] != signing_input
    only_cause(diagnose(carried, secret_key(SECRET)), Cause.PAYLOAD_REENCODED)


def test_payload_reencoded_with_padding() -> None:
    header, payload, signature = GOOD.split(".")
    padded = payload + "=" * (-len(payload) % 4)
    if padded == payload:  # make the claims' length need padding
        pytest.skip("the sample's payload needs no padding")
    only_cause(
        diagnose(f"{header}.{padded}.{signature}", secret_key(SECRET)), Cause.PAYLOAD_REENCODED
    )


@pytest.mark.parametrize(("said", "made"), [("HS256", "sha512"), ("HS512", "sha256")])
def test_header_alg_differs_from_the_mac(said: str, made: str) -> None:
    header = b64(json.dumps({"alg": said, "typ": "JWT"}, separators=(",", ":")).encode())
    payload = b64(json.dumps(CLAIMS, separators=(",", ":")).encode())
    mac = hmac.new(SECRET.encode(), f"{header}.{payload}".encode(), getattr(hashlib, made))
    token = f"{header}.{payload}.{b64(mac.digest())}"
    only_cause(diagnose(token, secret_key(SECRET)), Cause.HEADER_ALG_MISMATCH)


def test_rsa_token_whose_header_names_another_rsa_algorithm() -> None:
    from jwt.algorithms import get_default_algorithms

    private = rsa_private()
    header = b64(b'{"alg":"RS256","typ":"JWT"}')
    signing_input = f"{header}.{b64(compact(CLAIMS))}"
    signature = get_default_algorithms()["PS256"].sign(signing_input.encode(), private)
    token = f"{signing_input}.{b64(signature)}"
    public = load_key_text(public_pem(private))
    only_cause(diagnose(token, public), Cause.HEADER_ALG_MISMATCH)
    assert "PS256" in diagnose(token, public).findings[-1].explanation


# --- nothing matches, and the verdict stays ------------------------------------------------------


def test_none_matched_lists_the_checks_tried() -> None:
    result = diagnose(GOOD, secret_key("a regenerated secret, nothing to do with it"))
    assert result.verified_with is None
    assert [f.code for f in result.findings] == [Cause.NONE_MATCHED]
    explanation = result.findings[0].explanation
    for cause in (Cause.SECRET_SURROUNDING_WHITESPACE, Cause.PAYLOAD_REENCODED):
        assert cause.value in explanation
    assert "regenerated" in explanation
    assert set(result.tried) >= {Cause.DEFAULT_GLOBAL_SECRET, Cause.SECRET_CASE_CHANGED}


def test_whitespace_seen_but_not_the_cause() -> None:
    result = diagnose(GOOD, secret_key("another-secret\n"))
    assert [(f.code, f.verifies) for f in result.findings] == [
        (Cause.SECRET_SURROUNDING_WHITESPACE, False),
        (Cause.NONE_MATCHED, False),
    ]


def test_a_verified_token_needs_no_diagnosis() -> None:
    result = diagnose(GOOD, secret_key(SECRET))
    assert result.verified_as_given
    assert result.verified_with is None
    assert result.findings == ()


def test_the_diagnosis_never_changes_the_verdict() -> None:
    key = secret_key(SECRET + "\n")
    before = judge(GOOD, key, project_id=PROJECT)
    result = diagnose(GOOD, key, project_id=PROJECT)
    after = judge(GOOD, key, project_id=PROJECT)
    assert result.verified_with is Cause.SECRET_SURROUNDING_WHITESPACE
    assert not before.accepted
    assert not after.accepted
    assert before.signature.status == after.signature.status


def test_json_shape() -> None:
    data = diagnosis_to_dict(diagnose(GOOD, secret_key(SECRET + "\n")))
    assert set(data) == {"verified_as_given", "verified_with", "findings"}
    assert data["verified_with"] == "secret_surrounding_whitespace"
    assert all(set(f) == {"code", "verifies", "explanation"} for f in data["findings"])


def test_unreadable_token_is_diagnosed_without_raising() -> None:
    for text in ("", "not a token", "a.b", "x" * 1000, "eyJ.eyJ.", GOOD.replace(".", "")):
        result = diagnose(text, secret_key(SECRET))
        assert result.verified_with is None
        assert result.findings[-1].code is Cause.NONE_MATCHED


def test_candidates_file_forms() -> None:
    parsed = parse_candidates(f"plain-secret\r\n\n{PROJECT.upper()}\t{SECRET}\n  spaced  \n")
    assert [(c.project_id, c.label) for c in parsed] == [
        (None, "line 1"),
        (PROJECT, "line 3"),
        (None, "line 4"),
    ]
    assert parsed[0].secret == "plain-secret"
    assert parsed[1].secret == SECRET
    assert parsed[2].secret == "  spaced  "
    assert SECRET not in repr(parsed)
