"""The BM25 arrays on their own: plain rows in, ranked vector ids out."""
from __future__ import annotations

from minutebook.ingest.storage import lexical

ROWS = [
    (10, "The Board noted the update on hate crime.", "22. Hate Crime Strategy", "Minutes", "Safer Board, 1 October 2018"),
    (11, "Members discussed hate crime figures and reporting.", "", "Performance report", "Safer Board, 10 December 2018"),
    (12, "The motorcyclists' course Biker Down runs for three hours.", "", "Minutes", "Safer Board, 15 December 2023"),
    (13, "Apologies were received.", "", "Minutes", "Safer Board, 15 December 2023"),
]


def test_a_question_finds_the_chunk_whose_heading_names_its_topic_first():
    index = lexical.build(ROWS)
    ranked = [vid for vid, _ in index.search("What was resolved on the hate crime strategy?", 5)]
    assert ranked[:2] == [10, 11]


def test_words_meet_in_other_forms_and_stop_words_find_nothing():
    index = lexical.build(ROWS)
    assert [vid for vid, _ in index.search("motorcyclist courses", 5)] == [12]
    assert index.search("what was the", 5) == []


def test_a_mask_keeps_only_the_rows_a_filter_allows():
    index = lexical.build(ROWS)
    allowed = index.mask([11, 12], keep=True)
    assert [vid for vid, _ in index.search("hate crime", 5, allowed)] == [11]
    assert [vid for vid, _ in index.search("hate crime", 5, index.mask([10], keep=False))] == [11]


def test_the_meeting_date_is_searchable(tmp_path):
    index = lexical.build(ROWS)
    lexical.save(index, tmp_path)
    loaded = lexical.load(tmp_path)
    assert loaded.search("December 2023 apologies", 1)[0][0] == 13
    assert lexical.load(tmp_path / "missing") is None


def test_a_us_councilor_and_a_movers_table_are_found_in_the_words_a_user_types():
    rows = ROWS + [
        (14, "Councilor Ramirez asked staff to return with options.", "", "Minutes", "City Council, 2 May 2022"),
        (15, "Mover: Mr Hook  Seconder: Ms Meade. Abstentions: 3", "", "Amendment", "County Council, 13 February 2025"),
    ]
    index = lexical.build(rows)
    assert index.search("Which councillor asked for options?", 1)[0][0] == 14
    assert index.search("who moved it and how many abstained", 1)[0][0] == 15
