"""What the window asks the core for issue 12: whether a verdict has a signature failure to
explain (``diagnose_verdict``), the checks tried in words (``CAUSE_TITLES``), and the tokens in
a file dropped on it (``tokens_in_file``: bounded, a HAR over the 1 MiB a token may be, several
tokens listed, unreadable files named)."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

import pytest

from tiledesk_jwt_gui.core import (
    CAUSE_TITLES,
    MAX_TOKEN_CHARS,
    Cause,
    ExtractionSource,
    JSONValue,
    SignatureStatus,
    diagnose,
    diagnose_verdict,
    judge,
    secret_key,
    share_markdown,
    share_report,
    sign_token,
    tokens_in_file,
)

SECRET = "0b7c6f3e-2d41-4c8a-9f6e-5a3b2c1d0e9f"
TOKEN = sign_token(None, {"sub": "userexternal", "_id": "u1"}, secret_key(SECRET), "HS256")
OTHER = sign_token(None, {"sub": "userexternal", "_id": "u2"}, secret_key(SECRET), "HS256")


def test_every_cause_has_words_and_none_quotes_a_code() -> None:
    assert set(CAUSE_TITLES) == set(Cause)
    for cause, title in CAUSE_TITLES.items():
        assert title, cause
        assert "_" not in title, cause


def test_only_a_failed_signature_is_diagnosed() -> None:
    wrong = secret_key(SECRET + "\n")
    failed = judge(TOKEN, wrong)
    assert failed.signature.status is SignatureStatus.INVALID
    found = diagnose_verdict(failed, wrong)
    assert found is not None
    assert found == diagnose(TOKEN, wrong)
    assert found.verified_with is Cause.SECRET_SURROUNDING_WHITESPACE
    assert diagnose_verdict(judge(TOKEN, secret_key(SECRET)), secret_key(SECRET)) is None
    assert diagnose_verdict(judge(TOKEN, None), None) is None
    assert diagnose_verdict(judge("not a token", wrong), wrong) is None
    unsigned = TOKEN.rsplit(".", 1)[0] + "."
    assert diagnose_verdict(judge(unsigned, wrong), wrong) is None


def har(*tokens: str, padding: int = 0) -> str:
    entries = [
        {
            "request": {
                "method": "GET",
                "url": "https://api.tiledesk.com/v3/projects",
                "headers": [{"name": "Authorization", "value": f"JWT {token}"}],
                "queryString": [],
            },
            "response": {"status": 200, "content": {"text": "x" * padding}},
        }
        for token in tokens
    ]
    return json.dumps({"log": {"version": "1.2", "entries": entries}})


def test_a_har_larger_than_a_token_may_be_gives_its_token(tmp_path: Path) -> None:
    path = tmp_path / "session.har"
    path.write_text(har(TOKEN, TOKEN, padding=MAX_TOKEN_CHARS), encoding="utf-8")
    assert path.stat().st_size > MAX_TOKEN_CHARS
    found = tokens_in_file(path)
    assert found.problem is None
    assert found.text is None
    assert found.chosen is not None
    assert found.chosen.token == TOKEN
    assert found.chosen.source is ExtractionSource.HAR_FILE
    assert found.notice(found.chosen).startswith("Took the token from HAR entry 1")
    assert found.notice(found.chosen).endswith("in session.har")


def test_several_tokens_are_listed_in_order(tmp_path: Path) -> None:
    path = tmp_path / "two.har"
    path.write_text(har(TOKEN, OTHER), encoding="utf-8")
    found = tokens_in_file(path)
    assert found.chosen is None
    assert [c.token for c in found.candidates] == [TOKEN, OTHER]
    assert [c.where.split(",")[0] for c in found.candidates] == ["HAR entry 1", "HAR entry 2"]


def test_a_token_file_is_read_as_the_token(tmp_path: Path) -> None:
    path = tmp_path / "token.txt"
    path.write_text(f"  JWT {TOKEN}\n", encoding="utf-8")
    found = tokens_in_file(path)
    assert found.text == f"  JWT {TOKEN}\n"
    assert found.candidates == ()
    assert found.problem is None


def test_files_that_cannot_give_a_token_say_why(tmp_path: Path) -> None:
    big = tmp_path / "big.log"
    big.write_text("no token here\n" * (MAX_TOKEN_CHARS // 10), encoding="utf-8")
    problem = tokens_in_file(big).problem
    assert problem is not None
    assert problem.startswith("big.log holds no token")
    binary = tmp_path / "picture.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    problem = tokens_in_file(binary).problem
    assert problem == "picture.png is not UTF-8 text at byte 1"
    assert tokens_in_file(tmp_path / "gone.har").problem == "gone.har does not exist"
    assert tokens_in_file(tmp_path).problem == f"{tmp_path.name} is not a regular file"
    over = tmp_path / "over.har"
    over.write_text(har(TOKEN, padding=2000), encoding="utf-8")
    problem = tokens_in_file(over, limit=1024).problem
    assert problem is not None
    assert "over 1 KiB" in problem


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_a_named_pipe_is_not_opened(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)  # opening it would wait for a writer for ever
    assert tokens_in_file(pipe).problem == "pipe is not a regular file"


@pytest.mark.parametrize(
    "given", [SECRET + "\n", f" {SECRET}\r\n", "\ufeff" + SECRET, f'"{SECRET}"']
)
def test_a_report_on_a_flawed_secret_holds_no_form_of_the_secret_meant(given: str) -> None:
    """The window reports on the secret as typed, newline or quotes included: the secret meant
    (without them), which the claims may quote, is scrubbed in every encoding too."""
    data = SECRET.encode()
    quoted: dict[str, JSONValue] = {
        "firstname": SECRET,
        "lastname": base64.b64encode(data).decode(),
        "attributes": {
            "hex": data.hex().upper(),
            "url": base64.urlsafe_b64encode(data).decode().rstrip("="),
        },
    }
    token = sign_token(None, quoted, secret_key(SECRET), "HS256")
    key = secret_key(given)
    report = share_report(judge(token, key), key)
    text = share_markdown(report) + json.dumps(report)
    forms = [SECRET, base64.b64encode(data).decode().rstrip("="), data.hex(), data.hex().upper()]
    forms.append(base64.urlsafe_b64encode(data).decode().rstrip("="))
    for form in forms:
        assert form not in text, form
