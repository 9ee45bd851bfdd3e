"""The demo portal in a process of its own, for ``portal-audit demo``.

Served from a thread of the command's own process, the portal's answers (336 probes of
its home page, then every page the audit reads) took the GIL from the command while it
imported Prefect and Great Expectations and crawled: seconds of one core while the other
waited. Here a child process builds the same site (it is generated from a seed), serves
it, takes the simulated week of home-page probes into the warehouse, and tells the
command, as JSON lines on its stdout, where it is, what the demo expects the audit to
find, and how the week went. It stops when the command closes its stdin or dies."""

from __future__ import annotations

import argparse
import json
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from portal_audit.i18n import TZ, china_today, loads, render
from portal_audit.lifetime import die_with_parent


@dataclass(frozen=True)
class Expected:
    """What the demo planted, for the command's check of the audit against it."""

    base_url: str
    truth: dict[str, str] = field(default_factory=dict)  # column id → status
    late: dict[str, str] = field(default_factory=dict)  # message URL → why it is late
    broken: dict[str, str] = field(default_factory=dict)  # link path → how it is broken
    findings: dict[str, str] = field(default_factory=dict)  # rule → the term a content scan must find
    indicators: dict[str, dict[str, str]] = field(default_factory=dict)  # portal → indicator → its outcome
    siblings: list[dict] = field(default_factory=list)  # the sibling portals (catalog entries, base URLs absolute)
    hidden: list[str] = field(default_factory=list)  # the hidden links planted (暗链): all the audit may find
    ca_file: str = ""  # the demo's certificate authority (PEM), which the demo's catalog trusts
    certificate_until: str = ""  # the day the HTTPS sibling's certificate expires (China's; ISO)
    attached: list[str] = field(default_factory=list)  # personal data planted in attachments (masked)


@dataclass(frozen=True)
class Week:
    probes: int
    failed: int


class DemoPortal:
    """The child process, from the command's side: ``with DemoPortal(...) as portal:``,
    then ``portal.expected()`` (served) and ``portal.week()`` (probes stored)."""

    def __init__(self, catalog: Path, ruleset: str, as_of: date, port: int, warehouse: str | None):
        self.args = ["--catalog", str(catalog), "--ruleset", ruleset, "--as-of", as_of.isoformat(),
                     "--port", str(port), "--warehouse", warehouse or ""]
        self.process: subprocess.Popen[str] | None = None
        self.errors = tempfile.TemporaryFile()  # noqa: SIM115 - its stderr, closed in __exit__ (a pipe nobody reads could fill)

    def __enter__(self) -> DemoPortal:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "app.demo.process", *self.args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=self.errors, text=True, encoding="utf-8", preexec_fn=die_with_parent)
        return self

    def stop_serving(self) -> None:
        """Tell the child to stop (it closes its server and exits) without waiting for it:
        it stops while the command winds its own things down."""
        if self.process is not None and self.process.stdin is not None and not self.process.stdin.closed:
            self.process.stdin.close()  # the child's signal to stop serving

    def __exit__(self, *exc) -> None:
        process = self.process
        if process is None:
            return
        try:
            self.stop_serving()
            self.process = None
            process.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            process.kill()
            process.wait()
        self.errors.close()

    def _message(self, key: str) -> dict:
        """The child's next JSON line; its error, or its stderr when it died, as DemoFailed."""
        assert self.process is not None and self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            self.process.wait()
            self.errors.seek(0)
            tail = self.errors.read()[-3000:].decode("utf-8", errors="replace")
            raise DemoFailed(tail or f"the demo portal's process exited ({self.process.returncode})")
        message = json.loads(line)
        if "error" in message:
            raise DemoFailed(render(loads(message["error"])))
        return message[key]

    def expected(self) -> Expected:
        return Expected(**self._message("served"))

    def week(self) -> Week:
        return Week(**self._message("week"))


class DemoFailed(RuntimeError):
    """The demo portal could not be served or probed; the message says why, in the user's language."""


def _say(**message) -> None:
    print(json.dumps(message), flush=True)  # ASCII: whatever the locale's encoding


def main(argv: list[str] | None = None) -> int:
    """The child: build and serve the site, store the week of probes, serve until stdin closes."""
    parser = argparse.ArgumentParser(prog="python -m app.demo.process")
    parser.add_argument("--catalog", type=Path, required=True)
    parser.add_argument("--ruleset", required=True)
    parser.add_argument("--as-of", type=date.fromisoformat, required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--warehouse", default="")
    args = parser.parse_args(argv)

    from extractors.fetch import policy_for
    from portal_audit.catalog import load_catalog
    from portal_audit.i18n import dumps, msg, os_reason
    from portal_audit.records import Baseline
    from validations.rules import load_ruleset
    from warehouse.db import make_engine, warehouse_url
    from warehouse.load import set_baseline

    from .siblings import HTTPS_SIBLING, add_siblings, served_at
    from .site import build_site, serve
    from .tls import issue
    from .week import probe_week

    catalog = load_catalog(args.catalog)
    portal = catalog.portals[0]
    site = build_site(portal, load_ruleset(args.ruleset), args.as_of)
    siblings = add_siblings(site, args.as_of)
    try:
        server, base_url = serve(site, port=args.port)
    except OSError as exc:
        _say(error=dumps(msg("cli.demo_port_taken", url=f"http://127.0.0.1:{args.port}/", why=os_reason(exc))))
        return 2
    # each sibling on a port of its own: a host of its own, so the crawl's politeness and its
    # browser (one render at a time per host) take them side by side, as separate sites
    # 宣城市人民政府 over HTTPS, its certificate (from a CA of the demo's own, which the catalog
    # trusts) expiring in 10 days: the https check's planted warning
    until = datetime.combine(china_today() + timedelta(days=10), time(23, 59, 59), TZ)  # the end of China's day
    certs = issue(Path(tempfile.mkdtemp(prefix="portal-audit-demo-tls-")), valid_for=until - datetime.now(TZ))
    others = [serve(site, tls=certs.server_context() if s.id == HTTPS_SIBLING else None) for s in siblings]
    beside = [served_at(s, base) for s, (_, base) in zip(siblings, others)]
    _say(served=asdict(Expected(base_url, site.truth, site.late, site.broken, site.findings, site.indicators,
                                [s.model_dump(mode="json", exclude_none=True) for s in beside], sorted(site.hidden),
                                str(certs.ca), until.date().isoformat(), sorted(site.attached))))
    served = catalog.model_copy(update={"portals": [portal.model_copy(update={"base_url": base_url}), *beside],
                                        "politeness": catalog.politeness.model_copy(update={"ca_file": str(certs.ca)})})
    engine = make_engine(warehouse_url(args.warehouse or None))
    # the demo portal 48 times a day, as probe-homes does; its siblings are there for the supervision
    # indicators and are not probed (their 站点无法访问 is unknown: a week of probes costs the demo ~1.5 s)
    probes = probe_week(engine, served.portals[0], args.as_of, policy_for(served))
    # its security baseline as of a week ago (the tampering and the new script came since)
    home, origins = site.baseline
    set_baseline(engine, portal.id, Baseline((args.as_of - timedelta(days=7)).isoformat(), tuple(home.items()),
                                              frozenset(origins)))
    _say(week=asdict(Week(len(probes), sum(not p.ok for p in probes))))
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())

    def until_stdin_closes() -> None:
        sys.stdin.read()
        stop.set()

    threading.Thread(target=until_stdin_closes, daemon=True).start()
    stop.wait()
    for each in [server, *(other for other, _ in others)]:
        each.shutdown()
    shutil.rmtree(certs.ca.parent, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
