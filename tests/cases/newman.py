"""newman from npm (``tests/npm_cache.py``, into ``.cache/newman``) for the tests that run
exported Postman collections."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from tests.npm_cache import NpmUnavailable, npm_packages

NEWMAN_VERSION: Final = "6.2.2"


class NewmanUnavailable(Exception):
    """newman cannot be used here; the message says why."""


def ensure_newman() -> Path:
    """The newman executable, installed if needed."""
    try:
        where = npm_packages("newman", {"newman": NEWMAN_VERSION})
    except NpmUnavailable as exc:
        raise NewmanUnavailable(f"newman {NEWMAN_VERSION} from npm: {exc}") from exc
    executable = where / "node_modules" / ".bin" / "newman"
    if not executable.exists():
        raise NewmanUnavailable(f"npm installed no {executable}")
    return executable
