"""What the app loads once per process: the embedding model and each published index generation.

Keys are the index folder, the generation `index/current` points at and its last commit (an
ingest may grow a generation in place), so an ingest (from the Papers page or the command
line) is picked up on the next rerun without a restart.
"""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from assistant.chain import Assistant
from ingest import catalog, pagerender
from ingest.embed import Embedder
from ingest.errors import MinutebookError
from ingest.index import IndexReader, current_dir, version
from ingest.settings import Settings

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
    model_obj = Embedder(model)
    model_obj.dim  # load now, so the first question does not pay for it
    return model_obj


@st.cache_resource(max_entries=4, show_spinner=False)
def _reader(index: str, gen: str, commit: str | None) -> IndexReader:
    return IndexReader(Path(index))


@st.cache_resource(max_entries=4, show_spinner="Opening the index…")
def _assistant(index: str, gen: str, commit: str | None) -> Assistant:
    s = Settings.from_env(index=index)
    model = catalog.index_model(Path(gen)) or s.embed_model
    return Assistant(s, embedder(model))


def reader(s: Settings | None = None) -> IndexReader | None:
    """The current generation's reader (no model needed), or None with a message shown."""
    return _open(_reader, s)


def assistant(s: Settings | None = None) -> Assistant | None:
    """The Assistant (and its Searcher) over the current generation, or None with a message shown."""
    return _open(_assistant, s)


def _open(loader, s: Settings | None):
    s = s or settings()
    gen = generation(s)
    if gen is None:
        st.info(NO_INDEX)
        return None
    try:
        return loader(str(s.index), gen, version(s.index))
    except MinutebookError as e:
        st.error(str(e))
        return None


@st.cache_data(max_entries=64, show_spinner=False)
def page_png(path: str, mtime: float, page: int, width: int) -> bytes:
    """A rendered PDF page; `mtime` is in the key so a replaced file is drawn again."""
    return pagerender.render_page(Path(path), page, width)


@st.cache_data(max_entries=256, show_spinner=False)
def pdf_pages(path: str, mtime: float) -> int:
    return pagerender.page_count(Path(path))
