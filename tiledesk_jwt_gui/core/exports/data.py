"""The suite as data: a JSON document and a CSV table."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ..cases import QACase, Suite
from .common import credentials_warning

__all__ = ["case_to_dict", "suite_to_csv", "suite_to_dict", "suite_to_json"]

CSV_COLUMNS = ("name", "description", "expected_accepted", "expected_statuses", "token")


def case_to_dict(case: QACase) -> dict[str, Any]:
    return {
        "name": case.name,
        "description": case.description,
        "token": case.token,
        "authorization": case.authorization,
        "expected": {
            "accepted": case.expected.accepted,
            "flow": [
                {"call": s.call.value, "method": s.method, "path": s.path, "status": s.status}
                for s in case.expected.flow
            ],
        },
    }


def suite_to_dict(suite: Suite, generated_by: str) -> dict[str, Any]:
    """``{"generated_by", "project_id", "now", "warning", "cases": [...]}``; a status of
    ``null`` means the call gets no answer."""
    return {
        "generated_by": generated_by,
        "project_id": suite.project_id,
        "now": suite.now,
        "warning": credentials_warning(suite),
        "cases": [case_to_dict(case) for case in suite.cases],
    }


def suite_to_json(suite: Suite, generated_by: str) -> str:
    return json.dumps(suite_to_dict(suite, generated_by), ensure_ascii=False, indent=2) + "\n"


def suite_to_csv(suite: Suite, generated_by: str) -> str:
    """One row a case: name, description, accepted (true/false), statuses, token."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for case in suite.cases:
        writer.writerow(
            (
                case.name,
                case.description,
                "true" if case.expected.accepted else "false",
                case.expected.statuses(),
                case.token,
            )
        )
    return out.getvalue()
