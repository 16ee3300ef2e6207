"""What the app loads once per process: the embedding model and each published index generation.

Keys are the index folder, the generation `index/current` points at and its last commit (an
ingest may grow a generation in place), so an ingest (from the Papers page or the command
line) is picked up on the next rerun without a restart.
"""
from __future__ import annotations

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


def settings() -> Settings:
    """Environment settings; the sidebar's restricted-papers switch (off by default) can widen them."""
    return Settings.from_env(include_restricted=True if st.session_state.get(RESTRICTED_KEY) else None)


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
        st.error(str(e))
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
