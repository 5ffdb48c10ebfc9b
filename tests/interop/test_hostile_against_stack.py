"""The hostile catalogue through the real stack: where the server answers, the core's Tiledesk
verdict is the server's."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.hostile import NOW, PROJECT, SECRET, catalogue
from tests.interop.node_stack import run_stack
from tests.interop.test_differential import disagreement
from tiledesk_jwt_gui.core import MAX_TOKEN_CHARS

pytestmark = pytest.mark.interop


def test_hostile_tokens_get_the_servers_verdict(server_stack: Path) -> None:
    # Past MAX_TOKEN_CHARS the app refuses to read at all: no server verdict to compare.
    items = [h for h in catalogue() if len(h.token) <= MAX_TOKEN_CHARS]
    cases = [
        {
            "name": h.name,
            "token": h.token,
            "projects": {PROJECT: SECRET},
            "now": NOW,
            "global_secret": None,
            "entity_check": True,
        }
        for h in items
    ]
    results = run_stack(cases)
    problems = [p for c, r in zip(cases, results, strict=True) if (p := disagreement(c, r))]
    assert not problems, "\n".join(p[:400] for p in problems)
    forged = {h.name for h in items if h.forged}
    for case, result in zip(cases, results, strict=True):
        if case["name"] in forged:
            assert result["accepted"] is False, case["name"]
