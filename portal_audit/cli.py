"""The ``portal-audit`` command line: audit, extract, catalog import, report, demo."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

from .catalog import CatalogError
from .i18n import ENV, china_today, coded, language, languages, msg, render, t, using

# Prefect's ephemeral server: no telemetry (its heartbeat fights our run for the SQLite lock).
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")

REPO_ROOT = Path(__file__).resolve().parents[1]
DEMO_CATALOG = REPO_ROOT / "catalogs" / "demo.yaml"


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def cmd_audit(args: argparse.Namespace) -> int:
    from validations.rules import load_ruleset

    from .catalog import load_catalog

    load_catalog(args.catalog).select(args.portal)  # bad input fails here, before Prefect starts
    load_ruleset(args.ruleset)
    from warehouse.db import open_warehouse

    named = bool(args.warehouse) and args.warehouse.startswith("secret:")  # a Prefect Secret block
    if not named:
        open_warehouse(args.warehouse)  # so does a warehouse that cannot take the run
    from flows.server import launch_unless_configured, prefect_api

    api = launch_unless_configured()  # Prefect's temporary API starts while the flow's modules load
    from flows.audit import nightly_audit, resolve_warehouse

    with prefect_api(api), _secret_kept_out(args.warehouse) as warehouse:
        if named:
            open_warehouse(resolve_warehouse(args.warehouse))
        state = nightly_audit(catalog=str(args.catalog), as_of=args.as_of, portals=args.portal or None,
                              warehouse=warehouse, ruleset=args.ruleset, data_docs=args.data_docs,
                              reports=args.reports, lang=language(), spool=args.spool or None,
                              load_retry_minutes=args.load_retry, return_state=True)
    if state.is_failed():  # the run says why in one line (a warehouse outage: where its crawl is kept)
        print(f"portal-audit: {state.message}", file=sys.stderr)
        return 1
    summary = state.result()
    print(summary.line())
    print(summary.read_by_line())
    print("\n".join(summary.verdict_lines()))
    if summary.data_docs:
        print(t("cli.data_docs", path=summary.data_docs))
    print(t("cli.loaded", run=summary.run_id, warehouse=summary.warehouse))
    return 0


@contextlib.contextmanager
def _secret_kept_out(warehouse: str | None):
    """The warehouse as a flow parameter may name it: a URL holding a password goes to the
    flow through the environment ($PORTAL_AUDIT_WAREHOUSE, read in this process), never as a
    parameter Prefect stores and shows; ``secret:NAME`` and plain URLs go as they are."""
    from warehouse.db import ENV_VAR, has_secret

    if not has_secret(warehouse):
        yield warehouse
        return
    before = os.environ.get(ENV_VAR)
    os.environ[ENV_VAR] = warehouse
    try:
        yield None
    finally:
        if before is None:
            os.environ.pop(ENV_VAR, None)
        else:
            os.environ[ENV_VAR] = before


def cmd_probe(args: argparse.Namespace) -> int:
    """One round of home-page probes without Prefect (cron, or a first look)."""
    from flows.probes import run_probes  # no Prefect server here: the catalog is read (and checked) once

    result, probes = run_probes(str(args.catalog), args.warehouse, args.portal or None, args.timeout)
    for p in probes:
        if not p.ok:
            print(f"{p.portal_id}: {render(p.error)} ({p.url})")
    print(result.line())
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    from extractors.browser import Renderer
    from extractors.crawl import crawl_column, render_limits
    from extractors.fetch import Fetcher, FetchPolicy

    policy = FetchPolicy(allow_private_networks=args.allow_private_networks, max_pages_per_column=args.max_pages,
                         per_host_delay=args.delay, browser=not args.no_browser)

    async def run():
        async with Fetcher(policy) as fetcher, Renderer(fetcher, render_limits(policy)) as renderer:
            return await crawl_column(fetcher, "-", "-", args.url, args.as_of or china_today(), window_days=args.window,
                                      profile="browser" if args.browser else None,
                                      renderer=renderer if policy.browser else None)

    crawl = asyncio.run(run())
    if args.json:
        print(json.dumps({
            "url": args.url, "state": crawl.fetch_state, "error": str(crawl.error) if crawl.error else None, "empty": crawl.empty_marker,
            "method": crawl.method, "api": crawl.source,
            "pages": [p.url for p in crawl.pages], "newest": crawl.newest.isoformat() if crawl.newest else None,
            "items": [{"title": i.title, "url": i.url, "published_on": i.published_on.isoformat() if i.published_on else None,
                       "pinned": i.pinned} for i in crawl.items],
        }, ensure_ascii=False, indent=2))
    else:
        print(t("cli.extracted", url=args.url, state=coded("fetch_state", crawl.fetch_state), items=len(crawl.items), pages=len(crawl.pages),
                newest=crawl.newest or "-", method=msg("cli.read_as", method=crawl.method) if crawl.method else msg("empty"),
                why=msg("cli.why", error=crawl.error) if crawl.error else msg("empty")))
        for i in crawl.items:
            print(f"{i.published_on or '          '}  {'[置顶] ' if i.pinned else ''}{i.title}  {i.url}")
    return 0 if crawl.fetch_state == "ok" else 1


def cmd_catalog_import(args: argparse.Namespace) -> int:
    from .catalog import dump_catalog
    from .importer import import_file

    result = import_file(args.file, portal_id=args.portal_id, name=args.name or args.portal_id, base_url=args.base_url,
                         simplified=args.simplified)
    for w in result.warnings:
        print(t("artifact.warning", warning=w), file=sys.stderr)
    Path(args.output).write_text(dump_catalog(result.catalog), encoding="utf-8")
    n = sum(len(p.columns) for p in result.catalog.portals)
    print(t("cli.imported", n=n, path=args.output))
    return 0


def cmd_catalog_discover(args: argparse.Namespace) -> int:
    from extractors.fetch import policy_for

    from .catalog import dump_catalog, load_catalog
    from .discover import crawl_navigation, match

    catalog = load_catalog(args.catalog)
    portals = []
    for portal in catalog.portals:
        links = asyncio.run(crawl_navigation(portal, policy_for(catalog)))
        proposals = {p.column_id: p for p in match(portal, links)}
        cols = []
        for col in portal.columns:
            p = proposals[col.id]
            keep = bool(col.url) and not args.replace
            mark = "kept" if keep else ("filled" if p.url and p.confidence >= args.min_confidence else "not_filled")
            print(f"{portal.id}/{col.id}\t{col.name}\t{p.confidence:.2f}\t{p.how}\t{p.url or '-'}\t{t(f'cli.{mark}')}")
            cols.append(col if mark != "filled" else col.model_copy(update={"url": p.url}))
        portals.append(portal.model_copy(update={"columns": cols}))
    out = Path(args.output or args.catalog)
    out.write_text(dump_catalog(catalog.model_copy(update={"portals": portals})), encoding="utf-8")
    print(t("cli.catalog_written", path=out))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from warehouse.db import open_warehouse
    from warehouse.read import resolve_run

    from .report import Filters, write_index, write_report

    engine = open_warehouse(args.warehouse)
    if args.run == "all":
        if args.format != "html":
            raise ValueError("--run all writes an HTML index across runs: use --format html")
        out = write_index(engine, args.output, Filters(portals=args.portal, units=args.unit, statuses=args.status))
        print(t("cli.index_written", path=out))
        return 0
    run_id = resolve_run(engine, args.run)
    filters = Filters(portals=args.portal, units=args.unit, statuses=args.status, since=args.since, until=args.until)
    out = write_report(engine, run_id, args.format, args.output, filters=filters, warn_days=args.warn_days,
                       codes=args.codes)
    print(t("cli.report_written", run=run_id, path=out))
    return 0


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from warehouse.db import mask_url, open_warehouse, warehouse_url
    from warehouse.schema import current_revision, head_revision, upgrade

    engine = open_warehouse(args.warehouse, schema=False)
    before = current_revision(engine)
    upgrade(engine)
    print(t("cli.upgraded", warehouse=mask_url(warehouse_url(args.warehouse)), before=before or "-", head=head_revision()))
    return 0


def cmd_db_load_spool(args: argparse.Namespace) -> int:
    """Load what runs kept in the spool while the warehouse was out (validated now, crawled then)."""
    from flows.commit import load_spool
    from warehouse.db import open_warehouse, warehouse_url

    loaded = load_spool(open_warehouse(args.warehouse), warehouse_url(args.warehouse), args.spool)
    print(t("run.spool_loaded", runs=loaded.runs or "-", n=loaded.portals, spool=args.spool))
    return 0


def cmd_db_prune(args: argparse.Namespace) -> int:
    from warehouse.db import open_warehouse
    from warehouse.load import prune_evidence

    dropped = prune_evidence(open_warehouse(args.warehouse), args.keep_days)
    print(t("cli.pruned", n=dropped, days=args.keep_days))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from warehouse.db import open_warehouse

    open_warehouse(args.warehouse)  # before the Prefect server: a warehouse that cannot take the run says so first
    from flows.server import launch_unless_configured, prefect_api

    api = launch_unless_configured()  # Prefect's temporary API starts while the demo portal is built
    from flows.audit import nightly_audit
    from validations.rules import load_ruleset

    from .catalog import dump_catalog, load_catalog
    from .demo import build_site, serve

    as_of = args.as_of or china_today()
    catalog = load_catalog(DEMO_CATALOG)
    portal = catalog.portals[0]
    site = build_site(portal, load_ruleset(args.ruleset), as_of)
    server, base_url = serve(site, port=args.port)
    print(t("cli.demo_served", name=portal.name, url=base_url))
    try:
        served = catalog.model_copy(update={"portals": [portal.model_copy(update={"base_url": base_url})]})
        from extractors.fetch import policy_for
        from warehouse.db import make_engine, warehouse_url

        from .demo.week import probe_week

        probes = probe_week(make_engine(warehouse_url(args.warehouse)), served.portals[0], as_of, policy_for(served))
        print(t("cli.demo_week", probes=len(probes), as_of=as_of, failed=sum(not p.ok for p in probes)))
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "demo.yaml"
            path.write_text(dump_catalog(served), encoding="utf-8")
            with prefect_api(api):
                state = nightly_audit(catalog=str(path), as_of=as_of, warehouse=args.warehouse,
                                      ruleset=args.ruleset, data_docs=args.data_docs, reports=args.reports,
                                      lang=language(), return_state=True)
    finally:
        server.shutdown()
    if state.is_failed():
        print(f"portal-audit: {state.message}", file=sys.stderr)
        return 1
    summary = state.result()
    from warehouse.db import make_engine, warehouse_url
    from warehouse.read import column_audits

    from urllib.parse import urlsplit

    from warehouse.read import consultation_messages

    from .report import late_frame

    engine = make_engine(warehouse_url(args.warehouse))
    stored = column_audits(engine, summary.run_id)  # what analysts will read
    agree = sum(1 for cid, status in zip(stored.column_id, stored.status) if site.truth.get(cid) == status)
    late = {urlsplit(u).path for u in late_frame(consultation_messages(engine, summary.run_id), stored, as_of)["url"]}
    from warehouse.read import content_findings, link_checks

    links = link_checks(engine, summary.run_id)
    broken = {urlsplit(u).path for u in links.loc[links["status"] == "broken", "url"]}
    terms = set(content_findings(engine, summary.run_id)["term"])
    content_ok = broken == set(site.broken) and set(site.findings.values()) <= terms
    print(summary.line())
    print("\n".join(summary.verdict_lines()))
    print(t("cli.demo_truth", agree=agree, columns=len(site.truth), late=len(late & set(site.late)),
            planted=len(site.late), wrong=msg("cli.wrongly", n=len(late - set(site.late))) if late - set(site.late)
            else msg("empty")))
    print(t("cli.demo_links", links=len(links), skipped=(links["status"] == "skipped").sum(),
            found=len(broken & set(site.broken)), planted=len(site.broken),
            wrong=msg("cli.wrongly", n=len(broken - set(site.broken))) if broken - set(site.broken) else msg("empty"),
            findings=len(terms), outcome=msg("cli.found" if set(site.findings.values()) <= terms else "cli.missed")))
    print(summary.read_by_line())
    if summary.data_docs:
        print(t("cli.data_docs", path=summary.data_docs))
    print(t("cli.loaded", run=summary.run_id, warehouse=summary.warehouse))
    return 0 if agree == len(site.truth) == len(stored) and late == set(site.late) and content_ok else 1


def build_parser() -> argparse.ArgumentParser:
    from validations.rules import DEFAULT_RULESET

    parser = argparse.ArgumentParser(prog="portal-audit", description=__doc__)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=languages(),
                        help=f"language of what it writes (default ${ENV}, else zh: Chinese; en: English)")
    parser.add_argument("--lang", choices=languages(), dest="top_lang", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", required=True)

    def command(group, name: str, **kw) -> argparse.ArgumentParser:
        return group.add_parser(name, parents=[common], **kw)  # every command takes --lang

    p = command(sub, "audit", help="audit the portals of a catalog and load the results")
    p.add_argument("catalog", type=Path)
    p.add_argument("--as-of", type=_date, help="audit date (default today in China)")
    p.add_argument("--warehouse", help="SQLAlchemy URL (default $PORTAL_AUDIT_WAREHOUSE or sqlite:///audit.db)")
    p.add_argument("--portal", action="append", metavar="ID", help="only this portal (repeatable)")
    p.add_argument("--ruleset", default=DEFAULT_RULESET, help="ruleset name or YAML path")
    p.add_argument("--data-docs", default="data-docs", help="folder for GE Data Docs per run ('' for none)")
    p.add_argument("--reports", default="reports", help="folder for the HTML report per portal and run ('' for none)")
    p.add_argument("--spool", default="spool", help="where what the warehouse cannot take waits ('' for none: fail)")
    p.add_argument("--load-retry", type=float, default=30.0, metavar="MINUTES",
                   help="how long a warehouse outage is waited out before spooling (default 30)")
    p.set_defaults(func=cmd_audit)

    p = command(sub, "probe", help="probe every portal's home page once and store it (站点无法访问 reads a week of these)")
    p.add_argument("catalog", type=Path)
    p.add_argument("--warehouse", help="SQLAlchemy URL (default $PORTAL_AUDIT_WAREHOUSE or sqlite:///audit.db)")
    p.add_argument("--portal", action="append", metavar="ID", help="only this portal (repeatable)")
    p.add_argument("--timeout", type=float, default=15.0, help="seconds a home page may take (national rule: 15)")
    p.set_defaults(func=cmd_probe)

    p = command(sub, "extract", help="print the items of one column list (following pagination)")
    p.add_argument("url")
    p.add_argument("--json", action="store_true")
    p.add_argument("--as-of", type=_date)
    p.add_argument("--window", type=int, default=400, help="stop paginating past this many days (default 400)")
    p.add_argument("--max-pages", type=int, default=20)
    p.add_argument("--delay", type=float, default=0.5, help="seconds between requests (default 0.5)")
    p.add_argument("--allow-private-networks", action="store_true", help="allow loopback/private addresses")
    p.add_argument("--browser", action="store_true", help="render the page in headless Chromium first")
    p.add_argument("--no-browser", action="store_true", help="never render (a script-drawn list is then an error)")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("catalog", help="catalog tools")
    csub = p.add_subparsers(dest="catalog_command", required=True)
    pi = command(csub, "import", help="import a published column table (栏目分工) as a catalog")
    pi.add_argument("file", type=Path)
    pi.add_argument("-o", "--output", required=True)
    pi.add_argument("--portal-id", default="portal")
    pi.add_argument("--name", default="")
    pi.add_argument("--base-url", default="http://example.gov.cn/")
    pi.add_argument("--simplified", action="store_true", help="convert traditional script to simplified")
    pi.set_defaults(func=cmd_catalog_import)
    pd_ = command(csub, "discover", help="propose list URLs by crawling the portal's navigation")
    pd_.add_argument("catalog", type=Path)
    pd_.add_argument("-o", "--output", help="where to write the catalog (default: in place)")
    pd_.add_argument("--min-confidence", type=float, default=0.9, help="fill only proposals at least this sure")
    pd_.add_argument("--replace", action="store_true", help="also replace URLs the catalog already has")
    pd_.set_defaults(func=cmd_catalog_discover)

    p = command(sub, "report", help="write a run's report")
    p.add_argument("--warehouse")
    p.add_argument("--run", default="latest", help="run id (YYYY-MM-DD), latest, or all (HTML index across runs)")
    p.add_argument("--format", choices=["md", "csv", "xlsx", "html", "docx"], required=True)
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--portal", action="append", metavar="ID", help="only this portal (repeatable)")
    p.add_argument("--unit", action="append", metavar="UNIT", help="only this responsible unit (repeatable)")
    p.add_argument("--status", action="append", choices=["fresh", "stale", "empty", "unreachable", "error", "exempt"])
    p.add_argument("--since", type=_date, help="trend from this date")
    p.add_argument("--until", type=_date, help="trend up to this date")
    p.add_argument("--warn-days", type=int, default=7, help="即将超期: list fresh columns with this many days left or fewer")
    p.add_argument("--codes", action="store_true",
                   help="CSV/XLSX as stored, for scripts: English column names, status codes, ISO dates (any --lang)")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("db", help="warehouse maintenance")
    dsub = p.add_subparsers(dest="db_command", required=True)
    pu = command(dsub, "upgrade", help="migrate the warehouse schema to this version (Alembic)")
    pu.add_argument("--warehouse")
    pu.set_defaults(func=cmd_db_upgrade)
    pl = command(dsub, "load-spool", help="load what runs kept in the spool while the warehouse was out")
    pl.add_argument("--warehouse")
    pl.add_argument("--spool", default="spool")
    pl.set_defaults(func=cmd_db_load_spool)
    pp = command(dsub, "prune", help="retention: drop stored page bodies older than N days")
    pp.add_argument("--warehouse")
    pp.add_argument("--keep-days", type=int, required=True)
    pp.set_defaults(func=cmd_db_prune)

    p = command(sub, "demo", help="serve the bundled demo portal on 127.0.0.1 and audit it")
    p.add_argument("--as-of", type=_date)
    p.add_argument("--warehouse")
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--ruleset", default=DEFAULT_RULESET)
    p.add_argument("--data-docs", default="data-docs", help="folder for GE Data Docs per run ('' for none)")
    p.add_argument("--reports", default="reports", help="folder for the HTML report per portal and run ('' for none)")
    p.set_defaults(func=cmd_demo)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        with using(getattr(args, "lang", None) or args.top_lang):
            try:
                return args.func(args)
            except (CatalogError, LookupError, ValueError, FileNotFoundError, RuntimeError) as exc:
                print(f"portal-audit: {exc}", file=sys.stderr)  # in the run's language where it has one
                return 2
    except ValueError as exc:  # $PORTAL_AUDIT_LANG names no language
        print(f"portal-audit: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
