"""An index grows in place: each ingest adds a segment instead of copying the index, and nothing a
user sees changes: keyword scores are a build from scratch's, readers keep the state they opened,
and an index in the older layout (one vectors.faiss, one lexical.npz) opens and moves over."""
from __future__ import annotations

import sqlite3

import numpy as np
import pytest

from conftest import CORPUS, minutes_rows, older_layout
from minutebook.ingest.storage import lexical
from minutebook.ingest.storage import segments
from minutebook.ingest.storage.index import IndexWriter
from minutebook.ingest.storage.index_reader import IndexReader, current_dir, version

DIM = 16
MODEL = "test-model"


def test_keyword_scores_over_segments_are_those_of_one_index_built_from_scratch():
    rows = minutes_rows()
    third = len(rows) // 3
    # three ingests: most papers, then more, then a meeting filled in on a few early chunks
    refiled = [(vid, text, heading, title, "Planning Committee 3 March 2025") for vid, text, heading, title, _ in rows[5:12]]
    removed = np.array([r[0] for r in rows[20:30]] + [rows[third + 3][0]], dtype="int64")
    parts = [lexical.count(rows[:third]), lexical.count(rows[third:]), lexical.count(refiled)]
    grown = lexical.weigh(segments.combine(parts, removed), lazy=True)  # as a reader weighs them

    final = {r[0]: r for r in rows} | {r[0]: r for r in refiled}
    for vid in removed:
        del final[int(vid)]
    scratch = lexical.build([final[v] for v in sorted(final)])
    assert grown.vector_ids.tolist() == scratch.vector_ids.tolist()
    questions = ("who seconded the motion on the budget", "Planning Committee March 2025", "allotments",
                 "community safety partnership priorities")
    for question in questions:
        assert grown.search(question, 10) == scratch.search(question, 10)

    # papers only added since the first segment (the usual case between merges)
    added = lexical.weigh(segments.combine([lexical.count(rows[:third]), lexical.count(rows[third:2 * third]),
                                            lexical.count(rows[2 * third:])], np.array([], dtype="int64")))
    whole = lexical.build(rows)
    assert added.vector_ids.tolist() == whole.vector_ids.tolist()
    assert np.array_equal(added.indptr, whole.indptr) and np.array_equal(added.rows, whole.rows)
    assert np.array_equal(added.weights, whole.weights)
    for question in questions:
        assert added.search(question, 10) == whole.search(question, 10)


def test_a_reader_searches_added_segments_where_they_lie_with_the_scores_of_one_index(tmp_path):
    """Between merges a reader does not merge the segments' postings into new arrays (at 1M chunks
    that held a second 1.2 GB): the keyword scores are still those of one index built from scratch."""
    rows = minutes_rows()
    third = len(rows) // 3
    gen = tmp_path / "gen"
    gen.mkdir()
    names = [segments.write_postings(gen, lexical.count(part)) for part in (rows[:third], rows[third:2 * third],
                                                                            rows[2 * third:])]
    snap = segments.Snapshot({segments.VECTORS: [], segments.LEXICAL: names}, {}, np.array([], dtype="int64"), None)
    read = segments.load_lexical(gen, snap)
    assert isinstance(read, lexical.Appended)
    whole = lexical.build(rows)
    assert read.vector_ids.tolist() == whole.vector_ids.tolist()
    for question in ("who seconded the motion on the budget", "allotments", "community safety partnership priorities",
                     "Planning Committee March 2025"):
        assert read.search(question, 10) == whole.search(question, 10)
        keep = read.mask([r[0] for r in rows[::3]], keep=True)
        assert read.search(question, 10, keep) == whole.search(question, 10, keep)
    # how rare an answer's words are (assistant/answering.py) is counted the same way too
    assert all(read.frequency(t) == whole.frequency(t) > 0 for t in ("budget", "communiti", "safeti", "partnership"))


def unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype("float32")


def _ingest(index, add=None, remove=(), crash=None, merge_segments=8):
    with IndexWriter(index, MODEL, lambda: DIM, store="faiss", merge_segments=merge_segments) as writer:
        writer.vectors.remove(list(remove))
        if add is not None:
            writer.vectors.add(*add)
        writer.publish()


def _state(index) -> tuple[int, list[int]]:
    reader = IndexReader(index, store="faiss")
    try:
        return len(reader.vectors), sorted(segments.vector_ids(reader.vectors).tolist())
    finally:
        reader.close()


def test_each_ingest_adds_a_segment_in_the_same_generation_and_merges_past_the_threshold(tmp_path):
    rng = np.random.default_rng(3)
    index = tmp_path / "index"
    _ingest(index, (list(range(1, 101)), unit(rng.normal(size=(100, DIM)))))
    gen = current_dir(index)
    before = version(index)
    _ingest(index, ([101, 102], unit(rng.normal(size=(2, DIM)))), remove=[5])
    assert current_dir(index) == gen and version(index) != before  # grown in place, and seen to change
    assert _state(index) == (101, [i for i in range(1, 103) if i != 5])
    assert len(list((gen / segments.FOLDER).glob("vec-*"))) == 2

    for n in range(2):  # the ingest that makes a third later segment merges them all into one
        _ingest(index, ([200 + n], unit(rng.normal(size=(1, DIM)))), merge_segments=2)
    assert _state(index)[0] == 103
    reader = IndexReader(index, store="faiss")
    snap = reader._snapshot
    reader.close()
    assert len(snap.files[segments.VECTORS]) == 1 and not len(snap.removed)  # 5 is gone from the files too


def test_a_reader_keeps_the_state_it_opened_while_an_ingest_runs_and_commits(tmp_path):
    rng = np.random.default_rng(4)
    index = tmp_path / "index"
    vectors = unit(rng.normal(size=(50, DIM)))
    _ingest(index, (list(range(1, 51)), vectors))
    with IndexWriter(index, MODEL, lambda: DIM, store="faiss") as writer:
        writer.vectors.remove(list(range(1, 26)))
        writer.vectors.add([51], vectors[:1])
        during = IndexReader(index, store="faiss")  # the writer's transaction is open
        writer.publish()
    # read after the commit, its vectors are still those of the state it opened
    assert len(during.vectors) == 50 and during.vectors.search_batch(vectors[:1], 1)[0][0][0] == 1
    during.close()
    assert _state(index)[0] == 26


def test_a_failed_ingest_leaves_no_segment_and_no_change(tmp_path):
    rng = np.random.default_rng(5)
    index = tmp_path / "index"
    _ingest(index, (list(range(1, 11)), unit(rng.normal(size=(10, DIM)))))
    files = sorted(p.name for p in (current_dir(index) / segments.FOLDER).iterdir())
    with pytest.raises(RuntimeError):
        with IndexWriter(index, MODEL, lambda: DIM, store="faiss") as writer:
            writer.vectors.remove([1, 2])
            writer.vectors.add([11], unit(rng.normal(size=(1, DIM))))
            writer.store.log_ingest(added=1, replaced=0, unchanged=0, skipped=0, removed=2)
            raise RuntimeError("a failure before the commit")
    assert sorted(p.name for p in (current_dir(index) / segments.FOLDER).iterdir()) == files
    assert _state(index) == (10, list(range(1, 11)))


def test_a_stray_commit_inside_an_ingest_fails_instead_of_publishing_half(tmp_path):
    index = tmp_path / "index"
    _ingest(index, ([1], unit(np.ones((1, DIM)))))
    with pytest.raises(sqlite3.DatabaseError):
        with IndexWriter(index, MODEL, lambda: DIM, store="faiss") as writer:
            writer.store.log_ingest(added=1, replaced=0, unchanged=0, skipped=0, removed=0)
            with writer.store.db.conn:  # commits on leaving: what a helper must never do mid-ingest
                writer.store.db.execute("DELETE FROM ingest_log")
    conn = sqlite3.connect(current_dir(index) / "minutebook.db")
    assert conn.execute("SELECT count(*) FROM ingest_log").fetchone()[0] == 0  # the first ingest logged nothing here


def test_an_index_in_the_older_layout_is_searched_and_its_next_ingest_moves_it_to_segments(index_copy, embedder):
    from minutebook.assistant.search import Searcher
    from minutebook.ingest.pipeline import ingest

    older_layout(index_copy.index)
    old = current_dir(index_copy.index)
    s = Searcher(index_copy, embedder)
    assert "Biker Down" in s.search("free course for motorcyclists")[0].chunk.text
    chunks = s.reader.store.counts()["chunks"]
    s.close()

    ingest([CORPUS.parent / "tests" / "fixtures" / "minutes" / "southvale_csp.txt"], index_copy, embedder)
    new = current_dir(index_copy.index)
    assert new != old and any((new / segments.FOLDER).glob("lex-*.npz")) and not (new / "vectors.faiss").exists()
    s = Searcher(index_copy, embedder)
    try:
        assert "Biker Down" in s.search("free course for motorcyclists")[0].chunk.text
        assert s.search("Southvale community safety partnership", k=3)[0].source == "southvale_csp.txt"
        assert len(s.reader.vectors) == s.reader.store.counts()["chunks"] > chunks
    finally:
        s.close()
