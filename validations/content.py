"""Content checks on the pages a run fetched: serious wording errors (严重表述错误) against
curated lexicons kept as data files (``validations/lexicons/``), and personal-data leaks
(身份证号 with a valid check digit, mobile numbers in lists and tables), found in the text
of home and list pages and the items' titles. A finding keeps the sentence it sits in;
leaks are stored masked.

``PageScan`` is what a crawl hands each page it reads: it scans the text, and collects the
page's links (capped per portal) for the link check.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from portal_audit.records import Finding, HiddenLink, Link
from portal_audit.text import (
    _DIGIT_RUN,
    BANK_CARD,
    ID_CARD,
    MOBILE,
    luhn_ok,
    mask_card,
    mask_id,
    mask_mobile,
    masked,
)
from portal_audit.urls import origin, registered_domain

LEXICON_DIR = Path(__file__).parent / "lexicons"
LINKS_PER_PORTAL = 100  # distinct links checked per portal and night
SENTENCE = 120  # characters of context kept around a finding
_SENTENCE_END = re.compile(r"[。！？；!?;]")
_ID_CARD, _MOBILE = ID_CARD, MOBILE
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
LIST_CONTEXT = frozenset({"li", "td", "th", "dd", "dt"})


def id_checksum_ok(number: str) -> bool:
    """GB 11643-1999: the 18th character is the check digit of the first 17."""
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS))
    return "10X98765432"[total % 11] == number[17].upper()


@dataclass(frozen=True)
class Lexicon:
    """The wrong forms to look for: literal wrong form → (rule, correct form, severity),
    and the leaders with their titles."""

    literals: dict[str, tuple[str, str, str]]
    leaders: dict[str, tuple[frozenset[str], frozenset[str]]]  # name → (titles, former titles)
    literal_re: re.Pattern | None
    leader_re: re.Pattern | None
    full_titles: frozenset[str]  # titles only national leaders hold (国务院总理, 总书记; not 主席)
    # the leaders' names alone: found ~20× faster than ``leader_re`` finds its first character
    # (it may begin with a title or a name), which then runs only just before each name found
    name_re: re.Pattern | None = None
    longest_title: int = 0


def _read(name: str, directory: Path) -> dict:
    path = directory / f"{name}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: a lexicon is a mapping")
    return data


@lru_cache(maxsize=4)
def load_lexicon(directory: str | None = None) -> Lexicon:
    """The lexicons of ``directory`` (default: the bundled ones): phrases.yaml,
    leaders.yaml, divisions.yaml."""
    where = Path(directory) if directory else LEXICON_DIR
    literals: dict[str, tuple[str, str, str]] = {}
    for name, sections in (("phrases", ("phrases",)), ("divisions", ("divisions", "organisations"))):
        data = _read(name, where)
        for section in sections:
            for i, entry in enumerate(data.get(section) or []):
                if not isinstance(entry, dict) or "correct" not in entry or not entry.get("wrong"):
                    raise ValueError(f"{where / name}.yaml: {section}[{i}]: needs `correct` and a `wrong` list")
                severity = entry.get("severity", "serious")
                if severity not in ("serious", "suspected"):
                    raise ValueError(f"{where / name}.yaml: {section}[{i}]: severity is serious or suspected")
                rule = "phrase" if name == "phrases" else "division"
                for wrong in entry["wrong"]:
                    literals[str(wrong)] = (rule, str(entry["correct"]), severity)
    leaders = {}
    for i, entry in enumerate(_read("leaders", where).get("leaders") or []):
        if not isinstance(entry, dict) or "name" not in entry:
            raise ValueError(f"{where}/leaders.yaml: leaders[{i}]: needs a `name`")
        leaders[str(entry["name"])] = (frozenset(entry.get("titles") or []), frozenset(entry.get("former") or []))
        for wrong in entry.get("wrong_names") or []:
            literals[str(wrong)] = ("leader", str(entry["name"]), "serious")
    titles = {t for current, former in leaders.values() for t in current | former}
    literal_re = re.compile("|".join(map(re.escape, sorted(literals, key=len, reverse=True)))) if literals else None
    leader_re = name_re = None
    if leaders:
        names = "|".join(map(re.escape, sorted(leaders, key=len, reverse=True)))
        title = "|".join(map(re.escape, sorted(titles, key=len, reverse=True))) or "(?!)"
        leader_re = re.compile(rf"(?P<before>{title})?(?P<name>{names})(?:同志)?(?P<after>{title})?")
        name_re = re.compile(names)
    ambiguous = set(_read("leaders", where).get("ambiguous_titles") or [])
    return Lexicon(literals, leaders, literal_re, leader_re, frozenset(titles - ambiguous), name_re,
                   max(map(len, titles), default=0))


def leader_matches(text: str, lexicon: Lexicon) -> Iterator[re.Match]:
    """``lexicon.leader_re.finditer(text)``, the same matches, found by their names: the
    next match can begin no earlier than a title's length before the next name (every match
    holds a name), so ``leader_re`` is tried only from there. A page without a leader's name
    costs one scan for the names, not ``leader_re``'s try at every character."""
    if lexicon.leader_re is None or lexicon.name_re is None:
        return
    pos = 0
    while (name := lexicon.name_re.search(text, pos)) is not None:
        m = lexicon.leader_re.search(text, max(pos, name.start() - lexicon.longest_title))
        assert m is not None  # it matches at the name itself, if not before
        yield m
        pos = m.end()


@lru_cache(maxsize=4)
def load_ad_networks(directory: str | None = None) -> tuple[tuple[str, str], ...]:
    """(domain, network) pairs of ``directory``'s ad_networks.yaml (default: the bundled one),
    longest domain first."""
    where = Path(directory) if directory else LEXICON_DIR
    pairs = []
    for i, entry in enumerate(_read("ad_networks", where).get("networks") or []):
        if not isinstance(entry, dict) or not entry.get("name") or not entry.get("domains"):
            raise ValueError(f"{where}/ad_networks.yaml: networks[{i}]: needs a `name` and a `domains` list")
        pairs += [(str(d).lower().lstrip("."), str(entry["name"])) for d in entry["domains"]]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def ad_network(url: str, networks: tuple[tuple[str, str], ...]) -> tuple[str, str] | None:
    """(domain, network) when ``url``'s host is an ad network's domain or under it."""
    by_domain = _by_domain(networks)
    labels = (urlsplit(url).hostname or "").lower().split(".")
    for i in range(len(labels) - 1):  # the host, then each parent domain: a.pos.baidu.com, pos.baidu.com …
        suffix = ".".join(labels[i:])
        if suffix in by_domain:
            return suffix, by_domain[suffix]
    return None


@lru_cache(maxsize=8)
def _by_domain(networks: tuple[tuple[str, str], ...]) -> dict[str, str]:
    return dict(networks)


@dataclass(frozen=True)
class HiddenLexicon:
    """Words of gambling, adult and other illicit sites, per category: in a hidden link's
    text (``words``) or its URL (``url_words``)."""

    words: tuple[tuple[str, str], ...]  # (word, category), Latin words lower-cased
    url_words: tuple[tuple[str, str], ...]

    def match(self, text: str, url: str) -> tuple[str, str] | None:
        """(category, word) of the first word the link's text or URL carries."""
        folded, where = text.lower(), url.lower()
        for word, category in self.words:
            if word in folded:
                return category, word
        for word, category in self.url_words:
            if word in where:
                return category, word
        return None


@lru_cache(maxsize=4)
def load_hidden_lexicon(directory: str | None = None) -> HiddenLexicon:
    """``directory``'s hidden_links.yaml (default: the bundled one)."""
    where = Path(directory) if directory else LEXICON_DIR
    words, url_words = [], []
    for i, entry in enumerate(_read("hidden_links", where).get("categories") or []):
        if not isinstance(entry, dict) or not entry.get("name") or not entry.get("words"):
            raise ValueError(f"{where}/hidden_links.yaml: categories[{i}]: needs a `name` and a `words` list")
        words += [(str(w).lower(), str(entry["name"])) for w in entry["words"]]
        url_words += [(str(w).lower(), str(entry["name"])) for w in entry.get("url_words") or []]
    return HiddenLexicon(tuple(words), tuple(url_words))


GOVERNMENT_SUFFIXES = (".gov.cn", ".政务", ".gov.hk", ".gov.mo")  # hosts a 暗链 never leads to


def hidden_link_rule(link: HiddenLink, page_url: str, lexicon: HiddenLexicon) -> tuple[str, str, str] | None:
    """(rule, severity, what) for a link a visitor cannot see, or None when it is no finding.

    - its words are a gambling, adult or illicit site's: 严重, however hidden, wherever it leads;
    - concealed (off-screen, size 0, background-coloured …) and leading off the site's
      registered domain to a non-government host: 严重; concealed otherwise: 疑似;
    - folded (display:none and the like: tabs, menus, slides) and leading off the site to a
      non-government host: 疑似; folded inside the site or to a government site, or folded
      under a label of its own (a menu's submenu, a 友情链接 drop-down: ``menu_panel``): none —
      a closed tab is not a 暗链."""
    hit = lexicon.match(link.text, link.url)
    if hit is not None:
        return hit[0], "serious", hit[1]
    host, home = (urlsplit(link.url).hostname or "").lower(), (urlsplit(page_url).hostname or "").lower()
    outside = registered_domain(host) != registered_domain(home) and not (host + ".").endswith(
        tuple(s + "." for s in GOVERNMENT_SUFFIXES)) and host not in ("gov.cn",)
    if link.concealed:
        return ("external", "serious", host) if outside else ("internal", "suspected", host)
    return ("folded_external", "suspected", host) if outside and link.how != "menu_panel" else None


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around a hit, looked for within a window of its own (a search from the
    text's start for every hit made a page of many hits quadratic)."""
    floor = max(0, start - 2 * SENTENCE)
    left = max((m.end() for m in _SENTENCE_END.finditer(text, floor, start)), default=floor)
    right = _SENTENCE_END.search(text, end, end + 2 * SENTENCE)
    sentence = text[left:right.end() if right else min(len(text), end + 2 * SENTENCE)].strip()
    if len(sentence) > SENTENCE:
        centre = start - left
        sentence = sentence[max(0, centre - SENTENCE // 2):max(0, centre - SENTENCE // 2) + SENTENCE]
    return masked(sentence)


def _in_block(term: str, blocks: list[str]) -> str | None:
    """The sentence around ``term`` in the shortest text block holding it — a paragraph, a
    list item — rather than in the whole page's text, where menus run into the article."""
    holding = [b for b in blocks if term in b]
    if not holding:
        return None
    block = min(holding, key=len)
    at = block.index(term)
    return _sentence(block, at, at + len(term))


def wording_errors(text: str, lexicon: Lexicon) -> list[tuple[str, str, str, str, str]]:
    """(rule, severity, wrong, correct, sentence) for each serious wording error in ``text``."""
    out = []
    if lexicon.literal_re is not None:
        for m in lexicon.literal_re.finditer(text):
            rule, correct, severity = lexicon.literals[m.group(0)]
            out.append((rule, severity, m.group(0), correct, _sentence(text, m.start(), m.end())))
    if lexicon.leader_re is not None:
        for m in leader_matches(text, lexicon):
            current, former = lexicon.leaders[m.group("name")]
            for side in ("before", "after"):
                title = m.group(side)
                if not title or title in current:
                    continue
                if side == "before" and title not in lexicon.full_titles:
                    continue  # "县政协主席李强": an ambiguous title before a name is a local official's
                severity = "serious" if title in lexicon.full_titles and title not in former else "suspected"
                expected = "、".join(sorted(current)) or "（已离任）"
                out.append(("leader", severity, f"{title}{m.group('name')}" if side == "before" else
                            f"{m.group('name')}{title}", f"{m.group('name')}：{expected}",
                            _sentence(text, m.start(), m.end())))
    return out


def leaks(tag: str, text: str) -> list[tuple[str, str, str, str]]:
    """(rule, severity, masked term, sentence) for each personal-data leak in a block: an ID
    number with a valid check digit anywhere, a mobile number in a list or table, a bank
    card number (Luhn check digit, not an ID number) in a list or table or beside the words
    that name one (卡号, 账号, 银行)."""
    out = []
    ids = set()
    for m in _ID_CARD.finditer(text):
        if id_checksum_ok(m.group(1)):
            ids.add(m.group(1))
            out.append(("id_card", "serious", mask_id(m.group(1)), _sentence(text, m.start(), m.end())))
    if tag in LIST_CONTEXT:
        for m in _MOBILE.finditer(text):
            out.append(("mobile", "suspected", mask_mobile(m.group(1)), _sentence(text, m.start(), m.end())))
    cards = []
    for m in BANK_CARD.finditer(text):
        number = m.group(1)
        if number in ids or not luhn_ok(number):
            continue
        near = text[max(0, m.start() - 20):m.start()]
        if tag in LIST_CONTEXT or any(w in near for w in _CARD_WORDS):
            cards.append(number)
            out.append(("bank_card", "serious", mask_card(number), _sentence(text, m.start(), m.end())))
    for number in cards:  # no sentence keeps a card number the block showed, whichever finding it is of
        out = [(rule, severity, term, sentence.replace(number, mask_card(number)))
               for rule, severity, term, sentence in out]
    return out


_CARD_WORDS = ("卡号", "账号", "帐号", "银行", "开户")


_LEAK_NAMES = {"id_card": "身份证号", "mobile": "手机号码", "bank_card": "银行卡号"}


class PageScan:
    """A portal's content check as its crawl goes: each page's text scanned, its links
    collected (the first page a link is seen on, at most ``max_links`` distinct)."""

    def __init__(self, lexicon: Lexicon | None = None, max_links: int = LINKS_PER_PORTAL, content: bool = True,
                 ad_networks: tuple[tuple[str, str], ...] | None = None, hidden: HiddenLexicon | None = None):
        self.lexicon = lexicon or load_lexicon()
        self.ad_networks = load_ad_networks() if ad_networks is None else ad_networks
        self.hidden = hidden or load_hidden_lexicon()
        self.max_links = max_links
        self.content = content  # False: collect links only
        self._links: dict[str, Link] = {}
        self._findings: dict[tuple[str, str, str], Finding] = {}
        self._hidden_seen: set[str] = set()
        self._origins: dict[str, tuple[str, str, str]] = {}  # origin → (origin, tag, first page)

    def page(self, page_url: str, column_id: str | None, text: str, blocks: Callable[[], list[tuple[str, str]]],
             links: Callable[[], list[tuple[str, str, str]]],
             embeds: Callable[[bool], list[tuple[str, str, str]]] = lambda captions: [],
             hidden: Callable[[], list[HiddenLink]] = list) -> None:
        """Scan a page: its whole text at once for wording errors (0.2 ms for a list page);
        its blocks — each element's own text, so table cells do not run together — only
        when 11 digits in a row may be an ID or a mobile number (a mobile counts only in a
        list or table); its links only while the portal's cap is not reached."""
        if self.content:
            text = " ".join(text.split())
            found = wording_errors(text, self.lexicon)
            own: list[str] | None = None
            for rule, severity, term, correct, sentence in found:
                if own is None:  # the page's own text blocks, read once a hit needs them
                    own = [" ".join(block.split()) for _, block in blocks()]
                self._add(Finding("wording", rule, severity, term, correct, _in_block(term, own) or sentence, page_url,
                                  column_id))
            if _DIGIT_RUN.search(text):  # an ID or a mobile number may be there (cells run together in the text)
                for tag, block in blocks():
                    for rule, severity, term, sentence in leaks(tag, block):
                        self._add(Finding("leak", rule, severity, term, _LEAK_NAMES[rule], sentence, page_url,
                                          column_id))
            embedded = embeds("广告" in text or "廣告" in text)
            self._adverts(page_url, column_id, embedded)
            for url, tag, _ in embedded:  # scripts and frames: where a page runs others' code (挂马)
                if tag != "label" and (seen := origin(url)) is not None:
                    self._origins.setdefault(seen, (seen, tag, page_url))
            self._hidden(page_url, column_id, hidden())
        if len(self._links) < self.max_links:
            for url, label, tag in links():
                if url not in self._links and len(self._links) < self.max_links:
                    self._links[url] = Link(url, page_url, label, tag)

    def rendered(self, page_url: str, hidden: Sequence[HiddenLink]) -> None:
        """A rendered page's concealed links, by its computed styles (``hidden.rendered_hidden_links``)."""
        if self.content:
            self._hidden(page_url, None, hidden)

    def _hidden(self, page_url: str, column_id: str | None, hidden: Sequence[HiddenLink]) -> None:
        for link in hidden:  # a footer's 暗链 is on every page: kept once, where first seen
            if link.url not in self._hidden_seen and (judged := hidden_link_rule(link, page_url,
                                                                                 self.hidden)) is not None:
                self._hidden_seen.add(link.url)
                self._add(Finding("hidden", judged[0], judged[1], link.url, link.how,
                                  link.text or judged[2], page_url, column_id))

    def _adverts(self, page_url: str, column_id: str | None, embeds: list[tuple[str, str, str]]) -> None:
        """Commercial adverts: a script or frame from an ad network (certain), a block
        captioned 广告 (suspected: a person looks at what it shows)."""
        for url, tag, label in embeds:
            if tag == "label":
                self._add(Finding("advert", "ad_label", "suspected", label, "", url, page_url, column_id))
            elif (hit := ad_network(url, self.ad_networks)) is not None:
                self._add(Finding("advert", "ad_network", "serious", hit[0], hit[1], url, page_url, column_id))

    def _add(self, f: Finding) -> None:
        self._findings.setdefault((f.rule, f.term, f.page_url), f)

    def links(self) -> list[Link]:
        return list(self._links.values())

    def findings(self) -> list[Finding]:
        return list(self._findings.values())

    def attachment(self, url: str, blocks: list[tuple[str, str]]) -> tuple[Finding, ...]:
        """An attachment's blocks scanned for personal data, as a page's are (its findings
        kept, and returned for the attachment's record)."""
        found = []
        for tag, block in blocks:
            if _DIGIT_RUN.search(block):
                for rule, severity, term, sentence in leaks(tag, block):
                    found.append(Finding("leak", rule, severity, term, _LEAK_NAMES[rule], sentence, url, None))
        for f in found:
            self._add(f)
        return tuple(dict.fromkeys(found))

    def known(self, findings) -> None:
        for f in findings:
            self._add(f)

    def origins(self) -> tuple[tuple[str, str, str], ...]:
        """The script and frame origins of the pages scanned: (origin, tag, first page)."""
        return tuple(self._origins.values())
