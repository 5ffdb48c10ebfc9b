"""Fixtures of the QA-suite tests: a suite, and the Tiledesk its exports run against."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager

import pytest

from tests.cases.fake_tiledesk import Target, serving
from tests.interop.tiledesk_server import ListeningServer
from tiledesk_jwt_gui.core import Suite, generate_suite

PROJECT = "65a1b2c3d4e5f60718293a4b"
SECRET = "0b7c6f3e-2d41-4c8a-9f6e-5a3b2c1d0e9f"
NOW = 1_800_000_000

TargetFactory = Callable[[Suite, str], AbstractContextManager[Target]]


@pytest.fixture(scope="session")
def suite() -> Suite:
    return generate_suite(PROJECT, SECRET, now=NOW, seed=5)


@pytest.fixture
def tiledesk_server(listening_tiledesk: ListeningServer) -> TargetFactory:
    """The Tiledesk the exports run against: tiledesk-server 2.19.16's own code (the interop
    harness in listen mode) started over with the suite's project and secret, its clock at the
    suite's ``now``, serving HTTP on 127.0.0.1; skipped with the reason where it cannot run."""

    @contextlib.contextmanager
    def start(suite: Suite, secret: str) -> Iterator[Target]:
        yield Target(listening_tiledesk.reset({suite.project_id.lower(): secret}, suite.now), None)

    return start


@pytest.fixture
def recording_stand_in() -> TargetFactory:
    """A stand-in that answers as the suite expects and records every request byte for byte:
    what the real server cannot tell, that an export sends exactly the widget's requests
    (method, path, headers, body, order)."""

    @contextlib.contextmanager
    def start(suite: Suite, secret: str) -> Iterator[Target]:
        with serving(suite) as target:
            yield target

    return start
