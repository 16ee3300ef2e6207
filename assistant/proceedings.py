"""'Who called the meeting to order?', 'When did it adjourn?', 'When is the next meeting?' answered
from what the minutes record of the meeting itself (ingest/papers/proceedings_facts.py), quoting
the line as the page prints it, rather than from a sentence search that finds the title block."""
from __future__ import annotations

from minutebook.ingest.papers.proceedings_facts import ProceedingsFact, first_of, read_proceedings
from minutebook.ingest.types import Answer, Citation, Hit

from minutebook.assistant.question import PROCEEDINGS, Question
from minutebook.assistant.references import human_date

# Who presided is who the minutes say called the meeting to order, where no list marks a chair.
_FALLBACK = {"chair": "call_to_order"}


def kinds_asked(q: Question) -> list[str]:
    """The proceedings facts the question asks for, in the order it asks them."""
    return [k for k in q.asks if k in PROCEEDINGS or k == "chair"]


def proceedings_answer(q: Question, hits: list[Hit], store) -> Answer | None:
    """The facts asked for, from the first minutes found (those of a date the question names first);
    None when the question asks none, or no minutes found record them."""
    kinds = kinds_asked(q)
    if not kinds:
        return None
    minutes = [h for h in hits if h.chunk.doc_type == "minutes"]
    minutes.sort(key=lambda h: not (q.dates and h.chunk.meeting_date in q.dates))
    seen = set()
    for hit in minutes:
        key = (hit.chunk.document_id, hit.chunk.section)
        if key in seen:
            continue
        seen.add(key)
        pages = store.section_pages(*key)
        scanned = {n for n, _, ocr in pages if ocr}
        facts = read_proceedings([(n, text) for n, text, _ in pages])
        chosen: list[ProceedingsFact] = []
        for kind in kinds:
            fact = first_of(facts, kind) or (first_of(facts, _FALLBACK[kind]) if kind in _FALLBACK else None)
            if fact and fact not in chosen:
                chosen.append(fact)
        if chosen:
            return _compose(hit, chosen, scanned)
    return None


def _compose(hit: Hit, facts: list[ProceedingsFact], scanned: set[int]) -> Answer:
    ch = hit.chunk
    when = f" of {human_date(ch.meeting_date)}" if ch.meeting_date else ""
    citations, quotes = [], []
    for f in facts:
        n = len(citations) + 1
        ref = ", ".join(x for x in ("Minutes", ch.board, human_date(ch.meeting_date) if ch.meeting_date else None,
                                    f"p. {f.page}") if x)
        citations.append(Citation(n=n, source=hit.source, title=ch.title, page=f.page, meeting_date=ch.meeting_date,
                                  quote=f.quote, reference=ref, ocr=f.page in scanned))
        quotes.append(f"“{f.quote}” [{n}]")
    return Answer(text=f"The minutes{when} record: " + "; ".join(quotes), abstained=False, citations=citations)
