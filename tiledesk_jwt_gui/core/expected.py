"""What the Tiledesk server answers the web widget's sign-in, call by call: the expected outcome
of a QA case, and the widget's requests that a suite replays.

``expected_outcome`` translates the core's sign-in model (``signin.signin_flow``, the same flow
``judge`` gives as ``Verdict.flow``) into an expectation; nothing about the server is decided
here. Where the answer depends on the HTTP client rather than on the server (a header the
client may refuse to send, or that its own other headers may push past Node's limit), the
expectation says so (``exact`` false) and no suite carries the case.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from .server import UNKNOWN_SECRET, ServerKeys
from .signin import HEADER_LIMIT, Call, header_bytes, signin_flow

__all__ = [
    "NODE_HEADER_LIMIT",
    "WIDGET_HEADERS",
    "Call",
    "Expected",
    "ExpectedSummary",
    "Step",
    "WidgetRequest",
    "expected_outcome",
    "widget_request",
]


@dataclass(frozen=True, slots=True)
class WidgetRequest:
    """One request as the widget sends it (the Authorization value aside)."""

    call: Call
    method: str
    path: str
    body: str | None


WIDGET_HEADERS: Final = (
    ("Content-Type", "application/json"),
    ("Accept", "application/json, text/plain, */*"),
)
"""The headers the widget sends with every call, besides ``Authorization``."""


def widget_request(call: Call, project_id: str) -> WidgetRequest:
    """The widget's request for ``call`` (paths are relative to the API's base URL)."""
    if call is Call.SIGNIN:
        return WidgetRequest(call, "POST", "/auth/signinWithCustomToken", None)
    if call is Call.CHAT21:
        return WidgetRequest(call, "POST", "/chat21/native/auth/createCustomToken", "{}")
    return WidgetRequest(call, "GET", f"/{project_id}/requests/me?preflight=true", None)


@dataclass(frozen=True, slots=True)
class Step:
    """One call and the status it is expected to get (``None``: no answer at all)."""

    call: Call
    method: str
    path: str
    status: int | None


class ExpectedSummary(StrEnum):
    """The outcome in one word, for an icon."""

    ACCEPTED = "accepted"
    """Both the sign-in and the chat token are granted (and the project answers)."""
    UNUSABLE = "unusable"
    """The sign-in answers 200, but a later call fails: the visitor cannot chat."""
    REJECTED = "rejected"
    """The sign-in gets an error status."""
    NO_ANSWER = "no_answer"
    """The sign-in never gets an answer."""


@dataclass(frozen=True, slots=True)
class Expected:
    """The expected outcome of a case: ``accepted`` means both the sign-in and the chat token
    answer 200; ``flow`` lists each call the widget makes, stopping where it stops."""

    accepted: bool
    flow: tuple[Step, ...]
    exact: bool = True
    uncertainty: str = ""
    """Why the model cannot predict this case exactly (empty when it can)."""

    @property
    def summary(self) -> ExpectedSummary:
        first = self.flow[0].status if self.flow else None
        if self.accepted:
            return ExpectedSummary.ACCEPTED
        if first == 200:
            return ExpectedSummary.UNUSABLE
        return ExpectedSummary.NO_ANSWER if first is None else ExpectedSummary.REJECTED

    @property
    def has_no_answer(self) -> bool:
        return any(step.status is None for step in self.flow)

    def statuses(self) -> str:
        """``signin=200 chat21=500 project=no-answer``."""
        return " ".join(
            f"{s.call}={'no-answer' if s.status is None else s.status}" for s in self.flow
        )


NODE_HEADER_LIMIT: Final = HEADER_LIMIT
"""Node's limit on a request's headers: past it the server answers 431 before Tiledesk runs."""
_OTHER_HEADERS_ALLOWANCE: Final = 1400
"""How far a client's other headers may differ from a browser's (some send 1 KB and more)."""


def expected_outcome(
    token: str, authorization: str, *, project_id: str, secret: str, now: float
) -> Expected:
    """What the widget gets, call by call, for ``authorization`` (normally ``JWT <token>``) on
    a Tiledesk where project ``project_id`` has ``secret`` and no other project is known."""
    keys = ServerKeys(
        projects={project_id.lower(): secret}, complete=True, global_secret=UNKNOWN_SECRET
    )
    sent = None if authorization == f"JWT {token}" else authorization
    flow = signin_flow(token, keys, now, project_id=project_id, authorization=sent)
    steps = tuple(Step(a.call, a.method, a.path, a.status) for a in flow.calls)
    uncertainty = _client_dependent(flow.calls[-1].call, flow.calls[-1].status, authorization)
    if flow.assumed_signature:
        uncertainty = "the token needs a secret that was not given"
    if uncertainty:
        return Expected(False, steps, exact=False, uncertainty=uncertainty)
    return Expected(flow.accepted, steps)


def _client_dependent(call: Call, status: int | None, authorization: str) -> str:
    """Why the last call's answer depends on the HTTP client (empty when it does not)."""
    if status is None and not authorization.isascii():
        return "no HTTP client sends this header as it is"
    size = header_bytes(call, authorization)
    if abs(size - HEADER_LIMIT) < _OTHER_HEADERS_ALLOWANCE:
        return "the headers may or may not pass Node's 16 KiB limit, depending on the client"
    return ""
