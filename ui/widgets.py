"""Pieces the pages share: filters, the in-app page viewer, a cited passage, a search hit.

Paper text goes through ui.text (escaped Markdown) or st.text: never through HTML.
"""
from __future__ import annotations

import hashlib
from datetime import date

import streamlit as st

from minutebook.assistant import highlight
from minutebook.ingest.dates import human_date
from minutebook.assistant.service import Minutebook
from minutebook.ingest.errors import MinutebookError
from minutebook.ingest.filters import Filters
from minutebook.ingest.types import SECTION_KINDS, Citation, Hit

from minutebook.ui import resources
from minutebook.ui.text import escape, highlighted

ALL_BOARDS = "All boards"
ANY_TYPE = "Any type"
_EARLIEST, _LATEST = date(1970, 1, 1), date(2100, 12, 31)


def filters(book: Minutebook, key: str, *, with_type: bool = False, include_restricted: bool = False,
            columns: bool = False) -> Filters:
    """Board, date range (and section type) controls, stacked or side by side; returns their Filters."""
    slots = st.columns(4 if with_type else 3) if columns else [st.container() for _ in range(4)]
    board = slots[0].selectbox("Board", [ALL_BOARDS, *book.boards()], key=f"{key}-board")
    lo, hi = book.date_bounds()
    help_dates = f"The papers' meetings run from {human_date(lo)} to {human_date(hi)}." if lo and hi else None
    since = slots[1].date_input("Meetings from", value=None, min_value=_EARLIEST, max_value=_LATEST,
                                key=f"{key}-since", format="DD/MM/YYYY", help=help_dates)
    until = slots[2].date_input("Meetings until", value=None, min_value=_EARLIEST, max_value=_LATEST,
                                key=f"{key}-until", format="DD/MM/YYYY", help=help_dates)
    doc_type = ANY_TYPE
    if with_type:
        doc_type = slots[3].selectbox("Section type", [ANY_TYPE, *SECTION_KINDS], key=f"{key}-type")
    if since and until and since > until:
        st.warning("The 'from' date is after the 'until' date, so nothing can match.")
    return Filters(board=None if board == ALL_BOARDS else board,
                   since=since.isoformat() if since else None, until=until.isoformat() if until else None,
                   doc_type=None if doc_type == ANY_TYPE else doc_type, include_restricted=include_restricted)


# human_date's "1 October 2018" in momentJS, for tables: a date column reads as every other date
# in the app and still sorts as a date when its heading is clicked.
DATE_FORMAT = "D MMMM YYYY"


def date_column(label: str, **options) -> st.column_config.DateColumn:
    return st.column_config.DateColumn(label, format=DATE_FORMAT, **options)


def as_date(iso: str | None) -> date | None:
    """An index's ISO date as a date for a table's date column; None when missing or malformed."""
    try:
        return date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


RESTRICTED_PAGE = ("Page {n} is not for publication (restricted), so it is not shown. "
                   "Switch on 'Include restricted papers' in the sidebar if you may see it.")


PAGE_WIDTH = 760  # px drawn: a page's words read at a glance on a laptop; on a phone it shrinks to the screen


def page_viewer(book: Minutebook, source: str, page: int, key: str, quote: str | None = None,
                opened: bool = False) -> None:
    """The page inside the app: the PDF page drawn as an image with `quote` lit on it (PDFium's
    character boxes), the pages around it a click away; or the page's text. Behind a toggle unless
    `opened`. With restricted papers switched off, a restricted page is never drawn, and a paper
    holding one is not offered whole for download."""
    if not opened and not st.toggle(f"Show page {page} of the paper", key=f"{key}-open"):
        return
    include_restricted = resources.settings().include_restricted
    view = book.page(source, page, include_restricted)
    hidden = set() if include_restricted else view.restricted_pages
    path = view.file  # from the index only
    if path is not None and path.suffix.lower() == ".pdf" and path.is_file():
        try:
            mtime = path.stat().st_mtime
            total = resources.pdf_pages(str(path), mtime)
            shown = st.number_input("Page", min_value=1, max_value=total, value=min(page, total), step=1,
                                    key=f"{key}-page-{page}", help="Step through the paper's neighbouring pages.")
            lit = quote if int(shown) == page else None
            if int(shown) in hidden:
                st.info(RESTRICTED_PAGE.format(n=int(shown)))
            else:
                st.image(resources.page_png(str(path), mtime, int(shown), PAGE_WIDTH, lit), width="content", output_format="PNG",
                         caption=escape(f"{source}: page {shown} of {total}"
                                        + (" · the quoted words are lit" if lit else "")))
            if hidden:
                st.caption("This paper has restricted pages, so it is not offered whole for download.")
            else:
                data = path.read_bytes()
                if hashlib.sha256(data).hexdigest() == view.document_id:  # the bytes the index read, no others
                    st.download_button("Download the paper (PDF)", data=data, file_name=path.name,
                                       mime="application/pdf", key=f"{key}-download", on_click="ignore",
                                       icon=":material/download:")
            return
        except (MinutebookError, OSError) as e:
            st.warning(f"The page cannot be drawn ({escape(str(e))}); here is its text.")
    if view.changed:
        st.warning("The paper's file has changed since it was ingested, so it is not drawn or offered: ingest it "
                   "again to see its pages. This is the text the index holds for the page.")
    elif path is None or not path.is_file():
        st.caption("The paper's file is not where it was ingested from; this is the text the index holds for the page.")
    if page in hidden:
        st.info(RESTRICTED_PAGE.format(n=page))
        return
    st.text(view.text or "(no text stored for this page)")


def meta_lines(pairs: list[tuple[str, object]]) -> str:
    """'**Label:** value' lines, values escaped; empty values left out."""
    return "  \n".join(f"**{label}:** {escape(str(value))}" for label, value in pairs if value not in (None, ""))


def source_line(book: Minutebook, c: Citation) -> str:
    """A source in one line: body, meeting date, paper, page (plain text, without its number)."""
    ctx = book.page(c.source, c.page)
    parts = [ctx.board, human_date(c.meeting_date or ctx.meeting_date), c.title or ctx.document_title,
             (f"pp. {c.page}–{c.end_page}" if c.end_page else f"p. {c.page}") + read_note(c)]
    return " · ".join(p for p in parts if p)


def read_note(c: Citation) -> str:
    """What the quote rests on besides printed text (verbatim.reading_notes: OCR, a repaired text
    layer, an inferred date), in brackets after the page; empty for a page read as printed."""
    notes = c.read or (("read by OCR",) if c.ocr else ())
    return f" ({'; '.join(notes)})" if notes else ""


def sources(book: Minutebook, citations: list[Citation], key: str) -> None:
    """The answer's sources, one line each, and a numbered chip for each that opens its page with
    the quoted words lit. The lines wrap on a phone; the chips stay short enough to never be cut."""
    if not citations:
        return
    by_n = {c.n: c for c in citations}
    with st.container(key=f"{key}-sources"):
        st.markdown("  \n".join(f"**\\[{c.n}\\]** {escape(source_line(book, c))}" for c in citations))
        chosen = st.pills("Open a source", list(by_n), format_func=lambda n: f"[{n}] page {by_n[n].page}",
                          key=f"{key}-chips", selection_mode="single",
                          help="Shows the page with the quoted words lit")
    if chosen is None or chosen not in by_n:
        return
    c = by_n[chosen]
    with st.container(border=True, key=f"{key}-source"):
        st.markdown("> " + escape(c.quote))
        st.caption(escape(f"{c.source} · page {c.page}" + (f" · {c.reference}" if c.reference else "")))
        page_viewer(book, c.source, c.page, f"{key}-{c.n}", quote=c.quote, opened=True)


def citation(book: Minutebook, c: Citation, key: str) -> None:
    """One numbered citation in full: an expander with the quote, where it is from, and its page lit."""
    ctx = book.page(c.source, c.page)
    with st.expander(escape(f"[{c.n}] {c.title} — page {c.page}{''.join(', ' + note for note in c.read) or (', read by OCR' if c.ocr else '')}")):
        st.markdown("> " + escape(c.quote))
        st.markdown(meta_lines([
            ("Board", ctx.board),
            ("Meeting", human_date(c.meeting_date or ctx.meeting_date)),
            ("Paper", ctx.document_title),
            ("Section", c.title),
            ("Page", c.page),
            ("File", c.source),
        ]))
        page_viewer(book, c.source, c.page, key, quote=c.quote)


def hit_card(book: Minutebook, hit: Hit, key: str, query: str | None = None, rank: int | None = None) -> None:
    """A search result: title, where it is from, the passage with the query's words in bold, the page viewer."""
    c = hit.chunk
    with st.container(border=True):
        number = f"{rank}\\. " if rank else ""
        st.markdown(f"{number}**{escape(c.title)}**")
        where = [hit.source, f"page {c.page}", c.board, human_date(c.meeting_date), c.doc_type]
        st.caption(escape(" · ".join(x for x in where if x)))
        # The sentence that matched, not the chunk's first lines; the whole passage is a click away.
        terms = highlight.query_terms(query or "")
        shown = highlight.snippet(c.text, query or "")
        st.markdown(highlighted(shown, highlight.spans(shown, terms)))
        if " ".join(c.text.split()) != shown:
            with st.expander("Whole passage"):
                st.markdown(highlighted(c.text, highlight.spans(c.text, terms)))
        page_viewer(book, hit.source, c.page, key, quote=shown.rstrip("…"))  # the sentence that matched, lit
