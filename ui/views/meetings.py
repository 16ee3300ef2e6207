"""Meetings: every meeting by body and date, and one meeting whole: its agenda items in order with
the papers under each, its minutes, the decisions taken (outcome, votes) and who attended, each a
click from its page."""
from __future__ import annotations

import streamlit as st

from minutebook.assistant.register import entries as register
from minutebook.ingest.dates import human_date
from minutebook.ingest.errors import MinutebookError
from minutebook.ui import resources
from minutebook.ui import widgets
from minutebook.ui.text import escape

ALL_BODIES = "All bodies"


def main() -> None:
    st.title("Meetings")
    st.caption("Each meeting whole: its agenda, the papers under each item, its minutes, the decisions and who attended.")
    settings = resources.settings()
    book = resources.book(settings)
    if book is None:
        return
    everything = book.meetings()
    bodies = sorted({m.board for m in everything})
    body = st.selectbox("Body", [ALL_BODIES, *bodies], key="mt-body")
    found = [m for m in everything if body == ALL_BODIES or m.board == body]
    if not found:
        st.info("The papers date no meeting yet.")
        return
    labels = [f"{human_date(m.date)} · {m.board}" + (" · agenda" if m.agenda else "") + (" · minutes" if m.minutes else "")
              for m in found]
    picked = st.selectbox("Meeting", range(len(found)), index=0, format_func=lambda i: labels[i], key="mt-pick",
                          help="Newest first")
    if picked is None or picked >= len(found):
        return
    try:
        m = book.meeting(found[picked].date, found[picked].board, include_restricted=settings.include_restricted)
    except MinutebookError as e:
        st.error(str(e))
        return
    _meeting(book, m)


def _meeting(book, m) -> None:
    held = " · ".join(x for x in (m.time, m.venue) if x)
    st.header(escape(f"{m.board}, {human_date(m.date)}"), anchor=False)
    if held:
        st.caption(escape(held))
    agenda, minutes, decisions, people = st.tabs([f"Agenda ({len(m.agenda)})", f"Minutes ({len(m.minutes)})",
                                                 f"Decisions ({len(m.decisions)})", f"Attendance ({len(m.attendance)})"])
    with agenda:
        if m.agenda_from == "minutes":
            st.caption("The agenda paper is not among the papers; these are the items as the minutes record them.")
        if not m.agenda:
            st.caption("No agenda of this meeting is in the papers.")
            for i, p in enumerate(m.papers):
                _paper(book, p, f"mt-paper-{i}")
        for i, item in enumerate(m.agenda):
            st.markdown((f"**{escape(item.number)}\\.** " if item.number else "") + escape(item.title)
                        + (f" · page {item.page}" if item.page and m.agenda_from == "minutes" else ""))
            for j, p in enumerate(item.papers):
                _paper(book, p, f"mt-item-{i}-{j}")
    with minutes:
        if not m.minutes:
            st.caption("The minutes of this meeting are not in the papers (they are often in the next meeting's pack).")
        for i, it in enumerate(m.minutes):
            label = f"{it.item}. {it.heading}" if it.item else it.heading
            with st.expander(escape(f"{label} — page {it.page}")):
                widgets.page_viewer(book, it.source, it.page, f"mt-min-{i}", quote=it.heading, opened=True)
    with decisions:
        if not m.decisions:
            st.caption("No decision of this meeting is in the papers.")
        for i, e in enumerate(m.decisions):
            facts = " · ".join(x for x in (register.outcome_words(e), register.vote_line(e.votes)) if x)
            with st.container(border=True):
                st.markdown(f"**Minute {escape(e.item or '?')}: {escape(e.title or '')}**"
                            + (f" — {escape(facts)}" if facts else ""))
                st.markdown(escape(e.text or ""))
                if e.source and e.page:
                    widgets.page_viewer(book, e.source, int(e.page), f"mt-dec-{i}", quote=e.text)
    with people:
        if not m.attendance:
            st.caption("No attendance list of this meeting is in the papers.")
        roles: dict[str, list[str]] = {}
        for a in m.attendance:
            roles.setdefault(a.role, []).append(a.name)
        for role, names in roles.items():
            st.markdown(f"**{escape(role.capitalize())}** ({len(names)}): {escape(', '.join(names))}")


def _paper(book, p, key: str) -> None:
    """A paper filed under an item: its kind, title and pages, and its first page a click away."""
    pages = f"page {p.first_page}" if p.first_page == p.last_page else f"pages {p.first_page}–{p.last_page}"
    st.markdown(f":material/description: {escape(p.kind.capitalize())}: {escape(p.title)} · {pages}")
    widgets.page_viewer(book, p.source, p.first_page, key)


main()
