"""Text read off images and scanned PDF pages (OCR), for the personal-data rules: the
公示 lists offices photograph or scan still carry ID and phone numbers.

Through ``rapidocr-onnxruntime`` (the PP-OCR models, Chinese and Latin, in ONNX Runtime on
the CPU), an optional install (``pip install 'portal-audit[ocr]'``; ``make test`` installs
it). Off unless the catalog's ``checks.ocr`` is on: a photographed list of a few rows costs
~1.5 s of CPU, a dense scanned A4 page ~5 s — hundreds of static fetches. Bounded by
``OCR_PAGES`` pages a PDF and ``MAX_PIXELS`` an image, read one at a time on one thread of
ONNX Runtime, in a process of its own (``read``): the engine grows to ~800 MB as it reads,
which the crawl's process never carries and which is given back when the crawl ends.

Lines are told by the boxes' heights: boxes whose centres lie within half a box's height
of each other are one line, read left to right; a line of two boxes or more is a table's
row (``td``), where a mobile number counts.
"""

from __future__ import annotations

import asyncio
import importlib.util
import io
import multiprocessing
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import cache

from portal_audit.lifetime import die_with_parent

OCR_PAGES = 5  # scanned pages read of one PDF
MAX_PIXELS = 40_000_000  # an image larger than this is not decoded (a decompression bomb)
_pool: ProcessPoolExecutor | None = None


def available() -> bool:
    """Whether the OCR engine is installed."""
    return importlib.util.find_spec("rapidocr_onnxruntime") is not None


@cache
def _engine():
    from rapidocr_onnxruntime import RapidOCR

    return RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1)


def _pixels(body: bytes):
    """The image as an RGB array; ValueError for what is not one, is too large, or when the
    OCR engine is not installed."""
    if not available():
        raise ValueError("OCR not installed (pip install 'portal-audit[ocr]')")
    import numpy as np
    from PIL import Image

    try:
        image = Image.open(io.BytesIO(body))
        if image.width * image.height > MAX_PIXELS:
            raise ValueError(f"image too large ({image.width}×{image.height})")
        return np.asarray(image.convert("RGB"))
    except (OSError, Image.DecompressionBombError) as exc:
        raise ValueError(type(exc).__name__) from None


def image_blocks(body: bytes) -> Iterator[tuple[str, str]]:
    """An image's text lines as (tag, text) blocks, ``td`` for a line of two boxes or more."""
    pixels = _pixels(body)
    found, _ = _engine()(pixels)
    boxes = []
    for corners, text, _score in found or ():
        ys = [p[1] for p in corners]
        boxes.append(((min(ys) + max(ys)) / 2, max(ys) - min(ys), min(p[0] for p in corners), text))
    boxes.sort()
    line: list[tuple[float, float, float, str]] = []
    for box in boxes:
        if line and abs(box[0] - line[0][0]) > max(line[0][1], box[1]) / 2:
            yield _line(line)
            line = []
        line.append(box)
    if line:
        yield _line(line)


def _line(boxes: list[tuple[float, float, float, str]]) -> tuple[str, str]:
    cells = [text for _, _, _, text in sorted(boxes, key=lambda b: b[2])]
    return ("td" if len(cells) >= 2 else "p"), " ".join(cells)


def scanned_pdf_blocks(body: bytes) -> Iterator[tuple[str, str]]:
    """The text of a PDF's first ``OCR_PAGES`` pages read off the images drawn on them (a
    scan has no text layer: each page one image)."""
    from pypdf import PdfReader

    for page in PdfReader(io.BytesIO(body)).pages[:OCR_PAGES]:
        for image in page.images:
            yield from image_blocks(image.data)


async def read(reader: Callable[[bytes, str], list[tuple[str, str]]], body: bytes, kind: str) -> list[tuple[str, str]]:
    """``reader(body, kind)`` (a module-level function) run in the OCR process, started on
    first use and kept for the life of this one."""
    global _pool
    if _pool is None:
        _pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"), initializer=die_with_parent)
    return await asyncio.get_running_loop().run_in_executor(_pool, reader, body, kind)
