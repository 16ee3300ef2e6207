"""Render one page of a PDF to a PNG image (PDFium through pypdfium2: no system packages needed).

The web app shows a cited page inside itself with this. A page is drawn in a child process
with a memory cap and a time limit: a hostile page (a content stream that inflates to
hundreds of MB of drawing operators) took PDFium 35-80 s and 4 GB in the app's own process.
A page that goes past either limit is refused with a message, and the refusal is remembered,
so the next click does not pay again. At most two pages are drawn at once, so one slow page
never holds up every user's page view.
"""
from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
from pathlib import Path

from minutebook.ingest.errors import MinutebookError
from minutebook.ingest.pdf.pdfium_lock import LOCK
from minutebook.ingest.settings import Settings

_SLOTS = threading.BoundedSemaphore(2)
_REFUSED: dict[tuple, str] = {}  # (path, mtime, page, width, limits) -> why it could not be drawn
MAX_WIDTH = 2000
_NO_PAGE = 3  # the child's exit status when the page does not exist


def page_count(path: Path) -> int:
    """How many pages the PDF at `path` has."""
    import pypdfium2 as pdfium

    with LOCK:
        pdf = _open(pdfium, path)
        try:
            return len(pdf)
        finally:
            pdf.close()


def render_page(path: Path, page: int, settings: Settings, width: int = 1000, quote: str | None = None) -> bytes:
    """PNG bytes of `page` (1-based, as a PDF viewer numbers it) scaled to about `width` pixels wide,
    within the settings' limits (render_seconds, render_memory_mb); with `quote`, its words lit on
    the page (assistant/page_highlight.py)."""
    seconds, memory_mb = settings.render_seconds, settings.render_memory_mb
    width = max(100, min(int(width), MAX_WIDTH))
    path = Path(path)
    try:
        key = (str(path.resolve()), path.stat().st_mtime_ns, page, width, seconds, memory_mb, quote or "")
    except OSError as e:
        raise MinutebookError(f"cannot open {path.name} to show its page ({e.strerror})") from None
    if key in _REFUSED:
        raise MinutebookError(_REFUSED[key])
    command = [sys.executable, "-m", "minutebook.assistant.pagerender", str(path), str(page), str(width), str(memory_mb)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).resolve().parents[1]),
                                                        os.environ.get("PYTHONPATH", "")])}
    with _SLOTS:
        try:
            run = subprocess.run(command, capture_output=True, timeout=seconds, env=env,
                                 input=(quote or "").encode("utf-8"))
        except subprocess.TimeoutExpired:
            return _refuse(key, f"page {page} of {path.name} takes longer than {seconds:g} s to draw; "
                                "it is not shown (its text is)")
    if run.returncode == 0 and run.stdout:
        return run.stdout
    message = run.stderr.decode("utf-8", "replace").strip().splitlines()
    if run.returncode == _NO_PAGE:
        raise MinutebookError(message[-1] if message else f"{path.name} has no page {page}")
    if run.returncode == 1 and message and not message[-1].startswith("MemoryError"):
        raise MinutebookError(f"cannot draw page {page} of {path.name} ({message[-1][:160]})")
    # Out of memory: a MemoryError, or PDFium aborting when an allocation fails.
    return _refuse(key, f"page {page} of {path.name} needs more than {memory_mb} MB of memory to draw; "
                        "it is not shown (its text is)")


def _refuse(key: tuple, why: str) -> bytes:
    _REFUSED[key] = why
    raise MinutebookError(why)


def quote_boxes(path: Path, page: int, quote: str, width: int) -> list[tuple[int, int, int, int]]:
    """Where `render_page(path, page, width=width, quote=quote)` lights the quote, in its pixels
    (in this process: for checks, not for hostile files)."""
    import pypdfium2 as pdfium

    from minutebook.assistant import page_highlight

    width = max(100, min(int(width), MAX_WIDTH))
    with LOCK:
        pdf = _open(pdfium, Path(path))
        try:
            pdf_page = pdf[page - 1]
            scale = width / (pdf_page.get_width() or 595)
            return [page_highlight.to_pixels(b, pdf_page, scale) for b in page_highlight.quote_boxes(pdf_page, quote)]
        finally:
            pdf.close()


def _open(pdfium, path: Path):
    try:
        return pdfium.PdfDocument(str(path))
    except (pdfium.PdfiumError, OSError) as e:
        raise MinutebookError(f"cannot open {Path(path).name} to show its page ({e})") from None


def _draw(path: str, page: int, width: int, memory_mb: int, quote: str = "") -> int:
    """In the child: cap its memory, draw the page (the quote lit on it), write the PNG to stdout."""
    import resource

    cap = memory_mb * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    import pypdfium2 as pdfium

    try:
        pdf = _open(pdfium, Path(path))
    except MinutebookError as e:
        print(e, file=sys.stderr)
        return 1
    if not 1 <= page <= len(pdf):
        print(f"{Path(path).name} has no page {page} (it has {len(pdf)})", file=sys.stderr)
        return _NO_PAGE
    pdf_page = pdf[page - 1]
    points_wide = pdf_page.get_width() or 595
    scale = width / points_wide
    image = pdf_page.render(scale=scale).to_pil()
    if quote.strip():
        from minutebook.assistant import page_highlight

        boxes = [page_highlight.to_pixels(b, pdf_page, scale) for b in page_highlight.quote_boxes(pdf_page, quote)]
        image = page_highlight.draw(image, boxes)
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="PNG", optimize=True)
    sys.stdout.buffer.write(buffer.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(_draw(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]),
                   sys.stdin.buffer.read().decode("utf-8", "replace")))
