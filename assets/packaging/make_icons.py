"""Render ``assets/icon.svg`` into every icon the packages need, so that nobody draws them by hand.

    QT_QPA_PLATFORM=offscreen python assets/packaging/make_icons.py   (or: make icons)

Writes, from the one SVG source, with QtSvg:

- ``assets/icon.ico``: the Windows executable icon, 16 to 256 px (PNG-compressed entries);
- ``assets/icon.icns``: the macOS app icon, 16 to 1024 px (PNG entries, the ``ic07``… types);
- ``assets/packaging/icons/tiledesk-jwt-gui-<size>.png``: the Linux icon-theme sizes, for a
  ``.desktop`` entry.

The window's run-time icon is not written here: the window loads ``tiledesk_jwt_gui/resources/``
(the SVG itself and a 256 px PNG, see ``assets/render_icon.py``).

The containers are written with ``struct`` rather than Qt's writers so that the output is the
same bytes on every run and every platform with the same Qt (``--check`` compares).
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

ASSETS = Path(__file__).resolve().parent.parent
SVG = ASSETS / "icon.svg"
PNG_DIR = ASSETS / "packaging" / "icons"
PNG_NAME = "tiledesk-jwt-gui-{size}.png"

ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
# Apple's PNG-carrying icon types: (type, pixel size). ic11…ic14 are the @2x variants.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


class Renderer:
    """Renders the SVG to PNG bytes at a pixel size, once per size."""

    def __init__(self, svg: Path) -> None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        self._app = QGuiApplication.instance() or QGuiApplication(["make_icons"])
        self._svg = QSvgRenderer(str(svg))
        if not self._svg.isValid():
            raise SystemExit(f"{svg} is not a valid SVG")
        self._cache: dict[int, bytes] = {}

    def png(self, size: int) -> bytes:
        if size not in self._cache:
            self._cache[size] = self._render(size)
        return self._cache[size]

    def _render(self, size: int) -> bytes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        self._svg.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QImageWriter(buffer, QByteArray(b"png"))
        if not writer.write(image.convertToFormat(QImage.Format.Format_ARGB32)):
            raise SystemExit(f"cannot encode the {size} px PNG: {writer.errorString()}")
        buffer.close()
        return bytes(data.data())


def ico_bytes(images: Iterable[tuple[int, bytes]]) -> bytes:
    """An ICO file with one PNG-compressed entry per (size, png) (Windows Vista and later)."""
    entries = list(images)
    offset = 6 + 16 * len(entries)
    header = struct.pack("<HHH", 0, 1, len(entries))
    directory = b""
    for size, png in entries:
        side = 0 if size >= 256 else size  # 0 means 256 in the one-byte fields
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
    return header + directory + b"".join(png for _, png in entries)


def icns_bytes(images: Iterable[tuple[bytes, bytes]]) -> bytes:
    """An ICNS file with one PNG entry per (type, png)."""
    body = b"".join(kind + struct.pack(">I", 8 + len(png)) + png for kind, png in images)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def outputs(svg: Path = SVG) -> dict[Path, bytes]:
    """Every file this script writes, with its contents."""
    renderer = Renderer(svg)
    files = {
        ASSETS / "icon.ico": ico_bytes((size, renderer.png(size)) for size in ICO_SIZES),
        ASSETS / "icon.icns": icns_bytes((kind, renderer.png(size)) for kind, size in ICNS_TYPES),
    }
    for size in PNG_SIZES:
        files[PNG_DIR / PNG_NAME.format(size=size)] = renderer.png(size)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if a file is missing or stale"
    )
    args = parser.parse_args(argv)
    stale = []
    for path, data in outputs().items():
        if path.exists() and path.read_bytes() == data:
            continue
        stale.append(path)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    for path in stale:
        verb = "stale" if args.check else "wrote"
        print(f"{verb}: {path.relative_to(ASSETS.parent)}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
