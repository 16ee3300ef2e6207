"""'Who chaired?' answered from the attendance list the minutes print, not from a sentence search.

The minutes mark the chair in the attendance list ("Mrs D. Taylor CC (in the Chair)", "Ivan Ould
CC (Chairman)"); the answer names that person for the meeting the question means, and quotes
the line as printed on its page.
"""
from __future__ import annotations

import re

from minutebook.ingest.dates import find_dates
from minutebook.ingest.types import Answer, Citation, Hit, Meeting

from minutebook.assistant.answer_types import names_chair
from minutebook.assistant.question.specifics import months_dated
from minutebook.assistant.references import human_date

_CHAIR_MARK = re.compile(r"\s*\((Chairman|Chairwoman|Chair|in the Chair|Vice[- ]Chair(man)?)\)\s*", re.I)


def chair_of(meeting: Meeting) -> str | None:
    """The attendee the list marks as chair (not a vice-chair), as printed."""
    for person in meeting.attendees:
        if names_chair(person.name) and not re.search(r"vice", person.name, re.I):
            return person.name
    return None


def meetings_meant(question: str, hits: list[Hit]) -> list[Hit]:
    """Minutes hits in rank order; those of the meeting the question dates first."""
    minutes = [h for h in hits if h.chunk.doc_type == "minutes"]
    named = {iso for _, iso in find_dates(question)}
    named |= months_dated(question)
    if not named:
        return minutes
    return sorted(minutes, key=lambda h: not any((h.chunk.meeting_date or "").startswith(d) for d in named))


def page_holding(pages: dict[int, str], text: str) -> int | None:
    """The page whose text holds `text` (whitespace aside)."""
    want = " ".join(text.split())
    return next((n for n, t in sorted(pages.items()) if want in " ".join(t.split())), None)


def chair_answer(question: str, hits: list[Hit], store) -> Answer | None:
    """'X chaired the meeting of 15 December 2023 [1]', quoting the attendance line; None when the
    minutes found mark no chair (the sentence search then answers as for any question)."""
    seen = set()
    for hit in meetings_meant(question, hits):
        key = (hit.chunk.document_id, hit.chunk.section)
        if key in seen:
            continue
        seen.add(key)
        found = store.meeting_attendance(*key)
        if not found:
            continue
        meeting, first, last = found
        name = chair_of(meeting)
        if not name:
            continue
        pages = {n: store.page_text(key[0], n) or "" for n in range(first, last + 1)}
        page = page_holding(pages, name)
        if page is None:
            continue
        when = f" of {human_date(meeting.date)}" if meeting.date else ""
        board = f", {meeting.board}" if meeting.board else ""
        reference = f"Minutes{board}{',' if when else ''}{when.replace(' of ', ' ')}, attendance, p. {page}"
        citation = Citation(n=1, source=hit.source, title=hit.chunk.title, page=page, meeting_date=meeting.date,
                            quote=" ".join(name.split()), reference=reference)
        who = _CHAIR_MARK.sub(" ", name).strip()
        return Answer(text=f"{who} chaired the meeting{when} [1].", abstained=False, citations=[citation])
    return None
