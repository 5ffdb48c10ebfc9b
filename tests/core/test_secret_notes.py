"""Invisible characters in the secret, said plainly at the secret, the verdict staying the
server's (Tiledesk uses the secret exactly as given)."""

from __future__ import annotations

import pytest

from tiledesk_jwt_gui.core import (
    Cause,
    FixAction,
    apply_fix,
    judge,
    secret_key,
    secret_notes,
    sign_token,
    tiledesk_audience,
)

PROJECT = "65a1b2c3d4e5f60718293a4b"
SECRET = "0b7c6f3e-2d41-4c8a-9f6e-5a3b2c1d0e9f"
TOKEN = sign_token(
    None,
    {"_id": f"{PROJECT}_1", "sub": "userexternal", "aud": tiledesk_audience(PROJECT)},
    secret_key(SECRET),
    "HS256",
)


def test_trailing_newline_said_plainly() -> None:
    (note,) = secret_notes(SECRET + "\n", TOKEN)
    assert note.cause is Cause.SECRET_SURROUNDING_WHITESPACE
    assert note.message == "the secret ends with a newline (LF); without it, the signature matches"
    assert note.verifies is True
    assert note.fix is not None
    assert note.fix.label == "Remove the trailing newline from the secret"
    assert apply_fix(note.fix, SECRET + "\n") == SECRET


@pytest.mark.parametrize(
    ("given", "cause", "words"),
    [
        ("\ufeff" + SECRET, Cause.SECRET_BOM, "starts with a byte-order mark"),
        (SECRET + "\r\n", Cause.SECRET_SURROUNDING_WHITESPACE, "ends with a Windows line end"),
        ("  " + SECRET, Cause.SECRET_SURROUNDING_WHITESPACE, "starts with 2 spaces"),
        ("\t" + SECRET + " ", Cause.SECRET_SURROUNDING_WHITESPACE, "starts with a tab and ends"),
        (SECRET[:4] + "\u200b" + SECRET[4:], Cause.SECRET_INVISIBLE_CHARACTERS, "U+200B"),
    ],
)
def test_each_invisible_character_is_named(given: str, cause: Cause, words: str) -> None:
    (note,) = secret_notes(secret_key(given), TOKEN)
    assert note.cause is cause
    assert words in note.message
    assert note.message.endswith("without it, the signature matches")
    assert note.fix is not None
    assert apply_fix(note.fix, given) == SECRET


def test_the_verdict_stays_the_servers() -> None:
    key = secret_key(SECRET + "\n")
    assert secret_notes(key, TOKEN)[0].verifies is True
    verdict = judge(TOKEN, key, project_id=PROJECT, at=0)
    assert not verdict.accepted
    assert not verdict.signature.verified


def test_several_flaws_fixed_together() -> None:
    given = "\ufeff" + SECRET + "\n"
    notes = secret_notes(given, TOKEN)
    assert [n.cause for n in notes] == [Cause.SECRET_BOM, Cause.SECRET_SURROUNDING_WHITESPACE]
    for note in notes:
        assert note.verifies is True
        assert note.fix is not None
        assert note.fix.action is FixAction.REMOVE_ALL_INVISIBLE
        assert apply_fix(note.fix, given) == SECRET


def test_without_a_token_the_note_still_says_what_is_there() -> None:
    (note,) = secret_notes(SECRET + " ")
    assert note.verifies is None
    assert "ends with a space" in note.message
    assert "exactly as given" in note.message


def test_flaw_that_does_not_explain_the_failure() -> None:
    (note,) = secret_notes("another secret\n", TOKEN)
    assert note.verifies is False
    assert "does not match either" in note.message


def test_token_signed_with_the_flaw_itself() -> None:
    token = sign_token(None, {"sub": "userexternal"}, secret_key(SECRET + "\n"), "HS256")
    (note,) = secret_notes(SECRET + "\n", token)
    assert note.verifies is True
    assert note.fix is None
    assert "signed with it" in note.message


@pytest.mark.parametrize("clean", [SECRET, "a b", "tab\tinside", ""])
def test_no_note_for_a_clean_secret(clean: str) -> None:
    assert secret_notes(clean, TOKEN) == ()


def test_notes_never_quote_the_secret() -> None:
    for given in (SECRET + "\n", "\ufeff" + SECRET, SECRET + "\u200d"):
        for note in secret_notes(given, TOKEN):
            assert SECRET not in note.message
            assert SECRET not in repr(note)
