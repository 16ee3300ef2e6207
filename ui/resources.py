"""What the app loads once per process: the embedding model and each published index generation.

Keys are the index folder, the generation `index/current` points at and its last commit (an
ingest may grow a generation in place), so an ingest (from the Papers page or the command
line) is picked up on the next rerun without a restart.
"""
from __future__ import annotations

import hmac
import time
from dataclasses import replace
from pathlib import Path

import streamlit as st

from minutebook.assistant.catalog import index_model
from minutebook.assistant.service import Minutebook
from minutebook.ingest.embedding.embed import Embedder
from minutebook.ingest.errors import MinutebookError
from minutebook.ingest.storage.index_reader import current_dir, version
from minutebook.ingest.settings import Settings

NO_INDEX = ("No papers have been ingested yet. Add PDFs on the **Papers** page, "
            "or run `make ingest` (or `minutebook ingest corpus`) and reload.")


RESTRICTED_KEY = "include-restricted"
UNLOCKED = "restricted-unlocked"  # set by this code only, never a widget's key: a browser cannot send it


def settings() -> Settings:
    """Environment settings, with restricted papers off unless this visitor may see them and has
    switched them on (MINUTEBOOK_INCLUDE_RESTRICTED is the command line's, never every visitor's)."""
    base = Settings.from_env()
    return replace(base, include_restricted=bool(st.session_state.get(RESTRICTED_KEY)) and may_see_restricted(base))


def may_see_restricted(base: Settings) -> bool:
    """Whether this visitor may switch restricted papers on: the person serving the app allowed it
    (`serve --allow-restricted`), and the visitor gave the password or came through the reverse
    proxy's login (the header it sets). Allowed with neither set up, nobody may."""
    if not base.allow_restricted:
        return False
    if base.restricted_user_header and (st.context.headers.get(base.restricted_user_header) or "").strip():
        return True
    return bool(base.restricted_password) and st.session_state.get(UNLOCKED) is True


def restricted_switch() -> None:
    """The sidebar's control: the switch for a visitor who may see restricted papers, a password box
    where a password is set, and nothing at all where the person serving has not allowed them."""
    base = Settings.from_env()
    if may_see_restricted(base):
        st.toggle("Include restricted papers", key=RESTRICTED_KEY,
                  help="Pages marked not for publication (exempt under Schedule 12A, 'Document is Restricted') "
                       "are left out unless this is on.")
        return
    if not base.allow_restricted:
        return
    if not base.restricted_password:
        st.caption("Restricted papers need a password (MINUTEBOOK_RESTRICTED_PASSWORD) or a reverse proxy's "
                   "login (MINUTEBOOK_RESTRICTED_USER_HEADER) before anyone can see them here.")
        return
    given = st.text_input("Password for restricted papers", type="password", key="restricted-password")
    if given:
        if hmac.compare_digest(given.encode(), base.restricted_password.encode()):
            st.session_state[UNLOCKED] = True
            st.rerun()
        time.sleep(1)  # a guess a second, not thousands
        st.error("That is not the password for restricted papers.")


def generation(s: Settings) -> str | None:
    """The generation folder `index/current` points at now, or None when there is no index."""
    gen = current_dir(s.index)
    return str(gen) if gen else None


@st.cache_resource(show_spinner="Loading the language model (once)…")
def embedder(model: str) -> Embedder:
    model_obj = Embedder(model, model_cache=settings().model_cache_dir())
    model_obj.dim  # load now, so the first question does not pay for it
    return model_obj


@st.cache_resource(max_entries=4, show_spinner="Opening the index…")
def _book(index: str, gen: str, commit: str | None) -> Minutebook:
    """One reader per generation and commit (an ingest grows a generation in place), shared by every
    session; the model is loaded when a page first searches (Papers and the plain register never
    need it)."""
    s = Settings.from_env(index=index)
    return Minutebook(s, load_embedder=embedder, model=index_model(Path(gen)))


def book(s: Settings | None = None) -> Minutebook | None:
    """The current generation's Minutebook, or None with a message shown. Restricted pages follow
    the session's switch through each call's filters (`book.filters` is the environment's)."""
    s = s or settings()
    gen = generation(s)
    if gen is None:
        st.info(NO_INDEX)
        return None
    try:
        found = _book(str(s.index), gen, version(s.index))
        found.store  # open the database now, so a damaged or newer index is a message here
        return found
    except MinutebookError as e:
        st.error(getattr(e, "public", None) or str(e))
        return None


def searching_book(s: Settings | None = None) -> Minutebook | None:
    """As `book`, with the search model loaded now (pages that search on every run)."""
    found = book(s)
    if found is None:
        return None
    try:
        found.searcher
    except MinutebookError as e:
        st.error(str(e))
        return None
    return found


@st.cache_data(max_entries=64, show_spinner=False)
def page_png(path: str, mtime: float, page: int, width: int, quote: str | None = None) -> bytes:
    """A rendered PDF page, `quote` lit on it; `mtime` is in the key so a replaced file is drawn again."""
    return Minutebook(settings()).page_image(Path(path), page, width, quote)


@st.cache_data(max_entries=256, show_spinner=False)
def pdf_pages(path: str, mtime: float) -> int:
    return Minutebook.page_count(Path(path))
