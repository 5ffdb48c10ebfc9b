"""What the Tiledesk server answers the web widget's sign-in, call by call: the expected outcome
of a QA case, and the widget's requests that a suite replays.

``expected_outcome`` is the one place that turns the core's model into an expectation. Today's
model (``server_verdict``, ``judge``) answers whether passport lets a token through, with the
entity check off (``/auth/signinWithCustomToken``) or on (every later call); the rest of each
call (the header rules, the sign-in route, the project membership) is derived here from what
running tiledesk-server 2.19.16 showed. Where that derivation would be a guess, the expectation
says so (``exact`` false) and no suite carries the case.

When the verdict gains the whole sign-in (``Verdict.flow``), this function becomes a
translation of that flow, and every case can be predicted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from .encoding import JSONValue
from .judge import judge
from .keys import secret_key
from .parse import inspect_token
from .server import UNKNOWN_SECRET, Outcome, ServerKeys, ServerVerdict, Stage, server_verdict
from .signin import Call

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


NODE_HEADER_LIMIT: Final = 16 * 1024
"""Node's limit on a request's headers: past it the server answers 431 before Tiledesk runs."""
_OTHER_HEADERS_ALLOWANCE: Final = 1400
"""What the other headers of a browser or an HTTP client may add (some send 1 KB and more)."""

_STAFF_ROLES: Final = ("owner", "admin", "agent")
_OBJECT_ID: Final = re.compile(r"[0-9a-fA-F]{24}")
_AUTH_HEADER: Final = re.compile(r"(\S+)\s+(\S+)")


class _Unpredictable(Exception):
    """The derivation stops: the model cannot say what this call answers."""


def expected_outcome(
    token: str, authorization: str, *, project_id: str, secret: str, now: float
) -> Expected:
    """What the widget gets, call by call, for ``authorization`` (normally ``JWT <token>``) on
    a Tiledesk where project ``project_id`` has ``secret`` and no other project is known."""
    steps: list[Step] = []

    def answer(call: Call, status: int | None) -> None:
        request = widget_request(call, project_id)
        steps.append(Step(call, request.method, request.path, status))

    try:
        signin = _signin_status(token, authorization, project_id, secret, now)
        answer(Call.SIGNIN, signin)
        if signin == 200:
            later = _later_status(token, project_id, secret, now)
            answer(Call.CHAT21, later)
            answer(Call.PROJECT, later)
    except _Unpredictable as why:
        return Expected(False, tuple(steps), exact=False, uncertainty=str(why))
    statuses = [s.status for s in steps]
    return Expected(statuses[:2] == [200, 200], tuple(steps))


def _keys(project_id: str, secret: str, *, entity_check: bool) -> ServerKeys:
    # The suite's server has the user's project; any other project the token names is taken
    # not to exist there, and its global secret is nobody's.
    return ServerKeys(
        projects={project_id.lower(): secret},
        complete=True,
        global_secret=UNKNOWN_SECRET,
        entity_check=entity_check,
    )


def _signin_status(
    token: str, authorization: str, project_id: str, secret: str, now: float
) -> int | None:
    """``POST /auth/signinWithCustomToken``: noentitycheck, passport, valid-token, the route."""
    size = len(authorization.encode("latin-1", "replace"))
    if size > NODE_HEADER_LIMIT:
        return 431
    if size > NODE_HEADER_LIMIT - _OTHER_HEADERS_ALLOWANCE:
        raise _Unpredictable("the headers may or may not pass Node's 16 KiB limit")
    found = _AUTH_HEADER.search(authorization)
    if found is None or found.group(1).lower() != "jwt":
        return 401  # passport's extractor finds no token ("No auth token")
    if found.group(2) != token:
        raise _Unpredictable("the header carries another token")
    verdict = server_verdict(token, _keys(project_id, secret, entity_check=False), now)
    status = _passport_status(verdict)
    if status != 200:
        return status
    if len(authorization.split(" ")) != 2:
        return 403  # valid-token.js: exactly one space
    return _signin_route(inspect_token(token).payload_object, verdict, project_id)


def _passport_status(verdict: ServerVerdict) -> int | None:
    if verdict.outcome is Outcome.ACCEPTED:
        return 200
    if verdict.outcome is Outcome.UNDECIDED:
        raise _Unpredictable("the token needs a secret that was not given")
    if verdict.stage is Stage.HANG:
        return None
    if verdict.stage is Stage.ERROR:
        if verdict.reason.startswith(("invalid HTTP header value", "Parse Error")):
            raise _Unpredictable("no HTTP client sends this header as it is")
        return 500  # Express's error handler
    return 401


def _signin_route(
    payload: dict[str, JSONValue] | None, verdict: ServerVerdict, project: str
) -> int:
    """routes/auth.js: a project membership is looked up, or saved, for ``_id``."""
    claims = payload or {}
    if verdict.project_id != project.lower():
        raise _Unpredictable("aud names no project of this server: no membership is made")
    role = claims.get("role")
    if role and not isinstance(role, str):
        raise _Unpredictable("a role that is not a string cannot be saved")
    if role in _STAFF_ROLES:
        raise _Unpredictable(f"role {role!r} signs up a real account from email")
    user_id = claims.get("_id")
    if not isinstance(user_id, str) or not user_id:
        raise _Unpredictable("an _id that is not a string is saved or looked up unpredictably")
    return 200


def _later_status(token: str, project_id: str, secret: str, now: float) -> int | None:
    """The chat21 token and the project call: passport with the entity check on."""
    verdict = judge(
        token,
        secret_key(secret),
        project_id=project_id,
        at=now,
        server_keys=_keys(project_id, secret, entity_check=True),
    ).server
    assert verdict is not None  # the Tiledesk profile always asks the server model
    status = _passport_status(verdict)
    if status == 401 and verdict.issue is not None and verdict.issue.claim == "sub":
        # Not an external user: looked up as a user, bot or subscription by _id, where an id
        # mongoose cannot cast is a CastError (500) and a well-formed one is not found (401).
        payload = inspect_token(token).payload_object or {}
        return 401 if _castable(payload.get("_id")) else 500
    return status


def _castable(value: object) -> bool:
    return isinstance(value, str) and (
        bool(_OBJECT_ID.fullmatch(value)) or len(value.encode("utf-16-le", "surrogatepass")) == 24
    )
