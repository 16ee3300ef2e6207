"""Meeting facts answered from the meeting asked about: where one paper prints several meetings of one
day, the kind of meeting the question names ("the regular meeting", "the annual meeting") picks the
one whose title block prints it; each fact asked is quoted from its own line. In two bodies'
wording: a Californian city council's paper (a special joint meeting, then the regular one) and an
English parish council's (the annual meeting, then the ordinary meeting that follows it)."""
from __future__ import annotations

import pytest

from minutebook.assistant.proceedings import proceedings_answer
from minutebook.assistant.question import Question
from minutebook.ingest.register import tables as register_tables
from minutebook.ingest.storage.store import Store
from minutebook.ingest.types import Chunk, Document, Hit, Page, Section

CITY_SPECIAL = """Special Joint Meeting
City Council and
Improvement Commission
February 15, 2005
MINUTES OF THE SPECIAL JOINT CITY COUNCIL AND
IMPROVEMENT COMMISSION MEETING
TUESDAY- -FEBRUARY 15, 2005- -6:10 P.M.

Acting Mayor/Chair Giles convened the Special Joint Meeting at 6:20 p.m.

Roll Call - Present: Councilmember/Commissioners Dason, Hahn and Acting Mayor/Chair Giles - 3.

   Absent: Mayor/Chair Jonas - 1.

There being no further business, Acting Mayor/Chair Giles adjourned the Special Joint Meeting at 6:45 p.m.
"""
CITY_REGULAR = """Regular Meeting
City Council
MINUTES OF THE REGULAR CITY COUNCIL MEETING
TUESDAY- -FEBRUARY 15, 2005- -7:30 P.M.

Mayor Jonas convened the Regular Meeting at 7:37 p.m.

ROLL CALL - Present: Councilmembers Dason, Giles, Hahn and Mayor Jonas - 4.

   Absent: None.

There being no further business, Acting Mayor Giles adjourned the Regular Meeting at 9:18 p.m.
"""
PARISH_ANNUAL = """MINUTES OF THE ANNUAL MEETING OF ASHBY PARISH COUNCIL
HELD IN THE VILLAGE HALL ON 20th May 2025

Present: Cllr N Oak (Chairman), Cllr H Dunn, Cllr J Hale
Apologies: Cllr S Jay

The meeting opened at 7.00pm.

1. To elect a Chairman for the forthcoming year
HD proposed and JH seconded that Nick Oak be elected Chair for the forthcoming year.
The meeting closed at 7.20pm.
"""
PARISH_ORDINARY = """MINUTES OF THE ORDINARY MEETING OF ASHBY PARISH COUNCIL
HELD IN THE VILLAGE HALL ON 20th May 2025

Present: Cllr N Oak (Chairman), Cllr H Dunn
Apologies: Cllr S Jay, Cllr J Hale

The meeting opened at 7.25pm.

1. Planning applications
None received.
The meeting closed at 8.40pm.
"""


@pytest.fixture
def store(tmp_path):
    store = Store(tmp_path / "minutebook.db")
    yield store
    store.close()


def paper(store, doc_id, board, day, pages):
    """A paper of several meetings of one day, a section each, stored as ingest stores it."""
    doc = Document(id=doc_id, source=f"{doc_id}.pdf", path=f"{doc_id}.pdf", title="Minutes",
                   pages=[Page(n, text) for n, text in enumerate(pages, start=1)],
                   sections=[Section(kind="minutes", title="Minutes", first_page=n, last_page=n, board=board,
                                     meeting_date=day) for n in range(1, len(pages) + 1)])
    store.add_document(doc, [], [])
    register_tables.write_minutes(store, doc)
    # Search finds the first meeting's passages first: it is the other one that is asked about.
    return [Hit(chunk=Chunk(id=f"{doc_id}-{n}", document_id=doc_id, section=n - 1, position=n, page=n, text=text,
                            doc_type="minutes", title="Minutes", board=board, meeting_date=day),
                source=f"{doc_id}.pdf", score=1.0) for n, text in enumerate(pages, start=1)]


def test_the_regular_meeting_asked_about_not_the_special_one_printed_with_it(store):
    hits = paper(store, "city", "City Council", "2005-02-15", [CITY_SPECIAL, CITY_REGULAR])
    q = Question.parse("Who adjourned the regular City Council meeting of 15 February 2005, and at what time?")
    answer = proceedings_answer(q, hits, store)
    assert "adjourned the Regular Meeting at 9:18 p.m." in answer.text and "6:45" not in answer.text
    assert [c.page for c in answer.citations] == [2]
    q = Question.parse("Who convened the special joint meeting of 15 February 2005?")
    assert "convened the Special Joint Meeting at 6:20 p.m." in proceedings_answer(q, hits[::-1], store).text


def test_the_ordinary_meeting_asked_about_not_the_annual_one_before_it(store):
    hits = paper(store, "parish", "Ashby Parish Council", "2025-05-20", [PARISH_ANNUAL, PARISH_ORDINARY])
    q = Question.parse("Who sent apologies to the ordinary meeting of Ashby Parish Council on 20 May 2025?")
    answer = proceedings_answer(q, hits, store)
    assert "Cllr S Jay, Cllr J Hale" in answer.text and answer.citations[0].page == 2
    q = Question.parse("Who was elected Chairman at the annual meeting of Ashby Parish Council on 20 May 2025?")
    answer = proceedings_answer(q, hits[::-1], store)
    assert "Nick Oak be elected Chair" in answer.text and answer.citations[0].page == 1


def test_several_facts_asked_are_each_quoted_from_their_own_line(store):
    hits = paper(store, "city", "City Council", "2005-02-15", [CITY_REGULAR])
    q = Question.parse("Who convened the regular City Council meeting of 15 February 2005, and who was absent?")
    answer = proceedings_answer(q, hits, store)
    assert [c.quote for c in answer.citations] == ["Mayor Jonas convened the Regular Meeting at 7:37 p.m.", "Absent: None."]


AUTHORITY = """MINUTES OF THE REGULAR MEETING OF THE REUSE AUTHORITY
Wednesday, October 3, 2007

The meeting convened at 7:12 p.m. with Vice Chair Lane presiding.

1.     ROLL CALL
Present:  Boardmember Ann Dale
  Vice Chair Sue Lane
  Chair Perez arrived at 7:52 p.m. (during item 3-B).

3-B. It is noted that Chair Perez arrived at this point in the discussion (7:52 p.m.).
"""
PARISH_LATE = """MINUTES OF THE MEETING OF ASHBY PARISH COUNCIL HELD ON 17th June 2025

Present: Cllr N Oak (Chairman), Cllr H Dunn
The meeting opened at 7.30pm.

4. Planning
Cllr P Ross arrived at 7.40pm.
5. Footpaths
Cllr P Ross, who arrived at 7.40pm, declared an interest.
Cllr H Dunn left the meeting at 9.02pm.
"""


def test_each_late_arrival_or_early_departure_is_quoted_once(store):
    hits = paper(store, "authority", "Reuse Authority", "2007-10-03", [AUTHORITY])
    q = Question.parse("Who was presiding when the Reuse Authority meeting of 3 October 2007 convened, and when did "
                       "the Chair arrive?")
    quoted = [c.quote for c in proceedings_answer(q, hits, store).citations]
    assert quoted == ["The meeting convened at 7:12 p.m. with Vice Chair Lane presiding.", "Chair Perez arrived at 7:52 p.m."]
    hits = paper(store, "parish", "Ashby Parish Council", "2025-06-17", [PARISH_LATE])
    q = Question.parse("Who arrived late or left the meeting early at Ashby Parish Council on 17 June 2025?")
    quoted = [c.quote for c in proceedings_answer(q, hits, store).citations]
    assert quoted == ["Cllr P Ross arrived at 7.40pm.", "Cllr H Dunn left the meeting at 9.02pm."]


GOLF_END = """MINUTES OF SPECIAL MEETING
Tuesday, December 12, 2023
Chair Downs called the special meeting to order at 6:42 p.m.
Director Long added that the survey committee could prepare for the next meeting and possibly go live after
January 9, 2024.
ITEMS FOR NEXT MEETING’S AGENDA – January 9, 2024
ADJOURNMENT
The meeting was adjourned at 8:45 p.m.
"""
PARISH_END = """MINUTES OF THE MEETING OF ASHBY PARISH COUNCIL HELD ON 18th July 2024
The meeting opened at 7.30pm.
8 Footpaths
Cllr Ross said the stile would be reported again at the next meeting on 19th September.
9 Date of next meeting:
The next meeting will be held on Thursday 19th September in the Village Hall at 7.30pm
"""


def test_the_next_meeting_is_quoted_where_the_minutes_say_when_it_is_not_where_a_speaker_mentions_it(store):
    hits = paper(store, "golf", "Golf Commission", "2023-12-12", [GOLF_END])
    q = Question.parse("When is the next Golf Commission meeting after its special meeting of 12 December 2023?")
    assert [c.quote for c in proceedings_answer(q, hits, store).citations] == ["ITEMS FOR NEXT MEETING’S AGENDA – January 9, 2024"]
    hits = paper(store, "parish", "Ashby Parish Council", "2024-07-18", [PARISH_END])
    q = Question.parse("When is the next meeting of Ashby Parish Council after 18 July 2024?")
    assert [c.quote for c in proceedings_answer(q, hits, store).citations] == [
        "9 Date of next meeting: The next meeting will be held on Thursday 19th September in the Village Hall at 7.30pm"]


PANEL_ELECTION = """MINUTES OF THE ADVISORY PANEL
July 20, 2016
CALL TO ORDER: 6:13 p.m.

5-G Elect Chair and Vice Chair

Panel member Lowe nominated Mr. Mack as Chair, quickly seconded by Mr. Wynn.
The Panel unanimously voted in favor.

Panel member Ellis nominated Mr. Wynn as Vice Chair, seconded by Ms. Monk.
The Panel unanimously voted in favor.
"""
PARISH_ELECTION = """MINUTES OF THE ANNUAL MEETING OF ASHBY PARISH COUNCIL HELD ON 24th May 2018
The meeting opened at 7.00pm.
1.
To elect a chairman for the forthcoming year
JH proposed and KA seconded the proposal that Nick Oak be elected chairman for the forthcoming year.
2.
To elect a Vice chairman for the forthcoming year
NO proposed and KA seconded the proposal that Alan Smyth be elected vice chairman for the forthcoming year.
"""


def test_the_election_of_the_office_asked_about_is_quoted_not_every_election(store):
    hits = paper(store, "panel", "Advisory Panel", "2016-07-20", [PANEL_ELECTION])
    q = Question.parse("Who was elected Vice Chair of the Advisory Panel on 20 July 2016?")
    assert [c.quote for c in proceedings_answer(q, hits, store).citations] == [
        "Panel member Ellis nominated Mr. Wynn as Vice Chair, seconded by Ms. Monk. The Panel unanimously voted in favor."]
    q = Question.parse("Who were elected Chair and Vice Chair of the Advisory Panel on 20 July 2016?")
    assert len(proceedings_answer(q, hits, store).citations) == 2
    hits = paper(store, "parish", "Ashby Parish Council", "2018-05-24", [PARISH_ELECTION])
    q = Question.parse("Who was elected chairman at the annual meeting of Ashby Parish Council on 24 May 2018?")
    assert [c.quote for c in proceedings_answer(q, hits, store).citations] == [
        "To elect a chairman for the forthcoming year JH proposed and KA seconded the proposal that Nick Oak be "
        "elected chairman for the forthcoming year."]
