"""One PDF, several meetings: each meeting's pages, chunks and decisions carry its own date and body.

Clerks file a special or closed session with the regular meeting held after it, a joint meeting
with another body, an annual meeting before the ordinary one, and minutes under the date of the
meeting that approved them. The papers below are written as a US city clerk and an English parish
clerk print them. Pure text: no model.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from minutebook.ingest.papers.meeting_facts import read_facts
from minutebook.ingest.papers.meetings import meeting_starts, title_line
from minutebook.ingest.papers.sections import split_sections
from minutebook.ingest.types import Page

REAL = Path(os.environ.get("MINUTEBOOK_REAL_CORPUS", Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "real"))
needs_real = pytest.mark.skipif(not (REAL / "more" / "SOURCES.md").is_file(),
                                reason="../shared/corpus/real/more is not beside this clone")

# A US city clerk's file: the regular meeting, then the special joint meeting held before it.
US_REGULAR = ("Regular Meeting\nExampleton City Council\nMarch 6, 2012 1\n"
              "MINUTES OF THE REGULAR CITY COUNCIL MEETING\nTUESDAY- -MARCH 6, 2012- -7:00 P.M.\n"
              "Mayor Lee convened the meeting at 7:05 p.m. Councilmember Ortiz led the Pledge of Allegiance.\n"
              "ROLL CALL - Present: Councilmembers Ortiz, Park, Reyes and Mayor Lee – 4.\n"
              "CONSENT CALENDAR\n(*12-098) Minutes of the Special City Council Meeting Held on February 7, 2012.\n"
              "Approved.\n(*12-099) Ratified bills in the amount of $2,670,605.57.")
US_CONTINUED = ("Regular Meeting\nExampleton City Council\nMarch 6, 2012 2\n"
                "(12-100) Recommendation to Adopt Plans for Resurfacing of Certain Streets.\n"
                "Councilmember Park moved approval of the staff recommendation.\n"
                "Councilmember Ortiz seconded the motion, which carried by the following roll call vote: Ayes: 4.\n"
                "ADJOURNMENT\nThere being no further business, Mayor Lee adjourned the meeting at 10:20 p.m.")
US_JOINT = ("Special Joint Meeting\nExampleton City Council and\nHousing Authority Board of Commissioners\nMarch 6, 2012\n"
            "MINUTES OF THE SPECIAL JOINT CITY COUNCIL AND\nHOUSING AUTHORITY BOARD OF COMMISSIONERS MEETING\n"
            "TUESDAY- -MARCH 6, 2012- -6:00 P.M.\nMayor/Chair Lee convened the meeting at 6:05 p.m.\n"
            "ROLL CALL – Present: Councilmembers/Commissioners Ortiz, Park, Reyes and Mayor/Chair Lee – 4.\n"
            "(12-001 HA) Recommendation to Approve the Annual Budget.\n"
            "Commissioner Park moved approval. Commissioner Reyes seconded the motion, which carried by unanimous voice vote – 4.\n"
            "There being no further business, Mayor/Chair Lee adjourned the meeting at 6:55 p.m.")

# An English parish clerk's file: the annual meeting, then the ordinary meeting, filed under the second.
UK_ANNUAL = ("MINUTES OF THE ANNUAL MEETING OF EXAMPLE PARISH COUNCIL\nHELD IN THE VILLAGE HALL\nON\n24th May 2018\n"
             "Present:\nA Chair (AC) CHAIR\nB Member (BM)\nC Clerk (CC) CLERK\n"
             "1.\nTo elect a chairman for the forthcoming year\n"
             "BM proposed and DM seconded the proposal that A Chair be elected chairman and he accepted.\n"
             "2.\nTo appoint the Responsible Financial Officer\n"
             "AC proposed and BM seconded the proposal that D Member be elected RFO and she accepted.\n"
             "There was no other business\nSigned ......................\nChair, Example Parish Council")
UK_MEETING = ("MINUTES OF THE EXAMPLE PARISH COUNCIL MEETING\nHELD IN THE VILLAGE HALL\nON 23rd May 2019\n"
              "Present:\nA Chair (AC) CHAIR\nB Member (BM)\n"
              "05.19.01\nApologies\nApologies had been received from E Member\n"
              "05.19.03\nTo receive the minutes of the last parish council meeting\n"
              "The minutes of the parish council meeting held on 28th March 2019 were agreed as a true record.\n"
              "05.19.10\nFinance - The following accounts were approved for payment")


def pages(*texts: str) -> list[Page]:
    return [Page(n, t) for n, t in enumerate(texts, start=1)]


def sections(texts: list[str], source: str):
    facts = read_facts(texts, source)
    return facts, split_sections(pages(*texts), "minutes", facts)


def test_each_meeting_of_a_us_city_clerks_file_is_its_own_section_with_its_own_body():
    facts, parts = sections([US_REGULAR, US_CONTINUED, US_JOINT], "council/2012-03-06.pdf")
    assert facts.meeting_date == "2012-03-06"
    assert [(s.first_page, s.last_page, s.meeting_date) for s in parts] == [(1, 2, "2012-03-06"), (3, 3, "2012-03-06")]
    assert "Housing Authority" in parts[1].board and "Housing" not in (parts[0].board or "")


def test_an_annual_meeting_filed_with_the_next_meeting_keeps_its_own_date_and_the_paper_takes_the_files():
    facts, parts = sections([UK_ANNUAL, UK_MEETING], "parish/2019-05-23 minutes.pdf")
    assert [(s.first_page, s.meeting_date) for s in parts] == [(1, "2018-05-24"), (2, "2019-05-23")]
    assert facts.meeting_date == "2019-05-23"  # the file name picks one of the meetings the paper prints
    # Named for neither meeting, the paper is its first meeting's.
    assert read_facts([UK_ANNUAL, UK_MEETING], "parish/minutes.pdf").meeting_date == "2018-05-24"


def test_a_running_header_and_an_item_approving_earlier_minutes_open_no_meeting():
    starts = meeting_starts([US_REGULAR, US_CONTINUED])
    assert [(m.page, m.date) for m in starts] == [(1, "2012-03-06")]
    approving = "Minutes of November 14, 2023, were approved unanimously with one correction.\n" \
                "5 REGULAR AGENDA ITEMS\n5-A Work Group to Review Survey Development\nChair Downing called for comments."
    golf = ("GOLF COMMISSION\nMINUTES OF SPECIAL MEETING\nTuesday, December 12, 2023\nCALL TO ORDER\n"
            "Chair Downing called the special meeting to order at 6:42 p.m.\nROLL CALL\nPresent: Chair Downing")
    _, parts = sections([golf, approving], "golf/2023-12-12.pdf")
    assert [(s.first_page, s.last_page, s.meeting_date) for s in parts] == [(1, 2, "2023-12-12")]
    assert not title_line("Minutes of November 14, 2023, were approved unanimously with one correction.")
    assert not title_line("(*12-098) Minutes of the Special City Council Meeting Held on February 7, 2012.")
    assert title_line("Transportation Commission Minutes") and title_line("MINUTES OF THE REGULAR MEETING OF THE")


def test_a_sentence_about_the_minutes_on_a_later_page_opens_no_section():
    township = ("MINUTES\nTOWNSHIP OF EXAMPLE LAKE\nTuesday, May 14, 2024\nA regular meeting of Council was held on "
                "Tuesday, May 14, 2024 starting at 6:30 p.m.\nPresent: Mayor T Piper\nR2024-101 A. Smith, B. Jones:\n"
                "That the agenda be adopted.\nCarried.")
    last = ("R2024-115 D. Yemm, S. Foote:\nThat the meeting be adjourned. Time: 7:16 p.m. Next regular meeting to be "
            "held May 28, 2024.\nCarried.\n\nMayor:\n\nMinutes prepared as per Section 228 (1)(a) of the Municipal Act.\n"
            "Minutes to be approved by Council at the next regular Council Meeting.")
    board = ("Successor Agency Oversight Board Minutes\nJanuary 26, 2016 Special Meeting Page 2 of 2\n"
             "Resolution (16-03) adopted (Ortiz/Potter and passed unanimously, 4-0-3).\n8. ADJOURNMENT\n\n"
             "Minutes approved by the Successor Agency Oversight Board on January 24, 2017.")
    for first, then, source in ((township, last, "township/2024-05-14.pdf"), (UK_MEETING, board, "board/2019-05-23.pdf")):
        _, parts = sections([first, then], source)
        assert [(s.first_page, s.last_page) for s in parts] == [(1, 2)]


def test_minutes_filed_under_a_later_meeting_are_dated_as_printed():
    text = ("MINUTES OF THE REGULAR MEETING\nOF THE\nPENSION BOARD OF THE CITY OF EXAMPLETON\n"
            "HELD 4:30 P.M., JULY 26, 2021\nCITY HALL\n1. The meeting was called to order at 4:41 p.m.\n"
            "3. MINUTES: The minutes of the Regular Meeting of January 25, 2021 were moved for acceptance.")
    facts, parts = sections([text], "pension/2021-10-25.pdf")
    assert facts.meeting_date == "2021-07-26" and parts[0].meeting_date == "2021-07-26"
    assert facts.body == "Pension Board of the City of Exampleton"


def test_a_printed_year_whose_weekday_does_not_fit_is_the_slip_when_the_file_name_agrees():
    us = ("Transportation Commission Minutes\nWednesday, January 25, 2011\n"
          "Commissioner Moehring called the Transportation Commission to order at 7:01 p.m.\n1. Roll Call\n"
          "2. Minutes\nCommissioner Vargas moved approval of the minutes for the December 14, 2011 meeting.")
    facts, parts = sections([us], "transport/2012-01-25.pdf")
    assert facts.meeting_date == "2012-01-25" and parts[0].meeting_date == "2012-01-25"
    assert read_facts([us], "transport/minutes.pdf").meeting_date == "2011-01-25"  # no hint: as printed
    uk = ("MINUTES OF THE MEETING OF EXAMPLE PARISH COUNCIL\nHELD ON THURSDAY 19th May 2015\nPresent: A Chair\n"
          "1. Apologies for absence")  # 19 May 2016 was a Thursday
    assert read_facts([uk], "parish/2016-05-19 minutes.pdf").meeting_date == "2016-05-19"
    # A weekday that fits the printed date: the name's other date is only a hint.
    fits = us.replace("Wednesday, January 25, 2011", "Tuesday, January 25, 2011")
    assert read_facts([fits], "transport/2012-01-25.pdf").meeting_date == "2011-01-25"


@needs_real
def test_every_paper_of_the_more_set_and_every_gold_decision_page_has_its_meetings_date():
    """more/SOURCES.md dates each paper; gold/decisions-more.jsonl each decision (a paper of several
    meetings: its own meeting's)."""
    from minutebook.ingest.pdf.pages import load_pages, make_pages

    rows = [[c.strip() for c in line.split("|")] for line in (REAL / "more" / "SOURCES.md").read_text().splitlines()
            if line.startswith("| ") and ".pdf" in line]
    gold = [json.loads(line) for line in (REAL / "gold" / "decisions-more.jsonl").read_text().splitlines()]
    wrong = []
    for row in rows:
        source, date = "more/" + row[1], row[8][:10]
        if row[10].startswith("yes"):  # a scan: its pages as Tesseract read them for the gold (gold/ocr-more)
            folder, name = row[1].split("/")
            scans = sorted((REAL / "gold" / "ocr-more").glob(f"{folder}__{name}.p*.txt"),
                           key=lambda p: int(p.name.rsplit(".p", 1)[1][:-4]))
            title, read = Path(name).stem, make_pages([p.read_text() for p in scans], [True] * len(scans))
        else:
            title, read = load_pages(REAL / source, source)
        facts = read_facts([p.text for p in read], source, title)
        parts = split_sections(read, title, facts)
        if facts.meeting_date != date:
            wrong.append((source, facts.meeting_date, date))
        for d in (g for g in gold if g["source"] == source):
            got = next(s.meeting_date for s in parts if s.first_page <= d["page"] <= s.last_page)
            if got != d["meeting_date"] and not _dated_in_its_text(d):
                wrong.append((source, d["page"], got, d["meeting_date"]))
    assert not wrong


def _dated_in_its_text(decision: dict) -> bool:
    """Two gold decisions are dated by their own words, not their meeting's title block: a later
    meeting's abstract approved "On March 22, 2023" inside earlier minutes, and a resolution adopting
    minutes whose adoption date the scan's handwriting leaves unreadable. The register reads those."""
    return decision["meeting_date"] in ("2023-03-22", "2017-01-24")
