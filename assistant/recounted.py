"""What a meeting decided, where the papers hold no record of the meeting itself but a later paper
recounts it: "On 29 January 2025, the Scrutiny Committee considered a call-in ... Following the
debate, the Scrutiny Committee unanimously agreed the following motion: a. That implementation of
Decision 24/00093 be postponed pending review by the full Council."

A question naming a meeting the papers do not hold is declined with the meetings they do hold
(question.no_such_meeting). A report to a later meeting often recounts an earlier one's steps, in
any council's wording (assistant/lineage_text.recounts reads them); asked what that meeting
decided, the answer quotes those steps, from the page that prints them, and says where they come
from. The recount is read over the whole section, so a motion continued on the next page stays whole.
"""
from __future__ import annotations

from dataclasses import replace

from minutebook.ingest.types import Answer, Hit

from minutebook.assistant import extractive as ex
from minutebook.assistant.lineage_text import Recount, recounts
from minutebook.assistant.question import Question, bodies_named

# A step that says what the meeting did, not only that it met or took up the matter.
_NOT_DECIDED = {"called in"}
NOTE = "The papers hold no record of that meeting itself; a later paper recounts what it decided."


def recounted_decisions(q: Question, pieces: list[tuple[int, str]], paper_date: str | None) -> list[Recount]:
    """The steps a paper recounts of the meeting the question names (its body, on its date) that say
    what the meeting decided, in reading order."""
    return [r for r in recounts(pieces, paper_date) if r.meeting_date in q.dates and r.outcome not in _NOT_DECIDED
            and bodies_named(q.text, [r.body])]


def printed_on(recount: Recount, pieces: list[tuple[int, str]]) -> tuple[int, str] | None:
    """The page, and its passage, that prints the recount whole (None: it runs over a page's end)."""
    said = " ".join(recount.text.split())
    for page, text in pieces:
        if said in " ".join(text.split()):
            return page, text
    return None


def recounted_answer(q: Question, hits: list[Hit], sections, limit: int = 2) -> Answer | None:
    """`hits`: search's for the question, unbound by meeting; `sections(hit)`: the (page, text) passages of
    the hit's section. The first paper found that recounts the meeting's decisions answers; None if none."""
    if not q.dates:
        return None
    seen: set[tuple[str, int]] = set()
    for hit in hits:
        key = (hit.chunk.document_id, hit.chunk.section)
        if key in seen:
            continue
        seen.add(key)
        pieces = sections(hit)
        chosen = []
        for r in recounted_decisions(q, pieces, hit.chunk.meeting_date):
            where = printed_on(r, pieces)
            if where:
                chunk = replace(hit.chunk, page=where[0], text=where[1])
                chosen.append(ex.Candidate(hit=Hit(chunk=chunk, source=hit.source, score=0.0), rank=0,
                                           text=" ".join(r.text.split())))
        if chosen:
            answer = ex.compose(q.text, chosen[:limit])
            answer.text = f"{NOTE} {answer.text}"
            return answer
    return None
