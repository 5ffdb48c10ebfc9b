"""The Tiledesk security lint: tokens that use known weaknesses of tiledesk-server 2.19.16.

Warnings only (the server may well accept these tokens): each says what the server would do
and why it matters, for integrators auditing their backend and QA probing their installation.
Every code is listed once in :class:`LintCode`; one small check per weakness.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from .encoding import JSONValue
from .issues import Issue, Severity
from .jsvalues import JsTypeError, js_loose_equals_string, js_to_string
from .server import _object_id
from .signin import ADMIN_EMAIL, STAFF_ROLES

__all__ = ["LintCode", "tiledesk_lint"]


class LintCode(StrEnum):
    """The lint's stable codes."""

    OPERATOR_IN_ID = "lint_operator_in_id"
    """An object with a ``$`` key in ``_id``: it reaches mongoose 5 queries unsanitised."""
    IMPERSONATION = "lint_impersonation"
    """``sub`` user/bot/subscription with an id-shaped ``_id``: the server looks that record up."""
    STAFF_ROLE = "role_staff"
    """A staff ``role``: the sign-in creates a real account and mints an agent session."""
    PROJECT_ROLE = "lint_project_role"
    """Another ``role`` string: it becomes the visitor's project role."""
    EMAIL_MISSING_ADMIN = "lint_email_missing_admin"
    """No ``email``: has-role.js compares it with ADMIN_EMAIL, unset by default."""
    EMAIL_DEFAULT_ADMIN = "lint_email_default_admin"
    """``email`` is admin@tiledesk.com, the default admin address of the role checks."""


def _warning(claim: str, code: LintCode, message: str) -> Issue:
    return Issue(claim, Severity.WARNING, code.value, message)


def _has_operator(value: JSONValue, depth: int = 0) -> bool:
    if depth > 50:
        return False
    if isinstance(value, dict):
        return any(k.startswith("$") for k in value) or any(
            _has_operator(v, depth + 1) for v in value.values()
        )
    if isinstance(value, list):
        return any(_has_operator(v, depth + 1) for v in value)
    return False


def check_operator_in_id(claims: dict[str, JSONValue]) -> Issue | None:
    if not _has_operator(claims.get("_id")):
        return None
    return _warning(
        "_id",
        LintCode.OPERATOR_IN_ID,
        "_id holds a query operator (a key starting with '$'): tiledesk-server passes it to "
        "its database queries unsanitised (mongoose 5), where it can match another person's "
        "project membership or account instead of naming one visitor",
    )


def check_impersonation(claims: dict[str, JSONValue]) -> Issue | None:
    subject = claims.get("sub")
    kind = next(
        (k for k in ("user", "bot", "subscription") if js_loose_equals_string(subject, k)), None
    )
    if kind is None:
        return None
    user_id = claims.get("_id")
    try:
        shaped = isinstance(user_id, str) and _object_id(js_to_string(user_id)) is not None
    except JsTypeError:
        shaped = False
    if not shaped:
        return None
    what = {"user": "user", "bot": "bot", "subscription": "webhook subscription"}[kind]
    return _warning(
        "sub",
        LintCode.IMPERSONATION,
        f"sub '{kind}' with an id-shaped _id: the server authenticates the token as the "
        f"existing {what} with that id, whichever project's secret signed it (the key is "
        "chosen by aud, the identity by _id and sub)",
    )


def check_role(claims: dict[str, JSONValue]) -> Issue | None:
    role = claims.get("role")
    if not isinstance(role, str) or not role:
        return None
    if role in STAFF_ROLES:
        return _warning(
            "role",
            LintCode.STAFF_ROLE,
            f"role '{role}' makes signinWithCustomToken create a real Tiledesk {role} account "
            "from email and answer with a new token signed with the global secret: an agent "
            "session, not a widget visitor; with an existing member's email it returns that "
            "member's session",
        )
    if role == "user":
        return None
    return _warning(
        "role",
        LintCode.PROJECT_ROLE,
        f"role '{role}' becomes the visitor's role in the project (no account is created)"
        + (": 'supervisor' includes agent rights" if role == "supervisor" else "")
        + "; widget visitors normally have none",
    )


def check_admin_email(claims: dict[str, JSONValue]) -> Issue | None:
    if "email" not in claims:
        return _warning(
            "email",
            LintCode.EMAIL_MISSING_ADMIN,
            "no email: has-role.js lets a request through when the token's email equals "
            "ADMIN_EMAIL, which is unset by default, so a token without email passes the "
            "project role checks",
        )
    if claims.get("email") == ADMIN_EMAIL:
        return _warning(
            "email",
            LintCode.EMAIL_DEFAULT_ADMIN,
            f"email {ADMIN_EMAIL} is the server's default admin address: role checks with "
            "types let it through everywhere",
        )
    return None


_CHECKS: tuple[Callable[[dict[str, JSONValue]], Issue | None], ...] = (
    check_operator_in_id,
    check_impersonation,
    check_role,
    check_admin_email,
)


def tiledesk_lint(claims: dict[str, JSONValue]) -> list[Issue]:
    """The lint's warnings for a token's claims."""
    return [issue for check in _CHECKS if (issue := check(claims)) is not None]
