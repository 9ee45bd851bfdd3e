"""``make demo`` as a user runs it, timed as a whole process (make, the command, its
temporary Prefect API server, the demo portal's process, Chromium): wall and CPU of each
run and their medians. Each run audits into a warehouse of its own, so every run is a
first night (the demo portal's script-drawn columns rendered, nothing learnt before) —
what a fresh clone's first ``make demo`` does.

Usage: .venv/bin/python bench/demo_bench.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Wall and CPU (the process and all it waited for) of ``cmd``, and its output's last lines."""
    with tempfile.TemporaryFile("w+") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        out.seek(0)
        text = out.read()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"make demo failed:\n{text[-3000:]}")
    return wall, usage.ru_utime + usage.ru_stime, text


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    make = ["make", "-s", "demo"]
    subprocess.run(["make", "-s", "setup"], cwd=ROOT, check=True)  # the install is not what is timed
    walls, cpus = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(1, args.runs + 1):
            env = {**os.environ, "PORTAL_AUDIT_WAREHOUSE": f"sqlite:///{tmp}/audit-{n}.db"}
            wall, cpu, text = timed(make, env)
            agree = next((line for line in text.splitlines() if "核对预设结果" in line or "ground truth" in line), "?")
            walls.append(wall)
            cpus.append(cpu)
            print(f"run {n}: wall {wall:5.1f} s, CPU {cpu:5.1f} s  {agree[:60]}", flush=True)
    print(f"median of {args.runs}: wall {statistics.median(walls):.1f} s (min {min(walls):.1f}, max {max(walls):.1f}), "
          f"CPU {statistics.median(cpus):.1f} s; load average now {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
