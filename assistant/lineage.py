"""A matter's path between bodies: the meetings that dealt with it, in date order, with what each did.

Built on the timeline (every paper and minute that names the topic) and the register (what a
minute decided, and the vote): one step per meeting of a body, the decision where its minutes
record one, otherwise the paper that put the matter before it. A budget recommended by Cabinet
and approved by Council, or a decision called in by Scrutiny and reconsidered, reads as a list.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import register
from ingest.dates import find_dates
from ingest.filters import Filters

from . import extractive as ex
from .search import Searcher
from .timeline import Event, timeline

# Preference for the step that speaks for a meeting: its decision, then the paper that proposed it.
_RANK = {"decision": 0, "report": 1, "agenda item": 2, "discussion": 3}
# A paper asking its meeting to pass the matter on: "recommend to County Council", "to be presented to Council".
_RECOMMENDS = re.compile(
    r"(?i)\b(?P<verb>recommend|present|refer|submit)\w*\s+(?:it\s+)?(?:to|that)\s+(?:the\s+)?"
    r"(?P<body>(?:full|county|city|borough|district)?\s*council|cabinet)\b")
_CALL_IN = re.compile(r"(?i)\bcall(?:ed)?[- ]in\b|\breconsider\w*\b")
# A paper recounting an earlier step: "On 29 January 2025, the Scrutiny Committee considered a call-in ..."
_BODY = r"(?:[A-Z][\w&'-]*\s+){0,4}(?:Committee|Cabinet|Council|Board|Panel|Commission|Executive|Sub-Committee)"
_RECOUNTED = re.compile(rf"\b[Oo]n\s+(?P<when>[^,]{{6,30}}),\s+(?:the\s+)?(?P<body>{_BODY})\s+(?P<did>(?:[a-z]+\s+){{0,1}}"
                        r"(?:considered|agreed|resolved|approved|decided|recommended|endorsed|noted|deferred|rejected|"
                        r"called[- ]in|reconsidered|took)\b[^.;]{0,80})")
_LABEL = {"discussion": "discussed", "report": "report considered", "agenda item": "on the agenda",
          "appendix": "appendix considered"}


@dataclass
class Step:
    meeting_date: str | None
    board: str | None
    what: str  # "decision", "report", "agenda item", ...
    outcome: str | None  # the register's outcome, or what the paper asks of the meeting
    votes: str | None
    amendments: str | None  # "6 amendments lost" where the minute records amendments
    quote: str
    reference: str
    source: str
    page: int

    def to_json(self) -> dict:
        return dict(self.__dict__)


def lineage(searcher: Searcher, topic: str, filters: Filters | None = None) -> list[Step]:
    """One step per meeting that dealt with `topic`, oldest first."""
    events = timeline(searcher, topic, filters, k=80)
    boards: dict[str | None, set[str]] = {}
    for event in events:
        if event.board:
            boards.setdefault(event.meeting_date, set()).add(event.board)
    best: dict[tuple, Event] = {}
    for event in events:
        # A step of a matter's path is a meeting that took it: a dated report, agenda item or minute.
        # An undated paper cannot be placed on the path, and an appendix only backs its report.
        if not event.meeting_date or event.what == "appendix":
            continue
        if not event.board and len(boards.get(event.meeting_date, ())) == 1:
            # a paper of that day's only meeting that does not print the body's name belongs to it
            event.board = next(iter(boards[event.meeting_date]))
        key = (event.board or "", event.meeting_date)
        if key not in best or _rank(event) < _rank(best[key]):
            best[key] = event
    steps = {(s.board, s.meeting_date): s for s in (_step(e, searcher) for e in best.values())}
    for step in (r for e in events for r in _recounted(e)):
        steps.setdefault((step.board, step.meeting_date), step)
    return sorted(steps.values(), key=lambda s: (s.meeting_date or "9999", s.board or ""))


def _recounted(event: Event) -> list[Step]:
    """Earlier steps a paper recounts ("On 29 January 2025, the Scrutiny Committee considered ..."), cited to it."""
    out = []
    for m in _RECOUNTED.finditer(event.quote):
        dates = find_dates(m["when"])
        if dates:
            out.append(Step(meeting_date=dates[0][1], board=m["body"].strip(), what="recounted",
                            outcome=re.sub(r"\s+", " ", m["did"]).strip(" ,"), votes=None, amendments=None,
                            quote=event.quote, reference=event.reference, source=event.source, page=event.page))
    return out


def _rank(event: Event) -> tuple:
    return (_RANK.get(event.what, 4), 0 if event.outcome else 1, 0 if _onward(event.quote, event.board) else 1)


def _onward(text: str, board: str | None) -> re.Match | None:
    """A recommendation to another body than the meeting's own ("presented to Cabinet" in a Cabinet paper is not)."""
    m = _RECOMMENDS.search(text)
    return m if m and not (board and m["body"].strip().lower() in board.lower()) else None


def _recommendation(store, event: Event) -> tuple[str, int] | None:
    """(sentence, page) of the first "... recommend to Council" in the paper section an event quotes."""
    if event.document_id is None or event.what == "discussion":
        return None
    for page, text in store.section_chunk_texts(event.document_id, event.section):
        for sentence in ex.sentences(text):
            if _onward(sentence, event.board):
                return sentence, page
    return None


def _step(event: Event, searcher: Searcher) -> Step:
    outcome, amendments, quote, page, reference = event.outcome, None, event.quote, event.page, event.reference
    if event.what == "decision" and event.document_id:
        entries = register.for_item(searcher.reader.store, event.document_id, event.item)
        final = register.final_step(entries)
        if final and final.get("text"):  # quote the decision itself, on its own page
            quote, page = final["text"].split("\n")[0][:300], final["page"]
            reference = re.sub(r"p\. \d+$", f"p. {page}", reference)
        amended = [e for e in entries if e.get("entry") == "amendment"]
        if amended:
            fates = {}
            for e in amended:
                fates[e.get("outcome") or "put"] = fates.get(e.get("outcome") or "put", 0) + 1
            amendments = ", ".join(f"{n} amendment{'s' if n > 1 else ''} {fate}" for fate, n in fates.items())
    elif outcome is None:
        found = _recommendation(searcher.reader.store, event)
        if found:  # the paper's own recommendation says what the meeting was asked to do
            quote, page = found
            reference = re.sub(r"p\. \d+$", f"p. {page}", reference)
        m = _onward(quote, event.board)
        outcome = ((f"asked to recommend to {m['body'].strip()}" if m["verb"].lower() == "recommend"
                    else f"asked to send on to {m['body'].strip()}") if m
                   else "called in / reconsidered" if _CALL_IN.search(event.quote)
                   else _LABEL.get(event.what, "paper considered"))
    return Step(meeting_date=event.meeting_date, board=event.board, what=event.what, outcome=outcome,
                votes=event.votes, amendments=amendments, quote=quote, reference=reference,
                source=event.source, page=page)
