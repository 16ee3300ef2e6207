"""An adopted resolution printed as a document of its own: the body's decision, its date and its vote.

US bodies print each resolution they adopt whole, often filed with the minutes it approves:
"RESOLUTION NO. 17-01", "RESOLUTION OF THE <body> <title>", preambles ("WHEREAS ..."), the operative
part ("NOW, THEREFORE, BE IT RESOLVED ..." / "... DOES HEREBY RESOLVE AS FOLLOWS:") and the adoption
block ("PASSED AND ADOPTED this 24th day of January, 2017, by the following vote: AYES: ..."). A draft
attached to a report has the same shape with blanks for the day and the votes: it is no decision.
The words are data in house_style.py (resolutions block). Pure text in, dataclasses out.
"""
from __future__ import annotations

import re

from minutebook.ingest.dates import MONTHS, find_dates, parse_date
from minutebook.ingest.papers import house_style as hs
from minutebook.ingest.register.decisions import Line, reflow
from minutebook.ingest.register.meeting_header import unshout
from minutebook.ingest.register.motions import split_names, vote_head
from minutebook.ingest.types import Resolution, Votes

_NUMBER = re.compile(rf"(?i)^\s*{hs.RESOLUTION_NUMBER}")
_OPERATIVE = re.compile("|".join(hs.RESOLUTION_OPERATIVE), re.I)
_ADOPTED = re.compile("|".join(hs.RESOLUTION_ADOPTED), re.I)
_PREAMBLE = re.compile(r"(?i)^\s*whereas\b")
# "this 24th day of January, 2017": the day and month as printed (either may be unreadable on a scan)
_ON_DAY = re.compile(r"(?i)\b(?:this|the|on)\s+(?P<day>\S{1,6})\s+day\s+of\s+(?P<month>[^\s,;]+)[,;]?\s+(?P<year>(?:19|20)\d{2})\b")
_BLANK = re.compile(r"_{3,}")
# "Approved by the Oversight Board on January 24, 2017." under the minutes it approved
_APPROVAL_NOTE = re.compile(r"(?i)\b(?:approved|adopted|passed)\b[^.\n]{0,100}?\bon\s*$")
# The body that resolves, after "RESOLUTION OF THE", up to the title's verb ("ADOPTING", "APPROVING").
_OF_BODY = re.compile(r"(?i)^(?:a\s+)?resolution\s+of\s+the\s+(?P<body>.+?)\s+(?=[A-Za-z]+ing\b)")


def adopted_resolution(text: str) -> bool:
    """Whether a page opens a resolution the body has adopted: its number in the first lines, an
    operative part, and an adoption block whose day is not left blank."""
    head = [ln for ln in text.splitlines() if ln.strip()][:3]
    adopted = _ADOPTED.search(text)
    return bool(any(_NUMBER.match(ln) for ln in head) and _OPERATIVE.search(text) and adopted
                and not _BLANK.search(text[adopted.start():adopted.start() + 200]))


def adopted_on(text: str, paper: str) -> str | None:
    """The ISO date the adoption block gives. A day or month that cannot be read (a scan) is taken from
    the one full date of that year (and month, where readable) that the rest of the paper prints, such as
    the minutes' own note "Approved by the Board on January 24, 2017"."""
    adopted = _ADOPTED.search(text)
    m = _ON_DAY.search(text, adopted.start()) if adopted else None
    if not m:
        return None
    day = re.sub(r"(?i)(?<=\d)(?:st|nd|rd|th)$", "", m["day"])
    month = MONTHS.get(m["month"].lower().rstrip("."))
    if month and day.isdigit():
        return parse_date(f"{day} {m['month']} {m['year']}")
    found = [(at, iso) for at, iso in find_dates(paper) if iso[:4] == m["year"] and (not month or int(iso[5:7]) == month)]
    for dates in ({iso for _, iso in found}, {iso for at, iso in found if _APPROVAL_NOTE.search(paper[max(0, at - 120):at])}):
        if len(dates) == 1:
            return dates.pop()
    return None


def read_resolution(lines: list[Line], counted: bool = True) -> tuple[str | None, Resolution] | None:
    """(the resolving body, the decision) of an adopted resolution's lines; `counted` False where the
    names of the vote were read by OCR from a filled-in form and cannot be trusted."""
    texts = [t for _, t in lines]
    number = next((m for t in texts[:3] if (m := _NUMBER.match(t))), None)
    if number is None:
        return None
    start = texts.index(number.string) + 1
    preamble = next((k for k in range(start, len(texts)) if _PREAMBLE.match(texts[k]) or _OPERATIVE.search(texts[k])),
                    len(texts))
    title = reflow(texts[start:preamble])
    whole = reflow(texts)
    operative = _OPERATIVE.search(whole, len(title))
    adopted = _ADOPTED.search(whole)
    clauses = whole[operative.start():adopted.start()] if operative and adopted and adopted.start() > operative.start() else ""
    body = _OF_BODY.match(title)
    words = re.sub(r"(?i)^(?:a\s+)?resolution\s+of\s+the\s+", "", title) if body is None else title[body.end():]
    item = f"Resolution No. {number['n'].strip(' |')}"
    text = reflow([title, clauses.split(":", 1)[-1].strip() if clauses else ""])
    adopted_line = next((k for k, t in enumerate(texts) if _ADOPTED.search(t)), len(texts))
    votes = _votes(texts[adopted_line:]) if counted else None
    return (unshout(body["body"]) if body else None), Resolution(
        item=item, title=words.strip(" .") or item, text=text, page=lines[0][0], outcome="approved",
        outcome_text=texts[adopted_line] if adopted_line < len(texts) else "", votes=votes, entry="decision",
        form="RESOLVED")


def _votes(texts: list[str]) -> Votes | None:
    """The roll of the adoption block: "AYES: Members A, B and C", "NOES: None", "ABSENT: D"."""
    votes = Votes()
    for t in texts:
        head = vote_head(t)
        if head:
            kind, count, names = head
            listed = split_names(re.sub(r"(?i)^(?:council\s*)?(?:members?|commissioners?|trustees?)\s+", "", names))
            votes.names[kind] = listed
            votes.counts[kind] = count if count is not None else len(listed)
    if votes.counts.get("for") is None:
        return None
    votes.counts.setdefault("against", 0)
    votes.counts.setdefault("abstain", 0)
    return votes


def resolution_meeting(text: str, paper: str) -> tuple[str | None, str | None]:
    """(the resolving body, the day of adoption) of a page that opens an adopted resolution; `paper` is
    the text of the whole paper, which may complete a date the scan leaves unreadable."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    start = next((k + 1 for k, ln in enumerate(lines[:3]) if _NUMBER.match(ln)), 0)
    end = next((k for k in range(start, len(lines)) if _PREAMBLE.match(lines[k]) or _OPERATIVE.search(lines[k])), len(lines))
    body = _OF_BODY.match(reflow(lines[start:end]))
    return (unshout(body["body"]) if body else None), adopted_on(text, paper)
