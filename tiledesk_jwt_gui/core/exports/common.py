"""What every export shares: who made it, the credentials warning, each call's request."""

from __future__ import annotations

from datetime import UTC, datetime

from ..cases import QACase, Suite
from ..expected import WIDGET_HEADERS, Step, widget_request

__all__ = [
    "WIDGET_HEADERS",
    "call_body",
    "credentials_warning",
    "default_generated_by",
    "utc",
]


def default_generated_by() -> str:
    from ... import __version__  # noqa: PLC0415 (read only when a suite is exported)

    return f"tiledesk-jwt-gui {__version__}"


def utc(moment: int) -> str:
    return datetime.fromtimestamp(moment, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def credentials_warning(suite: Suite) -> str:
    """The warning every export carries: its tokens sign in to a real project."""
    return (
        f"The tokens in this suite are real credentials for Tiledesk project {suite.project_id}: "
        f"until {utc(suite.valid_until)} anyone holding them can sign in as its test visitors. "
        "Generate suites for a test project, and keep them out of public places."
    )


def call_body(step: Step, suite: Suite) -> str | None:
    """The body the widget sends with ``step``'s call (``None``: no body)."""
    return widget_request(step.call, suite.project_id).body


def no_answer_last(suite: Suite) -> list[QACase]:
    """The cases with an expected "no answer" after the others (for runners that cannot
    abandon a request: what they leave waiting then ends after the run)."""
    return sorted(suite.cases, key=lambda case: case.expected.has_no_answer)
