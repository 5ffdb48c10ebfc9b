"""The GUI entry point: application set-up, ``create_window()`` and ``main()``.

``tiledesk-jwt-gui`` opens the inspector; ``--smoke`` builds the real window, checks that the
embedded HS256 sample and freshly signed RS256 and ES256 samples verify in it, and reports by
exit code (for packaged builds, where stdout and stderr may be ``None``); ``--screenshot PATH``
renders the window offscreen to a PNG; ``--version`` prints the version. With
``TILEDESK_JWT_GUI_FIRST_FRAME=1`` set, the app quits once its first frame is painted with the
sample's verdict shown (``make bench`` times that; ``first_frame.py``).

While the window runs, an exception that escapes a slot is shown in a dialog and logged with the
secrets scrubbed out (``ui.exception_hook``); the event loop keeps going.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Sequence

# The core modules behind the first verdict, with the standard library they use, are imported
# before PySide6: after it, every import statement goes through PySide6's import hook, which
# also reads each module it has not seen before (pyside_sources.py; about 1% of the first
# frame). tests/ui/test_start_imports.py names any core module the first frame loads later.
from .core import draft as _draft  # noqa: F401
from .core import findings as _findings  # noqa: F401
from .core import judge as _judge  # noqa: F401
from .core import safe_text as _safe_text  # noqa: F401
from .core import secret_notes as _secret_notes  # noqa: F401
from .core import snippets as _snippets  # noqa: F401

# isort: split
from . import ui  # noqa: F401 (first of the Qt side: PySide6 is given the package's answers)

# isort: split
from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from .ui import InspectorWindow
from .ui.style.icons import app_icon
from .ui.widgets.signature_badge import BadgeState
from .ui.window.exception_hook import ExceptionHook
from .ui.window.main_window import scratch_settings
from .version_action import VersionAction

__all__ = ["create_window", "main", "scratch_settings", "smoke_check"]

ORGANIZATION = "tiledesk-jwt-gui"
APPLICATION = "Tiledesk JWT Inspector"


def _say(text: str, *, error: bool = False) -> None:
    """Print if there is somewhere to print to (a windowed build has no console)."""
    stream = sys.stderr if error else sys.stdout
    if stream is not None:
        print(text, file=stream)


def _configure_application(*, own_process: bool = False) -> None:
    """Names (which place the user's settings), the version and the icon. An application that
    embeds the window keeps its own names."""
    if own_process or not QCoreApplication.organizationName():
        QCoreApplication.setOrganizationName(ORGANIZATION)
        QCoreApplication.setApplicationName(APPLICATION)
        # The version is read from the package metadata only when shown (--version, About):
        # importlib.metadata costs more than a frame at start-up.
    QGuiApplication.setDesktopFileName("tiledesk-jwt-gui")
    QGuiApplication.setWindowIcon(app_icon())


def create_window(settings: QSettings | None = None) -> InspectorWindow:
    """The main window, for a running ``QApplication``. ``settings`` defaults to the user's
    (which hold the geometry, project id, profile and leeway only)."""
    if QApplication.instance() is None:
        raise RuntimeError("create_window() needs a running QApplication")
    _configure_application()
    return InspectorWindow(settings)


def _settle(window: InspectorWindow, limit: float = 20.0) -> None:
    """Let the window's worker finish (keys are read off the GUI thread)."""
    deadline = time.monotonic() + limit
    while window.document.busy and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.002)


def smoke_check(window: InspectorWindow) -> list[str]:
    """Drive the window through the embedded samples; the failures, in words (none: all good).

    The window icon must load (its files are found beside the package, also in a bundle); the
    HS256 sample must be verified and accepted as the window opens; then an RS256 and an
    ES256 token are signed with the demo keys and must verify.
    """
    failures: list[str] = []
    if window.windowIcon().pixmap(32).isNull():
        failures.append("the window icon did not load (tiledesk_jwt_gui/resources is missing)")
    verdict = window.verdict
    if window.badge.state is not BadgeState.VERIFIED or verdict is None or not verdict.accepted:
        reason = verdict.signature.summary if verdict is not None else "no verdict"
        failures.append(f"the HS256 sample does not verify: {window.badge.text()} ({reason})")
    combo = window.header_fields.alg_combo
    for algorithm in ("RS256", "ES256"):
        combo.setCurrentIndex(combo.findData(algorithm))
        window.key_panel.demo_key_button.click()
        _settle(window)
        verdict = window.verdict
        ok = (
            verdict is not None
            and window.document.draft.stale is None
            and verdict.inspection.algorithm == algorithm
            and window.badge.state is BadgeState.VERIFIED
        )
        if not ok:
            summary = verdict.signature.summary if verdict is not None else "no verdict"
            failures.append(
                f"the {algorithm} sample does not verify: {window.document.draft.stale or summary}"
            )
    return failures


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="tiledesk-jwt-gui",
        description="Offline inspector for JSON Web Tokens and Tiledesk custom authentication.",
    )
    parser.add_argument("--version", action=VersionAction, help="show the version and exit")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="build the window, check that the embedded samples verify, and exit (0: all good)",
    )
    parser.add_argument("--screenshot", metavar="PATH", help="render the window to a PNG and exit")
    parser.add_argument("--dark", action="store_true", help="with --screenshot: a dark palette")
    parser.add_argument(
        "--size", default="1000x700", metavar="WxH", help="with --screenshot: the window size"
    )
    return parser.parse_args(list(argv))


def _run_smoke(app: QApplication, window: InspectorWindow) -> int:
    """Run the smoke check from the event loop; 0 when every sample verifies."""
    outcome: list[int] = []

    def run_smoke() -> None:
        try:
            failures = smoke_check(window)
        except Exception as exc:  # report it: a build check must never hang
            failures = [f"{type(exc).__name__}: {exc}"]
        for failure in failures:
            _say(f"smoke test failed: {failure}", error=True)
        if not failures:
            _say("smoke test passed: the HS256, RS256 and ES256 samples verify")
        outcome.append(1 if failures else 0)
        window.close()
        app.quit()

    QTimer.singleShot(0, run_smoke)
    app.exec()
    return outcome[0] if outcome else 1


def _screenshot(args: argparse.Namespace) -> int:
    from .ui.window.screenshot import render_screenshot  # noqa: PLC0415 (only for --screenshot)

    width, _, height = args.size.partition("x")
    render_screenshot(args.screenshot, dark=args.dark, size=(int(width), int(height)))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app; returns the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    smoke = False
    if arguments:  # the usual start has none: argparse's first parse reads the locale (3 ms)
        try:
            args = _parse(arguments)
        except SystemExit as exc:  # --help, --version or a usage error: argparse has printed
            return exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 2
        if args.screenshot:
            return _screenshot(args)
        smoke = args.smoke
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    _configure_application(own_process=True)
    if smoke:
        with tempfile.TemporaryDirectory(prefix="tiledesk-jwt-gui-smoke-") as scratch:
            return _run_smoke(app, create_window(scratch_settings(scratch)))
    window = create_window()
    window.show()
    if os.environ.get("TILEDESK_JWT_GUI_FIRST_FRAME"):  # make bench's measuring point
        from .first_frame import quit_after_first_frame  # noqa: PLC0415

        quit_after_first_frame(window, lambda: window.badge.state is BadgeState.VERIFIED)
    with ExceptionHook(window, window.secret_texts):
        return app.exec()


if __name__ == "__main__":
    sys.exit(main())
