"""The widget's whole sign-in against tiledesk-server 2.19.16, call by call.

chat21-web-widget signs a visitor in with three calls; each answer decides whether the next
is made (``docs/server-model.md`` names the server code behind every step):

1. ``POST /auth/signinWithCustomToken`` with ``Authorization: JWT <token>``: passport without
   the entity check (``middleware/noentitycheck.js``), ``middleware/valid-token.js``, then the
   route (``routes/auth.js``), which saves the visitor's project membership or, for a staff
   ``role``, creates a real account and answers with a new token;
2. ``POST /chat21/native/auth/createCustomToken`` with the same header: passport with the
   entity check (``channels/chat21/nativeauth.js``): the visitor's chat token;
3. a project route, ``GET /<project>/requests/me?preflight=true``, with the token call 1
   returned: ``middleware/has-role.js`` wants a project membership.

``accepted`` is calls 1 and 2 answering 200 (the visitor is signed in and gets a chat
connection); ``usable`` adds call 3 (the visitor can load the project's conversations).
The transport (what a browser sends, Node's 16 KiB header limit) comes first.

This module decides the answers only; ``judge`` turns them into issues and the faces show them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Final

from .encoding import JSONValue
from .jsvalues import JsTypeError, js_loose_equals_string, js_to_string, js_truthy
from .parse import Inspection
from .server import (
    Outcome,
    ServerKeys,
    ServerVerdict,
    Stage,
    _audience_path,
    _object_id,
    server_verdict,
)

__all__ = [
    "ADMIN_EMAIL",
    "HEADER_LIMIT",
    "STAFF_ROLES",
    "Call",
    "CallAnswer",
    "SigninFlow",
    "header_bytes",
    "signin_flow",
    "token_length_limit",
]

HEADER_LIMIT: Final = 16 * 1024
"""Node's default ``--max-http-header-size``: the request target plus every header name and
value, counted in bytes; at this count the parser answers 431 before any Tiledesk code runs."""

STAFF_ROLES: Final = ("owner", "admin", "agent")
ADMIN_EMAIL: Final = "admin@tiledesk.com"
"""has-role.js's default admin address (``process.env.ADMIN_EMAIL || …``)."""

# A browser's usual request headers (Chrome on Windows, a cross-site widget), name and value.
_BROWSER_HEADERS: Final = (
    ("Host", "api.tiledesk.com"),
    ("Connection", "keep-alive"),
    ("sec-ch-ua-platform", '"Windows"'),
    (
        "User-Agent",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/131.0.0.0 Safari/537.36",
    ),
    ("Accept", "application/json, text/plain, */*"),
    ("sec-ch-ua", '"Google Chrome";v="131", "Chromium";v="131", "Not_A Brand";v="24"'),
    ("sec-ch-ua-mobile", "?0"),
    ("Origin", "https://www.example.com"),
    ("Sec-Fetch-Site", "cross-site"),
    ("Sec-Fetch-Mode", "cors"),
    ("Sec-Fetch-Dest", "empty"),
    ("Referer", "https://www.example.com/"),
    ("Accept-Encoding", "gzip, deflate, br, zstd"),
    ("Accept-Language", "en-US,en;q=0.9"),
)


class Call(StrEnum):
    """The widget's calls, in order."""

    SIGNIN = "signin"
    CHAT21 = "chat21"
    PROJECT = "project"


_METHOD: Final = {Call.SIGNIN: "POST", Call.CHAT21: "POST", Call.PROJECT: "GET"}
_BODY: Final = {Call.SIGNIN: "", Call.CHAT21: "{}"}


def _path(call: Call, project: str) -> str:
    if call is Call.SIGNIN:
        return "/auth/signinWithCustomToken"
    if call is Call.CHAT21:
        return "/chat21/native/auth/createCustomToken"
    return f"/{project}/requests/me?preflight=true"


def header_bytes(call: Call, authorization: str, project: str = "0" * 24) -> int:
    """What Node's parser counts for this call: the target, header names and values."""
    count = len(_path(call, project)) + sum(len(n) + len(v) for n, v in _BROWSER_HEADERS)
    count += len("Authorization") + len(authorization.encode("latin-1", "replace"))
    body = _BODY.get(call)
    if body is not None:
        count += len("Content-Length") + len(str(len(body)))
        count += len("Content-Type") + len("application/json")
    return count


def token_length_limit(call: Call = Call.SIGNIN) -> int:
    """The shortest token (``JWT <token>``) that this call's request headers cannot carry."""
    return HEADER_LIMIT - header_bytes(call, "JWT ")


@dataclass(frozen=True, slots=True)
class CallAnswer:
    """One call of the sign-in and the server's answer (``status`` None: no answer)."""

    call: Call
    method: str
    path: str
    status: int | None
    answer: str
    """A few words: the server's own message, or what happened."""

    @property
    def ok(self) -> bool:
        return self.status == 200

    def line(self) -> str:
        """``POST /auth/signinWithCustomToken → 200 signed in``."""
        status = "no answer" if self.status is None else str(self.status)
        detail = f" {self.answer}" if self.answer and self.status is not None else ""
        if self.status is None and self.answer and self.answer != "no answer":
            detail = f" ({self.answer})"
        return f"{self.method} {self.path} → {status}{detail}"


@dataclass(frozen=True, slots=True)
class SigninFlow:
    """The widget's calls as far as the widget goes, and what they add up to."""

    calls: tuple[CallAnswer, ...]
    assumed_signature: bool
    """True when a secret was unknown: the answers hold if the signature is right."""
    membership: bool
    """Call 1 saved a project membership for the visitor (in the project its aud names)."""
    new_account: bool
    """Call 1 created a real Tiledesk account (a staff role) and returned a new token."""

    @property
    def signed_in(self) -> bool:
        return bool(self.calls) and self.calls[0].ok

    @property
    def accepted(self) -> bool:
        """Signed in and given a chat token: calls 1 and 2 answer 200."""
        return len(self.calls) >= 2 and self.calls[0].ok and self.calls[1].ok

    @property
    def usable(self) -> bool:
        """Accepted, and the project's routes answer too."""
        return self.accepted and len(self.calls) >= 3 and self.calls[2].ok

    @property
    def first_failure(self) -> CallAnswer | None:
        return next((c for c in self.calls if not c.ok), None)

    def summary(self) -> str:
        """One line for a banner: the first failing call and its answer, or that all hold."""
        failed = self.first_failure
        if failed is None:
            return "every call of the widget's sign-in answers 200"
        return failed.line()


# --- mongoose 5's casts, as the path uses them ------------------------------------------------


class _CastFailed(Exception):
    pass


def _cast_string(value: JSONValue) -> str | None:
    """mongoose ``cast/string.js``: what a String path stores; raises _CastFailed."""
    if value is None:
        return None
    if isinstance(value, dict):
        inner = value.get("_id")
        if isinstance(inner, str) and inner:
            return inner
        if "toString" in value:
            raise _CastFailed  # its own toString is not a function: TypeError
        raise _CastFailed
    if isinstance(value, list):
        raise _CastFailed
    try:
        return js_to_string(value)
    except JsTypeError:
        raise _CastFailed from None


def _is_operator(value: JSONValue) -> bool:
    return isinstance(value, dict) and any(k.startswith("$") for k in value)


def _query_strings(value: JSONValue) -> frozenset[str | None] | None:
    """The values a String-path query on ``value`` matches (None: an operator, matching any
    stored value); raises _CastFailed for a CastError."""
    if _is_operator(value):
        return None
    if isinstance(value, list):  # a non-array path: mongoose turns the array into $in
        return frozenset(_cast_string(item) for item in value)
    return frozenset({_cast_string(value)})


def _object_id_castable(value: JSONValue) -> bool:
    """mongoose ``cast/objectid.js`` through bson 1.1.6: False for a CastError."""
    if value is None or _is_operator(value):
        return True
    if isinstance(value, list):
        return all(_object_id_castable(item) for item in value)
    if isinstance(value, dict):
        if js_truthy(value.get("_id")):
            return _object_id_castable(value["_id"])
        return False
    try:
        return _object_id(js_to_string(value)) is not None
    except JsTypeError:
        return False


# --- the flow -------------------------------------------------------------------------------

_REFUSED_BY_BROWSER = re.compile("[\0\r\n]|[^\0-\u00ff]")
_REFUSED_BY_PARSER = re.compile("[\x00-\x08\x0a-\x1f\x7f]")


@dataclass
class _State:
    token: str
    keys: ServerKeys
    now: float
    tolerance: float
    project: str
    inspection: Inspection | None
    calls: list[CallAnswer]
    authorization: str | None = None
    """The header sent, when it is not ``JWT <token>``."""
    assumed: bool = False
    membership: tuple[str | None, str | None, str | None] | None = None
    """(project ObjectId, uuid_user, id_user) of the membership call 1 saved."""
    new_account: bool = False
    account_email: str | None = None

    def answer(self, call: Call, status: int | None, answer: str) -> CallAnswer:
        answered = CallAnswer(call, _METHOD[call], _path(call, self.project), status, answer)
        self.calls.append(answered)
        return answered


def signin_flow(
    token: str,
    keys: ServerKeys,
    now: float,
    *,
    project_id: str | None = None,
    tolerance: float = 0,
    inspection: Inspection | None = None,
    authorization: str | None = None,
) -> SigninFlow:
    """The widget's sign-in with ``token`` as of ``now``.

    ``project_id`` is the widget's project (default: the one the token's ``aud`` names).
    ``authorization`` is the header sent when it is not the widget's ``JWT <token>`` (a QA
    case's other scheme or spacing); ``token`` is then the token it carries.
    Never raises.
    """
    signin = server_verdict(
        token,
        replace(keys, entity_check=False),
        now,
        tolerance=tolerance,
        inspection=inspection,
        authorization=authorization,
    )
    project = (project_id or signin.project_id or "0" * 24).lower()
    state = _State(token, keys, now, tolerance, project, inspection, [], authorization)
    _run(state, signin)
    return SigninFlow(
        tuple(state.calls), state.assumed, state.membership is not None, state.new_account
    )


def _run(state: _State, signin: ServerVerdict) -> None:
    sent = "JWT " + state.token if state.authorization is None else state.authorization
    header = _sent_header(sent, state, Call.SIGNIN)
    if header is None:
        return
    payload = _passport(state, Call.SIGNIN, signin)
    if payload is None:
        return
    if not _valid_token(state, Call.SIGNIN, header):
        return
    returned = _signin_route(state, payload, header)
    if returned is None:
        return
    if _sent_header(header, state, Call.CHAT21) is None:
        return
    chat21 = server_verdict(
        state.token,
        state.keys,
        state.now,
        tolerance=state.tolerance,
        inspection=state.inspection,
        authorization=state.authorization,
    )
    if not _chat21(state, chat21, payload):
        return
    _project_call(state, returned, payload)


def _sent_header(value: str, state: _State, call: Call) -> str | None:
    """What the browser sends and Node hands on; None once the call has its answer."""
    trimmed = value.strip("\t\n\r ")
    # Printable ASCII only (a token's usual case, one quick pass): neither search can match.
    plain = trimmed.isascii() and trimmed.isprintable()
    if not plain and _REFUSED_BY_BROWSER.search(trimmed):
        state.answer(
            call,
            None,
            "not sent: the browser refuses a header with a line break, NUL or a character "
            "beyond Latin-1",
        )
        return None
    if not plain and _REFUSED_BY_PARSER.search(trimmed):
        state.answer(call, 400, "Bad Request (Node's HTTP parser: invalid header value char)")
        return None
    if header_bytes(call, trimmed, state.project) >= HEADER_LIMIT:
        state.answer(
            call,
            431,
            f"Request Header Fields Too Large (Node's {HEADER_LIMIT // 1024} KiB limit, "
            "before Tiledesk runs)",
        )
        return None
    return trimmed.strip("\t ")


def _passport(state: _State, call: Call, verdict: ServerVerdict) -> JSONValue | None:
    """The payload passport hands on, or None once the call has its answer."""
    if verdict.outcome is Outcome.UNDECIDED:
        state.assumed = True
    elif verdict.outcome is Outcome.REJECTED:
        _refused(state, call, verdict)
        return None
    return verdict.payload if verdict.payload is not None else {}


def _refused(state: _State, call: Call, verdict: ServerVerdict) -> None:
    if verdict.stage is Stage.HANG:
        state.answer(call, None, "no answer")
    elif verdict.stage is Stage.ERROR:
        state.answer(call, 500, f"error ({verdict.reason})" if verdict.reason else "error")
    else:
        reason = f" ({verdict.reason})" if verdict.reason else ""
        state.answer(call, 401, "Unauthorized" + reason)


def _valid_token(state: _State, call: Call, header: str) -> bool:
    if len(header.split(" ")) != 2:
        state.answer(call, 403, "Unauthorized. (valid-token.js wants exactly one space)")
        return False
    return True


def _claims(payload: JSONValue) -> dict[str, JSONValue]:
    return payload if isinstance(payload, dict) else {}


def _signin_route(state: _State, payload: JSONValue, header: str) -> str | None:
    """routes/auth.js; returns the token the widget keeps, or None once answered."""
    claims = _claims(payload)
    aud = claims.get("aud")
    if not js_truthy(aud):
        state.answer(Call.SIGNIN, 400, "JWT Aud field is required")
        return None
    try:
        kind, ident = _audience_path(aud)
    except (ValueError, JsTypeError):
        state.answer(Call.SIGNIN, None, "no answer")
        return None
    if kind != "projects" or not ident:
        state.answer(Call.SIGNIN, 200, "signed in (aud names no project: no membership)")
        return header
    project = _object_id(ident)
    role: JSONValue = claims.get("role") if js_truthy(claims.get("role")) else "user"
    user_id = claims.get("_id")
    try:
        js_to_string(role)
        js_to_string(user_id) if user_id is not None else None
    except JsTypeError:
        state.answer(Call.SIGNIN, None, "no answer")
        return None
    try:
        _query_strings(user_id)
    except _CastFailed:  # the findOne fails: the route answers 200 and saves nothing
        state.answer(Call.SIGNIN, 200, "signed in (the membership lookup fails: none saved)")
        return header
    if isinstance(role, str) and role in STAFF_ROLES:
        return _staff_signup(state, claims, project, header)
    membership = _saved_membership(project, user_id, role)
    if membership is None:
        state.answer(Call.SIGNIN, 200, "signed in (the membership cannot be saved)")
        return header
    state.membership = membership
    state.answer(Call.SIGNIN, 200, "signed in")
    return header


def _saved_membership(
    project: str | None, user_id: JSONValue, role: JSONValue, id_user: str | None = None
) -> tuple[str | None, str | None, str | None] | None:
    """new Project_user({uuid_user, role, createdBy}).save(): None when it fails."""
    try:
        uuid = _cast_string(user_id)
        _cast_string(role)
    except _CastFailed:
        return None
    if not uuid:  # createdBy (the same _id) is required
        return None
    return project, uuid, id_user


def _staff_signup(
    state: _State, claims: dict[str, JSONValue], project: str | None, header: str
) -> str | None:
    """userService.signup(email.toLowerCase(), …): a real account, and a new token."""
    email = claims.get("email")
    if not isinstance(email, str) or not email:
        state.answer(Call.SIGNIN, None, "no answer")
        return None
    try:
        for name in ("firstname", "lastname"):
            _cast_string(claims.get(name))
    except _CastFailed:
        state.answer(Call.SIGNIN, None, "no answer")
        return None
    state.account_email = email.lower()
    membership = _saved_membership(project, claims.get("_id"), claims.get("role"), "account")
    if membership is None:
        state.answer(
            Call.SIGNIN, 200, "signed in (account created; the membership cannot be saved)"
        )
        return header
    state.membership = membership
    state.new_account = True
    state.answer(Call.SIGNIN, 200, "signed in as a new staff account (a new token, global secret)")
    return _NEW_TOKEN_HEADER


def _chat21(state: _State, verdict: ServerVerdict, payload: JSONValue) -> bool:
    if verdict.outcome is Outcome.UNDECIDED:
        state.assumed = True
    elif verdict.outcome is Outcome.REJECTED:
        lookup = verdict.stage is Stage.PASSPORT and verdict.issue is not None
        if lookup and verdict.issue is not None and verdict.issue.claim == "sub":
            _entity_lookup(state, payload)
        else:
            _refused(state, Call.CHAT21, verdict)
        return False
    state.answer(Call.CHAT21, 200, "chat token")
    return True


def _entity_lookup(state: _State, payload: JSONValue) -> None:
    """passport.js looks a non-visitor ``sub`` up as a bot, subscription or user."""
    claims = _claims(payload)
    identifier = claims.get("_id")
    if not js_truthy(identifier):
        doc = claims.get("_doc")
        identifier = doc.get("_id") if isinstance(doc, dict) else None
    if not _object_id_castable(identifier):
        state.answer(Call.CHAT21, 500, "CastError (the id is not an ObjectId)")
        return
    subject = claims.get("sub")
    is_user = not any(js_loose_equals_string(subject, n) for n in ("bot", "subscription"))
    if is_user and _is_operator(identifier) and state.account_email is not None:
        state.answer(Call.CHAT21, 200, "chat token (the operator in _id matched an account)")
        return
    state.answer(Call.CHAT21, 401, "Unauthorized (no such user, bot or subscription)")


def _project_call(state: _State, returned: str, payload: JSONValue) -> None:
    claims = _claims(payload)
    if _sent_header(returned, state, Call.PROJECT) is None:
        return
    project = state.project
    if _object_id(project) is None:
        state.answer(Call.PROJECT, 400, f"Invalid project id: {project}")
        return
    if state.keys.complete and not _project_exists(state.keys, project):
        state.answer(Call.PROJECT, 400, f"Project not found with id: {project}")
        return
    if state.new_account:
        email: JSONValue | _Missing = state.account_email
        member = _member_by_account(state, project)
    else:
        email = claims.get("email") if "email" in claims else _MISSING
        try:
            member = _member_by_uuid(state, project, claims.get("_id"))
        except _CastFailed:
            state.answer(Call.PROJECT, 500, "CastError (the membership lookup fails)")
            return
    if email == ADMIN_EMAIL and isinstance(email, str):
        passed = "OK (email is the default admin address)"
    elif member:
        passed = "OK"
    elif email is _MISSING:
        passed = "OK (no email: has-role.js takes it for ADMIN_EMAIL)"
    else:
        state.answer(Call.PROJECT, 403, "you dont belong to the project.")
        return
    user_id = None if state.new_account else claims.get("_id")
    numeric = isinstance(user_id, int | float) and not isinstance(user_id, bool)
    if numeric and _object_id(js_to_string(user_id)) is None:
        # routes/user-request.js: ObjectId.isValid(number) is true; the cast of its text fails
        # (unless that text has 12 characters: bson takes them as the id's bytes).
        state.answer(Call.PROJECT, 500, "Error getting requests. (CastError: a numeric _id)")
        return
    state.answer(Call.PROJECT, 200, passed)


# The token routes/auth.js signs for a new account: a user document, a few hundred characters.
_NEW_TOKEN_HEADER: Final = "JWT <a new token signed with the server's global secret>"  # noqa: S105


class _Missing:
    pass


_MISSING: Final = _Missing()


def _project_exists(keys: ServerKeys, project: str) -> bool:
    known = {(_object_id(k) or k.lower()) for k in keys.projects}
    return _object_id(project) in known


def _member_by_account(state: _State, project: str) -> bool:
    saved = state.membership
    return saved is not None and saved[0] == _object_id(project)


def _member_by_uuid(state: _State, project: str, user_id: JSONValue) -> bool:
    matches = _query_strings(user_id)
    saved = state.membership
    if saved is None or saved[0] != _object_id(project):
        return False
    return matches is None or saved[1] in matches
