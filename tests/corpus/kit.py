"""What a generator of modelled portals needs: file writing, dates, titles, labels.

A *modelled portal* reproduces the structure of a real portal's list pages — the markup
skeleton with its class and id names, its sidebars and boxes, its date formats, ordering
quirks and pager — with our own generator and our own text (no page is copied). Each has at
least three columns built on the same template, as a real portal does, so an audit can learn
its site-wide blocks. ``tests/corpus/build.py`` calls every ``real_*.py`` module's
``build(kit)``; tests crawl each modelled portal as an audit would and score it on its own.
"""

from __future__ import annotations

import html
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

Row = tuple[str, date | None, str]  # (URL path, publish date as labelled, title)

# our own words, recombined: nothing here is a real portal's text
SUBJECTS = ["全市", "全区", "全县", "我局", "我委", "我厅", "本级", "各乡镇", "市直各单位", "县直各部门"]
ACTIONS = ["召开", "开展", "部署", "推进", "通报", "公示", "印发", "发布", "组织", "启动"]
MATTERS = ["安全生产专项检查", "防汛抗旱工作", "政务公开工作要点", "民生实事项目", "营商环境优化行动", "乡村振兴重点任务",
           "城乡低保资金发放", "行政执法公示", "人才引进计划", "森林防火工作", "消费品质量抽查", "社会救助政策宣传",
           "预算执行情况", "重点项目建设", "农村人居环境整治", "老旧小区改造", "义务教育招生", "医疗保障待遇调整"]
FORMS = ["的通知", "的公告", "工作会议", "推进会", "情况通报", "结果公示", "实施方案", "工作总结", "政策解读", "专题培训班"]


@dataclass
class Kit:
    """Writes the corpus site and collects its labels (one per column)."""

    site: Path
    labels: list[dict]
    as_of: date
    rng: random.Random
    portal: dict = field(default_factory=dict)

    # -- files --------------------------------------------------------------------------
    def write(self, path: str, body: str, encoding: str = "utf-8") -> None:
        """A page at ``path`` (a query string is kept in the file name after '@')."""
        target = self.site / path.lstrip("/").replace("?", "@", 1)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body.encode(encoding, errors="xmlcharrefreplace"))

    # -- words and dates ------------------------------------------------------------------
    def title(self, year: int | None = None) -> str:
        r = self.rng
        title = f"{r.choice(SUBJECTS)}{r.choice(ACTIONS)}{r.choice(MATTERS)}{r.choice(FORMS)}"
        return f"关于{year}年度{title}" if year and r.random() < 0.3 else title

    def titles(self, n: int) -> list[str]:
        return [f"{self.title()}（{i + 1}）" for i in range(n)]

    def dates(self, n: int, newest: date, max_step: int = 9) -> list[date]:
        out, d = [], newest
        for _ in range(n):
            out.append(d)
            d -= timedelta(days=self.rng.randint(0, max_step))
        return out

    def ago(self, days: int) -> date:
        return self.as_of - timedelta(days=days)

    @staticmethod
    def esc(text: str) -> str:
        return html.escape(text, quote=True)

    # -- labels ---------------------------------------------------------------------------
    def start_portal(self, pid: str, name: str, source: str, level: str, cms: str, url: str | None = None) -> None:
        """The modelled portal the next columns belong to; ``source`` names the real page(s)
        studied (repository, path, commit — or the index id where no repository could be
        told), ``url`` the real site the structure follows."""
        self.portal = {"portal": pid, "portal_name": name, "source": source, "level": level, "cms": cms, "real_url": url}

    def column(self, case: str, name: str, start: str, rows: list[Row], pages: int, *, note: str,
               empty: bool = False, newest: date | None = None, dated: bool = True, static: bool = True) -> None:
        """Label one column: every item a reader of its list pages would list (URL, date,
        title), the newest date, whether it is blank, how many list pages it has."""
        dates = [d for _, d, _ in rows if d]
        top = newest or (max(dates) if dates else None)
        self.labels.append({
            "case": case, "shape": f"real:{self.portal['portal']}", "start": start, "pages": pages, "empty": empty,
            "note": note, "name": name, "newest": top.isoformat() if top else None, "new": True, "dated": dated,
            "static": static, **self.portal,
            "items": [{"url": u, "published_on": d.isoformat() if d and dated else None, "title": t} for u, d, t in rows]})

    def paged(self, rows: list[Row], per: int) -> list[list[Row]]:
        return [rows[i:i + per] for i in range(0, max(len(rows), 1), per)] or [[]]


Builder = Callable[[Kit], None]
