"""A quoted sentence that runs over a page break, quoted whole and citing both pages.

The index holds a paper page by page, so a quote taken from the foot of a page stops where the
page does, mid-sentence ("A copy of the report, marked 'Agenda Item 9', is filed"). When the quote
ends its page without ending its sentence and the next page opens by carrying the sentence on
(in lower case, not with a heading), the words up to the sentence's end are added from the next
page and the citation names both pages (Citation.end_page).

Pure: `carry_over` is given the page texts it may read (restricted pages are the caller's to
withhold).
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable

from minutebook.ingest.types import Answer, Citation

_ENDED = re.compile(r"[.!?:;)\]”\"']\s*$")
_CARRIES_ON = re.compile(r"^\s*[a-z(]")  # "with these minutes.", "(a) ..." is a list, see below
_LIST_OPENER = re.compile(r"^\s*\([a-z0-9]{1,4}\)\s")
_SENTENCE_END = re.compile(r"[.!?](?=[\s”\"')]|$)")
MAX_CARRY = 400  # characters taken from the next page at most: beyond that it is not one sentence


def _squash(text: str) -> str:
    return " ".join(text.split())


def ends_page(quote: str, page_text: str) -> bool:
    """The quote stops where its page's text stops, without ending its sentence."""
    q, page = _squash(quote).rstrip("…"), _squash(page_text)
    return bool(q) and not _ENDED.search(q) and page.endswith(q[-40:])


def carried(next_page: str, furniture: tuple[str, ...] = ()) -> str | None:
    """The words at the top of the next page that finish a sentence begun on the page before. The page's
    running header (`furniture`, the lines the furniture reader found on it: "Minutes of the Public Art
    Commission", "Parish Council Minutes – 26th September 2024") is printed above them, not in the sentence."""
    drop = {_squash(line) for line in furniture}
    head = _squash("\n".join(line for line in next_page.splitlines() if _squash(line) not in drop))
    if not _CARRIES_ON.match(head) or _LIST_OPENER.match(head):
        return None
    end = _SENTENCE_END.search(head[:MAX_CARRY])
    return head[:end.end()] if end else None


def carry_over(answer: Answer, page_text: Callable[[str, int], str | None],
               furniture: Callable[[str, int], tuple[str, ...]] = lambda source, page: ()) -> Answer:
    """`answer` with each citation whose sentence runs over a page break quoted whole; `furniture(source,
    page)` gives a page's running header and footer lines."""
    citations, text = [], answer.text
    for c in answer.citations:
        whole = _whole(c, page_text, furniture)
        # The sentence's end already quoted from the next page, by a citation of its own (a register answer
        # quotes a decision over the break so), is not quoted twice.
        if whole is not None and any(x.source == c.source and x.page == c.page + 1 and
                                     _squash(x.quote).startswith(_squash(whole.quote[len(c.quote.rstrip()):]))
                                     for x in answer.citations):
            whole = None
        if whole is not None:
            if c.quote in text:
                text = text.replace(c.quote, whole.quote, 1)
            c = whole
        citations.append(c)
    return replace(answer, text=text, citations=citations)


def _whole(c: Citation, page_text: Callable[[str, int], str | None],
           furniture: Callable[[str, int], tuple[str, ...]]) -> Citation | None:
    here = page_text(c.source, c.page)
    if not here or not ends_page(c.quote, here):
        return None
    rest = carried(page_text(c.source, c.page + 1) or "", furniture(c.source, c.page + 1))
    if not rest:
        return None
    return replace(c, quote=f"{c.quote.rstrip()} {rest}", end_page=c.page + 1)
