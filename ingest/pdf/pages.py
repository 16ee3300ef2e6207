"""Read files into pages: PDF through pypdf, plain text and Markdown split on form feeds.

This is the only ingest module that reads files; it returns plain `Page` lists and
raises `SkipFile` with a one-line reason for anything it cannot read.
"""
from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import replace
from pathlib import Path
from typing import Callable

from minutebook.ingest.pdf import furniture
from minutebook.ingest.errors import SkipFile, short, unreadable
from minutebook.ingest.pdf.form_fields import page_text_with_fields
from minutebook.ingest.pdf.text_layer import choose_pages
from minutebook.ingest.pdf.words import expand_ligatures
from minutebook.ingest.pdf.ocr import fill_scans
from minutebook.ingest.papers.restriction import has_notice
from minutebook.ingest.types import Page

SUPPORTED = (".pdf", ".txt", ".md")
BLANK_RE = re.compile(r"this page is intentionally (left )?blank", re.I)
_PAGE_FURNITURE = re.compile(r"^\s*(page\s+\d+(\s+of\s+\d+)?|(\d{1,4}))\s*$", re.I)
_MAX_CHARS_PER_PAGE = 200_000  # beyond this a page is pathological (no spaces, binary junk)


def file_hash(path: Path) -> str:
    """sha256 of the file's bytes: the document id."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def check_file(path: Path, source: str, max_bytes: int) -> None:
    """Raise SkipFile for files that cannot be ingested before any parsing is tried."""
    if path.suffix.lower() not in SUPPORTED:
        raise SkipFile(source, f"unsupported file type '{path.suffix or 'none'}' (minutebook reads .pdf, .txt, .md)")
    size = path.stat().st_size
    if size == 0:
        raise SkipFile(source, "empty file (0 bytes)")
    if size > max_bytes:
        raise SkipFile(source, f"too large ({size / 1e6:.0f} MB; the limit is {max_bytes / 1e6:.0f} MB, set MINUTEBOOK_MAX_FILE_MB to change it)")


def load_pages(path: Path, source: str, max_pages: int = 5000,
               on_ocr: Callable[[int, int], None] | None = None, ocr_lang: str = "eng") -> tuple[str, list[Page]]:
    """Return (title, pages) for a supported file; raise SkipFile with the reason otherwise.

    `on_ocr(done, total)` is called after each page read by OCR, in `ocr_lang` (Settings.ocr_lang)."""
    if path.suffix.lower() == ".pdf":
        return _load_pdf(path, source, max_pages, on_ocr, ocr_lang)
    text = path.read_bytes().decode("utf-8", errors="replace")
    parts = text.split("\f") if "\f" in text else [text]
    pages = make_pages(parts)
    if not any(p.text.strip() for p in pages):
        raise SkipFile(source, "no text in file")
    return path.stem, pages


def make_pages(raws: list[str], ocr: list[bool] | None = None, repaired: list[bool] | None = None) -> list[Page]:
    """A document's pages, cleaned, with the furniture that recurs on them cut out (ingest/pdf/furniture.py).
    `ocr` and `repaired` say per page how its text was read (Page.ocr, Page.repaired).

    A not-for-publication notice is looked for before the cut: it recurs at the head of every
    restricted page, and must not be lost as furniture."""
    pages = [make_page(i, raw, bool(ocr and ocr[i - 1]), bool(repaired and repaired[i - 1]))
             for i, raw in enumerate(raws, start=1)]
    kept = furniture.split([p.text for p in pages])
    return [replace(p, text=text, furniture=cut, blank=_blank(text)) if cut else p
            for p, (text, cut) in zip(pages, kept)]


def make_page(number: int, raw: str, ocr: bool = False, repaired: bool = False) -> Page:
    """Clean one page's text and flag blank pages and pages headed by a notice."""
    text = clean_page_text(raw, number)
    return Page(
        ocr=ocr,
        repaired=repaired,
        number=number,
        text=text,
        blank=_blank(text),
        # The page's own notice; how far it reaches is decided with the sections (ingest/papers/restriction.py).
        restricted=has_notice(text),
    )


def _blank(text: str) -> bool:
    return not text.strip() or bool(BLANK_RE.search(text) and len(text.split()) < 15)


def clean_page_text(raw: str, number: int | None = None) -> str:
    """Drop control characters and page-number furniture lines, and spell ligatures out; keep the rest verbatim.

    A bare number line counts as furniture only when it is this page's number: otherwise it may
    be content, such as the row number that opens an action log's page.
    """
    raw = expand_ligatures(raw[:_MAX_CHARS_PER_PAGE])
    raw = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", " ", raw)
    lines = raw.split("\n")
    # Page numbers print as a line of their own at the top or bottom of the page.
    while lines and (not lines[0].strip() or _is_furniture(lines[0], number)):
        lines.pop(0)
    while lines and (not lines[-1].strip() or _is_furniture(lines[-1], number)):
        lines.pop()
    return "\n".join(line.rstrip() for line in lines)


def _is_furniture(line: str, number: int | None) -> bool:
    m = _PAGE_FURNITURE.match(line)
    return bool(m) and (m.group(3) is None or number is None or int(m.group(3)) == number)


def _load_pdf(path: Path, source: str, max_pages: int, on_ocr=None, ocr_lang: str = "eng") -> tuple[str, list[Page]]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    with open(path, "rb") as f:
        head = f.read(1024)
        f.seek(0, 2)
        f.seek(max(0, f.tell() - 2048))
        tail = f.read()
    if b"%PDF-" not in head:
        kind = "HTML" if re.search(rb"<(!doctype|html|head|body)", head, re.I) else "something else"
        raise SkipFile(source, f"not a PDF (the file looks like {kind}, though it is named .pdf)")
    if b"%%EOF" not in tail:
        raise SkipFile(source, "truncated PDF (no end-of-file marker; the download or copy was cut short)")
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # recoverable warnings are noise to a user
    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:  # noqa: BLE001 - any failure here means we cannot open it
                ok = 0
            if not ok:
                raise SkipFile(source, "encrypted PDF (password protected); save an unprotected copy and ingest that")
        n = len(reader.pages)
        if n > max_pages:
            raise SkipFile(source, f"{n} pages is over the limit of {max_pages} (set MINUTEBOOK_MAX_PAGES to change it)")
        raw_pages = [_page_text(p, i, source) for i, p in enumerate(reader.pages, start=1)]
    except SkipFile:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as e:
        raise SkipFile(source, f"corrupt PDF, pypdf cannot read it ({short(e)})") from None
    except Exception as e:  # noqa: BLE001 - a hostile structure (LimitReachedError, a deep recursion)
        raise SkipFile(source, unreadable(e)) from None
    if n == 0:
        raise SkipFile(source, "PDF has no pages")
    # Per page the text as printed (pypdf's, or PDFium's where pypdf lost the word spaces), and
    # OCR's for scans and glyph-code pages (ingest/pdf/text_layer.py, ingest/pdf/ocr.py).
    choices = choose_pages(path, raw_pages)
    printed = fill_scans(path, source, choices, on_ocr, ocr_lang)
    title = (reader.metadata or {}).get("/Title") if reader.metadata else None
    pages = make_pages([t for t, _ in printed], [ocr for _, ocr in printed],
                       [c.repaired and not ocr for c, (_, ocr) in zip(choices, printed)])
    return (str(title).strip() if title else path.stem), pages


def _page_text(page, number: int, source: str) -> str:
    from pypdf.errors import LimitReachedError

    try:
        return page_text_with_fields(page)  # a filled-in form's values too, by their labels
    except LimitReachedError:
        # Not an unreadable page but a hostile file: a stream made to inflate far past any real page.
        raise SkipFile(source, f"decompression bomb: page {number} holds a compressed stream that inflates past "
                               f"{_inflate_limit_mb()} MB, the PDF reader's safety limit; refused") from None
    except Exception:  # noqa: BLE001 - one unreadable page must not lose the document
        return ""


def _inflate_limit_mb() -> int:
    try:
        from pypdf._configuration import get_configuration

        return round(get_configuration().zlib_maximum_output_length / 1e6)
    except (ImportError, AttributeError):
        return 75  # pypdf's default
