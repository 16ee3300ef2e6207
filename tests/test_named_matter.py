"""A member asks for the vote on approving one set of draft minutes at a meeting that approved three
("the draft minutes of June 10, 2019" at the Planning Board of 23 September 2019): the answer gives that
item's vote and its own motion, not the next item's, although every item shares the same words.
Real minutes of a Californian planning board, from ../shared (skipped where it is absent)."""
from __future__ import annotations

from conftest import needs_real

PAPERS = ("more/us-ca-alameda-planning-board/2019-09-23.pdf",)
pytestmark = needs_real(*PAPERS)


def test_the_minutes_named_by_their_date_are_the_item_answered(papers_assistant):
    answer = papers_assistant.ask(
        "At the Alameda Planning Board meeting of 23 September 2019, what was the vote on approving the draft minutes "
        "of June 10, 2019, and who abstained?")
    assert "Minute 8-A" in answer.text and "4-0 (Saheba, Hom, and Ruiz abstained)" in answer.text
    assert "continue the item" not in answer.text  # another item's motion that begins with the same words
    answer = papers_assistant.ask(
        "At the Alameda Planning Board meeting of 23 September 2019, what was the vote on approving the draft minutes "
        "of July 8, 2019?")
    assert "Minute 8-B" in answer.text and "6-0-1" in answer.text
