"""QA suites as files that travel: JSON, CSV, a pytest file, a Postman collection, a curl script.

Each export runs (or lists) the widget's calls against the user's own Tiledesk and states the
expected answers. The tokens in an export are real credentials for the suite's project: every
export that can carry a comment says so in its header (``credentials_warning``).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Final

from ..cases import Suite
from .common import credentials_warning, default_generated_by
from .curl_script import suite_to_curl
from .data import suite_to_csv, suite_to_dict, suite_to_json
from .postman import suite_to_postman
from .pytest_file import suite_to_pytest

__all__ = [
    "ExportFormat",
    "credentials_warning",
    "export_suite",
    "suite_to_dict",
]


class ExportFormat(StrEnum):
    """The formats a suite is exported in, and the file name suffix each one takes."""

    JSON = "json"
    CSV = "csv"
    PYTEST = "pytest"
    POSTMAN = "postman"
    CURL = "curl"

    @property
    def suffix(self) -> str:
        return _SUFFIXES[self]


_SUFFIXES: Final = {
    ExportFormat.JSON: ".json",
    ExportFormat.CSV: ".csv",
    ExportFormat.PYTEST: ".py",
    ExportFormat.POSTMAN: ".postman_collection.json",
    ExportFormat.CURL: ".sh",
}

_WRITERS: Final[dict[ExportFormat, Callable[[Suite, str], str]]] = {
    ExportFormat.JSON: suite_to_json,
    ExportFormat.CSV: suite_to_csv,
    ExportFormat.PYTEST: suite_to_pytest,
    ExportFormat.POSTMAN: suite_to_postman,
    ExportFormat.CURL: suite_to_curl,
}


def export_suite(suite: Suite, export_format: ExportFormat, generated_by: str | None = None) -> str:
    """The text of ``suite`` in ``export_format`` (the same text for the same suite)."""
    return _WRITERS[export_format](suite, generated_by or default_generated_by())
