"""The shared vectors: the server's own verdicts, tokens from other libraries, RFC 7515 A.1."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.conftest import load_vectors
from tiledesk_jwt_gui.core import (
    Key,
    Outcome,
    Profile,
    ServerKeys,
    SignatureStatus,
    judge,
    load_key_text,
    secret_key,
)

SERVER_CASES = load_vectors("tiledesk-server-verdicts.json")["cases"]
PEERS = load_vectors("peer-tokens.json")
PEER_TOKENS = PEERS["tokens"]
RFC = load_vectors("rfc7515-a1.json")


@pytest.mark.parametrize("case", SERVER_CASES, ids=[c["name"] for c in SERVER_CASES])
def test_server_model_reproduces_the_servers_verdict(case: dict[str, Any]) -> None:
    keys = ServerKeys(projects=case["projects"], complete=True, global_secret=None)
    verdict = judge(case["token"], None, at=case["now"], server_keys=keys)
    assert verdict.server is not None
    expected = case["expected"]
    assert verdict.accepted is expected["accepted"]
    assert verdict.server.stage.value == expected["stage"]
    assert verdict.server.reason == expected["reason"]
    # A rejection always names its cause as an error; an acceptance has none.
    assert bool(verdict.errors) is (not expected["accepted"])


@pytest.mark.parametrize("case", SERVER_CASES, ids=[c["name"] for c in SERVER_CASES])
def test_one_project_secret_never_accepts_what_the_server_refuses(case: dict[str, Any]) -> None:
    """As a person uses the tool: one project id and its secret at a time."""
    outcomes = {}
    for project_id, secret in case["projects"].items():
        verdict = judge(case["token"], secret_key(secret), project_id=project_id, at=case["now"])
        outcomes[project_id] = verdict.outcome
        if not case["expected"]["accepted"]:
            assert verdict.outcome is not Outcome.ACCEPTED, project_id
    if case["expected"]["accepted"]:
        assert Outcome.ACCEPTED in outcomes.values()


def _own_keys(token: dict[str, Any]) -> list[Key]:
    if "secret" in token:
        return [secret_key(token["secret"])]
    return [
        load_key_text(token["public_key_pem"])[0],
        load_key_text(json.dumps(token["public_jwk"]))[0],
        load_key_text(token["private_key_pem"])[0],
    ]


def _same_key(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if "secret" in a:
        return a.get("secret") == b.get("secret")
    return a.get("public_key_pem") == b.get("public_key_pem")


@pytest.mark.parametrize(
    "token", PEER_TOKENS, ids=[f"{t['library']}-{t['alg']}" for t in PEER_TOKENS]
)
def test_peer_token_verifies_with_its_own_key(token: dict[str, Any]) -> None:
    for key in _own_keys(token):
        verdict = judge(token["token"], key, profile=Profile.GENERIC, at=1_800_000_001)
        assert verdict.signature.status is SignatureStatus.VERIFIED, key.description
        assert verdict.signature.algorithm == token["alg"]
        payload = verdict.payload
        assert payload is not None
        # jsonwebtoken's tokens in this file were signed without iat; everything else matches.
        expected = dict(PEERS["payload"])
        if "iat" not in payload:
            expected.pop("iat")
        assert payload == expected


@pytest.mark.parametrize(
    "token", PEER_TOKENS, ids=[f"{t['library']}-{t['alg']}" for t in PEER_TOKENS]
)
def test_peer_token_fails_with_every_other_key(token: dict[str, Any]) -> None:
    others = [o for o in PEER_TOKENS if not _same_key(o, token)]
    assert others
    for other in others:
        for key in _own_keys(other):
            verdict = judge(token["token"], key, profile=Profile.GENERIC, at=1_800_000_001)
            assert verdict.signature.status is SignatureStatus.INVALID, (
                other["alg"],
                key.description,
            )
            assert not verdict.accepted


def test_rfc7515_a1_verifies_over_segments_as_received_and_is_expired() -> None:
    key = load_key_text(json.dumps(RFC["key_jwk"]))[0]
    verdict = judge(RFC["token"], key, profile=Profile.GENERIC)
    assert verdict.signature.status is SignatureStatus.VERIFIED
    assert verdict.header == RFC["header"]
    assert verdict.payload == RFC["payload"]
    assert "\r\n" in verdict.inspection.payload.text  # type: ignore[union-attr]
    assert [issue.code for issue in verdict.errors] == ["expired"]
    assert verdict.outcome is Outcome.REJECTED
    before_expiry = judge(RFC["token"], key, profile=Profile.GENERIC, at=1_300_819_379)
    assert before_expiry.accepted
