"""Papers: what the index holds, the uploads that were refused and why, and upload of new PDFs."""
from __future__ import annotations

import streamlit as st

from minutebook.assistant.highlight import query_terms, spans
from minutebook.assistant.register import entries as register
from minutebook.ingest.dates import human_date
from minutebook.assistant.service import Minutebook
from minutebook.ingest import uploads
from minutebook.ingest.dates import human_time
from minutebook.ingest.errors import MinutebookError
from minutebook.ui import resources
from minutebook.ui import widgets
from minutebook.ui.text import escape
from minutebook.ui.widgets import as_date, date_column

REPORT = "papers_upload_report"  # the last upload's outcome, shown after the rerun that follows it
ROUND = "papers_upload_round"  # bumped after each upload so the uploader starts empty again


def main() -> None:
    st.title("Papers")
    settings = resources.settings()
    _upload(settings)
    _report()

    st.subheader("In the index")
    gen = resources.generation(settings)
    if gen is None:
        st.info("No papers yet: upload some above, or run `make ingest`.")
    else:
        book = resources.book(settings)
        if book is not None:
            _documents(book, settings.include_restricted)

    st.subheader("Files that were not added")
    skips = uploads.read_skips(settings.index)
    if not skips:
        st.caption("None: every uploaded file went in.")
    else:
        st.dataframe([{"file": s.get("source"), "uploaded as": s.get("name"), "why": s.get("reason"),
                       "when": human_time(s.get("at"))} for s in skips],
                     hide_index=True, key="papers-skips")


def _documents(book, include_restricted: bool) -> None:
    docs = book.papers(include_restricted)
    st.caption(f"{len(docs)} papers, newest meeting first.")
    # At 1280 px the paper, its meeting and its size stay in view; the rest scrolls beside them.
    st.dataframe([{"title": d.title, "meeting": as_date(d.meeting_date), "pages": d.pages,
                   "restricted": f"{d.restricted_pages} pages" if d.restricted_pages else "",
                   "board": d.board or "", "sections found": d.sections_summary,
                   "decisions": d.decisions_note or (str(d.decisions) if d.decisions else ""), "passages": d.chunks,
                   "file": d.sources or ""} for d in docs],
                  hide_index=True, key="papers-table",
                  column_config={"title": st.column_config.TextColumn("title", width=260, pinned=True),
                                 "meeting": date_column("meeting", width=125, pinned=True),
                                 "pages": st.column_config.NumberColumn("pages", width="small"),
                                 "restricted": st.column_config.TextColumn("restricted", width="small"),
                                 "board": st.column_config.TextColumn("board", width="medium"),
                                 "passages": st.column_config.NumberColumn("passages", width="small",
                                                                           help="Indexed chunks")})
    picked = st.selectbox("Open a paper", range(len(docs)), index=None, key="papers-pick",
                          format_func=lambda i: docs[i].title, placeholder="Choose a paper to read it")
    if picked is not None and picked < len(docs):
        _paper(book, docs[picked], include_restricted)


def _paper(book, d, include_restricted: bool) -> None:
    """One paper opened: its sections, the decisions its minutes record, and its pages, with the
    words looked for lit where they stand; the PDF to download."""
    source = (d.sources or "").split("; ")[0]
    with st.container(border=True, key="papers-open"):
        st.subheader(escape(d.title), anchor=False)
        st.caption(escape(f"{d.board or 'board not found'} · {human_date(d.meeting_date) or 'undated'} · "
                          f"{d.pages} pages · {source}"))
        if d.decisions_note:  # said, so that a user reads the minutes rather than trusting an empty register
            st.warning(escape(f"{d.title}: {d.decisions_note}. Read the minutes themselves for what was decided."))
        sections, decisions, pages = st.tabs([f"Sections ({len(d.sections)})", "Decisions", "Pages"])
        with sections:
            st.dataframe([{"type": s.kind, "title": s.title, "pages": f"{s.first_page}–{s.last_page}",
                           "meeting": as_date(s.meeting_date), "item": s.item or "",
                           "restricted": "yes" if s.restricted else ""} for s in d.sections],
                         hide_index=True, key="papers-sections",
                         column_config={"title": st.column_config.TextColumn("title", width=320),
                                        "meeting": date_column("meeting", width=125)})
            record = book.meeting_record(d, include_restricted)
            if record:
                st.markdown("What the minutes record of the meeting itself, as printed:")
                st.dataframe([{"meeting": as_date(r.meeting), "what": r.what, "page": r.page,
                               "as printed": r.as_printed} for r in record], hide_index=True,
                             key="papers-proceedings",
                             column_config={"meeting": date_column("meeting"),
                                            "as printed": st.column_config.TextColumn(width="large")})
        with decisions:
            found = [e for e in book.resolutions(filters=book.filters(include_restricted=include_restricted))
                     if e.source in (d.sources or "").split("; ")]
            if not found:
                st.caption("No minuted decision in this paper.")
            for e in found:
                facts = " · ".join(x for x in (register.outcome_words(e), register.vote_line(e.votes)) if x)
                st.markdown(escape(f"Minute {e.item or '?'} (page {e.page}): {' '.join((e.text or '').split())}")
                            + (f" — **{escape(facts)}**" if facts else ""))
        with pages:
            words = st.text_input("Find in this paper", key="papers-find", placeholder="e.g. knife crime",
                                  help="Lists the pages that hold these words and lights them on the page.")
            page, quote = 1, None
            if words.strip():
                hits = book.paper_pages(source, words.strip()[:200], include_restricted)
                if not hits:
                    st.info("No page of this paper holds these words.")
                else:
                    page = st.selectbox(f"{len(hits)} pages hold these words", hits, key="papers-find-page",
                                        format_func=lambda n: f"page {n}")
                    quote = _first_match(book.page(source, page, include_restricted).text or "", words)
            widgets.page_viewer(book, source, int(page), "papers-view", quote=quote, opened=True)


def _first_match(text: str, words: str) -> str | None:
    """The first word of the page that matches the words looked for, to light on the page."""
    found = spans(text, query_terms(words))
    return text[found[0][0]:found[0][1]] if found else None


def _upload(settings) -> None:
    st.subheader("Add papers")
    limit_mb = int(settings.max_file_mb)
    round_ = st.session_state.setdefault(ROUND, 0)
    files = st.file_uploader(f"PDF board papers (up to {limit_mb} MB each)", type=["pdf"], accept_multiple_files=True,
                             key=f"papers-upload-{round_}", max_upload_size=max(1, limit_mb))
    if not files:
        # The folder is named as the index sees it, never by the server's path (which says nothing a
        # councillor can use and something about the server they need not know).
        st.caption(f"Files are kept in the index's {escape(uploads.UPLOADS)}/ folder "
                   "and added to the index. A file that cannot be read is refused with the reason; nothing already "
                   "in the index is touched.")
        return
    if not st.button(f"Add {len(files)} file{'s' if len(files) != 1 else ''} to the index", type="primary",
                     key="papers-ingest"):
        return
    bar = st.progress(0.0, text="Starting…")

    def progress(message: str, done: int, total: int) -> None:
        bar.progress(min(1.0, done / total) if total else 1.0, text=escape(message))

    try:
        embedder = resources.embedder(Minutebook(settings).model())
        report = uploads.ingest_uploads([(f.name, f.getvalue()) for f in files], settings, embedder, progress)
    except MinutebookError as e:
        report = uploads.UploadReport(skipped=[uploads.UploadedFile(f.name, f.name, reason=str(e)) for f in files])
    bar.progress(1.0, text="Done")
    st.session_state[REPORT] = report
    st.session_state[ROUND] = round_ + 1
    st.rerun()


def _report() -> None:
    report = st.session_state.get(REPORT)
    if report is None:
        return
    for item in report.ingested:
        added = f"{item.pages} pages, {item.chunks} passages"
        if item.same_as:
            added += f", the same file as {item.same_as}"
        st.success(escape(f"Added {item.source} ({added})."))
    for item in report.unchanged:
        st.info(escape(f"{item.source} is already in the index, unchanged."))
    for item in report.skipped:
        st.error(escape(f"{item.name} was not added: {item.reason}"))


main()
