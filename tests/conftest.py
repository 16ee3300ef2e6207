"""Shared fixtures: the real embedding model, loaded once, and the sample corpus ingested once."""
from __future__ import annotations

import dataclasses
import fcntl
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from minutebook.ingest.embedding.embed import Embedder
from minutebook.ingest.pipeline import ingest
from minutebook.ingest.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
PACK_2018 = "Agenda Reports Pack 10th-Dec-2018 13.00 Leicestershire Safer Communities Strategy Board.pdf"
PACK_2024 = "Agenda Reports Pack 22nd-Mar-2024 10.00 Leicestershire and Rutland Safer Communities Strategy Board.pdf"


# The one setting a run may choose: which vector store every index of the suite uses
# (`make test-qdrant` runs the store and search tests on qdrant-client's local mode). Settings and IndexWriter take it.
KEPT_ENV = ("MINUTEBOOK_STORE", "MINUTEBOOK_MODEL_CACHE", "MINUTEBOOK_INGEST_WORKERS", "MINUTEBOOK_EMBED_CACHE")
# The run's caches, in a folder of its own, not the user's: the model's ONNX export
# (ingest/embedding/onnx_encoder.py) and one embedding cache, as a user's several indexes may share one.
# Every process of the run (both xdist workers, the CLI and app processes tests start) then embeds
# a passage once, and an ingest in a new process whose passages are all cached never loads the
# model. Set before xdist starts its workers, so they inherit it. MINUTEBOOK_TEST_CACHE names a
# folder for runs to share (.ci/run: the Qdrant run after the main one); tests/test_scale.py tests
# the embedding cache itself with caches of its own.
_RUN_CACHE = os.environ.get("MINUTEBOOK_TEST_CACHE") or os.environ.get("_MINUTEBOOK_RUN_CACHE")
_MADE_CACHE = not _RUN_CACHE
if _MADE_CACHE:
    _RUN_CACHE = os.environ["_MINUTEBOOK_RUN_CACHE"] = tempfile.mkdtemp(prefix="minutebook-test-cache-")
os.environ["MINUTEBOOK_MODEL_CACHE"] = str(Path(_RUN_CACHE) / "model")
os.environ["MINUTEBOOK_EMBED_CACHE"] = str(Path(_RUN_CACHE) / "embed-cache.sqlite")
# The suite itself runs on both cores (pytest-xdist); reading processes started by every small ingest
# on top of that only contend for them. The sample index (corpus_index) and tests/test_reading.py
# read with two processes, so the workers' path is still run.
os.environ.setdefault("MINUTEBOOK_INGEST_WORKERS", "1")


# Tiers: `make test-fast` runs what needs no model (pure functions on text and small fixtures);
# `make test` runs everything. A test is in the model tier when it uses a fixture that loads the
# model, or when its module says so (`pytestmark = pytest.mark.model`: the app, the CLI in a
# subprocess).
MODEL_FIXTURES = {"embedder", "corpus_index", "index_copy"}


def pytest_configure(config):
    config.addinivalue_line("markers", "model: loads the embedding model (not in make test-fast)")


def pytest_unconfigure(config):
    if _MADE_CACHE and not hasattr(config, "workerinput"):  # the process that made it, after its workers
        shutil.rmtree(_RUN_CACHE, ignore_errors=True)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if MODEL_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.model)
    # A run for another vector store (make test-qdrant) leaves out the tests that name their engine
    # as a parameter: they ran on both engines in the main run and would only run again.
    if Settings().store != "faiss":
        named = [item for item in items if "store" in getattr(getattr(item, "callspec", None), "params", {})]
        if named:
            config.hook.pytest_deselected(items=named)
            items[:] = [item for item in items if item not in named]


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch):
    """No test sees the developer's MINUTEBOOK_* settings, except the vector store the run is for."""
    import os

    for key in list(os.environ):
        if key.startswith("MINUTEBOOK_") and key not in KEPT_ENV:
            monkeypatch.delenv(key)


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    model = Embedder(Settings().embed_model)
    model.dim  # load now, once for the whole session
    return model


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory, embedder) -> Settings:
    """The five sample PDFs ingested into a fresh index (read-only for tests: copy it to modify).

    Under xdist the workers share one: the first to ask builds it while the other waits, since
    readers of one index in several processes is what minutebook supports. A local Qdrant folder
    opens in one process only, so that store gets an index per worker."""
    shared = os.environ.get("PYTEST_XDIST_WORKER") and Settings().store == "faiss"
    if not shared:
        return _ingest_sample(Settings(index=tmp_path_factory.mktemp("corpus-index") / "index"), embedder)
    root = tmp_path_factory.getbasetemp().parent  # this run's folder, common to its workers
    settings = Settings(index=root / "corpus-index" / "index")
    with open(root / "corpus-index.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (settings.index / "current").exists():
            _ingest_sample(settings, embedder)
    return settings


def index_of(folder: Path, tmp_path_factory, embedder, name: str) -> Settings:
    """A fresh index of the papers in `folder`, for a module's tests to share (read-only)."""
    settings = Settings(index=tmp_path_factory.mktemp(name) / "index")
    ingest([folder], settings, embedder)
    return settings


# The real papers beside the clone (../shared/corpus/real), which CI has and other clones may not.
REAL = Path(os.environ.get("MINUTEBOOK_REAL_CORPUS", ROOT.parent / "shared" / "corpus" / "real"))


def needs_real(*papers: str):
    """Skip, with the reason, where any of `papers` (paths under the real corpus) is not beside this clone."""
    return pytest.mark.skipif(not all((REAL / p).is_file() for p in papers),
                              reason="../shared/corpus/real is not beside this clone")


@pytest.fixture(scope="module")
def papers_assistant(request, tmp_path_factory, embedder):
    """An assistant over a fresh index of the real papers the test module names in PAPERS (paths under the
    real corpus), each named by its folder and file; shared by the module's tests, read-only."""
    from minutebook.assistant.answering import Assistant

    name = request.module.__name__.rsplit(".", 1)[-1]
    folder = tmp_path_factory.mktemp(f"{name}-papers")
    for paper in request.module.PAPERS:
        shutil.copy(REAL / paper, folder / f"{Path(paper).parent.name}-{Path(paper).name}")
    assistant = Assistant(index_of(folder, tmp_path_factory, embedder, name), embedder)
    yield assistant
    assistant.close()


def _ingest_sample(settings: Settings, embedder) -> Settings:  # store: MINUTEBOOK_STORE
    ingest([CORPUS], dataclasses.replace(settings, ingest_workers=2), embedder)  # read as a user's ingest reads
    return settings


def clear_app_caches() -> None:
    """Forget the app's open indexes and drawn data, as a new server process would; keep its loaded
    model, as a server does between sessions (reloading it for every app test cost minutes)."""
    import streamlit as st

    from minutebook.ui import resources

    resources._book.clear()
    st.cache_data.clear()


def open_app(monkeypatch, index: Path, page: str | None = None):
    """The web app on `index` through Streamlit's AppTest (in-process, no browser), at `page`."""
    from streamlit.testing.v1 import AppTest

    clear_app_caches()
    monkeypatch.setenv("MINUTEBOOK_INDEX", str(index))
    at = AppTest.from_file(str(ROOT / "ui" / "app.py"), default_timeout=180).run()
    assert not at.exception, at.exception
    if page:
        at.switch_page(f"views/{page}.py").run()
        assert not at.exception, at.exception
    return at


@pytest.fixture
def index_copy(corpus_index, tmp_path) -> Settings:
    """A private copy of the sample index that a test may change."""
    target = tmp_path / "index"
    shutil.copytree(corpus_index.index, target, symlinks=True)
    return Settings(index=target)


def older_layout(index) -> None:
    """Turn an index into what minutebook made before segments: vectors.faiss and lexical.npz in
    the generation, a database in rollback-journal mode without the segments tables."""
    import json
    import sqlite3

    import faiss

    from minutebook.ingest.storage import lexical
    from minutebook.ingest.storage.index_reader import IndexReader, current_dir

    gen = current_dir(index)
    meta = json.loads((gen / "meta.json").read_text())
    if "layout" not in meta:
        return  # already so: vectors in Qdrant (each ingest copies the generation), or made so
    reader = IndexReader(index)
    faiss.write_index(reader.vectors.index, str(gen / "vectors.faiss"))
    lexical.save(lexical.build(reader.store.lexical_rows()), gen)
    reader.close()
    shutil.rmtree(gen / "segments")
    meta.pop("layout")
    (gen / "meta.json").write_text(json.dumps(meta))
    conn = sqlite3.connect(gen / "minutebook.db")
    conn.executescript("DROP TABLE segments; DROP TABLE removed_vectors; PRAGMA user_version = 7;")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()


def minutes_rows():
    """(vector_id, text, heading, title, context) of the fixture minutes' lines: council prose."""
    rows = []
    for path in sorted((ROOT / "tests" / "fixtures" / "minutes").glob("*.txt")):
        lines = [line for line in path.read_text().splitlines() if len(line.split()) >= 4]
        rows += [(line, lines[0], path.stem, "") for line in lines]
    return [(vid, *row) for vid, row in enumerate(rows, start=1)]


RESTRICTED_PASSWORD = "officers-only"


def unlock_restricted(monkeypatch, at):
    """An officer entitled to restricted papers: the server allows them behind a password, the
    officer gives it and switches them on."""
    monkeypatch.setenv("MINUTEBOOK_ALLOW_RESTRICTED", "1")
    monkeypatch.setenv("MINUTEBOOK_RESTRICTED_PASSWORD", RESTRICTED_PASSWORD)
    at.run()
    at.text_input(key="restricted-password").input(RESTRICTED_PASSWORD).run()
    at.toggle(key="include-restricted").set_value(True).run()
    return at
