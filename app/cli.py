"""The ``portal-audit`` command line: audit, extract, catalog import, report, demo."""

from __future__ import annotations

import argparse
import asyncio
import atexit
import contextlib
import json
import os
import re
import sys
import tempfile
import threading
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urlsplit

from portal_audit.catalog import ID_PATTERN, CatalogError, Portal
from portal_audit.i18n import (
    DEFAULT_LANGUAGE,
    ENV,
    china_today,
    coded,
    language,
    languages,
    loads,
    msg,
    os_reason,
    render,
    t,
    using,
)
from portal_audit.memory import cap_arenas, quiet_start, started
from portal_audit.records import INDICATORS

# Prefect's ephemeral server: no telemetry (its heartbeat fights our run for the SQLite lock).
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")

REPO_ROOT = Path(__file__).resolve().parents[1]
DEMO_CATALOG = REPO_ROOT / "catalogs" / "demo.yaml"


# Argument types that complain in the catalogue's words (argparse's own complaint names the
# Python type: "invalid float value").
def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(t("cmdline.error.not_a_date", value=text)) from None


def _in_range(value: float, text: str, low: float, high: float | None) -> None:
    if value < low or (high is not None and value > high):
        raise argparse.ArgumentTypeError(t("cmdline.error.too_small", value=text, low=low) if high is None
                                         else t("cmdline.error.out_of_range", value=text, low=low, high=high))


def _number(low: float = 0, high: float | None = None) -> Callable[[str], float]:
    """A number from ``low`` to ``high``: a negative delay or timeout is a typo, said at once."""
    def number(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = float("nan")
        if value != value:  # not a number, or NaN
            raise argparse.ArgumentTypeError(t("cmdline.error.not_a_number", value=text))
        _in_range(value, text, low, high)
        return value
    return number


def _whole(low: int = 0, high: int | None = None) -> Callable[[str], int]:
    """A whole number from ``low`` to ``high`` (a port past 65535 would end in a traceback)."""
    def whole(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(t("cmdline.error.not_a_whole_number", value=text)) from None
        _in_range(value, text, low, high)
        return value
    return whole


def _http_url(text: str) -> str:
    """An http(s) URL with a host: anything else would only fail later, as a fetch error."""
    try:
        parts = urlsplit(text)
        ok = parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:  # a bad port or IPv6 literal
        ok = False
    if not ok:
        raise argparse.ArgumentTypeError(t("cmdline.error.not_a_url", value=text))
    return text


def _portal_id(text: str) -> str:
    if not re.match(ID_PATTERN, text):
        raise argparse.ArgumentTypeError(t("cmdline.error.not_a_portal_id", value=text))
    return text


def _warehouse(text: str) -> str:
    """A warehouse URL naming a database SQLAlchemy knows (or ``secret:NAME``, a Prefect Secret
    block), checked as it is read: a typo is one line, not SQLAlchemy's English. A missing
    driver is left to ``open_warehouse``, which names the package to install."""
    if not text or text.startswith("secret:"):  # '': the default, as when not given
        return text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from warehouse.db import mask_url

    try:
        make_url(text).get_dialect()
    except (ArgumentError, ValueError):  # unparsable, or no such dialect (NoSuchModuleError)
        raise argparse.ArgumentTypeError(t("cmdline.error.not_a_warehouse", value=mask_url(text))) from None
    return text


def cmd_audit(args: argparse.Namespace) -> int:
    from portal_audit.catalog import load_portals
    from validations.rules import load_ruleset

    # bad input fails here, before Prefect starts; the flow, in this process, finds the catalog parsed
    load_portals(args.catalog)[1].select(args.portal)
    load_ruleset(args.ruleset)
    from warehouse.db import open_warehouse

    named = bool(args.warehouse) and args.warehouse.startswith("secret:")  # a Prefect Secret block
    if not named:
        open_warehouse(args.warehouse)  # so does a warehouse that cannot take the run
    from flows.server import launch_unless_configured, prefect_api

    api = launch_unless_configured()  # Prefect's temporary API starts while the flow's modules load
    from validations.suite import warm_up_meanwhile

    warm_up_meanwhile()  # GE's ~6 s of imports while this process waits for the server, not during the crawl
    from flows.audit import nightly_audit, resolve_warehouse

    with prefect_api(api), _secret_kept_out(args.warehouse) as warehouse:
        if named:
            open_warehouse(resolve_warehouse(args.warehouse))
        started()  # the imports are in: garbage collection resumes (portal_audit/memory.py)
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
    for line in summary.verdict_lines():  # one by one: a national run's are ~10 MB joined
        print(line)
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

    if warehouse is None or not has_secret(warehouse):
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
    from extractors.column import crawl_column
    from extractors.crawl import render_limits
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
            "url": args.url, "state": crawl.fetch_state, "error": str(crawl.error) if crawl.error else None,
            "empty": crawl.empty_marker, "method": crawl.method, "api": crawl.source,
            "pages": [p.url for p in crawl.pages], "newest": crawl.newest.isoformat() if crawl.newest else None,
            "items": [{"title": i.title, "url": i.url,
                       "published_on": i.published_on.isoformat() if i.published_on else None,
                       "pinned": i.pinned} for i in crawl.items],
        }, ensure_ascii=False, indent=2))
    else:
        print(t("cli.extracted", url=args.url, state=coded("fetch_state", crawl.fetch_state), items=len(crawl.items),
                pages=len(crawl.pages), newest=crawl.newest or "-",
                method=msg("cli.read_as", method=crawl.method) if crawl.method else msg("empty"),
                why=msg("cli.why", error=crawl.error) if crawl.error else msg("empty")))
        for i in crawl.items:
            print(f"{i.published_on or '          '}  {'[置顶] ' if i.pinned else ''}{i.title}  {i.url}")
    return 0 if crawl.fetch_state == "ok" else 1


def cmd_catalog_import(args: argparse.Namespace) -> int:
    from portal_audit.catalog import dump_catalog

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
    from portal_audit.catalog import dump_catalog, load_catalog

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
    from reporting import Filters, write_index, write_report
    from warehouse.db import mask_url, open_warehouse, warehouse_url
    from warehouse.read import NoRun, resolve_run

    if args.run == "all" and args.format != "html":
        raise ValueError(msg("cmdline.error.run_all_html"))
    engine = open_warehouse(args.warehouse)
    try:  # an empty warehouse has no report to give, not even an index
        run_id = resolve_run(engine, "latest" if args.run == "all" else args.run)
    except NoRun:  # warehouse.read says why in English: the reader gets the catalogue's line
        key = "cmdline.error.no_runs" if args.run in (None, "", "latest", "all") else "cmdline.error.no_run"
        raise LookupError(msg(key, run=args.run, warehouse=mask_url(warehouse_url(args.warehouse)))) from None
    if args.run == "all":
        out = write_index(engine, args.output, Filters(portals=args.portal, units=args.unit, statuses=args.status))
        print(t("cli.index_written", path=out))
        return 0
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
    print(t("cli.upgraded", warehouse=mask_url(warehouse_url(args.warehouse)), before=before or "-",
            head=head_revision()))
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


def cmd_baseline_accept(args: argparse.Namespace) -> int:
    """Adopt what a run saw of each portal (its home page's stable parts, its script
    origins) as the portal's baseline: a redesign, or a new script origin, a person checked."""
    from warehouse.db import open_warehouse
    from warehouse.earlier import NoSurface, accept_baseline

    engine = open_warehouse(args.warehouse)
    status = 0
    for portal_id in args.portal_ids:
        try:
            run = accept_baseline(engine, portal_id, args.run)
        except NoSurface:
            print(t("cli.baseline_none", portal=portal_id, run=args.run or "-"), file=sys.stderr)
            status = 2
            continue
        print(t("cli.baseline_accepted", portal=portal_id, run=run))
    return status


def _serve_demo(args: argparse.Namespace) -> int:
    """Keep the demo portal up where ``catalogs/demo.yaml`` says it is (127.0.0.1:8700), so
    the deployments in prefect.yaml have a portal to audit; Ctrl-C stops it."""
    import signal
    from urllib.parse import urlsplit

    from portal_audit.catalog import load_catalog
    from validations.rules import load_ruleset

    from .demo import build_site, serve

    portal = load_catalog(DEMO_CATALOG).portals[0]
    where = urlsplit(portal.base_url)
    site = build_site(portal, load_ruleset(args.ruleset), args.as_of or china_today())
    try:
        server, base_url = serve(site, host=where.hostname or "127.0.0.1", port=args.port or where.port or 80)
    except OSError as exc:
        print(t("cli.demo_port_taken", url=portal.base_url, why=os_reason(exc)), file=sys.stderr)
        return 2
    print(t("cli.demo_serving", name=portal.name, url=base_url), flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        stop.wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    if args.serve:
        return _serve_demo(args)
    from warehouse.db import open_warehouse

    open_warehouse(args.warehouse)  # before the demo portal: a warehouse that cannot take the run says so first
    from .demo.process import DemoFailed, DemoPortal

    as_of = args.as_of or china_today()
    try:  # the portal is built, served and probed for its week in a process of its own meanwhile
        with DemoPortal(DEMO_CATALOG, args.ruleset, as_of, args.port, args.warehouse) as demo:
            # the portal's process first, then Prefect's temporary API: the command waits longer for
            # the portal's week of probes (which the audit's validation needs) than for the server
            from flows.server import launch_unless_configured, prefect_api

            api = launch_unless_configured()
            from validations.suite import warm_up_meanwhile

            warm_up_meanwhile()  # GE's imports while this process waits for the server, not during the crawl
            from flows.audit import nightly_audit
            from portal_audit.catalog import dump_catalog, load_catalog

            site = demo.expected()
            catalog = load_catalog(DEMO_CATALOG)
            portal = catalog.portals[0].model_copy(update={"base_url": site.base_url})
            print(t("cli.demo_served", name=portal.name, url=site.base_url))
            week = demo.week()
            print(t("cli.demo_week", probes=week.probes, as_of=as_of, failed=week.failed))
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "demo.yaml"
                beside = [Portal.model_validate(p) for p in site.siblings]  # two small portals served beside it
                trusting = catalog.politeness.model_copy(update={"ca_file": site.ca_file or None})  # the demo's own CA
                served = catalog.model_copy(update={"portals": [portal, *beside], "politeness": trusting})
                path.write_text(dump_catalog(served), encoding="utf-8")
                with prefect_api(api):
                    started()  # the imports are in: garbage collection resumes (portal_audit/memory.py)
                    state = nightly_audit(catalog=str(path), as_of=as_of, warehouse=args.warehouse,
                                          ruleset=args.ruleset, data_docs=args.data_docs, reports=args.reports,
                                          lang=language(), return_state=True)
                    demo.stop_serving()  # the portal stops while the API server does
    except DemoFailed as exc:
        print(f"portal-audit: {exc}", file=sys.stderr)
        return 2
    if state.is_failed():
        print(f"portal-audit: {state.message}", file=sys.stderr)
        return 1
    summary = state.result()
    from urllib.parse import urlsplit

    from reporting.data import late_frame
    from warehouse.db import make_engine, warehouse_url
    from warehouse.read import column_audits, consultation_messages

    engine = make_engine(warehouse_url(args.warehouse))
    stored = column_audits(engine, summary.run_id)  # what analysts will read
    agree = sum(1 for cid, status in zip(stored.column_id, stored.status) if site.truth.get(cid) == status)
    late = {urlsplit(u).path for u in late_frame(consultation_messages(engine, summary.run_id), stored, as_of)["url"]}
    from warehouse.read import content_findings, link_checks

    links = link_checks(engine, summary.run_id)
    broken = {urlsplit(u).path for u in links.loc[links["status"] == "broken", "url"]}
    found_content = content_findings(engine, summary.run_id)
    terms = set(found_content["term"])
    hidden = set(found_content.loc[found_content["kind"] == "hidden", "term"])  # exactly those planted
    attached = set(found_content.loc[(found_content["kind"] == "leak")  # in attachments: exactly those planted
                                     & found_content["page_url"].str.contains("/uploads/"), "term"])
    content_ok = broken == set(site.broken) and set(site.findings.values()) <= terms and hidden == set(site.hidden) \
        and attached == set(site.attached)
    from warehouse.read import portal_checks

    judged = portal_checks(engine, summary.run_id)
    indicators: dict[str, dict[str, str]] = {}
    for p, i, o in zip(judged["portal_id"], judged["item"], judged["outcome"]):
        if i in INDICATORS:
            indicators.setdefault(p, {})[i] = o
    from .demo.siblings import HTTPS_SIBLING

    # the HTTPS sibling's warning is its certificate's 10 days, not a plain-HTTP address
    expiring = [loads(r) for p, i, r in zip(judged["portal_id"], judged["item"], judged["reason"])
                if p == HTTPS_SIBLING and i == "https"]
    certificate_ok = bool(expiring) and any(m.key == "tls.result" and any(
        getattr(x, "key", "") == "tls.expiring" and str(x.args.get("until")) == site.certificate_until
        for x in m.args.get("problems", [])) for m in expiring[0])
    print(summary.line())
    print("\n".join(summary.verdict_lines()))
    print(t("cli.demo_truth", agree=agree, columns=len(site.truth), late=len(late & set(site.late)),
            planted=len(site.late), wrong=msg("cli.wrongly", n=len(late - set(site.late))) if late - set(site.late)
            else msg("empty")))
    print(t("cli.demo_links", links=len(links), skipped=(links["status"] == "skipped").sum(),
            found=len(broken & set(site.broken)), planted=len(site.broken),
            wrong=msg("cli.wrongly", n=len(broken - set(site.broken))) if broken - set(site.broken) else msg("empty"),
            findings=len(terms), outcome=msg("cli.found" if set(site.findings.values()) <= terms else "cli.missed"),
            hidden=len(hidden & set(site.hidden)), planted_hidden=len(site.hidden),
            attached=len(attached & set(site.attached)), planted_attached=len(site.attached),
            wrong_hidden=msg("cli.wrongly", n=len(hidden - set(site.hidden))) if hidden - set(site.hidden)
            else msg("empty")))
    for portal_id, found in indicators.items():
        print(t("cli.demo_indicators", portal=portal_id,
                outcome=msg("cli.found" if found == site.indicators.get(portal_id) else "cli.missed"),
                found=[msg("cli.demo_indicator", item=msg(f"item.{i}"), outcome=msg(f"indicator_outcome.{o}"))
                       for i, o in found.items()]))
    # since the week-old baseline: exactly one new script origin, and exactly the title tampered
    from .demo.site import NEW_SCRIPT

    said = {(p, i): loads(r) for p, i, r in zip(judged["portal_id"], judged["item"], judged["reason"])}
    new_origins = [m.args for m in said.get((portal.id, "script_origins"), []) if m.key == "origins.new"]
    parts = [x.args.get("part") for m in said.get((portal.id, "defacement"), []) if m.key == "deface.serious"
             for x in m.args.get("shown", [])]
    baseline_ok = (len(new_origins) == 1 and new_origins[0].get("n") == 1
                   and str(urlsplit(NEW_SCRIPT).hostname) in str(new_origins[0].get("named"))
                   and [getattr(x, "key", "") for x in parts] == ["surface_part.title"])
    print(t("cli.demo_baseline", portal=portal.id, outcome=msg("cli.found" if baseline_ok else "cli.missed")))
    print(t("cli.demo_https", portal=HTTPS_SIBLING, until=date.fromisoformat(site.certificate_until),
            outcome=msg("cli.found" if certificate_ok else "cli.missed")))
    print(summary.read_by_line())
    if summary.data_docs:
        print(t("cli.data_docs", path=summary.data_docs))
    print(t("cli.loaded", run=summary.run_id, warehouse=summary.warehouse))
    return 0 if agree == len(site.truth) == len(stored) and late == set(site.late) and content_ok \
        and indicators == site.indicators and certificate_ok and baseline_ok else 1


# argparse's own sentences (it asks gettext for them) → their keys under cmdline.argparse
_ARGPARSE = {
    "usage: ": "usage", "positional arguments": "positionals", "options": "options",
    "show this help message and exit": "help",
    "the following arguments are required: %s": "required", "unrecognized arguments: %s": "unrecognized",
    "invalid choice: %(value)r (choose from %(choices)s)": "invalid_choice",
    "invalid %(type)s value: %(value)r": "invalid_type", "expected one argument": "expected_one",
    "expected at most one argument": "expected_at_most_one",
    "expected at least one argument": "expected_at_least_one",
    "expected %s argument": "expected_n", "expected %s arguments": "expected_n",
    "argument %(argument_name)s: %(message)s": "argument", "not allowed with argument %s": "not_allowed_with",
    "ignored explicit argument %r": "ignored_explicit", "one of the arguments %s is required": "one_of_required",
    "ambiguous option: %(option)s could match %(matches)s": "ambiguous",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "unknown_parser",
    "unexpected option string: %s": "unexpected_option",
}


def _argparse_text(text: str) -> str:
    key = _ARGPARSE.get(text)
    if key == "usage":  # argparse indents the usage's next lines by the prefix's length
        return _padded(t("cmdline.argparse.usage"))
    return t(f"cmdline.argparse.{key}") if key else text


# argparse counts characters; a Chinese one takes two columns on screen. Placeholders (and the
# usage prefix) carry a zero-width space after each wide character, so argparse's sums come
# out in columns; help is written by lines of columns. The spaces are taken out of what is shown.
_PAD = "\u200b"
_CLOSERS = set("）》」』】〕，、。；：！？”’")  # never start a line: they stay on the line they close


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def _padded(text: str) -> str:
    return "".join(c + _PAD if _is_wide(c) else c for c in text)


def _columns(text: str) -> int:
    return sum(2 if _is_wide(c) else 0 if c == _PAD else 1 for c in text)


def _wrap(text: str, width: int) -> list[str]:
    """``text`` in lines at most ``width`` columns wide: Chinese breaks between any two
    characters, other text at spaces (a word longer than a line keeps a line of its own)."""
    tokens: list[str] = []
    word = ""
    for c in " ".join(text.split()):
        if c == " " or _is_wide(c):
            tokens += [word, c] if word else [c]
            word = ""
        else:
            word += c
    tokens += [word] if word else []
    lines: list[str] = []
    line = ""
    for token in tokens:
        if token != " " and line.strip() and _columns(line + token) > width and token not in _CLOSERS:
            lines.append(line.rstrip())
            line = token
        elif token != " " or line:
            line += token
    return [*lines, line.rstrip()] if line.strip() or not lines else lines


class _Formatter(argparse.HelpFormatter):
    """Help laid out in screen columns (see ``_PAD``), the padding taken out at the end."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return _wrap(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in _wrap(text, width - len(indent)))

    def format_help(self) -> str:
        return super().format_help().replace(_PAD, "")


@contextlib.contextmanager
def _argparse_in_catalogue() -> Iterator[None]:
    """argparse fetches its own sentences ("usage:", "invalid choice" …) through its module's
    ``_`` and ``ngettext`` (gettext's, with no catalogue for Chinese). While one of our parsers
    is built, parses or writes help, those come from the message catalogue in the language in
    force; they are put back after, so other argparse users in the process are untouched."""
    hooks = vars(argparse)  # the module's own names: typeshed does not declare these two
    saved = hooks["_"], hooks["ngettext"]
    hooks["_"] = _argparse_text
    hooks["ngettext"] = lambda one, many, n: _argparse_text(one if n == 1 else many)
    try:
        yield
    finally:
        hooks["_"], hooks["ngettext"] = saved


class _Parser(argparse.ArgumentParser):
    """argparse in the catalogue's words: its own sentences translated, and a mistake told in
    one line naming where help is, instead of the usage block followed by English."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        with _argparse_in_catalogue():  # the section titles and -h's help are set here
            super().__init__(*args, **kwargs)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        with _argparse_in_catalogue():
            return super().parse_known_args(*args, **kwargs)

    def parse_args(self, *args: Any, **kwargs: Any) -> Any:
        with _argparse_in_catalogue():  # "unrecognized arguments" is said here
            return super().parse_args(*args, **kwargs)

    def format_usage(self) -> str:
        with _argparse_in_catalogue():
            return super().format_usage()

    def format_help(self) -> str:
        with _argparse_in_catalogue():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        line = t("cmdline.error.usage", message=message.replace(_PAD, ""), prog=self.prog)
        self.exit(2, f"{self.prog}: {line}\n")


def build_parser() -> argparse.ArgumentParser:
    """The command line in the language in force: descriptions, placeholders and argparse's
    own words all come from the catalogue (``main`` reads --lang first, so --help is in it)."""
    from validations.rules import DEFAULT_RULESET

    def h(key: str, **args: Any) -> str:
        return t(f"cmdline.help.{key}", **args)

    def mv(key: str) -> str:
        return _padded(t(f"cmdline.metavar.{key}"))

    parser = _Parser(prog="portal-audit", description=t("cmdline.description"))
    common = _Parser(add_help=False)
    common.add_argument("--lang", choices=languages(), help=h("lang"))
    parser.add_argument("--lang", choices=languages(), dest="top_lang", help=h("lang"))
    sub = parser.add_subparsers(dest="command", required=True, metavar=mv("command"), help=h("command"))

    def command(group: Any, name: str, key: str) -> argparse.ArgumentParser:
        return group.add_parser(name, parents=[common], help=h(key), description=h(key))  # every command takes --lang

    def option(p: argparse.ArgumentParser, kind: str) -> None:
        """An option several commands share, said the same way in each."""
        if kind == "catalog":
            p.add_argument("catalog", type=Path, metavar=mv("catalog"), help=h("audit_catalog"))
        elif kind == "as_of":
            p.add_argument("--as-of", type=_date, metavar=mv("date"), help=h("as_of"))
        elif kind == "warehouse":
            p.add_argument("--warehouse", type=_warehouse, metavar=mv("warehouse"), help=h("warehouse"))
        elif kind == "portal":
            p.add_argument("--portal", action="append", metavar=mv("portal"), help=h("portal"))
        elif kind == "ruleset":
            p.add_argument("--ruleset", default=DEFAULT_RULESET, metavar=mv("ruleset"),
                           help=h("ruleset", default=DEFAULT_RULESET))
        elif kind == "outputs":
            p.add_argument("--data-docs", default="data-docs", metavar=mv("folder"), help=h("data_docs"))
            p.add_argument("--reports", default="reports", metavar=mv("folder"), help=h("reports"))

    p = command(sub, "audit", "audit")
    for kind in ("catalog", "as_of", "warehouse", "portal", "ruleset", "outputs"):
        option(p, kind)
    p.add_argument("--spool", default="spool", metavar=mv("folder"), help=h("spool"))
    p.add_argument("--load-retry", type=_number(), default=30.0, metavar=mv("minutes"), help=h("load_retry"))
    p.set_defaults(func=cmd_audit)

    p = command(sub, "probe", "probe")
    for kind in ("catalog", "warehouse", "portal"):
        option(p, kind)
    p.add_argument("--timeout", type=_number(), default=15.0, metavar=mv("seconds"), help=h("probe_timeout"))
    p.set_defaults(func=cmd_probe)

    p = command(sub, "extract", "extract")
    p.add_argument("url", type=_http_url, metavar=mv("url"), help=h("extract_url"))
    p.add_argument("--json", action="store_true", help=h("extract_json"))
    option(p, "as_of")
    p.add_argument("--window", type=_whole(1), default=400, metavar=mv("days"), help=h("extract_window"))
    p.add_argument("--max-pages", type=_whole(1), default=20, metavar=mv("pages"), help=h("extract_max_pages"))
    p.add_argument("--delay", type=_number(), default=0.5, metavar=mv("seconds"), help=h("extract_delay"))
    p.add_argument("--allow-private-networks", action="store_true", help=h("extract_private"))
    p.add_argument("--browser", action="store_true", help=h("extract_browser"))
    p.add_argument("--no-browser", action="store_true", help=h("extract_no_browser"))
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("catalog", help=h("catalog"), description=h("catalog"))
    csub = p.add_subparsers(dest="catalog_command", required=True, metavar=mv("command"), help=h("command"))
    pi = command(csub, "import", "import")
    pi.add_argument("file", type=Path, metavar=mv("file"), help=h("import_file"))
    pi.add_argument("-o", "--output", required=True, metavar=mv("file"), help=h("import_output"))
    pi.add_argument("--portal-id", type=_portal_id, default="portal", metavar=mv("portal"), help=h("import_portal_id"))
    pi.add_argument("--name", default="", metavar=mv("name"), help=h("import_name"))
    pi.add_argument("--base-url", type=_http_url, default="http://example.gov.cn/", metavar=mv("url"),
                    help=h("import_base_url"))
    pi.add_argument("--simplified", action="store_true", help=h("import_simplified"))
    pi.set_defaults(func=cmd_catalog_import)
    pd_ = command(csub, "discover", "discover")
    pd_.add_argument("catalog", type=Path, metavar=mv("catalog"), help=h("discover_catalog"))
    pd_.add_argument("-o", "--output", metavar=mv("file"), help=h("discover_output"))
    pd_.add_argument("--min-confidence", type=_number(0, 1), default=0.9, metavar=mv("number"),
                     help=h("discover_min_confidence"))
    pd_.add_argument("--replace", action="store_true", help=h("discover_replace"))
    pd_.set_defaults(func=cmd_catalog_discover)

    p = command(sub, "report", "report")
    option(p, "warehouse")
    p.add_argument("--run", default="latest", metavar=mv("run"), help=h("report_run"))
    p.add_argument("--format", choices=["md", "csv", "xlsx", "html", "docx"], required=True, help=h("report_format"))
    p.add_argument("-o", "--output", required=True, metavar=mv("file"), help=h("report_output"))
    p.add_argument("--portal", action="append", metavar=mv("portal"), help=h("report_portal"))
    p.add_argument("--unit", action="append", metavar=mv("unit"), help=h("report_unit"))
    p.add_argument("--status", action="append", choices=["fresh", "stale", "empty", "unreachable", "error", "exempt"],
                   metavar=mv("status"), help=h("report_status"))  # the help lists the choices
    p.add_argument("--since", type=_date, metavar=mv("date"), help=h("report_since"))
    p.add_argument("--until", type=_date, metavar=mv("date"), help=h("report_until"))
    p.add_argument("--warn-days", type=_whole(), default=7, metavar=mv("days"), help=h("report_warn_days"))
    p.add_argument("--codes", action="store_true", help=h("report_codes"))
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("db", help=h("db"), description=h("db"))
    dsub = p.add_subparsers(dest="db_command", required=True, metavar=mv("command"), help=h("command"))
    pu = command(dsub, "upgrade", "db_upgrade")
    option(pu, "warehouse")
    pu.set_defaults(func=cmd_db_upgrade)
    pl = command(dsub, "load-spool", "db_load_spool")
    option(pl, "warehouse")
    pl.add_argument("--spool", default="spool", metavar=mv("folder"), help=h("db_spool"))
    pl.set_defaults(func=cmd_db_load_spool)
    pp = command(dsub, "prune", "db_prune")
    option(pp, "warehouse")
    pp.add_argument("--keep-days", type=_whole(), required=True, metavar=mv("days"), help=h("db_keep_days"))
    pp.set_defaults(func=cmd_db_prune)

    p = sub.add_parser("baseline", help=h("baseline"), description=h("baseline"))
    bsub = p.add_subparsers(dest="baseline_command", required=True, metavar=mv("command"), help=h("command"))
    pa = command(bsub, "accept", "baseline_accept")
    pa.add_argument("portal_ids", nargs="+", metavar=mv("portal"), help=h("baseline_portal"))
    option(pa, "warehouse")
    pa.add_argument("--run", metavar=mv("run"), help=h("baseline_run"))
    pa.set_defaults(func=cmd_baseline_accept)

    p = command(sub, "demo", "demo")
    for kind in ("as_of", "warehouse"):
        option(p, kind)
    p.add_argument("--port", type=_whole(0, 65535), default=0, metavar=mv("port"), help=h("demo_port"))
    p.add_argument("--serve", action="store_true", help=h("demo_serve"))
    for kind in ("ruleset", "outputs"):
        option(p, kind)
    p.set_defaults(func=cmd_demo)
    return parser


def _asked_language(argv: Sequence[str]) -> str | None:
    """The --lang of a command line, read before the parser is built so that its help and its
    complaints are in that language already (None: not given, or not a language we have;
    the parser then says so)."""
    asked = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        name, eq, value = arg.partition("=")
        if name in ("--la", "--lan", "--lang"):  # argparse takes an option's unique prefixes
            value = value if eq else (argv[i + 1] if i + 1 < len(argv) else "")
            asked = value if value in languages() else None
    return asked


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        lang = _asked_language(argv) or language()
    except ValueError:  # $PORTAL_AUDIT_LANG names no language: said in the default one
        print("portal-audit: " + t("cmdline.error.env_language", DEFAULT_LANGUAGE, env=ENV,
                                   value=os.environ.get(ENV, ""), languages=list(languages())), file=sys.stderr)
        return 2
    with using(lang):
        args = build_parser().parse_args(argv)
        if args.func not in (cmd_audit, cmd_demo):  # these resume collection as their flow starts
            started()
        with using(getattr(args, "lang", None) or args.top_lang):
            try:
                return args.func(args)
            except OSError as exc:  # a file or port the system refused: its strerror is English
                reason = os_reason(exc)
                print("portal-audit: " + (t("cmdline.error.os", path=exc.filename, reason=reason)
                                          if exc.filename else str(reason)), file=sys.stderr)
                return 2
            except (CatalogError, LookupError, ValueError, RuntimeError) as exc:
                print(f"portal-audit: {exc}", file=sys.stderr)  # in the run's language where it has one
                return 2


def run() -> NoReturn:
    """The console script: ``main``, then a quick exit. Tearing down Prefect's, Great
    Expectations' and pandas' modules one by one costs ~1 s of CPU after every command;
    an exit needs only the atexit handlers (logs flushed, servers stopped) and stdio
    flushed. Taken only once no non-daemon thread is still at work; else Python exits
    as usual. (Tests call ``main``: their process goes on.)"""
    cap_arenas()  # before any thread starts: glibc's heaps for a run's 20 threads (portal_audit/memory.py)
    quiet_start()  # no garbage collection while the command imports: resumed by `started` (memory.py)
    code = main()
    if any(th.is_alive() and not th.daemon for th in threading.enumerate() if th is not threading.main_thread()):
        sys.exit(code)
    atexit._run_exitfuncs()
    if "warehouse.db" in sys.modules:
        sys.modules["warehouse.db"].close_all()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
