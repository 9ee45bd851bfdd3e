"""CPU milliseconds per list page for extraction (decode + parse + list detection + dates).

Runs over every list page of the demo portal (TRS lists, tables, GBK pages, sidebars), of
the labelled corpus in tests/corpus (Hanweb, gkml tables, cards, traditional …), and over
the crawl farm's ~30 KB pages (bench/farm.py: ~250 links of menus, sub-columns, friend
links and footers around a 20-item list and a dated sidebar; a seventh of them GBK).
Usage: .venv/bin/python bench/extract_bench.py [--rounds N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from farm import _page

from app.demo import build_site
from extractors.listpage import parse_list_page
from portal_audit.catalog import load_catalog
from portal_audit.text import decode_html
from validations.rules import load_ruleset


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=20)
    args = ap.parse_args()
    as_of = date(2025, 6, 30)
    portal = load_catalog(Path(__file__).resolve().parents[1] / "catalogs" / "demo.yaml").portals[0]
    site = build_site(portal, load_ruleset(), as_of)
    demo = [("http://127.0.0.1" + p, body) for p, (body, _ct, status) in site.pages.items()
            if p.startswith("/col/") and status == 200]
    corpus_dir = Path(__file__).resolve().parents[1] / "tests" / "corpus" / "site"
    corpus = [("http://127.0.0.1/" + f.relative_to(corpus_dir).as_posix().replace("@", "?", 1), f.read_bytes())
              for f in corpus_dir.rglob("*") if f.is_file() and "/art/" not in f.as_posix() and f.suffix != ".txt"]
    rng = random.Random(1)
    farm = [(f"http://127.0.0.2/col/c{c}/" + ("index.html" if k == 0 else f"index_{k}.html"),
             _page(c, k, 3, c % 7 == 0, c % 3 == 0, rng)) for c in range(30) for k in range(3)]
    for name, pages in (("demo portal", demo), ("corpus", corpus), ("farm", farm)):
        per_round = []
        for _ in range(args.rounds):
            t = time.process_time()
            for url, body in pages:
                parse_list_page(decode_html(body), url, as_of)
            per_round.append((time.process_time() - t) * 1000 / len(pages))
        mean_kb = statistics.mean(len(b) for _, b in pages) / 1024
        print(f"{name}: {len(pages)} list pages, mean {mean_kb:.1f} KB, {args.rounds} rounds: "
              f"extraction CPU per page median {statistics.median(per_round):.2f} ms, best {min(per_round):.2f} ms")


if __name__ == "__main__":
    main()
