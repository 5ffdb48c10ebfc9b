"""The document driven without any widget: intents in, state and signals out."""

from __future__ import annotations

import json
import math
import threading

import pytest
from pytestqt.qtbot import QtBot

from tests.core.keys_for_tests import rsa_public_jwk
from tiledesk_jwt_gui.core import (
    ABSENT,
    DEMO_SECRET,
    Mode,
    SignatureStatus,
    demo_claims,
    secret_key,
    sign_token,
)
from tiledesk_jwt_gui.ui.document import Change, InspectorDocument
from tiledesk_jwt_gui.ui.document import document as document_module

from .conftest import NOW, FakeClock

TOKEN = sign_token(None, demo_claims(int(NOW)), secret_key(DEMO_SECRET), "HS256")


@pytest.fixture
def document(qtbot: QtBot) -> InspectorDocument:
    doc = InspectorDocument(clock=FakeClock(NOW))
    doc.load_sample()
    return doc


def test_the_sample_is_composed_and_accepted(document: InspectorDocument) -> None:
    assert document.draft.mode is Mode.COMPOSING
    assert document.verdict is not None
    assert document.verdict.accepted
    assert document.token_to_copy() == document.draft.token


def test_changes_name_what_changed_and_who_asked(document: InspectorDocument) -> None:
    seen: list[tuple[frozenset[Change], object]] = []
    document.changed.connect(lambda changes, origin: seen.append((changes, origin)))
    asker = object()
    document.edit_claim("email", "ada@example.com", origin=asker)
    assert len(seen) == 1
    changes, origin = seen[0]
    assert origin is asker
    assert {Change.PAYLOAD, Change.TOKEN} <= changes


def test_a_secret_typed_over_a_pasted_token_does_not_read_it_again(
    qtbot: QtBot, document: InspectorDocument
) -> None:
    # Issue 15 item 5: each key re-judges the token; its header and payload are the same, so
    # no pane is told to show them again (the claims form re-wrote a 375 KB claim per key).
    seen: list[frozenset[Change]] = []
    document.changed.connect(lambda changes, origin: seen.append(changes))
    read = {Change.HEADER, Change.PAYLOAD, Change.ALGORITHM}
    big = sign_token(None, {"sub": "userexternal", "blob": "a" * 100_000}, secret_key("s"), "HS256")
    for text in (TOKEN, big):  # judged here, and on the worker
        document.paste_token(text)
        qtbot.waitUntil(lambda: not document.busy)
        assert read <= set().union(*seen)
        seen.clear()
        payload = document.draft.payload
        for secret in ("s", "s2", DEMO_SECRET):
            document.set_secret(secret)
            qtbot.waitUntil(lambda: not document.busy)
        assert document.verdict is not None
        assert document.verdict.inspection.original == text
        assert seen
        assert not read & set().union(*seen)
        assert document.draft.payload is payload
        seen.clear()
    # The same claims in another order: another text, read again.
    claims = json.loads(json.dumps(demo_claims(int(NOW))))
    reordered = sign_token(None, dict(reversed(claims.items())), secret_key(DEMO_SECRET), "HS256")
    document.paste_token(reordered)
    assert read <= set().union(*seen)
    payload = document.draft.payload
    assert isinstance(payload, dict)
    assert list(payload) == list(reversed(claims))


def test_paste_edit_and_back(document: InspectorDocument) -> None:
    document.paste_token(TOKEN)
    assert document.draft.mode is Mode.CHECKING
    document.edit_claim("firstname", ABSENT)
    assert document.draft.token != TOKEN
    assert document.draft.can_go_back
    document.back_to_pasted()
    assert document.draft.token == TOKEN
    assert document.draft.mode is Mode.CHECKING
    assert document.verdict is not None
    assert document.verdict.inspection.original == TOKEN


def test_a_form_problem_holds_the_token_until_fixed(document: InspectorDocument) -> None:
    before = document.draft.token
    document.edit_claim("attributes", ABSENT, problem="Expecting value")
    held = document.draft
    assert held.token == before
    assert held.stale == "attributes: Expecting value"
    assert document.token_to_copy() is None
    document.edit_claim("attributes", {"plan": "gold"})
    fixed = document.draft
    assert fixed.stale is None
    assert fixed.token != before
    assert document.token_to_copy() == fixed.token


@pytest.mark.parametrize("bad", [math.nan, math.inf, -1.0, 1e400])
def test_a_leeway_that_cannot_be_one_changes_nothing(
    document: InspectorDocument, bad: float
) -> None:
    verdict = document.verdict
    assert document.set_leeway(bad) is not None
    assert document.draft.leeway == 0
    assert document.verdict is verdict


def test_keys_are_read_off_the_gui_thread_once_per_change(
    qtbot: QtBot, document: InspectorDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 12-key JWKS: read on the worker, once; edits elsewhere never read it again."""
    calls: list[bool] = []
    real = document_module.load_key_text

    def watched(text: str) -> object:
        calls.append(threading.current_thread() is threading.main_thread())
        return real(text)

    monkeypatch.setattr(document_module, "load_key_text", watched)
    document.choose_algorithm("RS256")
    keys = [rsa_public_jwk(kid=f"key-{n}") for n in range(12)]
    document.set_public_key(json.dumps({"keys": keys}))
    assert document.busy
    qtbot.waitUntil(lambda: not document.busy, timeout=20_000)
    assert calls == [False]  # once, and never on the GUI thread
    assert document.keyring.public_status().text.startswith("✔ RSA")
    for letter in "abcde":
        document.edit_claim("email", f"{letter}@example.com")
    document.set_project_text("5c81593adf767b0017d1aa68")
    assert calls == [False]


def test_an_overtaken_key_reading_is_dropped(qtbot: QtBot, document: InspectorDocument) -> None:
    document.choose_algorithm("RS256")
    document.set_public_key("-----BEGIN PUBLIC KEY-----\nbroken")
    document.set_public_key("")
    qtbot.waitUntil(lambda: not document.busy, timeout=20_000)
    assert document.keyring.public_status().text.startswith("Empty")


def test_the_boundary_judges_again_at_exp_plus_leeway(qtbot: QtBot) -> None:
    clock = FakeClock(NOW)
    document = InspectorDocument(clock=clock)
    claims = demo_claims(int(NOW))
    claims["exp"] = int(NOW) + 5
    document.keyring.set_secret(DEMO_SECRET)
    document.paste_token(sign_token(None, claims, secret_key(DEMO_SECRET), "HS256"))
    document.set_leeway(10)
    assert document.verdict is not None
    assert document.verdict.accepted
    assert document.verdict.signature.status is SignatureStatus.VERIFIED
    assert 14_000 <= document.boundary_timer.interval() <= 15_001
    clock.now = NOW + 15
    with qtbot.waitSignal(document.verdictChanged):
        document.boundary_timer.timeout.emit()
    assert document.verdict is not None
    assert not document.verdict.accepted
