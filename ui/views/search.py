"""Search: keyword + meaning search over the papers, with filters and the matching words in bold."""
from __future__ import annotations

import streamlit as st

from minutebook.ingest.errors import MinutebookError
from minutebook.ui import resources
from minutebook.ui import widgets


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
        hits = book.search(query.strip()[:500], k=k, filters=filters)
    except MinutebookError as e:
        st.error(str(e))
        return
    if not hits:
        st.info("No passage matches. Try other words, or widen the filters.")
        return
    st.caption(f"{len(hits)} passages, best first. Words matching your search are in bold.")
    for i, hit in enumerate(hits, start=1):
        widgets.hit_card(book, hit, key=f"search-{i}-{hit.chunk.id}", query=query, rank=i)


main()
