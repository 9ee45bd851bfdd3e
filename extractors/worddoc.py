"""The text of legacy Word files (``.doc``, Word 97–2003) and of WPS Office's ``.wps``, which
saves the same binary format: the lists of names and ID numbers offices attach are still
mostly these.

The file is an OLE compound file (read with ``olefile``). Its text is where [MS-DOC] puts
it: the ``WordDocument`` stream's FIB names the table stream (``0Table`` or ``1Table``) and
the offset of the piece table (``Clx``) in it; each piece is a run of characters, UTF-16 or
one byte a character (cp1252), at an offset in ``WordDocument``. Only the main document is
read (``ccpText`` characters): not headers, footnotes or comments.

Tables are not marked as such in the text stream but by paragraph properties this reader
does not parse; their cells end with the cell mark (U+0007) and a row with one more, so an
empty cell and a row's end look alike. A table's first row (its header) gives its width,
and an empty mark before that many cells is an empty cell; in a first row with an empty
cell it is taken as the row's end, and the row is read in two: the personal-data rules
read a row (``td``) for the numbers in it, and still find them.
"""

from __future__ import annotations

import io
import re
import struct
from collections.abc import Iterator

_WORD_IDENT = 0xA5EC
_WORD97 = 0x00C1  # nFib of Word 97 and later; Word 6/95 files have no piece table
_FC_CLX = 33  # the FcLcb pair of the piece table in FibRgFcLcb97
_FIELD_CODE = re.compile("\x13[^\x13\x14\x15]*(?:\x14|\x15)")  # a field's instruction (HYPERLINK "…")
_CONTROL = str.maketrans({"\x15": None, "\x01": None, "\x08": None, "\x1f": None, "\x1e": "-", "\xa0": " ",
                          "\x0b": "\r", "\x0c": "\r", "\x0e": "\r"})


def word_text(body: bytes) -> str:
    """The main document's text of a Word 97+ binary file, paragraphs ending in ``\\r``,
    cells in ``\\x07``. ValueError (with the reason) for what is not one, or is encrypted."""
    import olefile

    if not olefile.isOleFile(io.BytesIO(body)):
        raise ValueError("not an OLE compound file")
    with olefile.OleFileIO(io.BytesIO(body)) as ole:
        if not ole.exists("WordDocument"):
            raise ValueError("no WordDocument stream")
        doc = ole.openstream("WordDocument").read()
        if len(doc) < 154 or struct.unpack_from("<H", doc, 0)[0] != _WORD_IDENT:
            raise ValueError("not a Word document")
        n_fib, flags = struct.unpack_from("<H", doc, 2)[0], struct.unpack_from("<H", doc, 0x0A)[0]
        if flags & 0x0100:
            raise ValueError("encrypted")
        if n_fib < _WORD97:
            raise ValueError(f"Word 95 or earlier (nFib {n_fib:#x})")
        table_name = "1Table" if flags & 0x0200 else "0Table"
        if not ole.exists(table_name):
            raise ValueError(f"no {table_name} stream")
        table = ole.openstream(table_name).read()
    csw = struct.unpack_from("<H", doc, 32)[0]
    at = 34 + 2 * csw
    cslw = struct.unpack_from("<H", doc, at)[0]
    lw = at + 2
    ccp_text = struct.unpack_from("<i", doc, lw + 12)[0]
    blob = lw + 4 * cslw + 2
    fc_clx, lcb_clx = struct.unpack_from("<II", doc, blob + 8 * _FC_CLX)
    if not lcb_clx or fc_clx + lcb_clx > len(table):
        raise ValueError("no piece table")
    return _pieces(doc, table[fc_clx:fc_clx + lcb_clx], max(ccp_text, 0))


def _pieces(doc: bytes, clx: bytes, limit: int) -> str:
    """The characters the piece table (``clx``: Prc entries, then the Pcdt) points at, up to
    ``limit``."""
    i = 0
    while i < len(clx) and clx[i] == 0x01:  # Prc: formatting for pieces, skipped
        i += 3 + struct.unpack_from("<H", clx, i + 1)[0]
    if i + 5 > len(clx) or clx[i] != 0x02:
        raise ValueError("damaged piece table")
    size = struct.unpack_from("<I", clx, i + 1)[0]
    plc = clx[i + 5:i + 5 + size]
    n = (len(plc) - 4) // 12  # n + 1 character positions, n 8-byte piece descriptors
    if n <= 0:
        return ""
    cps = struct.unpack_from(f"<{n + 1}I", plc, 0)
    out: list[str] = []
    for k in range(n):
        start, end = cps[k], min(cps[k + 1], limit)
        if end <= start:
            break
        fc = struct.unpack_from("<I", plc, 4 * (n + 1) + 8 * k + 2)[0]
        count = end - start
        if fc & 0x40000000:  # one byte a character, at half the stored offset
            offset = (fc & 0x3FFFFFFF) // 2
            out.append(doc[offset:offset + count].decode("cp1252", errors="replace"))
        else:
            out.append(doc[fc:fc + 2 * count].decode("utf-16-le", errors="replace"))
    return "".join(out)


def doc_blocks(body: bytes) -> Iterator[tuple[str, str]]:
    """A legacy Word file's paragraphs (``p``) and table rows (``td``, cells joined by spaces)."""
    text = _FIELD_CODE.sub("", word_text(body)).translate(_CONTROL)
    cells: list[str] = []
    width = 0  # cells in the table's first row: an empty mark before that many is an empty cell
    carry = ""  # a cell's paragraphs before its last, or the text after a table's last row
    for chunk in text.split("\r"):
        *ended, rest = chunk.split("\x07")  # each cell mark ends the text before it
        if not ended:
            if cells:
                carry = f"{carry} {rest}"
            else:
                width = 0
                yield "p", rest
            continue
        for cell in ended:
            cell, carry = f"{carry} {cell}".strip(), ""
            if cell or (cells and len(cells) < width) or (not cells and width):
                cells.append(cell)
            elif cells:  # the row's end mark, right after its last cell
                width = width or len(cells)
                yield "td", " ".join(cells)
                cells = []
        if cells:
            carry = rest
        elif rest:
            width = 0
            yield "p", rest
    if cells or carry.strip():
        yield "td", " ".join([*cells, carry.strip()])
