"""CPU milliseconds per list page for extraction (parse + list detection + dates).

Runs over every list page of the demo portal (TRS lists, tables, GBK pages, sidebars).
Usage: .venv/bin/python bench/extract_bench.py [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractors.fetch import decode_html  # noqa: E402
from extractors.listpage import parse_list_page  # noqa: E402
from portal_audit.catalog import load_catalog  # noqa: E402
from portal_audit.demo import build_site  # noqa: E402
from validations.rules import load_ruleset  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=20)
    args = ap.parse_args()
    as_of = date(2025, 6, 30)
    portal = load_catalog(Path(__file__).resolve().parents[1] / "catalogs" / "demo.yaml").portals[0]
    site = build_site(portal, load_ruleset(), as_of)
    pages = [(p, decode_html(body)) for p, (body, _ct, status) in site.pages.items() if p.startswith("/col/") and status == 200]
    sizes = [len(body) for p, (body, _ct, st) in site.pages.items() if p.startswith("/col/") and st == 200]
    per_round = []
    for _ in range(args.rounds):
        t = time.process_time()
        for path, text in pages:
            parse_list_page(text, "http://127.0.0.1" + path, as_of)
        per_round.append((time.process_time() - t) * 1000 / len(pages))
    print(f"list pages: {len(pages)} (mean {statistics.mean(sizes) / 1024:.1f} KB), rounds: {args.rounds}")
    print(f"extraction CPU per list page: median {statistics.median(per_round):.2f} ms, best {min(per_round):.2f} ms")


if __name__ == "__main__":
    main()
