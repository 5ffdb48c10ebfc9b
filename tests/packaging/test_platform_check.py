"""``make run``'s platform check (tiledesk_jwt_gui/platform_check.py), run for real: ``ldd`` on the
installed PySide6's plugins, and a system library hidden in a private mount namespace (a copy of
it with the wrong ELF class bound over the real file, so the loader skips it as it would skip
nothing at all). Nothing is installed or removed on the machine."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tiledesk_jwt_gui.platform_check import (
    PACKAGES,
    Family,
    check,
    distribution_family,
    install_command,
    needed_packages,
    packages_for,
    platform_plugin,
    resolve_libraries,
)

ROOT = Path(__file__).resolve().parents[2]
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF and ldd: Linux")
needs_ldd = pytest.mark.skipif(shutil.which("ldd") is None, reason="ldd is not installed")

DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n'
UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\nVERSION_ID="24.04"\n'
FEDORA = 'NAME="Fedora Linux"\nID=fedora\nVERSION_ID=41\n'
ROCKY = 'NAME="Rocky Linux"\nID="rocky"\nID_LIKE="rhel centos fedora"\n'
ARCH = 'NAME="Arch Linux"\nID=arch\n'


def os_release() -> str:
    try:
        return Path("/etc/os-release").read_text(encoding="utf-8")
    except OSError:
        return ""


def base_env(**extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    return {**env, **extra}


def run_check(*args: str, env: dict[str, str], wrap: list[str] | None = None) -> tuple[int, str]:
    command = [sys.executable, "-m", "tiledesk_jwt_gui.platform_check", *args]
    if wrap is not None:  # its last item is a shell script the command ends
        command = [*wrap[:-1], f"{wrap[-1]} {shlex.join(command)}"]
    result = subprocess.run(
        command, capture_output=True, text=True, env=env, cwd=ROOT, check=False, timeout=120
    )
    return result.returncode, result.stdout + result.stderr


def xcb_plugin() -> Path:
    plugin = platform_plugin("xcb", os.environ)
    if plugin is None:
        pytest.skip("the installed PySide6 has no xcb platform plugin")
    return plugin


@pytest.mark.parametrize(
    ("text", "family"),
    [
        (DEBIAN, Family.DEBIAN),
        (UBUNTU, Family.DEBIAN),
        (FEDORA, Family.FEDORA),
        (ROCKY, Family.FEDORA),
        (ARCH, None),
        ("", None),
    ],
)
def test_the_distribution_family_comes_from_os_release(text: str, family: Family | None) -> None:
    assert distribution_family(text) is family


def test_install_commands_name_each_package_once_with_sudo_unless_root() -> None:
    sonames = ["libxcb-cursor.so.0", "libxcb-render.so.0", "libxcb-shm.so.0", "libfoo.so.9"]
    debian, unknown = packages_for(sonames, Family.DEBIAN)
    assert debian == ("libxcb-cursor0", "libxcb-render0", "libxcb-shm0")
    assert unknown == ("libfoo.so.9",)
    fedora, _ = packages_for(sonames, Family.FEDORA)
    assert fedora == ("libxcb", "xcb-util-cursor")  # Fedora ships the core xcb libs in one
    assert install_command(debian, Family.DEBIAN, as_root=True) == (
        "apt-get",
        "install",
        "-y",
        *debian,
    )
    assert install_command(fedora, Family.FEDORA, as_root=False)[:4] == (
        "sudo",
        "dnf",
        "install",
        "-y",
    )


def test_nothing_is_checked_offscreen_or_outside_linux() -> None:
    assert check({"QT_QPA_PLATFORM": "offscreen"}).ok
    assert check({}, system="darwin").ok
    assert check({}, system="win32").ok


@linux_only
@needs_ldd
def test_without_a_display_it_says_so_plainly_and_exits_2() -> None:
    # The offscreen plugin links no X or Wayland library, so only the display can be missing.
    offscreen = platform_plugin("offscreen", os.environ)
    assert offscreen is not None
    code, output = run_check("--plugin", str(offscreen), env=base_env())
    assert code == 2, output
    assert "no display" in output
    assert "neither DISPLAY nor WAYLAND_DISPLAY is set" in output
    assert "Aborted" not in output
    code, output = run_check("--plugin", str(offscreen), env=base_env(DISPLAY=":7"))
    assert code == 0, output


@linux_only
@needs_ldd
def test_the_installed_plugins_need_only_libraries_with_known_packages() -> None:
    xcb = xcb_plugin()
    plugins = [xcb, *(p for p in [platform_plugin("wayland", os.environ)] if p is not None)]
    packages = needed_packages(plugins, xcb.parents[3], os.environ)
    assert "libxcb-cursor0" in packages[Family.DEBIAN]
    assert "libxkbcommon-x11-0" in packages[Family.DEBIAN]
    assert "xcb-util-cursor" in packages[Family.FEDORA]


@linux_only
@needs_ldd
def test_the_readme_lists_the_packages_the_plugins_need() -> None:
    xcb = xcb_plugin()
    plugins = [xcb, *(p for p in [platform_plugin("wayland", os.environ)] if p is not None)]
    packages = needed_packages(plugins, xcb.parents[3], os.environ)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for family, tool in ((Family.DEBIAN, "apt-get"), (Family.FEDORA, "dnf")):
        match = re.search(rf"^sudo {tool} install -y (.+)$", readme, re.MULTILINE)
        assert match, f"the README has no '{tool} install' line"
        assert tuple(match.group(1).split()) == packages[family], family


def hide_library(soname: str, folder: Path) -> list[str] | None:
    """A command prefix (``sh -c`` script first) that runs a shell where ``soname`` cannot be
    loaded, or None when the xcb plugin finds no such library already. Skips when private
    mount namespaces are not allowed here."""
    location = resolve_libraries(xcb_plugin(), os.environ).get(soname)
    if location is None:
        return None
    real = Path(location).resolve()
    decoy = folder / real.name
    data = bytearray(real.read_bytes())
    data[4] = 1 if data[4] == 2 else 2  # the other ELF class: the loader skips the file
    decoy.write_bytes(bytes(data))
    prefix = ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c"]
    script = f"mount --bind {shlex.quote(str(decoy))} {shlex.quote(str(real))} &&"
    probe = subprocess.run(
        [*prefix, f"{script} echo hidden"], capture_output=True, text=True, check=False
    )
    if "hidden" not in probe.stdout:
        pytest.skip(
            "cannot hide a system library: private user and mount namespaces are not allowed "
            f"here (unshare said: {probe.stderr.strip()[:160]})"
        )
    return [*prefix, f"{script} exec"]


@linux_only
@needs_ldd
def test_a_missing_xcb_library_is_named_with_its_install_command(tmp_path: Path) -> None:
    if shutil.which("unshare") is None:
        pytest.skip("unshare (util-linux) is not installed: no way to hide a library")
    wrap = hide_library("libxcb-cursor.so.0", tmp_path)  # None: it is missing already
    code, output = run_check(env=base_env(DISPLAY=":7"), wrap=wrap)
    assert code == 2, output
    assert "Qt's xcb platform plugin cannot load" in output
    assert "libxcb-cursor.so.0" in output
    assert "Aborted" not in output
    missing = re.search(r"missing system libraries (.+)\.$", output, re.MULTILINE)
    assert missing
    sonames = missing.group(1).split(", ")
    assert all(name in PACKAGES for name in sonames)
    family = distribution_family(os_release())
    as_root = wrap is not None or os.geteuid() == 0  # the namespace maps us to root
    for each in [family] if family is not None else list(Family):
        packages, _ = packages_for(sonames, each)
        assert ("libxcb-cursor0" if each is Family.DEBIAN else "xcb-util-cursor") in packages
        line = " ".join(install_command(packages, each, as_root=as_root))
        assert f"\n  {line}" in output, output
