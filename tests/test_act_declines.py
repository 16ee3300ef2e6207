"""A member asks what a body recommended, or what a survey found, where the papers only mention it:
the answer says the papers record no such recommendation or finding, rather than quoting a sentence
that names the body ("the Economic Development Commission ... should be engaged") or the survey's
own questions as if they were its results. Asked about what the same papers do record, it answers.
Real minutes of three Californian boards, from ../shared (skipped where it is absent)."""
from __future__ import annotations

from conftest import needs_real

PAPERS = ("more/us-ca-alameda-golf-commission/2023-12-12.pdf",
          "more/us-ca-alameda-reuse-and-redevelopment-authority/2012-01-04.pdf",
          "more/us-ca-alameda-transportation-commission/2012-01-25.pdf")
pytestmark = needs_real(*PAPERS)


def test_a_survey_still_being_drafted_has_no_findings_to_give(papers_assistant):
    answer = papers_assistant.ask(
        "What did the Golf Commission's survey of Corica Park golfers find about pace of play?")
    assert answer.abstained and "none records a finding" in answer.text
    assert not answer.citations


def test_a_commission_mentioned_in_passing_made_no_recommendation_the_papers_record(papers_assistant):
    answer = papers_assistant.ask(
        "What did the Economic Development Commission recommend in 2012 about the economic development strategy for "
        "Alameda Point?")
    assert answer.abstained and "none records a recommendation" in answer.text


def test_what_the_same_minutes_do_record_is_still_answered(papers_assistant):
    answer = papers_assistant.ask("Which items did Commissioner Tong want included in the golf survey?")
    assert not answer.abstained and "pace of play" in answer.text
    assert answer.citations[0].page == 2


def test_a_survey_whose_result_is_minuted_is_answered_with_it(papers_assistant):
    # Printed with no "found" or "showed": the count of drivers is the finding.
    answer = papers_assistant.ask("What did staff find in its survey of turning movements?")
    assert not answer.abstained and "5 or 6 drivers" in answer.text
