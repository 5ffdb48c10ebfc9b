"""Run each language's sample with its real library where this machine has it.

Every runner takes the sample's code and the secret (given through ``TILEDESK_SECRET`` in the
environment, never as an argument) and returns what the program printed, or raises
:class:`ToolMissing` with the exact reason, for the test to skip with.

- Python: PyJWT from this virtual environment.
- Node: jsonwebtoken from npm, installed once into ``.cache/node-samples``.
- Go: Debian's ``golang-go`` and ``golang-github-golang-jwt-jwt-dev`` (golang-jwt v4), offline.
- PHP: Debian's ``php-cli``: ``php -l``, then a run against a stand-in for firebase/php-jwt's
  ``JWT::encode`` (``standins/php``): Packagist is not reachable from here.
- Java: the JDK's ``javac``/``java`` against a stand-in of the JJWT 0.12 API the sample uses
  (``standins/java``): Maven Central is not reachable from here, and Debian has no JJWT.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Final

if sys.platform != "win32":
    import fcntl

HERE: Final = Path(__file__).resolve().parent
REPO_ROOT: Final = HERE.parents[1]
STANDINS: Final = HERE / "standins"
NODE_CACHE: Final = REPO_ROOT / ".cache" / "node-samples"
GO_CACHE: Final = REPO_ROOT / ".cache" / "go-build"
JSONWEBTOKEN: Final = "9.0.2"
DEBIAN_GOLANG_JWT: Final = Path("/usr/share/gocode/src/github.com/golang-jwt/jwt")
RUN_TIMEOUT_S: Final = 240.0


class ToolMissing(Exception):
    """The language's tools or library are not on this machine; the message says which."""


def _run(
    command: list[str], cwd: Path, secret: str, extra_env: dict[str, str] | None = None
) -> str:
    env = {**os.environ, "TILEDESK_SECRET": secret, **(extra_env or {})}
    done = subprocess.run(
        command,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=RUN_TIMEOUT_S,
        check=False,
    )
    if done.returncode != 0:
        raise AssertionError(
            f"{' '.join(command)} failed (exit {done.returncode}):\n{done.stderr}\n{done.stdout}"
        )
    return done.stdout.strip()


def _need(tool: str, package: str) -> str:
    found = shutil.which(tool)
    if found is None:
        raise ToolMissing(f"{tool} is not on PATH (Debian package {package}; make test-deps)")
    return found


@contextlib.contextmanager
def _workdir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="tiledesk-sample-") as name:
        yield Path(name)


def run_python(code: str, secret: str) -> str:
    with _workdir() as where:
        (where / "tiledesk_token.py").write_text(code, encoding="utf-8")
        return _run([sys.executable, "tiledesk_token.py"], where, secret)


@contextlib.contextmanager
def _locked(where: Path) -> Iterator[None]:
    if sys.platform == "win32":
        yield
        return
    with (where / ".lock").open("a+") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def node_modules() -> Path:
    """jsonwebtoken from the npm registry, installed once (reused while the version fits)."""
    node = _need("node", "nodejs")
    npm = _need("npm", "npm")
    NODE_CACHE.mkdir(parents=True, exist_ok=True)
    manifest = NODE_CACHE / "node_modules" / "jsonwebtoken" / "package.json"
    with _locked(NODE_CACHE):
        installed = (
            json.loads(manifest.read_text("utf-8")).get("version") if manifest.is_file() else None
        )
        if installed != JSONWEBTOKEN:
            (NODE_CACHE / "package.json").write_text(
                json.dumps(
                    {"private": True, "dependencies": {"jsonwebtoken": JSONWEBTOKEN}}, indent=2
                ),
                encoding="utf-8",
            )
            done = subprocess.run(
                [npm, "install", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"],
                cwd=NODE_CACHE,
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
            )
            if done.returncode != 0:
                raise ToolMissing(f"npm install jsonwebtoken@{JSONWEBTOKEN} failed: {done.stderr}")
    del node
    return NODE_CACHE / "node_modules"


def run_node(code: str, secret: str) -> str:
    modules = node_modules()
    with _workdir() as where:
        (where / "tiledesk-token.js").write_text(code, encoding="utf-8")
        return _run(["node", "tiledesk-token.js"], where, secret, {"NODE_PATH": str(modules)})


def run_go(code: str, secret: str) -> str:
    go = _need("go", "golang-go")
    if not (DEBIAN_GOLANG_JWT / "go.mod").is_file():
        raise ToolMissing(
            f"{DEBIAN_GOLANG_JWT} is missing (Debian package golang-github-golang-jwt-jwt-dev; "
            "make test-deps)"
        )
    GO_CACHE.mkdir(parents=True, exist_ok=True)
    with _workdir() as where:
        (where / "main.go").write_text(code, encoding="utf-8")
        (where / "go.mod").write_text(
            "module tiledesksample\n\ngo 1.16\n\n"
            "require github.com/golang-jwt/jwt/v4 v4.0.0\n\n"
            f"replace github.com/golang-jwt/jwt/v4 => {DEBIAN_GOLANG_JWT}\n",
            encoding="utf-8",
        )
        offline = {
            "GOPROXY": "off",
            "GOFLAGS": "-mod=mod",
            "GOCACHE": str(GO_CACHE),
            "GOPATH": str(where / "gopath"),
            "GOTOOLCHAIN": "local",
            "CGO_ENABLED": "0",
        }
        _run([go, "build", "-o", "sample", "."], where, "", offline)
        return _run([str(where / "sample")], where, secret)


def php_lint(code: str) -> str:
    php = _need("php", "php-cli")
    with _workdir() as where:
        (where / "tiledesk-token.php").write_text(code, encoding="utf-8")
        return _run([php, "-l", "tiledesk-token.php"], where, "")


def run_php(code: str, secret: str) -> str:
    php = _need("php", "php-cli")
    with _workdir() as where:
        (where / "tiledesk-token.php").write_text(code, encoding="utf-8")
        vendor = where / "vendor"
        vendor.mkdir()
        standin = STANDINS / "php" / "Firebase" / "JWT" / "JWT.php"
        (vendor / "autoload.php").write_text(
            f"<?php\nrequire {json.dumps(str(standin))};\n", encoding="utf-8"
        )
        return _run([php, "tiledesk-token.php"], where, secret)


def run_java(code: str, secret: str) -> str:
    javac = _need("javac", "default-jdk-headless")
    java = _need("java", "default-jre-headless")
    with _workdir() as where:
        (where / "TiledeskToken.java").write_text(code, encoding="utf-8")
        sources = [str(path) for path in (STANDINS / "java").rglob("*.java")]
        classes = where / "classes"
        _run(
            [javac, "-encoding", "US-ASCII", "-d", str(classes), *sources, "TiledeskToken.java"],
            where,
            "",
        )
        return _run([java, "-cp", str(classes), "TiledeskToken"], where, secret)


RUNNERS: Final[dict[str, Callable[[str, str], str]]] = {
    "python": run_python,
    "node": run_node,
    "go": run_go,
    "php": run_php,
    "java": run_java,
}
