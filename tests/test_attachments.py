"""Personal data in attachments (issue 32): spreadsheets, Word, PDF, CSV and text files
linked from the pages the audit reads, made here and served on loopback; the same rules as
pages (ID numbers with the GB 11643 check digit, mobile numbers in tables, bank cards with
the Luhn check), every hit masked; a second night asks conditionally and reads nothing twice."""

from __future__ import annotations

import asyncio
import io
from datetime import date

from app.demo.files import doc, pdf, table_image, xlsx
from extractors.attachments import attachment_blocks, kind_of
from extractors.crawl import crawl_portal_async
from extractors.fetch import FetchPolicy
from portal_audit.catalog import Column, Portal
from portal_audit.text import luhn_ok
from validations.content import PageScan, leaks
from validations.indicators import indicator_evidence
from validations.rules import load_ruleset
from validations.suite import validate
from validations.verdicts import SiteEvidence

POLICY = FetchPolicy(allow_private_networks=True, per_host_delay=0, retries=0, max_pages_per_column=2)
AS_OF = date(2026, 3, 25)
ID = "342501198803154215"  # a valid check digit
ID2 = "342501199001011233"
MOBILE = "13905631234"


def card() -> str:
    """A 19-digit UnionPay-like number with a valid Luhn check digit."""
    stem = "622202123456789012"
    return next(stem + d for d in "0123456789" if luhn_ok(stem + d))


def docx_with_table(rows: list[list[str]]) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("2026年第一季度临时救助对象公示")
    table = document.add_table(rows=0, cols=len(rows[0]))
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row):
            cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_each_kind_is_read_as_a_table_where_it_is_one():
    number = card()
    sheet = attachment_blocks(xlsx([["姓名", "身份证号", "电话", "银行卡号"], ["张某", ID, MOBILE, number],
                                    ["李某", int(ID[:-1]) * 10 + 0, "", ""]]), "sheet")
    assert ("td", f"张某 {ID} {MOBILE} {number}") in sheet
    assert any("3425011988031542" in text for _, text in sheet)  # a number cell read back whole, not as 3.4e17
    word = attachment_blocks(docx_with_table([["姓名", "身份证号"], ["王某", ID]]), "docx")
    assert ("p", "2026年第一季度临时救助对象公示") in word and ("td", f"王某 {ID}") in word
    printed = attachment_blocks(pdf(["List of recipients", f"1 Wang {ID} {MOBILE}"]), "pdf")
    assert ("td", f"1 Wang {ID} {MOBILE}") in printed and ("p", "List of recipients") in printed
    assert attachment_blocks(f"序号,姓名,身份证号\n1,赵某,{ID}\n".encode(), "csv") == [
        ("td", "序号 姓名 身份证号"), ("td", f"1 赵某 {ID}")]
    legacy = attachment_blocks(doc(["低保对象名单", "以下各户经审核：", ""],
                                   [["姓名", "身份证号", "电话"], ["王某", ID, ""], ["李某", "", MOBILE]],
                                   one_byte="Tel: 0563-1234567"), "doc")
    assert legacy == [("p", "低保对象名单"), ("p", "以下各户经审核："), ("td", "姓名 身份证号 电话"),
                      ("td", f"王某 {ID}"), ("td", f"李某 {MOBILE}"), ("p", "Tel: 0563-1234567")]
    assert kind_of("http://x.gov.cn/u/2026/名单.XLSX") == "sheet" and kind_of("http://x.gov.cn/a.wps") == "doc"
    assert kind_of("http://x.gov.cn/art/1.html") is None


def test_ocr_reads_an_image_and_a_scanned_pdf_as_rows_only_when_switched_on(site):
    """A photographed list (PNG) and a scan (a PDF page that is one image, no text layer):
    without ``ocr`` the image is no attachment and the scan says it has no text; with it
    both are read by OCR, in a process of its own, line by line, and their ID and mobile
    numbers found, masked."""
    import sys

    from extractors.ocr import image_blocks

    rows = [["No.", "Name", "Identity", "Phone"], ["1", "Wang", ID, MOBILE], ["2", "Li", ID2, "13905630000"]]
    photo = table_image(rows, "Relief recipients 2026")
    pages, base = site
    pages.add("/u/gs.png", photo, ctype="image/png")
    pages.add("/u/scan.pdf", table_image(rows[:2], "Scanned notice", fmt="PDF"), ctype="application/pdf")
    items = "".join(f'<li><a href="/art/{i}.html">第{i}批临时救助对象公示</a><span>2026-03-{10 + i}</span></li>'
                    for i in range(3))
    pages.add("/col/n/index.html", f'<html><body><div class="list"><ul>{items}</ul></div><p><a href="/u/gs.png">'
                                   '公示名单（照片）</a> <a href="/u/scan.pdf">扫描件.pdf</a></p></body></html>')
    pages.add("/", "<html><body><p>首页</p></body></html>")
    portal = Portal(id="mz", name="某某市民政局", base_url=base, columns=[
        Column(id="gzdt", path=["工作动态"], url="/col/n/index.html", frequency="及时更新", category="news")])

    def read(ocr: bool):
        crawl = asyncio.run(crawl_portal_async(portal, AS_OF, POLICY, observer=PageScan(), attachments=10, ocr=ocr))
        return {a.url.rsplit("/", 1)[-1]: a for a in crawl.attachments}

    off = read(False)
    assert set(off) == {"scan.pdf"} and off["scan.pdf"].error is not None and off["scan.pdf"].findings == ()
    on = read(True)
    assert set(on) == {"gs.png", "scan.pdf"} and on["gs.png"].kind == "image"
    assert {(f.rule, f.term) for f in on["gs.png"].findings} == {
        ("id_card", "342501********4215"), ("id_card", "342501********1233"),
        ("mobile", "139****1234"), ("mobile", "139****0000")}
    assert {(f.rule, f.term) for f in on["scan.pdf"].findings} == {("id_card", "342501********4215"),
                                                                  ("mobile", "139****1234")}
    assert on["scan.pdf"].error is None
    assert "rapidocr_onnxruntime" not in sys.modules  # the engine (~800 MB as it reads) stayed in its own process
    blocks = list(image_blocks(photo))
    assert blocks[0] == ("p", "Relief recipients 2026")  # one box: a line of text
    assert [tag for tag, _ in blocks] == ["p", "td", "td", "td"]  # each row's boxes, left to right, one line
    assert blocks[2][1].endswith(f"Wang {ID} {MOBILE}")


def test_a_bank_card_needs_its_check_digit_and_a_table_or_its_name():
    number = card()
    bad = number[:-1] + str((int(number[-1]) + 1) % 10)
    assert [r[0] for r in leaks("td", f"王某 {number}")] == ["bank_card"]
    assert [r[2] for r in leaks("p", f"补助发放至银行卡号{number}")] == [number[:4] + "*" * 11 + number[-4:]]
    assert leaks("td", f"王某 {bad}") == []  # no check digit: an order or serial number
    assert leaks("p", f"文件编号{number}") == []  # running text, no word naming a card
    assert [r[0] for r in leaks("td", f"王某 {ID}")] == ["id_card"]  # an ID number is never also a card


def test_attachments_leak_personal_data_into_the_veto_and_are_read_once(site, tmp_path):
    from warehouse.db import make_engine
    from warehouse.earlier import attachments_read
    from warehouse.load import finish_run, load_portal, start_run

    pages, base = site
    number = card()
    pages.add("/u/mz.xlsx", xlsx([["姓名", "身份证号", "银行卡号"], ["张某", ID, number]]),
              ctype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    pages.add("/u/mz.pdf", pdf(["Notice", "nothing personal here"]), ctype="application/pdf")
    pages.add("/u/old.doc", b"\xd0\xcf\x11\xe0 legacy word", ctype="application/msword")
    pages.add("/u/db.wps", doc(["城乡低保对象公示"], [["姓名", "身份证号"], ["王某", ID2]]), ctype="application/kswps")
    pages.add("/u/broken.xlsx", b"PK\x03\x04 not really a workbook", ctype="application/octet-stream")
    rows = "".join(f'<li><a href="/art/{i}.html">第{i}批临时救助对象公示</a><span>2026-03-{10 + i}</span></li>'
                   for i in range(3))
    pages.add("/col/n/index.html", f'<html><body><div class="list"><ul>{rows}</ul></div><p>附件：'
                                   '<a href="/u/mz.xlsx">救助名单.xlsx</a> <a href="/u/mz.pdf">通知.pdf</a> '
                                   '<a href="/u/old.doc">旧表.doc</a> <a href="/u/broken.xlsx">表.xlsx</a> '
                                   '<a href="/u/db.wps">低保.wps</a></p>'
                                   '</body></html>')
    pages.add("/", "<html><body><p>首页</p></body></html>")
    portal = Portal(id="mz", name="某某市民政局", base_url=base, columns=[
        Column(id="gzdt", path=["工作动态"], url="/col/n/index.html", frequency="及时更新", category="news")])
    engine = make_engine(f"sqlite:///{tmp_path / 'w.db'}")

    def night(as_of: date):
        crawl = asyncio.run(crawl_portal_async(portal, as_of, POLICY, observer=PageScan(), attachments=10,
                                               attachments_read=attachments_read(engine, "mz")))
        v = validate(list(crawl.columns), [portal], load_ruleset(), as_of,
                     evidence={portal.id: SiteEvidence(findings=crawl.findings)},
                     indicators={portal.id: indicator_evidence(portal, crawl)})
        run = start_run(engine, as_of, "national-2019@1")
        load_portal(engine, run, portal, list(crawl.columns), v, crawl.home, findings=crawl.findings,
                    attachments=crawl.attachments)
        finish_run(engine, run, ok=True)
        return crawl, {c.item: c for c in v.portals[0].checks}["personal_data"]

    crawl, check = night(AS_OF)
    by_url = {a.url.rsplit("/", 1)[-1]: a for a in crawl.attachments}
    assert set(by_url) == {"mz.xlsx", "mz.pdf", "old.doc", "broken.xlsx", "db.wps"}
    leaked = {f.rule: f for f in by_url["mz.xlsx"].findings}
    assert set(leaked) == {"id_card", "bank_card"} and leaked["id_card"].term == "342501********4215"
    assert ID not in repr(crawl) and number not in repr(crawl)  # kept masked, sentences included
    assert by_url["mz.pdf"].findings == () and by_url["mz.pdf"].error is None
    assert by_url["old.doc"].error is not None and by_url["broken.xlsx"].error is not None  # said, not skipped
    assert [f.term for f in by_url["db.wps"].findings] == ["342501********1233"]  # WPS: Word's binary format
    assert ID2 not in repr(crawl)
    assert check.outcome == "fail" and "342501********4215" in check.reason
    assert {f.page_url.rsplit("/", 1)[-1] for f in crawl.findings if f.kind == "leak"} == {"mz.xlsx", "db.wps"}
    pages.hits.clear()
    again, check = night(date(2026, 3, 26))  # unchanged: asked conditionally (304), judged on the first reading
    spreadsheet = next(a for a in again.attachments if a.url.endswith("mz.xlsx"))
    assert spreadsheet.reused and {f.rule for f in spreadsheet.findings} == {"id_card", "bank_card"}
    assert check.outcome == "fail" and "342501********4215" in check.reason
    assert pages.hits.count("/u/mz.xlsx") == 1
