"""The bundle's trimming rules (assets/packaging/bundle_options.py), checked without building."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable
from typing import Any

import pytest

from .scripts import ROOT, load

options = load("bundle_options")


def qt_modules_the_app_imports() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "tiledesk_jwt_gui").rglob("*.py"):
        found.update(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    return found


def test_the_app_imports_no_excluded_qt_module() -> None:
    used = qt_modules_the_app_imports()
    assert {"QtCore", "QtGui", "QtWidgets"} <= used
    excluded = {name.removeprefix("PySide6.") for name in options.EXCLUDED_MODULES}
    assert not used & excluded, (
        "the app now imports an excluded Qt module: remove it from EXCLUDED_MODULES in "
        "assets/packaging/bundle_options.py (and check the dropped libraries and plugins)"
    )


@pytest.mark.parametrize(
    "dest",
    [
        # Linux
        "PySide6/Qt/lib/libQt6Network.so.6",
        "libQt6Network.so.6",  # PyInstaller's top-level link to it
        "PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6",
        "PySide6/Qt/lib/libQt6QuickControls2.so.6",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/plugins/networkinformation/libqnetworkmanager.so",
        "PySide6/Qt/plugins/generic/libqtuiotouchplugin.so",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/Qt/plugins/wayland-graphics-integration-client/libvulkan-server.so",
        "PySide6/Qt/translations/qtbase_de.qm",
        "tiledesk_jwt_gui-0.1.0.dist-info/direct_url.json",
        "keyring-25.7.0.dist-info/RECORD",
        "cryptography-50.0.2.dist-info/sboms/cryptography-rust.cyclonedx.json",
        "tiledesk_jwt_gui.egg-info/SOURCES.txt",
        "PySide6/Qt/plugins/wayland-shell-integration/libivi-shell.so",
        "PySide6/Qt/plugins/wayland-shell-integration/libwl-shell-plugin.so",
        # Windows
        "PySide6/Qt6Network.dll",
        "PySide6/plugins/tls/qschannelbackend.dll",
        "PySide6/plugins/imageformats/qjpeg.dll",
        "PySide6/translations/qtbase_fr.qm",
        "PySide6/opengl32sw.dll",
        "PySide6\\plugins\\platforms\\qminimal.dll",
        # macOS
        "PySide6/Qt/lib/QtNetwork.framework/Versions/A/QtNetwork",
        "PySide6/Qt/lib/QtNetwork.framework/Resources/Info.plist",
        "PySide6/Qt/plugins/imageformats/libqmacheif.dylib",
    ],
)
def test_dropped(dest: str) -> None:
    assert options.dropped_reason(dest)
    assert not options.keep(dest)


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libQt6Svg.so.6",  # the SVG icon engine and image plugin load it
        "PySide6/Qt/lib/libQt6DBus.so.6",  # libQt6Gui links it on Linux
        "PySide6/Qt/lib/libQt6XcbQpa.so.6",
        "PySide6/Qt/lib/libQt6WaylandClient.so.6",
        "PySide6/Qt/lib/libicudata.so.73",
        "libQt6Core.so.6",
        "PySide6/QtCore.abi3.so",
        "PySide6/QtWidgets.abi3.so",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",  # the smoke test runs offscreen
        "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
        "PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
        "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
        "PySide6/Qt/plugins/wayland-graphics-integration-client/libqt-plugin-wayland-egl.so",
        "PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
        "cryptography/hazmat/bindings/_rust.abi3.so",
        "tiledesk_jwt_gui/resources/icon.svg",
        "tiledesk_jwt_gui-0.1.0.dist-info/METADATA",
        "keyring-25.7.0.dist-info/entry_points.txt",  # keyring finds its backends there
        "keyring-25.7.0.dist-info/METADATA",
        "cryptography-50.0.2.dist-info/licenses/LICENSE.APACHE",
        "tiledesk_jwt_gui.egg-info/PKG-INFO",  # __version__ reads it
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/plugins/styles/qmodernwindowsstyle.dll",
        "PySide6/Qt6Widgets.dll",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        "PySide6/Qt/plugins/styles/libqmacstyle.dylib",
        "PySide6/Qt/lib/QtWidgets.framework/Versions/A/QtWidgets",
    ],
)
def test_kept(dest: str) -> None:
    assert options.dropped_reason(dest) is None
    assert options.keep(dest)


def imports_from(graph: dict[str, list[str]]) -> Any:
    def imports_of(path: str) -> Iterable[tuple[str, str | None]]:
        return [(target.rsplit("/", 1)[-1], target) for target in graph.get(path, [])]

    return imports_of


def test_prune_drops_only_unreferenced_top_level_libraries() -> None:
    binaries = [
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/site/PySide6/Qt/lib/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/site/qxcb.so", "BINARY"),
        ("libX11.so.6", "/usr/lib/libX11.so.6", "BINARY"),  # needed by qxcb
        ("libxcb.so.1", "/usr/lib/libxcb.so.1", "BINARY"),  # needed by libX11, transitively
        ("libcairo.so.2", "/usr/lib/libcairo.so.2", "BINARY"),  # needed by the dropped GTK theme
        ("libpython3.11.so.1.0", "/py/libpython3.11.so.1.0", "BINARY"),  # never a candidate
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("libcairo-link.so", "libcairo.so.2", "SYMLINK"),
    ]
    graph = {
        "/site/qxcb.so": ["/usr/lib/libX11.so.6", "/site/PySide6/Qt/lib/libQt6Gui.so.6"],
        "/usr/lib/libX11.so.6": ["/usr/lib/libxcb.so.1"],
    }
    kept = options.prune_unreferenced(binaries, imports_from(graph))
    assert [dest for dest, _, _ in kept] == [
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "libX11.so.6",
        "libxcb.so.1",
        "libpython3.11.so.1.0",
        "libQt6Gui.so.6",
    ]


def test_prune_keeps_a_library_found_by_name_only() -> None:
    binaries = [
        ("mod.abi3.so", "/site/mod.abi3.so", "EXTENSION"),
        ("libffi.so.8", "/usr/lib/libffi.so.8", "BINARY"),
    ]

    def unresolved(path: str) -> list[tuple[str, str | None]]:
        return [("libffi.so.8", None)] if path == "/site/mod.abi3.so" else []

    assert options.prune_unreferenced(binaries, unresolved) == binaries


@pytest.mark.parametrize(
    ("version", "numbers"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("1.2.3.4", (1, 2, 3, 4)),
        ("2.0", (2, 0, 0, 0)),
        ("1.2.3rc1", (1, 2, 3, 0)),
        ("0.1.0.dev4+g1234abc", (0, 1, 0, 0)),
        ("1.2.3.4.5", (1, 2, 3, 4)),
    ],
)
def test_version_tuple(version: str, numbers: tuple[int, int, int, int]) -> None:
    assert options.version_tuple(version) == numbers


def evaluate_version_file(text: str) -> Any:
    """Evaluate the version file as PyInstaller does, with recording stand-ins for its classes."""

    def record(kind: str) -> Any:
        return lambda *args, **kwargs: {"kind": kind, "args": args, "kwargs": kwargs}

    names = [
        "VSVersionInfo",
        "FixedFileInfo",
        "StringFileInfo",
        "StringTable",
        "StringStruct",
        "VarFileInfo",
        "VarStruct",
    ]
    tree = ast.parse(text, mode="eval")
    return eval(compile(tree, "version", "eval"), {name: record(name) for name in names})  # noqa: S307


def test_windows_version_info_carries_the_version() -> None:
    text = options.windows_version_info(
        "1.4.2rc1", original_filename="tiledesk-jwt-gui.exe", internal_name="tiledesk-jwt-gui"
    )
    info = evaluate_version_file(text)
    fixed = info["kwargs"]["ffi"]["kwargs"]
    assert fixed["filevers"] == fixed["prodvers"] == (1, 4, 2, 0)
    table = info["kwargs"]["kids"][0]["args"][0][0]
    strings = {entry["args"][0]: entry["args"][1] for entry in table["args"][1]}
    assert strings["FileVersion"] == strings["ProductVersion"] == "1.4.2rc1"
    assert strings["OriginalFilename"] == "tiledesk-jwt-gui.exe"
    assert strings["ProductName"] == options.DISPLAY_NAME


@pytest.mark.parametrize(
    ("platform", "left_out", "kept"),
    [
        ("linux", {"keyring.backends.macOS.api", "nturl2path"}, {"secretstorage", "jeepney"}),
        ("darwin", {"secretstorage", "jeepney"}, {"keyring.backends.macOS.api"}),
        ("win32", {"secretstorage", "jeepney", "keyring.backends.macOS.api"}, {"nturl2path"}),
    ],
)
def test_each_platform_leaves_out_the_other_systems_keyring_parts(
    platform: str, left_out: set[str], kept: set[str]
) -> None:
    excluded = set(options.excluded_modules(platform))
    assert set(options.EXCLUDED_MODULES) <= excluded
    assert left_out <= excluded
    assert not kept & excluded
    # keyring imports every backend module its entry points list: none may be left out.
    assert not {name for name in excluded if name.count(".") == 2 and "backends" in name}


PROBE = """
import sys
import keyring.core
import tiledesk_jwt_gui.cli
import tiledesk_jwt_gui.ui
from tiledesk_jwt_gui.ui.window.main_window import InspectorWindow
keyring.core._detect_backend()
print(" ".join(sorted(sys.modules)))
"""


def test_what_the_app_runs_is_never_excluded() -> None:
    """The modules the window, the CLI and the keyring lookup import, in a fresh interpreter
    (pytest imports many more)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True
    )
    loaded = set(done.stdout.split())
    assert {"ctypes", "keyring.backends.SecretService", "tiledesk_jwt_gui.ui"} <= loaded
    assert not loaded & set(options.EXCLUDED_MODULES)
    assert not loaded & set(options.excluded_modules(sys.platform)) - {
        "keyring.backends.macOS.api"  # imported (and failing) only on macOS, in a try
    }
