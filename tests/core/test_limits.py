"""The one bounded reader: it stops one byte past its limit, names what it read and the limit,
and decodes strictly; the limits agree with each other."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tests.core.hostile import b64
from tests.core.keys_for_tests import rsa_public_jwk
from tiledesk_jwt_gui.core import (
    MAX_JWKS_KEYS,
    MAX_KEY_BYTES,
    MAX_RSA_BITS,
    MAX_SECRET_BYTES,
    MAX_TEXT_BYTES,
    MAX_TOKEN_CHARS,
    CoreError,
    InputTooLarge,
    ReadError,
    describe_size,
    load_key_text,
    read_bounded,
    utf8_text,
)


class EndlessZeros(io.RawIOBase):
    """A stream that never ends (like /dev/zero or `yes`), counting what was taken from it."""

    def __init__(self) -> None:
        self.taken = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        size = len(buffer)
        buffer[:size] = b"\0" * size
        self.taken += size
        return size


def test_an_endless_stream_is_read_one_byte_past_the_limit_and_no_further() -> None:
    stream = EndlessZeros()
    with pytest.raises(InputTooLarge) as caught:
        read_bounded(stream, 1000, "standard input")  # type: ignore[arg-type]
    assert stream.taken == 1001
    assert str(caught.value) == "standard input is over 1,000 bytes, the limit for it; not read"
    assert isinstance(caught.value, CoreError)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
def test_dev_zero_is_refused_at_the_limit() -> None:
    with pytest.raises(InputTooLarge, match="the key file '/dev/zero' is over 256 KiB"):
        read_bounded(Path("/dev/zero"), MAX_KEY_BYTES, "the key file '/dev/zero'")


def test_a_file_at_the_limit_is_read_whole_and_one_byte_more_is_refused(tmp_path: Path) -> None:
    exact = tmp_path / "exact"
    exact.write_bytes(b"a" * 64)
    assert read_bounded(exact, 64, "the file") == b"a" * 64
    over = tmp_path / "over"
    over.write_bytes(b"a" * 65)
    with pytest.raises(InputTooLarge, match="over 64 bytes"):
        read_bounded(over, 64, "the file")


def test_a_stream_that_gives_little_at_a_time_is_read_to_its_end() -> None:
    class Trickle(io.RawIOBase):
        def __init__(self) -> None:
            self.left = b"eyJhbGciOiJIUzI1NiJ9.e30.sig"

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
            piece, self.left = self.left[:3], self.left[3:]
            buffer[: len(piece)] = piece
            return len(piece)

    assert read_bounded(Trickle(), 100, "standard input") == b"eyJhbGciOiJIUzI1NiJ9.e30.sig"  # type: ignore[arg-type]


@pytest.mark.parametrize("make", ["missing", "directory"])
def test_unreadable_paths_are_a_read_error_naming_them(tmp_path: Path, make: str) -> None:
    path = tmp_path / "key.pem"
    if make == "directory":
        path.mkdir()
    with pytest.raises(ReadError, match=r"^cannot read the key file 'key.pem': \w"):
        read_bounded(path, 100, "the key file 'key.pem'")


def test_not_utf8_names_the_first_bad_byte() -> None:
    with pytest.raises(ReadError) as caught:
        utf8_text(b"abc\xff\xfe", "standard input")
    assert str(caught.value) == "standard input is not UTF-8 text at byte 4"
    assert utf8_text("é".encode(), "x") == "é"


def test_sizes_are_written_as_people_write_them() -> None:
    assert describe_size(MAX_TEXT_BYTES) == "1 MiB"
    assert describe_size(MAX_SECRET_BYTES) == "16 KiB"
    assert describe_size(MAX_KEY_BYTES) == "256 KiB"
    assert describe_size(1500) == "1,500 bytes"


def test_the_limits_agree_with_each_other() -> None:
    assert MAX_TOKEN_CHARS == MAX_TEXT_BYTES
    assert MAX_SECRET_BYTES < MAX_KEY_BYTES < MAX_TEXT_BYTES
    # The largest key set allowed (MAX_JWKS_KEYS public RSA keys of MAX_RSA_BITS) fits a key file.
    modulus = (1 << (MAX_RSA_BITS - 1)) | 1
    template = rsa_public_jwk()
    entry = {
        **template,
        "n": b64(modulus.to_bytes(MAX_RSA_BITS // 8, "big")),
        "kid": "k" * 40,
        "alg": "RS256",
        "use": "sig",
    }
    text = json.dumps({"keys": [entry] * MAX_JWKS_KEYS}, indent=2)
    assert len(text.encode()) < MAX_KEY_BYTES
    # And a real set of that many keys loads.
    keys = load_key_text(json.dumps({"keys": [rsa_public_jwk(f"k{i}") for i in range(100)]}))
    assert len(keys) == MAX_JWKS_KEYS
