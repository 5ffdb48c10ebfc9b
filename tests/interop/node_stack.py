"""Install and run the real Tiledesk verification stack (node + npm) for interop tests.

The stack is passport-jwt 4.0.1 verifying with jsonwebtoken 9.0.0, wrapped by
``server_stack.js`` (a model of tiledesk-server's ``middleware/passport.js``). It is installed
once into a cache directory and reused; nothing is installed when the wanted versions are
already there, so repeated runs are fast and work offline.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Final

if sys.platform != "win32":
    import fcntl

STACK_PACKAGES: Final[dict[str, str]] = {"passport-jwt": "4.0.1", "jsonwebtoken": "9.0.0"}

HERE: Final = Path(__file__).resolve().parent
REPO_ROOT: Final = HERE.parents[1]
SCRIPT_NAME: Final = "server_stack.js"
SCRIPT_SOURCE: Final = HERE / SCRIPT_NAME
CACHE_ENV: Final = "TILEDESK_JWT_NODE_CACHE"

MIN_NODE_MAJOR: Final = 18
INSTALL_TIMEOUT_S: Final = 300.0
PROBE_TIMEOUT_S: Final = 60.0
CHUNK_SIZE: Final = 2000
RUN_TIMEOUT_BASE_S: Final = 60.0
RUN_TIMEOUT_PER_CASE_S: Final = 0.25

_VERSION_PROBE: Final = """
const path = require('path');
const out = {};
try {
  out['passport-jwt'] = require('passport-jwt/package.json').version;
  out['jsonwebtoken'] = require('jsonwebtoken/package.json').version;
  const strategyDir = path.dirname(require.resolve('passport-jwt/package.json'));
  const inner = require.resolve('jsonwebtoken/package.json', { paths: [strategyDir] });
  out['jsonwebtoken (passport-jwt)'] = require(inner).version;
} catch (err) {
  out.error = String(err && err.message);
}
process.stdout.write(JSON.stringify(out));
"""


class StackUnavailable(Exception):
    """The node stack cannot be used here; the message says why."""


def cache_dir() -> Path:
    """Where the stack is installed: ``$TILEDESK_JWT_NODE_CACHE`` or ``.cache/node-stack``."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured).expanduser().resolve()
    return REPO_ROOT / ".cache" / "node-stack"


def _wanted_versions() -> dict[str, str]:
    wanted = dict(STACK_PACKAGES)
    wanted["jsonwebtoken (passport-jwt)"] = STACK_PACKAGES["jsonwebtoken"]
    return wanted


def _package_json() -> str:
    manifest = {
        "name": "tiledesk-jwt-gui-node-stack",
        "version": "0.0.0",
        "private": True,
        "description": "The Tiledesk verification stack, for interop tests (generated).",
        "license": "UNLICENSED",
        "dependencies": dict(STACK_PACKAGES),
        "overrides": {"jsonwebtoken": STACK_PACKAGES["jsonwebtoken"]},
    }
    return json.dumps(manifest, indent=2) + "\n"


def _tools() -> tuple[str, str]:
    node = shutil.which("node")
    npm = shutil.which("npm")
    if node is None:
        raise StackUnavailable("node is not on PATH (Node.js 20 is needed for the interop tests)")
    if npm is None:
        raise StackUnavailable("npm is not on PATH (it installs passport-jwt and jsonwebtoken)")
    return node, npm


def _check_node_version(node: str) -> None:
    try:
        done = subprocess.run(
            [node, "--version"],
            capture_output=True,
            text=True,
            timeout=PROBE_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise StackUnavailable(f"cannot run node: {exc}") from exc
    text = done.stdout.strip()
    try:
        major = int(text.lstrip("v").split(".", 1)[0])
    except ValueError as exc:
        raise StackUnavailable(f"cannot read the node version from {text!r}") from exc
    if major < MIN_NODE_MAJOR:
        raise StackUnavailable(f"node {text} is too old: {MIN_NODE_MAJOR} or newer is needed")


def _installed_versions(node: str, where: Path) -> dict[str, str]:
    if not (where / "node_modules").is_dir():
        return {}
    try:
        done = subprocess.run(
            [node, "-e", _VERSION_PROBE],
            cwd=where,
            capture_output=True,
            text=True,
            timeout=PROBE_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return {}
    try:
        found = json.loads(done.stdout or "{}")
    except json.JSONDecodeError:
        return {}
    if not isinstance(found, dict):
        return {}
    return {str(key): str(value) for key, value in found.items()}


@contextlib.contextmanager
def _locked(where: Path) -> Iterator[None]:
    """An exclusive lock on the cache, so two test processes never install at once."""
    if sys.platform == "win32":
        yield
        return
    with (where / ".lock").open("a+") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _write_if_changed(path: Path, content: bytes) -> None:
    if path.is_file() and path.read_bytes() == content:
        return
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(content)
    temporary.replace(path)


def _npm_install(npm: str, where: Path) -> None:
    command = [
        npm,
        "install",
        "--no-audit",
        "--no-fund",
        "--ignore-scripts",
        "--no-update-notifier",
        "--loglevel=error",
    ]
    try:
        done = subprocess.run(
            command,
            cwd=where,
            capture_output=True,
            text=True,
            timeout=INSTALL_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise StackUnavailable(f"npm install took longer than {INSTALL_TIMEOUT_S:.0f} s") from exc
    except OSError as exc:
        raise StackUnavailable(f"cannot run npm: {exc}") from exc
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-8:]
        raise StackUnavailable(
            f"npm install failed in {where} (exit {done.returncode}): " + " | ".join(tail)
        )


_ready: Path | None = None


def ensure_stack() -> Path:
    """Install the stack if needed; return the path of the runnable ``server_stack.js``."""
    global _ready  # noqa: PLW0603 - one installation check per process is enough
    if _ready is not None and _ready.is_file():
        return _ready
    node, npm = _tools()
    _check_node_version(node)
    where = cache_dir()
    try:
        where.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StackUnavailable(f"cannot create the cache directory {where}: {exc}") from exc
    wanted = _wanted_versions()
    with _locked(where):
        _write_if_changed(where / "package.json", _package_json().encode("utf-8"))
        if _installed_versions(node, where) != wanted:
            _npm_install(npm, where)
            found = _installed_versions(node, where)
            if found != wanted:
                raise StackUnavailable(
                    f"after npm install in {where} the stack is {found}, not {wanted}"
                )
        script = where / SCRIPT_NAME
        _write_if_changed(script, SCRIPT_SOURCE.read_bytes())
    _ready = script
    return script


def _run_chunk(node: str, script: Path, cases: Sequence[Mapping[str, object]]) -> list[object]:
    payload = json.dumps({"cases": [dict(case) for case in cases]}, ensure_ascii=True)
    timeout = RUN_TIMEOUT_BASE_S + RUN_TIMEOUT_PER_CASE_S * len(cases)
    try:
        done = subprocess.run(
            [node, str(script)],
            cwd=script.parent,
            input=payload.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise RuntimeError(f"server_stack.js took longer than {timeout:.0f} s") from exc
    stderr = done.stderr.decode("utf-8", "replace").strip()
    if done.returncode != 0:
        raise RuntimeError(f"server_stack.js failed (exit {done.returncode}): {stderr}")
    try:
        answer = json.loads(done.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RuntimeError(f"server_stack.js printed no JSON: {exc}; stderr: {stderr}") from exc
    results = answer.get("results") if isinstance(answer, dict) else None
    if not isinstance(results, list) or len(results) != len(cases):
        raise RuntimeError(f"server_stack.js answered {len(cases)} cases wrongly: {answer!r}")
    return results


def run_stack(cases: Sequence[Mapping[str, object]]) -> list[dict[str, object]]:
    """The verdict of the stack for each case, in order.

    A case is ``{"token", "projects", "now", "global_secret"?, "entity_check"?}``; other keys
    (such as ``"name"``) are ignored. A verdict is ``{"accepted", "stage", "reason"}``.
    """
    script = ensure_stack()
    node = shutil.which("node")
    if node is None:
        raise StackUnavailable("node is not on PATH")
    verdicts: list[dict[str, object]] = []
    for start in range(0, len(cases), CHUNK_SIZE):
        for raw in _run_chunk(node, script, cases[start : start + CHUNK_SIZE]):
            if not isinstance(raw, dict):
                raise RuntimeError(f"server_stack.js gave a verdict that is not an object: {raw!r}")
            verdicts.append({str(key): value for key, value in raw.items()})
    return verdicts
