"""Text shared by the stages and the reports: Chinese normalisation (the catalog, the importer,
the validators) and the decoding of a page's bytes (the crawler, the link check, the evidence
a report shows)."""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache
from typing import TypeVar, cast

# Converters that render a traditional-script page leave pinyin notes: 鄉(xiāng)鎮(zhèn).
_PINYIN_NOTE = re.compile(r"\((?:[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]+\d?)\)")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


@lru_cache(maxsize=1)
def _t2s():
    from opencc import OpenCC

    return OpenCC("t2s")


def strip_pinyin_notes(text: str) -> str:
    """Remove converter pinyin notes such as ``(xiāng)``; plain parentheses stay."""
    return _PINYIN_NOTE.sub("", text)


def to_simplified(text: str) -> str:
    return _t2s().convert(text)


def clean(text: str) -> str:
    """NFKC (full-width → half-width digits/letters), pinyin notes and stray tags removed,
    white space folded. Script (simplified/traditional) is left as it was."""
    text = unicodedata.normalize("NFKC", text)
    text = _HTML_TAG.sub("", text)
    text = strip_pinyin_notes(text)
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """The comparison key: cleaned, simplified, without spaces. Cached: the same short
    texts (headings, column names) come back on every page of a site, and OpenCC is slow."""
    return to_simplified(clean(text)).replace(" ", "")


# -- personal data (个人信息): ID card and mobile numbers, masked wherever page text becomes a record
ID_CARD = re.compile(r"(?<![0-9A-Za-z])([1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])"
                     r"(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx])(?![0-9A-Za-z])")
MOBILE = re.compile(r"(?<!\d)(1[3-9]\d{9})(?!\d)")
_DIGIT_RUN = re.compile(r"\d{11}")  # both need eleven digits in a row: most texts are passed over at once
BANK_CARD = re.compile(r"(?<![0-9A-Za-z])(\d{16,19})(?![0-9A-Za-z])")  # 银行卡号: 16 to 19 digits


def luhn_ok(number: str) -> bool:
    """ISO/IEC 7812's check digit (Luhn), which every bank card number carries."""
    total = 0
    for i, d in enumerate(int(c) for c in reversed(number)):
        total += (d * 2 - 9 if d * 2 > 9 else d * 2) if i % 2 else d
    return total % 10 == 0


def mask_card(number: str) -> str:
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


def mask_id(number: str) -> str:
    return number[:6] + "*" * 8 + number[-4:]


def mask_mobile(number: str) -> str:
    return number[:3] + "****" + number[-4:]


def masked(text: str) -> str:
    """``text`` with every ID number and mobile number in it masked (342501********4215,
    139****1234): what a record, a report or a log may hold of a page's personal data. Bank
    card numbers are masked where they are found (``validations.content.leaks``): one long
    number in ten passes the Luhn check, and article URLs are full of long numbers."""
    if not text or not _DIGIT_RUN.search(text):
        return text
    text = ID_CARD.sub(lambda m: mask_id(m.group(1)), text)
    return MOBILE.sub(lambda m: mask_mobile(m.group(1)), text)


# NUL and control characters (tab and newline aside): PostgreSQL refuses NUL in text, reports
# and terminals choke on the rest; a page's title has no use for them
V = TypeVar("V")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]")


def strip_control(value: V) -> V:
    """A string without control characters (other values as they are)."""
    if isinstance(value, str) and _CONTROL.search(value):
        return cast(V, _CONTROL.sub("", value))  # a str in, a str out
    return value


def record_text(text: str) -> str:
    """Page text as a record may hold it: control characters removed, personal data masked."""
    if not text:
        return text
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    return masked(text)


# -- text that goes into Markdown (reports, Prefect artifacts) and spreadsheets ----------------
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")  # links, images, emphasis, code, cells: what a cell can start


def md_cell(value: object) -> str:
    """A value as a Markdown table cell: one line, Markdown and HTML inert — a title reading
    ``![](http://evil/x.png)`` or ``[x](javascript:…)`` shows as text, loads and links nothing."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    text = _CONTROL.sub("", str(value)).replace("\r", " ").replace("\n", " ")
    return _MD_SPECIAL.sub(r"\\\1", text.replace("<", "&lt;"))  # and no HTML tag


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def sheet_cell(value: object) -> object:
    """A value as a spreadsheet may hold it: control characters out (XLSX refuses them), and
    text a spreadsheet would run as a formula (=, +, -, @ first) kept as text with a leading
    apostrophe (OWASP's rule against CSV/formula injection). Numbers and dates stay."""
    if not isinstance(value, str):
        return value
    value = _CONTROL.sub("", value)
    return "'" + value if value.startswith(_FORMULA_START) else value


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)
_GB_FAMILY = {"gb2312", "gbk", "gb_2312-80", "x-gbk", "gb18030", "cp936", "euc-cn"}


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    if name in _GB_FAMILY:
        return "gb18030"  # superset: GB2312/GBK pages use its characters freely
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_html(body: bytes, header_charset: str | None = None) -> str:
    """Decode a page: BOM, then declared charsets (header, meta) tried strictly, then
    UTF-8, then GB18030. Pages that declare one charset and use another are common."""
    if body.startswith(b"\xef\xbb\xbf"):
        return body[3:].decode("utf-8", errors="replace")
    candidates: list[str] = []
    meta = _META_CHARSET.search(body[:4096])
    for declared in (_codec(header_charset), _codec(meta.group(1).decode("ascii", "ignore")) if meta else None):
        if declared and declared not in candidates:
            candidates.append(declared)
    for fallback in ("utf-8", "gb18030"):
        if fallback not in candidates:
            candidates.append(fallback)
    for enc in candidates:
        try:
            return body.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    return body.decode(candidates[0], errors="replace")
