"""Shared fixtures: the test vectors copied from ../shared (the project needs no ../shared)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.interop.tiledesk_server import ListeningServer, StackUnavailable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

VECTORS = Path(__file__).parent / "vectors"


def load_vectors(name: str) -> Any:
    return json.loads((VECTORS / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def server_vectors() -> dict[str, Any]:
    data: dict[str, Any] = load_vectors("tiledesk-server-verdicts.json")
    return data


@pytest.fixture(scope="session")
def peer_vectors() -> dict[str, Any]:
    data: dict[str, Any] = load_vectors("peer-tokens.json")
    return data


_LISTENING_SKIP: list[str] = []


@pytest.fixture(scope="session")
def listening_tiledesk() -> Iterator[ListeningServer]:
    """tiledesk-server 2.19.16's own code serving HTTP on 127.0.0.1, one process for the
    session (``reset`` gives each test a fresh Tiledesk); skipped with the reason where it
    cannot run."""
    if _LISTENING_SKIP:
        pytest.skip(_LISTENING_SKIP[0])
    try:
        server = ListeningServer({}, 0)
    except StackUnavailable as exc:
        _LISTENING_SKIP.append(f"tiledesk-server 2.19.16 cannot run here: {exc}")
        pytest.skip(_LISTENING_SKIP[0])
    yield server
    server.close()
