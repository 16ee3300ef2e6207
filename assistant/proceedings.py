"""'Who called the meeting to order?', 'When did it adjourn?', 'When is the next meeting?' answered
from what the minutes record of the meeting itself (ingest/papers/proceedings_facts.py), quoting
the line as the page prints it, rather than from a sentence search that finds the title block."""
from __future__ import annotations

import re

from minutebook.ingest.papers.house_style import MEETING_KINDS
from minutebook.ingest.papers.meetings import meeting_starts
from minutebook.ingest.papers.proceedings_facts import LABELS, ProceedingsFact, first_of, offices, states
from minutebook.ingest.types import Answer, Citation, Hit

from minutebook.assistant.question import PROCEEDINGS, Meetings, Question
from minutebook.assistant.references import human_date

# Who presided is who the minutes say called the meeting to order, where no list marks a chair, or
# the presiding officer the roll call names first ("Present were: Chair Cambra; ...").
_PRESIDING = re.compile(r"\b(?:by|with)\s+(?:the\s+)?[A-Z]|^(?!The\b)[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*\s+(?:called|convened|opened)"
                        r"|\b(?:Chair(?:man|woman|person)?|President|Mayor)\b")
_KIND_WORDS = re.compile(r"(?i)\b(" + "|".join(MEETING_KINDS) + r")\b")
# Kinds of which a meeting may record several (each officer elected, each late arrival): all are quoted.
_ALL_OF = {"election": 3, "arrival": 3}
# "The next meeting will be held on ...", "9 Date of next meeting:", "ITEMS FOR NEXT MEETING’S AGENDA – January 9":
# the next meeting named in a fact's first words is what it says.
_STATES_NEXT = re.compile(r"^(?:\S+\s+){0,4}?next\b", re.I)
_CLOCK = re.compile(r"(?<![\d.:])\d{1,2}[:.]\d{2}(?!\d)")


def presiding(facts: list[ProceedingsFact]) -> ProceedingsFact | None:
    """The fact that names who presided: the chair marked, else a call to order or roll call naming them."""
    return first_of(facts, "chair") or next(
        (f for kind in ("call_to_order", "present") for f in facts if f.kind == kind and _PRESIDING.search(f.quote)), None)


def kinds_asked(q: Question) -> list[str]:
    """The proceedings facts the question asks for, in the order it asks them."""
    return [k for k in q.asks if k in PROCEEDINGS or k == "chair"]


def proceedings_answer(q: Question, hits: list[Hit], store, meetings: Meetings | None = None) -> Answer | None:
    """The facts asked for, from the first minutes found (those of a date the question names first,
    and only the named meeting's when the question names one); None when the question asks none,
    or no minutes found record them."""
    kinds = kinds_asked(q)
    if not kinds:
        return None
    minutes = [h for h in hits if h.chunk.doc_type == "minutes"
               and (meetings is None or not meetings.matched or meetings.holds(h.chunk.board, h.chunk.meeting_date))]
    kinds_printed: dict[tuple[str, int], set[str]] = {}
    if q.meeting_kinds:
        for h in minutes:
            key = (h.chunk.document_id, h.chunk.section)
            if key not in kinds_printed:
                kinds_printed[key] = meeting_kinds(store, *key)
    minutes.sort(key=lambda h: (not (q.dates and h.chunk.meeting_date in q.dates),
                                _misfit(q.meeting_kinds, kinds_printed.get((h.chunk.document_id, h.chunk.section), set()))))
    seen = set()
    for hit in minutes:
        key = (hit.chunk.document_id, hit.chunk.section)
        if key in seen:
            continue
        seen.add(key)
        facts = meeting_facts(store, *key)
        scanned = {n for later in range(key[1], key[1] + 4) for n, _, ocr in store.section_pages(key[0], later) if ocr}
        chosen: list[ProceedingsFact] = []
        for kind in kinds:
            found = [presiding(facts)] if kind == "chair" else (
                _distinct(_of_offices([f for f in facts if f.kind == kind], q.offices))[:_ALL_OF[kind]]
                if kind in _ALL_OF else [_first(facts, kind)])
            chosen += [f for f in found if f and f.quote not in {c.quote for c in chosen}]
        if chosen:
            return _compose(hit, chosen, scanned)
    return None


def _first(facts: list[ProceedingsFact], kind: str) -> ProceedingsFact | None:
    """The first fact of the kind; of the next meeting, the first that says when it is before one that
    mentions it in passing ("... to prepare for the next meeting and possibly go live after January 9")."""
    if kind == "next_meeting":
        return next((f for f in facts if f.kind == kind and _STATES_NEXT.search(f.quote)), None) or first_of(facts, kind)
    return first_of(facts, kind)


def _of_offices(facts: list[ProceedingsFact], asked: tuple[str, ...]) -> list[ProceedingsFact]:
    """Of officers elected, those of the offices the question names ("Who was elected Vice Chair?": not the
    Chair's election printed above it); all of them where none names one asked."""
    kept = [f for f in facts if f.kind != "election" or offices(f.quote) & set(asked)]
    return kept if asked and kept else facts


def _distinct(facts: list[ProceedingsFact]) -> list[ProceedingsFact]:
    """One fact per event: a later one printing no clock time the earlier ones do not ("Chair Johnson arrived
    at 7:52 p.m." on the roll call, "It is noted that Chair Johnson arrived at this point (7:52 p.m.)" later)
    says it again."""
    out: list[ProceedingsFact] = []
    for f in facts:
        times = set(_CLOCK.findall(f.quote))
        if not (times and times <= {t for g in out for t in _CLOCK.findall(g.quote)}):
            out.append(f)
    return out


def meeting_kinds(store, document_id: str, section: int) -> set[str]:
    """The kinds of meeting ("regular", "special", "joint") the section's title block prints: the first
    title block on its first page, or the last when the meeting before it ends on that page."""
    pages = store.section_pages(document_id, section)
    if not pages:
        return set()
    earlier = store.section_pages(document_id, section - 1) if section else []
    starts = meeting_starts([pages[0][1]])
    if starts:
        start = starts[-1] if earlier and earlier[-1][0] == pages[0][0] else starts[0]
        block = f"{start.heading} {start.title}"
    else:
        block = " ".join(pages[0][1].splitlines()[:6])
    return {w.lower() for w in _KIND_WORDS.findall(block)}


def _misfit(asked: tuple[str, ...], printed: set[str]) -> tuple[int, int]:
    """How badly a meeting's printed kinds fit those the question names (lower first): each named one
    it does not print, then each it prints that the question does not name ("special joint" for "regular")."""
    return (len(set(asked) - printed), len(printed - set(asked))) if asked else (0, 0)


def meeting_facts(store, document_id: str, section: int, further: int = 3) -> list[ProceedingsFact]:
    """The section's facts (read at ingest), and those of the sections after it in the paper until one
    opens a meeting of its own: every meeting is called to order, so a section with no call to order
    continues the one before (a page misread as another meeting's)."""
    facts = store.proceedings(document_id, section)
    for later in range(section + 1, section + 1 + further):
        more = store.proceedings(document_id, later)
        if not more or any(f.kind == "call_to_order" for f in more):
            break
        facts += more
    return facts


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
        # "absent: “Board Member Irons” [2]": a quote that does not say what it records is labelled.
        quotes.append(f"{'' if states(f.kind, f.quote) else LABELS[f.kind] + ': '}“{f.quote}” [{n}]")
    return Answer(text=f"The minutes{when} record: " + "; ".join(quotes), abstained=False, citations=citations)
