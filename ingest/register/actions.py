"""Pure text helpers for action follow-up: deadlines, agenda items, action-log rows, topic words.

Nothing here touches the index; assistant.followup joins these to the register and the papers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from minutebook.ingest.dates import MONTHS, find_dates
from minutebook.ingest.text import STOP, normal_word
from minutebook.ingest.text import words as text_words

# ---- topic words -----------------------------------------------------------------------------

# Words every request or paper of a community safety board carries: they name no topic, so sharing
# one ("update", "service", "community") is no sign that an item answers a request.
_GENERIC = frozenset(normal_word(w) for w in """
all out up new way must through within whether
report reports update updates provide provided bring brought further future next meeting meetings board
boards officer officers request requested asked requesting work working detail detailed data information
info available comment comments item items paper papers council councils service services team teams group
groups partnership partnerships partner partners member members local community communities safety safer
impact issue issues public people area areas office matter
matters year years month months week weeks date dates time strategic statement regarding include including
presentation present presented
""".split() + list(MONTHS))
# Titles that only run the meeting: an action is never answered by "Minutes of previous meeting".
PROCEDURAL = re.compile(
    r"(?i)^(?:introductions?|apologies|welcome|minutes\b|notes of|matters arising|declarations?|"
    r"exclusion of|other business|any other business|aob|date(?:s)? of (?:the )?next|change to the order|"
    r"chairman'?s? announcements|urgent items?)|\baction (?:log|tracker)\b"
)


def words(text: str) -> list[str]:
    """Normalised words of `text` (ingest/text.py), no figures, no possessive 's ('Anti-social' -> anti, social)."""
    return [normal_word(w) for w in text_words(text) if w[0].isalpha() and len(w) > 1]


def topic_words(text: str, setting: frozenset[str] = frozenset()) -> set[str]:
    """The words of `text` that can name a topic: no stop words, no board boilerplate, none of the
    words that name the archive's own setting (Store.setting_words)."""
    found = {normal_word(w) for w in text_words(text) if w[0].isalpha() and len(w) > 2 and w not in STOP}
    return found - _GENERIC - {normal_word(w) for w in setting}


def acronyms(text: str, setting: frozenset[str] = frozenset()) -> set[str]:
    """Upper-case abbreviations printed in `text` ('LFRS', 'ASB'), less the archive's own initials."""
    return {a.lower() for a in re.findall(r"\b[A-Z]{2,6}\b", text)} - {"the", "and"} - setting


def expanded(acronym: str, title: str) -> set[str]:
    """Title words an acronym stands for ('efrs' in 'Exampleshire Fire and Rescue Service'), or none."""
    seq = [w for w in words(title) if w not in ("and", "of", "the", "for")]
    n = len(acronym)
    for i in range(len(seq) - n + 1):
        if "".join(w[0] for w in seq[i:i + n]) == acronym:
            return set(seq[i:i + n])
    return set()


_NAME_NOISE = set("officers officer the board council team head chief executive director service chair "
                  "clerk members partners lead manager group of and for".split())


def names(who: str | None) -> list[list[str]]:
    """The people or bodies an action names, each as its significant words ('Bob Bearne' -> [Bob, Bearne])."""
    if not who:
        return []
    out = []
    for part in re.split(r"\s*(?:/|,|&|\band\b)\s*", who):
        tokens = [t for t in re.findall(r"[A-Za-z][A-Za-z'\-]+", part) if t.lower() not in _NAME_NOISE]
        if tokens and all(t[0].isupper() for t in tokens):
            out.append(tokens)
    return out


def names_in(name_list: list[list[str]], text: str) -> bool:
    """True when every word of one of the names is printed in `text` (capitals as printed)."""
    return any(all(re.search(rf"\b{re.escape(t)}\b", text) for t in name) for name in name_list)


_PAPER = re.compile(r"(?i)\b(?:reports?|updates?|presentations?|inputs?|briefings?|papers?|plans?|strateg(?:y|ies)|"
                    r"proposals?|reviews?|business case|br(?:ing|ought)|submit(?:ted)?|present(?:ed)?)\b")
_TO_MEETING = re.compile(r"(?i)\b(?:meetings?|board|committee|cabinet|panel|commission)\b|\breport(?:ing)? back\b")


def asks_for_paper(text: str) -> bool:
    """True when an action asks for a report or update to come to a meeting: something a later agenda
    can show. Other tasks (circulate a link, hold an event) happen outside the papers."""
    return bool(_PAPER.search(text) and _TO_MEETING.search(text))


# ---- deadlines -------------------------------------------------------------------------------

_MONTH_YEAR = re.compile(
    r"(?i)\b(january|february|march|april|may|june|july|august|september|october|november|december)\s+(\d{4})\b")


@dataclass(frozen=True)
class Due:
    """When an action is due: at a named month's meeting, the next meeting, or any later one ('open')."""

    kind: str  # "month", "next" or "open"
    earliest: str  # ISO date: the first meeting date that can answer the action


def due(text: str, by_when: str | None, requested: str) -> Due:
    """The deadline of an action set at the meeting of `requested` (ISO), from its wording."""
    day_after = (date.fromisoformat(requested) + timedelta(days=1)).isoformat()
    for source in (by_when or "", text):
        m = _MONTH_YEAR.search(source)
        if m and re.search(r"(?i)meeting|board|committee", source):
            first = date(int(m.group(2)), MONTHS[m.group(1).lower()], 1).isoformat()
            return Due("month", max(first, day_after))
    if re.search(r"(?i)\bnext\s+(?:\w+\s+)?meeting\b", f"{by_when or ''} {text}"):
        return Due("next", day_after)
    return Due("open", day_after)


# ---- agenda items ----------------------------------------------------------------------------

_AGENDA_LINE = re.compile(r"^(\d{1,2})\.\s+(\S.*)$")
_TITLE_END = re.compile(r"\.?\s*\(Pages?\s+\d+\s*[-–]?\s*\d*\s*\)|\.\s|\.$")


@dataclass
class AgendaItem:
    number: str
    title: str
    page: int  # the page its number line is printed on
    lines: list[str] = field(default_factory=list)  # its lines on that page, as printed
    text: str = ""  # the whole block, pages joined

    @property
    def quote(self) -> str:
        return " ".join(" ".join(self.lines).split())[:400]


def agenda_items(pages: list[tuple[int, str]]) -> list[AgendaItem]:
    """The numbered items of an agenda, with the lines printed under each (presenter, pages)."""
    items: list[AgendaItem] = []
    for number, text in pages:
        for raw in text.split("\n"):
            line = raw.strip()
            m = _AGENDA_LINE.match(line)
            # Items run 1, 2, 3...: a number out of sequence is a wrapped line ("40)" or "2023 ..."), not an item.
            if m and int(m.group(1)) == (int(items[-1].number) + 1 if items else int(m.group(1))) <= 40:
                items.append(AgendaItem(m.group(1), "", number, [line], line))
            elif items and line:
                if items[-1].page == number:
                    items[-1].lines.append(line)
                items[-1].text += " " + line
    for item in items:
        # A title wraps only up to its "(Pages ...)" reference; otherwise it is the number line alone.
        head = " ".join(item.lines[:2]) if "(Page" in " ".join(item.lines[:2]) else item.lines[0]
        body = head.split(None, 1)[1] if " " in head else ""
        m = _TITLE_END.search(body)
        item.title = (body[:m.start()] if m else body).strip()
    return items


# ---- action logs -----------------------------------------------------------------------------

STATUS_WORDS = {"red": "Red", "amber": "Amber", "green": "Green", "complete": "Complete", "completed": "Complete",
                "closed": "Closed", "open": "Open", "ongoing": "Ongoing", "blue": "Blue"}
DONE_STATUSES = {"Green", "Complete", "Closed", "Blue"}
_HEADER = ("no.", "date", "action", "responsible", "officer", "comments", "status", "ref", "owner", "rag")
_ROW_DATE = re.compile(r"^\d{1,2}[./]\d{1,2}[./]\d{2,4}$")
_ROW_NO = re.compile(r"^\d{1,3}$")
_NAME_LINE = re.compile(r"^[A-Z][A-Za-z'’\-]+(?:(?: |/)[A-Z][A-Za-z'’\-]+){0,3}/?$")


@dataclass
class LogRow:
    """One row of an action log as printed: number, date set, action, officer, comments, RAG status."""

    number: str | None
    date: str | None  # ISO date the action was set
    action: str
    officer: str
    comments: str
    status: str | None  # "Amber", "Green"... as printed; None where the cell is empty
    page: int
    action_quote: str = ""  # the action cell, lines joined: verbatim on `page`
    comments_quote: str = ""  # the comments cell on `page`


def parse_action_log(pages: list[tuple[int, str]]) -> list[LogRow]:
    """Rows of an action log whose table cells pypdf prints one per line, row after row."""
    rows: list[tuple[str | None, str, int, list[tuple[int, str]]]] = []
    expecting = True  # a row may start: at a page head, after the header, after a status cell
    for number, text in pages:
        lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
        expecting = True
        i = 0
        while i < len(lines):
            line = lines[i]
            if line.lower() == "no." and i + 1 < len(lines) and lines[i + 1].lower() == "date":
                while i < len(lines) and lines[i].lower() in _HEADER:
                    i += 1
                expecting = True
                continue
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if _ROW_NO.match(line) and _ROW_DATE.match(nxt):
                rows.append((line, nxt, number, []))
                i, expecting = i + 2, False
                continue
            if _ROW_DATE.match(line) and expecting:
                rows.append((None, line, number, []))
                i, expecting = i + 1, False
                continue
            if rows:
                rows[-1][3].append((number, line))
                expecting = line.lower() in STATUS_WORDS
            i += 1
    return [_row(*r) for r in rows]


def _row(no: str | None, when: str, page: int, cells: list[tuple[int, str]]) -> LogRow:
    status = None
    if cells and cells[-1][1].lower() in STATUS_WORDS:
        status = STATUS_WORDS[cells.pop()[1].lower()]
    texts = [t for _, t in cells]
    start, end = _officer_span(texts)
    found = find_dates(when)
    action_lines = cells[:start] if start else cells
    comment_lines = cells[end:] if start else []
    return LogRow(
        number=no, date=found[0][1] if found else None, action=" ".join(t for _, t in action_lines),
        officer=" ".join(texts[start:end]).replace("/ ", "/") if start else "",
        comments=" ".join(t for _, t in comment_lines), status=status, page=page,
        action_quote=" ".join(t for p, t in action_lines if p == page),
        comments_quote=" ".join(t for p, t in comment_lines if p == comment_lines[0][0]) if comment_lines else "")


def _officer_span(texts: list[str]) -> tuple[int, int]:
    """(start, end) of the officer cell's lines, or (0, 0) where none is found.

    The officer cell is a run of name-like lines after the action; the action cell usually ends a
    sentence just before it. Where it does not, the run whose names the comments repeat wins
    ("Euan Walters" ... "Link circulated by Euan Walters"), else the first run.
    """
    runs, i = [], 1  # the first line always belongs to the action
    while i < len(texts):
        if _NAME_LINE.match(texts[i]) and texts[i].lower() not in STATUS_WORDS:
            j = i
            while j < len(texts) and j - i < 3 and _NAME_LINE.match(texts[j]):
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    if not runs:
        return 0, 0
    for start, end in runs:
        if texts[start - 1].endswith((".", "?", "!")):
            return start, end
    for start, end in runs:
        later = " ".join(texts[end:])
        if any(len(t) > 2 and re.search(rf"\b{re.escape(t)}\b", later)
               for t in re.split(r"[ /]", " ".join(texts[start:end]))):
            return start, end
    return runs[0]


# ---- quotes ----------------------------------------------------------------------------------

def best_line(pages: list[tuple[int, str]], wanted: set[str]) -> tuple[int, str, int]:
    """(page, quote, score) of the first printed statement that shows most of `wanted`.

    A statement is a line run on to the end of its sentence (at most three more lines of the same
    page, while they continue it in lower case), so a quote reads whole and is still verbatim.
    """
    best = (0, "", 0)
    for number, text in pages:
        lines = [ln.strip() for ln in text.split("\n")]
        for i, line in enumerate(lines):
            quote = [line]
            j = i + 1
            while j < len(lines) and len(quote) < 4 and not quote[-1].endswith((".", "?", "!", ":")) \
                    and lines[j][:1].islower():
                quote.append(lines[j])
                j += 1
            joined = " ".join(" ".join(quote).split())
            score = len(set(words(joined)) & wanted)
            if score > best[2]:
                best = (number, joined, score)
    return best
