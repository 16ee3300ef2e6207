"""A clerk asks "did anyone ever bring back the report we asked for?": every action in the minutes and
the action logs, marked done (with the page that shows it), pending or unknown.
"""
from __future__ import annotations

import json

import pytest

from minutebook.assistant.cli import main
from minutebook.assistant.register.actions import follow_up, same_board
from minutebook.assistant.results import FollowUp
from conftest import CORPUS, PACK_2018, PACK_2024
from evals.answers import quote_on_page
from minutebook.ingest.register.actions import agenda_items, asks_for_paper, due, parse_action_log
from minutebook.ingest.storage.index_reader import IndexReader
from minutebook.ingest.pipeline import ingest

CONTRACT = {"board", "meeting_date", "item", "label", "text", "who", "what", "by_when", "status", "evidence",
            "origin", "source", "page"}


def actions(settings, **kw) -> list[FollowUp]:
    reader = IndexReader(settings.index)
    try:
        return follow_up(reader.store, **kw)
    finally:
        reader.close()


def minute(found: list[FollowUp], date: str, item: str) -> FollowUp:
    (one,) = [a for a in found if a.origin == "minutes" and (a.meeting_date, a.item) == (date, item)]
    return one


def run_json(capsys, index, *args) -> list[dict]:
    assert main(["actions", "--index", str(index), "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


# --- The two acceptance cases -----------------------------------------------------------------------


def test_27b_the_county_lines_report_is_done_by_the_december_2018_agenda_item(corpus_index):
    """Minute 27(b) of 1 October 2018 asked for a report on knife, gun homicides and county lines at the
    December 2018 meeting. That meeting's agenda lists item 13, "Serious Organised Crime - County Lines",
    presented by Supt. Shane O'Neill: the report was brought. Its pages are restricted, so the agenda
    line is the evidence and the note says the report's content could not be checked."""
    a = minute(actions(corpus_index), "2018-10-01", "27")
    assert a.label == "(b)" and a.status == "done"
    e = a.evidence
    assert (e["source"], e["page"], e["meeting_date"], e["item"]) == (PACK_2018, 1, "2018-12-10", "13")
    assert "Serious Organised Crime - County Lines" in e["quote"] and "Shane O'Neill" in e["quote"]
    assert "restricted" in a.note


def test_the_december_2023_probation_request_is_done_by_the_march_2024_probation_report(corpus_index):
    a = minute(actions(corpus_index), "2023-12-15", "41")
    assert a.who == "Bob Bearne" and a.status == "done"
    e = a.evidence
    assert (e["source"], e["page"], e["meeting_date"], e["title"]) == (PACK_2024, 39, "2024-03-22",
                                                                       "Probation Service update")
    assert "PROBATION SERVICE" in e["quote"]


def test_every_minuted_action_of_the_sample_is_followed_up(corpus_index):
    found = actions(corpus_index)
    pages = {(a.meeting_date, a.item): (a.status, a.evidence["meeting_date"], a.evidence["page"])
             for a in found if a.origin == "minutes"}
    assert pages == {("2018-10-01", "22"): ("done", "2018-12-10", pages[("2018-10-01", "22")][2]),
                     ("2018-10-01", "27"): ("done", "2018-12-10", 1),
                     ("2023-12-15", "36"): ("done", "2024-03-22", 33),   # the ASB report, on Sentinel
                     ("2023-12-15", "40"): ("done", "2024-03-22", 55),   # LFRS: the road traffic collisions
                     ("2023-12-15", "41"): ("done", "2024-03-22", 39)}
    assert 27 <= pages[("2018-10-01", "22")][2] <= 32  # the hate incident strategy report


# --- The action log ---------------------------------------------------------------------------------


def test_the_march_2024_action_log_rows_are_read_with_their_printed_status(corpus_index):
    rows = [a for a in actions(corpus_index) if a.origin == "action log"]
    got = sorted((a.meeting_date, a.item or "", a.who, a.log_status) for a in rows)
    assert got == sorted([
        ("2021-03-18", "1", "Gary Bee/Rik Basra", "Amber"),
        ("2022-12-09", "2", "Gill Callingham", "Amber"),
        ("2023-03-17", "", "Gill Callingham", None),  # printed without number or status (a follow-on row)
        ("2023-06-30", "3", "Debra Cunningham", "Amber"),  # its "3" heads page 12, yet is no page number
        ("2023-06-30", "4", "Anita Chavda/Ian Stubbs", "Amber"),
        ("2023-12-15", "5", "Gurjit Samra-Rai", "Amber"),
        ("2023-12-15", "6", "Euan Walters", "Green"),
        ("2023-12-15", "7", "Saj Devshi", "Green"),
        ("2023-12-15", "8", "Ben Bee", "Amber"),
        ("2023-12-15", "9", "Bob Bearne", "Amber"),
    ])
    assert all(a.source == PACK_2024 and a.page in (11, 12) for a in rows)
    by_no = {a.item: a for a in rows}
    assert by_no["9"].text == "Update on Probation Service deferred to meeting in March 2024"
    # Green rows are done on the log's own word; the quote is the comment that says so.
    assert by_no["6"].status == "done" and by_no["6"].evidence["quote"] == "Link circulated by Euan Walters 18.12.23"
    # Amber rows that ask for an update are done where that meeting's papers carry it ...
    assert by_no["9"].status == "done" and by_no["9"].evidence["page"] == 39
    # ... and tasks no agenda can show stay as the log prints them.
    assert by_no["4"].status == "pending" and "Amber" in by_no["4"].note
    # Asked for a meeting whose papers are here, and not on any of their agendas.
    assert by_no["2"].status == "pending" and by_no["2"].evidence is None


def test_action_log_cells_printed_one_per_line_are_split_into_rows():
    page = ("Board Action Log\nNo.\nDate\nAction\nResponsible\nOfficer\nComments\nStatus\n"
            "1\n1.2.24\nPREVENT – circulate\nPrevent Duty Toolkit\nfor local authorities\nEuan Walters\n"
            "Link circulated by\nEuan Walters\n18.12.23\nGreen\n"
            "2\n1.2.24\nReport on youth\nviolence to the June\nBoard.\nAnita\nChavda/Ian\nStubbs\nStill in planning\nRed")
    one, two = parse_action_log([(5, page)])
    assert (one.number, one.date, one.officer, one.status) == ("1", "2024-02-01", "Euan Walters", "Green")
    assert one.action == "PREVENT – circulate Prevent Duty Toolkit for local authorities"
    assert one.comments == "Link circulated by Euan Walters 18.12.23"  # the date in a comment starts no row
    assert (two.number, two.officer, two.status, two.page) == ("2", "Anita Chavda/Ian Stubbs", "Red", 5)


# --- Status rules -----------------------------------------------------------------------------------


def test_actions_whose_meeting_has_no_papers_in_the_index_are_unknown(index_copy, embedder):
    """Southvale's July 2025 minutes ask for a report back to the next meeting: no later papers are here."""
    ingest([CORPUS.parent / "tests" / "fixtures" / "minutes" / "southvale_csp.txt"], index_copy, embedder)
    southvale = actions(index_copy, board="Southvale")
    assert len(southvale) == 2 and {a.status for a in southvale} == {"unknown"}
    assert all(a.evidence is None for a in southvale)
    report_back = next(a for a in southvale if "report back" in a.text)
    assert "no papers" in report_back.note
    # The sample's own actions are untouched by the new board's papers.
    assert minute(actions(index_copy), "2023-12-15", "41").status == "done"


def test_deadlines_and_kinds_of_action():
    assert due("bring a report", "the December 2018 meeting of the board", "2018-10-01").earliest == "2018-12-01"
    assert due("an update to the next meeting", None, "2023-12-15") == due("x", "the next meeting", "2023-12-15")
    assert due("a report to a future meeting", None, "2023-12-15").kind == "open"
    assert asks_for_paper("That a further report be brought to a meeting of the Board")
    assert not asks_for_paper("PREVENT – circulate Prevent Duty Toolkit for local authorities")
    assert same_board("Leicestershire Safer Communities Strategy Board",
                      "Leicestershire and Rutland Safer Communities Strategy Board")
    assert not same_board("Scrutiny Commission", "Neighbourhood Services & Community Involvement Scrutiny Commission")


def test_agenda_items_keep_their_titles_and_presenters():
    page = ("BOARD\nAgenda\n1. Introductions\n2. Minutes of previous meeting. (Pages 3 - 10)\n"
            "3. LSCSB Update: Office of the Police and Crime Commissioner. (Pages 33 -\n40)\n"
            "The report will be presented by Gurjit Samra-Rai.\n4. Date of the next meeting\n"
            "The next meeting is on 22 March 2019.")
    items = agenda_items([(1, page)])
    assert [(i.number, i.title) for i in items] == [
        ("1", "Introductions"), ("2", "Minutes of previous meeting"),
        ("3", "LSCSB Update: Office of the Police and Crime Commissioner"), ("4", "Date of the next meeting")]
    assert items[2].quote.endswith("presented by Gurjit Samra-Rai.")


# --- Citations --------------------------------------------------------------------------------------


@pytest.mark.parametrize("include_restricted", [False, True])
def test_every_evidence_quote_is_on_its_cited_page_and_restricted_pages_stay_out(corpus_index, include_restricted):
    found = actions(corpus_index, include_restricted=include_restricted)
    cited = [a.evidence for a in found if a.evidence]
    assert len(cited) >= 10
    for e in cited:
        assert quote_on_page(e["source"], e["page"], e["quote"]), e
    if not include_restricted:
        reader = IndexReader(corpus_index.index)
        try:
            restricted = {(s, p) for s, p in reader.store.db.execute(
                "SELECT f.source, p.page FROM pages p JOIN files f ON f.document_id = p.document_id"
                " WHERE p.restricted = 1")}
        finally:
            reader.close()
        assert restricted and not {(e["source"], e["page"]) for e in cited} & restricted


def test_the_actions_command(corpus_index, capsys):
    everything = run_json(capsys, corpus_index.index)
    assert everything and all(CONTRACT <= set(a) for a in everything)
    assert {a["origin"] for a in everything} == {"minutes", "action log"}
    done = run_json(capsys, corpus_index.index, "--status", "done")
    assert done and {a["status"] for a in done} == {"done"}
    pending = run_json(capsys, corpus_index.index, "--status", "pending")
    assert len(done) + len(pending) + len(run_json(capsys, corpus_index.index, "--status", "unknown")) == len(everything)
    assert {a["meeting_date"] for a in run_json(capsys, corpus_index.index, "--board", "Leicestershire Safer")} \
        == {"2018-10-01"}
    assert main(["actions", "--index", str(corpus_index.index)]) == 0
    text = capsys.readouterr().out
    assert "minute 27(b)" in text and "[done]" in text and "page 39" in text
    with pytest.raises(SystemExit):
        main(["actions", "--status", "finished"])
