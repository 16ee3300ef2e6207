"""Timeline: the meetings and papers where a topic appears, oldest first, each with its citation;
or, as lineage, one step per meeting of a body with what it decided (outcome and vote)."""
from __future__ import annotations

import streamlit as st

from minutebook.assistant.references import human_date
from minutebook.ingest.errors import MinutebookError
from minutebook.ui import resources
from minutebook.ui import widgets
from minutebook.ui.text import escape


EVERY_PAPER, STEPS = "Every paper", "Steps between bodies"


def main() -> None:
    st.title("Timeline")
    st.caption("Follow a topic through the papers: each meeting or paper that names it, oldest first.")
    settings = resources.settings()
    book = resources.searching_book(settings)
    if book is None:
        return
    topic = st.text_input("Topic", key="tl-topic", placeholder="e.g. Sentinel",
                          help="A name or a few words; only papers that actually name it are listed.")
    filters = widgets.filters(book, "tl", include_restricted=settings.include_restricted, columns=True)
    view = st.radio("Show", [EVERY_PAPER, STEPS], key="tl-view", horizontal=True,
                    help="Steps between bodies: one line per meeting that dealt with the matter, with its outcome.")
    if not topic.strip():
        return
    if view == STEPS:
        _steps(book, topic.strip()[:200], filters)
        return
    try:
        events = book.timeline(topic.strip()[:200], filters)
    except MinutebookError as e:
        st.error(str(e))
        return
    if not events:
        st.info("No paper names this topic. Try other words.")
        return
    st.caption(f"{len(events)} entries from {len({e.source for e in events})} papers.")
    for i, e in enumerate(events):
        with st.container(border=True):
            outcome = f" · {e.outcome}" + (f" ({e.votes})" if e.votes else "") if e.outcome else ""
            st.markdown(f"**{escape(human_date(e.meeting_date) or 'Undated')}** · {escape(e.what)} · {escape(e.reference)}"
                        f"{escape(outcome)}")
            st.markdown("> " + escape(e.quote))
            widgets.page_viewer(book, e.source, e.page, key=f"tl-{i}-{e.page}", quote=e.quote)



def _steps(book, topic: str, filters) -> None:
    """The matter's path between bodies, oldest first: body, what it did, the vote, the page."""
    try:
        steps = book.lineage(topic, filters)
    except MinutebookError as e:
        st.error(str(e))
        return
    if not steps:
        st.info("No meeting dealt with this. Try other words.")
        return
    for i, s in enumerate(steps, start=1):
        with st.container(border=True):
            facts = "; ".join(x for x in (s.outcome, s.votes, s.amendments) if x)
            st.markdown(f"**{escape(human_date(s.meeting_date) or 'Undated')}** · {escape(s.board or 'body not named')}"
                        f" · {escape(facts)}")
            st.caption(escape(s.reference))
            st.markdown("> " + escape(s.quote))
            widgets.page_viewer(book, s.source, s.page, key=f"ln-{i}-{s.page}", quote=s.quote)


main()
