"""The catalogue: every variant the issue asks for, deterministic, one user id per case, each
expectation from the model, and nothing predicted that the model cannot predict."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.cases.conftest import NOW, PROJECT, SECRET
from tiledesk_jwt_gui.core import (
    UNKNOWN_SECRET,
    ExpectedSummary,
    ExportFormat,
    InputError,
    JSONValue,
    ServerKeys,
    Suite,
    expected_outcome,
    export_suite,
    generate_suite,
    inspect_token,
    judge,
    secret_key,
    sign_token,
    signin_flow,
    variant_names,
)

ASKED_FOR = (
    "valid", "exp-expired-1s", "exp-expired-1d", "exp-now", "exp-milliseconds", "exp-string",
    "nbf-future", "exp-missing", "iat-future", "aud-other-project", "aud-other-host",
    "aud-not-url", "aud-array", "aud-12-char-id", "id-missing", "id-empty", "id-null",
    "id-number", "id-object", "id-no-prefix", "sub-user", "sub-User", "sub-guest", "sub-missing",
    "sub-array", "email-missing", "email-malformed", "role-staff-with-email",
    "role-staff-without-email", "role-supervisor", "message-claim",
    "attributes-huge-under-limit", "attributes-huge-over-limit", "names-non-ascii",
    "names-right-to-left", "secret-wrong", "secret-trailing-newline", "secret-base64-decoded",
    "alg-HS384", "alg-HS512", "alg-none", "alg-hs256", "payload-tampered", "signature-padded",
    "scheme-bearer", "scheme-two-spaces",
)  # fmt: skip


def test_every_variant_the_issue_lists_is_there() -> None:
    assert set(ASKED_FOR) <= set(variant_names())
    assert len(variant_names()) >= 40
    assert len(set(variant_names())) == len(variant_names())


def test_suites_emit_at_least_forty_cases(suite: Suite) -> None:
    assert len(suite.cases) >= 40
    every = [*suite.cases, *suite.left_out]
    assert [c.name for c in every] != []
    assert {c.name for c in every} == set(variant_names())
    assert all(c.description and "\n" not in c.description for c in every)


def test_same_inputs_same_suite_and_exports() -> None:
    first = generate_suite(PROJECT, SECRET, now=NOW, seed=3)
    again = generate_suite(PROJECT, SECRET, now=NOW, seed=3)
    assert first == again
    for export_format in ExportFormat:
        assert export_suite(first, export_format, "x") == export_suite(again, export_format, "x")
    other_seed = generate_suite(PROJECT, SECRET, now=NOW, seed=4)
    assert first.cases[0].token != other_seed.cases[0].token


def test_each_case_has_its_own_user_id(suite: Suite) -> None:
    ids = []
    for case in (*suite.cases, *suite.left_out):
        payload = inspect_token(case.token).payload_object
        assert payload is not None
        if isinstance(payload.get("_id"), str | int) and payload.get("_id") != "":
            ids.append(json.dumps(payload["_id"]))
    tampered = next(c for c in suite.cases if c.name == "payload-tampered")
    assert len(ids) == len(set(ids)), "two cases share an _id"
    assert len(ids) >= 38
    assert tampered.token.split(".")[1] != ""


def test_valid_case_is_what_the_core_accepts(suite: Suite) -> None:
    valid = next(c for c in suite.cases if c.name == "valid")
    verdict = judge(valid.token, secret_key(SECRET), project_id=PROJECT, at=NOW)
    assert verdict.accepted
    assert verdict.signature.verified
    assert valid.authorization == f"JWT {valid.token}"
    assert valid.expected.summary is ExpectedSummary.ACCEPTED
    assert [s.status for s in valid.expected.flow] == [200, 200, 200]


@pytest.mark.parametrize(
    ("name", "statuses"),
    [
        ("exp-expired-1s", [401]),
        ("exp-now", [401]),
        ("exp-milliseconds", [200, 200, 200]),
        ("exp-string", [401]),
        ("nbf-future", [401]),
        ("aud-other-project", [401]),
        ("aud-not-url", [500]),
        ("id-empty", [None]),
        ("id-null", [401]),
        ("sub-user", [200, 500]),
        ("sub-missing", [200, 500]),
        ("id-number", [200, 200, 500]),
        ("id-object", [200, 200, 500]),
        ("role-staff-with-email", [200, 200, 200]),
        ("role-staff-without-email", [None]),
        ("sub-array", [200, 200, 200]),
        ("attributes-huge-over-limit", [431]),
        ("attributes-huge-under-limit", [200, 200, 200]),
        ("secret-wrong", [401]),
        ("alg-none", [401]),
        ("scheme-bearer", [401]),
        ("scheme-two-spaces", [403]),
    ],
)
def test_expected_flows(suite: Suite, name: str, statuses: list[int | None]) -> None:
    case = next(c for c in suite.cases if c.name == name)
    assert [s.status for s in case.expected.flow] == statuses
    assert case.expected.accepted is (statuses[:2] == [200, 200])


def test_every_variant_is_emitted_from_the_model(suite: Suite) -> None:
    # The sign-in model follows staff roles, objects and numbers as _id, other schemes: the
    # whole catalogue is predicted, each flow exactly the model's.
    assert not suite.left_out
    assert {c.name for c in suite.cases} == set(variant_names())
    keys = ServerKeys(projects={PROJECT: SECRET}, complete=True, global_secret=UNKNOWN_SECRET)
    for case in suite.cases:
        sent = None if case.authorization == f"JWT {case.token}" else case.authorization
        flow = signin_flow(case.token, keys, NOW, project_id=PROJECT, authorization=sent)
        assert [(s.call, s.status) for s in case.expected.flow] == [
            (a.call, a.status) for a in flow.calls
        ], case.name
        assert case.expected.accepted is flow.accepted, case.name


def _padded_token(width: int) -> str:
    claims: dict[str, JSONValue] = {
        "_id": f"{PROJECT}_qa",
        "sub": "userexternal",
        "aud": f"https://tiledesk.com/projects/{PROJECT}",
        "pad": "x" * width,
    }
    return sign_token(None, claims, secret_key(SECRET), "HS256")


def test_a_case_that_depends_on_the_client_is_not_exact() -> None:
    # Near Node's 16 KiB limit the answer depends on the client's other headers.
    near = _padded_token(11_400)
    assert 15_000 < len(near) < 17_000
    expected = expected_outcome(near, f"JWT {near}", project_id=PROJECT, secret=SECRET, now=NOW)
    assert not expected.exact
    assert "16 KiB" in expected.uncertainty
    # A header beyond Latin-1: a browser refuses to send it, curl would send it.
    short = _padded_token(10)
    odd = expected_outcome(short, f"JWT {short}é€", project_id=PROJECT, secret=SECRET, now=NOW)
    assert not odd.exact
    assert "no HTTP client" in odd.uncertainty
    plain = expected_outcome(short, f"JWT {short}", project_id=PROJECT, secret=SECRET, now=NOW)
    assert plain.exact
    assert plain.accepted


def test_size_variants_straddle_nodes_header_limit(suite: Suite) -> None:
    by_name = {c.name: c for c in suite.cases}
    under = len(by_name["attributes-huge-under-limit"].authorization)
    over = len(by_name["attributes-huge-over-limit"].authorization)
    assert 12_000 < under < 15_000
    assert 16_384 < over < 18_000


def test_base_claims_are_kept_and_identity_claims_replaced() -> None:
    base: dict[str, JSONValue] = {
        "_id": "someone",
        "aud": "x",
        "firstname": "Ada",
        "nbf": 1,
        "custom": [1, 2],
    }
    suite = generate_suite(PROJECT, SECRET, now=NOW, base_claims=base, only=["valid"])
    payload = inspect_token(suite.cases[0].token).payload_object
    assert payload is not None
    assert payload["firstname"] == "Ada"
    assert payload["custom"] == [1, 2]
    assert "nbf" not in payload
    assert payload["aud"] == f"https://tiledesk.com/projects/{PROJECT}"
    assert str(payload["_id"]).startswith(f"{PROJECT}_qa-")


def test_bad_inputs_are_named() -> None:
    with pytest.raises(InputError, match="24 hexadecimal"):
        generate_suite("nope", SECRET, now=NOW)
    with pytest.raises(InputError, match="empty"):
        generate_suite(PROJECT, "", now=NOW)
    with pytest.raises(InputError, match="no variant named 'nope'"):
        generate_suite(PROJECT, SECRET, now=NOW, only=["valid", "nope"])


def test_the_secret_is_never_in_a_suite_or_an_export(suite: Suite) -> None:
    assert SECRET not in repr(suite)
    for export_format in ExportFormat:
        assert SECRET not in export_suite(suite, export_format)


def test_json_export_has_the_specified_shape(suite: Suite) -> None:
    data = json.loads(export_suite(suite, ExportFormat.JSON, "tiledesk-jwt-gui test"))
    assert data["generated_by"] == "tiledesk-jwt-gui test"
    assert data["project_id"] == PROJECT
    assert data["now"] == NOW
    assert "real credentials" in data["warning"]
    first = data["cases"][0]
    assert set(first) == {"name", "description", "token", "authorization", "expected"}
    assert set(first["expected"]) == {"accepted", "flow"}
    assert set(first["expected"]["flow"][0]) == {"call", "method", "path", "status"}
    no_answer = next(c for c in data["cases"] if c["name"] == "id-empty")
    assert no_answer["expected"]["flow"][0]["status"] is None


def test_csv_export_has_one_row_a_case(suite: Suite) -> None:
    rows = list(csv.reader(io.StringIO(export_suite(suite, ExportFormat.CSV))))
    assert rows[0] == ["name", "description", "expected_accepted", "expected_statuses", "token"]
    assert len(rows) == len(suite.cases) + 1
    valid = next(r for r in rows if r[0] == "valid")
    assert valid[2:4] == ["true", "signin=200 chat21=200 project=200"]
    assert next(r for r in rows if r[0] == "id-empty")[3] == "signin=no-answer"


@pytest.mark.parametrize("export_format", [ExportFormat.PYTEST, ExportFormat.CURL])
def test_exports_with_comments_carry_the_warning(suite: Suite, export_format: ExportFormat) -> None:
    head = export_suite(suite, export_format)[:1200]
    assert "WARNING: The tokens in this suite are real credentials" in head


def test_postman_collection_is_v2_1_with_a_test_per_call(suite: Suite) -> None:
    data = json.loads(export_suite(suite, ExportFormat.POSTMAN))
    assert data["info"]["schema"].endswith("/v2.1.0/collection.json")
    assert "real credentials" in data["info"]["description"]
    assert {v["key"] for v in data["variable"]} >= {"baseUrl", "noAnswerMs"}
    folders = {f["name"]: f for f in data["item"]}
    assert set(folders) == {c.name for c in suite.cases}
    valid = folders["valid"]["item"]
    assert [r["request"]["method"] for r in valid] == ["POST", "POST", "GET"]
    assert valid[0]["request"]["url"] == "{{baseUrl}}/auth/signinWithCustomToken"
    assert all(any(e["listen"] == "test" for e in r["event"]) for r in valid)
