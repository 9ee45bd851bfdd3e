"""Does each word of the class/id hint list earn its place? Over held-out real list pages
(see bench/realpages.py), every class and id token around the column's own list (found by
the label's hrefs) is a place where a sidebar word would hurt; every token around the other
dated blocks of the page is a place where it could help. Prints, per hint word, how many
pages it hurts and helps on, and the tokens most common around real column lists.

Usage: .venv/bin/python bench/hint_words.py /work/heldout/*/
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from urllib.parse import urljoin

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from realpages import FALLBACK_URL, _unmirror

from extractors.evidence import SIDEBAR_TOKENS, _tokens, blocks, dated_records, grouped
from extractors.markup import HIDDEN, drop, parse_html
from portal_audit.text import decode_html


def ancestors_tokens(el, depth: int = 5) -> set[str]:
    out: set[str] = set()
    for _ in range(depth):
        if el is None or el.tag in ("body", "html"):
            break
        out |= _tokens(el)
        el = el.getparent()
    return out


def main() -> None:
    own_tokens: Counter = Counter()
    other_tokens: Counter = Counter()
    pages = 0
    for folder in map(Path, sys.argv[1:]):
        manifest = folder / "manifest.jsonl"
        if not manifest.exists():
            continue
        for line in manifest.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            entry = json.loads(line)
            url = entry.get("url") or FALLBACK_URL
            hrefs = {urljoin(url, i["href"].strip()) for i in entry.get("items", []) if i.get("href")
                     and not i["href"].startswith("javascript")}
            if not hrefs:
                continue
            doc = parse_html(_unmirror(decode_html((folder / entry["file"]).read_bytes())))
            for el in list(doc.iter(*HIDDEN)):
                drop(el)
            pages += 1
            own, other = set(), set()
            for b in blocks(grouped(dated_records(doc, url, date(2026, 11, 30)))):
                tokens = ancestors_tokens(b.main)
                if sum(r.url in hrefs for r in b.records) > len(b.records) / 2:
                    own |= tokens
                else:
                    other |= tokens
            own_tokens.update(own)
            other_tokens.update(other - own)
    print(f"{pages} labelled pages")
    print(f"{'hint word':14} {'hurts (own list)':>17} {'helps (other blocks)':>21}")
    for word in sorted(SIDEBAR_TOKENS):
        print(f"{word:14} {own_tokens[word]:>17} {other_tokens[word]:>21}")
    print("\ntokens around real column lists, most common:",
          ", ".join(f"{w} {n}" for w, n in own_tokens.most_common(30)))
    print("tokens around other dated blocks, most common:",
          ", ".join(f"{w} {n}" for w, n in other_tokens.most_common(30)))


if __name__ == "__main__":
    main()
