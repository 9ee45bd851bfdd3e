"""A home page's identity marks, as 国办发〔2017〕47号 and the 备案 rules ask a government
site to show them at the foot of its home page: the 网站标识码 (and its ``SiteIDCode``
meta), the ICP备案号 linked to the MIIT 备案 system, the 公安机关备案号, the 党政机关网站标识
(conac.cn), the 主办单位 and the 我为政府网站找错 entry. This reads what the page shows;
``validations/indicators.py`` judges it against the ruleset.

Every mark is read by its own published form (a code pattern, a registry's domain), never
by where a template happens to put it or what it names its classes.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from lxml import etree

from portal_audit.records import SiteIdentity

from .markup import dropped_scripts

_CODE = re.compile(r"网站标识码\s*[:：]?\s*([A-Za-z0-9]{10})(?![A-Za-z0-9])")
_ICP = re.compile(r"[\u4e00-\u9fff]{1,2}ICP备\s*\d{4,}\s*号(?:\s*-\s*\d+)?")
_POLICE = re.compile(r"[\u4e00-\u9fff]{1,2}公网安备\s*\d{14}\s*号")
_SPONSOR = re.compile(r"主办(?:单位)?\s*[:：]\s*([^\s|｜，,。；;:：]{2,40})")
_MIIT = ("beian.miit.gov.cn", "miibeian.gov.cn")
_CONAC = "conac.cn"
_ERROR_REPORT = ("zfwzgl.www.gov.cn", "/exposure/jiucuo")  # the national 我为政府网站找错 platform
# an entry to an accessible or elder-friendly mode (适老化, 工信部 2021), as portals label it
ELDER_WORDS = ("无障碍", "关怀版", "长者模式", "长者版", "适老化", "老年模式", "长辈版", "关爱版", "老年版")


_ELDER = {w: etree.XPath(f"//text()[contains(., '{w}')]") for w in ELDER_WORDS}
_REGISTRIES = ("miit", "miibeian", "conac", "zfwzgl", "jiucuo")
_OPENER = re.compile(r"""(href|src)\s*=\s*["']?$""", re.I)


def _pointing(html: str, word: str) -> list[tuple[str, str]]:
    """(attribute, value) of each ``href`` or ``src`` in ``html`` whose value holds ``word``:
    found by the word itself (a page names a registry once or twice), not by a walk of its
    hundreds of links."""
    out, at = [], html.find(word)
    while at >= 0:
        start = max(html.rfind(q, 0, at) for q in ('"', "'", "=", " "))
        opener = _OPENER.search(html, max(0, start - 12), start + 1)
        if opener:
            ends = [i for i in (html.find(q, at) for q in ('"', "'", " ", ">")) if i >= 0]
            out.append((opener.group(1).lower(), html[start + 1:min(ends) if ends else len(html)].strip()))
        at = html.find(word, at + len(word))
    return out


def _ref(el: etree._Element) -> str:
    return (el.get("href") or el.get("src") or "").strip()


def _code_in(url: str) -> str | None:
    """The site code an error-report URL carries (``site_code=`` or ``sitecode=``)."""
    query = parse_qs(urlsplit(url).query)
    found = query.get("site_code") or query.get("sitecode")
    return found[0] if found else None


def site_identity(doc: etree._Element, url: str, text: str, html: str | None = None) -> SiteIdentity:
    """The identity marks of home page ``doc`` (at ``url``, its visible ``text`` and its
    ``html`` given: the crawl has them already)."""
    code_meta = None
    for meta in doc.iter("meta"):
        if (meta.get("name") or "").strip().lower() == "siteidcode":
            code_meta = (meta.get("content") or "").strip() or None
            break
    code = _CODE.search(text)
    icp, police, sponsor = _ICP.search(text), _POLICE.search(text), _SPONSOR.search(text)
    icp_linked = conac = False
    error_report = error_code = None
    if html is None:  # no source at hand: serialised back (tests, tools); the crawl passes it
        html = etree.tostring(doc, encoding=str)
    for attribute, ref in [p for word in _REGISTRIES if word in html for p in _pointing(html, word)]:
        low = ref.lower()
        if attribute == "href" and any(d in low for d in _MIIT):
            icp_linked = True
        if _CONAC in low:
            conac = True
        if error_report is None and any(d in low for d in _ERROR_REPORT):
            error_report, error_code = ref, _code_in(ref)
    for src, sitecode in dropped_scripts(doc):  # the badges' and the entry's scripts (page_doc took them out)
        low = src.lower()
        conac = conac or _CONAC in low
        if any(d in low for d in _ERROR_REPORT) and not error_code:  # its sitecode attribute says the code
            error_report, error_code = error_report or src, sitecode or _code_in(src)
    if error_report is None and "找错" in text:  # an entry by its name, linked elsewhere (a local copy of the form)
        for a in doc.iter("a"):
            if "我为政府网站找错" in "".join(a.itertext()) and _ref(a):
                error_report = _ref(a)
                break
    elder = None
    for word in (w for w in ELDER_WORDS if w in text):
        labels = [" ".join(str(found).split()) for found in _ELDER[word](doc)]
        elder = next((label for label in labels if len(label) <= 12), None)  # an entry, not a sentence about one
        if elder:
            break
    return SiteIdentity(
        page_url=url, code_meta=code_meta, code_footer=code.group(1) if code else None,
        icp=" ".join(icp.group(0).split()) if icp else None, icp_linked=icp_linked,
        police=" ".join(police.group(0).split()) if police else None, conac=conac,
        sponsor=sponsor.group(1) if sponsor else None, error_report=error_report,
        error_report_code=(error_code or "").strip() or None, elder_entry=elder)
