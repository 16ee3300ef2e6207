"""Is a question a follow-up of the conversation, and if so, about what?

A question is read as a follow-up only when it cannot stand alone: it opens by continuing the
last one ("and how long is the course?", "what about the budget?"), leans on a pronoun with no
subject of its own ("what did they decide about it?"), or says nothing but a question word
("when?"). Length says nothing: "What is Sentinel?" is short and complete.
"""
from __future__ import annotations

import re

from minutebook.ingest.dates import MONTHS, WEEKDAYS

_CONTINUES = re.compile(r"^\s*(and|also|but|so|then|plus|or|what about|how about|what else|anything else)\b", re.I)
# Pronouns that point back; "this/that/these/those" only where they stand for a thing already
# named ("that decision", "what was that?"), not "this year" or "agreed that ...".
_PRONOUN = re.compile(r"\b(it|its|itself|they|them|their|theirs|he|she|him|his|her)\b", re.I)
_DEMONSTRATIVE = re.compile(r"(\w+)?\s*\b(this|that|these|those)\b\s*(\w+)?", re.I)
_NOT_POINTING = {"agreed", "resolved", "decided", "said", "noted", "so", "such", "agree", "decide", "say", "note",
                 "recommended", "asked", "requested", "reported", "confirmed"}
_TIME_WORDS = {"year", "month", "week", "quarter", "time", "day", "period", "morning", "afternoon", "evening"}
_QUESTION_WORDS = set("what which who whom whose when where why how much many long often is are was were do does did "
                      "can could will would should has have had be been the a an of to in on for about at by "
                      "with from and or else any anything more please tell me us".split())
# Verbs that ask about a matter without naming it: "How much was approved?", "Who chaired?".
_BARE_PREDICATES = set("approved agreed decided resolved discussed happened said say voted vote cost costs chaired "
                       "moved seconded carried lost noted next then mean means".split())
_CALENDAR = set(MONTHS) | set(WEEKDAYS)
# A topic named in capitals ("Biker Down", "the Community Safety Agreement"), not the question's
# first word, which is capitalised anyway.
_NAMED = re.compile(r"(?<!^)(?<![.?!]\s)\b([A-Z][\w'’-]*(?:\s+(?:and|of|for|the|&)?\s*[A-Z][\w'’-]*)*)")
_AFTER_PREPOSITION = re.compile(r"\b(?:about|on|regarding|for|of|into)\s+(.+?)\s*\??$", re.I)
_LEADING_ASK = re.compile(r"^\s*(what|who|when|where|why|how|which)\b(\s+(is|are|was|were|does|do|did|has|have|had))?\s*", re.I)


def is_follow_up(question: str) -> bool:
    """True when the question cannot be understood without the one before it."""
    if _CONTINUES.search(question) or _PRONOUN.search(question):
        return True
    for m in _DEMONSTRATIVE.finditer(question):
        before, after = (m.group(1) or "").lower(), (m.group(3) or "").lower()
        if before not in _NOT_POINTING and after not in _TIME_WORDS:
            return True
    words = re.findall(r"[a-z0-9']+", question.lower())
    return bool(words) and all(w in _QUESTION_WORDS or w in _BARE_PREDICATES for w in words)


def topic(question: str) -> str:
    """What a question is about, in its own words, to say how a follow-up was read."""
    named = [m.group(1) for m in _NAMED.finditer(question.strip())
             if len(m.group(1)) > 2 and not set(m.group(1).lower().split()) <= _CALENDAR | {"and", "of", "the"}]
    if named:
        return max(named, key=len)
    m = _AFTER_PREPOSITION.search(question)
    text = m.group(1) if m else _LEADING_ASK.sub("", question)
    return text.strip().rstrip("?").strip()


def anchor(history_questions: list[str]) -> str | None:
    """The latest earlier question that stands on its own: the one a follow-up continues."""
    for q in reversed(history_questions):
        if not is_follow_up(q):
            return q
    return None


def reading(question: str, history_questions: list[str]) -> tuple[str, str | None]:
    """(what to search for, how the question was read) for a question in a conversation.

    A follow-up is searched together with the question it continues, and the answer says so:
    "Taking this as about Biker Down". A question that stands alone is searched as it is.
    """
    if not is_follow_up(question):
        return question, None
    earlier = anchor(history_questions)
    if earlier is None:
        return question, None
    subject = topic(earlier)
    said = f"Taking this as about {subject}" if subject and subject[0].isupper() else f"Taking this as following “{earlier.strip()}”"
    return f"{earlier} {question}", said
