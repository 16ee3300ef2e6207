"""A topic's timeline: the meetings and papers where it appears, oldest first, one cited line each."""
from __future__ import annotations

from dataclasses import dataclass

from minutebook.assistant.register import entries as register
from minutebook.ingest.filters import Filters

from minutebook.assistant import extractive as ex
from minutebook.assistant.references import reference
from minutebook.assistant.search import Searcher


@dataclass
class TimelineEvent:
    """One paper section that names the topic (docs/cli.md, `timeline --json`)."""

    meeting_date: str | None
    board: str | None
    what: str  # "decision", "discussion", "report", "presentation", "agenda item", "appendix"
    title: str
    quote: str
    source: str
    page: int
    reference: str
    outcome: str | None = None  # for a decision step: the register's outcome ("approved", "lost" ...)
    votes: str | None = None  # "For 41, Against 10, Abstain 7", "unanimous"
    document_id: str | None = None
    item: str | None = None
    section: int | None = None

    def to_json(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k not in ("document_id", "item", "section")}


Event = TimelineEvent  # the name lineage.py knows it by


def timeline(searcher: Searcher, topic: str, filters: Filters | None = None, k: int = 60) -> list[TimelineEvent]:
    """One event per paper section that mentions the topic, dated and cited, oldest first."""
    words = ex.content_words(topic, searcher.reader.store.setting_words()) or ex.tokens(topic)
    # A topic left with one word once the setting's words are gone ("county lines": line) is named only
    # where the whole topic is: "in line with" is no mention of it.
    named = [ex.normal_word(w) for w in ex.text_words(topic) if w not in ex.STOP] if len(words) == 1 else []
    hits = searcher.search(topic, k=k, filters=filters, mode="hybrid")
    include_restricted = filters.include_restricted if filters else searcher.settings.include_restricted
    events: dict[tuple, TimelineEvent] = {}
    for hit in hits:
        c = hit.chunk
        key = (c.document_id, c.section, c.item if c.doc_type == "minutes" else None)
        if key in events:
            continue
        quote = _mentioning_sentence(c.text, words, named)
        if quote is None:  # retrieved by meaning alone: the topic is not actually named here
            continue
        event = TimelineEvent(meeting_date=c.meeting_date, board=c.board, what=_what(c, searcher, include_restricted),
                      title=c.title, quote=quote, source=hit.source, page=c.page,
                      reference=reference(c, quote), document_id=c.document_id, item=c.item, section=c.section)
        if c.doc_type == "minutes":
            _add_outcome(event, searcher.reader.store, include_restricted)
        events[key] = event
    return sorted(events.values(), key=lambda e: (e.meeting_date or "9999", e.source, e.page))


def _add_outcome(event: TimelineEvent, store, include_restricted: bool = False) -> None:
    """A minute's decision step gains the register's outcome and vote (a decision printed on a
    restricted page only when restricted papers are included)."""
    step = register.final_step(register.for_item(store, event.document_id, event.item, include_restricted))
    if step:
        event.what = "decision"
        event.outcome, event.votes = step.outcome, register.vote_line(step.votes) or None


def _mentioning_sentence(text: str, words: list[str], named: list[str] | tuple = ()) -> str | None:
    """The sentence naming most of the topic's words, or None when none names any."""
    best, best_hits = None, 0
    for sentence in ex.sentences(text):
        have = set(ex.tokens(sentence))
        hits = sum(1 for w in words if w in have)
        if hits and not all(w in have for w in named):
            continue
        if hits > best_hits and not ex.is_heading(sentence):
            best, best_hits = sentence, hits
    return best


def _what(chunk, searcher: Searcher, include_restricted: bool) -> str:
    if chunk.doc_type != "minutes":
        return {"agenda": "agenda item"}.get(chunk.doc_type, chunk.doc_type)
    if chunk.item:
        for item_chunk, _ in searcher.reader.store.item_chunks(chunk.document_id, chunk.item, include_restricted):
            if any(ex.is_decision(s) for s in ex.sentences(item_chunk.text)):
                return "decision"
    return "discussion"
