"""The vector stores behind the retriever: FAISS and Qdrant answer alike, and generations stay crash-safe.

The Qdrant tests run qdrant-client's local mode through the same code that talks to a cluster;
`test_the_cluster_code_*` goes further and routes the server code path (collections outside the
index folder, deleted by the sweep) to a local client standing in for the cluster.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from conftest import ROOT, minutes_rows
from minutebook.ingest.errors import MinutebookError
from minutebook.ingest.storage.index import IndexWriter
from minutebook.ingest.storage.index_reader import IndexReader
from minutebook.ingest.storage.vectors import canonical, copy_vectors, open_vectors, resolve

DIM = 32
MODEL = "test-model"
ENGINES = ["faiss", pytest.param("qdrant+local://", id="qdrant-local")]


def unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype("float32")


@pytest.fixture(scope="module")
def data():
    rng = np.random.default_rng(7)
    vectors = unit(rng.normal(size=(400, DIM)))
    ids = list(range(1, 401))
    queries = unit(vectors[[0, 50, 123, 399]] + 0.3 * rng.normal(size=(4, DIM)))
    return ids, vectors, queries


@pytest.fixture(autouse=True)
def _needs_qdrant(request):
    if "qdrant" in request.node.name:
        pytest.importorskip("qdrant_client")


def brute_force(ids, vectors, query, k, allowed=None):
    keep = [i for i, vid in enumerate(ids) if allowed is None or vid in set(allowed)]
    scores = vectors[keep] @ query
    order = np.argsort(-scores)[:k]
    return [ids[keep[j]] for j in order]


def fresh(store: str, where: Path):
    gen = where / "gen-1"
    gen.mkdir(parents=True)
    return open_vectors(store, gen, DIM, create=True)


@pytest.mark.parametrize("store", ENGINES)
def test_both_engines_rank_like_exact_cosine_search(store, data, tmp_path):
    ids, vectors, queries = data
    vec = fresh(store, tmp_path)
    vec.add(ids, vectors)
    assert len(vec) == 400
    results = vec.search_batch(queries, 10)
    for query, hits in zip(queries, results):
        assert [vid for vid, _ in hits] == brute_force(ids, vectors, query, 10)
        exact = {vid: float(vectors[vid - 1] @ query) for vid, _ in hits}
        assert all(abs(score - exact[vid]) < 1e-4 for vid, score in hits)  # cosine, as FAISS gives
    vec.close()


def test_faiss_and_qdrant_give_the_same_top_ids_for_the_same_vectors(data, tmp_path):
    pytest.importorskip("qdrant_client")
    ids, vectors, queries = data
    answers = []
    for store in ("faiss", "qdrant+local://"):
        vec = fresh(store, tmp_path / store.replace(":", "").replace("/", ""))
        vec.add(ids, vectors)
        allowed = ids[::3]
        answers.append([[vid for vid, _ in hits] for hits in
                        vec.search_batch(queries, 20) + vec.search_batch(queries, 20, allowed)])
        vec.close()
    assert answers[0] == answers[1]


@pytest.mark.parametrize("store", ENGINES)
def test_removed_vectors_are_never_returned_and_readding_replaces(store, data, tmp_path):
    ids, vectors, queries = data
    vec = fresh(store, tmp_path)
    vec.add(ids, vectors)
    top = [vid for vid, _ in vec.search_batch(queries[:1], 5)[0]]
    vec.remove(top[:3] + [10_000])  # an id that was never there is no error
    assert len(vec) == 397
    after = [vid for vid, _ in vec.search_batch(queries[:1], 5)[0]]
    assert not set(top[:3]) & set(after) and after[:2] == top[3:5]
    vec.remove([])
    vec.add([top[0]], queries[:1])  # back in, now an exact match for the query
    assert vec.search_batch(queries[:1], 1)[0][0][0] == top[0]
    assert len(vec) == 398
    vec.close()


@pytest.mark.parametrize("store", ENGINES)
def test_search_is_filtered_to_the_allowed_ids(store, data, tmp_path):
    ids, vectors, queries = data
    vec = fresh(store, tmp_path)
    vec.add(ids, vectors)
    allowed = [3, 77, 150, 151, 398, 9_999]  # 9_999 is not in the store
    for query, hits in zip(queries, vec.search_batch(queries, 10, allowed)):
        assert [vid for vid, _ in hits] == brute_force(ids, vectors, query, 10, allowed)
        assert len(hits) == 5
    assert vec.search_batch(queries, 10, []) == [[], [], [], []]
    assert vec.search_batch(queries, 0) == [[], [], [], []]
    vec.close()


@pytest.mark.parametrize("store", ENGINES)
def test_an_empty_store_answers_nothing(store, data, tmp_path):
    vec = fresh(store, tmp_path)
    assert len(vec) == 0 and vec.search_batch(data[2], 5) == [[], [], [], []]
    assert list(vec.export()) == []
    vec.close()


def test_export_moves_every_vector_between_engines(data, tmp_path):
    pytest.importorskip("qdrant_client")
    ids, vectors, queries = data
    faiss_vec = fresh("faiss", tmp_path / "a")
    faiss_vec.add(ids, vectors)
    qdrant_vec = fresh("qdrant+local://", tmp_path / "b")
    assert copy_vectors(faiss_vec, qdrant_vec, batch=64) == 400
    back = fresh("faiss", tmp_path / "c")
    assert copy_vectors(qdrant_vec, back, batch=70) == 400
    expected = faiss_vec.search_batch(queries, 10)
    for vec in (qdrant_vec, back):
        got = vec.search_batch(queries, 10)
        assert [[i for i, _ in row] for row in got] == [[i for i, _ in row] for row in expected]


# ---- generations: the index folder on each store ----

def publish(index: Path, store: str, add=((), None), remove=()) -> None:
    ids, vectors = add
    with IndexWriter(index, MODEL, lambda: DIM, store=store) as writer:
        writer.vectors.remove(list(remove))
        if len(ids):
            writer.vectors.add(list(ids), vectors)
        writer.publish()


def top_ids(index: Path, queries, k=5, store=None):
    reader = IndexReader(index, store=store)
    try:
        return len(reader.vectors), [[vid for vid, _ in hits] for hits in reader.vectors.search_batch(queries, k)]
    finally:
        reader.close()


CRASHING_INGEST = textwrap.dedent("""
    import sys
    import numpy as np
    from minutebook.ingest.storage.index import IndexWriter
    index, store, dim = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with IndexWriter(index, "test-model", lambda: dim, store=store) as writer:
        writer.vectors.remove(list(range(1, 201)))
        writer.vectors.add([1000], np.ones((1, dim), dtype="float32") / dim ** 0.5)
        writer.publish()  # MINUTEBOOK_CRASH_AT kills the process on the way
""")


# FAISS grows its generation in place (a transaction, new segment files, a merge when due, the
# commit); Qdrant copies it into a new generation and swaps the link.
CRASH_POINTS = [*[("faiss", p) for p in ("began", "vectors-saved", "merged", "linking")],
                *[pytest.param("qdrant+local://", p, id=f"qdrant-local-{p}") for p in ("copied", "vectors-saved", "linking")]]


@pytest.mark.parametrize("store,point", CRASH_POINTS)
def test_a_generation_survives_a_crash_of_the_next_ingest(store, point, data, tmp_path):
    ids, vectors, queries = data
    index = tmp_path / "index"
    publish(index, store, (ids, vectors))
    before = top_ids(index, queries)
    published = (index / "current").resolve()

    env = {**os.environ, "MINUTEBOOK_CRASH_AT": point}
    killed = subprocess.run([sys.executable, "-c", CRASHING_INGEST, str(index), store, str(DIM)], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=300)
    assert killed.returncode == -9, killed.stderr[-2000:]

    assert (index / "current").resolve() == published
    assert top_ids(index, queries) == before  # the published vectors are untouched
    publish(index, store, remove=[1])  # the next ingest sweeps what the crash left
    kept = {published.name, (index / "current").resolve().name}  # the one before stays for its readers
    assert {p.name for p in index.glob("gen-*")} == kept
    count, _ = top_ids(index, queries)
    assert count == 399
    assert json.loads((index / "current" / "meta.json").read_text())["store"] == canonical(store)


@pytest.mark.parametrize("store", ENGINES)
def test_an_ingest_that_publishes_nothing_leaves_no_generation(store, data, tmp_path):
    ids, vectors, queries = data
    index = tmp_path / "index"
    publish(index, store, (ids, vectors))
    with pytest.raises(RuntimeError):
        with IndexWriter(index, MODEL, lambda: DIM, store=store) as writer:
            writer.vectors.remove(ids[:100])
            raise RuntimeError("a failure before publish")
    assert len(list(index.glob("gen-*"))) == 1
    assert top_ids(index, queries)[0] == 400


def test_a_reader_opens_the_store_its_generation_was_built_with(data, tmp_path):
    pytest.importorskip("qdrant_client")
    ids, vectors, queries = data
    index = tmp_path / "index"
    publish(index, "faiss", (ids, vectors))
    assert top_ids(index, queries, store="qdrant+local://")[0] == 400  # the setting does not matter to a reader
    # Changing the setting moves the index at its next ingest: the vectors are copied across.
    publish(index, "qdrant+local://", remove=[400])
    current = index / "current"
    assert json.loads((current / "meta.json").read_text())["store"] == "qdrant+local://"
    assert (current / "qdrant").is_dir() and not (current / "segments").exists()
    expected = [brute_force(ids[:-1], vectors[:-1], query, 5) for query in queries]
    assert top_ids(index, queries, store="faiss") == (399, expected)
    publish(index, "faiss")  # and back
    assert any((current / "segments").glob("vec-*.faiss")) and top_ids(index, queries) == (399, expected)


class _SharedClient:
    """One local-mode client standing in for a cluster that every connection reaches."""

    def __init__(self, client):
        self._client = client
        self.indexed: list[str] = []  # payload fields indexed (local mode itself keeps no record)

    def __getattr__(self, name):
        return getattr(self._client, name)

    def create_payload_index(self, collection, field, **kw):
        self.indexed.append(field)
        return self._client.create_payload_index(collection, field, **kw)

    def close(self):
        """A connection closing does not stop the cluster."""


def test_the_cluster_code_keeps_collections_per_generation_and_sweeps_them(data, tmp_path, monkeypatch):
    pytest.importorskip("qdrant_client")
    from qdrant_client import QdrantClient

    from minutebook.ingest.storage import qdrant_store

    cluster = QdrantClient(path=str(tmp_path / "cluster"))
    made = []
    shared = _SharedClient(cluster)
    monkeypatch.setattr(qdrant_store, "_server_client", lambda spec: made.append(spec) or shared)
    monkeypatch.setenv("QDRANT_API_KEY", "secret-key")
    store = "qdrant://qdrant.example:6333?shards=2"
    ids, vectors, queries = data
    ids, vectors = ids[:100], vectors[:100]  # the stand-in cluster writes point by point
    index = tmp_path / "index"

    publish(index, store, (ids, vectors))
    gen1 = (index / "current").resolve()
    assert not (gen1 / "qdrant").exists()  # nothing in the folder: the vectors are on the cluster
    meta = json.loads((gen1 / "meta.json").read_text())
    assert meta["store"] == "qdrant://qdrant.example:6333?shards=2" and "secret" not in json.dumps(meta)
    assert made[0].host == "qdrant.example" and made[0].port == 6333 and made[0].shards == 2
    collections = lambda: sorted(c.name for c in cluster.get_collections().collections)  # noqa: E731
    assert collections() == [f"minutebook-{gen1.name}"]
    # Each collection is made for search in the cluster: BM25 vectors beside the embeddings, and
    # an index on every payload field that filters use.
    assert "bm25" in cluster.get_collection(f"minutebook-{gen1.name}").config.params.sparse_vectors
    assert set(shared.indexed) == {"board", "doc_type", "document_id", "restricted", "meeting_day"}
    before = top_ids(index, queries)
    assert before[0] == 100

    # An ingest that dies without running any cleanup (kill -9): its collection is left behind ...
    writer = IndexWriter(index, MODEL, lambda: DIM, store=store).__enter__()
    writer.vectors.remove(ids[:60])
    crashed = writer.dir.name
    writer._lock.close()  # the process is gone, and its lock with it
    assert collections() == sorted([f"minutebook-{gen1.name}", f"minutebook-{crashed}"])
    assert top_ids(index, queries) == before  # ... and the published collection is untouched
    # ... until the next ingest sweeps it; the published one goes once it is no longer current.
    publish(index, store, remove=[1])
    gen3 = (index / "current").resolve()
    assert collections() == sorted([f"minutebook-{gen1.name}", f"minutebook-{gen3.name}"])
    publish(index, store, remove=[2])
    assert f"minutebook-{gen1.name}" not in collections() and len(collections()) == 2
    assert top_ids(index, queries)[0] == 98
    # A reader reaching the cluster under another name uses the setting's address.
    top_ids(index, queries, store="qdrant://10.0.0.5:6333")
    assert made[-1].host == "10.0.0.5"
    cluster.close()


def test_store_urls():
    pytest.importorskip("qdrant_client")
    assert canonical("faiss") == "faiss"
    assert canonical("qdrant+local://") == canonical("qdrant+local") == "qdrant+local://"
    assert canonical("qdrant://db.internal") == "qdrant://db.internal:6333"
    assert canonical("qdrants://x.cloud.qdrant.io:6333/?replicas=2") == "qdrants://x.cloud.qdrant.io:6333?replicas=2"
    for bad in ("milvus://h:19530", "qdrant://user:key@h:6333", "qdrant://h:port", "qdrant://h:6333?foo=1",
                "qdrant+local:///tmp/x", "qdrant://"):
        with pytest.raises(MinutebookError, match="MINUTEBOOK_STORE"):
            canonical(bad)
    assert resolve("qdrant://a:6333", "qdrant://b:6333") == "qdrant://b:6333"
    assert resolve("qdrant://a:6333", "faiss") == "qdrant://a:6333"
    assert resolve("qdrant+local://", "qdrant://b:6333") == "qdrant+local://"
    assert resolve(None, "qdrant://b:6333") == "faiss"  # an index from before stores were recorded


def test_the_setting_defaults_to_faiss_and_reads_minutebook_store(monkeypatch):
    from minutebook.ingest.settings import Settings

    monkeypatch.delenv("MINUTEBOOK_STORE", raising=False)
    assert Settings().store == "faiss"
    assert Settings.from_env({"MINUTEBOOK_STORE": "qdrant://h:1"}).store == "qdrant://h:1"
    monkeypatch.setenv("MINUTEBOOK_STORE", "qdrant+local://")
    assert Settings().store == Settings.from_env().store == "qdrant+local://"
    assert Settings.from_env({}).store == "faiss"


def test_the_suite_runs_on_the_store_it_was_asked_for(corpus_index):
    """`make test-qdrant` is only worth its name if the shared indexes really are on Qdrant."""
    meta = json.loads((corpus_index.index / "current" / "meta.json").read_text())
    assert meta["store"] == canonical(os.environ.get("MINUTEBOOK_STORE") or "faiss") == canonical(corpus_index.store)


def test_a_large_faiss_index_is_searched_through_an_hnsw_graph_and_a_small_one_exactly(data, tmp_path):
    ids, vectors, queries = data
    index = tmp_path / "index"
    with IndexWriter(index, MODEL, lambda: DIM, store="faiss", hnsw_above=100) as writer:
        writer.vectors.add(ids, vectors)
        writer.publish()
    reader = IndexReader(index, store="faiss")
    try:
        assert reader.vectors.graph is not None
        got = [[vid for vid, _ in row] for row in reader.vectors.search_batch(queries, 5)]
        # Approximate, but on 400 vectors the graph finds the exact best match of every query.
        assert [row[0] for row in got] == [brute_force(ids, vectors, q, 1)[0] for q in queries]
        allowed = ids[::2]
        assert [vid for vid, _ in reader.vectors.search_batch(queries[:1], 5, allowed)[0]] == \
            brute_force(ids, vectors, queries[0], 5, allowed)
    finally:
        reader.close()
    with IndexWriter(index, MODEL, lambda: DIM, store="faiss", hnsw_above=100) as writer:
        writer.vectors.remove(ids[100:])
        writer.publish()
    n, got = top_ids(index, queries, store="faiss")
    assert n == 100 and not (index / "current" / "vectors.hnsw").exists()
    assert got == [brute_force(ids[:100], vectors[:100], q, 5) for q in queries]


def test_a_reader_holds_a_large_index_once_and_filtered_searches_stay_exact_after_it_grows(data, tmp_path):
    """Above the HNSW line a reader keeps one copy of the vectors (the graph's): at 1M chunks two
    copies were 3 GB. A board filter is still searched exactly, and papers removed since the graph
    was built never come back."""
    ids, vectors, queries = data
    index = tmp_path / "index"
    with IndexWriter(index, MODEL, lambda: DIM, store="faiss", hnsw_above=100) as writer:
        writer.vectors.add(ids[:380], vectors[:380])
        writer.publish()
    removed = [int(i) for i in ids[:40:2]]
    with IndexWriter(index, MODEL, lambda: DIM, store="faiss", hnsw_above=100, merge_segments=5) as writer:
        writer.vectors.add(ids[380:], vectors[380:])  # a later segment, kept beside the graph
        writer.vectors.remove(removed)
        writer.publish()
    live = [i for i in range(len(ids)) if int(ids[i]) not in removed]
    reader = IndexReader(index, store="faiss")
    try:
        held = reader.vectors
        assert held.graph is not None and held.shared and len(held) == len(live)
        allowed = [int(ids[i]) for i in live[::3]] + removed[:3]  # a stale id in a filter is not returned
        for q in queries:
            got = [vid for vid, _ in held.search_batch(q[None, :], 5, allowed)[0]]
            assert got == brute_force([ids[i] for i in live], vectors[live], q, 5, allowed)
            assert not set(vid for vid, _ in held.search_batch(q[None, :], 20)[0]) & set(removed)
    finally:
        reader.close()


# ---- keyword search and filters inside Qdrant (ingest/storage/qdrant_search.py) ----

def test_qdrant_keyword_scores_are_minutebooks_bm25(tmp_path):
    """The sparse vectors hold BM25 without idf; Qdrant's IDF modifier adds it back, so a question
    ranks chunks in Qdrant exactly as lexical.py ranks them."""
    pytest.importorskip("qdrant_client")
    from qdrant_client import QdrantClient, models

    from minutebook.ingest.storage import lexical
    from minutebook.ingest.storage import qdrant_search

    rows = minutes_rows()
    assert len(rows) > 30
    bm25 = lexical.build(rows)
    client = QdrantClient(path=str(tmp_path / "q"))
    client.create_collection("c", vectors_config={}, sparse_vectors_config=qdrant_search.SPARSE_CONFIG)
    client.upsert("c", points=[models.PointStruct(id=vid, vector={qdrant_search.SPARSE: sparse})
                               for vid, sparse in qdrant_search.document_vectors(bm25)])
    for question in ("rent arrears of council tenants", "who chaired the scrutiny meeting",
                     "anti-social behaviour in the town centre", "resolved to approve the budget"):
        expected = bm25.search(question, 10)
        assert expected, question
        got = client.query_points("c", query=qdrant_search.query_vector(question), using=qdrant_search.SPARSE,
                                  limit=10).points
        assert [round(p.score, 3) for p in got] == [round(s, 3) for _, s in expected], question
        assert {p.id for p in got} == {vid for vid, _ in expected}
    assert qdrant_search.query_vector("what is the of the") is None  # stop words only: no keyword search
    client.close()


def test_filters_become_payload_conditions_never_chunk_ids():
    pytest.importorskip("qdrant_client")
    from minutebook.ingest.storage.qdrant_search import payload_filter
    from minutebook.ingest.filters import Filters

    flt = payload_filter(Filters(board="scrutiny", since="2023-01-01", until="2024-12-31", doc_type="minutes"),
                         ["Scrutiny Commission", "Health Scrutiny Committee"])
    sent = flt.model_dump_json(exclude_none=True)
    assert "has_id" not in sent
    conditions = {c.key: c for c in flt.must}
    assert conditions["board"].match.any == ["Scrutiny Commission", "Health Scrutiny Committee"]
    assert (conditions["meeting_day"].range.gte, conditions["meeting_day"].range.lte) == (20230101, 20241231)
    assert conditions["doc_type"].match.value == "minutes" and conditions["restricted"].match.value is False
    assert payload_filter(Filters(include_restricted=True), None) is None  # nothing to filter
