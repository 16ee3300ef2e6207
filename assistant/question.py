"""One question, read once: what it asks for and which meeting it names.

Every step of an answer used to read the question's text again (search's intents, the register's,
the extractive answerer's, the follow-up reader's). `Question.parse` reads it once into a frozen
object that search, the register answerer and the extractive and generative answerers take:
- what is asked (`asks`): who chaired, moved, seconded; the vote; when; how much; what was decided;
  the call to order, the adjournment, the next meeting, who was present, absent, sent apologies,
  the clerk, the quorum;
- the meeting named: full dates ("of 9 January 2025"), months with their year ("in March 2023"),
  a month without one ("last March", resolved against `today`), a meeting's year ("the 2023 budget
  meeting"), "the last meeting"; resolution and minute numbers;
- how a follow-up was read (conversation.reading).

`meetings_meant` then holds those against the meetings the papers record: the answer comes from
them, or, when none fits, the answer says which meetings the papers hold for that body.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date

from minutebook.ingest.dates import MONTH_NAMES, MONTHS, human_date, without_dates

from minutebook.assistant import answer_types as at
from minutebook.assistant.conversation import reading
from minutebook.assistant.specifics import meeting_years, meetings_named, months_named, names_specifics, references_in

# What a question asks about a meeting, each in the forms questions take in either body's wording.
ASKS = {
    "chair": re.compile(r"\bchaired\b|\bchair(ed|man|woman|person)?\b.*\bmeeting\b|\bin the chair\b|\bpresid(ed|ing|e)\b", re.I),
    "call_to_order": re.compile(r"\bcall(ed|s)?\b.{0,60}\bto order\b|\bconven(e|ed)\b|\b(open|start|begin|began|commence)\w*\b"
                                r".{0,40}\bmeeting\b|\bmeeting\b.{0,40}\b(open|start|begin|began|commence)\w*\b", re.I),
    "adjournment": re.compile(r"\badjourn\w*|\b(close|end|finish)(ed|s)?\b.{0,30}\bmeeting\b|\bmeeting\b.{0,30}\b(close|end|finish)(ed|s)?\b", re.I),
    "next_meeting": re.compile(r"\bnext\b(\s+\w+){0,3}\s+meeting\b|\bmeet(s|ing)? next\b", re.I),
    "present": re.compile(r"\battend\w*|\bwho (was|were) (present|there)\b|\bpresent at\b", re.I),
    "absent": re.compile(r"\babsent\b|\babsence\b", re.I),
    "apologies": re.compile(r"\bapolog\w*", re.I),
    "clerk": re.compile(r"\bclerk\b|\b(recording|minute|minutes)[- ](secretary|taker)\b|\btook the minutes\b", re.I),
    "quorum": re.compile(r"\bquorum\b|\bquorate\b", re.I),
    "mover": re.compile(r"\b(moved|proposed|seconded|mover|proposer|seconder)\b", re.I),
    "vote": re.compile(r"\bvot(e|ed|es|ing)\b|\bhow many .*\b(for|against)\b|\babstain\w*", re.I),
    "decided": re.compile(r"\b(resolv\w*|resolution|decid\w*|decision|agreed?|approv\w*|adopt\w*)\b", re.I),
    "how_much": at.NUMERIC_INTENT,
    "when": re.compile(r"^\s*(when|on what date|what date|by when)\b|\bat what time\b|\bwhat time\b", re.I),
}
# Facts a minutes' opening and closing lines record (ingest/papers/proceedings_facts.py reads them).
PROCEEDINGS = ("call_to_order", "adjournment", "next_meeting", "present", "absent", "apologies", "clerk", "quorum")

# "last March", "in March" (no year): a month the question names without its year.
_BARE_MONTH = re.compile(r"(?i)\b(last|this|in|during)\s+(" + "|".join(MONTH_NAMES) + r")\b(?!\s*,?\s*(?:\d{1,2}\b|(?:19|20)\d\d))")
# "the last meeting", "the most recent meeting", "its latest meeting": the body's newest meeting.
_LAST_MEETING = re.compile(r"(?i)\b(last|latest|most recent|previous)\s+(\w+\s+){0,2}meeting\b")


@dataclass(frozen=True)
class Question:
    text: str
    query: str  # what search reads: a follow-up joined to the question it continues
    read_as: str | None = None  # "Taking this as about Biker Down"
    asks: tuple[str, ...] = ()  # keys of ASKS, in ASKS's order
    dates: tuple[str, ...] = ()  # ISO dates of the meetings named ("of 9 January 2025")
    months: tuple[str, ...] = ()  # "2023-03": months named with their year, or resolved ("last March")
    meeting_years: tuple[str, ...] = ()  # "the 2023 budget meeting"
    last_meeting: bool = False  # "the last meeting": the newest one the papers hold
    references: tuple[str, ...] = ()  # resolution and minute numbers, lower case: "r2024-101"
    wanted: at.Wanted = field(default_factory=at.Wanted)

    @classmethod
    def parse(cls, text: str, history: list[str] | tuple[str, ...] = (), today: date | None = None) -> "Question":
        query, read_as = reading(text, list(history))
        return cls(text=text, query=query, read_as=read_as,
                   asks=tuple(k for k, pattern in ASKS.items() if pattern.search(text)),
                   dates=tuple(sorted(meetings_named(text))),
                   months=tuple(sorted(months_named(without_dates(text)) | bare_months(text, today or date.today()))),
                   meeting_years=tuple(sorted(meeting_years(text))),
                   last_meeting=bool(_LAST_MEETING.search(text)) and not meetings_named(text),
                   references=tuple(references_in(text)), wanted=at.wanted(text))

    @property
    def names_meeting(self) -> bool:
        """Whether the question says which meeting it is about (a date, month, year or "the last")."""
        return bool(self.dates or self.months or self.meeting_years or self.last_meeting)

    @property
    def names_specifics(self) -> bool:
        return names_specifics(self.text)

    def asks_for(self, *kinds: str) -> bool:
        return any(k in self.asks for k in kinds)

    def to_json(self) -> dict:
        out = asdict(self)
        out["wanted"] = asdict(self.wanted)
        return out


def as_question(question: "Question | str") -> Question:
    """A Question from one already read, or from text (callers that hold only the words)."""
    return question if isinstance(question, Question) else Question.parse(question)


def bare_months(text: str, today: date) -> set[str]:
    """Months named without a year, as "2025-03": "last March" is the latest March before this month
    (before this year's, when it is March now); "in March" the latest March up to this month."""
    out = set()
    for m in _BARE_MONTH.finditer(text):
        month = MONTHS[m.group(2).lower()]
        year = today.year if month < today.month or (month == today.month and m.group(1).lower() != "last") else today.year - 1
        out.add(f"{year}-{month:02d}")
    return out


# ---- the meetings meant ------------------------------------------------------------------------
@dataclass(frozen=True)
class Meetings:
    """The meetings a question names, held against those the papers record."""
    bodies: tuple[str, ...]  # the bodies the question names (index board names), if any
    matched: tuple[tuple[str, str], ...]  # (board, ISO date) of the papers' meetings that fit
    held: tuple[tuple[str, str], ...]  # (board, ISO date) of the named bodies' meetings (all, when none named)

    @property
    def dates(self) -> set[str]:
        return {d for _, d in self.matched}


def bodies_named(text: str, boards: list[str | None]) -> list[str]:
    """The index's board names the question prints ("the Kent Cabinet meeting" names "Cabinet"); the
    longest first, and none that is part of a longer one named ("Council" in "City Council")."""
    found = sorted({b for b in boards if b and re.search(rf"(?i)\b{re.escape(b)}\b", text)}, key=len, reverse=True)
    return [b for i, b in enumerate(found) if not any(b.lower() in longer.lower() for longer in found[:i])]


def _of_body(board: str, bodies: tuple[str, ...]) -> bool:
    return not bodies or any(b.lower() == board.lower() for b in bodies)


def meetings_meant(question: Question, meetings: list[tuple[str, str]], boards: list[str | None]) -> Meetings | None:
    """Which of the papers' `meetings` ((board, ISO date) of minutes and agendas) the question is
    about; None when it names no meeting (no date, month, meeting year or "last meeting")."""
    if not question.names_meeting:
        return None
    bodies = tuple(bodies_named(question.text, boards))
    held = tuple(sorted({(b, d) for b, d in meetings if b and d and _of_body(b, bodies)}, key=lambda m: m[1]))
    if question.last_meeting and not (question.dates or question.months or question.meeting_years):
        newest = max((d for _, d in held), default=None)
        return Meetings(bodies, tuple(m for m in held if m[1] == newest), held)

    def fits(day: str) -> bool:
        return (day in question.dates or day[:7] in question.months
                or (day[:4] in question.meeting_years and not question.dates and not question.months))

    return Meetings(bodies, tuple(m for m in held if fits(m[1])), held)


def no_such_meeting(question: Question, found: Meetings, limit: int = 6) -> str:
    """"The papers hold no meeting of the Cabinet on 13 March 2025. They hold its meetings of
    4 March 2025 and 30 January 2025.": the meetings nearest the one asked about."""
    body = " or ".join(found.bodies) if found.bodies else ""
    asked = ([human_date(d) for d in question.dates] or [_month_words(m) for m in question.months]
             or list(question.meeting_years))
    when = " or ".join(asked)
    on = "on" if question.dates else "in"
    said = f"The papers hold no meeting{' of the ' + body if body else ''}{f' {on} {when}' if when else ''}."
    if not found.held:
        return said
    target = (question.dates or tuple(f"{m}-15" for m in question.months)
              or tuple(f"{y}-07-01" for y in question.meeting_years) or ("9999",))[0]
    days = sorted({d for _, d in found.held}, key=lambda d: abs(_ordinal(d) - _ordinal(target)))[:limit]
    listed = [human_date(d) for d in sorted(days)]
    whose = "its" if len(found.bodies) == 1 else "these"
    more = len({d for _, d in found.held}) - len(days)
    tail = f" (and {more} more)" if more > 0 else ""
    joined = listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " and " + listed[-1]
    return f"{said} They hold {whose if found.bodies else 'the'} meetings of {joined}{tail}."


def _month_words(month: str) -> str:
    return f"{MONTH_NAMES[int(month[5:]) - 1].capitalize()} {month[:4]}"


def _ordinal(iso: str) -> int:
    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return 10 ** 7
