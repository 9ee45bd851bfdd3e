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


def _ref(el: etree._Element) -> str:
    return (el.get("href") or el.get("src") or "").strip()


def _code_in(url: str) -> str | None:
    """The site code an error-report URL carries (``site_code=`` or ``sitecode=``)."""
    query = parse_qs(urlsplit(url).query)
    found = query.get("site_code") or query.get("sitecode")
    return found[0] if found else None


def site_identity(doc: etree._Element, url: str, text: str) -> SiteIdentity:
    """The identity marks of home page ``doc`` (at ``url``, its visible ``text`` given: the
    crawl has it already)."""
    code_meta = None
    for meta in doc.iter("meta"):
        if (meta.get("name") or "").strip().lower() == "siteidcode":
            code_meta = (meta.get("content") or "").strip() or None
            break
    code = _CODE.search(text)
    icp, police, sponsor = _ICP.search(text), _POLICE.search(text), _SPONSOR.search(text)
    icp_linked = conac = False
    error_report = error_code = None
    for el in doc.iter("a", "script", "img", "iframe"):
        ref = _ref(el)
        if not ref:
            continue
        low = ref.lower()
        if el.tag == "a" and any(d in low for d in _MIIT):
            icp_linked = True
        if _CONAC in low:
            conac = True
        if error_report is None and any(d in low for d in _ERROR_REPORT):
            error_report = ref
            error_code = el.get("sitecode") or _code_in(ref)
    for src, sitecode in dropped_scripts(doc):  # the badges' and the entry's scripts (page_doc took them out)
        low = src.lower()
        conac = conac or _CONAC in low
        if error_report is None and any(d in low for d in _ERROR_REPORT):
            error_report, error_code = src, sitecode or _code_in(src)
    if error_report is None:  # an entry by its name, linked elsewhere (a local copy of the form)
        for a in doc.iter("a"):
            if "我为政府网站找错" in "".join(a.itertext()) and _ref(a):
                error_report = _ref(a)
                break
    elder = None
    for el in doc.iter("a", "button", "span", "li"):
        label = " ".join("".join(el.itertext()).split()) or (el.get("title") or "").strip()
        if len(label) <= 12 and any(w in label for w in ELDER_WORDS):
            elder = label
            break
    return SiteIdentity(
        page_url=url, code_meta=code_meta, code_footer=code.group(1) if code else None,
        icp=" ".join(icp.group(0).split()) if icp else None, icp_linked=icp_linked,
        police=" ".join(police.group(0).split()) if police else None, conac=conac,
        sponsor=sponsor.group(1) if sponsor else None, error_report=error_report,
        error_report_code=(error_code or "").strip() or None, elder_entry=elder)
