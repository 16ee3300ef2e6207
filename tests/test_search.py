"""A member searches the papers by meaning and keyword, with filters, from Python and the CLI."""
from __future__ import annotations

import json

import pytest

from minutebook.assistant.cli import main
from minutebook.assistant.cli_args import build_parser
from minutebook.assistant.retriever import as_retriever
from minutebook.assistant.service import Minutebook
from minutebook.assistant.search import Searcher
from conftest import CORPUS, PACK_2024
from minutebook.ingest.errors import BadInput
from minutebook.ingest.filters import Filters


@pytest.fixture(scope="module")
def searcher(corpus_index, embedder):
    s = Searcher(corpus_index, embedder)
    yield s
    s.close()


def test_motorcyclist_course_finds_biker_down_in_the_december_2023_minutes(searcher):
    hit = searcher.search("free course for motorcyclists")[0]
    assert hit.source == PACK_2024
    assert hit.chunk.doc_type == "minutes" and hit.chunk.meeting_date == "2023-12-15"
    assert "Biker Down" in hit.chunk.text and hit.chunk.page == 8


def test_a_question_naming_the_meeting_finds_that_meetings_paper(searcher):
    # The scrutiny report's pages never say "November 2024" near the text; the meeting does.
    hit = searcher.search("community safety update at the Scrutiny Commission in November 2024")[0]
    assert hit.chunk.meeting_date == "2024-11-06" and hit.chunk.board == "Scrutiny Commission"


def test_an_index_made_before_meetings_were_searchable_gains_them_and_loses_nothing(index_copy, embedder):
    import sqlite3

    from minutebook.ingest.storage.index_reader import current_dir
    from minutebook.ingest.pipeline import ingest

    db = current_dir(index_copy.index) / "minutebook.db"
    with sqlite3.connect(db) as conn:  # the schema of the first release: no `context` column
        conn.execute("DROP TABLE chunks_fts")
        conn.execute("ALTER TABLE chunks DROP COLUMN context")
        conn.execute("CREATE VIRTUAL TABLE chunks_fts USING fts5(text, heading, title, content='chunks',"
                     " content_rowid='vector_id', tokenize='porter unicode61')")
        conn.execute("INSERT INTO chunks_fts (chunks_fts) VALUES ('rebuild')")
        conn.execute("PRAGMA user_version = 0")  # no release before numbered migrations recorded one
        chunks = conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
    ingest([CORPUS.parent / "tests" / "fixtures" / "minutes" / "southvale_csp.txt"], index_copy, embedder)
    s = Searcher(index_copy, embedder)
    try:
        hit = s.search("community safety update at the Scrutiny Commission in November 2024")[0]
        assert hit.chunk.meeting_date == "2024-11-06"
        assert s.search("free course for motorcyclists")[0].chunk.page == 8
        assert s.reader.store.counts()["chunks"] > chunks
    finally:
        s.close()


def test_filters_narrow_by_board_date_and_type(searcher):
    for hit in searcher.search("community safety strategy", k=10, filters=Filters(board="cabinet")):
        assert hit.chunk.board == "Cabinet"
    dated = searcher.search("anti-social behaviour", k=10, filters=Filters(since="2023-01-01", until="2023-12-31"))
    assert dated and all(h.chunk.meeting_date.startswith("2023") for h in dated)
    minutes = searcher.search("performance", k=10, filters=Filters(doc_type="minutes"))
    assert minutes and all(h.chunk.doc_type == "minutes" for h in minutes)
    assert searcher.search("performance", filters=Filters(board="no such board")) == []


@pytest.mark.parametrize("mode", ["hybrid", "bm25", "dense"])
def test_restricted_pages_stay_out_of_results_unless_asked_for(searcher, mode):
    hits = searcher.search("Document is Restricted Schedule 12A", k=20, mode=mode)
    assert hits and all(not h.chunk.restricted for h in hits)
    hits = searcher.search("Document is Restricted Schedule 12A", k=20, filters=Filters(include_restricted=True),
                           mode=mode)
    assert any(h.chunk.restricted for h in hits)


def test_rank_fusion_can_be_chosen_and_a_misspelt_fusion_is_named(corpus_index, embedder, searcher):
    import dataclasses

    assert searcher.search("free course for motorcyclists")[0].score >= 1
    s = Searcher(dataclasses.replace(corpus_index, fusion="rrf"), embedder)
    try:
        hit = s.search("free course for motorcyclists")[0]
        # Reciprocal ranks sum to under 1; fused scores give the best keyword hit 1 before meaning.
        assert "Biker Down" in hit.chunk.text and 0 < hit.score < 1
    finally:
        s.close()
    with pytest.raises(BadInput, match="MINUTEBOOK_FUSION='rff'"):
        Searcher(dataclasses.replace(corpus_index, fusion="rff"), embedder)


@pytest.mark.parametrize("mode", ["hybrid", "bm25"])
def test_a_scheme_named_once_is_found_where_the_report_calls_it_the_project(searcher, mode):
    # Page 13 names "The Hope Project"; page 14 says when "the project" starts and ends.
    hit = searcher.search("When does the Hope Project start and how long will it run?", mode=mode)[0]
    assert hit.chunk.page == 14 and "commence in January 2019" in " ".join(hit.chunk.text.split())


def test_a_question_naming_a_month_finds_that_months_figures_not_another_years(searcher):
    # The 2024 pack's youth justice figures share the question's words; only 2018's say "June 2018".
    q = "How many young people aged 10 to 17 entered the criminal justice system for the first time between April and June 2018?"
    hit = searcher.search(q)[0]
    assert hit.chunk.page == 18 and "June 2018" in " ".join(hit.chunk.text.split())


def test_keyword_search_finds_a_word_in_another_form(searcher):
    # "motorcyclist" is only in the papers as "motorcyclists", "resolves" as "resolved".
    hit = searcher.search("motorcyclist course", mode="bm25")[0]
    assert "Biker Down" in hit.chunk.text


def test_an_index_made_before_the_bm25_arrays_gains_them_when_first_opened(index_copy, embedder):
    import sqlite3

    from conftest import older_layout
    from minutebook.ingest.storage.index_reader import current_dir
    from minutebook.ingest.storage.lexical import FILE

    older_layout(index_copy.index)  # the release before segments
    gen = current_dir(index_copy.index)
    (gen / FILE).unlink()  # and before keyword search's own arrays
    with sqlite3.connect(gen / "minutebook.db") as conn:
        conn.execute("PRAGMA user_version = 7")  # (older_layout leaves a Qdrant index's database as it is)
    s = Searcher(index_copy, embedder)
    try:
        assert (gen / FILE).exists()  # built by the upgrade, once, not at every search
        assert "Biker Down" in s.search("free course for motorcyclists", mode="bm25")[0].chunk.text
    finally:
        s.close()


def test_bad_filter_values_get_a_clear_message(searcher):
    with pytest.raises(BadInput, match="YYYY-MM-DD"):
        searcher.search("x", filters=Filters(since="last week"))
    with pytest.raises(BadInput, match="section type"):
        searcher.search("x", filters=Filters(doc_type="memo"))


def test_langchain_retriever_returns_documents_with_citations(corpus_index, embedder):
    with Minutebook(corpus_index, embedder) as book:
        docs = as_retriever(book, k=3).invoke("Warning Zone school visits")
    assert len(docs) == 3
    assert {"source", "page", "meeting_date", "board"} <= set(docs[0].metadata)


def test_cli_search_json_contract(corpus_index, capsys):
    code = main(["search", "Warning Zone", "--index", str(corpus_index.index), "--json", "-k", "3"])
    assert code == 0
    hits = json.loads(capsys.readouterr().out)
    assert len(hits) == 3
    assert {"chunk_id", "source", "title", "section", "doc_type", "board", "meeting_date",
            "page", "text", "score", "sources", "ocr", "snippet"} == set(hits[0])
    assert hits[0]["score"] >= hits[1]["score"] >= hits[2]["score"]
    for hit in hits:  # `text` is the whole chunk; `snippet` the part of it the text output shows
        assert hit["snippet"] in " ".join(hit["text"].split()) and len(hit["snippet"]) <= 300


def test_a_search_shows_the_sentence_that_matched_not_the_start_of_the_passage(corpus_index, capsys):
    assert main(["search", "free course for motorcyclists", "--index", str(corpus_index.index), "-k", "1"]) == 0
    out = capsys.readouterr().out
    assert "   (iv) Biker Down was a free 3-hour course for bikers" in out
    assert "15 December 2023, minutes]" in out  # the meeting's date in words, as everywhere else


def test_cli_without_an_index_says_how_to_make_one(tmp_path, capsys):
    code = main(["search", "anything", "--index", str(tmp_path / "nowhere")])
    err = capsys.readouterr().err
    assert code == 2 and "minutebook ingest" in err and len(err.strip().splitlines()) == 1


def test_every_command_has_help_text():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    helps = {a.dest: a.help for a in sub._choices_actions}
    assert set(helps) == set(sub.choices)
    for name, sub_parser in sub.choices.items():
        assert helps[name], name
        for action in sub_parser._actions:
            assert action.help, f"{name} {action.dest}"


# ---- on a Qdrant store, search and its filters run inside Qdrant ----

def _moved(corpus_index, tmp_path, store: str):
    """A copy of the sample index whose next generation is on `store` (the vectors are copied across)."""
    import dataclasses
    import shutil

    from minutebook.ingest.storage.index import IndexWriter

    target = tmp_path / store.split(":")[0].replace("+", "-")
    shutil.copytree(corpus_index.index, target, symlinks=True)
    for _ in range(2):  # the second generation is copied from the first on the same store
        with IndexWriter(target, corpus_index.embed_model, lambda: 0, store=store) as writer:
            writer.publish()
    return dataclasses.replace(corpus_index, index=target, store=store)


class _Recording:
    """A real local-mode client that notes every query it is sent."""

    def __init__(self, client, sent: list):
        self._client, self._sent = client, sent

    def __getattr__(self, name):
        return getattr(self._client, name)

    def query_batch_points(self, collection, requests, **kw):
        self._sent.extend(requests)
        return self._client.query_batch_points(collection, requests=requests, **kw)


def test_on_qdrant_a_filtered_search_sends_conditions_not_chunk_ids_and_finds_what_faiss_finds(
        corpus_index, embedder, tmp_path, monkeypatch):
    pytest.importorskip("qdrant_client")
    from minutebook.ingest.storage import qdrant_store

    sent: list = []
    opened = qdrant_store._open_local
    monkeypatch.setattr(qdrant_store, "_open_local", lambda path: _Recording(opened(path), sent))
    on_faiss = Searcher(_moved(corpus_index, tmp_path, "faiss"), embedder)
    on_qdrant = Searcher(_moved(corpus_index, tmp_path, "qdrant+local://"), embedder)
    try:
        assert on_qdrant.reader.vectors.searches_keywords
        wanted = Filters(board="scrutiny", since="2017-01-01", until="2024-11-30")
        for mode in ("hybrid", "bm25", "dense"):
            sent.clear()
            hits = on_qdrant.search("community safety partnership priorities", k=8, filters=wanted, mode=mode)
            assert hits and all("Scrutiny" in h.chunk.board and "2017-01-01" <= h.chunk.meeting_date <= "2024-11-30"
                                and not h.chunk.restricted for h in hits)
            assert sent and not any("has_id" in r.model_dump_json(exclude_none=True) for r in sent)
            assert len(" ".join(r.model_dump_json() for r in sent)) < 50_000  # no list growing with the archive
            faiss_hits = on_faiss.search("community safety partnership priorities", k=8, filters=wanted, mode=mode)
            assert [h.chunk.id for h in hits] == [h.chunk.id for h in faiss_hits]
            assert [round(h.score, 4) for h in hits] == [round(h.score, 4) for h in faiss_hits]
        minutes = on_qdrant.search("performance", k=10, filters=Filters(doc_type="minutes"))
        assert minutes and all(h.chunk.doc_type == "minutes" for h in minutes)
        assert on_qdrant.search("performance", filters=Filters(board="no such board")) == []
    finally:
        on_faiss.close()
        on_qdrant.close()


def test_who_chaired_a_meeting_named_by_its_date_finds_that_meetings_attendance_first(searcher):
    # "Chair" is on most pages of the minutes; the chair is named where the minutes open.
    hit = searcher.search("Who chaired the Board meeting held on 15 December 2023?")[0]
    assert hit.chunk.doc_type == "minutes" and hit.chunk.meeting_date == "2023-12-15"
    assert "in the Chair" in hit.chunk.text and hit.chunk.page == 3



def test_a_proposer_at_the_foot_of_a_page_is_found_with_the_amendment_overleaf(index_copy, embedder):
    # "Councillor Okafor proposed ... the following amendment:" ends page 1; what the amendment
    # says is on page 2. Asked who moved it, the user sees both halves, not only the amendment.
    from minutebook.ingest.pipeline import ingest

    ingest([CORPUS.parent / "tests" / "fixtures" / "minutes" / "westmere_page_break.txt"], index_copy, embedder)
    s = Searcher(index_copy, embedder)
    try:
        hits = s.search("Who moved raising the Riverside car park charges?", k=3)
        pages = [(h.source, h.chunk.page) for h in hits[:2]]
        assert pages == [("westmere_page_break.txt", 2), ("westmere_page_break.txt", 1)]
        assert "Councillor Okafor proposed" in hits[1].chunk.text
    finally:
        s.close()
