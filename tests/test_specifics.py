"""A question that names a year or a meeting's date is answered only from papers that hold it."""
from __future__ import annotations

from minutebook.assistant.question.specifics import months_named, prints_month, unmet


def test_a_year_the_papers_never_mention_is_not_answered_by_another_years_papers():
    assert unmet("How did he vote in the 2023 budget meeting?", ["Revenue Budget 2025-26 amendment lost"],
                 ["2025-02-13"])
    assert unmet("What salary will the Chief Executive receive in 2030?", ["Pay policy statement 2025-26"],
                 ["2025-03-13"])


def test_the_year_may_be_in_the_meetings_date_or_printed_as_a_span():
    assert not unmet("In Q2 2018/19, what share of people felt safe?", ["Q2 figures show 79.1%"], ["2018-12-10"])
    assert not unmet("What are the priorities of the hate strategy for 2018 to 2021?",
                     ["Hate Crime Strategy 2018-21 priorities"], [None])


def test_a_meeting_named_by_its_date_must_be_that_meeting():
    assert unmet("What did the Cabinet resolve at its meeting of 13 March 2025?",
                 ["The Panel noted the report."], ["2024-10-29"])
    assert not unmet("What did the Cabinet resolve at its meeting of 13 March 2025?",
                     ["RESOLVED that the plan be adopted."], ["2025-03-13"])


def test_a_question_naming_no_year_or_date_is_never_held_back():
    assert not unmet("What is Biker Down?", ["Biker Down is a free course"], [None])


def test_a_resolution_named_by_number_is_answered_only_from_the_passage_that_holds_it():
    question = "What did Nipissing Council resolve with resolution R2024-101?"
    assert unmet(question, ["R2024-078 T. Buter, D. Yemm: THAT we appoint Councilor Kirkey. Carried."], ["2024-04-02"])
    assert not unmet(question, ["R2024-101 S. Kirkey, D. Yemm: THAT we pass By-Law Number 2024-22"], ["2024-05-14"])
    # A financial year is not a resolution number.
    assert not unmet("What did Council resolve on the Treasury Management mid-year update 2024-25?",
                     ["RESOLVED that Council endorses the mid-year update for 2024-25"], ["2025-03-13"])


def test_the_meeting_a_question_asks_about_is_not_the_one_it_places_the_matter_before():
    from minutebook.assistant.question.specifics import meetings_named

    assert meetings_named("Who chaired the County Council meeting on 13 February 2025?") == {"2025-02-13"}
    # The next meeting's date is printed in the minutes of the meeting it comes after.
    assert meetings_named("When is the next regular Council meeting after 14 May 2024?") == {"2024-05-14"}
    assert meetings_named("Which meeting first reconsidered the decision before it came to full "
                          "County Council on 13 March 2025?") == set()
    assert meetings_named("What did Cabinet decide before 1 April 2025 and on 2 May 2025?") == {"2025-05-02"}


def test_a_meetings_year_is_its_date_not_a_financial_year_a_passage_mentions():
    # The Kent budget minutes of 2025 mention "2022- 23" figures; they are no 2023 budget meeting.
    question = "How did Mr Gough personally vote on the Labour Group's alternative budget amendment in the 2023 budget meeting?"
    assert unmet(question, ["27,000 incidents reported in 2022- 23"], ["2025-02-13"])
    assert not unmet(question, ["Mr Gough voted against the Labour Group amendment"], ["2023-02-09"])
    # A later paper recounting that meeting prints its year in full.
    assert not unmet(question, ["At its budget meeting in February 2023 the Council agreed"], ["2024-02-15"])


def test_a_month_named_with_its_year_is_a_period_a_passage_must_print_together():
    assert months_named("How many flooding incidents were there in January 2024?") == {"2024-01"}
    assert months_named("Who chaired the meeting on 1 October 2018?") == {"2018-10"}
    assert months_named("What was spent in 2024?") == set()
    assert prints_month("led to 88 flooding incidents between april and january 2024.", {"2024-01"})
    assert not prints_month("the january 2025 budget; figures for 2024.", {"2024-01"})


def test_the_month_a_figure_is_asked_for_is_not_a_meetings_month_nor_a_span():
    from minutebook.assistant.question.specifics import months_for
    assert months_for("What was the pension payroll under Ordinance No. 1079 for January 2010?") == {"2010-01"}
    assert months_for("How much was the payroll for the month of November 2009?") == {"2009-11"}
    assert months_for("What did staff recommend in the plan presented in January 2022?") == set()
    assert months_for("What was the re-offending rate for April 2017 to March 2018?") == set()
