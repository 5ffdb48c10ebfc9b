"""Tiledesk's facts, in one place: what a project id looks like, the documented ``aud`` and
``sub`` of a custom-auth token, the roles that sign up a dashboard account, and what the
window's project id field holds (an id, a dashboard URL with one in it, or something else).

The server never sees the project id field: it is the person's statement of which project they
mean. So a malformed value is a note on the field and counts as "not set"; it never makes the
verdict reject a token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .encoding import JSONValue

__all__ = [
    "CUSTOM_AUTH_SUBJECT",
    "PROJECT_ID_PATTERN",
    "STAFF_ROLES",
    "SUBJECT_CHOICES",
    "ProjectField",
    "claimed_project_id",
    "project_field",
    "tiledesk_audience",
    "token_project_id",
]

PROJECT_ID_PATTERN = re.compile(r"[0-9a-fA-F]{24}")
"""A Tiledesk project id: a MongoDB ObjectId, 24 hexadecimal characters."""
CUSTOM_AUTH_SUBJECT = "userexternal"
"""The ``sub`` of a custom-auth token, as the docs and the server's strategy spell it."""
SUBJECT_CHOICES = (CUSTOM_AUTH_SUBJECT, "guest", "user")
"""The subjects the window offers: custom auth, an anonymous visitor, a Tiledesk user."""
STAFF_ROLES = ("owner", "admin", "agent")
"""Roles with which signinWithCustomToken signs up a real dashboard account."""

_AUDIENCE_PREFIX = "https://tiledesk.com/projects/"
_ID_IN_TEXT = re.compile(r"(?:projects?/|^|[^0-9a-fA-F])([0-9a-fA-F]{24})(?![0-9a-fA-F])")


def tiledesk_audience(project_id: str) -> str:
    """The documented ``aud`` of a custom-auth token for ``project_id``."""
    return f"{_AUDIENCE_PREFIX}{project_id}"


def token_project_id(payload: JSONValue) -> str | None:
    """The project a token's ``aud`` names by the documented form (lower case), if any."""
    if not isinstance(payload, dict):
        return None
    aud = payload.get("aud")
    if not isinstance(aud, str) or not aud.startswith(_AUDIENCE_PREFIX):
        return None
    rest = aud[len(_AUDIENCE_PREFIX) :].split("/", 1)[0]
    return rest.lower() if PROJECT_ID_PATTERN.fullmatch(rest) else None


def claimed_project_id(payload: JSONValue) -> str | None:
    """The project a token names: by its ``aud``, else by the ``<project id>_`` prefix of its
    ``_id`` (lower case), if any."""
    from_aud = token_project_id(payload)
    if from_aud is not None or not isinstance(payload, dict):
        return from_aud
    user_id = payload.get("_id")
    if isinstance(user_id, str) and len(user_id) > 24 and user_id[24] == "_":
        prefix = user_id[:24]
        return prefix.lower() if PROJECT_ID_PATTERN.fullmatch(prefix) else None
    return None


@dataclass(frozen=True, slots=True)
class ProjectField:
    """What the project id field holds, read once.

    ``project_id`` is the id the verdict is asked against (``None``: not set, or not an id);
    ``found_in`` says where an id was taken from when the text was more than the id (a dashboard
    URL); ``problem`` is the note for the field; ``token_project`` and ``mismatch`` say when the
    token is for another project (a one-click fix can then set it).
    """

    text: str
    project_id: str | None
    found_in: str | None = None
    problem: str | None = None
    token_project: str | None = None

    @property
    def mismatch(self) -> str | None:
        """ "this token is for project X; the field says Y", or ``None``."""
        if self.project_id is None or self.token_project is None:
            return None
        if self.project_id.lower() == self.token_project:
            return None
        return f"this token is for project {self.token_project}; the field says {self.project_id}"


def project_field(text: str, payload: JSONValue = None) -> ProjectField:
    """Read the project id field's ``text`` against a token's ``payload``.

    An id is taken as it is; a pasted dashboard URL (``…/project/<24 hex>/…``) gives the id in
    it; anything else is a note and counts as not set.
    """
    stripped = text.strip()
    token_project = token_project_id(payload)
    if not stripped:
        return ProjectField(text, None, token_project=token_project)
    if PROJECT_ID_PATTERN.fullmatch(stripped):
        return ProjectField(text, stripped, token_project=token_project)
    if len(stripped) > 24:
        found = _ID_IN_TEXT.search(stripped)
        if found is not None and ("/" in stripped or " " in stripped):
            return ProjectField(text, found.group(1), "the pasted text", None, token_project)
    kind = "" if stripped.isalnum() else " and other characters"
    problem = (
        f"Not a project id (24 hex characters, 0-9 a-f; this has {len(stripped)}{kind}): "
        "the token's aud counts"
    )
    return ProjectField(text, None, None, problem, token_project)
