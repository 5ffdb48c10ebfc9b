"""Render the README's pictures of the Code tab and the project book (offscreen).

    .venv/bin/python assets/render_integration_shots.py [--dark] [--out assets]

The book picture shows a secret loaded from a real Secret Service: the script starts
gnome-keyring-daemon on a private D-Bus session in a throw-away HOME (as the book tests do,
``tests/book/secret_service.py``), so it needs ``dbus-run-session`` and ``gnome-keyring``.
Nothing touches the user's own keyring, settings or book. The secret is a made-up one.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.book.secret_service import secret_service  # noqa: E402
from tiledesk_jwt_gui.core import (  # noqa: E402
    KeyringStore,
    remember_project,
    secret_key,
    sign_token,
    tiledesk_claims,
)
from tiledesk_jwt_gui.ui.document.book import ProjectBook  # noqa: E402
from tiledesk_jwt_gui.ui.window.main_window import InspectorWindow, scratch_settings  # noqa: E402
from tiledesk_jwt_gui.ui.window.screenshot import dark_palette  # noqa: E402

STAGING = "65a1b2c3d4e5f60718293a4b"
SECRET = "made-up-staging-secret-5d1c9e3b-7a2f-4c8e"  # noqa: S105 (made up)
SIZE = (1100, 720)


def settle(app: QApplication, window: InspectorWindow) -> None:
    for _ in range(200):
        app.processEvents()
        if not ProjectBook.of(window.document).busy and not window.document.busy:
            break
    for _ in range(5):
        app.processEvents()


def render(out: Path, *, dark: bool) -> None:
    app = QApplication.instance() or QApplication(["tiledesk-jwt-gui"])
    assert isinstance(app, QApplication)
    app.setStyle("Fusion")
    if dark:
        app.setPalette(dark_palette())
    suffix = "-dark" if dark else ""
    with (
        tempfile.TemporaryDirectory(prefix="tiledesk-shots-") as scratch,
        secret_service(Path(scratch) / "home") as session,
    ):
        for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR"):
            os.environ[name] = session.env[name]
        os.environ["DBUS_SESSION_BUS_ADDRESS"] = session.env["DBUS_SESSION_BUS_ADDRESS"]
        os.environ.pop("TILEDESK_JWT_CONFIG_DIR", None)
        store = KeyringStore()
        remember_project(
            "Staging",
            STAGING,
            server="https://tiledesk.example.com/api/",
            secret=SECRET,
            store=store,
        )
        remember_project("Production", "64f0c1d2e3a4b5c6d7e8f901", store=store)
        window = InspectorWindow(scratch_settings(scratch))
        window.resize(*SIZE)
        window.show()
        claims = tiledesk_claims(
            STAGING,
            user_id="42",
            email="ada@example.com",
            firstname="Ada",
            lastname="Lovelace",
            expires_in=3600,
        )
        window.document.paste_token(sign_token(None, claims, secret_key(SECRET), "HS256"))
        window.integration.book_tab.trigger()
        settle(app, window)
        window.grab().save(str(out / f"project-book{suffix}.png"))
        window.integration.code_tab.trigger()
        settle(app, window)
        window.grab().save(str(out / f"code-tab{suffix}.png"))
        window.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--out", type=Path, default=ROOT / "assets")
    args = parser.parse_args()
    render(args.out, dark=args.dark)
    return 0


if __name__ == "__main__":
    sys.exit(main())
