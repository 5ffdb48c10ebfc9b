"""Run each exported suite the way its users would: pytest, newman, bash + curl."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from tests.cases.newman import ensure_newman
from tiledesk_jwt_gui.core import ExportFormat, Suite, export_suite

NO_ANSWER_SECONDS: Final = 1.5
RUN_TIMEOUT_S: Final = 240.0


@dataclass(frozen=True)
class Run:
    """An export's run: its exit code, its output and the cases it reports as failing."""

    returncode: int
    output: str
    failed: frozenset[str]


def _write(suite: Suite, export_format: ExportFormat, where: Path) -> Path:
    path = where / f"test_suite{export_format.suffix}"
    path.write_text(export_suite(suite, export_format), encoding="utf-8")
    return path


def _environment(**extra: str) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("TILEDESK_")}
    environment.update(extra)
    return environment


def _run(command: list[str], cwd: Path, environment: dict[str, str]) -> tuple[int, str]:
    done = subprocess.run(
        command,
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
        check=False,
    )
    return done.returncode, done.stdout + done.stderr


def run_pytest_export(suite: Suite, base_url: str | None, where: Path) -> Run:
    path = _write(suite, ExportFormat.PYTEST, where)
    # Its own rootdir and configuration: nothing of this repository's pytest settings.
    (where / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    extra = {"TILEDESK_NO_ANSWER_SECONDS": str(NO_ANSWER_SECONDS)}
    if base_url is not None:
        extra["TILEDESK_API_URL"] = base_url
    command = [sys.executable, "-m", "pytest", str(path), "-q", "-rfs", "-p", "no:cacheprovider"]
    command += ["-p", "no:pytest-qt", "-p", "no:hypothesispytest"]
    returncode, output = _run(command, where, _environment(**extra))
    failed = frozenset(re.findall(r"FAILED \S+::test_widget_sign_in\[(.+?)\]", output))
    return Run(returncode, output, failed)


def run_curl_export(suite: Suite, base_url: str, where: Path) -> Run:
    path = _write(suite, ExportFormat.CURL, where)
    environment = _environment(TILEDESK_NO_ANSWER_SECONDS=str(NO_ANSWER_SECONDS))
    returncode, output = _run(["bash", str(path), base_url], where, environment)
    failed = frozenset(re.findall(r"^FAIL (\S+?):", output, re.MULTILINE))
    return Run(returncode, output, failed)


def run_newman_export(suite: Suite, base_url: str, where: Path) -> Run:
    newman = ensure_newman()
    path = _write(suite, ExportFormat.POSTMAN, where)
    report = where / "newman-report.json"
    no_answers = sum(step.status is None for c in suite.cases for step in c.expected.flow)
    # The requests left waiting end after the run: --timeout-request is longer than it.
    timeout_ms = int((no_answers + 2) * NO_ANSWER_SECONDS * 1000)
    command = [str(newman), "run", str(path), "--env-var", f"baseUrl={base_url}"]
    command += ["--env-var", f"noAnswerMs={int(NO_ANSWER_SECONDS * 1000)}"]
    command += ["--timeout-request", str(timeout_ms), "--color", "off"]
    command += ["--reporters", "cli,json", "--reporter-json-export", str(report)]
    returncode, output = _run(command, where, _environment(NO_COLOR="1"))
    failed: set[str] = set()
    if report.is_file():
        for failure in json.loads(report.read_text(encoding="utf-8"))["run"]["failures"]:
            parent = failure.get("parent") or {}
            failed.add(str(parent.get("name") or failure.get("source", {}).get("name")))
    return Run(returncode, output, frozenset(failed))


def have_curl() -> bool:
    return shutil.which("curl") is not None and shutil.which("bash") is not None
