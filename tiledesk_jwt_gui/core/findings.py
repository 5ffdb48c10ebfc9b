"""The verdict as the faces show it: where each issue shows (which claim field, which header
field, which token segment), one line per issue, the headline with its warning count, and the
lines that explain the verdict. Decided here once, so the window and any other face agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from .issues import Issue, Part, Severity
from .judge import Profile, Verdict
from .report import format_report, headline
from .server import Outcome
from .signin import Call, CallAnswer, SigninFlow, token_length_limit
from .times import TIME_CLAIMS
from .verify import SignatureStatus

__all__ = [
    "FORM_CLAIMS",
    "HEADER_PARAMS",
    "NOT_A_JWT",
    "USER_CLAIMS",
    "Place",
    "Spot",
    "detail_lines",
    "flow_detail",
    "issue_line",
    "issues_at",
    "report_text",
    "segment_faults",
    "spot",
    "verdict_headline",
]

USER_CLAIMS = ("_id", "sub", "aud", "email", "firstname", "lastname", "attributes")
"""The claims of a Tiledesk custom-auth user, in the order the form shows them."""
FORM_CLAIMS = (*USER_CLAIMS, *TIME_CLAIMS)
"""Every claim with a field of its own; any other claim shows among the other claims."""
HEADER_PARAMS = ("alg", "typ", "kid")
"""The header parameters with a field of their own."""
NOT_A_JWT = "This is not a JWT (expected xxxxx.yyyyy.zzzzz)"

_SEGMENT_PARTS = {Part.HEADER: "header", Part.PAYLOAD: "payload", Part.SIGNATURE: "signature"}


class Place(StrEnum):
    """Where an issue shows besides the findings list."""

    CLAIM = "claim"
    OTHER_CLAIMS = "other_claims"
    HEADER_PARAM = "header_param"
    HEADER_JSON = "header_json"
    PAYLOAD_JSON = "payload_json"
    PROJECT = "project"
    KEY = "key"
    SIGNATURE = "signature"
    TOKEN = "token"  # noqa: S105 (a place in the window)


@dataclass(frozen=True, slots=True)
class Spot:
    """A place and, for a claim or header field, its name."""

    place: Place
    name: str | None = None


def spot(issue: Issue) -> Spot:
    """Where ``issue`` shows."""
    if issue.code == "project_id_invalid":
        return Spot(Place.PROJECT)
    if issue.part is Part.KEY:
        return Spot(Place.KEY)
    if issue.part is Part.HEADER:
        if issue.claim in HEADER_PARAMS:
            return Spot(Place.HEADER_PARAM, issue.claim)
        return Spot(Place.HEADER_JSON, issue.claim)
    if issue.part is Part.PAYLOAD:
        if issue.claim in FORM_CLAIMS:
            return Spot(Place.CLAIM, issue.claim)
        if issue.claim:
            return Spot(Place.OTHER_CLAIMS, issue.claim)
        return Spot(Place.PAYLOAD_JSON)
    if issue.part is Part.SIGNATURE:
        return Spot(Place.SIGNATURE)
    return Spot(Place.TOKEN)


def issues_at(issues: Iterable[Issue], place: Place, name: str | None = None) -> list[Issue]:
    """The issues that show at ``place`` (and, when given, for field ``name``)."""
    found = []
    for issue in issues:
        where = spot(issue)
        if where.place is place and (name is None or where.name == name):
            found.append(issue)
    return found


def issue_line(issue: Issue) -> str:
    """One line for ``issue``: where, then what, never the claim's name twice ("exp: exp …")."""
    message = issue.message
    claim = issue.claim
    if not claim:
        return message[:1].upper() + message[1:]
    if message.startswith((f"{claim} ", f"{claim}:", f"{claim}'", f"{claim},")):
        return message  # a claim's name keeps its case
    return f"{claim}: {message}"


def segment_faults(verdict: Verdict) -> dict[str, list[str]]:
    """The messages to underline each token segment with: the structural problems of its part,
    and a signature that does not verify."""
    inspection = verdict.inspection
    faults: dict[str, list[str]] = {}
    for issue in inspection.issues:
        if issue.severity is Severity.INFO:
            continue
        if issue.part in _SEGMENT_PARTS:
            faults.setdefault(_SEGMENT_PARTS[issue.part], []).append(issue.message)
        elif issue.part is Part.TOKEN:
            target = "extra" if inspection.segment("extra") else "payload"
            faults.setdefault(target, []).append(issue.message)
    if verdict.signature.status in (SignatureStatus.INVALID, SignatureStatus.UNSIGNED) and (
        inspection.is_jws
    ):
        faults.setdefault("signature", []).append(verdict.signature.summary)
    return faults


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'s' * (number != 1)}"


def verdict_headline(verdict: Verdict) -> str:
    """The core's headline; a verdict that is not a refusal adds its warnings: "(1 warning)"."""
    words = headline(verdict)
    warnings = len(verdict.warnings)
    if verdict.outcome is not Outcome.REJECTED and warnings:
        words += f" ({_count(warnings, 'warning')})"
    return words


def _base64_secret_rejected(verdict: Verdict) -> bool:
    key = verdict.signature.key
    server = verdict.server
    return (
        verdict.signature.status is SignatureStatus.VERIFIED
        and key is not None
        and key.description.endswith("(base64-decoded)")
        and server is not None
        and server.outcome is Outcome.REJECTED
        and server.reason == "invalid signature"
    )


def _failure_words(failed: CallAnswer) -> str:
    """The failing call, its answer, and for a 431 the token length that causes it."""
    words = failed.line().rstrip(".")
    if failed.status == 431:
        limit = token_length_limit(failed.call)
        words += f": no token of {limit:,} characters or more gets through"
    return words


def flow_detail(flow: SigninFlow | None) -> str | None:
    """One line for the banner: the widget's first failing call and its answer, and what the
    visitor then sees; or that every call answers 200. None when no sign-in was modelled."""
    if flow is None or not flow.calls:
        return None
    failed = flow.first_failure
    if failed is None:
        words = "the widget signs in and chats: every call of its sign-in answers 200"
    elif failed.call is Call.SIGNIN:
        words = f"the widget cannot sign in: {_failure_words(failed)}"
    elif failed.call is Call.CHAT21:
        words = f"signs in, but {_failure_words(failed)}: the visitor never gets a chat connection"
    else:
        words = (
            f"signs in and gets a chat token, but {_failure_words(failed)}: the visitor can't chat"
        )
    if flow.assumed_signature:
        return f"Undecided without the secret; if the signature is right, {words}."
    return words[:1].upper() + words[1:] + "."


def detail_lines(
    verdict: Verdict,
    *,
    key_problem: str | None = None,
    signed_here: bool = False,
    stale: str | None = None,
) -> list[str]:
    """The lines under the headline: what the token is, the signature, the server's reason,
    and whatever makes the verdict differ from what one would guess."""
    lines: list[str] = []
    inspection = verdict.inspection
    if inspection.token and not inspection.is_jws and len(inspection.segments) != 5:
        lines.append(NOT_A_JWT + ".")
    if signed_here:
        lines.append("This token was signed by this app from the form, not the one pasted.")
    if _base64_secret_rejected(verdict):
        lines.append(
            "The signature matches the base64-decoded secret, but Tiledesk uses the text: rejected."
        )
    elif key_problem and verdict.signature.status is SignatureStatus.NO_KEY:
        lines.append(key_problem[:1].upper() + key_problem[1:] + ".")
    else:
        summary = verdict.signature.summary
        lines.append(summary[:1].upper() + summary[1:] + ".")
    flow = flow_detail(verdict.flow)
    if flow:
        lines.append(flow)
    if stale:
        lines.append("⚠ This token is out of date: the form has changed since (see below).")
    server = verdict.server
    if server is not None:
        said = f" · the server answers “{server.reason}”" if server.reason not in ("", "ok") else ""
        lines.append(f"Tiledesk verifies with {server.key_source}{said}.")
    if verdict.profile is Profile.GENERIC:
        lines.append("Judging as any JWT (RFC 7519), not as the Tiledesk server.")
    if verdict.leeway:
        lines.append(f"With a clock leeway of {verdict.leeway:g} s (Tiledesk allows none).")
    return lines


def report_text(verdict: Verdict) -> str:
    """The verdict as text to copy: the headline, the signature, the findings and the decoded
    token. It never holds a key or a secret: a verdict carries none."""
    _, _, rest = format_report(verdict).partition("\n")
    return "\n".join([verdict_headline(verdict), rest]) if rest else verdict_headline(verdict)
