"""A clerk from any council adds papers: each is filed under the right body, meeting date and type.

Title blocks below are written as different councils print them (English county minutes, US city
agendas, a Canadian township's minutes, browser print-outs, ModernGov packs). Pure text: no model.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from minutebook.ingest.papers.meeting_facts import read_facts

REAL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real"


def facts(text: str, source: str = "", meta_title: str | None = None):
    return read_facts(text.split("\f"), source, meta_title)


def test_english_minutes_opening_gives_body_date_and_time():
    f = facts("EXAMPLESHIRE COUNTY COUNCIL\nPLANNING COMMITTEE\n"
              "Minutes of a meeting of the Planning Committee held at County Hall, Exampleton on\n"
              "Wednesday, 14th May 2025 at 7.00 pm.\nPRESENT: Mr A Smith (Chairman), Mrs B Jones\n"
              "1. Apologies for absence\nApologies were received from Mr C Brown.")
    assert (f.doc_type, f.body, f.meeting_date, f.start_time) == ("minutes", "Planning Committee", "2025-05-14", "19:00")
    assert f.organisation == "Exampleshire County Council"


def test_minutes_held_at_a_room_take_the_body_from_the_heading_line():
    f = facts("CORPORATE PARENTING PANEL – 10th December 2024\n"
              "MINUTES of the meeting held in the Darent Room, Sessions House, County Hall.\n"
              "PRESENT: A Chair (Chair), B Member (Vice-Chair)")
    assert (f.doc_type, f.body, f.meeting_date) == ("minutes", "Corporate Parenting Panel", "2024-12-10")


def test_us_regular_meeting_minutes_with_call_to_order():
    f = facts("REGULAR MEETING MINUTES\nCITY OF SPRINGFIELD\nPLANNING COMMISSION\nMonday, January 27, 2020\n6:00 P.M.\n"
              "CALL TO ORDER\nChair Lee called the meeting to order at 6:02 p.m.\nROLL CALL\nPresent: Lee, Ortiz",
              "springfield/pc_2020-01-27.pdf")
    assert (f.doc_type, f.body, f.meeting_date, f.start_time) == ("minutes", "Planning Commission", "2020-01-27", "18:00")
    assert f.organisation == "City of Springfield"


def test_township_minutes_name_the_township_and_its_council():
    f = facts("MINUTES\nTOWNSHIP OF EXAMPLE LAKE\nTuesday, April 2, 2024\n"
              "A regular meeting of the Township of Example Lake Council was held on Tuesday, April 2, 2024 starting at\n"
              "6:30 p.m. The meeting was held in person at the Community Centre.\nPresent: Mayor T Piper")
    assert (f.doc_type, f.organisation, f.body, f.meeting_date, f.start_time) == (
        "minutes", "Township of Example Lake", "Council", "2024-04-02", "18:30")


def test_a_notice_is_dated_by_the_meeting_not_by_the_notice():
    f = facts("NOTICE OF MEETING\nNotice is hereby given on 3 December 2025 that a meeting of the Finance Committee\n"
              "will be held on Monday, 8 December 2025 at 6:30 p.m. in the Council Chamber.\n"
              "Dated this 3rd day of December 2025\nAGENDA\n1. Apologies")
    assert (f.doc_type, f.meeting_date, f.start_time) == ("agenda", "2025-12-08", "18:30")
    assert f.body == "Finance Committee"


def test_an_agenda_listing_last_meetings_minutes_keeps_its_own_date():
    f = facts("AGENDA\nFINANCE COMMITTEE\nTuesday, 4 March 2025 at 2.00 pm\nCommittee Room 1\n"
              "1. Apologies\n2. Minutes of the meeting held on 4 February 2025 (Pages 1 - 6)\n3. Budget monitoring")
    assert (f.doc_type, f.body, f.meeting_date, f.start_time) == ("agenda", "Finance Committee", "2025-03-04", "14:00")


def test_a_browser_print_out_is_titled_and_dated_from_its_page_not_its_print_header():
    url = "https://example.granicus.com/GeneratedAgendaViewer.php?view_id=6&event_id=7942"
    f = facts(f"11/10/22, 3:45 PM Parks and Recreation Board Agenda\nPARKS AND RECREATION BOARD\n"
              "City Council Chambers\n275 E. Olive Ave.\nNOVEMBER 10, 2022\n06:00 P.M.\n"
              "NOTICE IS HEREBY GIVEN that a Regular Parks and Recreation Board Meeting will\n"
              f"be held on Thursday, November 10, 2022, at 06:00 P.M.\n{url} 1/3",
              "us/parks_agenda_1.pdf", meta_title=url)
    assert f.title == "parks_agenda_1"
    assert (f.body, f.meeting_date, f.start_time, f.doc_type) == ("Parks and Recreation Board", "2022-11-10", "18:00",
                                                                   "agenda")


def test_moderngov_agenda_frontsheet_and_its_file_name_agree():
    f = facts("AGENDA\nCABINET\nThursday, 30th January, 2025, at 10.00 am Ask for: A Officer\n"
              "Council Chamber, Sessions House", "cabinet/2025-01-30/Agenda frontsheet 30th-Jan-2025 10.00 Cabinet.pdf",
              meta_title="Agenda Template")
    assert (f.doc_type, f.body, f.meeting_date, f.start_time) == ("agenda", "Cabinet", "2025-01-30", "10:00")
    assert f.title == "Agenda frontsheet 30th-Jan-2025 10.00 Cabinet"


def test_a_covering_letters_date_is_not_the_meeting_date():
    f = facts("Direct Dial/Ext: 03000 000000\ne-mail: clerk@example.gov.uk\nAsk for: A Clerk\nDate: 27 February 2025\n"
              "Dear Member\nCOUNTY COUNCIL - THURSDAY, 13 FEBRUARY 2025\nThe following budget amendments were tabled",
              "full_council/Budget Amendments 13th-Feb-2025 09.30 County Council.pdf")
    assert (f.meeting_date, f.doc_type, f.body) == ("2025-02-13", "amendment", "County Council")


def test_a_report_is_filed_under_the_meeting_it_goes_to():
    f = facts("From: A Leader, Leader of the Council\nTo: Cabinet – 30 January 2025\nSubject: Draft Budget 2025-26\n"
              "Classification: Unrestricted\nSummary: This report sets out the draft budget, as noted by the\n"
              "Audit Committee at its meeting on 12 December 2024.")
    assert (f.doc_type, f.body, f.meeting_date) == ("report", "Cabinet", "2025-01-30")


def test_an_undated_appendix_takes_its_meeting_from_the_folder():
    f = facts("Appendix B\nCapital Programme by Directorate\nRow Project Cost 2025-26 2026-27\n1 Roads 2,500 250",
              "cabinet/2025-01-30/originals/Appendix B - Capital Programme.pdf")
    assert (f.doc_type, f.meeting_date, f.body) == ("appendix", "2025-01-30", "Cabinet")


def test_record_of_decision_questions_and_amendment_forms():
    rod = facts("EXAMPLE COUNTY COUNCIL – PROPOSED RECORD OF DECISION\nDECISION TO BE TAKEN BY:\nCabinet\nDECISION NO: 24/00096")
    qa = facts("Question 1\nCOUNTY COUNCIL\nThursday 13 March 2025\nQuestion by A Member to B Member, Cabinet Member")
    amendment = facts("Budget Amendment Form\nAmendment\nName:\nLibrary Opening Hours Amendment\nNumber: 3\nProposer: A Member")
    assert (rod.doc_type, qa.doc_type, amendment.doc_type) == ("decision", "questions", "amendment")
    assert qa.meeting_date == "2025-03-13"


def test_a_file_named_as_an_appendix_stays_an_appendix_whatever_its_heading():
    f = facts("EXAMPLE COUNTY COUNCIL – RECORD OF DECISION\nDECISION TO BE TAKEN BY: Cabinet Member",
              "full_council/2025-03-13/Appendix 4 - Record of Decision.pdf")
    assert f.doc_type == "appendix"


def test_letter_spaced_headings_are_read_as_words():
    f = facts("C I T Y   O F   E X A M P L E\nPLANNING & ENVIRONMENTAL QUALITY COMMISSION\nA G E N D A\n"
              "TUESDAY, November 1, 2022\n7:00 P.M.")
    assert (f.organisation, f.body, f.doc_type, f.meeting_date, f.start_time) == (
        "City of Example", "Planning & Environmental Quality Commission", "agenda", "2022-11-01", "19:00")


def test_a_tool_or_template_name_is_not_a_title():
    assert facts("AGENDA", "Agenda frontsheet.pdf", meta_title="Microsoft Word - Minutes April 2, 2024").title == \
        "Minutes April 2, 2024"
    assert facts("AGENDA", "papers/Finance Committee 4 March.pdf", meta_title="Agenda Template").title == \
        "Finance Committee 4 March"


@pytest.mark.skipif(not (REAL / "SOURCES.md").exists(), reason="no real-papers corpus at ../shared/corpus/real")
@pytest.mark.parametrize("source, expected", [
    ("kent/full_council/2025-03-13/originals/CPP Minutes 10.12.24.pdf",
     ("minutes", "2024-12-10", "Corporate Parenting Panel")),
    ("kent/full_council/2025-02-13/originals/19 December 2024 - County Council minutes.pdf",
     ("minutes", "2024-12-19", "County Council")),  # filed in a later meeting's folder
    ("kent/full_council/2025-02-13/public_packs/Budget Amendments 13th-Feb-2025 09.30 County Council.pdf",
     ("amendment", "2025-02-13", "County Council")),  # the covering letter is dated 27 February
    ("us/burbank_agenda_1.pdf", ("agenda", "2022-11-10", "Parks and Recreation Board")),
    ("canada/Minutes-March-7-2023.pdf", ("minutes", "2023-03-07", "Council")),
])
def test_real_papers_are_filed_under_their_meeting(source, expected):
    from minutebook.ingest.pipeline import parse_document
    from minutebook.ingest.settings import Settings

    doc = parse_document(REAL / source, source, Settings(), doc_id="x")
    assert (doc.facts.doc_type, doc.facts.meeting_date, doc.facts.body) == expected
    assert "http" not in doc.title and "://" not in doc.title


def test_the_archives_own_place_and_initials_name_no_topic():
    from minutebook.ingest.papers.meeting_facts import setting_words

    assert setting_words(["Exampleshire County Council", "Township of Northvale"]) == {"exampleshire", "ecc",
                                                                                      "northvale"}


@pytest.mark.parametrize("name, expected", [
    # A council's name above its panel's: the panel is the body that meets.
    ("eastwick_scrutiny.txt", ("agenda", "Communities Scrutiny Panel", "2025-07-08", "18:30")),
    # "Record of Decisions and Actions" (plural) is a meeting's record; its date is the "Date:" line,
    # not the date of the last meeting's notes it approves.
    ("southvale_csp.txt", ("minutes", "Southvale Community Safety Partnership", "2025-07-17", "10:00")),
    ("northbrook_housing.txt", ("minutes", "Housing and Communities Committee", "2025-05-14", "19:00")),
])
def test_the_repos_minutes_in_other_styles(name, expected):
    path = Path(__file__).parent / "fixtures" / "minutes" / name
    f = facts(path.read_text().replace("\f", "\n"), name)
    assert (f.doc_type, f.body, f.meeting_date, f.start_time) == expected


def test_minutes_headed_by_their_status_are_minutes_though_they_list_roll_call_and_call_to_order():
    us = facts("Approved Planning Board Minutes       Page 1 of 8\nSeptember 23, 2019\nAPPROVED MINUTES\n"
               "REGULAR MEETING OF THE\nCITY OF EXAMPLETON PLANNING BOARD\nMONDAY, SEPTEMBER 23, 2019\n1. CONVENE\n"
               "President Curtis convened the meeting at 7:00 p.m.\n3. ROLL CALL\nPresent: Board Members Curtis, Hom.",
               "planning-board/2019-09-23.pdf")
    uk = facts("DRAFT MINUTES\nEXAMPLE PARISH COUNCIL\nMeeting held on Thursday 26th September 2024 at 7.30 pm\n"
               "1. Apologies for absence\n2. Declarations of interest\n3. Public participation", "parish/minutes.pdf")
    titled = facts("COMMISSION ON DISABILITY ISSUES\nMEETING MINUTES OF\nMonday, July 27, 2015 6:30 p.m.\n1. ROLL CALL\n"
                   "The meeting was called to order at 6:35 p.m.\n2. MINUTES\nThe April 27, 2015 minutes were approved.")
    assert (us.doc_type, us.meeting_date, uk.doc_type, uk.meeting_date) == ("minutes", "2019-09-23", "minutes", "2024-09-26")
    assert titled.doc_type == "minutes"
    agenda = facts("REGULAR MEETING AGENDA\nCITY OF EXAMPLETON PLANNING BOARD\nMonday, October 14, 2019 7:00 P.M.\n"
                   "1. CALL TO ORDER\n2. ROLL CALL\n3. APPROVAL OF MINUTES\nApproved minutes of September 23, 2019")
    assert agenda.doc_type == "agenda"
