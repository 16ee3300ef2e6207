"""The shape of the fact a question asks for: a figure, a person, a list, an outcome.

"How many schools visited?" is answered by a sentence with a count in it, "who chaired?" by one
naming the chair, "what are the priorities?" by the list. This reads the question's side of that;
assistant/answer_types.py reads whether a sentence holds such a fact.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.ingest.text import normal_word

NUMERIC_INTENT = re.compile(r"\b(how (many|much)|number of|what (percentage|proportion|rate|figure|share)|proportion"
                            r"|percentage|how long|cost|crime rate|rate of)\b", re.I)
_PERCENT_Q = re.compile(r"\b(proportion|percentage|share|per ?cent)\b|%", re.I)
_MONEY_Q = re.compile(r"\b(how much|funding|fund|cost|budget|money|grant|spend|spent|price|cut)\b|£", re.I)
WHO_INTENT = re.compile(r"^\s*who\b", re.I)
_LIST_Q = re.compile(r"\b(what|which) (are|were|(\w+ ){0,2}(areas|priorities|themes|objectives|aims|actions|changes))\b"
                     r".*\b(priorities|areas|themes|objectives|aims|actions|recommendations|benchmarks|strands|outcomes)\b"
                     r"|\b(which|what) (two|three|four|five|six|seven|\d)\b|\bwhat was changed\b|\bwhat changed\b", re.I)
_DECISION_Q = re.compile(r"\b(decid\w*|decision|agreed?|conclu\w*|outcome|result)\b", re.I)
_DURATION_Q = re.compile(r"\b(how long|since when)\b|^\s*when\b", re.I)
_CHAIR_Q = re.compile(r"\bchair", re.I)
_MEETING_CHAIR_Q = re.compile(r"\bchaired\b|\bchair(ed|man|woman)?\b.*\bmeeting\b|\bin the chair\b", re.I)
_COUNT_Q = re.compile(r"\b(?:how many|number of)\s+((?:[\w-]+\s*){1,5})", re.I)


@dataclass(frozen=True)
class Wanted:
    """The shape of the fact a question asks for."""
    number: bool = False
    dates: bool = False  # "how long": a start year answers too
    unit: str | None = None  # "%" or "£"
    person: bool = False
    chair: bool = False
    listing: bool = False
    outcome: bool = False
    counted: tuple[str, ...] = ()  # what "how many" counts, stemmed: ("road", "traffic", "collision")

    @property
    def any(self) -> bool:
        return self.number or self.person or self.listing or self.outcome


def wanted(question: str) -> Wanted:
    number = bool(NUMERIC_INTENT.search(question))
    unit = "%" if _PERCENT_Q.search(question) else "£" if _MONEY_Q.search(question) else None
    when = bool(_DURATION_Q.search(question))
    return Wanted(number=number or unit is not None or when, dates=bool(_DURATION_Q.search(question)), unit=unit,
                  person=bool(WHO_INTENT.search(question)),
                  chair=bool(_CHAIR_Q.search(question)), listing=bool(_LIST_Q.search(question)),
                  outcome=bool(_DECISION_Q.search(question)), counted=counted_words(question))


_AUX = set("did do does were was is are have has had in on at by to from for between during over across the a an "
           "and or that which who there this these those per each".split())


def counted_words(question: str) -> tuple[str, ...]:
    """The noun phrase after "how many" / "number of": "How many schools visited" -> ("school",)."""
    out: list[str] = []
    for m in _COUNT_Q.finditer(question):
        for word in m.group(1).lower().split():
            if word in _AUX:
                break
            out.append(normal_word(word))
    return tuple(dict.fromkeys(out))


def asks_meeting_chair(question: str) -> bool:
    """"Who chaired the December 2023 meeting?", not "Who chairs the Board?" (a standing role)."""
    return bool(_MEETING_CHAIR_Q.search(question))
