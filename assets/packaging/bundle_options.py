"""What goes into the PyInstaller bundle, and how it is labelled: read by the spec.

Kept out of the spec so that the tests can check the rules without building anything:
the Python modules left out, the Qt files dropped after analysis, the executables' names and
the Windows version resource. Nothing here imports PyInstaller or Qt.

The app uses QtCore, QtGui and QtWidgets from Python, and QtSvg only through Qt's own SVG
icon engine and image plugin (the window icon is an SVG). Everything else PyInstaller's Qt hooks
pull in (QtNetwork through the TLS, network-information, VNC and TUIO plugins; OpenGL through
EGLFS; GTK, cairo and pango through the GTK theme; Qt's translations) is dead weight.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import PurePosixPath

__all__ = [
    "APP_NAME",
    "BUNDLE_IDENTIFIER",
    "CLI_NAME",
    "DISPLAY_NAME",
    "EXCLUDED_MODULES",
    "dropped_reason",
    "excluded_modules",
    "keep",
    "prune_unreferenced",
    "version_tuple",
    "windows_version_info",
]

APP_NAME = "tiledesk-jwt-gui"  # the window; also the bundle folder's name
CLI_NAME = "tiledesk-jwt"  # the command line, a second executable in the same folder
DISPLAY_NAME = "Tiledesk JWT Inspector"
BUNDLE_IDENTIFIER = "io.github.tiledesk-jwt-gui"
DESCRIPTION = "Offline inspector for JSON Web Tokens and Tiledesk custom authentication"

# Python modules never imported by the app (checked against `grep -r PySide6 tiledesk_jwt_gui`):
# excluding them also stops their Qt libraries and plugins from being collected.
EXCLUDED_MODULES: tuple[str, ...] = (
    *(
        f"PySide6.{name}"
        for name in (
            "QtNetwork",
            "QtDBus",
            "QtQml",
            "QtQuick",
            "QtQuickWidgets",
            "QtQuickControls2",
            "QtOpenGL",
            "QtOpenGLWidgets",
            "QtPrintSupport",
            "QtSql",
            "QtTest",
            "QtXml",
            "QtConcurrent",
            "QtSvg",  # the SVG plugins load libQt6Svg themselves; the Python binding is unused
            "QtSvgWidgets",
            "QtUiTools",
            "QtDesigner",
            "QtHelp",
            "QtWebEngineCore",
            "QtWebEngineWidgets",
            "QtPdf",
        )
    ),
    # Reachable only through code the app never runs: asyncio through a branch of
    # typing_extensions.deprecated for coroutines, then concurrent.futures and multiprocessing
    # (whose PyInstaller run-time hook would also cost start-up time); decimal's pure-Python
    # twin of the _decimal C module.
    "asyncio",
    "concurrent",
    "multiprocessing",
    "_pydecimal",
    "tkinter",
    "unittest",
    "pydoc",
    "doctest",
    "xmlrpc",
    "sqlite3",
    # Imported by the libraries only for type checking or on Python < 3.11 (the app needs 3.11).
    "typing_extensions",
    # urllib.request's ftp:// and file:// handlers, imported only when such a URL is opened
    # (PyJWT's JWKS client and jaraco.context import urllib.request; the app opens no URL).
    "ftplib",
    "netrc",
    "mimetypes",
)

# The keyring backends of other systems, and what only they import: each platform's bundle
# keeps its own (Secret Service over D-Bus on Linux, Keychain on macOS, Credential Locker on
# Windows). The backend modules themselves stay, tiny: keyring imports every one it lists.
_PLATFORM_EXCLUDED_MODULES = {
    "linux": ("keyring.backends.macOS.api", "nturl2path"),
    "darwin": ("secretstorage", "jeepney", "nturl2path"),
    "win32": ("secretstorage", "jeepney", "keyring.backends.macOS.api"),
}


def excluded_modules(platform: str) -> tuple[str, ...]:
    """The Python modules left out of the bundle built on ``platform`` (``sys.platform``)."""
    family = "linux" if platform.startswith(("linux", "freebsd", "openbsd")) else platform
    return EXCLUDED_MODULES + _PLATFORM_EXCLUDED_MODULES.get(family, ())


# Qt plugin folders with nothing the app needs: networking (QtNetwork), embedded-device input
# (evdev, TUIO over the network), EGLFS on bare hardware, SQL, printing, QML debugging.
_DROPPED_PLUGIN_DIRS = {
    "networkinformation": "QtNetwork plugins (no network use)",
    "tls": "QtNetwork TLS backends (no network use)",
    "generic": "evdev/TUIO input for framebuffer devices (TUIO needs QtNetwork)",
    "egldeviceintegrations": "EGLFS on embedded hardware",
    "sqldrivers": "QtSql",
    "printsupport": "printing is not offered",
    "qmltooling": "QML debugging",
    "designer": "Qt Designer",
    "position": "QtPositioning",
    "multimedia": "QtMultimedia",
}

# Single plugins inside folders that are otherwise kept.
_DROPPED_PLUGINS = {
    "platforms": {
        "qvnc": "VNC server platform (needs QtNetwork)",
        "qeglfs": "EGLFS platform for embedded devices",
        "qlinuxfb": "Linux framebuffer platform for embedded devices",
        "qminimalegl": "test platform",
        "qminimal": "test platform",
        "qvkkhrdisplay": "Vulkan display platform for embedded devices",
    },
    # The GTK theme needs the system's libgtk-3 anyway, and drags in an old copy of cairo,
    # pango and friends that would shadow the system's; the XDG portal theme stays.
    "platformthemes": {"qgtk3": "needs the system GTK 3; bundles cairo/pango copies"},
    # The app reads PNG (built into QtGui) and SVG only.
    "imageformats": dict.fromkeys(
        (
            "qgif",
            "qjpeg",
            "qtiff",
            "qwebp",
            "qtga",
            "qwbmp",
            "qicns",
            "qico",
            "qpdf",
            "qmacheif",
            "qmacjp2",
        ),
        "the app loads PNG and SVG only",
    ),
    # Wayland shells of kiosks, cars and Qt's own compositor; xdg-shell, every desktop's, stays.
    "wayland-shell-integration": {
        "ivi-shell": "in-vehicle infotainment shell",
        "fullscreen-shell-v1": "kiosk shell",
        "wl-shell-plugin": "wl_shell, deprecated since 2018 in favour of xdg-shell",
        "qt-shell": "the shell of Qt's own Wayland compositor",
    },
    # Buffer-sharing integrations for nested compositors; wayland-egl, the default, stays.
    "wayland-graphics-integration-client": dict.fromkeys(
        ("dmabuf-server", "drm-egl-server", "shm-emulation-server", "vulkan-server"),
        "compositor-side buffer integrations",
    ),
}

# Qt libraries only the dropped plugins or modules need (matched with or without the "6").
_DROPPED_QT_LIBRARIES = {
    "QtNetwork": "no network use",
    "QtEglFSDeviceIntegration": "EGLFS only",
    "QtEglFsKmsSupport": "EGLFS only",
    "QtPdf": "no PDF",
    "QtQml": "no QML",
    "QtQmlModels": "no QML",
    "QtQmlMeta": "no QML",
    "QtQmlWorkerScript": "no QML",
    "QtQuick": "no QML",
}

# Other files: the Windows software OpenGL fallback (widgets paint with the CPU raster engine).
_DROPPED_FILES = {"opengl32sw.dll": "software OpenGL; the widgets paint without OpenGL"}

# libQt6Network.so.6 (Linux), Qt6Network.dll (Windows), QtNetwork.framework/… (macOS).
_QT_LIBRARY = re.compile(r"^(?:lib)?Qt6?(?P<name>[A-Za-z0-9]+)(?:\.so(?:\.\d+)*|\.dll)$")


def _qt_library(path: PurePosixPath) -> str | None:
    """``QtNetwork`` for any of the names above; None for anything else."""
    for part in path.parts:
        if part.startswith("Qt") and part.endswith(".framework"):
            return "Qt" + part.removesuffix(".framework").removeprefix("Qt")
    match = _QT_LIBRARY.match(path.name)
    return None if match is None else "Qt" + match["name"]


def _plugin_name(filename: str) -> str:
    """``qvnc`` for libqvnc.so, qvnc.dll or libqvnc.dylib."""
    return filename.split(".", 1)[0].removeprefix("lib")


def dropped_reason(dest_name: str) -> str | None:
    """Why the file that the bundle would hold at ``dest_name`` is left out; None to keep it.

    ``dest_name`` is the path inside the bundle as PyInstaller's TOC has it, e.g.
    ``PySide6/Qt/plugins/platforms/libqvnc.so`` or ``PySide6/Qt/translations/qtbase_de.qm``.
    """
    path = PurePosixPath(dest_name.replace("\\", "/"))
    parts = path.parts
    if "PySide6" in parts and "translations" in parts:
        return "Qt translations: the app installs no QTranslator, so they are never loaded"
    if path.name == "direct_url.json" and path.parent.name.endswith(".dist-info"):
        return "records the build machine's checkout path; importlib.metadata does not need it"
    if path.parent.name.endswith(".dist-info") and path.name == "RECORD":
        return "the installed files' list; read only by importlib.metadata's files()"
    if len(parts) >= 3 and parts[-2] == "sboms" and parts[-3].endswith(".dist-info"):
        return "a software bill of materials for auditors; never read at run time"
    if path.parent.name.endswith(".egg-info") and path.name == "SOURCES.txt":
        return "the source files' list of a development install; never read at run time"
    if path.name in _DROPPED_FILES:
        return _DROPPED_FILES[path.name]
    if "plugins" in parts:
        under = parts[parts.index("plugins") + 1 :]
        if len(under) >= 1 and under[0] in _DROPPED_PLUGIN_DIRS:
            return _DROPPED_PLUGIN_DIRS[under[0]]
        if len(under) == 2 and under[0] in _DROPPED_PLUGINS:
            return _DROPPED_PLUGINS[under[0]].get(_plugin_name(under[1]))
        return None
    library = _qt_library(path)
    if library is not None and library in _DROPPED_QT_LIBRARIES:
        return _DROPPED_QT_LIBRARIES[library]
    if library is not None and library.startswith(("QtQuick", "QtQml")):
        return "no QML"
    return None


def keep(dest_name: str) -> bool:
    """Whether the bundle keeps the file PyInstaller collected for ``dest_name``."""
    return dropped_reason(dest_name) is None


TocEntry = tuple[str, str, str]  # (destination in the bundle, source path, type code)


def prune_unreferenced(
    binaries: Sequence[TocEntry], imports_of: Callable[[str], Iterable[tuple[str, str | None]]]
) -> list[TocEntry]:
    """``binaries`` without the top-level shared libraries that no other kept binary links to.

    PyInstaller collects the system libraries of every plugin before the spec can drop the
    plugin; the GTK theme alone brings cairo, pango, pixman, harfbuzz… Walking the link-time
    imports again from what is kept (``imports_of(path)`` gives ``(name, resolved path)`` pairs,
    as ``PyInstaller.depend.bindepend.get_imports`` does) finds the libraries still needed.
    Only top-level libraries are candidates: the Python library, extension modules, Qt's own
    libraries and plugins are always kept, and so is anything whose path cannot be resolved.
    """

    def is_candidate(dest: str, typecode: str) -> bool:
        name = dest.replace("\\", "/")
        return (
            typecode == "BINARY"
            and "/" not in name
            and not name.startswith(("libpython", "python"))
        )

    candidates = {
        os.path.realpath(src): dest
        for dest, src, typecode in binaries
        if is_candidate(dest, typecode)
    }
    candidate_names = set(candidates.values())
    reached: set[str] = set()
    todo = [
        src
        for dest, src, typecode in binaries
        if typecode != "SYMLINK" and not is_candidate(dest, typecode)
    ]
    seen: set[str] = set()
    while todo:
        source = todo.pop()
        if source in seen:
            continue
        seen.add(source)
        for name, path in imports_of(source):
            resolved = os.path.realpath(path) if path else None
            dest = candidates.get(resolved) if resolved else None
            if dest is None and os.path.basename(name) in candidate_names:
                dest = os.path.basename(name)
            if dest is not None and dest not in reached:
                reached.add(dest)
                if resolved is not None:
                    todo.append(resolved)
    dropped = set(candidates.values()) - reached
    return [
        (dest, src, typecode)
        for dest, src, typecode in binaries
        if dest not in dropped
        and not (typecode == "SYMLINK" and _symlink_targets(dest, src) & dropped)
    ]


def _symlink_targets(dest: str, src: str) -> set[str]:
    """Where a PyInstaller SYMLINK entry may point, as destinations inside the bundle (its source
    is the target's destination, or a path relative to the link's folder)."""
    link = PurePosixPath(dest.replace("\\", "/"))
    target = src.replace("\\", "/")
    return {target, os.path.normpath(str(link.parent / target)).replace("\\", "/")}


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """The four numbers of a Windows version resource: ``1.2.3rc1`` → ``(1, 2, 3, 0)``."""
    release = re.match(r"\d+(?:\.\d+)*", version)
    numbers = [int(n) for n in release.group(0).split(".")] if release else []
    a, b, c, d, *_ = (*numbers, 0, 0, 0, 0)
    return (a, b, c, d)


def windows_version_info(version: str, *, original_filename: str, internal_name: str) -> str:
    """The text of a PyInstaller version file (``EXE(version=path)``) for ``version``."""
    numbers = version_tuple(version)
    strings = {
        "CompanyName": "tiledesk-jwt-gui developers",
        "FileDescription": DESCRIPTION if internal_name == APP_NAME else f"{DESCRIPTION} (CLI)",
        "FileVersion": version,
        "InternalName": internal_name,
        "LegalCopyright": "MIT License",
        "OriginalFilename": original_filename,
        "ProductName": DISPLAY_NAME,
        "ProductVersion": version,
    }
    table = ",\n".join(
        f"        StringStruct({key!r}, {value!r})" for key, value in strings.items()
    )
    return f"""# Generated by assets/packaging/tiledesk-jwt-gui.spec from the package metadata.
VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
{table}
    ])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""
