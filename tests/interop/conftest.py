"""Fixtures of the interop tests: the real Tiledesk code, installed on demand."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.interop.node_stack import StackUnavailable, ensure_stack
from tests.interop.tiledesk_server import TiledeskServer, ensure_server


@pytest.fixture(scope="session")
def server_stack() -> Path:
    """The runnable server_stack.js; the test is skipped, with the reason, without node/npm."""
    try:
        return ensure_stack()
    except StackUnavailable as exc:
        pytest.skip(f"the Tiledesk verification stack is unavailable: {exc}")


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
