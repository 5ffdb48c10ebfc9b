"""A stand-in Tiledesk on 127.0.0.1 that answers each request the way a suite's expected flow
says (keyed by the Authorization value), and records what it received.

The exports' pass/fail runs go against the real server code (``conftest.tiledesk_server``);
this stand-in stays for what the real server cannot tell: that an export sends exactly the
widget's requests, header for header and byte for byte, in the widget's order
(``conftest.recording_stand_in``).
"""

from __future__ import annotations

import contextlib
import json
import select
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Final

from tiledesk_jwt_gui.core import Call, QACase, Step, Suite

BASE_PATH: Final = "/api/v3"
HOLD_LIMIT_S: Final = 60.0


@dataclass(frozen=True)
class Received:
    """One request as the server got it (``path`` relative to the API's base URL)."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Target:
    """A Tiledesk to run exports against: its base URL, and what it received when it can tell
    (``None`` for a server that does not record)."""

    base_url: str
    received: list[Received] | None


_ANSWERS: Final[dict[Call, dict[str, Any]]] = {
    Call.CHAT21: {"token": "a chat21 token", "userid": "qa"},
    Call.PROJECT: {"requests": [], "count": 0, "perPage": 40},
}


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, suite: Suite) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.cases = {case.authorization: case for case in suite.cases}
        self.received: list[Received] = []
        self.lock = threading.Lock()
        self.stopping = threading.Event()

    def step_for(self, record: Received) -> tuple[QACase, Step] | None:
        case = self.cases.get(record.headers.get("authorization", ""))
        if case is None:
            return None
        for step in case.expected.flow:
            if (step.method, step.path) == (record.method, record.path):
                return case, step
        return None


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def do_GET(self) -> None:
        self._answer()

    def do_POST(self) -> None:
        self._answer()

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        path = self.path[len(BASE_PATH) :] if self.path.startswith(BASE_PATH) else self.path
        headers = {name.lower(): value for name, value in self.headers.items()}
        record = Received(self.command, path, headers, body)
        with self.server.lock:
            self.server.received.append(record)
        found = self.server.step_for(record)
        self.close_connection = True
        if found is None:
            self._send(404, {"msg": "not a request of the suite"})
            return
        case, step = found
        if step.status is None:
            self._hold()
            return
        answer: dict[str, Any] = {"success": step.status == 200}
        if step.call is Call.SIGNIN and step.status == 200:
            answer["token"] = case.authorization
            answer["user"] = {"_id": "qa", "firstname": "QA"}
        elif step.status == 200:
            answer = _ANSWERS[step.call]
        self._send(step.status, answer)

    def _send(self, status: int, answer: dict[str, Any]) -> None:
        data = json.dumps(answer).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(data)

    def _hold(self) -> None:
        """No answer: wait until the client gives up (or the server stops)."""
        connection: socket.socket = self.connection
        waited = 0.0
        while waited < HOLD_LIMIT_S and not self.server.stopping.is_set():
            readable, _, _ = select.select([connection], [], [], 0.1)
            waited += 0.1
            if readable:
                try:
                    if not connection.recv(1, socket.MSG_PEEK):
                        return  # the client closed its end
                except OSError:
                    return


@contextlib.contextmanager
def serving(suite: Suite) -> Iterator[Target]:
    """The stand-in Tiledesk for ``suite``, for the time of the ``with`` block."""
    server = _Server(suite)
    thread = threading.Thread(target=server.serve_forever, name="fake-tiledesk", daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield Target(f"http://{host!s}:{port}{BASE_PATH}", server.received)
    finally:
        server.stopping.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
