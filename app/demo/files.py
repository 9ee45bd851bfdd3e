"""Attachments the demo portal links (and the tests serve): a spreadsheet and a PDF with a
text layer, made in memory."""

from __future__ import annotations

import io
from collections.abc import Sequence


def xlsx(rows: list[list]) -> bytes:
    """An .xlsx workbook of one sheet holding ``rows``."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds ``lines`` (Helvetica: ASCII text only)."""
    stream = "BT /F1 10 Tf 40 800 Td " + " ".join(f"({line}) Tj 0 -14 Td" for line in lines) + " ET"
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
               "/Resources << /Font << /F1 5 0 R >> >> >>",
               f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = b"%PDF-1.4\n", []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


_SECTOR = 512
_END, _FREE, _FATSECT, _NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF


def _compound(streams: dict[str, bytes]) -> bytes:
    """An OLE compound file (CFB version 3) holding ``streams`` at its root: sector 0 the FAT,
    sector 1 the directory, then each stream padded with zeros to at least 4,096 bytes (so
    none lives in a mini stream). Enough for the few streams a test file needs (≤ 126 sectors)."""
    import struct

    padded = {name: data.ljust(max(4096, -(-len(data) // _SECTOR) * _SECTOR), b"\0") for name, data in streams.items()}
    fat, starts, sector = [_FATSECT, _END], {}, 2
    for name, data in padded.items():
        n = len(data) // _SECTOR
        starts[name] = sector
        fat += [sector + i + 1 for i in range(n - 1)] + [_END]
        sector += n
    assert len(fat) <= 128, "one FAT sector"
    fat += [_FREE] * (128 - len(fat))

    def entry(name: str, kind: int, child: int, left: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return (encoded.ljust(64, b"\0") + struct.pack("<HBBIII", len(encoded), kind, 1, left, _NOSTREAM, child)
                + b"\0" * 36 + struct.pack("<IQ", start, size))

    names = sorted(streams, key=lambda n: (len(n), n.upper()))  # CFB's order: shorter names first
    # a left-leaning chain: the root's child is the greatest name, each entry's left sibling the next smaller
    entries = [entry("Root Entry", 5, len(names), _NOSTREAM, _END, 0)]
    for i, name in enumerate(names, start=1):
        entries.append(entry(name, 2, _NOSTREAM, i - 1 if i > 1 else _NOSTREAM, starts[name], len(padded[name])))
    assert len(entries) <= 4, "one directory sector"
    directory = b"".join(entries).ljust(_SECTOR, b"\0")
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, _END, 0, _END, 0)
              + struct.pack("<109I", 0, *[_FREE] * 108))
    return header + struct.pack("<128I", *fat) + directory + b"".join(padded.values())


def doc(paragraphs: Sequence[str], rows: Sequence[Sequence[str]] = (), one_byte: str = "") -> bytes:
    """A Word 97–2003 binary document (.doc; WPS Office's .wps is the same format): the
    ``paragraphs``, then a table of ``rows``, its text in one UTF-16 piece; ``one_byte``:
    a closing paragraph in a second piece of one byte a character, as Word stores ASCII."""
    import struct

    text = "".join(p + "\r" for p in paragraphs)
    text += "".join("".join(cell + "\x07" for cell in row) + "\x07" for row in rows)
    wide = text.encode("utf-16-le")
    narrow = (one_byte + "\r").encode("cp1252") if one_byte else b""
    fib = bytearray(1536)
    struct.pack_into("<HH", fib, 0, 0xA5EC, 0x00C1)  # wIdent, nFib (Word 97)
    struct.pack_into("<H", fib, 0x0A, 0x0200)  # fWhichTblStm: the table stream is 1Table
    struct.pack_into("<H", fib, 32, 14)  # csw
    struct.pack_into("<H", fib, 62, 22)  # cslw
    struct.pack_into("<i", fib, 64 + 12, len(text) + len(one_byte) + (1 if one_byte else 0))  # ccpText
    struct.pack_into("<H", fib, 152, 0x5D)  # cbRgFcLcb
    wide_at = len(fib)
    narrow_at = wide_at + len(wide)
    cps = [0, len(text)] + ([len(text) + len(narrow)] if narrow else [])
    pieces = [(wide_at, False)] + ([(narrow_at, True)] if narrow else [])
    plc = struct.pack(f"<{len(cps)}I", *cps) + b"".join(
        struct.pack("<HIH", 0, (at * 2) | 0x40000000 if compressed else at, 0) for at, compressed in pieces)
    clx = b"\x02" + struct.pack("<I", len(plc)) + plc
    struct.pack_into("<II", fib, 154 + 33 * 8, 0, len(clx))  # fcClx, lcbClx: at the table stream's start
    return _compound({"WordDocument": bytes(fib) + wide + narrow, "1Table": clx})


def table_image(rows: Sequence[Sequence[str]], title: str = "", fmt: str = "PNG") -> bytes:
    """A photographed 公示 list as an image (``fmt``: PNG, JPEG, or PDF for a scan: a PDF page
    that is one image, no text layer): ``title`` and ``rows`` drawn in black on white, Latin
    letters and digits in DejaVu Sans (Pillow's own font where it is missing)."""
    from PIL import Image, ImageDraw, ImageFont

    try:
        font: ImageFont.FreeTypeFont | ImageFont.ImageFont = ImageFont.truetype("DejaVuSans.ttf", 28)
    except OSError:
        font = ImageFont.load_default(size=28)
    widths = [max(len(row[j]) for row in rows if j < len(row)) * 18 + 60 for j in range(len(rows[0]))]
    image = Image.new("RGB", (max(1240, sum(widths) + 120), 160 + 60 * len(rows)), "white")
    draw = ImageDraw.Draw(image)
    if title:
        draw.text((60, 40), title, fill="black", font=font)
    for i, row in enumerate(rows):
        x = 60
        for j, cell in enumerate(row):
            draw.text((x, 100 + 60 * i), cell, fill="black", font=font)
            x += widths[j]
    out = io.BytesIO()
    image.save(out, fmt, **({"resolution": 150.0} if fmt == "PDF" else {}))
    return out.getvalue()
