"""Resolutions: the register of minuted decisions as a filterable, sortable table with CSV download."""
from __future__ import annotations

import streamlit as st

from minutebook.assistant.app_data import (RELEVANCE, SORTS, action_counts, entry_label, register_actions,
                                           register_csv, register_table, sort_register)
from minutebook.ingest.dates import human_date
from minutebook.assistant.results import RegisterEntry
from minutebook.assistant.register import entries as register
from minutebook.ingest.papers.numbering import cite
from minutebook.ingest.errors import MinutebookError
from minutebook.ingest.papers.house_style import OUTCOMES
from minutebook.ingest.types import PART_KINDS
from minutebook.ui import resources
from minutebook.ui import widgets
from minutebook.ui.text import escape

ANY_KIND = "Any kind"
DATE_WIDTH = 125  # px: "15 December 2023" whole
ANY_OUTCOME = "Any outcome"
# In this order, and with the first columns pinned, a 1280 px screen shows when, which minute, what
# and where (page) of every decision, and when, who and what of every outstanding action; the
# rest scrolls beside them.
COLUMNS = {
    "meeting": widgets.date_column("Meeting", help="Date of the meeting the minutes record", width=DATE_WIDTH,
                                   pinned=True),
    "minute": st.column_config.TextColumn("Minute", help="Minute number as printed", width="small", pinned=True),
    "title": st.column_config.TextColumn("Item", width="medium", pinned=True),
    "outcome": st.column_config.TextColumn("Outcome", help="As the minutes record it: approved, carried, lost ...",
                                           width=100),
    "votes": st.column_config.TextColumn("Vote", help="Recorded vote: For, Against, Abstain", width=120),
    "page": st.column_config.NumberColumn("Page", width="small"),
    "decision": st.column_config.TextColumn("Decision", width="large",
                                            help="Open the decision below to read it whole"),
    "moved": st.column_config.TextColumn("Moved / seconded", width="small"),
    "kinds": st.column_config.TextColumn("Kinds", width="small"),
    "actions": st.column_config.NumberColumn("Actions", help="Parts that ask someone to do or bring something",
                                             width="small"),
    "board": st.column_config.TextColumn("Board", width="medium"),
    "source": st.column_config.TextColumn("Paper", width="medium"),
}
ACTION_COLUMNS = {
    "requested": widgets.date_column("Requested", width=DATE_WIDTH, pinned=True),
    "status": st.column_config.TextColumn("Status", width="small", pinned=True),
    "who": st.column_config.TextColumn("Who", width=150),
    "action": st.column_config.TextColumn("Action", width=330),
    "page": st.column_config.NumberColumn("Page", width="small"),
    "minute": st.column_config.TextColumn("Minute", width="small"),
    "paper": st.column_config.TextColumn("Paper", width="medium"),
}


def main() -> None:
    st.title("Resolutions register")
    st.caption("Every decision recorded in the minutes: newest meeting first, with its minute number and page.")
    settings = resources.settings()
    book = resources.book(settings)
    if book is None:
        return

    topic = st.text_input("Topic", key="res-topic", placeholder="e.g. hate crime strategy",
                          help="Ranks decisions by relevance to these words and leaves out the ones it does not find.")
    filters = widgets.filters(book, "res", include_restricted=settings.include_restricted, columns=True)
    left, middle, mover_col, right = st.columns(4)
    kind = left.selectbox("Kind of decision", [ANY_KIND, *PART_KINDS], key="res-kind",
                          help="Keep decisions with at least one part of this kind; 'action' asks someone to do something.")
    outcome = middle.selectbox("Outcome", [ANY_OUTCOME, *OUTCOMES], key="res-outcome",
                               help="Keep decisions, motions and amendments with this outcome, e.g. 'lost'.")
    moved_by = mover_col.text_input("Moved by", key="res-mover", placeholder="e.g. Hood",
                                    help="Keep motions and decisions moved by someone whose name contains this.")
    orders = [RELEVANCE, *SORTS[1:]] if topic.strip() else list(SORTS)
    order = right.selectbox("Order", orders, key=f"res-order-{'topic' if topic.strip() else 'all'}")

    if topic.strip() and resources.searching_book(settings) is None:  # ranking by topic needs the model
        return
    try:
        entries = book.resolutions(topic.strip()[:300] or None, filters, kind=None if kind == ANY_KIND else kind,
                                   outcome=None if outcome == ANY_OUTCOME else outcome,
                                   moved_by=moved_by.strip() or None)
    except MinutebookError as e:
        st.error(str(e))
        return
    entries = sort_register(entries, order)

    # One count of actions, the table's below: the same filters narrow the decisions and their actions.
    narrowed = bool(topic.strip()) or kind != ANY_KIND or outcome != ANY_OUTCOME or bool(moved_by.strip())
    actions = _actions(book, filters, entries, narrowed, topic.strip())
    counts = action_counts(actions or [])
    a, b = st.columns(2)
    a.metric("Decisions listed", len(entries))
    b.metric("Actions requested", counts["actions"],
             help="Actions these decisions (and the action logs of their meetings) ask for; listed below")
    if not entries:
        st.info("No decision matches. Widen the filters or try other words.")
        return
    rows = [{**row, "meeting": widgets.as_date(row["meeting"])} for row in register_table(entries)]
    st.dataframe(rows, column_config=COLUMNS, hide_index=True, key="res-table", column_order=list(COLUMNS))
    st.download_button("Download these decisions (CSV)", data=register_csv(entries), file_name="resolutions.csv",
                       mime="text/csv", key="res-csv", on_click="ignore",
                       help="The rows shown above, in this order, ready for a spreadsheet.")

    st.subheader("Open a decision")
    labels = [entry_label(e) for e in entries]
    picked = st.selectbox("Decision", range(len(entries)), index=None, format_func=lambda i: labels[i],
                          key="res-pick", placeholder="Choose a decision to read it and see its page")
    if picked is not None and picked < len(entries):
        _decision(book, entries[picked])
    _outstanding(actions or [])


def _actions(book, filters, entries, narrowed: bool, topic: str):
    """Actions the minutes or an action log asked for, under the page's filters; None on an error."""
    try:
        actions = book.actions(board=filters.board, include_restricted=filters.include_restricted)
    except MinutebookError as e:
        st.error(str(e))
        return None
    return register_actions(actions, entries, filters.since, filters.until, narrowed, topic)


def _outstanding(actions) -> None:
    """The listed actions that no later paper shows done."""
    st.subheader("Actions still outstanding")
    counts = action_counts(actions)
    open_ones = [a for a in actions if a.status != "done"]
    st.caption(f"Of the {counts['actions']} actions requested, {counts['done']} are shown done by a later paper "
               f"and {counts['open']} are pending or unknown.")
    if open_ones:
        st.dataframe([{"requested": widgets.as_date(a.meeting_date), "minute": a.item or "",
                       "who": a.who or "", "action": a.text, "status": a.status, "paper": a.source,
                       "page": a.page} for a in open_ones], hide_index=True, key="res-actions",
                     column_config=ACTION_COLUMNS, column_order=list(ACTION_COLUMNS))


def _decision(book, e: RegisterEntry) -> None:
    with st.container(border=True):
        heading = f"{cite(e.item)}: {e.title}" if e.item else e.title
        st.markdown(f"**{escape(heading)}**")
        # Outcome and vote first: what a reader opens a decision for, in view without scrolling.
        st.markdown(widgets.meta_lines([("Outcome", register.outcome_words(e) or e.outcome),
                                        ("Vote", register.vote_line(e.votes)), ("Moved by", e.mover),
                                        ("Seconded by", e.seconder), ("Minuted as", (e.form or "").capitalize()),
                                        ("Board", e.board), ("Meeting", human_date(e.meeting_date)),
                                        ("Paper", e.document_title), ("Page", e.page), ("File", e.source)]))
        names = (e.votes or {}).get("names") or {}
        for side, people in names.items():
            st.caption(escape(f"{side.capitalize()} ({len(people)}): {', '.join(people)}"))
        for part in e.parts or [{"label": None, "text": e.text, "kind": ""}]:
            label = f"{part['label']} " if part.get("label") else ""
            kind = f" [{part['kind']}]" if part.get("kind") else ""
            st.markdown("- " + escape(f"{label}{part['text']}{kind}"))
            details = [("Who", part.get("who")), ("What", part.get("what")), ("By when", part.get("by_when"))]
            if any(v for _, v in details):
                st.caption(widgets.meta_lines(details))
        if e.source and e.page:
            widgets.page_viewer(book, e.source, int(e.page), key=f"res-{e.source}-{e.page}-{e.item}",
                                quote=e.text)


main()
