"""Fixtures of the interop tests: the real Tiledesk verification stack, installed on demand."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.interop.node_stack import StackUnavailable, ensure_stack


@pytest.fixture(scope="session")
def server_stack() -> Path:
    """The runnable server_stack.js; the test is skipped, with the reason, without node/npm."""
    try:
        return ensure_stack()
    except StackUnavailable as exc:
        pytest.skip(f"the Tiledesk verification stack is unavailable: {exc}")
