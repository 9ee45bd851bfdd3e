"""Normalise update frequencies as portals publish them (及时更新, 季度更新, 每月 …,
simplified or traditional) to a small set of codes the rulesets speak."""

from __future__ import annotations

from portal_audit.text import fold

FREQUENCY_CODES = ("timely", "daily", "weekly", "monthly", "quarterly", "halfyearly", "yearly", "static")

# Core words after folding and removing 更新/每/按 decorations.
_CORE = {
    "及时": "timely", "实时": "timely", "随时": "timely", "不定期": "timely", "动态": "timely",
    "日": "daily", "天": "daily", "每日": "daily", "日度": "daily", "工作日": "daily",
    "周": "weekly", "星期": "weekly",
    "月": "monthly", "月度": "monthly",
    "季": "quarterly", "季度": "quarterly",
    "半年": "halfyearly", "半年度": "halfyearly",
    "年": "yearly", "年度": "yearly", "年底": "yearly",
    "长期": "static", "长期有效": "static", "常态": "static", "不更新": "static", "无需更新": "static",
}
_CODES_AS_WRITTEN = {code: code for code in FREQUENCY_CODES}


class UnknownFrequency(ValueError):
    pass


def normalize_frequency(text: str) -> str:
    """Return the frequency code for published text, or raise UnknownFrequency.

    >>> normalize_frequency("季度更新"), normalize_frequency("及時(shí)更新")
    ('quarterly', 'timely')
    """
    raw = (text or "").strip()
    if raw.lower() in _CODES_AS_WRITTEN:
        return raw.lower()
    core = fold(raw)
    for junk in ("更新", "发布", "公开", "一次", "1次"):
        core = core.replace(junk, "")
    for prefix in ("每", "按", "逐"):
        if core.startswith(prefix) and core[len(prefix):] in _CORE:
            core = core[len(prefix):]
    if core in _CORE:
        return _CORE[core]
    raise UnknownFrequency(
        f"unknown update frequency {text!r}; expected text such as 及时更新, 每周, 每月更新, "
        f"月度更新, 季度更新, 半年更新, 年度更新, 长期 (or a code: {', '.join(FREQUENCY_CODES)})"
    )
