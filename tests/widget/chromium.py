"""Headless Chromium driven over the DevTools protocol through a pipe (no extra library).

``--remote-debugging-pipe`` makes Chromium read protocol messages from fd 3 and write them to
fd 4, each a JSON object ended by a NUL byte. A fresh profile directory per browser, no
background networking, no component updates: the browser talks only to what the page asks.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Any, Final

FLAGS: Final = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-dev-shm-usage",
    "--remote-debugging-pipe",
)
CANDIDATES: Final = ("chromium", "chromium-browser", "google-chrome")


class BrowserMissing(Exception):
    """No Chromium here; the message says what to install."""


def find_chromium() -> str:
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    raise BrowserMissing("chromium is not on PATH (Debian package chromium; make test-deps)")


class Chromium:
    """One headless browser showing ``url`` (loaded when the constructor returns);
    ``evaluate`` runs JavaScript in it."""

    def __init__(self, url: str, timeout: float = 30.0) -> None:
        self._timeout = timeout
        self._profile = tempfile.TemporaryDirectory(prefix="tiledesk-chromium-")
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        command = [
            find_chromium(),
            *FLAGS,
            f"--user-data-dir={self._profile.name}",
            "about:blank",
        ]
        # bash (dash takes single-digit descriptors only) moves the pipe ends where Chromium
        # expects them, then becomes it.
        script = f'exec "$@" 3<&{to_browser_r} 4>&{from_browser_w}'
        self._process = subprocess.Popen(
            ["bash", "-c", script, "bash", *command],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            pass_fds=(to_browser_r, from_browser_w),
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next_id = 0
        self._session = self._attach()
        self.call("Page.navigate", {"url": url}, self._session)
        self.wait_for(f"location.href === {json.dumps(url)} && document.readyState === 'complete'")

    def __enter__(self) -> Chromium:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._send("Browser.close", {})
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(timeout=10)
        if self._process.stderr is not None:
            self._process.stderr.close()
        for fd in (self._to_browser, self._from_browser):
            with contextlib.suppress(OSError):
                os.close(fd)
        self._profile.cleanup()

    def _send(self, method: str, params: dict[str, Any], session: str | None = None) -> int:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session is not None:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode("utf-8") + b"\0")
        return self._next_id

    def _receive(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("Chromium did not answer in time")
            ready, _, _ = select.select([self._from_browser], [], [], left)
            if not ready:
                continue
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                raise ConnectionError("Chromium closed its pipe (did it start?)")
            self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b"\0")
        message: dict[str, Any] = json.loads(raw)
        return message

    def call(self, method: str, params: dict[str, Any], session: str | None = None) -> Any:
        """Send one command and wait for its answer (events on the way are dropped)."""
        wanted = self._send(method, params, session)
        deadline = time.monotonic() + self._timeout
        while True:
            message = self._receive(deadline)
            if message.get("id") != wanted:
                continue
            if "error" in message:
                raise RuntimeError(f"{method}: {message['error']}")
            return message.get("result", {})

    def _attach(self) -> str:
        deadline = time.monotonic() + self._timeout
        while True:
            targets = self.call("Target.getTargets", {})["targetInfos"]
            pages = [t for t in targets if t.get("type") == "page"]
            if pages:
                attached = self.call(
                    "Target.attachToTarget", {"targetId": pages[0]["targetId"], "flatten": True}
                )
                return str(attached["sessionId"])
            if time.monotonic() > deadline:
                raise TimeoutError("Chromium opened no page")
            time.sleep(0.1)

    def evaluate(self, expression: str) -> Any:
        """The value of ``expression`` in the page (awaited when it is a promise)."""
        result = self.call(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
            self._session,
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"the page threw: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str) -> Any:
        """Poll ``expression`` until it is truthy; return its value."""
        deadline = time.monotonic() + self._timeout
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise TimeoutError(f"the page never made this true: {expression}")
            time.sleep(0.1)


def file_url(path: Path) -> str:
    return path.resolve().as_uri()
