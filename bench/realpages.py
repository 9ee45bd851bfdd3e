"""Judge list choice on real list pages kept outside the repository (held-out pages).

Each folder given holds ``manifest.jsonl``: one line per saved page, with its file, original
URL (or null), the column's name and the hand label of the column's own list (every item's
href and date, the newest date, whether the page is blank, whether the list is in the static
HTML). Pages are read as the crawl reads a column's first page — no site-wide hints, the
manifest's column name as the catalog's — and scored: item recall and precision (href + date),
newest-date accuracy, and how each page would be read (static list, tie → error, or on to the
API/browser). Nothing of these pages is committed: they are public material, not ours.

Usage: .venv/bin/python bench/realpages.py /work/heldout/*/ [--no-names] [-v]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urljoin

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractors.listpage import Hints, parse_list_page
from portal_audit.text import decode_html

FALLBACK_URL = "http://portal.example.gov.cn/col/list/index.html"
# site mirrors rewrote links to pages they did not copy as "javascript:;": on the real site
# they are article links, so they are read as such (and scored by their dates)
_MIRRORED = re.compile(r"""href=(["'])javascript:;\1""")


def _unmirror(html: str) -> str:
    count = iter(range(1_000_000))
    return _MIRRORED.sub(lambda m: f'href="mirror-js-{next(count)}.html"', html)


def judge(folder: Path, entry: dict, names: bool) -> dict:
    body = (folder / entry["file"]).read_bytes()
    html = _unmirror(decode_html(body, None if entry.get("saved_as", "utf-8") == "utf-8" else entry["saved_as"]))
    url = (entry.get("url") or FALLBACK_URL).split()[0]
    labelled = [i for i in entry.get("items", []) if i.get("href") and not i["href"].startswith("javascript")]
    mirrored = Counter(i.get("date") for i in entry.get("items", []) if (i.get("href") or "").startswith("javascript"))
    dates = [date.fromisoformat(i["date"]) for i in entry.get("items", []) if i.get("date")]
    as_of = max(dates) + timedelta(days=1) if dates else date(2026, 11, 30)
    hints = Hints(names=(entry["column"],) if names and entry.get("column") else ())
    lp = parse_list_page(html, url, as_of, hints=hints)
    expected = {(urljoin(url, i["href"].strip()), i.get("date")) for i in labelled}
    found = {(i.url, i.published_on.isoformat() if i.published_on else None)
             for i in lp.items if "mirror-js-" not in i.url}
    found_mirrored = Counter(i.published_on.isoformat() if i.published_on else None
                             for i in lp.items if "mirror-js-" in i.url)
    newest = max((i.published_on for i in lp.items if i.published_on), default=None)
    label_newest = entry.get("newest")
    way = ("static" if lp.list_found else "tie→error" if lp.tied else "empty" if lp.empty_marker
           else "blank?" if lp.blank_list else "api/browser")
    return {"file": f"{folder.name}/{entry['file']}", "portal": entry.get("portal"),
            "static_list": entry.get("static_list", True),
            "tp": len(expected & found) + sum((mirrored & found_mirrored).values()),
            "expected": len(expected) + sum(mirrored.values()), "found": len(found) + sum(found_mirrored.values()),
            "newest_ok": (newest.isoformat() if newest else None) == label_newest
            and (lp.empty_marker or (lp.blank_list and entry.get("static_list", True))) == bool(entry.get("empty")),
            "newest": newest, "label_newest": label_newest, "way": way, "reason": str(lp.reason) if lp.reason else ""}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--no-names", action="store_true", help="read without the column's name (as `extract URL` does)")
    ap.add_argument("-v", action="store_true", help="print every page, not only misses")
    args = ap.parse_args()
    rows = []
    for folder in args.folders:
        manifest = folder / "manifest.jsonl"
        if not manifest.exists():
            continue
        for line in manifest.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append(judge(folder, json.loads(line), not args.no_names))
    static = [r for r in rows if r["static_list"]]
    tp, exp, fnd = (sum(r[k] for r in static) for k in ("tp", "expected", "found"))
    for r in rows:
        ok = r["newest_ok"] and r["tp"] == r["expected"] == r["found"]
        if args.v or not ok:
            print(f"{'ok  ' if ok else 'MISS'} {r['file']:42} {r['portal'] or '':16} {r['way']:11} "
                  f"{r['tp']}/{r['expected']} found {r['found']}, "
                  f"newest {r['newest']} vs {r['label_newest']} {r['reason']}")
    portals = {r["portal"] for r in rows}
    print(f"\n{len(rows)} pages of {len(portals)} portals; static lists: {len(static)}: "
          f"recall {tp / exp if exp else 1:.3f}, precision {tp / fnd if fnd else 1:.3f}, "
          f"newest-date accuracy {sum(r['newest_ok'] for r in rows) / len(rows) if rows else 1:.3f} (all pages); "
          f"static lists sent to the browser: {sum(r['way'] == 'api/browser' for r in static)}, "
          f"ties (error): {sum(r['way'] == 'tie→error' for r in rows)}")


if __name__ == "__main__":
    main()
