"""Timeline: the meetings and papers where a topic appears, oldest first, each with its citation."""
from __future__ import annotations

import streamlit as st

from assistant.references import human_date
from assistant.timeline import timeline
from ingest.errors import MinutebookError
from ui import resources, widgets
from ui.text import escape


def main() -> None:
    st.title("Timeline")
    st.caption("Follow a topic through the papers: each meeting or paper that names it, oldest first.")
    settings = resources.settings()
    assistant = resources.assistant(settings)
    if assistant is None:
        return
    store = assistant.searcher.reader.store
    topic = st.text_input("Topic", key="tl-topic", placeholder="e.g. Sentinel",
                          help="A name or a few words; only papers that actually name it are listed.")
    filters = widgets.filters(store, "tl", include_restricted=settings.include_restricted, columns=True)
    if not topic.strip():
        return
    try:
        events = timeline(assistant.searcher, topic.strip()[:200], filters)
    except MinutebookError as e:
        st.error(str(e))
        return
    if not events:
        st.info("No paper names this topic. Try other words.")
        return
    st.caption(f"{len(events)} entries from {len({e.source for e in events})} papers.")
    for i, e in enumerate(events):
        with st.container(border=True):
            st.markdown(f"**{escape(human_date(e.meeting_date) or 'Undated')}** · {escape(e.what)} · {escape(e.reference)}")
            st.markdown("> " + escape(e.quote))
            widgets.page_viewer(store, e.source, e.page, key=f"tl-{i}-{e.page}")


main()
