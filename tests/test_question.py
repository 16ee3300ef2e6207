"""A question is read once; the meeting it names binds the answer, or the answer says which meetings
the papers hold (in two bodies' wording: an English county council, a Californian city board)."""
from __future__ import annotations

from datetime import date

from minutebook.assistant.question import Question, meetings_held, meetings_meant, no_such_meeting

TODAY = date(2025, 6, 1)
COUNTY = [("County Council", "2024-12-19"), ("County Council", "2025-02-13"), ("County Council", "2025-03-13"),
          ("Cabinet", "2025-01-30"), ("Cabinet", "2025-03-04")]
CITY = [("Planning Board", "2008-09-22"), ("Planning Board", "2006-09-11"), ("Planning Board", "2022-06-13"),
        ("City Council", "2023-09-19"), ("City Council", "2012-03-06")]
BOARDS = sorted({b for b, _ in COUNTY + CITY})


def meant(text: str, meetings):
    return meetings_meant(Question.parse(text, today=TODAY), meetings, BOARDS)


def test_a_meeting_named_by_its_date_binds_the_answer_to_that_date():
    found = meant("Who chaired the County Council meeting of 13 February 2025?", COUNTY)
    assert found.matched == (("County Council", "2025-02-13", "2025-02-13"),)
    found = meant("Who presided over the Planning Board meeting of September 22, 2008?", CITY)
    assert found.matched == (("Planning Board", "2008-09-22", "2008-09-22"),)


def test_a_date_the_papers_hold_no_meeting_of_is_declined_with_the_meetings_they_do_hold():
    q = Question.parse("Who chaired the council meeting of 9 January 2025?", today=TODAY)
    found = meetings_meant(q, COUNTY, BOARDS)
    assert not found.matched
    text = no_such_meeting(q, found)
    assert "no meeting" in text and "9 January 2025" in text and "19 December 2024" in text
    q = Question.parse("What did the Cabinet resolve at its meeting of 13 March 2025?", today=TODAY)
    found = meetings_meant(q, COUNTY, BOARDS)
    assert not found.matched  # the County Council met that day, not the Cabinet
    assert "4 March 2025" in no_such_meeting(q, found) and "19 December 2024" not in no_such_meeting(q, found)
    q = Question.parse("What did the Planning Board decide at its meeting of October 13, 2008?", today=TODAY)
    found = meetings_meant(q, CITY, BOARDS)
    assert not found.matched and "22 September 2008" in no_such_meeting(q, found)


def test_a_body_named_in_full_is_not_any_body_sharing_its_last_word():
    # "Council" is an index board (a township's minutes read it so) and the last word of the parish's name:
    # the city council's meeting that month is no answer about the parish council's.
    meetings = [("Parish Council", "2021-02-25"), ("Parish Council", "2021-07-29"), ("City Council", "2021-05-11"),
                ("Council", "2023-03-07"), ("County Council", "2025-02-13")]
    boards = sorted({b for b, _ in meetings})
    q = Question.parse("At the Parish Council's annual meeting in May 2021, who proposed the chairman?", today=TODAY)
    found = meetings_meant(q, meetings, boards)
    assert not found.matched and "25 February 2021" in no_such_meeting(q, found)
    found = meetings_meant(Question.parse("Who chaired the County Council meeting of 13 February 2025?"), meetings, boards)
    assert found.matched == (("County Council", "2025-02-13", "2025-02-13"),)


def test_last_march_is_the_latest_march_before_today():
    found = meant("What did the Cabinet decide last March?", COUNTY)
    assert found.matched == (("Cabinet", "2025-03-04", "2025-03-04"),)
    q = Question.parse("What did the Planning Board decide last March?", today=TODAY)
    found = meetings_meant(q, CITY, BOARDS)
    assert not found.matched and "March 2025" in no_such_meeting(q, found)


def test_a_meeting_named_by_its_year_binds_to_that_years_meetings():
    q = Question.parse("How did Mr Gough vote on the alternative budget at the 2023 budget meeting?", today=TODAY)
    found = meetings_meant(q, COUNTY, BOARDS)
    assert not found.matched and "2023" in no_such_meeting(q, found)
    found = meant("Who moved the motion at the 2008 Planning Board meeting on Mariner Square?", CITY)
    assert found.matched == (("Planning Board", "2008-09-22", "2008-09-22"),)


def test_the_last_meeting_is_the_bodys_newest():
    assert meant("What did the City Council decide at its last meeting?", CITY).matched == (("City Council", "2023-09-19", "2023-09-19"),)
    assert meant("Who chaired the last Cabinet meeting?", COUNTY).matched == (("Cabinet", "2025-03-04", "2025-03-04"),)


def test_a_question_naming_no_meeting_is_not_bound():
    assert meant("What is the Local Transport Plan?", COUNTY) is None
    assert meant("How much were the bills ratified?", CITY) is None


def test_the_question_says_what_it_asks_for():
    assert Question.parse("Who called the meeting to order, and at what time did it adjourn?").asks_for("call_to_order")
    assert Question.parse("At what time was the meeting adjourned?").asks_for("adjournment")
    assert Question.parse("When is the next regular meeting of Council?").asks_for("next_meeting")
    assert Question.parse("Which trustee was absent?").asks_for("absent")
    assert Question.parse("Who sent apologies?").asks_for("apologies")
    assert not Question.parse("What is the Local Transport Plan?").asks
    # One reading, as JSON: what the ask was read as.
    assert Question.parse("Who chaired the meeting of 4 March 2025?").to_json()["dates"] == ("2025-03-04",)


def test_a_meeting_misdated_at_ingest_is_found_by_the_date_its_title_block_prints():
    heads = [("Human Relations Board", "2016-11-29", "Minutes of the Regular Meeting of the Human Relations Board\n"
              "March 23, 2017\n1. CALL TO ORDER"), ("Parish Council", "2021-07-29", "MINUTES OF THE PARISH COUNCIL "
              "MEETING HELD ON 29th July 2021\nPresent:")]
    held = meetings_held(heads)
    found = meetings_meant(Question.parse("Who presided over the Human Relations Board meeting of 23 March 2017?"),
                           held, ["Human Relations Board", "Parish Council"])
    assert found.matched and found.dates == {"2016-11-29"}  # searched under the date the index files it
    found = meetings_meant(Question.parse("What did the Parish Council agree at its meeting of 24 June 2021?"),
                           held, ["Human Relations Board", "Parish Council"])
    assert not found.matched and "29 July 2021" in no_such_meeting(
        Question.parse("What did the Parish Council agree at its meeting of 24 June 2021?"), found)


def test_a_period_a_figure_is_for_is_no_meeting():
    assert meant("How many flooding incidents did the fire service deal with in January 2024?", COUNTY) is None
    assert meant("What was the pension payroll for January 2010?", CITY) is None
    assert meant("What did the Cabinet decide in January 2025?", COUNTY).matched == (("Cabinet", "2025-01-30", "2025-01-30"),)


def test_the_kind_of_meeting_named_is_read_in_either_bodys_wording():
    assert Question.parse("Who adjourned the regular City Council meeting of 15 February 2005?").meeting_kinds == ("regular",)
    assert Question.parse("Who convened the special joint meeting of 15 February 2005?").meeting_kinds == ("joint", "special")
    assert Question.parse("Who was elected chairman at the Parish Council's annual meeting of 20 May 2025?"
                          ).meeting_kinds == ("annual",)
    assert Question.parse("Who called the extraordinary meeting of Council to order?").meeting_kinds == ("extraordinary",)
    # "regular" that names no meeting ("regular reports") is no kind of meeting.
    assert Question.parse("Who adjourned the meeting that received regular reports on parking?").meeting_kinds == ()


def test_officers_elected_and_late_arrivals_are_asked_as_meeting_facts():
    for text in ("Who were elected Chair and Vice Chair of the Panel at its first meeting?",
                 "Who were kept as Chair and Vice-Chair in the Board's elections of 7 January 2016?",
                 "Who was duly elected Vice-Chairman of the Corporate Parenting Panel?",
                 "Who were re-elected officers of the Commission for 2008?"):
        q = Question.parse(text)
        assert q.asks_for("election") and not q.asks_for("chair"), text
    assert not Question.parse("Who was appointed to the Township Museum board?").asks_for("election")
    assert Question.parse("When did the Chair arrive?").asks_for("arrival")
    assert Question.parse("Which councillor left the meeting early?").asks_for("arrival")
    assert not Question.parse("What is left of the reserve?").asks_for("arrival")


def test_the_vote_of_an_election_is_read_with_it_and_its_proposer_from_the_register():
    # The vote printed under the election answers with it; who proposed and seconded stays the register's.
    assert not Question.parse("Who were kept as Chair and Vice-Chair, and what was the vote?").asks_register
    assert Question.parse("Who was elected vice chairman, and who proposed and seconded him?").asks_register
    assert Question.parse("What was the vote on the budget amendment?").asks_register


def test_what_became_of_a_motion_is_asked_of_the_register():
    # A member's motion named by its mover, a councillor's amendment: their fate is the register's entry.
    assert Question.parse("What happened to Councilmember Herrera Spencer's motion of 17 January 2023 directing "
                          "staff to review offering free Narcan vending machines?").asks_register
    assert Question.parse("What became of Cllr Reed's amendment on the precept?").asks_register
    # A motion picture is no motion: the item's matter, left to search.
    assert not Question.parse("What happened to the item on the motion picture festival?").asks_register


def test_the_offices_an_election_question_names():
    assert Question.parse("Who was elected Vice-Chairman of the Parish Council in May 2025?").offices == ("vice chair",)
    assert Question.parse("Who were elected Chair and Vice Chair of the Panel?").offices == ("chair", "vice chair")
    assert Question.parse("Who was elected President of the Board for 2017?").offices == ("president",)
    assert Question.parse("Who chaired the meeting of 4 October 2007?").offices == ()  # no election asked


def test_a_plans_years_are_no_resolution_number():
    from minutebook.assistant.question.intents import items_named
    assert items_named("What did County Council resolve about the Local Plan 2024-39, and what was the vote?") == []
    assert items_named("What did Nipissing Council resolve with resolution R2024-101?") == [("R2024-101", True)]
    assert items_named("What was decided under Minute 276?") == [("Minute 276", False)]
    # The years printed in full, as a county's plan and a US district's strategy print them.
    assert items_named("Who proposed adoption of the Minerals and Waste Local Plan 2024-2039?") == []
    assert items_named("What did the Board adopt as its Strategic Plan 2019-2021?") == []
    assert items_named("What did Resolution 2024-007 approve?") == [("2024-007", True)]


def test_who_was_appointed_on_a_date_is_about_that_days_meeting():
    from minutebook.assistant.question.intents import asks_fate
    q = Question.parse("Who was appointed to the Township Museum board on 7 March 2023?", today=TODAY)
    assert q.names_meeting and asks_fate(q.text)
    found = meetings_meant(q, [("Council", "2023-03-07"), ("Council", "2023-11-14")], ["Council"])
    assert found.matched == (("Council", "2023-03-07", "2023-03-07"),)
    assert asks_fate("Who were appointed to the Golf Commission on 19 September 2023?")
    assert not asks_fate("Who chaired the meeting of 19 September 2023?")


def test_a_sum_asked_beside_another_ask_is_read_as_a_question_of_its_own():
    from minutebook.assistant.question.intents import sum_asked_beside

    assert sum_asked_beside("What warrant run total did the Authority approve on October 18, 2022, and who moved the "
                            "consent calendar?") == "What warrant run total did the Authority approve on October 18, 2022?"
    assert sum_asked_beside("Who proposed the precept on 21 March 2013, and how much was it?") == "How much was it?"
    assert sum_asked_beside("Who proposed the precept on 21 March 2013?") is None  # one ask
    assert sum_asked_beside("How much did the amendment propose, and how much did the motion add?") is None  # both sums
