"""Can Qt open a window here? Checked by ``make run`` before the app starts, without importing Qt.

On Linux, Qt's platform plugin (``xcb`` on X11, ``wayland`` on a Wayland-only session) links
system libraries that a fresh desktop or a container may lack: ``libxcb-cursor0`` and the other
``libxcb-*`` utilities, ``libxkbcommon-x11-0``. Qt then aborts with a raw message. This module
runs ``ldd`` on the plugin of the installed PySide6, maps each missing library to its Debian/Ubuntu
and Fedora package, and either installs them (``--install``, as root or through sudo: ``make run``
is the set-up command) or prints the one-line command and exits 2. Without a display it says so.

    python -m tiledesk_jwt_gui.platform_check [--install] [--plugin PATH]

Exit codes: 0 the window can open; 2 it cannot (the message says why and what to do).
Elsewhere than Linux, and with ``QT_QPA_PLATFORM=offscreen`` or ``minimal``, there is nothing to
check. The packaging's smoke test uses :func:`system_sonames` to check that :data:`PACKAGES`
covers every system library a bundle's platform plugin needs.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shlex
import shutil
import struct
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

__all__ = [
    "BASE_LIBRARIES",
    "EXIT_CANNOT_RUN",
    "PACKAGES",
    "Family",
    "Finding",
    "check",
    "distribution_family",
    "elf_needed",
    "install_command",
    "main",
    "missing_libraries",
    "needed_packages",
    "packages_for",
    "platform_plugin",
    "resolve_libraries",
    "system_sonames",
]

EXIT_CANNOT_RUN = 2


class Family(StrEnum):
    """The package manager a distribution uses."""

    DEBIAN = "debian"  # Debian, Ubuntu, Mint…: apt-get
    FEDORA = "fedora"  # Fedora, RHEL, CentOS Stream, Rocky, Alma: dnf


# soname → (Debian/Ubuntu package, Fedora package): every system library that Qt's xcb and
# wayland platform plugins and the Qt libraries they load link directly (PySide6 6.8–6.11).
PACKAGES: Mapping[str, tuple[str, str]] = {
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-xinput.so.0": ("libxcb-xinput0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libSM.so.6": ("libsm6", "libSM"),
    "libICE.so.6": ("libice6", "libICE"),
    "libwayland-client.so.0": ("libwayland-client0", "libwayland-client"),
    "libwayland-cursor.so.0": ("libwayland-cursor0", "libwayland-cursor"),
    "libwayland-egl.so.1": ("libwayland-egl1", "libwayland-egl"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libGLX.so.0": ("libglx0", "libglvnd-glx"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libz.so.1": ("zlib1g", "zlib"),
    "libzstd.so.1": ("libzstd1", "libzstd"),
    "libstdc++.so.6": ("libstdc++6", "libstdc++"),
    "libgcc_s.so.1": ("libgcc-s1", "libgcc"),
}

# Part of the C library itself: present wherever Python runs.
BASE_LIBRARIES = frozenset(
    {
        "libc.so.6",
        "libm.so.6",
        "libdl.so.2",
        "libpthread.so.0",
        "librt.so.1",
        "libutil.so.1",
        "ld-linux-x86-64.so.2",
        "ld-linux-aarch64.so.1",
        "linux-vdso.so.1",
    }
)

_NO_DISPLAY_PLATFORMS = ("offscreen", "minimal", "vnc", "linuxfb", "eglfs", "vkkhrdisplay")
_LDD_LINE = re.compile(r"^\s*(\S+)\s+=>\s+(not found|\S+)")


@dataclass(frozen=True, slots=True)
class Finding:
    """The answer: can the window open, and if not, why and which packages would fix it."""

    ok: bool
    message: str
    missing: tuple[str, ...] = ()
    packages: tuple[str, ...] = ()
    command: tuple[str, ...] = ()


# --- the plugin and its libraries ------------------------------------------------------------


def platform_plugin(name: str, environ: Mapping[str, str]) -> Path | None:
    """The installed PySide6's platform plugin ``name`` (``xcb``, ``wayland``), found without
    importing Qt; None when PySide6 or the plugin is not there."""
    folders: list[Path] = []
    if environ.get("QT_QPA_PLATFORM_PLUGIN_PATH"):
        folders.append(Path(environ["QT_QPA_PLATFORM_PLUGIN_PATH"]))
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            folders.append(Path(location, "Qt", "plugins", "platforms"))
    for folder in folders:
        candidate = folder / f"libq{name}.so"
        if candidate.is_file():
            return candidate
    return None


def resolve_libraries(path: Path, environ: Mapping[str, str]) -> dict[str, str | None]:
    """``ldd``'s answer for ``path``: every library of its closure → where the loader finds it
    (None: not found). Raises OSError when ``ldd`` cannot be run."""
    ldd = shutil.which("ldd", path=environ.get("PATH"))
    if ldd is None:
        raise OSError("ldd is not installed (it comes with the C library's tools: libc-bin)")
    result = subprocess.run(
        [ldd, str(path)],
        capture_output=True,
        text=True,
        env=dict(environ),
        check=False,
        timeout=60,
    )
    found: dict[str, str | None] = {}
    for line in result.stdout.splitlines():
        match = _LDD_LINE.match(line)
        if match:
            soname, where = match.groups()
            found[soname] = None if where == "not found" else where
    if result.returncode != 0 and not found:
        raise OSError(f"ldd could not read {path}: {result.stderr.strip()[:200]}")
    return found


def missing_libraries(plugin: Path, environ: Mapping[str, str]) -> tuple[str, ...]:
    """The libraries the loader cannot find for ``plugin``, in ``ldd``'s order."""
    return tuple(name for name, where in resolve_libraries(plugin, environ).items() if not where)


def elf_needed(path: Path) -> tuple[str, ...] | None:
    """The DT_NEEDED names of a 64-bit little-endian ELF file; None if it is not one."""
    data = path.read_bytes()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return None
    (section_offset,) = struct.unpack_from("<Q", data, 0x28)
    entry_size, count = struct.unpack_from("<HH", data, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", data, section_offset + i * entry_size)
        for i in range(count)
    ]
    needed: list[str] = []
    for _, kind, _, _, offset, size, link, _, _, _ in sections:
        if kind != 6:  # SHT_DYNAMIC
            continue
        strings = sections[link][4]
        for position in range(offset, offset + size, 16):
            tag, value = struct.unpack_from("<qQ", data, position)
            if tag == 0:
                break
            if tag == 1:  # DT_NEEDED
                end = data.index(b"\0", strings + value)
                needed.append(data[strings + value : end].decode())
    return tuple(needed)


def system_sonames(plugin: Path, inside: Path, environ: Mapping[str, str]) -> frozenset[str]:
    """The libraries that ``plugin`` and the libraries it loads from ``inside`` (a PySide6
    installation or a bundle folder) link directly but that come from the system (or are
    missing): what the system's packages must provide. C library parts are left out."""
    where = resolve_libraries(plugin, environ)
    inside = inside.resolve()
    todo, seen, system = [plugin.resolve()], set[Path](), set[str]()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        for soname in elf_needed(current) or ():
            location = where.get(soname)
            resolved = Path(location).resolve() if location else None
            if resolved is not None and resolved.is_relative_to(inside):
                todo.append(resolved)
            elif soname not in BASE_LIBRARIES:
                system.add(soname)
    return frozenset(system)


# --- packages and commands ---------------------------------------------------------------------


def distribution_family(os_release: str) -> Family | None:
    """Debian-like or Fedora-like, from the text of /etc/os-release; None for anything else."""
    words: set[str] = set()
    for line in os_release.splitlines():
        key, _, value = line.partition("=")
        if key in ("ID", "ID_LIKE"):
            words.update(value.strip().strip("\"'").lower().split())
    if words & {"debian", "ubuntu"}:
        return Family.DEBIAN
    if words & {"fedora", "rhel", "centos"}:
        return Family.FEDORA
    return None


def packages_for(sonames: Sequence[str], family: Family) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(packages, sonames no package is known for), packages sorted without repeats."""
    column = 0 if family is Family.DEBIAN else 1
    packages = sorted({PACKAGES[name][column] for name in sonames if name in PACKAGES})
    unknown = tuple(name for name in sonames if name not in PACKAGES)
    return tuple(packages), unknown


def install_command(packages: Sequence[str], family: Family, *, as_root: bool) -> tuple[str, ...]:
    """The one-line install command; with ``sudo`` in front unless ``as_root``."""
    tool = ("apt-get", "install", "-y") if family is Family.DEBIAN else ("dnf", "install", "-y")
    return (*(() if as_root else ("sudo",)), *tool, *packages)


def needed_packages(
    plugins: Sequence[Path], inside: Path, environ: Mapping[str, str]
) -> dict[Family, tuple[str, ...]]:
    """Every system package ``plugins`` need (as :func:`system_sonames` finds them), per
    family: the lists the README gives. Raises KeyError naming a library no package is known
    for (then :data:`PACKAGES` needs a new line)."""
    sonames: set[str] = set()
    for plugin in plugins:
        sonames |= system_sonames(plugin, inside, environ)
    unknown = sorted(sonames - PACKAGES.keys())
    if unknown:
        raise KeyError(f"no package is known for {', '.join(unknown)}")
    return {family: packages_for(sorted(sonames), family)[0] for family in Family}


# --- the check ---------------------------------------------------------------------------------


def _platform_wanted(environ: Mapping[str, str]) -> str:
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:  # "wayland;xcb" lists fallbacks; "xcb:option=value" carries options
        return chosen.split(";")[0].split(":")[0].strip().lower()
    if not environ.get("DISPLAY") and environ.get("WAYLAND_DISPLAY"):
        return "wayland"
    return "xcb"


def check(
    environ: Mapping[str, str],
    *,
    plugin: Path | None = None,
    os_release: str = "",
    system: str = sys.platform,
) -> Finding:
    """Whether the window can open with this environment; never raises."""
    if not system.startswith("linux"):
        return Finding(True, "nothing to check outside Linux")
    wanted = _platform_wanted(environ)
    if wanted.startswith(_NO_DISPLAY_PLATFORMS):
        return Finding(True, f"QT_QPA_PLATFORM={wanted}: no display needed")
    if plugin is None:
        plugin = platform_plugin(wanted, environ)
    if plugin is None:
        return Finding(
            False,
            f"Qt's '{wanted}' platform plugin is not in the installed PySide6: reinstall it "
            "(rm -rf .venv && make run)",
        )
    try:
        missing = missing_libraries(plugin, environ)
    except (OSError, subprocess.SubprocessError) as exc:
        return Finding(True, f"could not check the libraries of {plugin.name} ({exc}); going on")
    if missing:
        return _missing_finding(wanted, missing, os_release)
    display = "WAYLAND_DISPLAY" if wanted == "wayland" else "DISPLAY"
    if not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY"):
        return Finding(
            False,
            "no display to open the window on: neither DISPLAY nor WAYLAND_DISPLAY is set. "
            "Run it from a desktop session (or ssh -X), or try it without one: "
            "QT_QPA_PLATFORM=offscreen .venv/bin/tiledesk-jwt-gui --smoke",
        )
    return Finding(True, f"Qt's {wanted} platform plugin has every library it needs ({display})")


def _missing_finding(wanted: str, missing: tuple[str, ...], os_release: str) -> Finding:
    listed = ", ".join(missing)
    head = f"Qt's {wanted} platform plugin cannot load: missing system libraries {listed}."
    family = distribution_family(os_release)
    as_root = hasattr(os, "geteuid") and os.geteuid() == 0
    if family is None:
        lines = [head, "Install the packages that provide them, for example:"]
        for each in Family:
            packages, _ = packages_for(missing, each)
            lines.append(f"  {shlex.join(install_command(packages, each, as_root=as_root))}")
        return Finding(False, "\n".join(lines), missing)
    packages, unknown = packages_for(missing, family)
    command = install_command(packages, family, as_root=as_root) if packages else ()
    lines = [head]
    if command:
        lines.append(f"Install them with:\n  {shlex.join(command)}")
    if unknown:
        names = ", ".join(unknown)
        lines.append(f"No package is known here for {names}: install what provides it.")
    return Finding(False, "\n".join(lines), missing, packages, command)


# --- the command -------------------------------------------------------------------------------


def _can_sudo() -> bool:
    if shutil.which("sudo") is None:
        return False
    if sys.stdin is not None and sys.stdin.isatty():
        return True  # sudo may ask for the password
    probe = subprocess.run(["sudo", "-n", "true"], capture_output=True, check=False, timeout=30)
    return probe.returncode == 0


def _install(finding: Finding, family: Family, run: Callable[[Sequence[str]], int]) -> bool:
    """Run the finding's install command (apt-get: after an update if the first try fails)."""
    command = list(finding.command)
    print(f"installing: {shlex.join(command)}", flush=True)
    if run(command) == 0:
        return True
    if family is Family.DEBIAN:  # a fresh system may have no package lists yet
        prefix = command[: command.index("apt-get")]
        if run([*prefix, "apt-get", "update"]) == 0 and run(command) == 0:
            return True
    return False


def _run(command: Sequence[str]) -> int:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    return subprocess.run(list(command), env=env, check=False).returncode


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tiledesk_jwt_gui.platform_check",
        description="Check that Qt can open a window here (Linux: the platform plugin's system "
        "libraries and a display).",
    )
    parser.add_argument(
        "--install",
        action="store_true",
        help="install missing system packages (as root, or through sudo)",
    )
    parser.add_argument("--plugin", type=Path, help="check this platform plugin file instead")
    args = parser.parse_args(argv)
    try:
        os_release = Path("/etc/os-release").read_text(encoding="utf-8", errors="replace")
    except OSError:
        os_release = ""
    finding = check(os.environ, plugin=args.plugin, os_release=os_release)
    family = distribution_family(os_release)
    if not finding.ok and finding.command and args.install and family is not None:
        if finding.command[0] == "sudo" and not _can_sudo():
            print("not root, and sudo cannot be used here: run the command below yourself.")
        elif _install(finding, family, _run):
            finding = check(os.environ, plugin=args.plugin, os_release=os_release)
        else:
            print("the installation failed (see above).", file=sys.stderr)
    if finding.ok:
        return 0
    print(finding.message, file=sys.stderr)
    return EXIT_CANNOT_RUN


if __name__ == "__main__":
    sys.exit(main())
