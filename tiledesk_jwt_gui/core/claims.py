"""Compose the claims of a Tiledesk custom-auth token, as the docs describe them."""

from __future__ import annotations

import time
from collections.abc import Mapping

from .encoding import JSONValue
from .errors import InputError
from .tiledesk import CUSTOM_AUTH_SUBJECT, PROJECT_ID_PATTERN, tiledesk_audience

__all__ = ["retarget_project", "tiledesk_claims"]


def tiledesk_claims(
    project_id: str,
    *,
    user_id: str | None = None,
    email: str | None = None,
    firstname: str | None = None,
    lastname: str | None = None,
    attributes: Mapping[str, JSONValue] | None = None,
    extra: Mapping[str, JSONValue] | None = None,
    now: float | None = None,
    expires_in: int | None = None,
    issued_at: bool = True,
) -> dict[str, JSONValue]:
    """Claims for ``project_id``: ``sub`` and ``aud`` filled in, ``_id`` as
    ``<project id>_<user id>``. ``extra`` is merged over the defaults and under the named
    arguments, so a claims file can add or replace anything and options win over it."""
    if not PROJECT_ID_PATTERN.fullmatch(project_id):
        raise InputError(
            f"the project id {project_id!r} is not 24 hexadecimal characters "
            "(find it in the Tiledesk dashboard's project settings)"
        )
    moment = int(time.time() if now is None else now)
    claims: dict[str, JSONValue] = {
        "sub": CUSTOM_AUTH_SUBJECT,
        "aud": tiledesk_audience(project_id),
    }
    if issued_at:
        claims["iat"] = moment
    if extra:
        claims.update(extra)
    if user_id is not None:
        if not user_id:
            raise InputError("the user id is empty")
        claims["_id"] = f"{project_id}_{user_id}"
    named: dict[str, JSONValue] = {
        "email": email,
        "firstname": firstname,
        "lastname": lastname,
    }
    claims.update((k, v) for k, v in named.items() if v is not None)
    if attributes is not None:
        claims["attributes"] = dict(attributes)
    if expires_in is not None:
        claims["exp"] = moment + expires_in
    ordered = {"_id": claims.pop("_id")} if "_id" in claims else {}
    ordered.update(claims)
    return ordered


def retarget_project(payload: JSONValue, old: str, new: str) -> dict[str, JSONValue] | None:
    """``payload`` composed for project ``new`` instead of ``old``: an ``aud`` of the documented
    form and an ``_id`` with the ``<old>_`` prefix follow. ``None`` when nothing follows."""
    if not isinstance(payload, dict) or old.lower() == new.lower():
        return None
    result = dict(payload)
    changed = False
    if result.get("aud") == tiledesk_audience(old):
        result["aud"] = tiledesk_audience(new)
        changed = True
    user_id = result.get("_id")
    prefix = f"{old}_"
    if isinstance(user_id, str) and user_id.lower().startswith(prefix.lower()):
        result["_id"] = f"{new}_{user_id[len(prefix) :]}"
        changed = True
    return result if changed else None
