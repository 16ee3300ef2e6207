"""A script reads minutebook's JSON: every field the README documents is there, named as documented,
whatever object the read side returns inside (pure: no index, no model)."""
from __future__ import annotations

import json
from pathlib import Path

from assistant.results import FollowUp, RegisterEntry
from ingest.types import Chunk, Hit, SourcePage

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()


def documented(after: str) -> dict:
    """The first object of the README's JSON example that follows `after`."""
    example = README[README.index(after):].split("```json", 1)[1].split("```", 1)[0]
    return json.loads(example)[0]


def entry(**changes) -> RegisterEntry:
    fields = dict(board="Council", meeting_date="2025-02-13", item="5", title="Budget", text="That the budget be agreed",
                  parts=[{"label": None, "text": "That the budget be agreed", "kind": "agreed"}], source="m.pdf",
                  page=10, form="RESOLVED", document_title="Minutes")
    return RegisterEntry(**{**fields, **changes})


def test_a_register_entry_prints_every_field_the_readme_documents():
    printed = json.loads(json.dumps(entry(entry="amendment", outcome="lost", votes={"for": 8, "against": 40}).to_json()))
    assert set(documented("`--json` prints a list, newest meeting first")) <= set(printed)
    assert printed["votes"] == {"for": 8, "against": 40} and printed["entry"] == "amendment"
    assert entry()["title"] == entry().title == "Budget"  # still read by key, as the dicts it replaced


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
