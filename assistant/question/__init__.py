"""One question, read once: what it asks for and which meeting it names.

Every step of an answer used to read the question's text again (search's intents, the register's,
the extractive answerer's, the follow-up reader's). `Question.parse` reads it once into a frozen
object that search, the register answerer and the extractive and generative answerers take:
- what is asked (`asks`): who chaired, moved, seconded; the vote; when; how much; what was decided;
  the call to order, the adjournment, the next meeting, who was present, absent, sent apologies,
  the clerk, the quorum;
- the officers elected, who arrived late or left early;
- the meeting named: full dates ("of 9 January 2025"), months with their year ("in March 2023"),
  a month without one ("last March", resolved against `today`), a meeting's year ("the 2023 budget
  meeting"), "the last meeting"; resolution and minute numbers;
- how a follow-up was read (conversation.reading).

The package holds every reader of a question's words, and no module outside it compiles one
(tests/test_layout.py): conversation.py (follow-ups), specifics.py (dates, years and numbers named),
wanted.py (the shape of the fact asked for), intents.py (the answerers' and decline rules' other cues).

`meetings_meant` then holds those against the meetings the papers record: the answer comes from
them, or, when none fits, the answer says which meetings the papers hold for that body.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date

from minutebook.ingest.dates import MONTH_NAMES, MONTHS, find_dates, human_date, human_month, without_dates
from minutebook.ingest.papers.house_style import MEETING_KINDS
from minutebook.ingest.papers.proceedings_facts import offices

from minutebook.assistant.question.conversation import reading
from minutebook.assistant.question.specifics import meeting_years, meetings_named, names_specifics, references_in
from minutebook.assistant.question.wanted import NUMERIC_INTENT, Wanted, wanted

# An office a meeting elects: "Chair", "Vice-Chairman", "President", "Officers".
_OFFICE = r"(?:vice[- ]?|deputy\s+)?(?:chair(?:man|woman|person)?|president|mayor|officers?)\b"
# What a question asks about a meeting, each in the forms questions take in either body's wording.
ASKS = {
    # Who chaired the meeting, not who was elected chair ("Who were re-elected Chair and Vice-Chair?").
    "chair": re.compile(r"^(?!.*\b(?:elect|re-elect|appoint|kept|chose|nominat)\w*).*(?:\bchaired\b|\bchair(ed|man|woman|person)?\b.*"
                        r"\bmeeting\b|\bin the chair\b|\bpresid(ed|ing|e)\b)", re.I),
    "call_to_order": re.compile(r"\bcall(ed|s)?\b.{0,140}\bto order\b|\bconven(e|ed)\b|\b(open|start|begin|began|commence)\w*"
                                r"\s+the\s+(\w+\s+){0,3}meeting\b|\bmeeting\s+(was\s+|did\s+)?(open|start|begin|began|commence)\w*", re.I),
    "adjournment": re.compile(r"\badjourn\w*|\b(close|end|finish)(ed|s)?\b.{0,30}\bmeeting\b|\bmeeting\b.{0,30}\b(close|end|finish)(ed|s)?\b", re.I),
    "next_meeting": re.compile(r"\bnext\b(\s+\w+){0,3}\s+meeting\b|\bmeet(s|ing)? next\b", re.I),
    "present": re.compile(r"\battend\w*|\bwho (was|were) (present|there)\b|\bpresent at\b", re.I),
    "absent": re.compile(r"\babsent\b|\babsence\b", re.I),
    "apologies": re.compile(r"\bapolog\w*", re.I),
    # Who came late or left early: "when did the Chair arrive?", "who left the meeting?"
    "arrival": re.compile(r"\barriv(e|ed|al|ing)\b|\b(joined|left|leave|depart\w*)\s+(the\s+)?meeting\b|\bcame\s+late\b"
                          r"|\bleft\s+early\b", re.I),
    "clerk": re.compile(r"\bclerk\b|\b(recording|minute|minutes)[- ](secretary|taker)\b|\btook the minutes\b", re.I),
    "quorum": re.compile(r"\bquorum\b|\bquorate\b", re.I),
    # Officers elected: "Who were elected Chair and Vice Chair?", "Who was kept as Chair?", "re-elected Chairman".
    "election": re.compile(rf"\b(?:re-?)?(?:elect(?:ed|ion|ions|s)?|appoint(?:ed|ment|s)?|kept|keep|cho(?:se|sen|ose)"
                           rf"|nominat\w*)\b.{{0,60}}?\b{_OFFICE}|\b{_OFFICE}\s+(?:was|were)\s+(?:re-?)?(?:elected|appointed|chosen)\b",
                           re.I),
    "mover": re.compile(r"\b(moved|proposed|seconded|mover|proposer|seconder)\b", re.I),
    "vote": re.compile(r"\bvot(e|ed|es|ing)\b|\bhow many .*\b(for|against)\b|\babstain\w*", re.I),
    "decided": re.compile(r"\b(resolv\w*|resolution|decid\w*|decision|agreed?|approv\w*|adopt\w*|appointed)\b", re.I),
    "how_much": NUMERIC_INTENT,
    "when": re.compile(r"^\s*(when|on what date|what date|by when)\b|\bat what time\b|\bwhat time\b", re.I),
}
# What search weighs (assistant/search.py), read from the text it searches.
# Questions about what a meeting did, which its minutes record (README, Asking questions).
RECORD_INTENT = re.compile(r"\b(chair(ed|s)?|chaired by|propos\w*|second(ed|er)|moved|votes?|voted|voting|carried"
                           r"|lost|resolv\w*|agreed|decided|approved|adopted|elected|appointed|apologies|attend\w*)\b",
                           re.I)
# Who chaired, attended or sent apologies is printed on the first page of the minutes, in every
# style seen; the role word ("Chairman") is also on every other page, so words alone cannot find it.
ATTENDANCE_INTENT = re.compile(r"\b(chair(ed|s)?|present|attend\w*|apologies|absent)\b", re.I)
# "What was the vote on ...?" is answered where the minutes print the count.
VOTE_INTENT = re.compile(r"\b(vot(e|ed|es|ing)|how many .*\b(for|against))\b", re.I)
# A motion's fate, its vote or its movers: the register answers (assistant/register/answers.py).
REGISTER_ASKS = re.compile(
    r"(?i)\b(?:amendments?|motions?)\b.*\b(?:carried|lost|defeated|pass(?:ed)?|fail(?:ed)?|approved|adopted|agreed)\b"
    r"|\bhow\s+many\b.*\bvot\w*|\bvot(?:e|es|ed|ing)\s+(?:for|against)\b|\babstain\w*|\bwhat\s+was\s+the\s+(?:\w+\s+)?vote\b"
    r"|\bwho\s+(?:moved|proposed|seconded)\b|\b(?:mover|seconder|proposer)\b|\bhow\s+did\s+.*\bvote\b"
    r"|\b(?:outcome|result)\s+of\s+the\s+(?:vote|amendment|motion)\b"
    # "What happened to Councilmember X's motion of <date> directing staff ...?": a motion's fate
    r"|\bwhat\s+(?:happened|became)\s+(?:to|of)\s+(?:(?!(?:on|about|for|of|regarding)\b)\S+\s+){0,4}?"
    r"(?:amendment|motion)s?\b"
)



def _election_vote(text: str) -> bool:
    """"Who were kept as Chair and Vice-Chair, and what was the vote?": the vote of an election is printed
    with it and read with it (assistant/proceedings.py); the register answers who proposed and seconded."""
    return bool(ASKS["election"].search(text)) and not ASKS["mover"].search(text)


def search_cues(query: str) -> tuple[bool, bool, bool]:
    """What search weighs in the text it searches: whether it asks what a meeting did (its record),
    who attended or chaired, and the vote."""
    return bool(RECORD_INTENT.search(query)), bool(ATTENDANCE_INTENT.search(query)), bool(VOTE_INTENT.search(query))


# What says a question is about a meeting: its name for one, or asking what only a meeting does.
_MEETING_WORD = re.compile(r"(?i)\b(meeting|meetings|minutes|agenda|session|hearing|met|meet)\b")
RECORD_ASKS = ("chair", "call_to_order", "adjournment", "next_meeting", "present", "absent", "apologies", "arrival",
               "clerk", "quorum", "election", "mover", "vote", "decided")

# Facts a minutes' opening and closing lines record (ingest/papers/proceedings_facts.py reads them).
PROCEEDINGS = ("call_to_order", "adjournment", "next_meeting", "present", "absent", "apologies", "arrival", "clerk",
               "quorum", "election")

# "last March", "in March" (no year): a month the question names without its year.
_BARE_MONTH = re.compile(r"(?i)\b(last|this|in|during)\s+(" + "|".join(MONTH_NAMES) + r")\b(?!\s*,?\s*(?:\d{1,2}\b|(?:19|20)\d\d))")
# "the last meeting", "the most recent meeting", "its latest meeting": the body's newest meeting.
_MONTH_YEAR = re.compile(r"(?i)\b(" + "|".join(MONTH_NAMES) + r")\s+((?:19|20)\d\d)\b")
_LAST_MEETING = re.compile(r"(?i)\b(last|latest|most recent|previous)\s+(\w+\s+){0,2}meeting\b")
# "the regular Alameda City Council meeting", "its annual meeting", "the special joint meeting": which of a
# day's meetings is meant, where a paper prints several (a special session before the regular one).
_MEETING_KIND = re.compile(r"(?i)\b(" + "|".join(MEETING_KINDS) + r")\b(?=(?:\s+[\w'’/&.-]+){0,6}?\s+(?:meeting|session|minutes)\b)")


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
    meeting_kinds: tuple[str, ...] = ()  # "regular", "special", "joint", "annual": the kind of meeting named
    offices: tuple[str, ...] = ()  # the offices an election is asked about: "chair", "vice chair", "president"
    references: tuple[str, ...] = ()  # resolution and minute numbers, lower case: "r2024-101"
    wanted: Wanted = field(default_factory=Wanted)
    asks_register: bool = False  # a motion's fate, vote or movers: the register answers first

    @classmethod
    def parse(cls, text: str, history: list[str] | tuple[str, ...] = (), today: date | None = None) -> "Question":
        query, read_as = reading(text, list(history))
        return cls(text=text, query=query, read_as=read_as,
                   asks=tuple(k for k, pattern in ASKS.items() if pattern.search(text)),
                   dates=tuple(sorted(meetings_named(text))),
                   months=tuple(sorted(meeting_months(text) | bare_months(text, today or date.today()))),
                   meeting_years=tuple(sorted(meeting_years(text))),
                   last_meeting=bool(_LAST_MEETING.search(text)) and not meetings_named(text),
                   meeting_kinds=tuple(sorted({m.group(1).lower() for m in _MEETING_KIND.finditer(text)})),
                   offices=tuple(sorted(offices(text))) if ASKS["election"].search(text) else (),
                   references=tuple(references_in(text)), wanted=wanted(text),
                   asks_register=bool(REGISTER_ASKS.search(text)) and not _election_vote(text))

    @property
    def names_meeting(self) -> bool:
        """Whether the question says which meeting it is about (a date, month, year or "the last"):
        a question about a meeting ("meeting", "minutes", what was decided, who chaired or moved) that
        names one. "How many incidents in January 2024?" names a period, not a meeting."""
        about = bool(_MEETING_WORD.search(self.text)) or bool(set(self.asks) & set(RECORD_ASKS))
        return about and bool(self.dates or self.months or self.meeting_years or self.last_meeting)

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


# "the payroll for January 2010", "the report for September to November 2022": a month a figure is
# for, not the month of the meeting that records it.
_PERIOD_BEFORE = re.compile(r"(?i)\b(for|to|from|until|through|of|between|and|since|ending|ended)\s*$")


def meeting_months(text: str) -> set[str]:
    """Months named with their year ("in January 2012") that say when a meeting was, full dates aside."""
    plain = without_dates(text)
    return {f"{m.group(2)}-{MONTHS[m.group(1).lower()]:02d}" for m in _MONTH_YEAR.finditer(plain)
            if not _PERIOD_BEFORE.search(plain[:m.start()])}


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
    matched: tuple[tuple[str, str, str], ...]  # (board, ISO date, date the index files it under) that fit
    held: tuple[tuple[str, str, str], ...]  # the same, of the named bodies' meetings (all, when none named)

    @property
    def dates(self) -> set[str]:
        """The dates the index files the matched meetings' passages under."""
        return {filed for _, _, filed in self.matched}

    def holds(self, board: str | None, filed: str | None) -> bool:
        """Whether a passage (its board and date) is of a matched meeting."""
        return any(filed == f and (not b or not board or _same_body(b, board)) for b, _, f in self.matched)


def _same_body(a: str, b: str) -> bool:
    """One body under a shorter and a longer name ("Planning Board", "City of Alameda Planning Board"):
    the minutes' title block and the register read a body's name at different lengths."""
    a, b = a.lower(), b.lower()
    return a == b or bool(re.search(rf"\b{re.escape(a)}\b", b) or re.search(rf"\b{re.escape(b)}\b", a))


def bodies_named(text: str, boards: list[str | None]) -> list[str]:
    """The index's board names the question prints ("the Kent Cabinet meeting" names "Cabinet"), the
    longest first. A name inside a longer one named is kept ("County Council" in "Kent County
    Council"): a body misread under the longer name must not hide the meetings of the shorter.
    A single word inside a longer name is not."""
    named = {b for b in boards if b and re.search(rf"(?i)\b{re.escape(b)}\b", text)}
    # A one-word name inside a longer one named ("Council" in "Souldern Parish Council") is that word,
    # not a body: kept, it would let any council's meeting of the date answer.
    named = {b for b in named if len(b.split()) > 1 or not any(b != other and b.lower() in other.lower() for other in named)}
    return sorted(named, key=len, reverse=True)


def _of_body(board: str, bodies: tuple[str, ...]) -> bool:
    """The board is one the question names, or a longer name of it ("City of Alameda Planning Board");
    a meeting whose body was not read ("") may be any body's."""
    return not bodies or not board or any(re.search(rf"(?i)\b{re.escape(b)}\b", board) for b in bodies)


def meetings_held(heads: list[tuple[str | None, str | None, str]], lines: int = 12) -> list[tuple[str, str, str]]:
    """(board, date, date filed under) of each meeting the papers record: the date read at ingest,
    and any date the title block (the first lines of its first page) prints where ingest read another."""
    out = set()
    for board, day, text in heads:
        board = board or ""  # a body not read: any body's meeting
        if not day:
            continue
        out.add((board, day, day))
        out |= {(board, iso, day) for _, iso in find_dates("\n".join(text.splitlines()[:lines]))}
    return sorted(out)


def meetings_meant(question: Question, meetings: list[tuple], boards: list[str | None]) -> Meetings | None:
    """Which of the papers' `meetings` ((board, ISO date[, date filed under]) of minutes and agendas)
    the question is about; None when it names no meeting (no date, month, meeting year or "last meeting")."""
    bodies = tuple(bodies_named(question.text, boards))
    # A body that meets and a full date name that body's meeting of the day, with or without the word
    # "meeting" ("What rent did the Rent Review Advisory Committee set ... on 7 November 2018?").
    if not question.names_meeting and not (question.dates and bodies):
        return None
    held = tuple(sorted({(m[0] or "", m[1], m[-1]) for m in meetings if m[1] and _of_body(m[0] or "", bodies)},
                        key=lambda m: m[1]))
    if question.last_meeting and not (question.dates or question.months or question.meeting_years):
        newest = max((m[1] for m in held), default=None)
        return Meetings(bodies, tuple(m for m in held if m[1] == newest), held)

    def fits(day: str) -> bool:
        return (day in question.dates or day[:7] in question.months
                or (day[:4] in question.meeting_years and not question.dates and not question.months))

    return Meetings(bodies, tuple(m for m in held if fits(m[1])), held)


def no_such_meeting(question: Question, found: Meetings, limit: int = 6) -> str:
    """"The papers hold no meeting of the Cabinet on 13 March 2025. They hold its meetings of
    4 March 2025 and 30 January 2025.": the meetings nearest the one asked about."""
    body = found.bodies[0] if found.bodies else ""  # the longest name the question prints
    asked = ([human_date(d) for d in question.dates] or [human_month(m) for m in question.months]
             or list(question.meeting_years))
    when = " or ".join(asked)
    on = "on" if question.dates else "in"
    said = f"The papers hold no meeting{' of the ' + body if body else ''}{f' {on} {when}' if when else ''}."
    if not found.held:
        return said
    target = (question.dates or tuple(f"{m}-15" for m in question.months)
              or tuple(f"{y}-07-01" for y in question.meeting_years) or ("9999",))[0]
    # The meetings of the body as the question names it ("City Council", not every "Council"), where
    # the papers hold any; a meeting whose body was not read is listed only when none is.
    own = [m for m in found.held if m[0] and found.bodies and re.search(rf"(?i)\b{re.escape(found.bodies[0])}\b", m[0])]
    named = [m for m in found.held if m[0]]
    listed_from = own or named or list(found.held)
    held_days = {m[1] for m in listed_from}
    days = sorted(held_days, key=lambda d: abs(_ordinal(d) - _ordinal(target)))[:limit]
    listed = [human_date(d) for d in sorted(days)]
    whose = "its" if found.bodies else "the"
    more = len(held_days) - len(days)
    tail = f" (and {more} more)" if more > 0 else ""
    joined = listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " and " + listed[-1]
    return f"{said} They hold {whose} meetings of {joined}{tail}."


def _ordinal(iso: str) -> int:
    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return 10 ** 7
