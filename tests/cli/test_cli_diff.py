"""``tiledesk-jwt diff`` end to end."""

from __future__ import annotations

import json

from tests.cli.test_cli import run
from tests.core.test_diff import NOW, PROJECT, SECRET, A, token


def test_diff_text_and_exit_codes() -> None:
    expired = token(exp=NOW - 3600)
    result = run(
        "diff",
        A,
        expired,
        "--secret-env",
        "S",
        "--project-id",
        PROJECT,
        "--at",
        str(NOW),
        env={"S": SECRET},
    )
    assert result.returncode == 1, result.stderr
    assert "exp: 2027-01-15 09:00:00 UTC → 2027-01-15 07:00:00 UTC (2 h earlier)" in result.stdout
    assert "changes the verdict: B is rejected: exp passed 1 h ago" in result.stdout
    assert SECRET not in result.stdout + result.stderr
    same = run("diff", A, "-", stdin=A)
    assert same.returncode == 0
    assert "identical" in same.stdout


def test_diff_json() -> None:
    b = token(attributes={"plan": "free", "tags": ["x", "y"], "a.b": {"deep": 1}})
    result = run("diff", A, b, "--json", "--at", str(NOW))
    data = json.loads(result.stdout)
    assert data["changes"] == [
        {
            "part": "claims",
            "path": "attributes.plan",
            "change": "changed",
            "a": "pro",
            "b": "free",
            "note": None,
            "changes_verdict": False,
            "why": None,
        }
    ]


def test_both_from_stdin_is_a_usage_error() -> None:
    result = run("diff", "-", "-", stdin=A)
    assert result.returncode == 2
    assert "only one of A and B" in result.stderr
