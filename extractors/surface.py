"""What a portal shows that should not change night to night, kept to notice tampering
(篡改) and injected scripts (挂马): the home page's stable parts, and the origins of the
scripts and frames its pages load.

The stable parts are the ``<title>``, the keywords and description meta, the page's frame
(the texts of its ``<header>``, ``<nav>`` and ``<footer>`` links, else of its first 40 and
last 20 links: menus come first and footers last, the dated news between them changes
daily) and the footer's last words — digits as 0, so a visit counter is no change. Each
part is compared with the portal's baseline by ``validations.security``.
"""

from __future__ import annotations

import re

from lxml import etree

from .markup import link_title, text_of

PARTS = ("title", "keywords", "description", "frame", "footer")
FRAME_FIRST, FRAME_LAST = 40, 20
FOOTER_CHARS = 200
_DIGITS = re.compile(r"\d")


def _clean(text: str | None) -> str:
    return _DIGITS.sub("0", " ".join((text or "").split()))


def _meta(doc: etree._Element, name: str) -> str:
    for el in doc.iter("meta"):
        if (el.get("name") or "").strip().lower() == name:
            return _clean(el.get("content"))
    return ""


def home_print(doc: etree._Element) -> dict[str, str]:
    """The home page's stable parts (``PARTS``), each as cleaned text."""
    title = next(iter(doc.iter("title")), None)
    framed = [a for box in doc.iter("header", "nav", "footer") for a in box.iter("a")]
    if not framed:
        links = list(doc.iter("a"))
        framed = links if len(links) <= FRAME_FIRST + FRAME_LAST else links[:FRAME_FIRST] + links[-FRAME_LAST:]
    body = doc.find("body")
    text = _clean(text_of(body if body is not None else doc))
    return {"title": _clean(text_of(title)) if title is not None else "", "keywords": _meta(doc, "keywords"),
            "description": _meta(doc, "description"),
            "frame": "|".join(dict.fromkeys(t for t in (_clean(link_title(a)) for a in framed) if t)),
            "footer": text[-FOOTER_CHARS:]}
