"""Meetings inside a paper: where each meeting's record opens, and the date its title block prints.

Clerks file several meetings in one PDF (a regular meeting with the special or closed session
held before it, a joint meeting with another body, an annual meeting before the ordinary one),
and file minutes under the date of the meeting that approved them. Each meeting's record opens
the way minutes open everywhere: a title block (a heading line that names minutes or a meeting,
with the meeting's date in it or a few lines either side) and then the opening of business (the
meeting convened or called to order, a roll call, those present, or item numbering starting
again at 1). What is not a meeting's opening: a running header, which repeats the title block of
the meeting already open with nothing opening under it; an item approving earlier minutes
("Minutes of November 14, 2023, were approved"), which is a sentence, not a heading.
Pure: page texts in, MeetingStart out. The phrases are data (house_style.MEETING_OPENINGS/CLOSINGS).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.ingest.dates import find_dates, printed_weekday, without_dates, year_slip
from minutebook.ingest.papers import house_style as hs
from minutebook.ingest.papers.doc_type import PAST_MINUTES

_OPENING = re.compile("|".join(hs.MEETING_OPENINGS), re.I)
_CLOSING = re.compile("|".join(hs.MEETING_CLOSINGS), re.I)
_TITLE_WORD = re.compile(r"\b(?:Minutes|Meeting|MINUTES|MEETING)\b")  # capitalised, as headings print it
# A numbered item, a bracketed file number or a bullet opens an entry, never a title block.
_ENTRY = re.compile(r"^\s*(\(?\*?\d|[a-z][.)]\s|[-•*–]\s)", re.I)
# A finite verb makes a line a sentence of the record ("were approved", "convened the meeting").
_VERB = re.compile(r"\b(was|were|is|are|be|been|has|have|had|will|would|shall|can|may|approved|adopted|accepted|"
                   r"confirmed|received|convened|called|adjourned|opened|closed|moved|seconded|led)\b", re.I)
# Item numbering starting again: "1.", "1 CALL TO ORDER", "Item 1", "I."
_RESTART = re.compile(r"^\s*(?:item\s+)?(?:1|i)\s*[.):]?(?:\s|$)", re.I)

ABOVE, BELOW = 3, 4  # lines above and below a title line where its meeting's date is printed
OPENING_LINES = 14  # lines under a title block within which business opens
TOP_LINES = 10  # a title block this near a page's top may open it; lower down, only after a closing
CLOSING_LINES = 15  # lines before a title block where the last meeting's closing is looked for


@dataclass(frozen=True)
class MeetingStart:
    page: int  # 1-based
    line: int  # index of the title line among the page's non-blank lines
    date: str | None  # ISO date of the meeting: the title block's, a printed year slip corrected by the hint
    printed: str | None  # the date as the title block prints it
    title: str  # the title line as printed, spaces collapsed
    heading: str  # the title block's lines above its date, joined: the body's name runs over them
    opened: bool  # business opens under it (always looked for; required after page 1)


def reads_as_sentence(line: str) -> bool:
    """A line of the record rather than a heading: it has a verb, or runs on to a full stop."""
    words = line.split()
    return bool(_VERB.search(without_dates(line))) or (line.rstrip().endswith(".") and len(words) > 4
                                                       and not re.search(r"\b[ap]\.?m\.?$", line.rstrip(), re.I))


def title_line(line: str) -> bool:
    """A heading that names minutes or a meeting ("MINUTES OF THE SPECIAL CITY COUNCIL MEETING",
    "Transportation Commission Minutes", "Regular Meeting"), not an entry, a sentence or a
    reference to earlier minutes ("The minutes of the regular meeting of January 26, 2017")."""
    words = line.split()
    return (0 < len(words) <= 16 and bool(_TITLE_WORD.search(line)) and not _ENTRY.match(line)
            and not PAST_MINUTES.search(line) and not reads_as_sentence(line))


def meeting_starts(pages: list[str], hint: str | None = None) -> list[MeetingStart]:
    """The meetings a paper records, in order: where each one's title block is, and its date.

    `hint` is a date the paper is filed under (a file name's); it only corrects a printed year
    whose weekday does not fit (dates.year_slip). The first page's title block needs nothing
    under it; a later one must open business, and must either follow the last meeting's closing
    or differ from the title block of the meeting already open (a running header repeats it)."""
    out: list[MeetingStart] = []
    closed = False  # the last meeting's record has closed since the last start
    for number, text in enumerate(pages, start=1):
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        k = 0
        while k < len(lines):
            start = _title_block(lines, k, number)
            if start is None:
                closed = closed or bool(_CLOSING.search(lines[k]))
                k += 1
                continue
            printed, weekday = _block_date(lines, start.line)
            date = year_slip(printed, weekday, hint) if printed else None
            start = MeetingStart(number, start.line, date, printed, start.title, _heading(lines, start.line),
                                 _opens(lines, start.line))
            first = not out and number == 1 and start.line < TOP_LINES
            fresh = closed or not out or _key(start) != _key(out[-1])
            # Near a page's top (and the page's first block); lower down only after a closing.
            near_top = start.line < TOP_LINES and not (out and out[-1].page == number)
            if first or (start.opened and fresh and (near_top or closed)):
                out.append(start)
                closed = False
                k = start.line + 1 + BELOW  # one title block, however many title lines it has
                continue
            k += 1
    return out


def _title_block(lines: list[str], k: int, page: int) -> MeetingStart | None:
    if not title_line(lines[k]):
        return None
    window = lines[max(0, k - ABOVE):k + BELOW + 1]
    if not any(find_dates(ln) for ln in window):
        return None
    return MeetingStart(page, k, None, None, " ".join(lines[k].split()), "", False)


def _block_date(lines: list[str], k: int) -> tuple[str | None, int | None]:
    """(ISO date, weekday printed with it) of the title block at line k: the first date at or under
    the title line, else the nearest above."""
    below = [ln for ln in lines[k:k + BELOW + 1]]
    above = [ln for ln in reversed(lines[max(0, k - ABOVE):k])]
    for line in below + above:
        if line is not lines[k] and (reads_as_sentence(line) or PAST_MINUTES.search(line)) and len(line.split()) > 8:
            continue  # a sentence near the heading dates something else
        found = find_dates(line)
        if found:
            offset, iso = found[0]
            return iso, printed_weekday(line, offset)
    return None, None


def _heading(lines: list[str], k: int) -> str:
    """The title line and the lines under it up to the date ("Special Joint Meeting / City Council and
    the / Financing Authority / September 19, 2023"), spaces collapsed."""
    out = []
    for line in lines[k:k + BELOW]:
        if find_dates(line) or (out and reads_as_sentence(line)):
            if find_dates(line) and not out:
                out.append(line[:find_dates(line)[0][0]])
            break
        out.append(line)
    return " ".join(" ".join(out).split()).strip(" ,–—-")


def _opens(lines: list[str], k: int) -> bool:
    return any(_OPENING.search(ln) or _RESTART.match(ln) for ln in lines[k + 1:k + 1 + OPENING_LINES])


def _key(start: MeetingStart) -> tuple:
    """What makes two title blocks the same meeting's: the title's words and the date."""
    return re.sub(r"[^a-z]+", " ", start.title.lower()).strip(), start.date
