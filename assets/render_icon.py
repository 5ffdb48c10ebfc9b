"""Render ``assets/icon.svg`` to ``assets/icon.png`` (256 px) with QtSvg, and copy both into
the package resources, where the window loads its icon at run time.

    QT_QPA_PLATFORM=offscreen python assets/render_icon.py
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ASSETS = Path(__file__).resolve().parent
RESOURCES = ASSETS.parent / "tiledesk_jwt_gui" / "resources"


def render(svg: Path, png: Path, size: int = 256) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the application exists
    app = QGuiApplication.instance() or QGuiApplication(["render_icon"])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    renderer.render(painter)
    painter.end()
    if not image.save(str(png)):
        raise SystemExit(f"cannot write {png}")
    del app


def main() -> int:
    svg, png = ASSETS / "icon.svg", ASSETS / "icon.png"
    render(svg, png)
    RESOURCES.mkdir(exist_ok=True)
    shutil.copyfile(svg, RESOURCES / "icon.svg")
    shutil.copyfile(png, RESOURCES / "icon.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
