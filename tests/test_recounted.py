"""Asked what a meeting decided, where the papers hold no record of that meeting but a later paper
recounts it, the answer quotes the recount from the page that prints it and says where it comes from.
In two councils' wording: an English county's report to Cabinet on a scrutiny call-in (the motion runs
on to the next page), and a Californian city's staff report recounting its planning commission."""
from __future__ import annotations

from minutebook.assistant.question import Question
from minutebook.assistant.recounted import NOTE, recounted_answer, recounted_decisions
from minutebook.ingest.types import Chunk, Hit

COUNTY = [
    (1, "4. On 29 January 2025, the Scrutiny Committee considered a call-in made by two Members of decision 24/00093 "
        "(Future of Commissioned Services at Two Family Hubs). 5. The Scrutiny Committee considered the call-in "
        "reasoning. 6. Following the debate, the Scrutiny Committee unanimously agreed the following motion:"),
    (2, "a. That implementation of Decision 24/00093 be postponed pending review by the full Council. 7. Comments "
        "expressed during the debate are summarised below. After the debate, the Committee resolved, with a unanimous "
        "vote, to refer the matter to full Council for review."),
]
CITY = [
    (3, "BACKGROUND The proposed ordinance was presented at a public hearing. On January 9, 2023, the Planning "
        "Commission recommended that the City Council adopt the ordinance with two amendments. Staff has prepared "
        "the ordinance as recommended."),
]


def hit(pieces, source: str, date: str) -> Hit:
    page, text = pieces[0]
    return Hit(chunk=Chunk(id=source, document_id=source, section=0, position=0, page=page, text=text,
                           doc_type="report", title=source, board=None, meeting_date=date), source=source, score=1.0)


def test_a_scrutiny_committees_decision_is_quoted_from_the_report_that_recounts_it():
    q = Question.parse("What did the Scrutiny Committee decide on 29 January 2025 about the call-in of decision 24/00093?")
    steps = recounted_decisions(q, COUNTY, "2025-03-04")
    assert [s.outcome for s in steps] == ["agreed", "agreed"]  # the call-in itself is no decision
    answer = recounted_answer(q, [hit(COUNTY, "cabinet-report.pdf", "2025-03-04")], lambda h: COUNTY)
    assert answer.text.startswith(NOTE) and not answer.abstained
    # The motion runs over the page's end, so only the resolution printed whole on page 2 is quoted.
    assert [c.page for c in answer.citations] == [2]
    assert "refer the matter to full Council for review" in answer.citations[0].quote


def test_a_planning_commissions_recommendation_is_quoted_from_a_later_staff_report():
    q = Question.parse("What did the Planning Commission decide on January 9, 2023 about the proposed ordinance?")
    answer = recounted_answer(q, [hit(CITY, "staff-report.pdf", "2023-02-07")], lambda h: CITY)
    assert answer is not None and answer.citations[0].page == 3
    assert "recommended that the City Council adopt the ordinance" in answer.citations[0].quote


def test_another_body_or_another_day_is_not_recounted_as_the_meeting_asked_about():
    other_day = Question.parse("What did the Scrutiny Committee decide on 30 January 2025 about the call-in?")
    assert recounted_answer(other_day, [hit(COUNTY, "r.pdf", "2025-03-04")], lambda h: COUNTY) is None
    other_body = Question.parse("What did the Cabinet decide on 29 January 2025 about the call-in?")
    assert recounted_answer(other_body, [hit(COUNTY, "r.pdf", "2025-03-04")], lambda h: COUNTY) is None
