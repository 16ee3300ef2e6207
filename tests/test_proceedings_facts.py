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


# ---- late arrivals, officers elected, labels in a column of their own ------------------------------
AUTHORITY = """MINUTES OF THE REGULAR MEETING OF THE
REUSE AUTHORITY

 Wednesday, October 3, 2007

The meeting convened at 7:12 p.m. with Vice Chair Lane presiding.

1.     ROLL CALL

Present:  Boardmember Ann Dale
    Boardmember Ray Moss
  Vice Chair Sue Lane
  Chair Perez arrived at 7:52 p.m. (during item 3-B).

2.  CONSENT CALENDAR
"""
PARISH_LATE = """5. Planning
Cllr P Ross joined the meeting at 7.45pm during item 5.
[Note: Cllr K Dale left the meeting at 9.02pm.] The meeting closed at 9.30pm.
"""


def test_who_came_late_or_left_early_on_a_board_and_a_parish_council():
    assert quotes([(1, AUTHORITY)], "arrival") == (1, "Chair Perez arrived at 7:52 p.m.")
    facts = [f.quote for f in read_proceedings([(2, PARISH_LATE)]) if f.kind == "arrival"]
    assert facts == ["Cllr P Ross joined the meeting at 7.45pm during item 5.", "[Note: Cllr K Dale left the meeting at 9.02pm.]"]


COMMISSION = """NEW BUSINESS

2. Election of Officers:
Chair Ada Lord and Vice-Chair Joy Moon were re-elected as officers for 2008.
Nays - 0.

OLD BUSINESS
"""
ADVISORY = """5-G Elect Chair and Vice Chair

Ms. Butler introduced the item.

Panel member Lowe nominated Mr. Mack as Chair, quickly seconded by Mr. Wynn.
The Panel unanimously voted in favor.

Panel member Ellis nominated Mr. Wynn as Vice Chair, seconded by Ms. Monk.
The Panel unanimously voted in favor.

5-H  Adopt Rules and Procedures

The Chair asked if there was any discussion.  There was none.
"""
HERITAGE = """7-C 2016-2451
Board Elections
Vice-Chair Rock made a motion to keep Chair Oakes as chair. Board Member Pike
offered to amend the motion to also keep Vice-Chair Rock in the position of vice-chair.
The amendment was accepted. The motion passed 5-0.

8. BOARD COMMUNICATIONS
"""
COUNTY_PANEL = """Chairman’s Announcements
(Item 2)
1. RESOLVED that Mr P Bent be duly elected Vice Chair of the Corporate Parenting
Panel.

2. The Chair agreed to write to group leaders.
"""
PARISH_ANNUAL = """1.
To elect a chairman for the forthcoming year


JH proposed and KA seconded the proposal that Nick Oak be elected chairman for

the forthcoming year and he accepted.



2.
Chairman to sign the Declaration of Acceptance
"""


def elected(text):
    return [f.quote for f in read_proceedings([(1, text)]) if f.kind == "election"]


def test_officers_elected_as_boards_and_commissions_print_it():
    assert elected(COMMISSION) == ["Election of Officers: Chair Ada Lord and Vice-Chair Joy Moon were re-elected as "
                                   "officers for 2008. Nays - 0."]
    # Each officer's paragraph, with the vote printed under it, and nothing of the next item.
    assert elected(ADVISORY) == [
        "Panel member Lowe nominated Mr. Mack as Chair, quickly seconded by Mr. Wynn. The Panel unanimously voted in favor.",
        "Panel member Ellis nominated Mr. Wynn as Vice Chair, seconded by Ms. Monk. The Panel unanimously voted in favor."]
    # Under an election's heading, the motion that names the office, through to its vote.
    assert elected(HERITAGE) == ["Vice-Chair Rock made a motion to keep Chair Oakes as chair. Board Member Pike offered to "
                                 "amend the motion to also keep Vice-Chair Rock in the position of vice-chair. The amendment "
                                 "was accepted. The motion passed 5-0."]


def test_officers_elected_as_english_councils_print_it():
    assert elected(COUNTY_PANEL) == ["RESOLVED that Mr P Bent be duly elected Vice Chair of the Corporate Parenting Panel."]
    assert elected(PARISH_ANNUAL) == ["To elect a chairman for the forthcoming year JH proposed and KA seconded the proposal "
                                      "that Nick Oak be elected chairman for the forthcoming year and he accepted."]


def test_an_election_heading_is_no_chair_of_the_meeting_and_a_councillor_not_elected_is_no_election():
    assert quotes([(10, ADVISORY)], "chair") is None
    assert elected("that she has not been elected Mayor to hear the loudest voice in the room;\n") == []


# Labels printed in one column, their values in the next, as a text layer reads the page.
BOARD_COLUMNS = """Chair Anders called meeting to order at 7:08 pm.

MEMBERS PRESENT:

MEMBERS ABSENT:

STAFF PRESENT:

MINUTES:

Present: Chair Anders, Vice-Chair Mill, Board
Members
Ives and Lund.

Board Member Irwin
Greg Fann, Building Official, Cindy Ellis,

Supervising Planner.

Motion (Lund)/Second (Ives) to approve minutes for September 6, 2007.
"""
PARISH_COLUMNS = """Present:
Apologies:
In attendance:
Cllr A Brook (Chairman), Cllr K Dale, Cllr J Hart
Cllr P Ross
Mrs B Moss (Clerk)
1. Declarations of interest
"""
# A table read row by row: a name from each column on every row, more rows than labels.
PARISH_TABLE = """Present:
Members of the Public:
Apologies:

Nick Oak (NO) CHAIR
David Carl
Lucy Corn

Kirsty All (KA)
Barbara Mc

Alan Smyth (AS)
Norma Jay

Cathy Fell (CF) CLERK

1.
To elect a chairman for the forthcoming year
"""


def test_labels_in_a_column_of_their_own_take_the_value_in_their_place():
    assert quotes([(1, BOARD_COLUMNS)], "absent") == (1, "Board Member Irwin")
    assert quotes([(1, BOARD_COLUMNS)], "present") == (1, "Present: Chair Anders, Vice-Chair Mill, Board Members Ives and Lund.")
    assert quotes([(1, BOARD_COLUMNS)], "call_to_order") == (1, "Chair Anders called meeting to order at 7:08 pm.")
    assert quotes([(1, PARISH_COLUMNS)], "apologies") == (1, "Cllr P Ross")
    assert quotes([(1, PARISH_COLUMNS)], "present") == (1, "Cllr A Brook (Chairman), Cllr K Dale, Cllr J Hart")


def test_a_table_read_row_by_row_gives_its_labels_no_names():
    facts = read_proceedings([(1, PARISH_TABLE)])
    assert not [f for f in facts if f.kind in ("present", "apologies")]
    assert quotes([(1, PARISH_TABLE)], "chair") == (1, "Nick Oak (NO) CHAIR")


def test_a_running_date_or_an_item_number_on_its_own_line_is_no_part_of_a_fact():
    page = "July 20, 2016\n\n5-I Next Meeting\n\nMr. Fonte said the next meeting is expected in September.\n"
    assert quotes([(11, page)], "next_meeting") is None
    page = "Apologies had been received from Lucy Corn\n4.\nTo receive the minutes of the last meeting\n"
    assert quotes([(1, page)], "apologies") == (1, "Apologies had been received from Lucy Corn")


def test_every_new_quote_is_printed_on_its_page():
    for text in (AUTHORITY, PARISH_LATE, COMMISSION, ADVISORY, HERITAGE, COUNTY_PANEL, PARISH_ANNUAL, BOARD_COLUMNS,
                 PARISH_COLUMNS, PARISH_TABLE):
        for fact in read_proceedings([(1, text)]):
            assert fact.quote in " ".join(text.split())
