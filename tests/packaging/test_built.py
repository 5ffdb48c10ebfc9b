"""What ``make package`` and ``make wheel-smoke`` built: the one-folder bundle in dist/ and the
wheel in dist/wheel/. ``make test`` builds both before pytest runs; elsewhere these tests skip
(with the reason) when there is nothing built."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tiledesk_jwt_gui.platform_check import elf_needed

from .scripts import BUNDLE, WHEELS, version

INTERNAL = BUNDLE / "_internal"
EXE = ".exe" if sys.platform == "win32" else ""

needs_bundle = pytest.mark.skipif(
    not (BUNDLE / f"tiledesk-jwt-gui{EXE}").is_file(),
    reason="no bundle in dist/tiledesk-jwt-gui (make package or make frozen-smoke builds it)",
)
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF files: Linux")


def bundled_files() -> list[Path]:
    return [path for path in BUNDLE.rglob("*") if path.is_file() and not path.is_symlink()]


@needs_bundle
def test_both_programs_are_in_one_folder() -> None:
    for name in ("tiledesk-jwt-gui", "tiledesk-jwt"):
        program = BUNDLE / f"{name}{EXE}"
        assert program.is_file()
        assert os.access(program, os.X_OK)


@needs_bundle
def test_no_network_module_library_or_plugin() -> None:
    names = [path.relative_to(BUNDLE).as_posix() for path in BUNDLE.rglob("*")]
    offenders = [
        name
        for name in names
        if "Qt6Network" in name
        or "QtNetwork" in name
        or "/plugins/tls/" in name
        or "/plugins/networkinformation/" in name
    ]
    assert not offenders


@needs_bundle
def test_no_translations_or_unused_qt() -> None:
    names = [path.relative_to(BUNDLE).as_posix() for path in BUNDLE.rglob("*")]
    assert not [name for name in names if name.endswith(".qm")]
    for unused in ("Qt6Qml", "Qt6Quick", "Qt6Pdf", "QtQml", "QtQuick", "libqgtk3", "libqvnc"):
        assert not [name for name in names if unused in name], unused


@needs_bundle
def test_what_the_window_needs_is_inside() -> None:
    plugins = INTERNAL / "PySide6" / "Qt" / "plugins"
    if sys.platform.startswith("linux"):
        for plugin in (
            "platforms/libqxcb.so",
            "platforms/libqwayland.so",
            "platforms/libqoffscreen.so",
            "iconengines/libqsvgicon.so",  # the window icon is an SVG
            "imageformats/libqsvg.so",
            "platforminputcontexts/libcomposeplatforminputcontextplugin.so",  # dead keys
        ):
            assert (plugins / plugin).is_file(), plugin
    resources = INTERNAL / "tiledesk_jwt_gui" / "resources"
    assert (resources / "icon.svg").is_file()
    assert (resources / "icon.png").is_file()


@needs_bundle
def test_the_package_metadata_is_inside() -> None:
    metadata = [
        path
        for path in INTERNAL.iterdir()
        if path.name.startswith("tiledesk_jwt_gui") and path.suffix in (".dist-info", ".egg-info")
    ]
    assert len(metadata) == 1
    text = "".join(
        (metadata[0] / name).read_text(encoding="utf-8")
        for name in ("METADATA", "PKG-INFO")
        if (metadata[0] / name).is_file()
    )
    assert f"Version: {version()}" in text
    assert not (metadata[0] / "direct_url.json").exists()  # the build machine's path


@needs_bundle
@linux_only
def test_every_qt_library_a_kept_file_links_to_is_inside() -> None:
    present = {path.name for path in BUNDLE.rglob("*")}
    missing = set()
    for path in bundled_files():
        for name in elf_needed(path) or []:
            ours = name.startswith(("libQt6", "libpyside6", "libshiboken6", "libicu", "libpython"))
            if ours and name not in present:
                missing.add(f"{path.relative_to(BUNDLE)} needs {name}")
    assert not missing


@needs_bundle
def test_the_frozen_window_passes_its_smoke_test() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [str(BUNDLE / f"tiledesk-jwt-gui{EXE}"), "--smoke"],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr


@needs_bundle
def test_the_frozen_command_line_knows_its_version() -> None:
    result = subprocess.run(
        [str(BUNDLE / f"tiledesk-jwt{EXE}"), "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    assert version() in (result.stdout + result.stderr).split()


def the_wheel() -> Path:
    wheels = sorted(WHEELS.glob("tiledesk_jwt_gui-*.whl"))
    if not wheels:
        pytest.skip("no wheel in dist/wheel (make wheel-smoke builds it)")
    return wheels[-1]


def test_the_wheel_carries_the_package_data_and_both_entry_points() -> None:
    with zipfile.ZipFile(the_wheel()) as wheel:
        names = set(wheel.namelist())
        assert "tiledesk_jwt_gui/resources/icon.svg" in names
        assert "tiledesk_jwt_gui/resources/icon.png" in names
        assert "tiledesk_jwt_gui/py.typed" in names
        assert not [name for name in names if name.startswith(("tests/", "assets/"))]
        (entry_points,) = [name for name in names if name.endswith(".dist-info/entry_points.txt")]
        text = wheel.read(entry_points).decode()
    console, _, gui = text.partition("[gui_scripts]")
    assert "tiledesk-jwt = tiledesk_jwt_gui.cli:main" in console
    assert "tiledesk-jwt-gui = tiledesk_jwt_gui.app:main" in gui


def test_the_sdist_builds_the_same_package() -> None:
    sdists = sorted(WHEELS.glob("tiledesk_jwt_gui-*.tar.gz"))
    if not sdists:
        pytest.skip("no sdist in dist/wheel (make wheel-smoke makes one when `build` is installed)")
    import tarfile

    with tarfile.open(sdists[-1]) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    for needed in ("pyproject.toml", "README.md", "tiledesk_jwt_gui/app.py"):
        assert needed in names
    assert "tiledesk_jwt_gui/resources/icon.svg" in names
