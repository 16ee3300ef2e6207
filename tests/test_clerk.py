"""Answering as a clerk would: latest position first, a topic's timeline, official references."""
from __future__ import annotations

import json

import pytest

from minutebook.assistant.answering import Assistant
from minutebook.assistant.cli import main
from conftest import PACK_2018
from evals.answers import quote_on_page


@pytest.fixture(scope="module")
def assistant(corpus_index, embedder):
    a = Assistant(corpus_index, embedder)
    yield a
    a.close()


def test_latest_position_on_sentinel_leads_with_the_2024_decision_dated_before_any_older_mention(assistant):
    ans = assistant.ask("What is the latest position on the Sentinel system?")
    assert ans.text.startswith("Most recently, on ")
    dates = [c.meeting_date for c in ans.citations]
    assert dates == sorted(dates, reverse=True) and dates[0].startswith("2024")
    first_2024_decision = next(i for i, c in enumerate(ans.citations)
                               if "procure" in c.quote and c.meeting_date.startswith("2024"))
    older = [i for i, c in enumerate(ans.citations) if c.meeting_date < "2019"]
    assert all(first_2024_decision < i for i in older)
    assert ans.as_of == dates[0]
    for c in ans.citations:
        assert quote_on_page(c.source, c.page, c.quote)


def test_timeline_of_sentinel_lists_dated_events_from_three_papers_oldest_first(corpus_index, capsys):
    assert main(["timeline", "Sentinel", "--index", str(corpus_index.index), "--json"]) == 0
    events = json.loads(capsys.readouterr().out)
    dates = [e["meeting_date"] for e in events]
    assert len(events) >= 4 and all(dates) and dates == sorted(dates)
    assert len({e["source"] for e in events}) >= 3
    assert dates[0].startswith("2018") and dates[-1].startswith("2024")
    for e in events:
        assert "Sentinel" in e["quote"] and quote_on_page(e["source"], e["page"], e["quote"])


def test_citations_name_the_paper_as_a_clerk_would(assistant):
    ans = assistant.ask("What did the Board resolve about the Strategic Partnership Board update in October 2018?")
    ref = ans.citations[0].reference
    assert ref == "Minute 24, Leicestershire Safer Communities Strategy Board, 1 October 2018, p. 7"
    ans = assistant.ask("What did the Board agree about developing the Community Safety Agreement in October 2018?")
    parts = [c.reference for c in ans.citations if c.source == PACK_2018]
    assert any(r.startswith("Minute 21") for r in parts)


def test_ask_json_carries_as_of_and_references(corpus_index, capsys):
    main(["ask", "How many schools visited Warning Zone between October and December 2023?",
          "--index", str(corpus_index.index), "--json"])
    out = json.loads(capsys.readouterr().out)
    assert out["as_of"] == "2024-03-22"
    assert out["citations"][0]["reference"].endswith("22 March 2024, p. 54")


def test_a_report_ingested_in_its_pack_and_alone_appears_once_with_both_sources(index_copy, tmp_path, embedder):
    from pypdf import PdfReader, PdfWriter

    from minutebook.assistant.search import Searcher
    from conftest import CORPUS, PACK_2024
    from minutebook.ingest.pipeline import ingest

    alone = tmp_path / "separate"
    alone.mkdir()
    writer = PdfWriter()
    for page in PdfReader(CORPUS / PACK_2024).pages[38:41]:  # the Probation Service report, pages 39-41
        writer.add_page(page)
    with open(alone / "Probation Service update.pdf", "wb") as f:
        writer.write(f)
    ingest([alone], index_copy, embedder)

    hits = Searcher(index_copy, embedder).search("probation prioritisation framework staffing shortages", k=5)
    top = hits[0]
    assert {s.source for s in top.sources} == {PACK_2024, "Probation Service update.pdf"}
    assert top.source == "Probation Service update.pdf"  # the paper a reader would open
    texts = [" ".join(h.chunk.text.split()) for h in hits]
    assert len(texts) == len(set(texts))  # no passage twice
    pages = {s.source: s.page for s in top.sources}
    assert pages[PACK_2024] == pages["Probation Service update.pdf"] + 38
