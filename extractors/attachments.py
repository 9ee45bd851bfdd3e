"""Attachments linked from the pages the audit reads, read for personal data: the lists of
低保 households, subsidy recipients and exam candidates that offices publish as
spreadsheets and PDFs are where ID and bank card numbers leak most.

Read: spreadsheets (xls, xlsx, xlsm, ods, et) through ``python-calamine``, each row as a
table row; Word (docx) through ``python-docx``, paragraphs and table cells; legacy Word
(doc) and WPS (wps, the same binary format) through ``worddoc`` (olefile and the piece
table); PDF through ``pypdf``, a line of three or more fields, one of them a number, as a
table row; csv rows; txt lines; with the catalog's ``checks.ocr``, images and scanned PDFs
(no text layer) read by OCR (``ocr.py``). Not read, and said so: Word 95 and older,
encrypted files, archives; scanned PDFs without OCR.

Bounded: at most ``per_portal`` attachments a portal a night, each within the fetcher's
size cap, ``MAX_PAGES`` PDF pages and ``MAX_ROWS`` rows a sheet, parsed in a worker thread
within ``READ_SECONDS``. Read once: each attachment is asked for conditionally with its
validators of an earlier night, and a body whose content hash an earlier night read (this
URL's or another's of the portal) is judged on that reading, not parsed again.

The blocks go to the crawl's observer (``validations.content.PageScan.attachment``), which
applies the same rules as to pages and keeps every hit masked.
"""

from __future__ import annotations

import asyncio
import csv
import hashlib
import io
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from urllib.parse import urlsplit

from portal_audit.i18n import msg
from portal_audit.records import AttachmentScan, Finding, Link
from portal_audit.text import decode_html

from .column import PageObserver
from .fetch import Fetcher, FetchError
from .ocr import image_blocks, scanned_pdf_blocks
from .ocr import read as read_by_ocr
from .worddoc import doc_blocks

KINDS = {"xls": "sheet", "xlsx": "sheet", "xlsm": "sheet", "ods": "sheet", "et": "sheet", "docx": "docx",
         "pdf": "pdf", "csv": "csv", "txt": "txt", "doc": "doc", "wps": "doc"}
IMAGES = {"png": "image", "jpg": "image", "jpeg": "image", "bmp": "image", "tif": "image", "tiff": "image"}  # OCR
MAX_ROWS = 20_000  # rows read per sheet
MAX_PAGES = 200  # PDF pages read
MAX_CHARS = 2_000_000  # text read per attachment
READ_SECONDS = 20.0
OCR_SECONDS = 60.0  # an image or a scan's pages, by OCR (a dense A4 page ~5 s)
_EXT = re.compile(r"\.([a-z0-9]{2,4})$", re.I)
_FIELDS = re.compile(r"\S+(?:\s\S+)?")


def kind_of(url: str, ocr: bool = False) -> str | None:
    """The reader an attachment's URL asks for (``KINDS``; with ``ocr``, images too), or
    None: not an attachment read."""
    m = _EXT.search(urlsplit(url).path)
    if not m:
        return None
    ext = m.group(1).lower()
    return KINDS.get(ext) or (IMAGES.get(ext) if ocr else None)


def _cell(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # an ID or card number typed as a number: 3.425011988e17 read back whole
    return "" if value is None else str(value)


def _sheet(body: bytes) -> Iterator[tuple[str, str]]:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_filelike(io.BytesIO(body))
    for name in book.sheet_names:
        for i, row in enumerate(book.get_sheet_by_name(name).to_python(skip_empty_area=True)):
            if i >= MAX_ROWS:
                break
            yield "td", " ".join(_cell(v) for v in row)


def _docx(body: bytes) -> Iterator[tuple[str, str]]:
    import docx

    document = docx.Document(io.BytesIO(body))
    for paragraph in document.paragraphs:
        yield "p", paragraph.text
    for table in document.tables:
        for row in table.rows:
            yield "td", " ".join(cell.text for cell in row.cells)


def _pdf(body: bytes) -> Iterator[tuple[str, str]]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(body))
    for page in reader.pages[:MAX_PAGES]:
        for line in (page.extract_text() or "").splitlines():
            # a table's row, as PDFs lay them out: three fields or more, one a number (序号)
            yield ("td" if len(line.split()) >= 3 and any(c.isdigit() for c in line) else "p"), line


def _csv(body: bytes) -> Iterator[tuple[str, str]]:
    for row in csv.reader(io.StringIO(decode_html(body))):
        yield "td", " ".join(row)


def _txt(body: bytes) -> Iterator[tuple[str, str]]:
    for line in decode_html(body).splitlines():
        yield "p", line


READERS: dict[str, Callable[[bytes], Iterator[tuple[str, str]]]] = {
    "sheet": _sheet, "docx": _docx, "doc": doc_blocks, "pdf": _pdf, "csv": _csv, "txt": _txt, "image": image_blocks,
    "scan": scanned_pdf_blocks}


def attachment_blocks(body: bytes, kind: str) -> list[tuple[str, str]]:
    """An attachment's text as (tag, text) blocks, ``td`` for a table's row; at most
    ``MAX_CHARS`` of text (``image`` and ``scan``, a PDF's pages read off their images: by
    OCR, in this process). Raises ValueError for a body its reader cannot read."""
    out, chars = [], 0
    try:
        for tag, text in READERS[kind](body):
            text = " ".join(text.split())
            if text:
                out.append((tag, text))
                chars += len(text)
                if chars > MAX_CHARS:
                    break
    except Exception as exc:  # a damaged or encrypted file: its reader's own error, whatever its type
        raise ValueError(type(exc).__name__) from None
    return out


async def read_attachments(fetcher: Fetcher, links: Sequence[Link], observer: PageObserver, per_portal: int,
                           earlier: Mapping[str, AttachmentScan], budget: float,
                           ocr: bool = False) -> tuple[AttachmentScan, ...]:
    """Read the first ``per_portal`` attachments among ``links`` (each URL once), within
    ``budget`` seconds; ``earlier``: the portal's attachments as earlier nights read them
    (URL → scan), for conditional requests and readings to reuse; ``ocr``: images and
    scanned PDFs too (``ocr.py``)."""
    wanted = [(k, kind) for k in {k.url: k for k in links}.values() if (kind := kind_of(k.url, ocr))][:per_portal]
    by_hash = {s.content_hash: s for s in earlier.values() if s.content_hash and s.error is None}

    async def one(link: Link, kind: str) -> AttachmentScan:
        before = earlier.get(link.url)
        try:
            page = await fetcher.get(link.url, before.etag if before else None,
                                     before.last_modified if before else None)
        except FetchError as exc:
            return AttachmentScan(link.url, link.page_url, kind, error=exc.msg)
        if page.not_modified and before is not None and before.content_hash:
            digest, etag, modified, size = before.content_hash, before.etag, before.last_modified, before.nbytes
        else:
            digest, etag, modified, size = (hashlib.sha256(page.body).hexdigest(), page.etag, page.last_modified,
                                            page.nbytes)
        seen = by_hash.get(digest)
        if seen is not None:  # read before, here or at another address: judged on that reading
            observer.known([_at(f, link) for f in seen.findings])
            return AttachmentScan(link.url, link.page_url, kind, digest, etag, modified,
                                  tuple(_at(f, link) for f in seen.findings), reused=True, nbytes=size)
        if page.not_modified:  # nothing to read it from
            return AttachmentScan(link.url, link.page_url, kind, error=msg("attachment.unread"))
        limit = OCR_SECONDS if kind == "image" else READ_SECONDS
        try:
            if kind == "image":
                blocks = await asyncio.wait_for(read_by_ocr(attachment_blocks, page.body, kind), limit)
            else:
                blocks = await asyncio.wait_for(asyncio.to_thread(attachment_blocks, page.body, kind), limit)
                if not blocks and kind == "pdf" and ocr:  # a scan: its pages' images read by OCR
                    limit = OCR_SECONDS
                    blocks = await asyncio.wait_for(read_by_ocr(attachment_blocks, page.body, "scan"), limit)
        except TimeoutError:
            return AttachmentScan(link.url, link.page_url, kind, digest, etag, modified,
                                  error=msg("attachment.too_slow", s=round(limit)), nbytes=size)
        except ValueError as exc:
            return AttachmentScan(link.url, link.page_url, kind, digest, etag, modified,
                                  error=msg("attachment.unreadable", why=str(exc)), nbytes=size)
        if not blocks and kind == "pdf":  # a scan: images, no text layer
            return AttachmentScan(link.url, link.page_url, kind, digest, etag, modified,
                                  error=msg("attachment.no_text"), nbytes=size)
        found = observer.attachment(link.url, blocks)
        return AttachmentScan(link.url, link.page_url, kind, digest, etag, modified, tuple(found), nbytes=size)

    tasks = [asyncio.ensure_future(one(k, kind)) for k, kind in wanted]
    if not tasks:
        return ()
    done, pending = await asyncio.wait(tasks, timeout=max(1.0, budget))
    for task in pending:
        task.cancel()
    late = msg("article.out_of_time")
    return tuple(t.result() if t in done and t.exception() is None else
                 AttachmentScan(k.url, k.page_url, kind, error=late)
                 for t, (k, kind) in zip(tasks, wanted))


def _at(f: Finding, link: Link) -> Finding:
    """An earlier reading's finding, as found tonight at ``link``."""
    return replace(f, page_url=link.url)
