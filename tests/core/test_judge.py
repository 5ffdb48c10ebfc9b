"""The verdict as integrators see it: the docs' rules as warnings, the server's as errors."""

from __future__ import annotations

import pytest

from tests.core.keys_for_tests import private_pem, public_pem, rsa_private
from tiledesk_jwt_gui.core import (
    Outcome,
    Profile,
    Severity,
    SignatureStatus,
    Verdict,
    judge,
    load_key_text,
    secret_key,
    sign_token,
    tiledesk_audience,
    tiledesk_claims,
)
from tiledesk_jwt_gui.core.encoding import JSONValue

PROJECT = "65a1b2c3d4e5f60718293a4b"
OTHER = "5c81593adf767b0017d1aa68"
SECRET = "0b7c6f3e-2d41-4c8a-9f6e-5a3b2c1d0e9f"
NOW = 1_800_000_000


def claims(**changes: JSONValue) -> dict[str, JSONValue]:
    base = tiledesk_claims(PROJECT, user_id="42", email="ada@example.com", now=NOW)
    for name, value in changes.items():
        if value is None:
            base.pop(name, None)
        else:
            base[name] = value
    return base


def verdict_for(
    payload: dict[str, JSONValue],
    *,
    project_id: str | None = PROJECT,
    secret: str = SECRET,
    alg: str = "HS256",
    **kwargs: object,
) -> Verdict:
    token = sign_token(None, payload, secret_key(secret), alg)
    return judge(token, secret_key(secret), project_id=project_id, at=NOW, **kwargs)  # type: ignore[arg-type]


def codes(verdict: Verdict, severity: Severity) -> set[str]:
    return {i.code for i in verdict.issues if i.severity is severity}


def test_documented_token_is_accepted_without_warnings() -> None:
    verdict = verdict_for(claims())
    assert verdict.outcome is Outcome.ACCEPTED
    assert verdict.signature.status is SignatureStatus.VERIFIED
    assert codes(verdict, Severity.ERROR) == set()
    assert codes(verdict, Severity.WARNING) == set()


@pytest.mark.parametrize(
    ("changes", "claim", "code"),
    [
        ({"_id": "user-42"}, "_id", "id_prefix"),
        ({"aud": f"https://example.org/projects/{PROJECT}"}, "aud", "aud_not_documented"),
        ({"email": None}, "email", "email_missing"),
        ({"email": "not-an-address"}, "email", "email_invalid"),
        ({"attributes": [1, 2]}, "attributes", "attributes_not_object"),
        ({"firstname": 7}, "firstname", "firstname_not_string"),
        ({"sub": "guest"}, "sub", "sub_guest"),
        ({"role": "agent"}, "role", "role_staff"),
        ({"iat": NOW * 1000}, "iat", "iat_suspicious"),
    ],
)
def test_docs_requirements_are_warnings_and_the_token_still_passes(
    changes: dict[str, JSONValue], claim: str, code: str
) -> None:
    verdict = verdict_for(claims(**changes))
    assert verdict.accepted
    assert code in {i.code for i in verdict.issues_for(claim)}
    assert all(i.severity is Severity.WARNING for i in verdict.issues_for(claim))


@pytest.mark.parametrize(
    ("changes", "claim", "reason"),
    [
        ({"exp": NOW - 1}, "exp", "jwt expired"),
        ({"exp": NOW}, "exp", "jwt expired"),
        ({"nbf": NOW + 300}, "nbf", "jwt not active"),
        ({"exp": "1900000000"}, "exp", "invalid exp value"),
        ({"sub": "user"}, "sub", ""),
        ({"sub": None}, "sub", ""),
        ({"_id": None}, "_id", ""),
        ({"aud": "tiledesk"}, "aud", "Invalid URL"),
    ],
)
def test_server_refusals_are_errors_on_the_claim(
    changes: dict[str, JSONValue], claim: str, reason: str
) -> None:
    verdict = verdict_for(claims(**changes))
    assert verdict.outcome is Outcome.REJECTED
    assert verdict.server is not None
    assert verdict.server.reason == reason
    assert [i.claim for i in verdict.errors] == [claim]


def test_exp_one_second_ahead_is_still_accepted() -> None:
    assert verdict_for(claims(exp=NOW + 1)).accepted


def test_leeway_shifts_the_clock_both_ways() -> None:
    assert verdict_for(claims(exp=NOW - 5), leeway=10).accepted
    assert verdict_for(claims(nbf=NOW + 5), leeway=10).accepted


def test_token_for_another_project_is_rejected_with_the_users_project() -> None:
    payload = claims(aud=tiledesk_audience(OTHER))
    verdict = verdict_for(payload, project_id=PROJECT)
    assert verdict.signature.status is SignatureStatus.VERIFIED  # the crypto holds…
    assert verdict.outcome is Outcome.REJECTED  # …but the server uses the other project's secret
    assert [i.claim for i in verdict.errors] == ["aud"]


def test_without_a_project_id_the_secret_is_assumed_to_be_the_audiences() -> None:
    verdict = verdict_for(claims(), project_id=None)
    assert verdict.accepted
    assert "assumed_project" in codes(verdict, Severity.INFO)


def test_without_a_secret_the_verdict_waits_for_it() -> None:
    token = sign_token(None, claims(), secret_key(SECRET), "HS256")
    verdict = judge(token, None, at=NOW)
    assert verdict.outcome is Outcome.UNDECIDED
    assert verdict.signature.status is SignatureStatus.NO_KEY
    expired = judge(
        sign_token(None, claims(exp=NOW - 1), secret_key(SECRET), "HS256"), None, at=NOW
    )
    assert expired.outcome is Outcome.REJECTED  # decided without the secret


def test_hs384_with_a_tiledesk_secret_is_accepted_but_called_weak() -> None:
    verdict = verdict_for(claims(), alg="HS384")
    assert verdict.accepted
    issue = next(i for i in verdict.issues if i.code == "secret_short")
    assert "36 bytes" in issue.message
    assert "48" in issue.message


def test_rs256_token_is_refused_by_tiledesk_but_verified_generically() -> None:
    private = load_key_text(private_pem(rsa_private()))[0]
    public = load_key_text(public_pem(rsa_private()))[0]
    token = sign_token(None, claims(), private, "RS256")
    tiledesk = judge(token, public, project_id=PROJECT, at=NOW)
    assert tiledesk.signature.status is SignatureStatus.VERIFIED
    assert tiledesk.outcome is not Outcome.ACCEPTED
    generic = judge(token, public, profile=Profile.GENERIC, at=NOW)
    assert generic.accepted


def test_pem_typed_as_the_project_secret_is_refused() -> None:
    pem = public_pem(rsa_private())
    token = sign_token(None, claims(), secret_key(pem), "HS256")
    verdict = judge(token, secret_key(pem), at=NOW)
    assert verdict.signature.status is SignatureStatus.INVALID
    assert verdict.outcome is Outcome.REJECTED


@pytest.mark.parametrize(
    ("changes", "claim", "code"),
    [
        ({"exp": NOW - 1}, "exp", "expired"),
        ({"nbf": NOW + 60}, "nbf", "not_yet_valid"),
        ({"iss": 5}, "iss", "iss_not_string"),
        ({"aud": [1]}, "aud", "aud_type"),
        ({"exp": True}, "exp", "exp_not_number"),
    ],
)
def test_generic_profile_applies_rfc7519(
    changes: dict[str, JSONValue], claim: str, code: str
) -> None:
    verdict = verdict_for(claims(**changes), profile=Profile.GENERIC)
    assert verdict.outcome is Outcome.REJECTED
    assert code in {i.code for i in verdict.issues_for(claim) if i.severity is Severity.ERROR}


def test_generic_profile_ignores_tiledesk_rules() -> None:
    verdict = verdict_for({"hello": "world"}, profile=Profile.GENERIC)
    assert verdict.accepted


def test_token_kinds_are_recognised() -> None:
    assert verdict_for(claims()).kind_description is not None
    user = verdict_for(claims(sub="user", aud="https://tiledesk.com"))
    assert user.kind is not None
    assert user.kind.value == "user"
    assert user.outcome is Outcome.REJECTED


def test_jku_header_is_never_trusted() -> None:
    token = sign_token(
        {"jku": "https://attacker.example/keys.json"}, claims(), secret_key(SECRET), "HS256"
    )
    verdict = judge(token, secret_key(SECRET), project_id=PROJECT, at=NOW)
    assert "offers_own_key" in {i.code for i in verdict.issues_for("jku")}


def test_next_change_is_the_expiry() -> None:
    assert verdict_for(claims(exp=NOW + 90)).next_change == NOW + 90


def test_a_user_token_is_described_by_its_own_aud() -> None:
    from tiledesk_jwt_gui.core import (
        DEMO_PROJECT_ID,
        DEMO_SECRET,
        demo_claims,
        judge,
        secret_key,
        sign_token,
    )

    key = secret_key(DEMO_SECRET)
    project_claims = {**demo_claims(1_700_000_000), "sub": "user"}
    described = judge(sign_token(None, project_claims, key, "HS256"), key).kind_description
    assert described is not None
    assert f"sub user for project {DEMO_PROJECT_ID}" in described
    assert "https://tiledesk.com)" not in described
    global_claims = {**project_claims, "aud": "https://tiledesk.com"}
    described = judge(sign_token(None, global_claims, key, "HS256"), key).kind_description
    assert described is not None
    assert "issued by Tiledesk itself" in described
