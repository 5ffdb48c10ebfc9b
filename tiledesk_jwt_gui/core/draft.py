"""The inspection's state as one frozen value, and the pure steps between two such values.

A :class:`Draft` holds what a person is looking at: the token shown, the token as pasted (kept
while a new one is composed from it), the header and payload the form shows, the algorithm, the
project id field as typed, the profile and the leeway. Every step (``take_token``,
``with_payload``, ``compose``, ``back_to_pasted``…) returns a new draft; nothing here keeps
state or knows about a window.

Two modes:

* ``CHECKING``: the pasted token is the source. It is judged as pasted, never altered.
* ``COMPOSING``: the form is the source; the token shown is one this app signed. When it was
  composed from a pasted token, that token is kept (``pasted``) one step away.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum, StrEnum
from typing import Final

from .claims import retarget_project
from .encoding import JsonProblem, JSONValue, parse_json
from .errors import SignError
from .judge import Profile, Verdict, judge
from .keys import Key, KeyChoice
from .parse import Inspection
from .sample import DEMO_PROJECT_ID, demo_claims
from .sign import sign_token
from .tiledesk import ProjectField, project_field, token_project_id

__all__ = [
    "ABSENT",
    "Absent",
    "ClaimValue",
    "Draft",
    "Mode",
    "back_to_pasted",
    "compose",
    "edit_claim",
    "edit_header_text",
    "edit_other_claims",
    "edit_payload_text",
    "judge_draft",
    "problem_lines",
    "sample_draft",
    "take_token",
    "with_algorithm",
    "with_claim",
    "with_header",
    "with_header_param",
    "with_others",
    "with_payload",
    "with_problem",
    "with_project_text",
    "with_token_read",
]


class Absent(Enum):
    """A claim that is not in the payload at all (JSON ``null`` is a value)."""

    ABSENT = "absent"


ABSENT: Final = Absent.ABSENT
ClaimValue = JSONValue | Absent


class Mode(StrEnum):
    CHECKING = "checking"
    """The pasted token is the source; the form follows it."""
    COMPOSING = "composing"
    """The form is the source; the token shown is signed by this app on every edit."""


def _default_header() -> dict[str, JSONValue]:
    return {"alg": "HS256", "typ": "JWT"}


@dataclass(frozen=True)
class Draft:
    """One state of the inspection (see the module's docstring)."""

    mode: Mode = Mode.COMPOSING
    token: str = ""
    pasted: str | None = None
    """The token as pasted; kept while composing from it (``None``: nothing was pasted)."""
    header: Mapping[str, JSONValue] = field(default_factory=_default_header)
    payload: JSONValue = field(default_factory=dict)
    algorithm: str = "HS256"
    stale: str | None = None
    """Why the token shown does not match the form (``None`` when it does)."""
    project_text: str = ""
    profile: Profile = Profile.TILEDESK
    leeway: float = 0.0
    problems: Mapping[str, str] = field(default_factory=dict)
    """What the form or the JSON editors hold that cannot be signed, by place ("payload",
    "header", "claim:<name>", "claim:other"); while there is any, the token waits."""

    @property
    def signed_here(self) -> bool:
        """Whether the token shown is one this app signed (not the one pasted)."""
        return self.mode is Mode.COMPOSING

    @property
    def can_go_back(self) -> bool:
        """Whether a pasted token waits behind the composed one."""
        return self.mode is Mode.COMPOSING and self.pasted is not None

    @property
    def copyable(self) -> bool:
        """Whether the token shown is up to date with the form (and so may be copied)."""
        return self.stale is None and bool(self.token)

    def project(self, payload: JSONValue = None) -> ProjectField:
        """The project id field read against ``payload`` (default: the draft's)."""
        return project_field(self.project_text, self.payload if payload is None else payload)


def take_token(draft: Draft, text: str) -> Draft:
    """A person pasted or typed ``text``: it becomes the source, exactly as given."""
    return replace(draft, mode=Mode.CHECKING, token=text, pasted=text, stale=None, problems={})


def back_to_pasted(draft: Draft) -> Draft:
    """Leave composing for the token that was pasted (nothing happens without one)."""
    if draft.pasted is None:
        return draft
    return take_token(draft, draft.pasted)


def with_token_read(draft: Draft, inspection: Inspection) -> Draft:
    """Take the header and payload of a decoded token, as the form shows them, so that a form
    edit starts from them. A header that is not an object leaves a default one; a payload that
    is not JSON leaves an empty object."""
    header_object = inspection.header_object
    algorithm = draft.algorithm
    if header_object is not None:
        header: Mapping[str, JSONValue] = dict(header_object)
        alg = header_object.get("alg")
        if isinstance(alg, str):
            algorithm = alg
    else:
        header = {"alg": algorithm, "typ": "JWT"}
    decoded = inspection.payload
    payload = decoded.value if decoded is not None and decoded.is_json else {}
    return replace(draft, header=header, payload=payload, algorithm=algorithm)


def with_payload(draft: Draft, payload: JSONValue) -> Draft:
    return replace(draft, payload=payload)


def with_algorithm(draft: Draft, algorithm: str) -> Draft:
    header = {"alg": algorithm, **{k: v for k, v in draft.header.items() if k != "alg"}}
    return replace(draft, header=header, algorithm=algorithm)


def with_header(draft: Draft, header: Mapping[str, JSONValue]) -> Draft:
    """A whole header from the JSON editor; its ``alg``, if a string, picks the algorithm."""
    fields = dict(header)
    alg = header.get("alg")
    if isinstance(alg, str):
        return replace(draft, header=fields, algorithm=alg)
    fields["alg"] = draft.algorithm
    return replace(draft, header=fields)


def with_header_param(draft: Draft, name: str, value: ClaimValue) -> Draft:
    fields = dict(draft.header)
    if value is ABSENT:
        fields.pop(name, None)
    else:
        fields[name] = value
    return replace(draft, header=fields)


def with_claim(payload: JSONValue, name: str, value: ClaimValue) -> dict[str, JSONValue]:
    """A copy of ``payload`` (an object, else ``{}``) with ``name`` set to ``value`` or removed.
    A claim that is already there keeps its place."""
    result = dict(payload) if isinstance(payload, dict) else {}
    if value is ABSENT:
        result.pop(name, None)
    else:
        result[name] = value
    return result


def with_others(
    payload: JSONValue, named: Collection[str], others: Mapping[str, JSONValue]
) -> dict[str, JSONValue]:
    """``payload`` with every claim outside ``named`` replaced by ``others``: claims that stay
    keep their place, new ones are appended, the ones missing from ``others`` are removed."""
    current = payload if isinstance(payload, dict) else {}
    result: dict[str, JSONValue] = {}
    for name, value in current.items():
        if name in named:
            result[name] = value
        elif name in others:
            result[name] = others[name]
    for name, value in others.items():
        if name not in result and name not in named:
            result[name] = value
    return result


def with_problem(draft: Draft, place: str, problem: str | None) -> Draft:
    """``problem`` noted at ``place`` (``None``: that place is fine now)."""
    problems = {k: v for k, v in draft.problems.items() if k != place}
    if problem is not None:
        problems[place] = problem
    return replace(draft, problems=problems)


def _without_form_problems(draft: Draft) -> Draft:
    kept = {k: v for k, v in draft.problems.items() if not k.startswith("claim:")}
    return replace(draft, problems=kept)


def edit_claim(draft: Draft, name: str, value: ClaimValue, problem: str | None = None) -> Draft:
    """A claim field changed: ``value`` (or ``ABSENT``), or ``problem`` when what was typed
    cannot be a value. The payload editor now follows the form."""
    draft = with_problem(with_problem(draft, f"claim:{name}", problem), "payload", None)
    if problem is not None:
        return draft
    return replace(draft, payload=with_claim(draft.payload, name, value))


def edit_other_claims(
    draft: Draft,
    named: Collection[str],
    others: Mapping[str, JSONValue] | None,
    problem: str | None = None,
) -> Draft:
    """The other-claims editor changed: every claim outside ``named``."""
    draft = with_problem(with_problem(draft, "claim:other", problem), "payload", None)
    if others is None or problem is not None:
        return draft
    return replace(draft, payload=with_others(draft.payload, named, others))


def edit_payload_text(draft: Draft, text: str) -> Draft:
    """The payload as JSON text; the form now follows it."""
    value = parse_json(text)
    if isinstance(value, JsonProblem):
        return with_problem(draft, "payload", f"the payload is not JSON: {value.message}")
    return replace(_without_form_problems(with_problem(draft, "payload", None)), payload=value)


def edit_header_text(draft: Draft, text: str) -> Draft:
    """The header as JSON text: an object, whose ``alg`` (a string) picks the algorithm."""
    value = parse_json(text)
    if isinstance(value, JsonProblem):
        return with_problem(draft, "header", f"the header is not JSON: {value.message}")
    if not isinstance(value, dict):
        return with_problem(draft, "header", "the header must be a JSON object: { … }")
    return with_header(with_problem(draft, "header", None), value)


def problem_lines(draft: Draft) -> list[str]:
    """What cannot be signed, each with where it is ("attributes: …")."""
    lines = []
    for place, problem in draft.problems.items():
        where = place.removeprefix("claim:").replace("other", "other claims")
        lines.append(f"{where}: {problem}")
    return lines


def with_project_text(draft: Draft, text: str) -> Draft:
    """The project id field as typed. A pasted dashboard URL leaves the id it holds; while
    composing, a new id moves ``aud`` and the ``_id`` prefix from the project they named."""
    before = project_field(draft.project_text).project_id or token_project_id(draft.payload)
    read = project_field(text)
    if read.found_in is not None and read.project_id is not None:
        text = read.project_id  # the field shows the id, not the URL
    draft = replace(draft, project_text=text)
    after = read.project_id
    if draft.mode is Mode.CHECKING or not (before and after):
        return draft
    moved = retarget_project(draft.payload, before, after)
    return draft if moved is None else replace(draft, payload=moved)


def sample_draft(draft: Draft, now: float) -> Draft:
    """The embedded sample, to be composed: the demo user, for the project in the field when
    it holds one (the field is kept: a demo id is never "your project")."""
    project = project_field(draft.project_text).project_id
    payload: JSONValue = demo_claims(int(now))
    if project is not None:
        payload = retarget_project(payload, DEMO_PROJECT_ID, project) or payload
    return Draft(
        project_text=draft.project_text, profile=draft.profile, leeway=draft.leeway, payload=payload
    )


def compose(draft: Draft, keys: KeyChoice, problems: Sequence[str] | None = None) -> Draft:
    """Sign the header and payload into the token shown. When the form holds something that
    cannot be signed (``problems``, by default the draft's own, or no key), the previous token
    stays, marked stale."""
    composing = replace(draft, mode=Mode.COMPOSING)
    if problems is None:
        problems = problem_lines(draft)
    if problems:
        return replace(composing, stale=problems[0])
    try:
        token = sign_token(draft.header, draft.payload, keys.sign, draft.algorithm)
    except SignError as exc:
        reason = str(exc)
        if keys.sign is None and keys.missing:
            reason = f"{reason}: {keys.missing}"
        return replace(composing, stale=reason)
    return replace(composing, token=token, stale=None)


def judge_draft(
    draft: Draft, keys: KeyChoice, now: float, inspection: Inspection | None = None
) -> Verdict:
    """The core's verdict on the draft's token; pure, so it may run on a worker thread. A
    project id field that holds no id counts as not set (the server never sees it)."""
    verify: Key | Sequence[Key] | None = keys.verify
    if isinstance(verify, tuple) and len(verify) == 1:
        verify = verify[0]
    return judge(
        inspection if inspection is not None else draft.token,
        verify,
        profile=draft.profile,
        project_id=project_field(draft.project_text).project_id,
        at=now,
        leeway=draft.leeway,
    )
