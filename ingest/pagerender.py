"""Render one page of a PDF to a PNG image (PDFium through pypdfium2: no system packages needed).

The web app shows a cited page inside itself with this. PDFium is not thread-safe, and the
app serves several people from threads of one process, so every call holds one lock.
"""
from __future__ import annotations

import io
import threading
from pathlib import Path

from .errors import MinutebookError

LOCK = threading.Lock()
MAX_WIDTH = 2000


def page_count(path: Path) -> int:
    """How many pages the PDF at `path` has."""
    import pypdfium2 as pdfium

    with LOCK:
        pdf = _open(pdfium, path)
        try:
            return len(pdf)
        finally:
            pdf.close()


def render_page(path: Path, page: int, width: int = 1000) -> bytes:
    """PNG bytes of `page` (1-based, as a PDF viewer numbers it) scaled to about `width` pixels wide."""
    import pypdfium2 as pdfium

    width = max(100, min(int(width), MAX_WIDTH))
    with LOCK:
        pdf = _open(pdfium, path)
        try:
            if not 1 <= page <= len(pdf):
                raise MinutebookError(f"{Path(path).name} has no page {page} (it has {len(pdf)})")
            pdf_page = pdf[page - 1]
            try:
                points_wide = pdf_page.get_width() or 595
                bitmap = pdf_page.render(scale=width / points_wide)
                image = bitmap.to_pil()
            finally:
                pdf_page.close()
        finally:
            pdf.close()
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _open(pdfium, path: Path):
    try:
        return pdfium.PdfDocument(str(path))
    except (pdfium.PdfiumError, OSError) as e:
        raise MinutebookError(f"cannot open {Path(path).name} to show its page ({e})") from None
