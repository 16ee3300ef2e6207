"""Declining when the passages found are about something else than the question.

A score floor (extractive.should_abstain) declines when no passage shares enough of the question's
words. Questions the papers almost answer pass it: they share the board, the meeting and most of
the topic, and miss the one thing asked. These readers look for that one thing, in the shape any
council's papers share, never in one paper's wording:
- the thing a "What salary ...?" question names is in no passage;
- "What did the Board decide ...?" finds only agendas and reports, which propose, and no minutes
  or decision notice, which record;
- "the Cabinet meeting of 13 March 2025": the papers hold that date's meeting of another body;
- "What did the Commission recommend ...?", "What did the survey find ...?": the sentences chosen
  name the Commission or the survey and record no recommendation or finding.
Each is a reason to decline and list the closest passages instead.
"""
from __future__ import annotations

import re

from minutebook.ingest.dates import find_dates
from minutebook.ingest.types import Hit

from minutebook.ingest.text import same_word, tokens

from minutebook.assistant.question import bodies_named
from minutebook.assistant.answer_types import has_amount
from minutebook.assistant.question.intents import act_asked, asked_thing, asks_amount, asks_what_decided
from minutebook.assistant.question.specifics import last_month_printed, months_dated

RECORD_TYPES = {"minutes", "decision"}
MEETING_TYPES = {"minutes", "agenda"}


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
    if not asks_what_decided(question) or not hits:
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


def other_month(months: set[str], quoted: list[tuple[str, str]]) -> str | None:
    """A figure asked "for January 2010" whose quoted sentence is under another month: the month printed
    nearest above it in its passage ("4-B. PENSION PAYROLL FOR THE MONTH OF NOVEMBER 2009: a. In the amount
    of $177,777.83 ..."), or in it. Returns that month ("2009-11") when no quoted sentence is under a month
    asked; None when one is, or none prints a month. `quoted`: (the passage, the sentence)."""
    if not months:
        return None
    under = []
    for passage, sentence in quoted:
        flat, said = " ".join(passage.split()), " ".join(sentence.split())
        at = flat.find(said)
        above = last_month_printed(flat[:at]) if at > 0 else None
        found = months_dated(said) or ({above} if above else set())
        if found & months:
            return None
        under += sorted(found)
    return under[0] if under else None


# How a record prints an act of each kind a question asks for (intents.act_asked). A recommendation says so
# ("Staff recommends that the service is discontinued", "RECOMMENDATION: ", "advised that"); a finding says it was found,
# shown or concluded, states what was found ("The feedback stated that ...") or gives its figure ("62% of
# respondents", "would only affect about 5 or 6 drivers", "the majority").
_ACT_PRINTED = {
    "recommendation": re.compile(r"(?i)\brecommend(?:s|ed|ing|ations?)?\b|\b(?:advised|urged|suggested|proposed)\s+that\b"),
    "finding": re.compile(r"(?i)\b(?:found|finding|findings|show(?:s|ed|n)|reveal(?:s|ed)|indicat(?:es|ed)|conclu(?:ded|des|sions?)"
                          r"|identified|confirmed|results?)\b|\b(?:stated|said|reported|noted|felt|advised|highlighted)\s+that\b"
                          r"|\b(?:majority|minority)\b"),
}
# A figure in the sentence itself (a heading's number is the item's).
_FIGURE = re.compile(r"\d")


def act_unrecorded(question: str, quoted: list[tuple[str, str]]) -> bool:
    """"What did the Commission recommend about X?" answered with sentences that recommend nothing ("agreed
    that the Commission should be engaged"); "What did the survey find?" with the survey's questions or the
    items planned for it. `quoted`: (the sentence, the heading it is under). A question ending in "?" states
    no finding."""
    kind = act_asked(question)
    if kind is None or not quoted:
        return False
    printed = _ACT_PRINTED[kind]
    return not any(printed.search(sentence) or printed.search(heading or "")
                   or (kind == "finding" and _FIGURE.search(sentence))
                   for sentence, heading in quoted if not sentence.rstrip(" ”\"'").endswith("?"))


def amount_unquoted(question: str, sentences: list[str]) -> bool:
    """"What total budget did the Township adopt with By-Law 2024-22?" answered with "THAT we pass By-Law
    Number 2024-22, being a By-Law to adopt the estimates for all sums required": the sum asked for is in no
    sentence chosen to quote (a year or a by-law's number is no sum)."""
    return asks_amount(question) and bool(sentences) and not any(has_amount(s) for s in sentences)
