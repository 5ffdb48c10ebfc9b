"""The committed spec, run with stand-ins for PyInstaller's build targets: what it asks for on
Linux, Windows and macOS, without building anything."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from .scripts import PACKAGING, ROOT, SPEC, load, version

pytest.importorskip("PyInstaller", reason="PyInstaller is not installed (it is in the dev extra)")

options = load("bundle_options")


@dataclass
class Target:
    kind: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]


@dataclass
class FakeAnalysis:
    scripts_in: list[str]
    kwargs: dict[str, Any]
    binaries: list[tuple[str, str, str]] = field(default_factory=list)
    datas: list[tuple[str, str, str]] = field(default_factory=list)
    pure: list[tuple[str, str, str]] = field(default_factory=list)
    scripts: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass
class Run:
    analyses: list[FakeAnalysis]
    targets: list[Target]
    distpath: str

    def of(self, kind: str) -> list[Target]:
        return [target for target in self.targets if target.kind == kind]

    def exe(self, name: str) -> Target:
        (target,) = [t for t in self.of("EXE") if t.kwargs["name"] == name]
        return target


COLLECTED = [
    ("PySide6/Qt/lib/libQt6Widgets.so.6", "/site/libQt6Widgets.so.6", "BINARY"),
    ("PySide6/Qt/lib/libQt6Network.so.6", "/site/libQt6Network.so.6", "BINARY"),
    ("PySide6/Qt/translations/qtbase_de.qm", "/site/qtbase_de.qm", "DATA"),
]


def run_spec(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, *spec_args: str, platform: str = "linux"
) -> Run:
    from PyInstaller.config import CONF  # type: ignore[import-untyped]

    analyses: list[FakeAnalysis] = []
    targets: list[Target] = []

    def analysis(scripts: list[str], **kwargs: Any) -> FakeAnalysis:
        given = [(f"{dest}/{Path(src).name}", src, "DATA") for src, dest in kwargs["datas"]]
        a = FakeAnalysis(
            scripts,
            kwargs,
            binaries=[e for e in COLLECTED if e[2] == "BINARY"],
            datas=[e for e in COLLECTED if e[2] == "DATA"] + given,
        )
        analyses.append(a)
        return a

    def target(kind: str) -> Any:
        def make(*args: Any, **kwargs: Any) -> Target:
            made = Target(kind, args, kwargs)
            targets.append(made)
            return made

        return make

    monkeypatch.setitem(CONF, "distpath", str(tmp_path / "dist"))
    # No real files to read the link-time imports of: nothing links to anything.
    monkeypatch.setattr("PyInstaller.depend.bindepend.get_imports", lambda path: [])
    monkeypatch.setattr(sys, "argv", [str(SPEC), *spec_args])
    monkeypatch.setattr(sys, "platform", platform)
    namespace = {
        "SPECPATH": str(PACKAGING),
        "DISTPATH": str(tmp_path / "dist"),
        "workpath": str(tmp_path / "work"),
        "Analysis": analysis,
        "PYZ": target("PYZ"),
        "EXE": target("EXE"),
        "COLLECT": target("COLLECT"),
        "BUNDLE": target("BUNDLE"),
        "__file__": str(SPEC),
    }
    code = compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec")
    exec(code, namespace)  # noqa: S102 (our own spec)
    return Run(analyses, targets, CONF["distpath"])


def test_one_folder_with_both_programs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    run = run_spec(monkeypatch, tmp_path)
    gui, cli = run.exe("tiledesk-jwt-gui"), run.exe("tiledesk-jwt")
    assert gui.kwargs["console"] is False
    assert cli.kwargs["console"] is True
    for exe in (gui, cli):
        assert exe.kwargs["upx"] is False
        assert exe.kwargs["exclude_binaries"] is True
        assert exe.kwargs["icon"] is None  # Linux: the window sets its icon at run time
        assert exe.kwargs["version"] is None
    (collect,) = run.of("COLLECT")
    assert collect.kwargs["name"] == "tiledesk-jwt-gui"
    assert collect.kwargs["upx"] is False
    assert gui in collect.args
    assert cli in collect.args
    assert not run.of("BUNDLE")


def test_the_launchers_and_what_the_analyses_collect(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    run = run_spec(monkeypatch, tmp_path)
    gui, cli = run.analyses
    assert [Path(s).name for s in gui.scripts_in] == ["launch_gui.py"]
    assert [Path(s).name for s in cli.scripts_in] == ["launch_cli.py"]
    assert "PySide6.QtNetwork" in gui.kwargs["excludes"]
    assert "PySide6" in cli.kwargs["excludes"]  # the command line never needs Qt
    for a in (gui, cli):
        dests = [dest for dest, _, _ in a.binaries + a.datas]
        assert "PySide6/Qt/lib/libQt6Widgets.so.6" in dests
        assert "PySide6/Qt/lib/libQt6Network.so.6" not in dests
        assert not [dest for dest in dests if dest.endswith(".qm")]
        # The package metadata, which __version__ reads (an .egg-info when run from the root).
        assert any(dest.startswith("tiledesk_jwt_gui") for _, dest in a.kwargs["datas"])
    resources = {Path(src).name for src, dest in gui.kwargs["datas"] if dest.endswith("resources")}
    assert {"icon.svg", "icon.png"} <= resources


def test_the_launchers_import_absolutely() -> None:
    assert "from tiledesk_jwt_gui.app import main" in (PACKAGING / "launch_gui.py").read_text()
    assert "from tiledesk_jwt_gui.cli import main" in (PACKAGING / "launch_cli.py").read_text()


def test_onefile_goes_to_its_own_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    run = run_spec(monkeypatch, tmp_path, "--onefile")
    assert not run.of("COLLECT")
    assert Path(run.distpath) == tmp_path / "dist" / "onefile"
    for name in ("tiledesk-jwt-gui", "tiledesk-jwt"):
        assert run.exe(name).kwargs["exclude_binaries"] is False


def test_windows_icon_and_version_resource(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    run = run_spec(monkeypatch, tmp_path, platform="win32")
    gui = run.exe("tiledesk-jwt-gui")
    assert gui.kwargs["icon"] == str(ROOT / "assets" / "icon.ico")
    assert gui.kwargs["strip"] is False
    text = Path(gui.kwargs["version"]).read_text(encoding="utf-8")
    assert f"StringStruct('ProductVersion', '{version()}')" in text
    assert "'tiledesk-jwt-gui.exe'" in text
    cli_text = Path(run.exe("tiledesk-jwt").kwargs["version"]).read_text(encoding="utf-8")
    assert "'tiledesk-jwt.exe'" in cli_text


def test_macos_app_bundle(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    run = run_spec(monkeypatch, tmp_path, platform="darwin")
    (bundle,) = run.of("BUNDLE")
    (collect,) = run.of("COLLECT")
    assert bundle.args == (collect,)
    assert bundle.kwargs["version"] == version()
    assert bundle.kwargs["bundle_identifier"] == options.BUNDLE_IDENTIFIER
    assert bundle.kwargs["icon"] == str(ROOT / "assets" / "icon.icns")
    assert bundle.kwargs["name"] == "Tiledesk JWT Inspector.app"
    assert bundle.kwargs["info_plist"]["CFBundleShortVersionString"] == version()
    assert run.exe("tiledesk-jwt-gui").kwargs["icon"] == str(ROOT / "assets" / "icon.icns")


def test_the_bare_baseline_gets_the_same_options(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    ours = run_spec(monkeypatch, tmp_path)
    bare = run_spec(monkeypatch, tmp_path, "--bare")
    (bare_analysis,) = bare.analyses
    assert [Path(s).name for s in bare_analysis.scripts_in] == ["bare_hello.py"]
    assert bare_analysis.kwargs["excludes"] == ours.analyses[0].kwargs["excludes"]
    same = ("console", "upx", "strip", "exclude_binaries")
    bare_exe, gui = bare.exe("bare-hello"), ours.exe("tiledesk-jwt-gui")
    assert {k: bare_exe.kwargs[k] for k in same} == {k: gui.kwargs[k] for k in same}
    assert [d for d, _, _ in bare_analysis.binaries] == [d for d, _, _ in ours.analyses[0].binaries]
