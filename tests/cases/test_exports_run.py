"""Each export, run for real (pytest in a subprocess, newman from npm, bash + curl) against
tiledesk-server 2.19.16's own code on 127.0.0.1 (``tiledesk_server``): every case passes, and a
deliberately wrong expectation makes the run fail on that case. Against the recording stand-in
(``recording_stand_in``): the requests are exactly the widget's."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from tests.cases.conftest import SECRET, TargetFactory
from tests.cases.fake_tiledesk import Received
from tests.cases.newman import NewmanUnavailable, ensure_newman
from tests.cases.runners import Run, run_curl_export, run_newman_export, run_pytest_export
from tiledesk_jwt_gui.core import WIDGET_HEADERS, Call, QACase, Step, Suite
from tiledesk_jwt_gui.core.exports.common import call_body, no_answer_last

Runner = Callable[[Suite, str, Path], Run]

# The two wrong expectations: a status where another comes, and "no answer" where one comes.
WRONG = ("valid", "exp-expired-1s")


def wrong_suite(suite: Suite) -> Suite:
    def wrong(case: QACase) -> QACase:
        first = case.expected.flow[0]
        if case.name == "valid":
            flow = (replace(first, status=401),)
        elif case.name == "exp-expired-1s":
            flow = (replace(first, status=None),)
        else:
            return case
        return replace(case, expected=replace(case.expected, accepted=False, flow=flow))

    return suite.with_cases([wrong(case) for case in suite.cases])


def widget_requests(cases: list[QACase], suite: Suite) -> list[tuple[str, str, str, bytes]]:
    """What the widget sends for ``cases`` in order: method, path, Authorization, body."""
    sent = []
    for case in cases:
        for step in case.expected.flow:
            body = call_body(step, suite)
            sent.append((step.method, step.path, case.authorization, (body or "").encode()))
    return sent


def assert_widget_requests(
    received: list[Received], expected: list[tuple[str, str, str, bytes]]
) -> None:
    got = [(r.method, r.path, r.headers.get("authorization", ""), r.body) for r in received]
    assert [g[:2] for g in got] == [e[:2] for e in expected]  # calls, in the widget's order
    assert got == expected  # and each with the case's header and the widget's body
    for request in received:
        for name, value in WIDGET_HEADERS:
            assert request.headers.get(name.lower()) == value, (request.path, name)
        if request.method == "GET":
            assert (
                "content-length" not in request.headers or request.headers["content-length"] == "0"
            )


def _newman_or_skip() -> None:
    try:
        ensure_newman()
    except NewmanUnavailable as exc:
        pytest.skip(f"newman is unavailable: {exc}")


def _curl_or_skip() -> None:
    if shutil.which("curl") is None or shutil.which("bash") is None:
        pytest.skip("bash and curl are needed to run the curl export")


RUNNERS: dict[str, tuple[Runner, Callable[[], None], bool]] = {
    # name: (runner, precondition, cases run with the no-answer ones last)
    "pytest": (run_pytest_export, lambda: None, False),
    "curl": (run_curl_export, _curl_or_skip, False),
    "postman": (run_newman_export, _newman_or_skip, True),
}


@pytest.mark.parametrize("export", list(RUNNERS))
def test_export_passes_against_the_real_server_code(
    export: str, suite: Suite, tiledesk_server: TargetFactory, tmp_path: Path
) -> None:
    runner, precondition, _ = RUNNERS[export]
    precondition()
    assert any(c.expected.has_no_answer for c in suite.cases)  # "no answer" is exercised
    assert len(suite.cases) >= 40
    with tiledesk_server(suite, SECRET) as target:
        run = runner(suite, target.base_url, tmp_path)
    assert run.returncode == 0, run.output[-4000:]
    assert not run.failed, run.output[-4000:]


@pytest.mark.parametrize("export", list(RUNNERS))
def test_export_sends_the_widgets_requests(
    export: str, suite: Suite, recording_stand_in: TargetFactory, tmp_path: Path
) -> None:
    runner, precondition, reordered = RUNNERS[export]
    precondition()
    with recording_stand_in(suite, SECRET) as target:
        run = runner(suite, target.base_url, tmp_path)
        assert target.received is not None
        received = list(target.received)
    assert run.returncode == 0, run.output[-4000:]
    order = no_answer_last(suite) if reordered else list(suite.cases)
    assert_widget_requests(received, widget_requests(order, suite))


@pytest.mark.parametrize("export", list(RUNNERS))
def test_a_wrong_expectation_fails_the_run(
    export: str, suite: Suite, tiledesk_server: TargetFactory, tmp_path: Path
) -> None:
    runner, precondition, _ = RUNNERS[export]
    precondition()
    with tiledesk_server(suite, SECRET) as target:  # the server answers as the true suite says
        run = runner(wrong_suite(suite), target.base_url, tmp_path)
    assert run.returncode != 0, run.output[-4000:]
    assert run.failed == set(WRONG), run.output[-4000:]


def test_pytest_export_skips_with_a_reason_without_the_url(suite: Suite, tmp_path: Path) -> None:
    run = run_pytest_export(suite, None, tmp_path)
    assert run.returncode == 0, run.output
    assert f"{len(suite.cases)} skipped" in run.output
    assert "TILEDESK_API_URL is not set" in run.output


def test_curl_export_asks_for_the_url(suite: Suite, tmp_path: Path) -> None:
    _curl_or_skip()
    run = run_curl_export(suite, "", tmp_path)
    assert run.returncode == 2
    assert "usage:" in run.output
    assert "TILEDESK_API_URL" in run.output


def test_only_the_widgets_calls_are_expected() -> None:
    # The flows the exports replay name the widget's three calls and nothing else.
    assert [c.value for c in Call] == ["signin", "chat21", "project"]
    assert Step(Call.SIGNIN, "POST", "/auth/signinWithCustomToken", 200).status == 200
