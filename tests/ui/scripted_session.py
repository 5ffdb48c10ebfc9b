"""A whole session in the real app, run in a child process by test_offline_and_hygiene.py:

    python -m tests.ui.scripted_session REPORT.json      (the secret in $SESSION_SECRET)

Before anything else is imported, an audit hook records every attempt at the network (and at
starting a process). Then ``tiledesk_jwt_gui.app.main()`` runs as it does for a person, with the
user's settings wherever HOME and XDG_* point, and a timer drives its window from inside the
event loop: paste a token with the paste key, type the secret, verify, compose, copy in all four
ways by button and by shortcut, paste and copy a megabyte-long token, open a key file, reveal
and hide the secret, make a slot fail, clear the secret, close. The report says what was
seen: audit events, Qt network modules, clipboard contents, dialogs, Qt messages, failures.
Python logging goes to stderr at DEBUG, so the parent sees every log line.
"""

from __future__ import annotations

import sys

NETWORK_EVENTS = (
    "socket.",
    "urllib.Request",
    "http.client.",
    "ftplib.",
    "smtplib.",
    "imaplib.",
    "poplib.",
    "nntplib.",
    "telnetlib.",
    "webbrowser.",
)
PROCESS_EVENTS = (
    "subprocess.Popen",
    "os.system",
    "os.exec",
    "os.posix_spawn",
    "os.spawn",
    "os.fork",
)
audit_events: list[str] = []


def _audit(event: str, args: tuple[object, ...]) -> None:
    if event.startswith(NETWORK_EVENTS + PROCESS_EVENTS):
        audit_events.append(event)


sys.addaudithook(_audit)

# ruff: noqa: E402 - everything below is imported under the audit hook
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMessageLogContext, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from tests.core.keys_for_tests import public_pem, rsa_private
from tiledesk_jwt_gui import app
from tiledesk_jwt_gui.core import demo_claims, secret_key, sign_token
from tiledesk_jwt_gui.ui import InspectorWindow
from tiledesk_jwt_gui.ui.widgets.open_key_dialog import OpenKeyDialog
from tiledesk_jwt_gui.ui.window.error_dialog import ErrorDialog

PROJECT = "5c81593adf767b0017d1aa68"
COPY_BUTTONS = ("copyTokenButton", "copyAuthHeaderButton", "copyWidgetCallButton", "copyCurlButton")
COPY_ACTIONS = ("copyTokenAction", "copyAuthHeaderAction", "copyWidgetCallAction", "copyCurlAction")


class Session:
    """Drives the window; collects what the report holds."""

    def __init__(self, secret: str) -> None:
        self.secret = secret
        self.clipboard: list[str] = []
        """Every text the clipboard held, in order (its dataChanged, and after each copy)."""
        self.copies: list[str] = []
        self.dialogs: list[list[str]] = []
        self.qt_messages: list[str] = []
        self.failures: list[str] = []
        self.steps: list[str] = []

    # --- helpers ------------------------------------------------------------------------

    def find(self, window: QWidget, kind: type[Any], name: str) -> Any:
        found = window.findChild(kind, name)
        if found is None:
            raise LookupError(f"no {kind.__name__} named {name}")
        return found

    def check(self, ok: bool, what: str) -> None:
        if not ok:
            self.failures.append(what)

    def wait_for(self, condition: Callable[[], bool], what: str, limit: float = 20.0) -> None:
        deadline = time.monotonic() + limit
        while not condition():
            QApplication.processEvents()
            if time.monotonic() > deadline:
                self.failures.append(f"timed out waiting for {what}")
                return

    def paste_into(self, widget: QWidget, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        if isinstance(widget, QPlainTextEdit):
            widget.selectAll()
        QTest.keySequence(widget, QKeySequence(QKeySequence.StandardKey.Paste))

    def badge(self, window: QWidget) -> str:
        return str(self.find(window, QLabel, "signatureBadge").text())

    # --- the session ----------------------------------------------------------------------

    def drive(self, window: InspectorWindow) -> None:
        window.activateWindow()
        self.check(QTest.qWaitForWindowActive(window), "the window becomes active (shortcuts)")
        token_edit = self.find(window, QPlainTextEdit, "tokenEdit")
        secret_edit = self.find(window, QLineEdit, "secretEdit")

        self.steps.append("paste")
        self.find(window, QLineEdit, "projectIdEdit").setText(PROJECT)
        claims = demo_claims(int(time.time()))
        claims["aud"] = f"https://tiledesk.com/projects/{PROJECT}"
        claims["_id"] = f"{PROJECT}_42"
        token = sign_token(None, claims, secret_key(self.secret), "HS256")
        self.paste_into(token_edit, token)
        self.check(window.token_text() == token, "the pasted token is in the pane")

        self.steps.append("verify")
        self.find(window, QToolButton, "secretClearButton").click()
        self.check(secret_edit.text() == "", "the clear button empties the secret")
        QTest.keyClicks(secret_edit, self.secret)
        self.check(self.badge(window) == "Signature Verified", "the typed secret verifies")

        self.steps.append("reveal")
        reveal = self.find(window, QToolButton, "secretRevealButton")
        reveal.click()
        reveal.click()

        self.steps.append("compose")
        QTest.keyClicks(self.find(window, QLineEdit, "claim_email"), "ada@example.com")
        self.check(window.token_text() != token, "an edit of the form re-signs the token")
        self.check(self.badge(window) == "Signature Verified", "the composed token verifies")

        self.steps.append("copy")
        for name in COPY_BUTTONS:
            self.find(window, QPushButton, name).click()
            self.copies.append(QGuiApplication.clipboard().text())
        for name in COPY_ACTIONS:
            self.find(window, QAction, name).trigger()
            self.copies.append(QGuiApplication.clipboard().text())
        for keys in ("Ctrl+Shift+C", "Ctrl+Shift+H", "Ctrl+Shift+W", "Ctrl+Shift+U"):
            QGuiApplication.clipboard().clear()
            QTest.keySequence(window, QKeySequence(keys))
            self.copies.append(QGuiApplication.clipboard().text())
        self.check(len(self.copies) == 12 and all(self.copies), "every copy way copies")
        self.check(len(set(self.copies)) == 4, "buttons, actions and shortcuts copy alike")

        self.steps.append("large paste")
        claims["notes"] = "n" * 700_000
        large = sign_token(None, claims, secret_key(self.secret), "HS256")
        self.paste_into(token_edit, large)
        self.wait_for(
            lambda: window.verdict is not None and window.verdict.inspection.original == large,
            "the large token's verdict",
        )
        self.find(window, QPushButton, "copyTokenButton").click()
        copied = QGuiApplication.clipboard().text()
        self.check(copied == large, "the whole large token is copied")
        self.copies.append(copied)
        self.find(window, QPushButton, "tokenClearButton").click()

        self.steps.append("key file")
        key_file = Path(tempfile.mkdtemp()) / "public.pem"
        key_file.write_text(public_pem(rsa_private()))
        OpenKeyDialog.ask = classmethod(lambda cls, parent, title: str(key_file))  # type: ignore[method-assign, assignment]
        combo = self.find(window, QComboBox, "algCombo")
        combo.setCurrentIndex(combo.findData("RS256"))
        self.find(window, QPushButton, "demoKeyButton").click()
        self.find(window, QPushButton, "publicKeyOpenButton").click()
        self.wait_for(lambda: not window.document.busy, "the keys to be read")
        public = self.find(window, QPlainTextEdit, "publicKeyEdit").toPlainText()
        self.check("BEGIN PUBLIC KEY" in public, "the key file is read")
        combo.setCurrentIndex(combo.findData("HS256"))
        self.check(secret_edit.text() == self.secret, "the secret is still there")

        self.steps.append("a failing slot")
        copy_bar = window.copy_bar
        secret = self.secret

        def broken(kind: str) -> str:
            raise ValueError(f"cannot copy {kind} with {secret} {secret.encode().hex()}")

        copy_bar.text_for = broken  # type: ignore[method-assign]
        self.find(window, QPushButton, "copyWidgetCallButton").click()
        del copy_bar.text_for
        self.check(len(self.dialogs) == 1, "the failing slot is reported in a dialog")

        self.steps.append("clear")
        self.find(window, QAction, "clearSecretAction").trigger()
        self.check(secret_edit.text() == "", "the clear action empties the secret")
        QTest.keyClicks(secret_edit, self.secret)

        self.steps.append("close")
        window.close()
        self.check(secret_edit.text() == "", "closing empties the secret")


def main(argv: list[str]) -> int:
    report_path = Path(argv[1])
    secret = os.environ.pop("SESSION_SECRET")
    logging.basicConfig(level=logging.DEBUG, stream=sys.stderr)
    session = Session(secret)

    def qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        session.qt_messages.append(message)
        print(f"qt: {message}", file=sys.stderr)

    qInstallMessageHandler(qt_message)

    def dialog(cls: type[ErrorDialog], parent: QWidget | None, summary: str, details: str) -> None:
        session.dialogs.append([summary, details])

    ErrorDialog.show_error = classmethod(dialog)  # type: ignore[method-assign, assignment]
    qt = QApplication(sys.argv[:1])
    clipboard = QGuiApplication.clipboard()
    clipboard.dataChanged.connect(lambda: session.clipboard.append(clipboard.text()))

    def run() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, InspectorWindow)]
        try:
            session.drive(windows[0])
        except Exception as exc:  # reported, never hanging the child
            session.failures.append(f"{type(exc).__name__} at step {session.steps[-1:]}")
            qt.quit()

    QTimer.singleShot(0, run)
    code = app.main([])
    report = {
        "exit_code": code,
        "audit_events": audit_events,
        "qt_network_modules": sorted(
            m for m in sys.modules if m.startswith(("PySide6.QtNetwork", "PySide6.QtWebEngine"))
        ),
        "inet_sockets": open_inet_sockets(),
        "clipboard": session.clipboard + session.copies + [clipboard.text()],
        "dialogs": session.dialogs,
        "qt_messages": session.qt_messages,
        "steps": session.steps,
        "failures": session.failures,
    }
    report_path.write_text(json.dumps(report), encoding="utf-8")
    return 0


def open_inet_sockets() -> list[str]:
    """The TCP and UDP sockets this process holds now (Linux; empty elsewhere)."""
    try:
        fds = list(Path("/proc/self/fd").iterdir())
    except OSError:
        return []
    ours = set()
    for fd in fds:
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            ours.add(target[len("socket:[") : -1])
    found = []
    for table in ("tcp", "tcp6", "udp", "udp6"):
        try:
            lines = Path(f"/proc/self/net/{table}").read_text().splitlines()[1:]
        except OSError:
            continue
        found += [f"{table}: {line.split()[9]}" for line in lines if line.split()[9] in ours]
    return found


if __name__ == "__main__":
    sys.exit(main(sys.argv))
