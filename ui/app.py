"""minutebook's web app (Streamlit). It only renders: all logic lives in ingest/ and assistant/."""
from __future__ import annotations

import streamlit as st

from assistant.search import Searcher
from ingest.errors import MinutebookError
from ingest.settings import Settings
from ingest.store import Filters


@st.cache_resource
def get_searcher(index: str) -> Searcher:
    return Searcher(Settings.from_env(index=index))


def main() -> None:
    st.set_page_config(page_title="minutebook", page_icon="📒")
    st.title("minutebook")
    st.caption("Search the board papers. Every result names its paper and page.")
    settings = Settings.from_env()
    try:
        searcher = get_searcher(str(settings.index))
    except MinutebookError as e:
        st.error(str(e))
        return
    query = st.text_input("Search the papers", placeholder="e.g. free course for motorcyclists")
    board = st.text_input("Board (part of its name)", "")
    if query:
        hits = searcher.search(query, k=8, filters=Filters(board=board or None))
        if not hits:
            st.info("No matching passages.")
        for h in hits:
            c = h.chunk
            with st.container(border=True):
                st.markdown(f"**{c.title}** — page {c.page}")
                st.caption(f"{h.source} · {c.board or ''} · {c.meeting_date or ''} · {c.doc_type}")
                st.text(c.text)


main()
