"""The core's model of the widget's whole sign-in against tiledesk-server 2.19.16's own code:
the same status for every call, the same ``accepted``, on every token."""

from __future__ import annotations

import pytest

from tests.core.hostile import NOW, PROJECT, SECRET, catalogue
from tests.interop.flows import flow_disagreement
from tests.interop.tiledesk_server import TiledeskServer
from tiledesk_jwt_gui.core import MAX_TOKEN_CHARS

pytestmark = pytest.mark.interop


def test_hostile_tokens_get_the_servers_flow(tiledesk_server: TiledeskServer) -> None:
    items = [h for h in catalogue() if len(h.token) <= MAX_TOKEN_CHARS]
    cases = [
        {
            "name": h.name,
            "token": h.token,
            "projects": {PROJECT: SECRET},
            "now": NOW,
            "project": PROJECT,
        }
        for h in items
    ]
    results = tiledesk_server.run(cases)
    problems = [p for c, r in zip(cases, results, strict=True) if (p := flow_disagreement(c, r))]
    assert not problems, "\n".join(p[:600] for p in problems)
    for item, result in zip(items, results, strict=True):
        if item.forged:
            assert result["accepted"] is False, item.name
