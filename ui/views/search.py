"""Search: keyword + meaning search over the papers, with filters and the matching words in bold."""
from __future__ import annotations

import streamlit as st

from minutebook.ingest.errors import MinutebookError
from minutebook.ui import resources
from minutebook.ui import widgets
from minutebook.ui.text import escape
from minutebook.ingest.dates import human_date


def main() -> None:
    st.title("Search the papers")
    settings = resources.settings()
    book = resources.searching_book(settings)
    if book is None:
        return

    query = st.text_input("Search for", key="search-query", placeholder="e.g. free course for motorcyclists",
                          help="Plain words work best. Results match by keyword and by meaning.")
    filters = widgets.filters(book, "search", with_type=True, include_restricted=settings.include_restricted,
                              columns=True)
    k = st.slider("Results", min_value=5, max_value=30, value=10, step=5, key="search-k")
    if not query.strip():
        st.caption("Type words to look for; every result names its paper and page.")
        return
    try:
        result = book.search_checked(query.strip()[:500], k=k, filters=filters)
    except MinutebookError as e:
        st.error(str(e))
        return
    if not result.matched:
        # Said plainly rather than listing k passages ranked by nothing.
        st.info("No match: no passage shares a word with your search or is close to it in meaning. "
                "Try other words, or widen the filters.")
        if result.nearest:
            st.markdown("**Nearest papers by meaning**")
            for p in result.nearest:
                where = [p.board, human_date(p.meeting_date)]
                st.markdown("- " + escape(p.title) + (" · " + escape(" · ".join(x for x in where if x))
                                                      if any(where) else ""))
        return
    hits = result.hits
    why = ("Words matching your search are in bold." if result.why == "words"
           else "No passage holds your words; these are close in meaning.")
    st.caption(f"{len(hits)} passages, best first. {why}")
    for i, hit in enumerate(hits, start=1):
        widgets.hit_card(book, hit, key=f"search-{i}-{hit.chunk.id}", query=query, rank=i)

main()
