"""minutebook's web app (Streamlit): `streamlit run ui/app.py`, or `minutebook serve`.

It only renders: all logic lives in ingest/ and assistant/. Pages are in ui/views/; the
index is MINUTEBOOK_INDEX (default index/), loaded once per process by ui/resources.py.
"""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from minutebook.ingest.errors import MinutebookError
from minutebook.ui import resources
from minutebook.ui import theme

VIEWS = Path(__file__).resolve().parent / "views"

st.set_page_config(page_title="minutebook", page_icon=str(theme.ICON), layout="wide",
                   menu_items={"Get help": None, "Report a bug": None,
                               "About": "minutebook: answers from the board papers, each with its paper and page."})
st.logo(str(theme.ICON), size="large", icon_image=str(theme.ICON))
st.set_option("client.toolbarMode", "minimal")  # no developer menu or Deploy button for councillors
# An unexpected error shows app users a message, never a traceback with the server's paths;
# the trace goes to the server's log. (`minutebook serve` also sets it at launch.)
st.set_option("client.showErrorDetails", "none")
pages = [
    st.Page(VIEWS / "ask.py", title="Ask", icon=":material/forum:", default=True),
    st.Page(VIEWS / "search.py", title="Search", icon=":material/search:", url_path="search"),
    st.Page(VIEWS / "meetings.py", title="Meetings", icon=":material/event_note:", url_path="meetings"),
    st.Page(VIEWS / "resolutions.py", title="Resolutions", icon=":material/gavel:", url_path="resolutions"),
    st.Page(VIEWS / "timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline"),
    st.Page(VIEWS / "papers.py", title="Papers", icon=":material/description:", url_path="papers"),
]
page = st.navigation(pages)
with st.sidebar:
    st.caption("minutebook: answers from the board papers, each with its paper and page.")
    try:
        resources.restricted_switch()  # only where the person serving allows it, and then behind a password or login
        settings = resources.settings()
    except MinutebookError as e:  # a bad MINUTEBOOK_* variable or minutebook.toml: its one line
        st.error(str(e))
        st.stop()
    if resources.generation(settings) is None:
        st.caption("No index yet.")
page.run()
