"""Links a visitor cannot see (暗链, 黑链), read from a page's static HTML: its inline
``style`` attributes and its ``<style>`` blocks, no renderer needed.

Two kinds of hiding are told apart, because inspectors treat them differently:

- **concealed** — the tricks link spam uses and no interface needs: a box moved off the
  screen (``left:-9999px``, ``text-indent:-9999px``), text of size 0, text coloured as its
  background, a box of no size whose overflow is cut, a ``<marquee>`` too small to see or
  scrolling out of view at once;
- **folded** — ``display:none``, ``visibility:hidden``, ``opacity:0``: how tabs, drop-down
  menus and slides hide their panels until a visitor opens them. A home page's second news
  tab is folded, not a 暗链, so folded links count only when they leave the site for a
  non-government host, or when their words are a gambling or adult site's
  (``validations.hidden``).

A link inherits what hides any of its ancestors. ``<style>`` rules are applied through
lxml's CSS selectors; a rule behind a pseudo-class (``:hover``, ``:focus``) is how a menu
opens, never how it hides, and is skipped, as are ``@media`` and other at-rule blocks
(what prints, what a phone shows).
"""

from __future__ import annotations

import re
from functools import lru_cache

from cssselect import SelectorError
from lxml import etree
from lxml.cssselect import CSSSelector

from portal_audit.records import CONCEALED, FOLDED, HiddenLink

from .markup import SKIP_HREF, joiner, link_title, text_of

OFFSCREEN_PX = 500  # an offset this far past the page's edge moves a box out of every screen
_AT_BLOCK = re.compile(r"@[\w-]+[^{;]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}|@[\w-]+[^{;]*;")
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_PSEUDO_STATE = re.compile(r":(hover|focus|focus-within|active|checked|target|visited)\b")
_LENGTH = re.compile(r"^(-?\d*\.?\d+)(px|pt|em|rem|%)?$")
_HINTS = ("none", "hidden", "-", "0", "opacity", "marquee", "color")  # words any hiding declaration carries


def declarations(style: str) -> dict[str, str]:
    """A declaration block as property → value, lower-cased, ``!important`` dropped."""
    out = {}
    for part in style.split(";"):
        name, sep, value = part.partition(":")
        if sep:
            out[name.strip().lower()] = " ".join(value.lower().replace("!important", "").split())
    return out


def _px(value: str | None) -> float | None:
    """A length in pixels, near enough to judge hiding (em and pt as 16 and 4/3 px)."""
    if not value:
        return None
    m = _LENGTH.match(value.split()[0])
    if not m:
        return None
    n, unit = float(m.group(1)), m.group(2) or "px"
    return n * {"px": 1.0, "pt": 4 / 3, "em": 16.0, "rem": 16.0}.get(unit, 1.0) if unit != "%" else n


def _colour(value: str | None) -> str | None:
    """A colour as #rrggbb when written as #rgb, #rrggbb or rgb(r, g, b); else as written."""
    if not value:
        return None
    v = value.split()[0] if not value.startswith("rgb") else value.replace(" ", "")
    if re.fullmatch(r"#[0-9a-f]{3}", v):
        return "#" + "".join(c * 2 for c in v[1:])
    m = re.fullmatch(r"rgba?\((\d+),(\d+),(\d+)(?:,1(?:\.0*)?)?\)", v)
    if m:
        return "#" + "".join(f"{int(x):02x}" for x in m.groups())
    return v


def hiding(decl: dict[str, str]) -> str | None:
    """How one element's declarations hide it and what it holds, or None."""
    positioned = decl.get("position") in ("absolute", "fixed")
    for side in ("left", "top", "right", "bottom") if positioned else ():
        if (px := _px(decl.get(side))) is not None and px <= -OFFSCREEN_PX:
            return "offscreen"
    for side in ("margin-left", "margin-top", "text-indent"):
        if (px := _px(decl.get(side))) is not None and px <= -OFFSCREEN_PX:
            return "offscreen"
    if (size := _px(decl.get("font-size"))) is not None and size <= 0:
        return "font_zero"
    cut = decl.get("overflow") == "hidden"
    if cut and any((px := _px(decl.get(side))) is not None and px <= 1 for side in ("width", "height")):
        return "zero_size"
    colour = _colour(decl.get("color"))
    background = _colour(decl.get("background-color") or decl.get("background"))
    if colour and colour == background:
        return "same_colour"
    if decl.get("display") == "none":
        return "display_none"
    if decl.get("visibility") == "hidden":
        return "visibility_hidden"
    if decl.get("opacity") in ("0", "0.0", "0.00"):
        return "transparent"
    return None


def _style_rules(doc: etree._Element) -> list[tuple[CSSSelector, dict[str, str]]]:
    """The page's ``<style>`` rules that hide something: (selector, declarations)."""
    out = []
    for style in doc.iter("style"):
        for selector, decl in _hiding_rules("".join(style.itertext())):
            if (compiled := _selector(selector)) is not None:
                out.append((compiled, decl))
    return out


@lru_cache(maxsize=256)
def _css_rules(css: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """A stylesheet's rules as (selectors, declaration block), read once per process (a CMS
    repeats its ``<style>`` on every page). Selectors behind a state (``:hover`` …) or of a
    pseudo-element are left out: they open menus and draw icons, never hide an element."""
    out = []
    for selectors, body in _RULE.findall(_AT_BLOCK.sub("", _COMMENT.sub("", css))):
        kept = tuple(x for x in (s.strip() for s in selectors.split(","))
                     if x and not _PSEUDO_STATE.search(x) and "::" not in x)
        if kept:
            out.append((kept, body))
    return tuple(out)


@lru_cache(maxsize=256)
def _hiding_rules(css: str) -> tuple[tuple[str, dict[str, str]], ...]:
    """A stylesheet's rules that hide, each selector apart."""
    out = []
    for selectors, body in _css_rules(css):
        if any(h in body for h in _HINTS) and hiding(decl := declarations(body)) is not None:
            out += [(selector, decl) for selector in selectors]
    return tuple(out)


@lru_cache(maxsize=4096)
def _selector(selector: str) -> CSSSelector | None:
    """A selector compiled once per process (a CMS repeats its stylesheet on every page),
    or None when lxml cannot apply it."""
    try:
        return CSSSelector(selector)
    except (SelectorError, SyntaxError, ValueError):
        return None


def _marquee_hides(el: etree._Element) -> bool:
    """A ``<marquee>`` drawn too small to see, or scrolling its text out of view at once."""
    for attr in ("width", "height"):
        if (px := _px((el.get(attr) or "").strip())) is not None and px <= 1:
            return True
    amount = (el.get("scrollamount") or "").strip()
    return amount.isdigit() and int(amount) >= 1000


def _sized(decl: dict[str, str]) -> bool:
    """Whether declarations give text a size of its own above 0 (``font-size``, or the
    size in the ``font`` shorthand)."""
    size = decl.get("font-size")
    if size is None and (font := decl.get("font")):
        size = next((w.split("/")[0] for w in font.split() if _LENGTH.match(w.split("/")[0])), None)
    if size is None or size.split()[0] in ("inherit", "unset", "revert"):
        return False
    px = _px(size)
    return px is None or px > 0  # small, larger, calc(…): a size


@lru_cache(maxsize=256)
def _sizing_rules(css: str) -> tuple[str, ...]:
    """The selectors of a stylesheet's rules that size text above 0."""
    return tuple(selector for selectors, body in _css_rules(css)
                 if "font" in body and _sized(declarations(body)) for selector in selectors)


def _sized_again(doc: etree._Element, styled: list[tuple[etree._Element, dict[str, str]]]) -> set[etree._Element]:
    """The elements a declaration of the page sizes text on: inside a ``font-size:0`` box
    they show their text again (a menu zeroes its row's size to close the gaps between
    items, and sizes each item's text: seen on real portals, where every friend link in the
    footer was read as concealed)."""
    out = {el for el, decl in styled if _sized(decl)}
    for style in doc.iter("style"):
        for selector in _sizing_rules("".join(style.itertext())):
            if (compiled := _selector(selector)) is not None:
                out.update(compiled(doc))
    return out


def _resized(a: etree._Element, box: etree._Element, resets: set[etree._Element]) -> bool:
    """Whether link ``a``, inside the ``font-size:0`` ``box``, or its text is sized again."""
    if any(el in resets for el in a.iter() if el is not box):
        return True
    for up in a.iterancestors():
        if up is box:
            return False
        if up in resets:
            return True
    return False


MENU_LABEL = 16  # characters of text beside a folded box that name it (新闻动态, 友情链接 ▼)


def _under_label(box: etree._Element) -> bool:
    """Whether a folded box is a menu's or a tab's panel: its parent shows, beside it, only
    a short label (``<li><a>新闻动态</a><div style="display:none">…</div></li>``; a
    友情链接 drop-down under its title), as real portals' navigation and footers have it.
    A box folded into a footer's copyright line or the page's body is not."""
    parent = box.getparent()
    if parent is None or parent.tag in ("body", "html"):
        return False
    label = " ".join(text_of(parent).split()).replace(" ".join(text_of(box).split()), "", 1).strip()
    return 0 < len(label) <= MENU_LABEL


def hidden_links(doc: etree._Element, url: str) -> list[HiddenLink]:
    """Every link of the page that a visitor cannot see, each URL once, with how it is hidden."""
    how: dict[etree._Element, str] = {}
    styled = [(el, declarations(el.get("style") or "")) for el in doc.xpath("//*[@style]")]
    for el, decl in styled:
        if (found := hiding(decl)) is not None:
            how[el] = found
    for selector, decl in _style_rules(doc):
        found = hiding(decl)
        assert found is not None
        for el in selector(doc):
            if el not in how or (found in CONCEALED and how[el] not in CONCEALED):
                how[el] = found
    # colour on the link or its box, background on a box around it: the same colour hides it
    for el, decl in styled:
        colour = _colour(decl.get("color"))
        if colour is None or el in how:
            continue
        for up in el.iterancestors():
            decl = declarations(up.get("style") or "")
            background = _colour(decl.get("background-color") or decl.get("background"))
            if background is not None:
                if background == colour:
                    how[el] = "same_colour"
                break
    for el in doc.iter("marquee"):
        if _marquee_hides(el):
            how[el] = "marquee"
    if not how:
        return []
    for box, found in list(how.items()):
        if found in FOLDED and _under_label(box):
            how[box] = "menu_panel"
    resets = _sized_again(doc, styled) if "font_zero" in how.values() else set()
    join, out, seen = joiner(url), [], set()
    for box, found in sorted(how.items(), key=lambda kv: kv[1] not in CONCEALED):  # concealed first: it wins
        for a in box.iter("a"):
            ref = (a.get("href") or "").strip()
            if not ref or ref.startswith(SKIP_HREF) or ref.startswith("data:"):
                continue
            if found == "font_zero" and _resized(a, box, resets):
                continue
            target = join(ref).split("#", 1)[0]
            if target not in seen:
                seen.add(target)
                out.append(HiddenLink(target, link_title(a), found))
    return out


# -- on a rendered page: computed styles ------------------------------------------------------
# What the page's stylesheets (external ones included) leave of each link, in the browser:
# only the concealing tricks. Folded links (menus, tabs, slides: display:none and the like)
# are what a rendered page is full of, and the static pass judges those its HTML declares.
# A link drawn otherwise is not hidden by its text: a logo whose text is moved off or sized 0
# over its image, an icon link drawn by ::before, a badge whose box lies over its parent's
# background image. Size 0 is judged by the text a link shows, not the size it inherits: a
# menu sets font-size:0 on its row to close the gaps between items and sizes each item's
# text again (both seen on real portals' stylesheets). A link scrolled out of a box of real size
# that cuts its overflow (a slider's other slides) is not moved off the page. A box of no
# size must have none either way (a menu folds to height 0 and keeps its width); inside the
# site it is how screen-reader links are kept out of view (sr-only), and is passed over.
_RENDERED_JS = """(offscreen) => {
  const skip = /^(#|javascript:|mailto:|tel:|data:)/i;
  const rgb = (c) => { const m = /rgba?\\(([^)]+)\\)/.exec(c || '');
    if (!m) return null; const p = m[1].split(',').map(parseFloat); return p.length === 3 ? [...p, 1] : p; };
  const backdrop = (el) => {  // the colour behind el's text, or null where it cannot be told
    for (let e = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.backgroundImage !== 'none') return null;
      const c = rgb(s.backgroundColor);
      if (c && c[3] >= 1) return c;
      if (c && c[3] > 0) return null;
    }
    return [255, 255, 255, 1];
  };
  const textPx = (a) => {  // the largest font any visible text of the link is drawn in
    let max = 0; const w = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
    for (let n; (n = w.nextNode());) {
      const p = n.parentElement;
      if (!n.nodeValue.trim() || !p || p.getClientRects().length === 0
          || getComputedStyle(p).visibility === 'hidden') continue;
      max = Math.max(max, parseFloat(getComputedStyle(p).fontSize));
    }
    return max;
  };
  const iconBox = (a, r) => {  // a link of real size over a box that draws a background image (an icon badge)
    if (r.width < 8 || r.height < 8) return false;
    for (let e = a.parentElement, i = 0; e && i < 3; e = e.parentElement, i++) {
      if (getComputedStyle(e).backgroundImage === 'none') continue;
      const q = e.getBoundingClientRect();
      const w = Math.min(q.right, r.right) - Math.max(q.left, r.left);
      const h = Math.min(q.bottom, r.bottom) - Math.max(q.top, r.top);
      return w > 0 && h > 0 && w * h >= 0.5 * Math.min(q.width * q.height, r.width * r.height);
    }
    return false;
  };
  const right = Math.max(innerWidth, 1920) + offscreen;
  const out = [];
  for (const a of document.querySelectorAll('a[href]')) {
    const ref = (a.getAttribute('href') || '').trim();
    if (!ref || skip.test(ref) || a.getClientRects().length === 0) continue;
    const s = getComputedStyle(a);
    const drawn = a.querySelector('img, svg, canvas') !== null || s.backgroundImage !== 'none'
      || getComputedStyle(a, '::before').content !== 'none' || getComputedStyle(a, '::after').content !== 'none';
    let clipped = false, zero = false, marquee = null;
    for (let e = a; e && e !== document.body && e !== document.documentElement; e = e.parentElement) {
      const es = getComputedStyle(e);
      if (e.tagName === 'MARQUEE' && !marquee) marquee = e;
      if (es.overflowX !== 'visible' || es.overflowY !== 'visible') {
        const r = e.getBoundingClientRect();
        if (r.width <= 1 && r.height <= 1) zero = true; else if (e !== a) clipped = true;
      }
    }
    const r = a.getBoundingClientRect(), x = r.left + scrollX, y = r.top + scrollY;
    let how = null;
    if (!clipped && (x + r.width <= -offscreen || y + r.height <= -offscreen || x >= right)) how = 'offscreen';
    else if (!drawn && parseFloat(s.fontSize) < 1 && textPx(a) < 1 && !iconBox(a, r)) how = 'font_zero';
    else if (zero) how = a.host === location.host ? null : 'zero_size';
    else if (marquee) {
      const m = marquee.getBoundingClientRect();
      if (m.width <= 1 || m.height <= 1 || +(marquee.getAttribute('scrollamount') || 0) >= 1000) how = 'marquee';
    }
    if (!how && !drawn && s.visibility !== 'hidden') {
      const c = rgb(s.color), b = backdrop(a);
      if (c && (c[3] === 0 || (b && c[3] >= 1 && c[0] === b[0] && c[1] === b[1] && c[2] === b[2]))) how = 'same_colour';
    }
    if (how) out.push([a.href, (a.getAttribute('title') || a.textContent || '').replace(/\\s+/g, ' ').trim(), how]);
  }
  return out;
}"""


async def rendered_hidden_links(page) -> list[HiddenLink]:
    """The links a rendered page (a Playwright page, settled) conceals by its computed
    styles — the stylesheets it loads included — each URL once. Run in the render axe-core
    already makes of the home page (``accessibility.axe_page``)."""
    found = await page.evaluate(_RENDERED_JS, OFFSCREEN_PX)
    out, seen = [], set()
    for url, text, how in found:
        target = url.split("#", 1)[0]
        if target not in seen:
            seen.add(target)
            out.append(HiddenLink(target, text[:200], how))
    return out
