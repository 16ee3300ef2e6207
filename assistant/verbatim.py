"""Every quote an answer shows is printed on its cited page: contiguous, as a person reads the page
(spacing aside), holding none of the page's running headers, footers or page numbers.

Quotes are cut from the index's passages, which chunking joined across page breaks and lines; a
quote that the page does not print as quoted is not the paper's words. A quote found whole on the
page before or after moves its citation there; one found nowhere is not shown: its line leaves the
answer, and an answer left with no quote declines.
"""
from __future__ import annotations

import re
from dataclasses import replace

from minutebook.ingest.dates import find_dates
from minutebook.ingest.types import Answer, Citation

OCR = "read by OCR from a scan"
REPAIRED = "text layer repaired (words the PDF printed split or run together were rejoined)"
DATE_INFERRED = "meeting date not printed in the paper (inferred)"
# An answer's citation mark: "[2]" after the quote it cites.
CITE_MARK = re.compile(r"\[(\d+)\]")


def renumber(text: str, new) -> str:
    """The text with each citation mark "[n]" numbered `new(n)`; a mark `new` maps to None is removed."""
    def mark(m: re.Match) -> str:
        n = new(int(m.group(1)))
        return f"[{n}]" if n is not None else ""
    return CITE_MARK.sub(mark, text)


def _norm(text: str) -> str:
    return " ".join(text.split())


def printed_page(store, document_id: str, page: int, quote: str) -> bool:
    """Whether the page prints `quote` whole, and no running header or footer is inside it."""
    text = store.page_text(document_id, page)
    if not text or _norm(quote) not in _norm(text):
        return False
    headers = {_norm(f) for f in store.page_furniture(document_id, page) if is_header(f)}
    return not headers or not any(line in headers for line in lines_quoted(text, quote))


def lines_quoted(text: str, quote: str) -> list[str]:
    """The page's lines (spacing collapsed) that the quote's first printing on the page holds whole: a
    running header is inside a quote only as a line of its own, not as words the text also prints
    ("... Sale of City of / Alameda Financing Authority 2023 Lease Revenue Bonds")."""
    spans, flat = [], ""
    for line in text.splitlines():
        line = _norm(line)
        if line:
            flat += (" " if flat else "")
            spans.append((len(flat), len(flat) + len(line), line))
            flat += line
    start = flat.find(_norm(quote))
    end = start + len(_norm(quote))
    return [line for a, b, line in spans if start >= 0 and a >= start and b <= end]


def is_header(line: str) -> bool:
    """A furniture line a quote must not hold: one with a date or number in it ("February 15, 2005  11"),
    or a long one; a short name ("Regular Meeting") is also the page's own words."""
    line = _norm(line)
    return len(line) >= 12 and (any(c.isdigit() for c in line) or len(line) >= 30)


def checked(citation: Citation, store) -> Citation | None:
    """The citation on the page that prints its quote (its own, or the next or previous), or None."""
    document_id = store.document_for_source(citation.source)
    if document_id is None:
        return citation  # a source the index does not hold cannot be checked here
    for page in (citation.page, citation.page + 1, citation.page - 1):
        if page >= 1 and printed_page(store, document_id, page, citation.quote):
            moved = citation if page == citation.page else replace(citation, page=page,
                                                                   reference=_page_ref(citation.reference, page))
            return replace(moved, read=reading_notes(moved, document_id, store))
    return None


def reading_notes(citation: Citation, document_id: str, store) -> tuple[str, ...]:
    """What the citation rests on besides printed text: a page OCR read, a page whose text layer's
    words were rejoined (ingest/pdf/text_layer.py), a meeting date the paper never prints (read
    from its file name or a pack's cover)."""
    notes = [OCR] if citation.ocr else []
    if store.page_repaired(document_id, citation.page):
        notes.append(REPAIRED)
    if citation.meeting_date and not date_printed(store, document_id, citation.meeting_date):
        notes.append(DATE_INFERRED)
    return tuple(dict.fromkeys([*citation.read, *notes]))


def date_printed(store, document_id: str, iso: str) -> bool:
    """Whether the paper prints the date on some page (in any form dates.find_dates reads)."""
    pages = store.document_pages([document_id]).get(document_id) or 0
    for n in range(1, pages + 1):
        if any(day == iso for _, day in find_dates(store.page_text(document_id, n) or "")):
            return True
    return False


def _page_ref(reference: str, page: int) -> str:
    return re.sub(r"p\. \d+$", f"p. {page}", reference)


def keep_verbatim(answer: Answer, store) -> Answer:
    """The answer with only the quotes its pages print (renumbered); a decline when none is left."""
    if answer.abstained or not answer.citations:
        return answer
    kept: list[Citation] = []
    numbers: dict[int, int] = {}
    for c in answer.citations:
        good = checked(c, store)
        if good is not None:
            numbers[c.n] = len(kept) + 1
            kept.append(replace(good, n=len(kept) + 1))
    if len(kept) == len(answer.citations) and all(numbers[c.n] == c.n for c in answer.citations):
        answer.citations = kept
        return answer
    lines = []
    for line in answer.text.split("\n"):
        cited = [int(n) for n in CITE_MARK.findall(line)]
        if cited and not any(n in numbers for n in cited):
            continue  # every quote of this line failed the check
        lines.append(renumber(line, numbers.get))
    if not kept:
        return Answer(text="The papers I have do not answer this in words I can quote from their pages.",
                      abstained=True, citations=[], related=answer.related, read_as=answer.read_as)
    answer.text, answer.citations = "\n".join(lines), kept
    return answer
