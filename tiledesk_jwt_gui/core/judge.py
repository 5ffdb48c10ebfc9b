"""The one question the faces ask: what is this token, and would it be accepted?

``judge`` combines parsing, the signature check, the time claims and a profile's rules into a
frozen :class:`Verdict`. Profile ``tiledesk`` decides as tiledesk-server does (``server``) and
adds the docs' requirements as warnings; profile ``generic`` applies RFC 7519 alone.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from .encoding import JSONValue
from .issues import Issue, Part, Severity
from .keys import HMAC_MIN_BYTES, Key
from .lint import tiledesk_lint
from .parse import Inspection, inspect_token
from .server import (
    UNKNOWN_SECRET,
    Outcome,
    ServerKeys,
    ServerVerdict,
    audience_project_id,
    server_verdict,
)
from .signin import Call, SigninFlow, signin_flow
from .tiledesk import PROJECT_ID_PATTERN, tiledesk_audience
from .times import (
    TIME_CLAIMS,
    TimeInfo,
    TimeWindow,
    checked_instant,
    checked_leeway,
    describe_time,
    format_duration,
    time_window,
)
from .verify import SignatureCheck, SignatureStatus, verify_signature

__all__ = [
    "Profile",
    "TokenKind",
    "Verdict",
    "judge",
    "server_keys_for",
]

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_OFFERED_KEY_HEADERS = ("jku", "x5u", "jwk", "x5c")


class Profile(StrEnum):
    TILEDESK = "tiledesk"
    GENERIC = "generic"


class TokenKind(StrEnum):
    CUSTOM_AUTH = "custom_auth"
    GUEST = "guest"
    USER = "user"
    BOT = "bot"
    SUBSCRIPTION = "subscription"
    OTHER = "other"


@dataclass(frozen=True)
class Verdict:
    """Everything the window and the command line show about one token."""

    profile: Profile
    inspection: Inspection
    signature: SignatureCheck
    outcome: Outcome
    issues: tuple[Issue, ...]
    times: tuple[TimeInfo, ...]
    now: float
    server: ServerVerdict | None
    kind: TokenKind | None
    kind_description: str | None
    leeway: float = 0.0
    """The clock tolerance the time claims were judged with, in seconds."""
    flow: SigninFlow | None = None
    """The widget's sign-in, call by call (profile tiledesk). ``accepted`` is its calls 1 and
    2 answering 200."""

    @property
    def accepted(self) -> bool:
        return self.outcome is Outcome.ACCEPTED

    @property
    def errors(self) -> tuple[Issue, ...]:
        return tuple(i for i in self.issues if i.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Issue, ...]:
        return tuple(i for i in self.issues if i.severity is Severity.WARNING)

    def issues_for(self, claim: str) -> tuple[Issue, ...]:
        return tuple(i for i in self.issues if i.claim == claim)

    @property
    def header(self) -> dict[str, JSONValue] | None:
        return self.inspection.header_object

    @property
    def payload(self) -> dict[str, JSONValue] | None:
        return self.inspection.payload_object

    @property
    def time_window(self) -> TimeWindow:
        """Validity in time as of ``now``: the state, and when it next changes."""
        return time_window(
            self.times, self.now, self.leeway, whole_seconds=self.profile is Profile.TILEDESK
        )

    @property
    def next_change(self) -> float | None:
        """The next instant (Unix seconds) at which the time checks change their answer
        (``exp + leeway``, ``nbf - leeway``)."""
        return self.time_window.next_change


def server_keys_for(key: Key | None, project_id: str | None) -> ServerKeys:
    """What a person's inputs tell of the server's secrets: their secret belongs to their
    project (or, with no project id, to whichever project the token names)."""
    text = _secret_text(key)
    if text is None:
        return ServerKeys(global_secret=UNKNOWN_SECRET)
    if project_id:
        return ServerKeys(projects={project_id.lower(): text}, global_secret=UNKNOWN_SECRET)
    return ServerKeys(any_project=text, global_secret=UNKNOWN_SECRET)


def _secret_text(key: Key | None) -> str | None:
    if key is None or not key.is_secret:
        return None
    if key.secret_text is not None:
        return key.secret_text
    try:
        return key.secret.decode("utf-8") if key.secret is not None else None
    except UnicodeDecodeError:
        return None


def judge(
    token: str | Inspection,
    key: Key | Sequence[Key] | None = None,
    *,
    profile: Profile = Profile.TILEDESK,
    project_id: str | None = None,
    at: float | None = None,
    leeway: float = 0.0,
    algorithms: Sequence[str] | None = None,
    server_keys: ServerKeys | None = None,
) -> Verdict:
    """Judge ``token`` as of ``at`` (Unix seconds, default now) with ``leeway`` seconds of
    clock tolerance.

    Never raises for any token. The caller's own numbers are checked first: a non-finite or
    out-of-range ``at`` or ``leeway`` raises :class:`InputError` rather than being compared.
    """
    now = time.time() if at is None else checked_instant(at)
    leeway = checked_leeway(leeway)
    inspection = token if isinstance(token, Inspection) else inspect_token(token)
    signature = verify_signature(inspection, key, algorithms)
    payload = inspection.payload_object
    times = tuple(
        describe_time(claim, payload[claim], now)
        for claim in TIME_CLAIMS
        if payload is not None and claim in payload
    )
    kind, kind_description = None, None
    flow: SigninFlow | None = None
    single_key = key if isinstance(key, Key) else None
    server: ServerVerdict | None = None
    if any(issue.code == "too_large" for issue in inspection.issues):
        issues, outcome = list(inspection.issues), Outcome.REJECTED  # refused before reading
    elif profile is Profile.GENERIC:
        issues, outcome = _generic(inspection, signature, times, now, leeway)
    else:
        keys = server_keys or server_keys_for(single_key, project_id)
        server = server_verdict(
            inspection.token, keys, now, tolerance=leeway, inspection=inspection
        )
        widget_project = (
            project_id if project_id and PROJECT_ID_PATTERN.fullmatch(project_id) else None
        )
        flow = signin_flow(
            inspection.token,
            keys,
            now,
            project_id=widget_project,
            tolerance=leeway,
            inspection=inspection,
        )
        issues, outcome = _tiledesk(inspection, signature, server, single_key, project_id, times)
        issues, outcome = _with_flow(issues, outcome, flow)
    kind, kind_description = _token_kind(payload, server)
    header_issues = _header_warnings(inspection, profile)
    issues.extend(header_issues)
    if any(i.severity is Severity.ERROR for i in header_issues) and outcome is not Outcome.REJECTED:
        outcome = Outcome.REJECTED
    if kind_description:
        issues.append(Issue(None, Severity.INFO, f"kind_{kind}", kind_description, Part.TOKEN))
    return Verdict(
        profile,
        inspection,
        signature,
        outcome,
        tuple(_sorted(issues)),
        times,
        now,
        server,
        kind,
        kind_description,
        leeway,
        flow,
    )


def _with_flow(
    issues: list[Issue], outcome: Outcome, flow: SigninFlow
) -> tuple[list[Issue], Outcome]:
    """The whole sign-in decides: accepted when calls 1 and 2 answer 200."""
    failed = flow.first_failure
    if flow.accepted:
        if outcome is Outcome.REJECTED:  # the sign-in model and the passport model disagree
            outcome = Outcome.UNDECIDED if flow.assumed_signature else Outcome.ACCEPTED
        if failed is not None and failed.call is Call.PROJECT:
            issues.append(
                Issue(
                    None,
                    Severity.ERROR,
                    "signed_in_unusable",
                    "the visitor signs in but can't chat: the widget's project calls fail ("
                    + failed.line()
                    + ")",
                    Part.TOKEN,
                )
            )
        return issues, outcome
    if not any(i.severity is Severity.ERROR for i in issues) and failed is not None:
        issues.append(
            Issue(
                None,
                Severity.ERROR,
                "signin_fails",
                f"the widget's sign-in stops at {failed.line()}"
                + (
                    ": the visitor looks signed in but never gets a chat connection"
                    if failed.call is Call.CHAT21
                    else ""
                ),
                Part.TOKEN,
            )
        )
    return issues, Outcome.REJECTED


def _sorted(issues: list[Issue]) -> list[Issue]:
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    unique: list[Issue] = []
    seen: set[tuple[str | None, str]] = set()
    for issue in issues:
        if (issue.claim, issue.code) in seen:
            continue
        seen.add((issue.claim, issue.code))
        unique.append(issue)
    return sorted(unique, key=lambda i: order[i.severity])


def _token_kind(
    payload: dict[str, JSONValue] | None, server: ServerVerdict | None
) -> tuple[TokenKind | None, str | None]:
    if payload is None:
        return None, None
    sub = payload.get("sub")
    aud = payload.get("aud")
    if sub not in ("userexternal", "guest", "user", "bot", "subscription") and not (
        isinstance(aud, str) and ("/bots/" in aud or "/subscriptions/" in aud)
    ):
        return None, None
    if server is not None:
        project = server.project_id
    else:
        project = audience_project_id(aud) if isinstance(aud, str) else None
    aud_text = aud if isinstance(aud, str) else ""
    if sub == "userexternal":
        where = f" for project {project}" if project else ""
        return TokenKind.CUSTOM_AUTH, f"a Tiledesk custom-auth token{where} (sub userexternal)"
    if sub == "guest":
        return TokenKind.GUEST, "a Tiledesk guest token (an anonymous widget visitor)"
    if sub == "user":
        if project:
            # sub user with a project's aud: the server checks it against that project's secret
            # and then looks _id up as an existing Tiledesk user (see the security lint).
            return (
                TokenKind.USER,
                f"a token with sub user for project {project}: the server takes _id for an "
                "existing Tiledesk user, not a custom-auth visitor (that needs sub userexternal)",
            )
        return (
            TokenKind.USER,
            "a Tiledesk user token, issued by Tiledesk itself with its global secret "
            "(aud https://tiledesk.com), not a custom-auth token",
        )
    if sub == "bot" or "/bots/" in aud_text:
        return TokenKind.BOT, "a Tiledesk bot token, signed with the bot's own secret"
    if sub == "subscription" or "/subscriptions/" in aud_text:
        return (
            TokenKind.SUBSCRIPTION,
            "a Tiledesk webhook-subscription token, signed with the subscription's secret",
        )
    return None, None


# --- profile: tiledesk --------------------------------------------------------------------

_STRUCTURAL_REASONS = ("invalid token", "jwt malformed", "No auth token", "SyntaxError")


def _tiledesk(
    inspection: Inspection,
    signature: SignatureCheck,
    server: ServerVerdict,
    key: Key | None,
    project_id: str | None,
    times: Sequence[TimeInfo],
) -> tuple[list[Issue], Outcome]:
    issues: list[Issue] = []
    structural = server.outcome is Outcome.REJECTED and server.reason.startswith(
        _STRUCTURAL_REASONS
    )
    for found in inspection.issues:
        if found.severity is Severity.ERROR and not structural:
            found = Issue(  # noqa: PLW2901
                found.claim,
                Severity.WARNING,
                found.code,
                found.message + " (the Tiledesk server tolerates this)",
                found.part,
            )
        issues.append(found)
    if server.issue is not None:
        issues.append(server.issue)
    if server.outcome is not Outcome.REJECTED:
        issues.extend(
            i.with_severity(Severity.WARNING) if i.severity is Severity.ERROR else i
            for i in signature.issues
            if i.code != "signature_invalid"
        )
    payload = inspection.payload_object
    if project_id is not None and not PROJECT_ID_PATTERN.fullmatch(project_id):
        issues.append(
            Issue(
                None,
                Severity.WARNING,
                "project_id_invalid",
                f"the project id {project_id!r} is not 24 hexadecimal characters; "
                "Tiledesk project ids are (look in the dashboard's project settings)",
                Part.KEY,
            )
        )
        project_id = None
    if payload is not None:
        aud_project = server.project_id
        refused = {i.claim for i in issues if i.severity is Severity.ERROR}
        elsewhere = bool(project_id and aud_project and aud_project != project_id.lower())
        if elsewhere and "aud" not in refused:
            assert project_id is not None
            issues.append(
                Issue(
                    "aud",
                    Severity.WARNING,
                    "aud_other_project",
                    f"aud names project {aud_project}, not the project set here "
                    f"({project_id.lower()}): Tiledesk checks the token with {aud_project}'s "
                    "secret",
                )
            )
        issues.extend(
            i
            for i in _docs_warnings(payload, project_id or aud_project, project_id)
            if i.claim not in refused and not (elsewhere and i.code == "aud_not_documented")
        )
        issues.extend(tiledesk_lint(payload))  # security warnings stand beside any error
    issues.extend(_key_warnings(inspection, key))
    if key is None or not key.is_secret:
        if signature.status is SignatureStatus.NO_KEY:
            issues.append(
                Issue(
                    None,
                    Severity.INFO,
                    "no_key",
                    "enter the project secret to check the signature",
                    Part.KEY,
                )
            )
    elif project_id is None and server.project_id is not None:
        issues.append(
            Issue(
                None,
                Severity.INFO,
                "assumed_project",
                f"no project id was set: the secret is taken to be project "
                f"{server.project_id}'s, the project the token's aud names",
                Part.KEY,
            )
        )
    issues.extend(_time_notes(payload, times))
    return issues, server.outcome


def _docs_warnings(
    payload: dict[str, JSONValue], project: str | None, chosen_project: str | None
) -> list[Issue]:
    issues: list[Issue] = []

    def warn(claim: str, code: str, message: str) -> None:
        issues.append(Issue(claim, Severity.WARNING, code, message))

    user_id = payload.get("_id")
    if isinstance(user_id, str) and user_id and project is not None:
        prefix = f"{project}_"
        if not user_id.lower().startswith(prefix.lower()):
            warn(
                "_id",
                "id_prefix",
                f"_id should start with the project id and an underscore ('{prefix}…', as the "
                "docs ask); the server does not check it, but ids without it can collide "
                "across projects",
            )
    elif "_id" in payload and user_id is not None and not isinstance(user_id, str):
        warn("_id", "id_not_string", "_id should be a string ('<project id>_<user id>')")
    if payload.get("sub") == "guest":
        warn(
            "sub",
            "sub_guest",
            "sub 'guest' works on the server, but the documented custom-auth subject is "
            "'userexternal'",
        )
    aud = payload.get("aud")
    if project is not None and "aud" in payload:
        expected = tiledesk_audience(project)
        if aud != expected:
            warn(
                "aud",
                "aud_not_documented",
                f"aud should be exactly {expected} (the server reads only the path, "
                "so this still picks the project)",
            )
    elif chosen_project is not None and "aud" not in payload:
        warn(
            "aud",
            "aud_missing",
            f"aud is missing; it should be {tiledesk_audience(chosen_project)}",
        )
    email = payload.get("email")
    if "email" not in payload:
        warn("email", "email_missing", "email is missing; the docs list it as required")
    elif not isinstance(email, str) or not _EMAIL.fullmatch(email):
        warn("email", "email_invalid", "email does not look like an e-mail address")
    if "attributes" in payload and not isinstance(payload["attributes"], dict):
        warn(
            "attributes",
            "attributes_not_object",
            "attributes should be a JSON object of key/value pairs",
        )
    for claim in ("firstname", "lastname"):
        if claim in payload and not isinstance(payload[claim], str):
            warn(claim, f"{claim}_not_string", f"{claim} should be a string")
    for claim in ("iat", "exp", "nbf"):
        value = payload.get(claim)
        if (
            claim == "iat"
            and claim in payload
            and (isinstance(value, bool) or not isinstance(value, int | float))
        ):
            warn(
                "iat", "iat_not_number", "iat should be a number of seconds (the server ignores it)"
            )
    return issues


def _time_notes(payload: dict[str, JSONValue] | None, times: Sequence[TimeInfo]) -> list[Issue]:
    notes: list[Issue] = []
    if payload is None:
        return notes
    for info in times:
        claim = info.claim
        if info.problem and info.seconds is not None:
            notes.append(Issue(claim, Severity.WARNING, f"{claim}_suspicious", info.problem))
    if "exp" not in payload:
        notes.append(
            Issue(
                "exp",
                Severity.INFO,
                "exp_missing",
                "no exp: the token never expires; a short lifetime limits a leaked token",
            )
        )
    return notes


def _key_warnings(inspection: Inspection, key: Key | None) -> list[Issue]:
    issues: list[Issue] = []
    if key is None or not key.is_secret or key.secret is None:
        return issues
    alg = inspection.algorithm
    if isinstance(alg, str) and alg in HMAC_MIN_BYTES:
        needed = HMAC_MIN_BYTES[alg]
        if len(key.secret) < needed:
            note = ""
            if len(key.secret) == 36:
                note = " (Tiledesk's own 36-character secrets are enough for HS256 only)"
            issues.append(
                Issue(
                    None,
                    Severity.WARNING,
                    "secret_short",
                    f"the secret is {len(key.secret)} bytes; RFC 7518 §3.2 asks {needed} "
                    f"or more for {alg}{note}",
                    Part.KEY,
                )
            )
    if key.secret_text is not None and key.description.endswith("(base64-decoded)"):
        issues.append(
            Issue(
                None,
                Severity.WARNING,
                "secret_base64",
                "Tiledesk uses the secret's text as UTF-8 and never base64-decodes it; "
                "the Tiledesk verdict uses the text as typed",
                Part.KEY,
            )
        )
    return issues


def _header_warnings(inspection: Inspection, profile: Profile) -> list[Issue]:
    header = inspection.header_object
    issues: list[Issue] = []
    if header is None:
        return issues
    for name in _OFFERED_KEY_HEADERS:
        if name in header:
            issues.append(
                Issue(
                    name,
                    Severity.WARNING,
                    "offers_own_key",
                    f"the header offers its own key ({name}); it is never fetched nor "
                    "trusted here: a token cannot choose the key that verifies it",
                    Part.HEADER,
                )
            )
    if "crit" in header:
        crit = header["crit"]
        severity = Severity.ERROR if profile is Profile.GENERIC else Severity.WARNING
        suffix = (
            "" if profile is Profile.GENERIC else " (jsonwebtoken, and so Tiledesk, ignores crit)"
        )
        if not isinstance(crit, list) or not crit or not all(isinstance(c, str) for c in crit):
            message = "crit must be a non-empty array of header names (RFC 7515 §4.1.11)"
        else:
            message = (
                f"crit asks the verifier to understand {', '.join(map(str, crit))}, "
                "which it does not implement; RFC 7515 §4.1.11 says to refuse the token"
            )
        issues.append(Issue("crit", severity, "crit_unsupported", message + suffix, Part.HEADER))
    if header.get("b64") is False:
        issues.append(
            Issue(
                "b64",
                Severity.WARNING,
                "b64_false",
                "b64 false (RFC 7797, unencoded payload) is not supported: the payload is "
                "read as base64url",
                Part.HEADER,
            )
        )
    return issues


# --- profile: generic ---------------------------------------------------------------------


def _generic(
    inspection: Inspection,
    signature: SignatureCheck,
    times: Sequence[TimeInfo],
    now: float,
    leeway: float,
) -> tuple[list[Issue], Outcome]:
    issues = list(inspection.issues)
    issues.extend(signature.issues)
    if signature.status is SignatureStatus.NO_KEY:
        issues.append(
            Issue(
                None,
                Severity.INFO,
                "no_key",
                "no key was given, so the signature is not checked",
                Part.KEY,
            )
        )
    elif signature.status is not SignatureStatus.VERIFIED and not any(
        i.severity is Severity.ERROR for i in signature.issues
    ):
        issues.append(
            Issue(None, Severity.ERROR, "signature_not_verified", signature.summary, Part.SIGNATURE)
        )
    payload = inspection.payload_object
    if payload is not None:
        issues.extend(_registered_claims(payload, times, now, leeway))
    has_error = any(i.severity is Severity.ERROR for i in issues)
    if has_error:
        return issues, Outcome.REJECTED
    if signature.status is SignatureStatus.NO_KEY:
        return issues, Outcome.UNDECIDED
    return issues, Outcome.ACCEPTED


def _registered_claims(
    payload: dict[str, JSONValue], times: Sequence[TimeInfo], now: float, leeway: float
) -> list[Issue]:
    issues: list[Issue] = []

    def error(claim: str, code: str, message: str) -> None:
        issues.append(Issue(claim, Severity.ERROR, code, message))

    for info in times:
        claim = info.claim
        if info.seconds is None:
            error(claim, f"{claim}_not_number", info.problem or f"{claim} is not a number")
            continue
        if info.problem:
            issues.append(Issue(claim, Severity.WARNING, f"{claim}_suspicious", info.problem))
        if claim == "exp" and now >= info.seconds + leeway:
            error(
                "exp",
                "expired",
                f"exp passed {format_duration(now - info.seconds)} ago: the token has expired",
            )
        if claim == "nbf" and now < info.seconds - leeway:
            error(
                "nbf",
                "not_yet_valid",
                f"nbf is {format_duration(info.seconds - now)} from now: not valid yet",
            )
        if claim == "iat" and info.seconds > now + leeway:
            issues.append(
                Issue(
                    "iat",
                    Severity.WARNING,
                    "iat_future",
                    f"iat is {format_duration(info.seconds - now)} in the future",
                )
            )
    for claim in ("iss", "sub", "jti"):
        if claim in payload and not isinstance(payload[claim], str):
            error(claim, f"{claim}_not_string", f"{claim} must be a string (RFC 7519 §4.1)")
    if "aud" in payload:
        aud = payload["aud"]
        if not isinstance(aud, str) and not (
            isinstance(aud, list) and all(isinstance(a, str) for a in aud)
        ):
            error(
                "aud", "aud_type", "aud must be a string or an array of strings (RFC 7519 §4.1.3)"
            )
    return issues
