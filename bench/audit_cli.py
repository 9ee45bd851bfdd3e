"""Time ``portal-audit audit`` as users run it: the console script in a process of its own,
through the Prefect flow and the temporary API server it starts, into a fresh SQLite
warehouse. CPU is that process's and its children's (the API server included); peak RSS
is the largest of them (the flow's process)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, text

VENV_BIN = Path(sys.executable).parent


def whole_process(cmd: list[str], cwd: str | Path) -> tuple[str, str, dict]:
    """Run ``cmd`` to its end; its stdout, stderr and figures as a whole process: wall,
    CPU and peak RSS from wait4 (its own children — an API server — included)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=cwd, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd[:3])} … failed ({os.waitstatus_to_exitcode(status)}):\n{stderr[-3000:]}")
    return stdout, stderr, {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime,
                            "peak_rss_mb": usage.ru_maxrss / 1024}


def run_audit_cli(catalog: Path, as_of: str, *extra: str, warehouse: str | None = None) -> dict:
    """Run the audit (into a fresh warehouse, or ``warehouse``: a later night); returns wall,
    cpu, peak RSS, the (portal, column) → status stored and the links the night checked."""
    with tempfile.TemporaryDirectory() as tmp:
        db = warehouse or f"sqlite:///{tmp}/audit.db"
        stdout, _, figures = whole_process(
            [str(VENV_BIN / "portal-audit"), "audit", str(catalog), "--as-of", as_of, "--warehouse", db,
             "--data-docs", f"{tmp}/docs", "--reports", f"{tmp}/reports", *extra], cwd=tmp)
        with create_engine(db).connect() as conn:
            statuses = {(p, c): s for p, c, s in conn.execute(text(
                "select portal_id, column_id, status from column_audits where run_id = :r"), {"r": as_of})}
            pages = conn.execute(text("select count(*) from page_fetches where run_id = :r"), {"r": as_of}).scalar()
            links = conn.execute(text("select count(*), coalesce(sum(checked), 0) from link_checks where run_id = :r"),
                                 {"r": as_of}).one()
    return {**figures, "statuses": statuses, "columns": len(statuses), "pages": pages, "links": links[0],
            "links_fetched": links[1],
            "summary": stdout.splitlines()[0] if stdout else ""}
