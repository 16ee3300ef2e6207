"""An officer keeps a decisions register: every minuted decision with its meeting, minute number and
page, filtered and ranked from the CLI, and kept in step with the papers as they change.
"""
from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3

import pytest
from pypdf import PdfReader, PdfWriter

from minutebook.assistant.cli import main
from minutebook.assistant.search import Searcher
from conftest import CORPUS, PACK_2018, PACK_2024
from minutebook.assistant.register import entries as register
from minutebook.ingest.register import tables as register_tables
from minutebook.ingest.errors import BadInput
from minutebook.ingest.storage.index_reader import IndexReader
from minutebook.ingest.pipeline import ingest, parse_document
from minutebook.ingest.settings import Settings
from minutebook.ingest.storage.store import Store

EXPECTED = {  # (meeting_date, minute) -> page a PDF viewer shows
    **{("2018-10-01", i): p for i, p in
       [("20", 5), ("21", 5), ("22", 6), ("23", 7), ("24", 7), ("25", 7), ("26", 8), ("27", 9), ("28", 9)]},
    **{("2023-12-15", i): p for i, p in
       [("33", 4), ("36", 5), ("37", 6), ("38", 6), ("39", 7), ("40", 8), ("41", 8), ("42", 9), ("43", 9)]},
}


def run_json(capsys, index, *args) -> list[dict]:
    assert main(["resolutions", "--index", str(index), "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def keys(entries) -> list[tuple[str, str]]:
    return [(e["meeting_date"], e["item"]) for e in entries]


def minutes_only(pack: str, path) -> None:
    """Pages 3-10 of a pack (its minutes) as a PDF of their own: small enough to ingest in a test."""
    writer = PdfWriter()
    for page in PdfReader(CORPUS / pack).pages[2:10]:
        writer.add_page(page)
    writer.write(path)


def counts(settings: Settings) -> dict:
    """Register rows, and FTS matches for "hate" (only minute 22 of 2018 says it).

    The FTS count goes through MATCH on purpose: an external-content FTS5 table answers a plain
    count(*) from its content table, so only a MATCH shows entries left behind by a delete.
    """
    reader = IndexReader(settings.index)
    try:
        one = lambda sql: reader.store.db.execute(sql).fetchone()[0]  # noqa: E731
        return {t: one(f"SELECT count(*) FROM {t}") for t in ("meetings", "attendance", "resolutions")} | {
            "fts": one("SELECT count(*) FROM resolutions_fts WHERE resolutions_fts MATCH 'hate'")}
    finally:
        reader.close()


# --- The sample corpus -----------------------------------------------------------------------------


def test_the_register_holds_exactly_the_18_decisions_of_the_two_sets_of_minutes(corpus_index, capsys):
    entries = run_json(capsys, corpus_index.index)
    assert len(entries) == 18
    assert {k: e["page"] for k, e in zip(keys(entries), entries)} == EXPECTED
    # Newest meeting first, minutes in their printed order within a meeting.
    assert keys(entries) == sorted(EXPECTED, key=lambda k: (k[0] != "2023-12-15", int(k[1])))
    sources = {e["meeting_date"]: e["source"] for e in entries}
    assert sources == {"2018-10-01": PACK_2018, "2023-12-15": PACK_2024}  # the meeting's date, not the pack's
    assert {"board", "meeting_date", "item", "title", "text", "parts", "source", "page"} <= set(entries[0])
    assert all(set(p) >= {"label", "text", "kind"} for e in entries for p in e["parts"])


def test_minute_27_records_its_action_with_who_and_by_when(corpus_index, capsys):
    entry = next(e for e in run_json(capsys, corpus_index.index) if keys([e]) == [("2018-10-01", "27")])
    assert entry["title"] == "Serious Harm Reduction Unit"
    (a, b) = entry["parts"]
    assert (a["label"], a["kind"], b["label"], b["kind"]) == ("(a)", "noted", "(b)", "action")
    assert b["who"] == "officers" and "December 2018" in b["by_when"]


def test_topic_hate_crime_strategy_lists_minute_22_of_october_2018_first(corpus_index, capsys):
    entries = run_json(capsys, corpus_index.index, "--topic", "hate crime strategy")
    assert keys(entries)[0] == ("2018-10-01", "22")
    assert len(entries) == len(set(keys(entries))) <= 18


def test_a_topic_leaves_out_the_decisions_it_does_not_find(corpus_index, capsys):
    # Search ranks every minute by meaning; the register lists only those whose minute names the topic.
    hate = run_json(capsys, corpus_index.index, "--topic", "hate crime strategy")
    assert 0 < len(hate) < 6  # was all 18 decisions of the sample
    assert not {("2023-12-15", "42"), ("2023-12-15", "43"), ("2018-10-01", "28")} & set(keys(hate))  # agreements, dates
    assert keys(run_json(capsys, corpus_index.index, "--topic", "knife crime")) == [("2018-10-01", "27")]
    assert keys(run_json(capsys, corpus_index.index, "--topic", "probation")) == [("2023-12-15", "41")]


def test_a_topic_no_decision_is_about_lists_none(corpus_index, capsys):
    assert run_json(capsys, corpus_index.index, "--topic", "badger culling") == []
    assert main(["resolutions", "--index", str(corpus_index.index), "--topic", "badger culling"]) == 0
    assert "No matching decisions." in capsys.readouterr().out


@pytest.mark.parametrize("topic, first", [("knife crime", ("2018-10-01", "27")),
                                          ("free course for motorcyclists", ("2023-12-15", "40")),
                                          ("probation", ("2023-12-15", "41"))])
def test_topics_rank_the_minute_that_discusses_them_first(corpus_index, embedder, topic, first):
    searcher = Searcher(corpus_index, embedder)
    try:
        best = register.find(searcher.reader.store, topic=topic, searcher=searcher)[0]
        assert (best.meeting_date, best.item) == first
    finally:
        searcher.close()


def test_kind_date_and_board_filters(corpus_index, capsys):
    index = corpus_index.index
    actions = run_json(capsys, index, "--kind", "action")
    assert keys(actions) == [("2023-12-15", "36"), ("2023-12-15", "40"), ("2023-12-15", "41"),
                             ("2018-10-01", "22"), ("2018-10-01", "27")]
    assert all(any(p["kind"] == "action" for p in e["parts"]) for e in actions)
    assert keys(run_json(capsys, index, "--kind", "approved")) == [("2023-12-15", "42"), ("2018-10-01", "21")]
    assert {e["meeting_date"] for e in run_json(capsys, index, "--since", "2019-01-01")} == {"2023-12-15"}
    assert len(run_json(capsys, index, "--until", "2018-10-01")) == 9
    assert run_json(capsys, index, "--since", "2018-10-02", "--until", "2023-12-14") == []
    assert {e["meeting_date"] for e in run_json(capsys, index, "--board", "rutland")} == {"2023-12-15"}
    assert keys(run_json(capsys, index, "--kind", "scheduled", "--until", "2019-01-01")) == [("2018-10-01", "28")]


def test_bad_filter_values_get_a_clear_message(corpus_index, capsys):
    assert main(["resolutions", "--index", str(corpus_index.index), "--since", "last week"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["resolutions", "--kind", "vetoed"])
    with pytest.raises(BadInput, match="decision kind"):
        reader = IndexReader(corpus_index.index)
        try:
            register.find(reader.store, kind="vetoed")
        finally:
            reader.close()


def test_csv_has_one_row_per_decision(corpus_index, capsys):
    assert main(["resolutions", "--index", str(corpus_index.index), "--csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    # The first columns are the ones spreadsheets were built on; outcome, movers and votes follow them.
    assert rows[0][:8] == ["meeting_date", "board", "item", "title", "text", "kinds", "source", "page"]
    assert rows[0][8:] == ["entry", "outcome", "mover", "seconder", "votes_for", "votes_against", "votes_abstain",
                           "unanimous"]
    assert len(rows) == 19
    by_item = {(r[0], r[2]): r for r in rows[1:]}
    assert by_item[("2018-10-01", "21")][5] == "noted; approved" and by_item[("2018-10-01", "21")][7] == "5"


def test_the_readable_list_names_each_minute_with_its_source_and_page(corpus_index, capsys):
    assert main(["resolutions", "--index", str(corpus_index.index), "--kind", "approved"]) == 0
    out = capsys.readouterr().out
    assert "1 October 2018  Leicestershire Safer Communities Strategy Board" in out
    assert "21. LCC Community Safety Agreement Refresh" in out and f"{PACK_2018}, page 5" in out
    assert "[approved]" in out


def test_a_decision_on_a_restricted_page_is_left_out_unless_asked_for(index_copy, capsys):
    db = sqlite3.connect(index_copy.index / "current" / "minutebook.db")
    with db:
        db.execute("UPDATE pages SET restricted = 1 WHERE page = 6 AND document_id ="
                   " (SELECT document_id FROM files WHERE source = ?)", [PACK_2018])
    db.close()
    shown = keys(run_json(capsys, index_copy.index))
    assert ("2018-10-01", "22") not in shown and len(shown) == 17
    assert ("2018-10-01", "22") in keys(run_json(capsys, index_copy.index, "--include-restricted"))


# --- Keeping the register in step with the papers ----------------------------------------------------


def test_reingesting_never_duplicates_decisions(tmp_path, embedder):
    papers = tmp_path / "papers"
    papers.mkdir()
    minutes_only(PACK_2018, papers / "minutes.pdf")
    settings = Settings(index=tmp_path / "index")
    ingest([papers], settings, embedder)
    assert counts(settings)["resolutions"] == 9
    ingest([papers], settings, embedder)  # unchanged
    shutil.copy(papers / "minutes.pdf", papers / "copy of minutes.pdf")  # same bytes, second name
    ingest([papers], settings, embedder)
    assert counts(settings) == {"meetings": 1, "attendance": 28, "resolutions": 9, "fts": 1}
    store = Store(tmp_path / "direct.db")  # writing the same document again replaces its rows
    doc = parse_document(papers / "minutes.pdf", "minutes.pdf", Settings())
    assert register_tables.write_minutes(store, doc) == register_tables.write_minutes(store, doc) == 9
    assert store.db.execute("SELECT count(*) FROM resolutions").fetchone()[0] == 9
    store.close()


def test_a_changed_or_removed_document_takes_its_decisions_with_it(tmp_path, embedder, capsys):
    papers = tmp_path / "papers"
    papers.mkdir()
    minutes_only(PACK_2018, papers / "minutes.pdf")
    settings = Settings(index=tmp_path / "index")
    ingest([papers], settings, embedder)
    minutes_only(PACK_2024, papers / "minutes.pdf")  # the file now holds other minutes
    ingest([papers], settings, embedder)
    entries = run_json(capsys, settings.index)
    assert {e["meeting_date"] for e in entries} == {"2023-12-15"} and len(entries) == 9
    assert counts(settings)["fts"] == 0  # the FTS index forgot the old decisions too
    assert run_json(capsys, settings.index, "--kind", "scheduled")[0]["item"] == "43"
    (papers / "minutes.pdf").unlink()
    (papers / "note.txt").write_text("A note that is not minutes.")
    ingest([papers], settings, embedder, prune=True)
    assert counts(settings) == {"meetings": 0, "attendance": 0, "resolutions": 0, "fts": 0}


def test_an_index_made_before_the_register_is_read_and_upgraded(index_copy, tmp_path, embedder, capsys):
    db_path = index_copy.index / "current" / "minutebook.db"
    db = sqlite3.connect(db_path)
    db.executescript("DROP TABLE resolutions_fts; DROP TABLE resolutions; DROP TABLE attendance; DROP TABLE meetings;"
                     "PRAGMA user_version = 0;")  # as a release before numbered migrations left it
    db.close()
    # The first read brings the index up to date: the register is filled from the stored pages.
    entries = run_json(capsys, index_copy.index)
    assert {k: e["page"] for k, e in zip(keys(entries), entries)} == EXPECTED
    db = sqlite3.connect(db_path)
    assert db.execute("SELECT count(*) FROM resolutions").fetchone()[0] == 18
    db.close()
    # The next ingest copies the generation, creates the tables and fills them.
    note = tmp_path / "note.txt"
    note.write_text("A note that is not minutes.")
    ingest([note], index_copy, embedder)
    assert counts(index_copy)["resolutions"] == 18 and counts(index_copy)["fts"] == 1


def test_three_house_styles_reach_the_register_through_ingest(tmp_path, embedder, capsys):
    """Minutes from councils that print no agenda page references or stamps are still found."""
    papers = tmp_path / "papers"
    papers.mkdir()
    fixtures = CORPUS.parent / "tests" / "fixtures" / "minutes"
    for name in ("northbrook_housing.pdf", "southvale_csp.txt", "eastwick_scrutiny.pdf"):
        shutil.copy(fixtures / name, papers / name)
    settings = Settings(index=tmp_path / "index")
    ingest([papers], settings, embedder, include=("*.txt",))  # the text minutes beside the PDFs, asked for
    main(["resolutions", "--index", str(settings.index), "--json"])
    entries = json.loads(capsys.readouterr().out)
    meetings = {(e["source"], e["meeting_date"]) for e in entries}
    assert meetings == {("northbrook_housing.pdf", "2025-05-14"), ("southvale_csp.txt", "2025-07-17"),
                        ("eastwick_scrutiny.pdf", "2025-06-03")}
    assert {e["board"] for e in entries} >= {"Housing and Communities Committee", "Southvale Community Safety Partnership"}


def test_prose_minutes_of_other_bodies_list_mover_seconder_vote_and_a_paper_with_none_says_so(tmp_path, embedder,
                                                                                            capsys):
    """Issue 24: decisions read by the act reach the register with their movers and votes, and the
    Papers listing says "no decisions found in these minutes" where the register holds none."""
    from minutebook.assistant import catalog

    papers = tmp_path / "papers"
    papers.mkdir()
    fixtures = CORPUS.parent / "tests" / "fixtures" / "decisions"
    for name in ("lakeside_council_actions.txt", "hartwell_parish_prose.txt"):
        shutil.copy(fixtures / name, papers / name)
    (papers / "quiet_minutes.txt").write_text(
        "MINUTES OF THE MEETING OF THE FERNDALE YOUTH FORUM\nHELD ON 3rd June 2024\n\nPresent: Ms A Lowe (Chair)\n\n"
        "1. Welcome\nThe chair welcomed members and introduced the new youth worker.\n\n"
        "2. Updates\nMembers shared news from their schools.\n")
    settings = Settings(index=tmp_path / "index")
    ingest([papers], settings, embedder)
    entries = run_json(capsys, settings.index)
    resolution = next(e for e in entries if e["item"] == "24-103")
    assert (resolution["outcome"], resolution["mover"], resolution["seconder"]) == (
        "approved", "Councilmember Kowalski", "Councilmember Brandt")
    assert (resolution["votes"]["for"], resolution["votes"]["against"]) == (4, 1)
    parish = next(e for e in entries if "11th January 2024 were approved" in e["text"])
    assert (parish["mover"], parish["seconder"]) == ("TL", "DO")
    assert main(["resolutions", "--index", str(settings.index)]) == 0
    assert "moved by Councilmember Kowalski, seconded by Councilmember Brandt" in capsys.readouterr().out
    reader = IndexReader(settings.index)
    try:
        listed = {p.sources: p for p in catalog.papers(reader.store)}
    finally:
        reader.close()
    assert listed["quiet_minutes.txt"].decisions_note == "no decisions found in these minutes"
    assert listed["lakeside_council_actions.txt"].decisions >= 5 and not listed["lakeside_council_actions.txt"].decisions_note
