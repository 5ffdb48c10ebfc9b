"""The two promises, proved on a whole session of the real app (tests/ui/scripted_session.py,
run once in a child process whose HOME, XDG_* folders and TMPDIR are fresh folders here):

* offline: no socket, no URL, no process started, Qt's network module never loaded, no TCP or
  UDP socket held at the end;
* secret hygiene: after typing, verifying, composing, copying in every way, revealing, a failing
  slot, clearing and closing, the secret is in no file under the user's folders, in no log line
  or Qt message, in no error dialog, and was never on the clipboard, in any of its forms.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = ("home", "config", "cache", "data", "state", "runtime", "tmp")


@dataclass(frozen=True)
class SessionRun:
    secret: str
    report: dict[str, Any]
    output: str
    folders: dict[str, Path]


def forms(secret: str) -> list[bytes]:
    """The secret as text and in the encodings a leak could take."""
    data = secret.encode()
    standard, urlsafe = base64.b64encode(data), base64.urlsafe_b64encode(data)
    return [
        data,
        secret.encode("utf-16-le"),
        secret.encode("utf-16-be"),
        standard,
        standard.rstrip(b"="),
        urlsafe.rstrip(b"="),
        data.hex().encode(),
        data.hex().upper().encode(),
    ]


def leaks(secret: str, blob: bytes) -> list[bytes]:
    return [form for form in forms(secret) if form in blob]


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> SessionRun:
    root = tmp_path_factory.mktemp("session")
    folders = {name: root / name for name in FOLDERS}
    for folder in folders.values():
        folder.mkdir()
    folders["runtime"].chmod(0o700)
    secret = str(uuid.uuid4())  # fresh each run, shaped like a Tiledesk project secret
    env = {key: value for key, value in os.environ.items() if key in ("PATH", "LANG", "LC_ALL")}
    env |= {
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(folders["home"]),
        "XDG_CONFIG_HOME": str(folders["config"]),
        "XDG_CACHE_HOME": str(folders["cache"]),
        "XDG_DATA_HOME": str(folders["data"]),
        "XDG_STATE_HOME": str(folders["state"]),
        "XDG_RUNTIME_DIR": str(folders["runtime"]),
        "TMPDIR": str(folders["tmp"]),
        "SESSION_SECRET": secret,
    }
    report_path = root / "report.json"
    result = subprocess.run(
        [sys.executable, "-m", "tests.ui.scripted_session", str(report_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report: dict[str, Any] = json.loads(report_path.read_text(encoding="utf-8"))
    return SessionRun(secret, report, result.stdout + result.stderr, folders)


def test_the_session_ran_to_the_end(session: SessionRun) -> None:
    report = session.report
    assert report["failures"] == []
    assert report["exit_code"] == 0
    assert report["steps"][-1] == "close"


def test_the_session_never_touched_the_network(session: SessionRun) -> None:
    report = session.report
    assert report["audit_events"] == []  # no socket, URL, mail, browser or process
    assert report["qt_network_modules"] == []
    assert report["inet_sockets"] == []


def test_the_secret_left_no_trace(session: SessionRun) -> None:
    secret, report = session.secret, session.report
    settings = list(session.folders["config"].rglob("*.conf"))
    assert settings, "the real settings were written where XDG_CONFIG_HOME points"
    assert "5c81593adf767b0017d1aa68" in settings[0].read_text(encoding="utf-8")
    scanned = 0
    for folder in session.folders.values():
        for path in folder.rglob("*"):
            if path.is_file():
                scanned += 1
                assert leaks(secret, path.read_bytes()) == [], path
    assert scanned >= 1
    assert leaks(secret, session.output.encode()) == []  # logs and Qt messages
    assert "[secret removed]" in session.output  # the failing slot was logged, scrubbed
    assert len(report["dialogs"]) == 1
    assert leaks(secret, json.dumps(report["dialogs"]).encode()) == []
    assert leaks(secret, "\n".join(report["qt_messages"]).encode()) == []
    assert len(report["clipboard"]) >= 13
    for text in report["clipboard"]:
        assert leaks(secret, text.encode()) == []
