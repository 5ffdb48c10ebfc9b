"""How much the app ever reads, and the one bounded reader the command line and the window share.

Every file or stream a person points the app at (a token, a claims or header file, a secret file,
a key file, standard input) is read through :func:`read_bounded`, which stops one byte past its
limit: ``/dev/zero``, ``/dev/urandom`` or an endless pipe cost at most that much memory. Text is
then decoded by :func:`utf8_text`, which names the first byte that is not UTF-8.

Which limit applies to what:

- a token, a claims file, a header file, standard input: :data:`MAX_TEXT_BYTES`, 1 MiB, the
  limit ``inspect_token`` already applies (far beyond any real token: they are a few hundred
  bytes, a few KiB with big claims);
- a secret file: :data:`MAX_SECRET_BYTES`, 16 KiB. Real secrets are tens of bytes (Tiledesk's
  own are 36 characters) and HMAC hashes any key longer than its block (64 or 128 bytes) down
  to one hash, so length adds nothing past that. 16 KiB still holds any PEM key or certificate
  given as a secret by mistake, so that mistake is named (key confusion) instead of "too big";
- a key file (PEM, JWK, JWKS): :data:`MAX_KEY_BYTES`, 256 KiB: a JWKS of :data:`MAX_JWKS_KEYS`
  public RSA keys of :data:`MAX_RSA_BITS` bits is about 150 KiB.

Keys are bounded where they are loaded too (``load_key_text``), so a pasted key meets the same
limits as a key file: at most :data:`MAX_JWKS_KEYS` keys in a set or a PEM file, and RSA moduli of
at most :data:`MAX_RSA_BITS` bits (checking a 16384-bit private key takes OpenSSL seconds).
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, Final

from .errors import InputError

__all__ = [
    "MAX_JWKS_KEYS",
    "MAX_KEY_BYTES",
    "MAX_RSA_BITS",
    "MAX_SECRET_BYTES",
    "MAX_TEXT_BYTES",
    "MIN_RSA_BITS",
    "InputTooLarge",
    "ReadError",
    "describe_size",
    "read_bounded",
    "utf8_text",
]

MAX_TEXT_BYTES: Final = 1024 * 1024
"""A token, a claims or header file, standard input: 1 MiB."""
MAX_SECRET_BYTES: Final = 16 * 1024
"""A secret file: 16 KiB (see the module's docstring for why)."""
MAX_KEY_BYTES: Final = 256 * 1024
"""A PEM, JWK or JWKS file, or key text pasted into the window: 256 KiB."""
MAX_JWKS_KEYS: Final = 100
"""Keys in one JWKS or one PEM file."""
MAX_RSA_BITS: Final = 8192
"""The largest RSA modulus loaded; larger keys are refused before any costly check."""
MIN_RSA_BITS: Final = 2048
"""RFC 7518 §3.3: RSA keys of 2048 bits or more; smaller ones verify, with a warning."""


class ReadError(InputError):
    """A file or stream cannot be read: missing, unreadable, a directory, not UTF-8 text."""


class InputTooLarge(ReadError):
    """A file or stream is longer than its limit; reading stopped one byte past it."""


def describe_size(limit: int) -> str:
    """ "1 MiB", "16 KiB", "300 bytes": a limit as people write it."""
    for unit, size in (("MiB", 1024 * 1024), ("KiB", 1024)):
        if limit >= size and limit % size == 0:
            return f"{limit // size} {unit}"
    return f"{limit:,} bytes"


def read_bounded(source: Path | BinaryIO, limit: int, what: str) -> bytes:
    """The bytes of ``source`` (a path, or a binary stream such as ``sys.stdin.buffer``), never
    reading more than ``limit`` + 1 of them.

    ``what`` names the source in messages ("the key file 'jwks.json'", "standard input"); it is
    the caller's to decide whether a file name may be shown (a secret's path may be the secret
    itself). Raises :class:`InputTooLarge` past the limit, :class:`ReadError` when the source
    cannot be read.
    """
    try:
        if isinstance(source, Path):
            with source.open("rb") as stream:
                data = _read_up_to(stream, limit + 1)
        else:
            data = _read_up_to(source, limit + 1)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ReadError(f"cannot read {what}: {reason}") from None
    if len(data) > limit:
        raise InputTooLarge(f"{what} is over {describe_size(limit)}, the limit for it; not read")
    return data


def _read_up_to(stream: BinaryIO, count: int) -> bytes:
    # read(n) on a pipe or a terminal may return less than n before the end: loop until the
    # end (b"") or ``count`` bytes, never asking for more than is left.
    chunks: list[bytes] = []
    left = count
    while left > 0:
        chunk = stream.read(min(left, 64 * 1024))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def utf8_text(data: bytes, what: str) -> str:
    """``data`` decoded as UTF-8, or a :class:`ReadError` naming the first byte that is not
    (counted from 1, as people count)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReadError(f"{what} is not UTF-8 text at byte {exc.start + 1}") from None
