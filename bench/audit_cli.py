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


def run_audit_cli(catalog: Path, as_of: str, *extra: str) -> dict:
    """Run the audit; returns wall, cpu, peak RSS and the (portal, column) → status stored."""
    with tempfile.TemporaryDirectory() as tmp:
        db = f"sqlite:///{tmp}/audit.db"
        out, err = Path(tmp) / "out.txt", Path(tmp) / "err.txt"
        t = time.perf_counter()
        with open(out, "w") as o, open(err, "w") as e:
            proc = subprocess.Popen([str(VENV_BIN / "portal-audit"), "audit", str(catalog), "--as-of", as_of,
                                     "--warehouse", db, "--data-docs", f"{tmp}/docs", "--reports", f"{tmp}/reports",
                                     *extra], stdout=o, stderr=e, cwd=tmp)
            _, status, usage = os.wait4(proc.pid, 0)  # this run's own rusage (its API server included)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - t
        if proc.returncode != 0:
            raise SystemExit(f"portal-audit audit failed ({proc.returncode}):\n{err.read_text()[-3000:]}")
        stdout = out.read_text()
        with create_engine(db).connect() as conn:
            statuses = {(p, c): s for p, c, s in conn.execute(text(
                "select portal_id, column_id, status from column_audits"))}
            pages = conn.execute(text("select count(*) from page_fetches")).scalar()
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "peak_rss_mb": usage.ru_maxrss / 1024,
            "statuses": statuses, "columns": len(statuses), "pages": pages,
            "summary": stdout.splitlines()[0] if stdout else ""}
