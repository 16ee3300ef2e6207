"""Declining when the passages found are about something else than the question.

A score floor (extractive.should_abstain) declines when no passage shares enough of the question's
words. Questions the papers almost answer pass it: they share the board, the meeting and most of
the topic, and miss the one thing asked. These readers look for that one thing, in the shape any
council's papers share, never in one paper's wording:
- the thing a "What salary ...?" question names is in no passage;
- "What did the Board decide ...?" finds only agendas and reports, which propose, and no minutes
  or decision notice, which record;
- "the Cabinet meeting of 13 March 2025": the papers hold that date's meeting of another body.
Each is a reason to decline and list the closest passages instead.
"""
from __future__ import annotations

import re

from minutebook.ingest.dates import find_dates
from minutebook.ingest.types import Hit

from minutebook.ingest.text import normal_word, same_word, tokens

from minutebook.assistant.question import bodies_named

# "What salary ...", "Which school ...": the word after the question word names what is asked for.
_ASKED_THING = re.compile(r"^\s*(?:what|which)\s+([a-z][a-z-]+)\b(?:\s+([a-z]+))?", re.I)
# "What counts as ...", "What constitutes a ...", "What happens to ...": a verb, not a thing asked for,
# when an article or preposition follows it.
_AFTER_A_VERB = set("as a an the to for in on of under about if when into from by with".split())
# Words after "what" that ask for a form of answer rather than name a topic: a figure, a time, a kind.
_FORM_WORDS = set(
    "is are was were did do does has have had will would should can could may might happened happens "
    "percentage proportion share rate figure amount number sum total level time date day month year years "
    "period kind type sort form way part other else new main key overall net gross final first last next "
    "one two three four five six seven eight nine ten council board meeting committee".split())
# What a decision was is printed in the record of a meeting; agendas and reports only propose one.
_ASKS_WHAT_DECIDED = re.compile(r"^\s*what\s+did\b.*\b(decide|resolve|agree|approve)\b", re.I)
RECORD_TYPES = {"minutes", "decision"}
MEETING_TYPES = {"minutes", "agenda"}


def asked_thing(question: str) -> str | None:
    """The topic word a "What X ...?" question asks about, stemmed; None for "What is ...", "What proportion ..."."""
    m = _ASKED_THING.match(question)
    if not m or m.group(1).lower() in _FORM_WORDS or (m.group(2) or "").lower() in _AFTER_A_VERB:
        return None
    return normal_word(m.group(1).lower())


def thing_missing(question: str, texts: list[str]) -> bool:
    """Whether the thing a "What X ...?" question asks about is named in none of the passages."""
    thing = asked_thing(question)
    if thing is None:
        return False
    return not any(same_word(thing, t) for text in texts for t in set(tokens(text)))


def decision_unrecorded(question: str, hits: list[Hit], boards: list[str | None] = ()) -> bool:
    """"What did the Board decide about X?" with no minutes or decision notice among the passages
    (of the body the question names, where some are of it): an agenda listing "Approval of X" does
    not say what was decided, nor do another body's minutes."""
    if not _ASKS_WHAT_DECIDED.search(question) or not hits:
        return False
    named = [b.lower() for b in bodies_named(question, list(boards))]
    own = [h for h in hits if h.chunk.board and any(n in h.chunk.board.lower() for n in named)]
    return not any(h.chunk.doc_type in RECORD_TYPES for h in own or hits)


def other_body_met(question: str, hits: list[Hit], boards: list[str | None]) -> bool:
    """Whether the question names a body and a meeting date, and the passages of that date are all
    of other bodies' meetings: the papers hold no meeting of that body on that day."""
    dates = {iso for _, iso in find_dates(question)}
    named = [b.lower() for b in bodies_named(question, boards)]
    if not dates or not named:
        return False
    # A meeting's own record (minutes, agenda) names its body; an appendix filed with it may not.
    that_day = [h.chunk.board.lower() for h in hits if h.chunk.meeting_date in dates and h.chunk.board
                and h.chunk.doc_type in MEETING_TYPES]
    return bool(that_day) and not any(n in b or b in n for b in that_day for n in named)


# What a record of a meeting prints and a notice of one does not: motions, votes, the call to order.
_RECORDS = re.compile(r"\b(moved|seconded|called to order|convened|adjourned|resolved|carried|was agreed|were present"
                      r"|present were|apologies were|ayes|noes|nays|unanimous)\b|\bpresent\s*:|\bM/S\b|\bprop(?:osed)?\s*[:(]|\b2nd\s*:",
                      re.I)
# What happened at a meeting, which only its record says.
RECORD_ASKS = ("chair", "present", "absent", "apologies", "mover", "vote", "call_to_order", "adjournment")


def meeting_unrecorded(asks: tuple[str, ...], hits: list[Hit]) -> bool:
    """A question about what happened at a named meeting whose papers found hold no record of it:
    who attended, chaired, moved or voted is in its minutes or decision notice (or a record misread
    as an agenda, which prints motions and votes), not in its agenda or the reports filed for it."""
    def records(h: Hit) -> bool:
        kind = h.chunk.doc_type
        return kind in RECORD_TYPES or (kind in MEETING_TYPES and bool(_RECORDS.search(h.chunk.text)))
    return bool(set(asks) & set(RECORD_ASKS)) and bool(hits) and not any(records(h) for h in hits)


def off_topic(question: str, hits: list[Hit], texts: list[str], boards: list[str | None]) -> bool:
    """Any reader above finding the passages about something else (texts: the passages and titles)."""
    return (thing_missing(question, texts) or decision_unrecorded(question, hits, boards)
            or other_body_met(question, hits, boards))
