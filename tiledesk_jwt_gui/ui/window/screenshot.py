"""Render the window offscreen to a PNG (``make screenshot`` writes ``assets/screenshot.png``).

Run as ``python -m tiledesk_jwt_gui.ui.window.screenshot PATH [--dark] [--size WxH]`` or through
``tiledesk-jwt-gui --screenshot PATH``. The user's settings are not read nor written.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from .main_window import InspectorWindow, scratch_settings

__all__ = ["dark_palette", "render_screenshot"]


def dark_palette() -> QPalette:
    """A dark palette like the ones desktops use, to check the window reads well in it."""
    palette = QPalette()
    role = QPalette.ColorRole
    group = QPalette.ColorGroup
    colours = {
        role.Window: "#202124",
        role.WindowText: "#e8eaed",
        role.Base: "#17181a",
        role.AlternateBase: "#26272b",
        role.ToolTipBase: "#2b2c30",
        role.ToolTipText: "#e8eaed",
        role.PlaceholderText: "#8b8e94",
        role.Text: "#e8eaed",
        role.Button: "#2d2e32",
        role.ButtonText: "#e8eaed",
        role.BrightText: "#ffffff",
        role.Light: "#3c3d42",
        role.Midlight: "#333439",
        role.Mid: "#2a2b2f",
        role.Dark: "#111214",
        role.Shadow: "#000000",
        role.Highlight: "#3d7bd9",
        role.HighlightedText: "#ffffff",
        role.Link: "#8ab4f8",
        role.LinkVisited: "#c58af9",
    }
    for colour_role, name in colours.items():
        palette.setColor(colour_role, QColor(name))
    for colour_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, colour_role, QColor("#6f7278"))
    return palette


def render_screenshot(
    path: str, *, dark: bool = False, size: tuple[int, int] = (1000, 700)
) -> None:
    """Build the window with its sample, at ``size``, and save a PNG of it to ``path``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the application exists
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(["tiledesk-jwt-gui"])
    app.setStyle("Fusion")
    if dark:
        app.setPalette(dark_palette())
    with tempfile.TemporaryDirectory(prefix="tiledesk-jwt-gui-shot-") as scratch:
        window = InspectorWindow(scratch_settings(scratch))
        window.resize(*size)
        window.show()
        for _ in range(3):
            app.processEvents()
        window.grab().save(path)
        window.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path")
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--size", default="1000x700")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    width, _, height = args.size.partition("x")
    render_screenshot(args.path, dark=args.dark, size=(int(width), int(height)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
