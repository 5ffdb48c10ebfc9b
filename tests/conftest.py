"""Shared fixtures: the test vectors copied from ../shared (the project needs no ../shared)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

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
