"""What a sample's token must pass: the claims exactly as asked, and every verifier we have.

``VERIFIERS`` lists the checks a printed token goes through: the core's verdict, then
tiledesk-server 2.19.16's own code (the interop harness), whose whole sign-in must be the one
the core expects, every call answering 200.
"""

from __future__ import annotations

import atexit
import time
from collections.abc import Callable, Mapping
from typing import Final

import pytest

from tests.interop.tiledesk_server import StackUnavailable, TiledeskServer, ensure_server
from tiledesk_jwt_gui.core import JSONValue, SignatureStatus, judge, secret_key

TIME_CLAIMS: Final = ("iat", "exp", "nbf")
CLOCK_SLACK_S: Final = 300


def core_accepts(token: str, secret: str, project_id: str) -> None:
    verdict = judge(token, secret_key(secret), project_id=project_id)
    problems = [f"{issue.code}: {issue.message}" for issue in verdict.errors]
    assert verdict.accepted, f"the core refuses the sample's token: {problems}"
    assert verdict.signature.status is SignatureStatus.VERIFIED, verdict.signature


_harness: list[TiledeskServer] = []


def _server() -> TiledeskServer:
    if not _harness:
        try:
            _harness.append(TiledeskServer(ensure_server()))
        except StackUnavailable as exc:
            pytest.skip(f"the core accepts it; tiledesk-server 2.19.16 cannot run here: {exc}")
        atexit.register(_harness[0].close)
    return _harness[0]


def server_accepts(token: str, secret: str, project_id: str) -> None:
    now = int(time.time())
    case = {"token": token, "projects": {project_id.lower(): secret}, "now": now}
    result = _server().run([{**case, "project": project_id.lower()}])[0]
    statuses = [(step["call"], step["status"]) for step in result["flow"]]
    flow = judge(token, secret_key(secret), project_id=project_id, at=now).flow
    assert flow is not None
    assert statuses == [(a.call.value, a.status) for a in flow.calls]
    assert result["accepted"], f"tiledesk-server refuses the sample's token: {result['flow']}"
    assert all(status == 200 for _, status in statuses), statuses


VERIFIERS: Final[list[Callable[[str, str, str], None]]] = [core_accepts, server_accepts]


def assert_token_matches(
    token: str,
    claims: Mapping[str, JSONValue],
    secret: str,
    project_id: str,
    lifetime: int,
) -> None:
    """The token carries ``claims`` (times relative to now) and every verifier accepts it."""
    verdict = judge(token, secret_key(secret), project_id=project_id)
    payload = verdict.payload
    assert payload is not None, f"the sample printed something that is not a token: {token!r}"
    fixed = {name: value for name, value in claims.items() if name not in TIME_CLAIMS}
    printed = {name: value for name, value in payload.items() if name not in TIME_CLAIMS}
    assert printed == fixed
    now = time.time()
    iat, exp = payload.get("iat"), payload.get("exp")
    assert isinstance(exp, int), f"exp is {exp!r}"
    if "iat" in claims:
        assert isinstance(iat, int), f"iat is {iat!r}"
        assert abs(iat - now) < CLOCK_SLACK_S, "iat is not the moment the sample ran"
        assert exp - iat == lifetime
    else:
        assert "iat" not in payload, "the library added an iat the claims did not have"
        assert abs(exp - lifetime - now) < CLOCK_SLACK_S
    for verify in VERIFIERS:
        verify(token, secret, project_id)
