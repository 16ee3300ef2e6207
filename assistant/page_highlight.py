"""Where a quote stands on its PDF page: the rectangles PDFium's character boxes give for it, and
those rectangles drawn over the page image, so a reader sees the cited words lit on the page.

The quote is the index's text (pypdf's reading, whitespace and line breaks its own); the page's
characters are PDFium's. They are matched on their letters and digits alone, lower case, so a
line break, a hyphenation space or a curly quote does not lose the match; a quote that runs on to
the next page (or that the two readers spell differently in one place) is lit from its longest
opening that the page holds to its longest ending after it.

`locate` is pure; `quote_boxes` and `draw` take an open pypdfium2 page (the caller holds
ingest/pdf/pdfium_lock.LOCK, or runs in its own process).
"""
from __future__ import annotations

from dataclasses import dataclass

FILL = (255, 214, 10, 96)  # translucent yellow over the words
EDGE = (204, 51, 0)  # an opaque outline, so the box shows on any page (and a test can find it)
MIN_MATCH = 12  # letters: a shorter opening or ending could stand anywhere on the page
PAD = 1.5  # points around each box


@dataclass(frozen=True)
class Box:
    """A rectangle in PDF points, origin bottom left (as PDFium gives it)."""
    left: float
    bottom: float
    right: float
    top: float


def _keys(text: str) -> tuple[str, list[int]]:
    """The letters and digits of `text`, lower case, with each one's position in `text`."""
    out, where = [], []
    for i, ch in enumerate(text):
        if ch.isalnum():
            out.append(ch.lower())
            where.append(i)
    return "".join(out), where


def locate(page_text: str, quote: str) -> tuple[int, int] | None:
    """(first, last + 1) positions in `page_text` of the quote's characters, or None."""
    page, where = _keys(page_text)
    want, _ = _keys(quote)
    if len(want) < 3 or not page:
        return None
    at = page.find(want)
    if at >= 0:
        return where[at], where[at + len(want) - 1] + 1
    head = _longest(page, want, prefix=True)
    if head is None:
        return None
    start, length = head
    tail = _longest(page[start + length:], want[length:], prefix=False)
    end = start + length + (tail[0] + tail[1] if tail else 0)
    return where[start], where[end - 1] + 1


def _longest(page: str, want: str, prefix: bool) -> tuple[int, int] | None:
    """(position, length) of the longest opening (or ending) of `want` that `page` holds, at least
    MIN_MATCH long; binary search, since a longer one found means every shorter one is."""
    lo, hi, best = MIN_MATCH, len(want), None
    while lo <= hi:
        mid = (lo + hi) // 2
        piece = want[:mid] if prefix else want[-mid:]
        at = page.find(piece)
        if at >= 0:
            best, lo = (at, mid), mid + 1
        else:
            hi = mid - 1
    return best


def page_chars(textpage) -> str:
    """The page's text one character per PDFium char index (get_text_range may drop or add some)."""
    import pypdfium2.raw as raw

    return "".join(chr(raw.FPDFText_GetUnicode(textpage, i) or 32) for i in range(textpage.count_chars()))


def quote_boxes(page, quote: str) -> list[Box]:
    """The rectangles of `quote` on a pypdfium2 page, one per line it covers; [] when not found."""
    textpage = page.get_textpage()
    try:
        span = locate(page_chars(textpage), quote)
        if span is None:
            return []
        start, end = span
        n = textpage.count_rects(start, end - start)
        return [Box(*textpage.get_rect(i)) for i in range(n)]
    finally:
        textpage.close()


def to_pixels(box: Box, page, scale: float) -> tuple[int, int, int, int]:
    """A box as (x0, y0, x1, y1) pixels of the page drawn at `scale` pixels a point."""
    left, bottom, _right, top = page.get_cropbox()
    return (round((box.left - left - PAD) * scale), round((top - box.top - PAD) * scale),
            round((box.right - left + PAD) * scale), round((top - box.bottom + PAD) * scale))


def draw(image, boxes: list[tuple[int, int, int, int]]):
    """The page image with each box lit: a translucent fill and an opaque outline."""
    from PIL import Image, ImageDraw

    if not boxes:
        return image.convert("RGB")
    base = image.convert("RGBA")
    layer = Image.new("RGBA", base.size, (0, 0, 0, 0))
    pen = ImageDraw.Draw(layer)
    for box in boxes:
        pen.rectangle(box, fill=FILL)
    lit = Image.alpha_composite(base, layer).convert("RGB")
    pen = ImageDraw.Draw(lit)
    for box in boxes:
        pen.rectangle(box, outline=EDGE, width=2)
    return lit
