"""Chinese text normalisation shared by the catalog, the importer and the validators."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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
