"""The widget test page in a real headless Chromium, against tiledesk-server 2.19.16's own code
(the interop harness listening on 127.0.0.1): straight to it (its own cors middleware answers
the page's preflights), and through a recording server that passes each call on to it and
keeps what the page sent.

The page is opened from a file, as a user would; its "Check without the widget" button must
make exactly the widget's two calls and show each answer. The widget script itself cannot load
offline: these tests cover the page's own code (the sign-in button only queues the calls).
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.interop.tiledesk_server import ListeningServer
from tests.samples.claim_sets import PROJECT_ID, SECRET
from tests.widget.chromium import BrowserMissing, Chromium, file_url, find_chromium
from tests.widget.recording_server import Answer, RecordingServer
from tiledesk_jwt_gui.core import (
    SampleLanguage,
    judge,
    secret_key,
    sign_token,
    snippet,
    tiledesk_claims,
)

SIGNIN = "/api/auth/signinWithCustomToken"
CHAT21 = "/api/chat21/native/auth/createCustomToken"


@pytest.fixture(scope="module")
def chromium_path() -> str:
    try:
        return find_chromium()
    except BrowserMissing as exc:
        pytest.skip(str(exc))


def answer_like_tiledesk(base_url: str) -> Callable[[str, str], Answer]:
    """The real server-code harness's answer (``base_url``) to each request the page makes to
    the recording server: it records, tiledesk-server's own code answers."""

    def answer(path: str, authorization: str) -> Answer:
        call = path.removeprefix("/api")
        body = b"{}" if call == CHAT21.removeprefix("/api") else b""
        request = urllib.request.Request(  # noqa: S310 - the harness's http:// URL
            base_url + call,
            data=body,
            method="POST",
            headers={"Authorization": authorization, "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")

    return answer


@pytest.fixture
def real_server(listening_tiledesk: ListeningServer) -> str:
    """tiledesk-server 2.19.16's own code on 127.0.0.1, the project's secret, the clock now."""
    return listening_tiledesk.reset({PROJECT_ID.lower(): SECRET}, int(time.time()))


def token(expires_in: int) -> str:
    claims = tiledesk_claims(
        PROJECT_ID, user_id="42", firstname="Ann </script>", expires_in=expires_in
    )
    if expires_in < 0:
        claims["iat"] = int(time.time()) - 3600
    return sign_token(None, claims, secret_key(SECRET), "HS256")


@pytest.fixture
def server(real_server: str) -> Iterator[RecordingServer]:
    with RecordingServer(answer_like_tiledesk(real_server)) as running:
        yield running


def open_and_check(page: Path, base: str, token_text: str, api: str = "api") -> dict[str, str]:
    html = snippet(
        SampleLanguage.WIDGET, project_id=PROJECT_ID, token=token_text, server=base + api
    ).code
    page.write_text(html, encoding="utf-8")
    with Chromium(file_url(page)) as browser:
        browser.wait_for("document.readyState === 'complete'")
        browser.evaluate("document.getElementById('check').click()")
        browser.wait_for(
            "['signin-answer', 'chat21-answer'].every("
            "(id) => !['', 'waiting'].includes(document.getElementById(id).dataset.status))"
        )
        shown: dict[str, str] = browser.evaluate(
            "({signinStatus: document.getElementById('signin-answer').dataset.status,"
            " signin: document.getElementById('signin-answer').textContent,"
            " chat21Status: document.getElementById('chat21-answer').dataset.status,"
            " chat21: document.getElementById('chat21-answer').textContent,"
            " scripts: String(document.scripts.length)})"
        )
    return shown


def posts(server: RecordingServer) -> list[tuple[str, str]]:
    return [(r.method, r.path) for r in server.requests if r.method != "OPTIONS"]


def test_a_valid_token_gets_200_then_200_with_the_widgets_exact_calls(
    chromium_path: str, server: RecordingServer, tmp_path: Path
) -> None:
    valid = token(600)
    shown = open_and_check(tmp_path / "page.html", server.base_url, valid)
    assert shown["signinStatus"] == "200"
    assert shown["chat21Status"] == "200"
    assert '"success":true' in shown["signin"]
    assert "token" in shown["chat21"]
    assert posts(server) == [("POST", SIGNIN), ("POST", CHAT21)]
    signin, chat21 = (r for r in server.requests if r.method == "POST")
    for request in (signin, chat21):
        assert request.headers["authorization"] == "JWT " + valid
        assert request.headers["content-type"] == "application/json"
    assert signin.body == b""
    assert chat21.body == b"{}"
    assert shown["scripts"] == "2", "the page loaded a script of its own accord"


def test_an_expired_token_gets_401_and_the_second_call_is_not_made(
    chromium_path: str, server: RecordingServer, tmp_path: Path
) -> None:
    shown = open_and_check(tmp_path / "page.html", server.base_url, token(-60))
    assert shown["signinStatus"] == "401"
    assert "Unauthorized" in shown["signin"]
    assert shown["chat21Status"] == "skipped"
    assert posts(server) == [("POST", SIGNIN)]


def test_a_hostile_answer_is_shown_as_text_never_as_markup(
    chromium_path: str, tmp_path: Path
) -> None:
    def hostile(path: str, authorization: str) -> Answer:
        return 401, "<img src=x onerror=\"document.title='pwned'\"><b>bold</b>"

    with RecordingServer(hostile) as running:
        page = tmp_path / "page.html"
        page.write_text(
            snippet(
                SampleLanguage.WIDGET, project_id=PROJECT_ID, token="a.b.c", server=running.base_url
            ).code,
            encoding="utf-8",
        )
        with Chromium(file_url(page)) as browser:
            browser.wait_for("document.readyState === 'complete'")
            browser.evaluate("document.getElementById('check').click()")
            browser.wait_for("document.getElementById('signin-answer').dataset.status === '401'")
            state = browser.evaluate(
                "({title: document.title, images: document.images.length,"
                " bold: document.getElementsByTagName('b').length,"
                " text: document.getElementById('signin-answer').textContent})"
            )
    assert state["title"] == "Tiledesk widget sign-in test"
    assert state["images"] == 0
    assert state["bold"] == 0
    assert "<b>bold</b>" in state["text"]


def test_the_page_opens_with_no_network_call(
    chromium_path: str, server: RecordingServer, tmp_path: Path
) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        snippet(
            SampleLanguage.WIDGET, project_id=PROJECT_ID, token=token(600), server=server.base_url
        ).code,
        encoding="utf-8",
    )
    with Chromium(file_url(page)) as browser:
        browser.wait_for("document.readyState === 'complete'")
        fields = browser.evaluate(
            "({server: document.getElementById('server').value,"
            " project: document.getElementById('project').value})"
        )
    assert fields == {"server": server.base_url, "project": PROJECT_ID}
    assert server.requests == []


@pytest.mark.parametrize("expires_in", [600, -60])
def test_the_page_shows_the_real_servers_answers_as_the_core_expects(
    chromium_path: str, real_server: str, tmp_path: Path, expires_in: int
) -> None:
    text = token(expires_in)
    flow = judge(text, secret_key(SECRET), project_id=PROJECT_ID).flow
    assert flow is not None
    expected = [str(answer.status) for answer in flow.calls[:2]]
    shown = open_and_check(tmp_path / "page.html", real_server + "/", text, api="")
    assert [shown["signinStatus"], shown["chat21Status"]][: len(expected)] == expected
    assert expected == (["200", "200"] if expires_in > 0 else ["401"])
    if len(expected) == 1:
        assert shown["chat21Status"] == "skipped"
