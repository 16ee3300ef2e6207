"""Asked who moved a motion, the answer cites the line that says so for that motion: where the minute is
the motion itself ("Commissioner Perez moved and Chair Ramirez seconded to approve the consent calendar"),
that sentence, not the roll call above it that lists both names among others, nor another motion of the
same proposer. Real papers of a Californian housing authority and an English parish council, from
../shared (skipped where it is absent)."""
from __future__ import annotations

from conftest import needs_real

PAPERS = ("us/norwalk_agenda_1.pdf", "more/uk-souldern-parish-council/2025-05-20 Annual Meeting minutes.pdf")
pytestmark = needs_real(*PAPERS)


def test_the_motion_that_names_its_mover_is_the_line_cited(papers_assistant):
    answer = papers_assistant.ask(
        "Who moved and seconded the consent calendar at the Norwalk Housing Authority meeting of October 18, 2022?")
    assert "Commissioner Perez" in answer.text and "Chair Ramirez" in answer.text
    assert all("in person" not in c.quote for c in answer.citations)  # the roll call is no motion
    assert any("Perez moved and Chair Ramirez seconded" in " ".join(c.quote.split()) for c in answer.citations)


def test_a_proposers_other_motion_is_not_cited_as_this_ones(papers_assistant):
    answer = papers_assistant.ask(
        "Who was appointed Responsible Financial Officer at Souldern Parish Council's annual meeting of 20 May 2025, "
        "and who proposed and seconded the appointment?")
    assert "Cathy Fleet" in answer.text and "HD" in answer.text
    assert all("Heidi" not in c.quote for c in answer.citations)


def test_a_sum_asked_beside_who_moved_is_quoted_from_the_same_meeting(papers_assistant):
    answer = papers_assistant.ask(
        "What warrant run total did the Norwalk Housing Authority approve at its October 18, 2022 meeting, and who "
        "moved the consent calendar?")
    assert "Commissioner Perez" in answer.text and "575.42" in answer.text
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))  # numbered once, in order
