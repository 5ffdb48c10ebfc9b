"""The packaged icons: every format read back, every size right, all from the one SVG."""

from __future__ import annotations

import struct
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QImage, QImageReader
from PySide6.QtWidgets import QApplication

from .scripts import ROOT, load

ASSETS = ROOT / "assets"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def make_icons(qapp: QApplication) -> ModuleType:
    """The icon script, loaded once a QApplication exists (it would otherwise make a
    QGuiApplication, and widget tests after it would fail)."""
    return load("make_icons")


def png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(PNG_SIGNATURE), "not a PNG"
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk comes first
    return width, height


def parse_ico(data: bytes) -> list[tuple[int, bytes]]:
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1), "not an icon file"
    entries = []
    for index in range(count):
        fields = struct.unpack("<BBBBHHII", data[6 + 16 * index : 22 + 16 * index])
        width, height, _, _, planes, bits, size, offset = fields
        assert (planes, bits) == (1, 32)
        assert width == height
        entries.append((width or 256, data[offset : offset + size]))
    return entries


def parse_icns(data: bytes) -> list[tuple[bytes, bytes]]:
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    entries, offset = [], 8
    while offset < len(data):
        kind = data[offset : offset + 4]
        (length,) = struct.unpack(">I", data[offset + 4 : offset + 8])
        entries.append((kind, data[offset + 8 : offset + length]))
        offset += length
    assert offset == len(data)
    return entries


def test_ico_has_every_windows_size(make_icons: ModuleType) -> None:
    entries = parse_ico((ASSETS / "icon.ico").read_bytes())
    sizes = [size for size, _ in entries]
    assert sizes == list(make_icons.ICO_SIZES)
    assert {16, 32, 48, 256} <= set(sizes)
    for size, png in entries:
        assert png_size(png) == (size, size)


def test_icns_has_every_macos_size(make_icons: ModuleType) -> None:
    entries = parse_icns((ASSETS / "icon.icns").read_bytes())
    expected = dict(make_icons.ICNS_TYPES)
    assert [kind for kind, _ in entries] == list(expected)
    assert {b"ic07", b"ic08", b"ic09", b"ic10"} <= set(expected)  # 128, 256, 512, 1024
    for kind, png in entries:
        assert png_size(png) == (expected[kind], expected[kind])


@pytest.mark.parametrize(("name", "count"), [("icon.ico", 9), ("icon.icns", 11)])
def test_qt_reads_the_containers_back(qapp: QApplication, name: str, count: int) -> None:
    reader = QImageReader(str(ASSETS / name))
    assert reader.imageCount() == count
    largest = 0
    for index in range(count):
        assert reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        largest = max(largest, image.width())
    assert largest == (256 if name == "icon.ico" else 1024)


def test_linux_pngs_have_their_size(make_icons: ModuleType) -> None:
    folder: Path = make_icons.PNG_DIR
    for size in make_icons.PNG_SIZES:
        path = folder / make_icons.PNG_NAME.format(size=size)
        assert png_size(path.read_bytes()) == (size, size), path.name


def test_the_desktop_entry_names_the_icon_and_the_program() -> None:
    entry = (ROOT / "assets" / "packaging" / "tiledesk-jwt-gui.desktop").read_text()
    lines = dict(line.split("=", 1) for line in entry.splitlines() if "=" in line)
    assert lines["Icon"] == "tiledesk-jwt-gui"
    assert lines["Exec"].split()[0] == "tiledesk-jwt-gui"
    assert lines["Type"] == "Application"


def test_the_script_is_reproducible(make_icons: ModuleType) -> None:
    first = make_icons.outputs()
    second = make_icons.outputs()
    assert first.keys() == second.keys()
    assert all(first[path] == second[path] for path in first)


def pixels_differ(a: bytes, b: bytes) -> float:
    """The fraction of pixels whose channels differ by more than 8/255 between two PNGs."""
    first, second = QImage.fromData(a), QImage.fromData(b)
    assert first.size() == second.size()
    first = first.convertToFormat(QImage.Format.Format_RGBA8888)
    second = second.convertToFormat(QImage.Format.Format_RGBA8888)
    left, right = bytes(first.constBits()), bytes(second.constBits())
    far = sum(
        1
        for index in range(0, len(left), 4)
        if max(abs(left[index + c] - right[index + c]) for c in range(4)) > 8
    )
    return far / (first.width() * first.height())


def test_the_committed_icons_match_the_svg(make_icons: ModuleType) -> None:
    # Compared by pixels, not bytes: another Qt may antialias a few edge pixels differently.
    fresh = make_icons.outputs()
    for path, data in fresh.items():
        assert path.exists(), f"{path} is missing: run make icons"
        committed = path.read_bytes()
        if committed == data:
            continue
        if path.suffix == ".ico":
            old_ico, new_ico = parse_ico(committed), parse_ico(data)
            assert [size for size, _ in old_ico] == [size for size, _ in new_ico]
            images = [(old, new) for (_, old), (_, new) in zip(old_ico, new_ico, strict=True)]
        elif path.suffix == ".icns":
            old_icns, new_icns = parse_icns(committed), parse_icns(data)
            assert [kind for kind, _ in old_icns] == [kind for kind, _ in new_icns]
            images = [(old, new) for (_, old), (_, new) in zip(old_icns, new_icns, strict=True)]
        else:
            images = [(committed, data)]
        for old, new in images:
            assert pixels_differ(old, new) < 0.02, f"{path} is stale: run make icons"


def test_the_windows_icon_is_the_window_icon() -> None:
    # The 256 px entry and the window's run-time PNG come from the same SVG.
    (_, largest) = parse_ico((ASSETS / "icon.ico").read_bytes())[-1]
    runtime = (ROOT / "tiledesk_jwt_gui" / "resources" / "icon.png").read_bytes()
    assert pixels_differ(largest, runtime) < 0.02
