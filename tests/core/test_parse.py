"""Reading any text as a token: clean-ups, segments and spans, and a precise message for
every kind of broken input."""

from __future__ import annotations

import base64
import json

import pytest

from tiledesk_jwt_gui.core import MAX_TOKEN_CHARS, Severity, inspect_token

GOOD = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
    "eyJfaWQiOiI2NWExYjJjM2Q0ZTVmNjA3MTgyOTNhNGJfdXNlci00MiJ9."
    "c2lnbmF0dXJl"
)


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def token_of(header: bytes, payload: bytes, signature: str = "c2ln") -> str:
    return f"{b64(header)}.{b64(payload)}.{signature}"


def codes(text: str) -> list[str]:
    return [issue.code for issue in inspect_token(text).issues]


def test_clean_token_has_three_segments_with_spans() -> None:
    inspection = inspect_token(GOOD)
    assert [s.name for s in inspection.segments] == ["header", "payload", "signature"]
    for segment in inspection.segments:
        assert GOOD[segment.span.start : segment.span.end] == segment.text
    assert inspection.header_object == {"alg": "HS256", "typ": "JWT"}
    assert inspection.payload_object == {"_id": "65a1b2c3d4e5f60718293a4b_user-42"}
    assert inspection.signature == b"signature"
    assert inspection.issues == ()
    assert inspection.notices == ()


@pytest.mark.parametrize(
    ("text", "notice"),
    [
        (f"  {GOOD}\n", "trimmed_whitespace"),
        (f"JWT {GOOD}", "removed_jwt_prefix"),
        (f"Bearer {GOOD}", "removed_bearer_prefix"),
        (f"Authorization: JWT {GOOD}", "removed_jwt_prefix"),
        (f'"{GOOD}"', "removed_quotes"),
    ],
)
def test_clean_ups_are_reported_and_spans_point_into_the_original(text: str, notice: str) -> None:
    inspection = inspect_token(text)
    assert inspection.token == GOOD
    assert notice in [n.code for n in inspection.notices]
    for segment in inspection.segments:
        assert text[segment.span.start : segment.span.end] == segment.text
    assert inspection.issues == ()


def test_bearer_notice_says_tiledesk_refuses_it() -> None:
    (notice,) = inspect_token(f"bearer {GOOD}").notices
    assert "JWT <token>" in notice.message


@pytest.mark.parametrize(("parts", "count"), [(1, 1), (2, 2), (4, 4), (6, 6)])
def test_wrong_part_counts_say_how_many(parts: int, count: int) -> None:
    text = ".".join(["eyJhIjoxfQ"] * parts)
    issue = next(i for i in inspect_token(text).issues if i.code == "wrong_part_count")
    assert f"expected 3 parts separated by dots, got {count}" in issue.message
    assert issue.severity is Severity.ERROR


def test_five_parts_is_a_jwe() -> None:
    issue = inspect_token("a.b.c.d.e").issues[0]
    assert issue.code == "jwe_unsupported"
    assert "JWE" in issue.message
    assert "encrypted tokens are not supported" in issue.message


def test_standard_base64_character_is_named_with_its_position() -> None:
    header = b64(b'{"alg":"HS256"}')
    text = f"{header}.ab+c.sig"
    issue = next(
        i for i in inspect_token(text).issues if i.code == "payload_base64_standard_alphabet"
    )
    assert "character 3" in issue.message
    assert "'+'" in issue.message


def test_padding_is_an_error_but_still_decodes_for_display() -> None:
    header = base64.urlsafe_b64encode(b'{"alg":"HS512" }').decode()
    assert header.endswith("=")
    inspection = inspect_token(f"{header}.eyJhIjoxfQ.sig")
    assert "header_base64_padding" in [i.code for i in inspection.issues]
    assert inspection.header_object == {"alg": "HS512"}


def test_noncanonical_last_character_is_a_warning() -> None:
    payload = b64(b'{"a":1}')  # 'eyJhIjoxfQ'
    tweaked = payload[:-1] + "R"  # same bytes, unused bits set
    inspection = inspect_token(f"eyJhbGciOiJIUzI1NiJ9.{tweaked}.c2ln")
    issue = next(i for i in inspection.issues if i.code == "payload_base64_noncanonical")
    assert issue.severity is Severity.WARNING
    assert inspection.payload_object == {"a": 1}


def test_non_utf8_payload_names_the_byte() -> None:
    inspection = inspect_token(token_of(b'{"alg":"HS256"}', b'{"a":"\xff"}'))
    issue = next(i for i in inspection.issues if i.code == "payload_not_utf8")
    assert "byte 7" in issue.message
    assert inspection.payload_object == {"a": "\ufffd"}


@pytest.mark.parametrize(
    ("payload", "code", "words"),
    [
        (b"[1,2]", "payload_not_object", "an array"),
        (b'"text"', "payload_not_object", "a string"),
        (b"null", "payload_not_object", "null"),
        (b"{not json", "payload_not_json", "not JSON"),
        (b'{"a": NaN}', "payload_not_json", "NaN"),
        (b"\xef\xbb\xbf{}", "payload_not_json", "byte-order mark"),
    ],
)
def test_payload_problems_name_the_part(payload: bytes, code: str, words: str) -> None:
    issue = next(
        i for i in inspect_token(token_of(b'{"alg":"HS256"}', payload)).issues if i.code == code
    )
    assert words in issue.message


def test_header_that_is_not_an_object() -> None:
    issue = inspect_token(token_of(b"[]", b"{}")).issues[0]
    assert (issue.code, issue.part.value) == ("header_not_object", "header")


def test_duplicate_keys_keep_the_last_value_and_are_noticed() -> None:
    inspection = inspect_token(token_of(b'{"alg":"HS256"}', b'{"exp":1,"exp":2}'))
    assert inspection.payload_object == {"exp": 2}
    issue = next(i for i in inspection.issues if i.code == "duplicate_key")
    assert issue.claim == "exp"


def test_deep_nesting_and_huge_numbers_are_read_without_error() -> None:
    deep = b'{"a":' + b"[" * 50_000 + b"]" * 50_000 + b',"exp":' + b"9" * 5000 + b"}"
    inspection = inspect_token(token_of(b'{"alg":"HS256"}', deep))
    payload = inspection.payload_object
    assert payload is not None
    assert payload["exp"] == float("inf")  # what JavaScript makes of 5000 nines
    assert inspection.issues == ()


def test_lone_surrogate_escape_is_kept() -> None:
    inspection = inspect_token(token_of(b'{"alg":"HS256"}', b'{"name":"\\ud800"}'))
    assert inspection.payload_object == {"name": "\ud800"}


def test_oversized_input_is_refused_at_once() -> None:
    inspection = inspect_token("a" * (MAX_TOKEN_CHARS + 1))
    assert [i.code for i in inspection.issues] == ["too_large"]
    assert "1 MiB" in inspection.issues[0].message
    assert inspection.segments == ()


@pytest.mark.parametrize("text", ["", "   ", "JWT ", '""'])
def test_empty_input(text: str) -> None:
    assert codes(text) == ["empty"]


def test_signing_input_is_the_segments_as_received() -> None:
    header = b64(b'{"typ":"JWT",\r\n "alg":"HS256"}')
    inspection = inspect_token(f"{header}.eyJhIjoxfQ.c2ln")
    assert inspection.signing_input == f"{header}.eyJhIjoxfQ".encode()
    assert json.loads(inspection.header.text if inspection.header else "") == {
        "typ": "JWT",
        "alg": "HS256",
    }
