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

from tests.npm_cache import NpmUnavailable, npm_packages

HERE: Final = Path(__file__).resolve().parent
REPO_ROOT: Final = HERE.parents[1]
STANDINS: Final = HERE / "standins"
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


def node_modules() -> Path:
    """jsonwebtoken from the npm registry (``tests/npm_cache.py``), installed once."""
    _need("node", "nodejs")
    _need("npm", "npm")
    try:
        return npm_packages("node-samples", {"jsonwebtoken": JSONWEBTOKEN}) / "node_modules"
    except NpmUnavailable as exc:
        raise ToolMissing(f"jsonwebtoken@{JSONWEBTOKEN} from npm: {exc}") from exc


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
