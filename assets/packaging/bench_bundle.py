"""Bundle size and frozen start-up, against a bare PySide6 "hello window" built by the same spec
with the same options and trimming (``-- --bare``).

    python assets/packaging/bench_bundle.py [--runs 15] [--untrimmed] [--check]
    (make bench-package: builds dist/tiledesk-jwt-gui first if it is stale)

Sizes are the bytes of the regular files in the folder (symbolic links take no room and are not
followed, so the top-level links PyInstaller makes to the Qt libraries are not counted twice).
Start-up is the wall time of ``--smoke`` offscreen: the median of ``--runs`` runs, the two
programs alternated so that drift hits both alike, after one warm-up run each.
Budgets (issue 5): size ≤ 1.15 × bare, start-up ≤ 1.3 × bare. ``--check`` exits 1 past a budget.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SPEC = HERE / "tiledesk-jwt-gui.spec"
OURS = ROOT / "dist" / "tiledesk-jwt-gui"
BENCH = ROOT / "build" / "bench"
SIZE_BUDGET = 1.15
START_BUDGET = 1.3


def bundle_bytes(folder: Path) -> int:
    """The bytes of the regular files under ``folder``; symbolic links are not followed."""
    total = 0
    for directory, _, files in os.walk(folder):
        for name in files:
            path = Path(directory, name)
            if not path.is_symlink():
                total += path.stat().st_size
    return total


def build(name: str, spec_options: Sequence[str]) -> Path:
    """Build the spec with ``spec_options`` into build/bench/<name>/; the bundle folder."""
    dist, work = BENCH / name / "dist", BENCH / name / "work"
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR"]
    command += ["--distpath", str(dist), "--workpath", str(work), str(SPEC), "--", *spec_options]
    print(f"bench: building {name} …", flush=True)
    subprocess.run(command, check=True, cwd=ROOT)
    return dist / ("bare-hello" if "--bare" in spec_options else "tiledesk-jwt-gui")


def executable(folder: Path) -> Path:
    for name in ("tiledesk-jwt-gui", "bare-hello"):
        for candidate in (folder / name, folder / f"{name}.exe"):
            if candidate.is_file():
                return candidate
    raise SystemExit(f"bench: no executable in {folder} (make package builds dist/)")


def start_times(programs: dict[str, Path], runs: int) -> dict[str, list[float]]:
    """Seconds per ``--smoke`` run of each program, alternated, after a warm-up run each."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    times: dict[str, list[float]] = {name: [] for name in programs}
    for round_ in range(runs + 1):
        for name, program in programs.items():
            started = time.perf_counter()
            result = subprocess.run(
                [str(program), "--smoke"], env=env, capture_output=True, check=False, timeout=180
            )
            elapsed = time.perf_counter() - started
            if result.returncode != 0:
                raise SystemExit(f"bench: {program} --smoke failed: {result.stderr!r}")
            if round_:  # the first round warms the file cache
                times[name].append(elapsed)
    return times


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="start-up runs per program")
    parser.add_argument(
        "--untrimmed", action="store_true", help="also build both without the trimming"
    )
    parser.add_argument("--check", action="store_true", help="exit 1 when a budget is exceeded")
    args = parser.parse_args(argv)
    executable(OURS)  # exits with a hint when the bundle is missing

    folders = {"ours": OURS, "bare": build("bare", ["--bare"])}
    if args.untrimmed:
        folders["ours-untrimmed"] = build("ours-untrimmed", ["--untrimmed"])
        folders["bare-untrimmed"] = build("bare-untrimmed", ["--bare", "--untrimmed"])
    sizes = {name: bundle_bytes(folder) for name, folder in folders.items()}
    times = start_times({name: executable(folders[name]) for name in ("ours", "bare")}, args.runs)
    medians = {name: statistics.median(samples) for name, samples in times.items()}

    print(f"\n{'bundle':16} {'size':>10}   {'--smoke median (min–max)':>26}")
    for name, folder in folders.items():
        line = f"{name:16} {sizes[name] / 1e6:7.1f} MB"
        if name in times:
            low, high = min(times[name]) * 1e3, max(times[name]) * 1e3
            line += f"   {medians[name] * 1e3:8.0f} ms ({low:.0f}–{high:.0f})"
        print(f"{line}   {folder.relative_to(ROOT)}")
    size_ratio = sizes["ours"] / sizes["bare"]
    start_ratio = medians["ours"] / medians["bare"]
    size_ok, start_ok = size_ratio <= SIZE_BUDGET, start_ratio <= START_BUDGET
    verdicts = {True: "ok", False: "OVER BUDGET"}
    print(f"\nsize ours/bare:     {size_ratio:.3f} (budget ≤ {SIZE_BUDGET}) {verdicts[size_ok]}")
    print(f"start-up ours/bare: {start_ratio:.2f}  (budget ≤ {START_BUDGET}) {verdicts[start_ok]}")
    print(f"({args.runs} alternated runs each, QT_QPA_PLATFORM=offscreen)")
    return 1 if args.check and not (size_ok and start_ok) else 0


if __name__ == "__main__":
    sys.exit(main())
