"""Fixtures of the QA-suite tests: a suite, and the Tiledesk its exports run against."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager

import pytest

from tests.cases.fake_tiledesk import Target, serving
from tiledesk_jwt_gui.core import Suite, generate_suite

PROJECT = "65a1b2c3d4e5f60718293a4b"
SECRET = "0b7c6f3e-2d41-4c8a-9f6e-5a3b2c1d0e9f"
NOW = 1_800_000_000

TargetFactory = Callable[[Suite, str], AbstractContextManager[Target]]


@pytest.fixture(scope="session")
def suite() -> Suite:
    return generate_suite(PROJECT, SECRET, now=NOW, seed=5)


@pytest.fixture
def tiledesk_server() -> TargetFactory:
    """The Tiledesk the exports run against, given the true suite and the project's secret.

    This is the one swap point: today a stand-in that answers as each case's expected flow
    says and records the requests; the real server-code harness (issue 10) takes its place by
    returning a factory that seeds ``suite.project_id`` with ``secret`` and serves on 127.0.0.1.
    """

    @contextlib.contextmanager
    def start(suite: Suite, secret: str) -> Iterator[Target]:
        with serving(suite) as target:
            yield target

    return start
