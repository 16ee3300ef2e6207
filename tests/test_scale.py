"""The pieces the benchmark leans on: the embedding cache, the filter fast path, the synthetic archive."""
from __future__ import annotations

import numpy as np

from minutebook.assistant.search import Searcher
from minutebook.ingest.embedding.cache import CachedEmbedder, cache_path, with_cache
from minutebook.ingest.filters import Filters
from minutebook.ingest.pipeline import ingest
from minutebook.ingest.settings import Settings


class CountingEmbedder:
    """Stands in for the model: counts what it is asked to embed."""

    name = "counting"
    batch_size = 4
    dim = 3

    def __init__(self):
        self.seen: list[str] = []

    def embed_batch(self, texts, progress=None):
        self.seen += texts
        if progress:
            progress(len(texts))
        return np.array([[len(t), 1.0, 0.0] for t in texts], dtype="float32")


def test_the_cache_embeds_each_distinct_text_once_and_keeps_the_order(tmp_path):
    model = CountingEmbedder()
    cache = CachedEmbedder(model, tmp_path / "cache.sqlite")
    first = cache.embed_batch(["aa", "b", "aa", "cccc"])
    assert model.seen == ["aa", "b", "cccc"]
    assert first[:, 0].tolist() == [2, 1, 2, 4]
    done = []
    again = cache.embed_batch(["cccc", "dd", "b"], progress=done.append)
    assert model.seen[3:] == ["dd"] and sum(done) == 3
    assert again[:, 0].tolist() == [4, 2, 1]
    cache.close()
    reopened = CachedEmbedder(CountingEmbedder(), tmp_path / "cache.sqlite")  # it persists
    reopened.embed_batch(["aa", "dd"])
    assert reopened.inner.seen == [] and reopened.hits == 2
    reopened.close()


def test_the_cache_lives_beside_the_index_unless_moved_or_off(tmp_path):
    def setting(environ: dict) -> str:
        return Settings.from_env(environ).embed_cache

    assert cache_path(tmp_path / "index", setting({})) == tmp_path / "index" / "embed-cache.sqlite"
    assert cache_path(tmp_path / "index", setting({"MINUTEBOOK_EMBED_CACHE": str(tmp_path / "c.db")})) == tmp_path / "c.db"
    assert cache_path(tmp_path / "index", setting({"MINUTEBOOK_EMBED_CACHE": "off"})) is None
    model = CountingEmbedder()
    assert with_cache(model, tmp_path, setting({"MINUTEBOOK_EMBED_CACHE": "off"})) is model


def test_a_re_ingest_into_a_new_index_embeds_nothing_again(tmp_path, embedder):
    cache = str(tmp_path / "cache.sqlite")  # MINUTEBOOK_EMBED_CACHE: one cache for both indexes
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "a.txt").write_text("Safer Communities Strategy Board\nThe board noted the hate crime strategy.\f"
                                  "Motorcyclists can book a free Biker Down course.")
    first = ingest([papers], Settings(index=tmp_path / "one", embed_cache=cache), embedder)

    class NoModel(CountingEmbedder):
        name = embedder.name
        dim = embedder.dim

    spy = NoModel()
    second = ingest([papers], Settings(index=tmp_path / "two", embed_cache=cache), spy)
    assert spy.seen == [] and second.chunks == first.chunks > 0


def test_the_filter_fast_path_finds_what_the_id_selector_finds(corpus_index, embedder):
    searcher = Searcher(corpus_index, embedder)
    store, vectors = searcher.reader.store, searcher.reader.vectors
    vecs = searcher.embedder.embed_batch(["hate crime strategy", "road traffic collisions", "probation update"])
    filters = [Filters(), Filters(include_restricted=True), Filters(board="safer communities"),
               Filters(since="2020-01-01", doc_type="minutes"), Filters(board="no such board")]
    forms = set()
    for f in filters:
        found = store.filter_ids(f)
        forms.add(found and found[0])
        expected = vectors.search_batch(vecs, 20, store.allowed_ids(f))
        assert [[vid for vid, _ in row] for row in searcher._dense(vecs, 20, f)] == \
               [[vid for vid, _ in row] for row in expected]
    assert forms == {None, "exclude", "allow"}  # every path was taken
    searcher.close()


def test_the_synthetic_archive_moves_places_and_years_together():
    from evals.bench.archive import Variant, rewrite

    v = Variant("Derbyshire", "Derby", "Peak", 5)
    text = "Leicestershire and Rutland Safer Communities Strategy Board, 22 March 2024; Q2 2018/19; Leicester City"
    assert rewrite(text, v) == "Derbyshire and Peak Safer Communities Strategy Board, 22 March 2019; Q2 2013/14; Derby City"
    assert rewrite("The meeting noted the report.", v) == "The meeting noted the report."
