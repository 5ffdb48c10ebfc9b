"""Reading a small file a person chose (a key, a dropped token): bounded, and every failure in
words instead of an exception."""

from __future__ import annotations

from pathlib import Path

__all__ = ["read_small_file"]


def read_small_file(path: Path, limit: int, what: str) -> bytes | str:
    """The bytes of ``path``, at most ``limit`` of them; or why not, as a sentence fragment
    ("cannot read key.pem: Permission denied"). Only regular files are read: a device or a
    pipe could be endless."""
    try:
        if not path.is_file():
            if not path.exists():
                return f"{path.name} does not exist"
            return f"{path.name} is not a regular file"
        with path.open("rb") as file:
            data = file.read(limit + 1)
    except OSError as exc:
        return f"cannot read {path.name}: {exc.strerror or exc}"
    if len(data) > limit:
        return f"{path.name} is over {limit // (1024 * 1024)} MiB: not {what}"
    return data
