"""A probe round at national scale: the ``probe-homes`` flow (through Prefect, with the
temporary API server a command starts) and ``portal-audit probe`` (no Prefect) over
14,000 synthetic portals on loopback (bench/synth.py, one 127.A.B.C address each), into a
fresh SQLite warehouse. A round must fit well inside the 30 minutes between rounds.

Usage: .venv/bin/python bench/probe_bench.py [--portals 14000]
Prints wall, CPU and peak RSS of each whole process, probes per second, and how many failed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import yaml
from sqlalchemy import create_engine, text

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from audit_cli import VENV_BIN, whole_process  # noqa: E402
from synth import catalog, serving  # noqa: E402

FLOW = """
import sys
from flows.server import launch_unless_configured, prefect_api
api = launch_unless_configured()
from flows.probes import probe_homes
with prefect_api(api):
    print(probe_homes(catalog=sys.argv[1], warehouse=sys.argv[2]).line())
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--portals", type=int, default=14_000)
    ap.add_argument("--port", type=int, default=18096)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp, serving(args.port):
        path = Path(tmp) / "homes.yaml"
        path.write_text(yaml.safe_dump(catalog(args.portals, 1, args.port), allow_unicode=True), encoding="utf-8")
        for name, cmd in (
                ("probe-homes flow (Prefect)", [sys.executable, "-c", FLOW, str(path), f"sqlite:///{tmp}/flow.db"]),
                ("portal-audit probe", [str(VENV_BIN / "portal-audit"), "probe", str(path), "--warehouse",
                                        f"sqlite:///{tmp}/cli.db"])):
            _, _, r = whole_process(cmd, cwd=HERE.parent)
            db = f"{tmp}/{'flow' if 'flow' in name else 'cli'}.db"
            with create_engine(f"sqlite:///{db}").connect() as conn:
                n, failed = conn.execute(text("select count(*), sum(not ok) from availability_probes")).one()
            print(f"{name}: {n:,} home pages in {r['wall_s']:.1f} s wall ({n / r['wall_s']:,.0f}/s), "
                  f"{r['cpu_s']:.1f} s CPU, peak RSS {r['peak_rss_mb']:,.0f} MB; {failed} failed")


if __name__ == "__main__":
    main()
