"""``tiledesk-jwt cases`` as scripts use it: real processes, exit codes, files and warnings."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

PROJECT = "65a1b2c3d4e5f60718293a4b"
SECRET = "0b7c6f3e-2d41-4c8a-9f6e-5a3b2c1d0e9f"
NOW = "1800000000"


def cases(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "SECRET"}
    environment["SECRET"] = SECRET
    return subprocess.run(
        [sys.executable, "-m", "tiledesk_jwt_gui.cli", "cases", "--project-id", PROJECT, *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        check=False,
    )


def test_json_suite_on_stdout_with_one_warning() -> None:
    result = cases("--secret-env", "SECRET", "--at", NOW)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["project_id"] == PROJECT
    assert data["now"] == int(NOW)
    assert len(data["cases"]) >= 40
    assert result.stderr.count("real credentials") == 1
    assert "left out" not in result.stderr  # the model predicts every variant
    assert SECRET not in result.stdout + result.stderr


def test_same_options_same_output() -> None:
    first = cases("--secret-env", "SECRET", "--at", NOW, "--format", "curl")
    again = cases("--secret-env", "SECRET", "--at", NOW, "--format", "curl")
    assert first.returncode == 0, first.stderr
    assert first.stdout == again.stdout
    assert first.stdout.startswith("#!/usr/bin/env bash")


def test_only_and_out_write_an_owner_only_file(tmp_path: Path) -> None:
    out = tmp_path / "suite.csv"
    result = cases(
        "--secret-env", "SECRET", "--at", NOW, "--only", "valid, sub-user",
        "--format", "csv", "--out", str(out),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [line.split(",")[0] for line in lines] == ["name", "valid", "sub-user"]
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert "2 cases written" in result.stderr


def test_base_claims_from_a_file_and_secret_from_a_file(tmp_path: Path) -> None:
    claims = tmp_path / "claims.json"
    claims.write_text(json.dumps({"firstname": "Grace", "email": "g@example.com"}))
    secret = tmp_path / "secret"
    secret.write_text(SECRET + "\n")
    result = cases(
        "--secret-file", str(secret), "--base-claims", str(claims), "--at", NOW,
        "--only", "valid",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    case = json.loads(result.stdout)["cases"][0]
    verified = subprocess.run(
        [sys.executable, "-m", "tiledesk_jwt_gui.cli", "verify", case["token"], "--json",
         "--secret-file", str(secret), "--project-id", PROJECT, "--at", NOW],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert verified.returncode == 0, verified.stdout
    assert json.loads(verified.stdout)["payload"]["firstname"] == "Grace"


def test_usage_errors_name_what_is_wrong(tmp_path: Path) -> None:
    no_secret = cases("--at", NOW)
    assert no_secret.returncode == 2
    assert "needs the secret" in no_secret.stderr
    unknown = cases("--secret-env", "SECRET", "--only", "valid,nope")
    assert unknown.returncode == 2
    assert "no variant named 'nope'" in unknown.stderr
    bad_claims = tmp_path / "claims.json"
    bad_claims.write_text("[1]")
    not_object = cases("--secret-env", "SECRET", "--base-claims", str(bad_claims))
    assert not_object.returncode == 2
    assert "must be a JSON object" in not_object.stderr
    plain = cases("--secret", SECRET)
    assert plain.returncode == 2
    assert SECRET not in plain.stderr
    bad_project = subprocess.run(
        [sys.executable, "-m", "tiledesk_jwt_gui.cli", "cases", "--project-id", "x",
         "--secret-env", "SECRET"],
        capture_output=True, text=True, timeout=60, check=False,
        env={**os.environ, "SECRET": SECRET},
    )  # fmt: skip
    assert bad_project.returncode == 2
    assert "24 hexadecimal" in bad_project.stderr
