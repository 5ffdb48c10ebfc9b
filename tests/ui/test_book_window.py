"""The project book in the window, through real widgets: against a real Secret Service
(gnome-keyring-daemon on a private D-Bus session, as tests/book does; skipped where it cannot
run), without any keyring, and without secrets at all. The dialogs are answered through their
``ask`` classmethods; the dialog itself is driven with real clicks."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import keyring.core
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
)
from pytestqt.qtbot import QtBot

from tests.book.secret_service import (
    SecretServiceMissing,
    Session,
    base_env,
    files_holding,
    secret_service,
)
from tiledesk_jwt_gui.core import (
    BookEntry,
    load_book,
    remember_project,
    secret_fingerprint,
    secret_key,
    sign_token,
    tiledesk_claims,
)
from tiledesk_jwt_gui.ui import InspectorWindow
from tiledesk_jwt_gui.ui.document.book import ProjectBook
from tiledesk_jwt_gui.ui.panes.book_pane import BookPane
from tiledesk_jwt_gui.ui.widgets.project_dialog import ForgetDialog, ProjectAnswer, ProjectDialog

from .conftest import NOW, FakeClock, child

PROJECT = "65a1b2c3d4e5f60718293a4b"
OTHER = "64f0c1d2e3a4b5c6d7e8f901"
SECRET = "window-book-secret-3c9e1a7f-5b2d-4e6a-8f0c"
NEW_SECRET = "window-book-secret-rotated-7d6c5b4a3f2e1d0c"
TYPED = "a-secret-the-person-typed-0123456789abcdef"


def token(project: str = PROJECT, secret: str = SECRET) -> str:
    claims = tiledesk_claims(project, user_id="7", now=NOW - 100, expires_in=3600)
    return sign_token(None, claims, secret_key(secret), "HS256")


def set_keyring_env(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    """Point this process (HOME, XDG folders, D-Bus) where ``env`` says, and make ``keyring``
    choose its backend again there."""
    for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"):
        monkeypatch.setenv(name, env[name])
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", env["DBUS_SESSION_BUS_ADDRESS"])
    monkeypatch.delenv("TILEDESK_JWT_CONFIG_DIR", raising=False)
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)


@pytest.fixture
def session(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Session]:
    try:
        with secret_service(tmp_path / "home") as running:
            set_keyring_env(monkeypatch, running.env)
            yield running
    except SecretServiceMissing as exc:
        pytest.skip(f"no Secret Service for the window's book tests: {exc}")


def open_window(qtbot: QtBot, home: Path) -> InspectorWindow:
    """A window as the app makes one, with its settings under ``home``."""
    settings = QSettings(str(home / "settings.ini"), QSettings.Format.IniFormat)
    window = InspectorWindow(settings, clock=FakeClock(NOW))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    child(window, QAction, "bookTabAction").trigger()
    return window


def settle(qtbot: QtBot, window: InspectorWindow) -> None:
    qtbot.waitUntil(lambda: not ProjectBook.of(window.document).busy, timeout=30_000)


def items(window: InspectorWindow) -> list[QTreeWidgetItem]:
    tree = child(window, QTreeWidget, "bookList")
    found = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return [item for item in found if item is not None]


def rows(window: InspectorWindow) -> list[list[str]]:
    return [[item.text(c) for c in range(item.columnCount())] for item in items(window)]


def select(window: InspectorWindow, name: str) -> None:
    (item,) = items(window)
    assert item.text(0) == name
    child(window, QTreeWidget, "bookList").setCurrentItem(item)


def answer_dialog(monkeypatch: pytest.MonkeyPatch, answer: ProjectAnswer | None) -> list[object]:
    """Answer the project dialog with ``answer``; what it was asked is recorded."""
    asked: list[object] = []

    def ask(_cls: object, _parent: object, /, **given: object) -> ProjectAnswer | None:
        asked.append(given)
        return answer

    monkeypatch.setattr(ProjectDialog, "ask", classmethod(ask))
    return asked


def notice(window: InspectorWindow) -> str:
    return child(window, QLabel, "bookNoticeLabel").text()


def test_a_secret_remembered_in_the_keyring_signs_in_after_a_restart_then_is_forgotten(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = open_window(qtbot, session.home)
    answer_dialog(monkeypatch, ProjectAnswer("Staging", PROJECT, "", SECRET, keep_secret=True))
    child(first, QPushButton, "bookAddButton").click()
    settle(qtbot, first)
    assert rows(first) == [
        ["Staging", PROJECT, "https://api.tiledesk.com/v3/", secret_fingerprint(SECRET), ""]
    ]
    assert child(first, QLabel, "bookProblemLabel").text() == ""
    # Every keyring call ran on the book's worker, never on the GUI thread.
    assert ProjectBook.of(first.document).worker.threads_used
    assert threading.get_ident() not in ProjectBook.of(first.document).worker.threads_used
    first.close()

    # A new window on the same HOME: the pasted token picks its project and its secret.
    second = open_window(qtbot, session.home)
    child(second, QToolButton, "secretRevealButton").click()  # revealed before: masked after
    second.document.paste_token(token())
    qtbot.waitUntil(lambda: second.badge.text() == "Signature Verified", timeout=30_000)
    assert second.verdict is not None
    assert second.verdict.accepted
    secret_edit = child(second, QLineEdit, "secretEdit")
    assert secret_edit.text() == SECRET
    assert secret_edit.echoMode() is QLineEdit.EchoMode.Password
    assert notice(second).startswith(
        f"Secret of “Staging” ({secret_fingerprint(SECRET)}) loaded from the system keyring"
    )
    assert SECRET not in notice(second)
    assert threading.get_ident() not in ProjectBook.of(second.document).worker.threads_used

    # A token of another project clears the notice and loads nothing.
    second.document.paste_token(token(OTHER, "another-projects-secret-0123456789abcdef"))
    assert not child(second, QLabel, "bookNoticeLabel").isVisible()
    assert secret_edit.text() == SECRET

    # Forget (confirmed): the secret leaves the keyring, the project the book.
    settle(qtbot, second)
    select(second, "Staging")
    monkeypatch.setattr(ForgetDialog, "ask", classmethod(lambda cls, *a: True))
    child(second, QPushButton, "bookForgetButton").click()
    settle(qtbot, second)
    assert rows(second) == []
    assert (
        session.python(
            "import keyring; print(keyring.get_password('tiledesk-jwt-gui', 'Staging'))"
        ).stdout.strip()
        == "None"
    )
    second.close()

    # Nothing secret anywhere under HOME (settings, book, caches) nor on the clipboard.
    assert (session.home / ".config" / "tiledesk-jwt-gui" / "projects.json").is_file()
    assert (session.home / "settings.ini").is_file()
    for encoded in (SECRET.encode("utf-8"), SECRET.encode("utf-16-le")):
        assert files_holding(session.home, encoded) == []
    assert SECRET not in QGuiApplication.clipboard().text()


def test_a_typed_secret_is_not_replaced_without_asking_and_a_new_secret_leaves_a_note(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, session.home)
    answer_dialog(monkeypatch, ProjectAnswer("Staging", PROJECT, "", SECRET, keep_secret=True))
    child(window, QPushButton, "bookAddButton").click()
    settle(qtbot, window)
    child(window, QToolButton, "secretClearButton").click()
    QTest.keyClicks(child(window, QLineEdit, "secretEdit"), TYPED)
    window.document.paste_token(token())
    assert "The secret field holds one you typed" in notice(window)
    load = child(window, QPushButton, "bookLoadSecretButton")
    assert load.isVisible()
    assert window.document.keyring.secret_text == TYPED
    load.click()
    qtbot.waitUntil(lambda: window.badge.text() == "Signature Verified", timeout=30_000)
    assert window.document.keyring.secret_text == SECRET

    # Edit: a new secret replaces the stored one, and the list says when.
    select(window, "Staging")
    asked = answer_dialog(
        monkeypatch, ProjectAnswer("Staging", PROJECT, "", NEW_SECRET, keep_secret=True)
    )
    child(window, QPushButton, "bookEditButton").click()
    settle(qtbot, window)
    assert isinstance(asked[0], dict)
    entry = asked[0]["entry"]
    assert isinstance(entry, BookEntry)
    assert entry.name == "Staging"
    assert asked[0]["window_secret"] == SECRET
    (row,) = rows(window)
    assert row[3] == secret_fingerprint(NEW_SECRET)
    assert row[4].startswith("secret changed on ")

    # Edit again, unticked: the secret leaves the keyring and the project stays.
    select(window, "Staging")
    answer_dialog(monkeypatch, ProjectAnswer("Staging", PROJECT, "", "", keep_secret=False))
    child(window, QPushButton, "bookEditButton").click()
    settle(qtbot, window)
    assert rows(window)[0][3] == "no secret stored"
    assert (
        session.python(
            "import keyring; print(keyring.get_password('tiledesk-jwt-gui', 'Staging'))"
        ).stdout.strip()
        == "None"
    )


def test_without_a_keyring_the_secret_is_refused_in_words_and_written_nowhere(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    env = base_env(home)
    env["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={tmp_path / 'no-bus-here'}"
    set_keyring_env(monkeypatch, env)
    window = open_window(qtbot, home)
    answer_dialog(monkeypatch, ProjectAnswer("Staging", PROJECT, "", SECRET, keep_secret=True))
    child(window, QPushButton, "bookAddButton").click()
    settle(qtbot, window)
    problem = child(window, QLabel, "bookProblemLabel")
    assert problem.isVisible()
    assert problem.text().startswith("“Staging” not remembered: no system keyring is available")
    assert "Untick “Remember the secret”" in problem.text()
    assert rows(window) == []
    # Unticked, the project is remembered without its secret.
    answer_dialog(monkeypatch, ProjectAnswer("Staging", PROJECT, "", "", keep_secret=False))
    child(window, QPushButton, "bookAddButton").click()
    settle(qtbot, window)
    assert rows(window) == [
        ["Staging", PROJECT, "https://api.tiledesk.com/v3/", "no secret stored", ""]
    ]
    assert not problem.isVisible()
    window.close()
    assert files_holding(home, SECRET.encode("utf-8")) == []


def test_use_sets_the_project_and_a_book_without_secrets_never_reads_the_keyring(
    qtbot: QtBot, own_book: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book_file = own_book / "projects.json"
    remember_project("Production", OTHER, server="https://td.example/api", path=book_file)
    window = open_window(qtbot, own_book)
    assert rows(window) == [
        ["Production", OTHER, "https://td.example/api/", "no secret stored", ""]
    ]
    select(window, "Production")
    child(window, QPushButton, "bookUseButton").click()
    assert window.document.draft.project_text == OTHER
    assert "has no secret in the keyring" in notice(window)
    window.document.paste_token(token(OTHER))
    assert ProjectBook.of(window.document).worker.threads_used == set()  # no keyring call at all
    child(window, QToolButton, "bookNoticeCloseButton").click()
    assert not child(window, QLabel, "bookNoticeLabel").isVisible()
    # The dialog is offered the window's project and the copy bar's server; nothing secret
    # (the demo secret is not "the window's secret").
    asked = answer_dialog(monkeypatch, None)
    window.document.load_sample()
    child(window, QLineEdit, "serverBaseEdit").setText("https://self.example/api")
    child(window, QPushButton, "bookAddButton").click()
    assert asked == [
        {
            "entry": None,
            "project_id": window.document.draft.project().token_project,
            "server": "https://self.example/api",
            "window_secret": "",
        }
    ]
    assert [entry.name for entry in load_book(book_file).entries] == ["Production"]


def test_the_project_dialog_through_its_widgets(qtbot: QtBot) -> None:
    dialog = ProjectDialog(None, entry=None, project_id="", window_secret=TYPED)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    keep = child(dialog, QCheckBox, "rememberSecretCheck")
    secret = child(dialog, QLineEdit, "projectSecretEdit")
    problem = child(dialog, QLabel, "projectDialogProblem")
    assert not keep.isChecked()  # never ticked by default
    assert not secret.isEnabled()
    assert not ok.isEnabled()
    QTest.keyClicks(child(dialog, QLineEdit, "projectNameEdit"), "Staging")
    QTest.keyClicks(
        child(dialog, QLineEdit, "projectIdDialogEdit"),
        f"https://panel.tiledesk.com/v3/dashboard/#/project/{PROJECT}/home",
    )
    assert ok.isEnabled()
    keep.click()
    assert not ok.isEnabled()
    assert "Type the secret to remember" in problem.text()
    child(dialog, QPushButton, "takeWindowSecretButton").click()
    assert secret.text() == TYPED
    assert secret.echoMode() is QLineEdit.EchoMode.Password
    assert ok.isEnabled()
    server = child(dialog, QLineEdit, "projectServerEdit")
    server.setText("ftp://x")
    assert not ok.isEnabled()
    assert "must start with http" in problem.text()
    server.setText("http://127.0.0.1:3000/api")
    answer = dialog.answer()
    assert answer == ProjectAnswer(
        "Staging", PROJECT, "http://127.0.0.1:3000/api/", TYPED, keep_secret=True
    )
    assert TYPED not in repr(answer)


def test_the_book_pane_alone_shows_a_damaged_book_in_words(qtbot: QtBot, own_book: Path) -> None:
    from tiledesk_jwt_gui.ui.document import InspectorDocument
    from tiledesk_jwt_gui.ui.style.tones import tones_for

    own_book.mkdir(parents=True, exist_ok=True)
    (own_book / "projects.json").write_text("<b>not json</b>", "utf-8")
    document = InspectorDocument(clock=FakeClock(NOW))
    pane = BookPane(document, tones_for(QGuiApplication.palette()))
    qtbot.addWidget(pane)
    label = child(pane, QLabel, "bookProblemLabel")
    assert label.text().startswith("the book ")
    assert "is not JSON" in label.text()
    assert label.textFormat().name == "PlainText"
