"""A matter's path between bodies: the meetings that dealt with it, in date order, with what each did.

One step per meeting of a body that took the matter: a minute or paper titled for it. What the
step says the body did comes, best first, from its own minutes (the register's outcome and vote),
from a later paper that recounts it ("endorsed by Cabinet on 30th January to be presented to full
Council"), or from the recommendation its own report put to it ("Cabinet is asked to: ... endorse
the draft budget to be presented to County Council"). A budget recommended by Cabinet and approved
by Council, or a decision called in by Scrutiny and reconsidered, reads as a list.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from minutebook.assistant.register import entries as register
from minutebook.ingest.filters import Filters

from minutebook.assistant import extractive as ex
from minutebook.assistant.lineage_text import Recount, ask, canonical, decision_maker, recounts, same_body
from minutebook.assistant.search import Searcher
from minutebook.assistant.timeline import Event, timeline

# The papers that put a matter before a meeting or record what it did; an appendix only backs its
# report. Each kind is searched on its own, so that a long appendix cannot crowd the steps out.
STEP_TYPES = ("minutes", "report", "agenda", "decision")
# Preference for the paper that speaks for a meeting: its decision, then the report that proposed it.
_RANK = {"decision": 0, "report": 1, "agenda item": 2, "discussion": 3}
_LABEL = {"discussion": "discussed", "report": "report considered", "agenda item": "on the agenda"}
# Outcomes a recount gives, most telling first: which recount a merged step quotes.
_TELLING = ("approved", "agreed", "endorsed", "recommended", "referred", "confirmed", "rejected", "rescinded",
            "deferred", "noted", "reconsidered", "called in")
_SUBJECT = re.compile(r"(?im)^\s*subject\s*:\s*(.+(?:\n(?![\w ]{1,20}:).+)?)")
_WHOLE_MINUTE = re.compile(r"^([^,(]+)\([a-z0-9]{1,4}\)(?=,)")
_ITEM_LINE = re.compile(r"^\(?\d{1,3}[.)]?\s")


@dataclass
class Step:
    meeting_date: str | None
    board: str | None
    what: str  # "decision", "report", "agenda item", "recounted" (by a later paper) ...
    outcome: str | None  # the register's outcome, what a later paper says was done, or what the paper asks
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
    store = searcher.reader.store
    words = ex.content_words(topic, store.setting_words()) or ex.tokens(topic)
    shown = (filters or Filters(include_restricted=searcher.settings.include_restricted)).include_restricted
    dated = [e for e in _events(searcher, topic, filters) if e.meeting_date]
    # Meetings that took the matter as an item of its own; where none did, those that discussed it.
    titled = [e for e in dated if _names_matter(store, e, words, shown)]
    events = titled or [e for e in dated if _names(ex.tokens(e.quote), words)]
    boards: dict[str, set[str]] = {}
    for event in events:
        if event.board:
            boards.setdefault(event.meeting_date, set()).add(canonical(event.board))
    best: dict[tuple, Event] = {}
    for event in events:
        if not event.board and len(boards.get(event.meeting_date, ())) == 1:
            # a paper of that day's only meeting that does not print the body's name belongs to it
            event.board = next(e.board for e in events if e.meeting_date == event.meeting_date and e.board)
        key = (event.meeting_date, canonical(event.board))
        if key not in best or _rank(event, store, shown) < _rank(best[key], store, shown):
            best[key] = event
    steps = {key: _step(e, searcher, shown) for key, e in best.items()}
    # a paper titled for the matter recounts its earlier steps; one that mentions it in passing, others
    _add_recounted(steps, [e for e in titled if e.what == "report"], store, shown)
    for step in steps.values():
        if step.what == "report" and step.outcome and step.outcome.startswith("asked to recommend to "):
            onward = step.outcome.removeprefix("asked to recommend to ")
            if any(same_body(s.board, onward) and (s.meeting_date or "") > (step.meeting_date or "")
                   for s in steps.values()):  # the next body took it up: the recommendation was made
                step.outcome = f"recommended to {onward}"
    starts = _start_times(store)  # two meetings on one day run in the order they sat
    return sorted(steps.values(), key=lambda s: (s.meeting_date or "9999",
                                                 starts.get((s.meeting_date, canonical(s.board)), "99:99"), s.board or ""))


def _start_times(store) -> dict[tuple, str]:
    starts: dict[tuple, str] = {}
    for d in store.documents():
        key = (d.get("meeting_date"), canonical(d.get("board")))
        if d.get("start_time") and d["start_time"] < starts.get(key, "99:99"):
            starts[key] = d["start_time"]
    return starts


def _events(searcher: Searcher, topic: str, filters: Filters | None) -> list[Event]:
    base = filters or Filters(include_restricted=searcher.settings.include_restricted)
    kinds = (base.doc_type,) if base.doc_type else STEP_TYPES
    seen, out = set(), []
    for kind in kinds:
        for event in timeline(searcher, topic, dataclasses.replace(base, doc_type=kind), k=40):
            key = (event.document_id, event.section, event.item)
            if key not in seen:
                seen.add(key)
                out.append(event)
    return out


def _names_matter(store, event: Event, words: list[str], shown: bool = False) -> bool:
    """Whether the minute or paper is titled for the matter, not one that names it in passing: its
    title, subject line, minute heading or agenda line names the topic's words (all but one of three
    or more) and, where the topic has a number ("2025-26"), one of its numbers."""
    return _names(ex.tokens(_about(store, event, shown)), words)


def _names(tokens: list[str], words: list[str]) -> bool:
    named = set(tokens)
    plain = [w for w in words if not w.isdigit()]
    numbers = [w for w in words if w.isdigit()]
    missing = sum(1 for w in plain if w not in named)
    if plain and missing > (len(plain) - 1) // 2:
        return False
    return not numbers or any(n in named for n in numbers) or not plain


def _about(store, event: Event, shown: bool = False) -> str:
    """The words that say what a minute or paper is about."""
    about = [event.title]
    if event.what == "decision" and event.document_id:
        about += [e.title or "" for e in register.for_item(store, event.document_id, event.item, shown)[:1]]
    elif event.what == "agenda item" or (event.what == "discussion" and _ITEM_LINE.match(event.quote)
                                         and len(event.quote.split()) <= 25):
        about.append(event.quote)  # an agenda line, or a minute's numbered heading, names its matter
    if event.what == "report" and event.document_id is not None:
        head = "\n".join(text for _, text in store.section_chunk_texts(event.document_id, event.section, shown)[:2])
        subject = _SUBJECT.search(head)
        about.append(subject.group(1) if subject else "")
    return " ".join(about)


def _rank(event: Event, store, shown: bool = False) -> tuple:
    asks = event.what == "report" and _ask(store, event, shown) is not None
    return (_RANK.get(event.what, 4), 0 if event.outcome else 1, 0 if asks else 1)


def _ask(store, event: Event, shown: bool = False):
    if event.document_id is None:
        return None
    return ask(store.section_chunk_texts(event.document_id, event.section, shown), event.board)


def _step(event: Event, searcher: Searcher, shown: bool = False) -> Step:
    """A meeting's step. Without `shown` (restricted papers included), a decision, vote or amendment
    printed on a restricted page is never quoted or counted: the step keeps its public passage."""
    store = searcher.reader.store
    outcome, amendments, quote, page, reference = event.outcome, None, event.quote, event.page, event.reference
    if event.what == "decision" and event.document_id:
        entries = register.for_item(store, event.document_id, event.item, shown)
        final = register.final_step(entries)
        if final and final.text:  # quote the decision itself, on its own page, not the part named
            quote, page = final.text.split("\n")[0][:300], final.page
            reference = _WHOLE_MINUTE.sub(r"\1", reference)
        amended = [e for e in entries if e.entry == "amendment"]
        if amended:
            fates: dict[str, int] = {}
            for e in amended:
                fates[e.outcome or "put"] = fates.get(e.outcome or "put", 0) + 1
            amendments = ", ".join(f"{n} amendment{'s' if n > 1 else ''} {fate}" for fate, n in fates.items())
    elif outcome is None:
        asked = _ask(store, event, shown) if event.what == "report" else None
        if asked:  # the paper's own recommendation says what the meeting was asked to do
            quote, page = asked.text[:400], asked.page
            outcome = (f"asked to recommend to {asked.onward}" if asked.onward
                       else f"asked to {_and(asked.verbs)}" if asked.verbs else "report considered")
        else:
            outcome = _LABEL.get(event.what, "paper considered")
    return Step(meeting_date=event.meeting_date, board=event.board, what=event.what, outcome=outcome,
                votes=event.votes, amendments=amendments, quote=quote, reference=_on_page(reference, page),
                source=event.source, page=page)


def _add_recounted(steps: dict[tuple, Step], reports: list[Event], store, shown: bool = False) -> None:
    """Steps that later papers recount: they add meetings whose papers the archive lacks, and say what
    a body did where only its report (what it was asked) was there. A body's own minutes stand."""
    told: dict[tuple, list[tuple[Recount, Event]]] = {}
    papers = {(e.document_id, e.section): e for e in reports}
    texts = {key: store.section_chunk_texts(*key, shown) for key in papers}
    # one paper may name the decision's maker and another the day it was taken
    maker = next((m for m in map(decision_maker, texts.values()) if m), None)
    for key, event in papers.items():
        for r in recounts(texts[key], event.meeting_date, maker):
            if (r.meeting_date, canonical(r.body)) != (event.meeting_date, canonical(event.board)):
                told.setdefault((r.meeting_date, canonical(r.body)), []).append((r, event))
    for key, said in told.items():
        if key in steps and steps[key].what == "decision":
            continue
        outcomes = [part for r, _ in said for part in _onward_outcome(r)]
        # "agreed", "noted" and "considered" say little beside "called in" or "referred to full Council"
        done = [o for o in dict.fromkeys(outcomes) if o not in ("considered", "agreed", "noted")] or outcomes[:1]
        r, event = min(said, key=lambda x: _telling(x[0]))
        steps[key] = Step(meeting_date=r.meeting_date, board=steps[key].board if key in steps else r.body,
                          what="recounted", outcome=", ".join(done),
                          votes="unanimous" if any(x.unanimous for x, _ in said) else None, amendments=None,
                          quote=r.text[:400], reference=_on_page(event.reference, r.page), source=event.source,
                          page=r.page)


def _onward_outcome(r: Recount) -> list[str]:
    if r.listed:
        return r.listed
    if not r.onward:
        return [r.outcome]
    how, body = r.onward
    return [f"{how} to {body}"] if r.outcome in ("referred", "recommended", "agreed") else [r.outcome, f"{how} to {body}"]


def _telling(r: Recount) -> int:
    return next((i for i, o in enumerate(_TELLING) if r.outcome == o), len(_TELLING))


def _and(verbs: list[str]) -> str:
    return verbs[0] if len(verbs) == 1 else f"{', '.join(verbs[:-1])} and {verbs[-1]}"


def _on_page(reference: str, page: int) -> str:
    return re.sub(r"p\. \d+$", f"p. {page}", reference)
