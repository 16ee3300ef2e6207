"""A script reads minutebook's JSON: every field the docs document is there, named as documented,
whatever object the read side returns inside (pure: no index, no model)."""
from __future__ import annotations

import json
from pathlib import Path

from minutebook.assistant.results import FollowUp, IndexedPaper, IndexStatus, IngestRecord, RegisterEntry
from minutebook.ingest.types import Chunk, Hit, IngestedFile, IngestReport, SkippedFile, SourcePage

ROOT = Path(__file__).resolve().parents[1]
# The JSON examples live with the commands they describe, in the README and the pages under docs/.
README = "\n".join(p.read_text() for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))])


def documented(after: str) -> dict:
    """The first object of the documented JSON example that follows `after`."""
    example = json.loads(README[README.index(after):].split("```json", 1)[1].split("```", 1)[0])
    return example[0] if isinstance(example, list) else example


def entry(**changes) -> RegisterEntry:
    fields = dict(board="Council", meeting_date="2025-02-13", item="5", title="Budget", text="That the budget be agreed",
                  parts=[{"label": None, "text": "That the budget be agreed", "kind": "agreed"}], source="m.pdf",
                  page=10, form="RESOLVED", document_title="Minutes")
    return RegisterEntry(**{**fields, **changes})


def test_a_register_entry_prints_every_field_the_readme_documents():
    printed = json.loads(json.dumps(entry(entry="amendment", outcome="lost", votes={"for": 8, "against": 40}).to_json()))
    assert set(documented("`--json` prints a list, newest meeting first")) <= set(printed)
    assert printed["votes"] == {"for": 8, "against": 40} and printed["entry"] == "amendment"


def test_an_action_prints_its_status_and_evidence_and_a_log_row_its_comments():
    common = dict(board="Board", meeting_date="2023-12-15", item="41", label=None, text="Bring an update",
                  who="Bob", what="an update", by_when="the next meeting", source="p.pdf", page=8)
    minute = FollowUp(origin="minutes", **common, status="done", evidence={"page": 39}, note=None).to_json()
    row = FollowUp(origin="action log", **common, comments="Circulated", log=("section", "row")).to_json()
    readme = documented("action, responsible officer, comments, printed status). `--json` prints a list:")
    assert set(readme) <= set(minute) and set(readme) <= set(row)
    assert set(readme["evidence"]) == {"source", "title", "page", "meeting_date", "quote", "kind", "item"}
    assert "comments" not in minute and row["comments"] == "Circulated"
    assert not {"log", "_log"} & set(row)  # the parsed log row stays inside
    json.dumps(row)


def test_a_hit_names_every_file_and_page_that_holds_its_passage():
    chunk = Chunk(id="c1", document_id="d", section=0, position=0, page=4, text="Biker Down", doc_type="minutes",
                  title="LFRS update", board="Board", meeting_date="2023-12-15")
    alone = Hit(chunk, "pack.pdf", 0.9).to_json()
    assert alone["sources"] == [{"source": "pack.pdf", "page": 4}]
    twice = Hit(chunk, "report.pdf", 0.9, sources=[SourcePage("report.pdf", 1), SourcePage("pack.pdf", 4)]).to_json()
    assert twice["sources"] == [{"source": "report.pdf", "page": 1}, {"source": "pack.pdf", "page": 4}]


def test_an_ingest_report_prints_each_file_as_the_readme_documents():
    report = IngestReport(ingested=[IngestedFile("pack.pdf", 54, 66), IngestedFile("copy.pdf", 54, 66, same_as="pack.pdf")],
                          unchanged=["old.pdf"], skipped=[SkippedFile("bad.pdf", "truncated PDF")], documents=5, chunks=179)
    printed = json.loads(json.dumps(report.to_json()))
    readme = documented("A full disk stops the ingest with one line")
    assert list(printed) == list(readme)
    assert [set(i) for i in printed["ingested"]] == [set(readme["ingested"][0])] * 2
    assert printed["ingested"][1]["same_as"] == "pack.pdf" and printed["skipped"] == [readme["skipped"][0] | {
        "reason": "truncated PDF"}]
    assert "paths" not in printed  # where each file was read from stays inside


def test_status_lists_each_paper_with_its_meeting_facts():
    row = {"id": "ab12", "title": "Minutes", "board": "Cabinet", "meeting_date": "2025-01-30", "pages": 9, "chunks": 20,
           "ingested_at": "2026-01-01T10:00:00+00:00", "organisation": "Kent County Council", "start_time": "10:00",
           "doc_type": "minutes", "reader": 2, "sources": "cabinet.pdf",
           "source_url": "https://democracy.example.gov.uk/documents/m.pdf", "page_url": None, "agenda_item": "5",
           "item_title": "Budget", "portal": "moderngov"}
    status = IndexStatus(index="index", documents=1, chunks=20, papers=[IndexedPaper.from_row(row)],
                         last_ingest=IngestRecord.from_row({"finished_at": "2026-01-01T10:00:00+00:00", "added": 1}))
    printed = json.loads(json.dumps(status.to_json()))
    assert list(printed) == ["index", "documents", "chunks", "last_ingest", "documents_list"]
    assert printed["documents_list"] == [row]  # every column, in the order the index stores them
    assert printed["last_ingest"]["added"] == 1 and printed["last_ingest"]["removed"] is None
    assert IndexStatus(index="index", documents=0, chunks=0, last_ingest=None).to_json()["last_ingest"] is None
