"""tiledesk-server 2.19.16's own code, installed from npm and run as the test oracle.

``ensure_server()`` installs, once, into ``.cache/tiledesk-server-2.19.16`` (or
``$TILEDESK_JWT_SERVER_CACHE``): the published tarball (``npm pack``, its sha1 checked),
unpacked as ``package/``, and beside it the packages of the server's own lock that the sign-in
path loads (``tests/interop/tiledesk-server-2.19.16/``, installed with ``npm ci
--ignore-scripts --omit=dev --omit=optional``), under ``tests/npm_cache.py``'s file lock and
stamp, so later runs are offline.

``TiledeskServer`` keeps one ``node tiledesk_server.js`` process for a whole test session and
sends it cases in rounds; ``ListeningServer`` runs the same code as a Tiledesk that real HTTP
clients (exports, a browser) reach on 127.0.0.1; ``tiledesk_server.js`` says what runs and what
is replaced.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import subprocess
import tarfile
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final

from tests.npm_cache import NpmUnavailable, cache_lock, installed_once


class StackUnavailable(Exception):
    """tiledesk-server cannot run here; the message says why."""


MIN_NODE_MAJOR: Final = 18
PACKAGE: Final = "@tiledesk/tiledesk-server"
VERSION: Final = "2.19.16"
TARBALL_SHA1: Final = "69764f738ef7f9a4760f549cfab0998a44d4e96b"
HERE: Final = Path(__file__).resolve().parent
REPO_ROOT: Final = HERE.parents[1]
LOCK_DIR: Final = HERE / "tiledesk-server-2.19.16"
SCRIPT: Final = HERE / "tiledesk_server.js"
CACHE_ENV: Final = "TILEDESK_JWT_SERVER_CACHE"
INSTALL_TIMEOUT_S: Final = 600.0
START_TIMEOUT_S: Final = 120.0
ROUND_SIZE: Final = 400
ROUND_TIMEOUT_S: Final = 600.0

__all__ = [
    "ListeningServer",
    "StackUnavailable",
    "TiledeskServer",
    "ensure_server",
    "server_cache_dir",
]


def server_cache_dir() -> Path:
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured).expanduser().resolve()
    return REPO_ROOT / ".cache" / f"tiledesk-server-{VERSION}"


def _tools() -> tuple[str, str]:
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None:
        raise StackUnavailable("node is not on PATH (Node.js 18 or newer runs tiledesk-server)")
    if npm is None:
        raise StackUnavailable("npm is not on PATH (it installs tiledesk-server and its lock)")
    done = _run([node, "--version"], Path.cwd(), 60)
    try:
        major = int(done.stdout.strip().lstrip("v").split(".", 1)[0])
    except ValueError as exc:
        raise StackUnavailable(f"cannot read the node version from {done.stdout!r}") from exc
    if major < MIN_NODE_MAJOR:
        raise StackUnavailable(f"node {done.stdout.strip()} is too old")
    return node, npm


def _run(command: list[str], cwd: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            command, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise StackUnavailable(f"{command[0]} took longer than {timeout:.0f} s") from exc
    except OSError as exc:
        raise StackUnavailable(f"cannot run {command[0]}: {exc}") from exc


def _checked(done: subprocess.CompletedProcess[str], what: str) -> str:
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-6:]
        raise StackUnavailable(f"{what} failed (exit {done.returncode}): " + " | ".join(tail))
    return done.stdout


def _wanted_stamp() -> str:
    lock = hashlib.sha1(usedforsecurity=False)
    for name in ("package.json", "package-lock.json"):
        lock.update((LOCK_DIR / name).read_bytes())
    return f"{PACKAGE}@{VERSION} sha1 {TARBALL_SHA1} lock {lock.hexdigest()}\n"


def _install(npm: str, where: Path) -> None:
    for stale in ("package", "node_modules"):
        shutil.rmtree(where / stale, ignore_errors=True)
    packed = _checked(
        _run(
            [npm, "pack", f"{PACKAGE}@{VERSION}", "--json", "--pack-destination", str(where)],
            where,
            INSTALL_TIMEOUT_S,
        ),
        "npm pack",
    )
    try:
        filename = json.loads(packed)[0]["filename"]
    except (ValueError, LookupError, TypeError) as exc:
        raise StackUnavailable(f"npm pack printed no file name: {packed[:200]!r}") from exc
    tarball = where / filename
    digest = hashlib.sha1(tarball.read_bytes(), usedforsecurity=False).hexdigest()
    if digest != TARBALL_SHA1:
        tarball.unlink()
        raise StackUnavailable(f"{filename} has sha1 {digest}, not {TARBALL_SHA1}")
    with tarfile.open(tarball) as archive:
        archive.extractall(where, filter="data")
    tarball.unlink()
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(LOCK_DIR / name, where / name)
    _checked(
        _run(
            [
                npm,
                "ci",
                "--ignore-scripts",
                "--omit=dev",
                "--omit=optional",
                "--no-audit",
                "--no-fund",
                "--no-update-notifier",
                "--loglevel=error",
            ],
            where,
            INSTALL_TIMEOUT_S,
        ),
        "npm ci",
    )


_ready: Path | None = None


def ensure_server() -> Path:
    """Install tiledesk-server if needed (``tests/npm_cache.py``); return the harness script."""
    global _ready  # noqa: PLW0603 - one installation check per process is enough
    if _ready is not None and _ready.is_file():
        return _ready
    _, npm = _tools()
    where = server_cache_dir()
    try:
        installed_once(where, _wanted_stamp(), lambda into: _install(npm, into))
    except NpmUnavailable as exc:
        raise StackUnavailable(str(exc)) from exc
    script = where / SCRIPT.name
    content = SCRIPT.read_bytes()
    with cache_lock(where):
        if not script.is_file() or script.read_bytes() != content:
            temporary = script.with_name(script.name + ".tmp")
            temporary.write_bytes(content)
            temporary.replace(script)
    _ready = script
    return script


class TiledeskServer:
    """One long-lived harness process; ``run(cases)`` gives each case's sign-in flow."""

    def __init__(self, script: Path) -> None:
        node = shutil.which("node")
        if node is None:
            raise StackUnavailable("node is not on PATH")
        self._process = subprocess.Popen(
            [node, str(script)],
            cwd=script.parent,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
        )
        self._next_id = 0
        self._lock = threading.Lock()
        ready = self._read_line(START_TIMEOUT_S)
        if not ready.get("ready"):
            self.close()
            raise StackUnavailable(f"the tiledesk-server harness did not start: {ready!r}")

    def _read_line(self, timeout: float) -> dict[str, Any]:
        return _read_json_line(self._process, timeout, RuntimeError)

    def run(self, cases: Sequence[Mapping[str, object]]) -> list[dict[str, Any]]:
        """Each case: ``{"token", "projects", "now", "project", "global_secret"?}``."""
        results: list[dict[str, Any]] = []
        with self._lock:
            for start in range(0, len(cases), ROUND_SIZE):
                chunk = [dict(case) for case in cases[start : start + ROUND_SIZE]]
                self._next_id += 1
                assert self._process.stdin is not None
                self._process.stdin.write(
                    json.dumps({"id": self._next_id, "cases": chunk}, ensure_ascii=True) + "\n"
                )
                self._process.stdin.flush()
                answer = self._read_line(ROUND_TIMEOUT_S)
                if answer.get("id") != self._next_id or "results" not in answer:
                    raise RuntimeError(f"the harness failed: {str(answer)[:2000]}")
                got = answer["results"]
                if not isinstance(got, list) or len(got) != len(chunk):
                    raise RuntimeError("the harness answered a different number of cases")
                for result in got:
                    if result.get("faults"):
                        raise RuntimeError(f"harness fault: {result['faults']}")
                results.extend(got)
        return results

    def close(self) -> None:
        _stop(self._process)


def _stop(process: subprocess.Popen[str]) -> None:
    """Close the harness's stdin (it exits), or kill it after 10 s."""
    if process.stdin is not None:
        with contextlib.suppress(OSError):
            process.stdin.close()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    if process.stdout is not None:
        process.stdout.close()


def _read_json_line(
    process: subprocess.Popen[str], timeout: float, failure: type[Exception] = StackUnavailable
) -> dict[str, Any]:
    """The harness's next line, a JSON object; ``failure`` when none comes in ``timeout``."""
    assert process.stdout is not None
    stdout = process.stdout
    result: list[str] = []
    reader = threading.Thread(target=lambda: result.append(stdout.readline()), daemon=True)
    reader.start()
    reader.join(timeout)
    if not result or not result[0]:
        raise failure(
            f"the tiledesk-server harness gave no answer in {timeout:.0f} s "
            f"(exit code {process.poll()})"
        )
    answer = json.loads(result[0])
    if not isinstance(answer, dict):
        raise failure(f"the harness answered {answer!r}")
    return answer


class ListeningServer:
    """tiledesk-server's code serving HTTP on 127.0.0.1 (``base_url``), one database and one
    clock for every request; ``reset`` starts over with other projects, clock and an empty
    database on the same port. The secrets travel on the process's stdin, never on its
    command line."""

    def __init__(
        self, projects: Mapping[str, str], now: int, global_secret: str | None = None
    ) -> None:
        script = ensure_server()
        node = shutil.which("node")
        if node is None:
            raise StackUnavailable("node is not on PATH")
        self._process = subprocess.Popen(
            [node, str(script), "--listen"],
            cwd=script.parent,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
        )
        try:
            spec: dict[str, object] = {"projects": dict(projects), "now": now}
            if global_secret is not None:
                spec["global_secret"] = global_secret
            ready = self._send(spec)
            port = ready.get("listening")
            if not isinstance(port, int):
                raise StackUnavailable(f"the tiledesk-server harness did not listen: {ready!r}")
        except BaseException:
            _stop(self._process)
            raise
        self.base_url = f"http://127.0.0.1:{port}"

    def _send(self, spec: Mapping[str, object]) -> dict[str, Any]:
        assert self._process.stdin is not None
        self._process.stdin.write(json.dumps(spec) + "\n")
        self._process.stdin.flush()
        return _read_json_line(self._process, START_TIMEOUT_S)

    def reset(self, projects: Mapping[str, str], now: int) -> str:
        """A fresh Tiledesk (``projects``, clock at ``now``, no visitors); its base URL."""
        answer = self._send({"projects": dict(projects), "now": now})
        if answer.get("reset") is not True:
            raise RuntimeError(f"the harness did not start over: {answer!r}")
        return self.base_url

    def close(self) -> None:
        _stop(self._process)
