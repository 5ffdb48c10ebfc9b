"""Fixtures of the interop tests: tiledesk-server's own code, installed on demand."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.interop.tiledesk_server import StackUnavailable, TiledeskServer, ensure_server


@pytest.fixture(scope="session")
def tiledesk_server() -> Iterator[TiledeskServer]:
    """tiledesk-server 2.19.16's own code, one process for the session; skipped with the
    reason when node or npm is missing or the install fails."""
    try:
        server = TiledeskServer(ensure_server())
    except StackUnavailable as exc:
        pytest.skip(f"tiledesk-server 2.19.16 cannot run here: {exc}")
    yield server
    server.close()
