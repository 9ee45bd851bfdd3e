"""Reading HTML: the parsed tree, element texts, link joining, a page's text blocks and links.

The ground the list-page readers stand on (``evidence``, ``pager``, ``listpage``,
``messages``). Parsing uses lxml directly and serialises text in C: this is the hot path of
every crawl (see bench/).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from urllib.parse import quote, urljoin, urlsplit

from lxml import etree
from lxml.cssselect import CSSSelector

SKIP_HREF = ("javascript:", "#", "mailto:", "tel:")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_PARSER = etree.HTMLParser()  # plain elements: lxml.html's class lookup calls Python per element
HIDDEN = ("script", "style", "noscript", "textarea", "xmp")  # text a visitor never reads


def parse_html(html: str | bytes) -> etree._Element:
    """The document tree of ``html``; an empty or unreadable page is an empty document."""
    if isinstance(html, str):
        html = _XML_DECL.sub("", html, count=1)
    try:
        if html and html.strip():
            doc = etree.fromstring(html, _PARSER)
            if doc is not None:
                return doc
    except (etree.ParserError, ValueError):  # NUL bytes and the like: no document to read
        pass
    return etree.fromstring("<html><body></body></html>", _PARSER)


def drop(el: etree._Element) -> None:
    """Remove ``el`` and its subtree, keeping the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is None:
            parent.text = (parent.text or "") + el.tail
        else:
            prev.tail = (prev.tail or "") + el.tail
    parent.remove(el)


_SCRIPTS = "data-portal-audit-scripts"  # where page_doc keeps the sources of the scripts it drops


def page_doc(html: str | bytes) -> etree._Element:
    """A page parsed, its scripts, styles and hidden text dropped: what a visitor reads.
    The dropped scripts' sources stay readable (``dropped_scripts``): what a page loads is
    evidence too (adverts, the identity badges' scripts)."""
    doc = parse_html(html)
    sources = []
    for el in list(doc.iter(*HIDDEN)):
        if el.tag == "script" and (src := (el.get("src") or "").strip()):
            sources.append(f"{src}\t{(el.get('sitecode') or '').strip()}")
        drop(el)
    if sources:
        doc.set(_SCRIPTS, "\n".join(sources))
    return doc


def dropped_scripts(doc: etree._Element) -> list[tuple[str, str]]:
    """(src, sitecode attribute) of each script with a source that ``page_doc`` dropped."""
    kept = doc.getroottree().getroot().get(_SCRIPTS)
    return [(src, code) for src, _, code in (line.partition("\t") for line in kept.split("\n"))] if kept else []


def text_of(el: etree._Element) -> str:
    """All the text inside ``el`` (not its tail), as lxml.html's text_content() but
    serialised in C: the cheapest way to it."""
    return etree.tostring(el, method="text", encoding=str, with_tail=False)


def text(el: etree._Element) -> str:
    """``el``'s text, whitespace folded."""
    return " ".join(text_of(el).split())


def spaced_text(el: etree._Element) -> str:
    """``el``'s text with its elements' texts kept apart: ``<a><span>2024-10-15</span>2024年…</a>``
    reads "2024-10-15 2024年…", not a date run into a title's digits."""
    return " ".join(" ".join(el.itertext()).split())


def link_title(a: etree._Element) -> str:
    """A link's title attribute, else its text."""
    return " ".join((a.get("title") or text_of(a)).split())


class Texts(dict):
    """Whitespace-folded element texts, computed when first asked for: a page has
    hundreds of links in menus and footers, and their blocks are shared."""

    def __missing__(self, el: etree._Element) -> str:
        value = self[el] = text(el)
        return value


@lru_cache(maxsize=256)
def selector(css: str) -> CSSSelector:
    return CSSSelector(css, translator="html")


def join_url(base: str, href: str) -> str:
    """``urljoin(base, href)``, which a stray bracket or a look-alike of ``/`` in a host makes
    raise (``//[``, ``http://]x``, ``//a／b``). Such a link is kept with those characters
    escaped — a URL that leads nowhere, as the browser's does — instead of failing the page it
    sits on: one typo in a row read a whole column as an error."""
    try:
        return urljoin(base, href)
    except ValueError:
        return urljoin(base, quote(href, safe="/:?#@!$&'()*+,;=%~"))


def joiner(base: str) -> Callable[[str], str]:
    """``join_url(base, href)`` for one page's many links. The shapes list pages use
    (``./x``, ``x``, ``/x``) are string concatenation; anything else (dot segments, other
    schemes, empty queries that urljoin drops) goes to urljoin itself."""
    parts = urlsplit(base)
    if not parts.scheme or not parts.netloc or ";" in parts.path:
        return lambda href: join_url(base, href)
    origin = f"{parts.scheme}://{parts.netloc}"
    folder = parts.path[: parts.path.rfind("/") + 1] or "/"
    # as urljoin merges a path into it: dot segments and empty ones folded (``/col/../c3/`` → ``/c3/``)
    directory = origin + folder if "/." not in folder and "//" not in folder else urljoin(base, "x")[:-1]
    same = f"{parts.scheme}://"

    def join(href: str) -> str:
        if href[:1] <= " " or "\t" in href or "\n" in href or "\r" in href:  # urljoin drops these
            return join_url(base, href)
        # absolute (a footer's dozens of 友情链接), no bracketed or look-alike host (which urljoin may refuse)
        if href.startswith(("http://", "https://")) and href.isascii() and "[" not in href and "]" not in href:
            if not href.startswith(same):  # another scheme: urljoin hands it back untouched
                return href
            if href[len(same):len(same) + 1] not in ("", "/", "?", "#") and not href.endswith(("?", "#")) and not any(
                    odd in href for odd in ("?#", ";")):
                return href  # a host, nothing urljoin would drop: it rebuilds the same string from its parts
            return join_url(base, href)
        if href.startswith("./"):
            rest, prefix = href[2:], directory
        elif href.startswith("/") and not href.startswith("//"):
            rest, prefix = href[1:], origin + "/"
        elif not href.startswith((".", "?", "#")) and ":" not in href.split("/", 1)[0]:
            rest, prefix = href, directory
        else:
            return join_url(base, href)
        if not href or rest.startswith((".", "/")) or rest.endswith(("?", "#")) or any(
                odd in rest for odd in ("/.", "//", "?#", ";")):
            return join_url(base, href)
        return prefix + rest

    return join


BLOCK_TAGS = ("title", "h1", "h2", "h3", "h4", "p", "li", "td", "th", "dd", "dt", "span", "em", "strong", "font")
LIST_TAGS = frozenset({"li", "td", "th", "dd", "dt"})


def page_blocks(doc: etree._Element) -> list[tuple[str, str]]:
    """The readable text of a page as (tag, text) blocks, innermost first and without
    repeats, for lexicon and personal-data scans (a tag says whether text sits in a list
    or table)."""
    out, seen = [], set()
    for el in doc.iter(*BLOCK_TAGS):
        if any(child.tag in BLOCK_TAGS for child in el if isinstance(child.tag, str)) and el.tag not in LIST_TAGS:
            continue  # a wrapper: its blocks speak for it
        value = text(el)
        if len(value) >= 4 and value not in seen:
            seen.add(value)
            out.append((el.tag, value))
    return out


AD_LABELS = frozenset({"广告", "广告位", "廣告"})  # a block's own caption saying it is an advert
_CAPTIONS = etree.XPath("//text()[contains(., '广告') or contains(., '廣告')]")  # C-speed: a page rarely has one


def page_embeds(doc: etree._Element, url: str, captions: bool = True) -> list[tuple[str, str, str]]:
    """What a page embeds from elsewhere, and the blocks it captions 广告: (absolute URL,
    tag, label) for each script, frame, embed or object with a source; for a caption, the
    block's first source or link (or ``url``), tag ``label`` and the caption."""
    join = joiner(url)
    out = [(join(src), "script", "") for src, _ in dropped_scripts(doc) if not src.startswith(SKIP_HREF)]
    for el in doc.iter("script", "iframe", "frame", "embed", "object"):
        ref = (el.get("data") if el.tag == "object" else el.get("src")) or ""
        ref = ref.strip()
        if ref and not ref.startswith(SKIP_HREF) and not ref.startswith(("data:", "about:")):
            out.append((join(ref), el.tag, ""))
    for found in (_CAPTIONS(doc) if captions else ()):  # a walk of every text: asked for when the text has 广告
        el = found.getparent()
        if " ".join(str(found).split()) not in AD_LABELS or el is None or el.tag in ("a", "script", "style", "title",
                                                                                     "option"):
            continue
        if found.is_tail:  # "<br>广告": the caption is the text after a child, its block the child's parent
            el = el.getparent() if el.getparent() is not None else el
        block = el.getparent() if el.getparent() is not None else el
        target = next((x.get("src") or x.get("href") for x in block.iter("iframe", "img", "a")
                       if (x.get("src") or x.get("href") or "").strip()), None)
        out.append((join(target.strip()) if target else url, "label", " ".join("".join(el.itertext()).split())))
    return out


def page_links(doc: etree._Element, url: str) -> list[tuple[str, str, str]]:
    """Every link and image of a page: (absolute URL, its text or alt or title, tag)."""
    join = joiner(url)
    out = []
    for el in doc.iter("a", "img"):
        ref = (el.get("href") if el.tag == "a" else el.get("src")) or ""
        ref = ref.strip()
        if not ref or ref.startswith(SKIP_HREF) or ref.startswith("data:"):
            continue
        label = link_title(el) if el.tag == "a" else " ".join((el.get("alt") or el.get("title") or "").split())
        if el.tag == "a" and not label:
            img = next(el.iter("img"), None)
            label = " ".join(((img.get("alt") or img.get("title") or "") if img is not None else "").split())
        out.append((join(ref).split("#", 1)[0], label, el.tag))
    return out


def mixed_content(doc: etree._Element, url: str) -> tuple[str, ...]:
    """What an ``https://`` page loads over plain ``http://`` (mixed content): what it
    embeds (``page_embeds``: scripts, frames, embeds, objects), its images and stylesheets —
    not links a visitor follows — each once."""
    if not url.startswith("https://"):
        return ()
    join = joiner(url)
    loaded = [u for u, _, _ in page_embeds(doc, url, False)]
    loaded += [join(ref) for el in doc.iter("img", "link")
               if (ref := ((el.get("src") if el.tag == "img" else el.get("href")) or "").strip())
               and (el.tag == "img" or "stylesheet" in (el.get("rel") or "").lower())]
    # relative and protocol-relative references stay on https
    return tuple(dict.fromkeys(u for u in loaded if u.lower().startswith("http://")))
