"""Minutes' own record of the meeting (call to order, roll call, chair, clerk, apologies, adjournment,
next meeting), read in the forms councils print them: a Californian board, an English parish
council, an Ontario township, an English county panel."""
from __future__ import annotations

from minutebook.ingest.papers.proceedings_facts import first_of, read_proceedings

BOARD = """MINUTES OF THE REGULAR PLANNING BOARD MEETING
MONDAY, SEPTEMBER 22, 2008
COUNCIL CHAMBERS, CITY HALL – 7:00 PM
President Marsh called the meeting to order at 7:06 p.m.
ROLL CALL:
 PRESENT: President Marsh, Vice-President Okafor,
Board members Lind, Perez.
 ABSENT: Board member Tully.
 STAFF PRESENT: Ann Howe, Planning Services Manager
"""
BOARD_END = """9. ADJOURNMENT
There being no further business, Acting Mayor Perez adjourned the Regular Meeting at 9:18 p.m.
Respectfully submitted,
"""
PARISH = """Present: Also in attendance:
Mr A Brook (Chairman)
Ms K Dale
Mrs B Moss (Clerk)
Apologies: Cllr J Hart (District)
1. Minutes of the last meeting were approved and signed.
"""
PARISH_END = """9 Date of next meeting:
The next meeting will be held on Thursday 19th September in the Village Hall at 7.30pm
It was resolved to book the hall.
"""
TOWNSHIP = """R2023-068 T. Bell, D. Young: That the meeting be adjourned.  Time:  8:58 p.m.  Next regular meeting to be held March 21, 2023.
Clerk to record, without note or comment, all resolutions.
"""
PANEL = """PRESENT: Sarah Lyle (Chair), Paul Bent (Vice-Chair), Gary Cole,
Dylan Jay
Apologies and Substitutes
Apologies were received from Mr R Lowe, Ms K Lee, and Ms A Finch.
"""


def quotes(pages, kind):
    fact = first_of(read_proceedings(pages), kind)
    return fact and (fact.page, fact.quote)


def test_the_call_to_order_and_roll_call_of_a_board():
    pages = [(1, BOARD), (6, BOARD_END)]
    assert quotes(pages, "call_to_order") == (1, "President Marsh called the meeting to order at 7:06 p.m.")
    assert quotes(pages, "present") == (1, "PRESENT: President Marsh, Vice-President Okafor, Board members Lind, Perez.")
    assert quotes(pages, "absent") == (1, "ABSENT: Board member Tully.")
    assert quotes(pages, "adjournment") == (6, "There being no further business, Acting Mayor Perez adjourned the Regular Meeting at 9:18 p.m.")


def test_a_parish_councils_attendance_list_and_next_meeting():
    pages = [(1, PARISH), (4, PARISH_END)]
    assert quotes(pages, "chair") == (1, "Mr A Brook (Chairman)")
    assert quotes(pages, "clerk") == (1, "Mrs B Moss (Clerk)")
    assert quotes(pages, "apologies") == (1, "Apologies: Cllr J Hart (District)")
    assert quotes(pages, "next_meeting") == (4, "9 Date of next meeting: The next meeting will be held on Thursday 19th "
                                                "September in the Village Hall at 7.30pm")


def test_a_townships_adjournment_with_its_time_and_the_next_meeting():
    pages = [(2, TOWNSHIP)]
    assert quotes(pages, "adjournment") == (2, "R2023-068 T. Bell, D. Young: That the meeting be adjourned. Time: 8:58 p.m.")
    assert quotes(pages, "next_meeting") == (2, "Next regular meeting to be held March 21, 2023.")


def test_a_panels_chair_and_apologies():
    pages = [(1, PANEL)]
    assert quotes(pages, "chair") == (1, "PRESENT: Sarah Lyle (Chair), Paul Bent (Vice-Chair), Gary Cole,")
    assert quotes(pages, "apologies") == (1, "Apologies were received from Mr R Lowe, Ms K Lee, and Ms A Finch.")


def test_every_quote_is_printed_on_its_page():
    for pages in ([(1, BOARD), (6, BOARD_END)], [(1, PARISH), (4, PARISH_END)], [(2, TOWNSHIP)], [(1, PANEL)]):
        printed = {n: " ".join(text.split()) for n, text in pages}
        for fact in read_proceedings(pages):
            assert fact.quote in printed[fact.page]


def test_a_mention_of_the_next_meeting_without_a_date_is_no_fact():
    assert quotes([(3, "The item will be brought back at the next meeting for a decision.\n")], "next_meeting") is None


def test_the_facts_are_stored_with_the_minutes_and_replaced_with_them(tmp_path):
    from minutebook.ingest.register import tables as register_tables
    from minutebook.ingest.storage.store import Store
    from minutebook.ingest.types import Document, Page, Section

    pages = [Page(1, BOARD), Page(2, BOARD_END)]
    doc = Document(id="d1", source="board.pdf", path="board.pdf", title="Minutes", pages=pages,
                   sections=[Section(kind="minutes", title="Minutes", first_page=1, last_page=2,
                                     board="Planning Board", meeting_date="2008-09-22")])
    store = Store(tmp_path / "minutebook.db")
    register_tables.write_minutes(store, doc)
    register_tables.write_minutes(store, doc)  # read again: the same rows, not twice as many
    facts = store.proceedings("d1", 0)
    assert [f.kind for f in facts].count("call_to_order") == 1
    assert ("adjournment", 2) in [(f.kind, f.page) for f in facts]
    store.close()
