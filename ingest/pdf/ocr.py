"""Read scanned pages with Tesseract: each page drawn by PDFium, its image read by the `tesseract` CLI.

The CLI (Debian's `tesseract-ocr`) rather than a Python binding: no extra dependency, and a
machine without it is told the one package to install. Tesseract runs one thread per page
(OMP_THREAD_LIMIT=1): its OpenMP threads spin against each other and are several times slower
on a small machine.
"""
from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path
from typing import Callable

INSTALL = "apt-get install tesseract-ocr"
DPI = 200  # measured: character accuracy 0.999 on a sample page, about 2-3 s a page on one core
PAGE_TIMEOUT_S = 180


class OcrError(Exception):
    """One page could not be read by OCR (the reason is the message)."""


def available() -> bool:
    return shutil.which("tesseract") is not None


def read_pages(path: Path, numbers: list[int], on_page: Callable[[int, int], None] | None = None,
               dpi: int = DPI, lang: str = "eng") -> dict[int, str]:
    """The OCR text of the given pages (1-based); a page that fails is left out of the result.
    `lang` is Tesseract's language code(s), e.g. "eng+cym" (Settings.ocr_lang)."""
    out: dict[int, str] = {}
    for done, number in enumerate(numbers, start=1):
        try:
            out[number] = read_image(render(path, number, dpi), lang)
        except OcrError:
            pass
        if on_page:
            on_page(done, len(numbers))
    return out


def render(path: Path, number: int, dpi: int = DPI) -> bytes:
    """PNG bytes of one page in grey at `dpi`."""
    import pypdfium2 as pdfium

    from minutebook.ingest.pdf.pdfium_lock import LOCK

    with LOCK:
        try:
            pdf = pdfium.PdfDocument(str(path))
        except (pdfium.PdfiumError, OSError) as e:
            raise OcrError(f"cannot open the PDF to draw its pages ({e})") from None
        try:
            page = pdf[number - 1]
            try:
                image = page.render(scale=dpi / 72, grayscale=True).to_pil()
            finally:
                page.close()
        finally:
            pdf.close()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()


def read_image(png: bytes, lang: str = "eng") -> str:
    """Tesseract's text of one page image."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(["tesseract", "stdin", "stdout", "-l", lang, "--psm", "3"], input=png,
                              capture_output=True, env=env, timeout=PAGE_TIMEOUT_S, check=False)
    except FileNotFoundError:
        raise OcrError(f"no OCR engine (install it: {INSTALL})") from None
    except subprocess.TimeoutExpired:
        raise OcrError(f"OCR took over {PAGE_TIMEOUT_S} s") from None
    if done.returncode != 0:
        lines = done.stderr.decode(errors="replace").strip().splitlines()
        raise OcrError(lines[-1] if lines else "tesseract failed")
    return done.stdout.decode("utf-8", errors="replace")


def fill_scans(path: Path, source: str, choices, on_page: Callable[[int, int], None] | None = None,
               lang: str = "eng") -> list[tuple[str, bool]]:
    """(text, read by OCR) per page: the chosen text, or OCR's where the page has none to read.

    A file that is all scan, on a machine without Tesseract, is skipped with what to install; a
    text PDF with a few scanned pages keeps its text pages (their scans stay unread). Glyph-code
    text is never kept: gibberish indexed is worse than a page left out.
    """
    from minutebook.ingest.errors import SkipFile

    need = [n for n, c in enumerate(choices, start=1) if c.reason]
    pages = [("" if c.reason else c.text, False) for c in choices]
    if not need:
        return pages
    readable = len(need) < len(choices)
    if not available():
        if readable:
            return pages
        raise SkipFile(source, f"no text layer (scanned images only); to read it by OCR install Tesseract: {INSTALL}")
    read = read_pages(path, need, on_page, lang=lang)
    for n, text in read.items():
        pages[n - 1] = (text, True)
    if not readable and not any(t.strip() for t, _ in pages):
        raise SkipFile(source, "no text layer, and OCR found no text on its pages")
    return pages
