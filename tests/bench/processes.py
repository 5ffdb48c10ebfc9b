"""Timing whole processes for ``make bench``: wall time, CPU time and peak RSS of each run.

Run as its own small process (``python -m tests.bench.processes``, a JSON request on stdin, the
JSON results on stdout), because Linux carries a parent's resident size into every child it
forks: a child's ``ru_maxrss`` is at least what its parent held when it forked, even across
``exec``. The bench process holds a whole window by then; this one holds only the standard
library (about 10 MB, below any Qt process), so each child's peak is its own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

__all__ = ["interleave", "main", "run_measured"]


def run_measured(command: Sequence[str], env: dict[str, str], cwd: str) -> dict[str, float]:
    """Run ``command`` to its end: ``wall`` and ``cpu`` (user + system) seconds, ``rss_kib``."""
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        process = subprocess.Popen(list(command), env=env, cwd=cwd, stdout=output, stderr=output)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            output.seek(0)
            tail = output.read().decode(errors="replace")[-600:]
            raise SystemExit(f"bench: {command[0]} exited {process.returncode}: {tail}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_kib": usage.ru_maxrss}


def interleave(
    commands: dict[str, list[str]], runs: int, env: dict[str, str], cwd: str
) -> dict[str, list[dict[str, float]]]:
    """``runs`` rounds of every command after one warm-up round; the order turns each round
    so that no program always runs first (or right after the same one)."""
    names = list(commands)
    results: dict[str, list[dict[str, float]]] = {name: [] for name in names}
    for round_ in range(runs + 1):
        shift = round_ % len(names)
        for name in names[shift:] + names[:shift]:
            sample = run_measured(commands[name], env, cwd)
            if round_:
                results[name].append(sample)
    return results


def main() -> int:
    request = json.load(sys.stdin)
    results = interleave(
        request["commands"], request["runs"], request["env"], request.get("cwd", str(Path.cwd()))
    )
    json.dump(results, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
