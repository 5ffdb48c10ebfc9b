"""Two tokens compared: nested paths, readable times, and the difference that changes the
verdict."""

from __future__ import annotations

import pytest

from tiledesk_jwt_gui.core import (
    ChangeKind,
    JSONValue,
    diff_to_dict,
    diff_tokens,
    format_diff,
    secret_key,
    sign_token,
    tiledesk_audience,
)

PROJECT = "65a1b2c3d4e5f60718293a4b"
OTHER = "7f00aa11bb22cc33dd44ee55"
SECRET = "0b7c6f3e-2d41-4c8a-9f6e-5a3b2c1d0e9f"
NOW = 1_800_000_000
BASE: dict[str, JSONValue] = {
    "_id": f"{PROJECT}_1",
    "sub": "userexternal",
    "aud": tiledesk_audience(PROJECT),
    "email": "ada@example.com",
    "attributes": {"plan": "pro", "tags": ["x", "y"], "a.b": {"deep": 1}},
    "exp": NOW + 3600,
}


def token(secret: str = SECRET, **changes: JSONValue) -> str:
    claims = {**BASE, **changes}
    return sign_token(
        None, {k: v for k, v in claims.items() if v is not None}, secret_key(secret), "HS256"
    )


A = token()


def test_nested_changes_with_paths() -> None:
    b = token(
        attributes={"plan": "free", "tags": ["x"], "a.b": {"deep": 2}, "new": True},
        firstname="Ada",
        email=None,
    )
    result = diff_tokens(A, b, at=NOW)
    found = {(c.part, c.path, c.kind, c.a, c.b) for c in result.changes}
    assert found == {
        ("claims", "attributes.plan", ChangeKind.CHANGED, "pro", "free"),
        ("claims", "attributes.tags[1]", ChangeKind.REMOVED, "y", None),
        ("claims", 'attributes."a.b".deep', ChangeKind.CHANGED, 1, 2),
        ("claims", "attributes.new", ChangeKind.ADDED, None, True),
        ("claims", "firstname", ChangeKind.ADDED, None, "Ada"),
        ("claims", "email", ChangeKind.REMOVED, "ada@example.com", None),
    }
    assert not result.identical


def test_times_are_readable_with_the_difference() -> None:
    result = diff_tokens(A, token(exp=NOW + 7200), at=NOW)
    (change,) = result.changes
    assert change.note == ("exp: 2027-01-15 09:00:00 UTC → 2027-01-15 10:00:00 UTC (1 h later)")
    assert "(1 h later)" in format_diff(result)


def test_the_difference_that_changes_the_verdict_is_named() -> None:
    expired = token(exp=NOW - 3600)
    result = diff_tokens(A, expired, secret_key(SECRET), project_id=PROJECT, at=NOW)
    assert result.a.accepted
    assert not result.b.accepted
    (change,) = result.changes
    assert change.path == "exp"
    assert change.decides is not None
    assert change.decides.startswith("B is rejected: exp passed 1 h ago")
    assert result.verdict_note.startswith("A is accepted, B is rejected: exp passed 1 h ago")
    data = diff_to_dict(result)
    assert data["verdict"] == {
        "a": "accepted",
        "b": "rejected",
        "changes": True,
        "note": result.verdict_note,
    }
    assert data["changes"][0]["changes_verdict"] is True


def test_a_harmless_difference_does_not_change_the_verdict() -> None:
    result = diff_tokens(A, token(firstname="Ada"), secret_key(SECRET), at=NOW)
    assert result.verdict_note == "both are accepted"
    assert [c.decides for c in result.changes] == [None]


def test_aud_of_another_project_changes_the_verdict() -> None:
    b = token(aud=tiledesk_audience(OTHER))
    result = diff_tokens(A, b, secret_key(SECRET), project_id=PROJECT, at=NOW)
    (change,) = result.changes
    assert change.path == "aud"
    assert change.decides is not None
    assert change.decides.startswith("B is rejected")


def test_same_claims_other_secret() -> None:
    result = diff_tokens(A, token(secret="another"), secret_key(SECRET), at=NOW)
    assert result.changes == ()
    assert "only the signature differs" in format_diff(result)
    assert "B is rejected" in result.verdict_note


def test_identical_tokens() -> None:
    result = diff_tokens(A, A, at=NOW)
    assert result.identical
    assert result.changes == ()


@pytest.mark.parametrize("other", ["", "garbage", "a.b.c", "eyJ" + "[" * 50])
def test_unreadable_tokens_do_not_raise(other: str) -> None:
    result = diff_tokens(A, other, at=NOW)
    assert not result.identical
    assert format_diff(result)


def test_header_changes_are_listed() -> None:
    b = sign_token({"kid": "k1"}, BASE, secret_key(SECRET), "HS512")
    paths = {(c.part, c.path, c.kind) for c in diff_tokens(A, b, at=NOW).changes}
    assert ("header", "alg", ChangeKind.CHANGED) in paths
    assert ("header", "kid", ChangeKind.ADDED) in paths
    assert ("header", "typ", ChangeKind.REMOVED) in paths
