"""Parse the pages of one set of minutes into its Meeting and the decisions it records.

Pure functions: page text in, dataclasses out. Decision blocks are read by ingest.decisions; the
meeting itself (board, date, venue, attendance) by meeting_header.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from minutebook.ingest.register.decisions import Line, dates_in, keyword, reflow
from minutebook.ingest.papers.numbering import STAMP as _ITEM_STAMP
from minutebook.ingest.papers.numbering import Heading, Sequence, heading
from minutebook.ingest.register.act_forms import PROCEDURAL, anchored
from minutebook.ingest.register.acts import read_acts
from minutebook.ingest.register.meeting_header import TIME_RANGE, parse_meeting
from minutebook.ingest.register.motions import outcome_line
from minutebook.ingest.register.proceedings import read_item
from minutebook.ingest.register.resolution_doc import adopted_resolution, read_resolution
from minutebook.ingest.types import Meeting, Page, Resolution

# Running headers, footers and stamps that pypdf puts at the top or bottom of a page's text.
_FURNITURE = re.compile(r"^(?:page\s+\d+(?:\s+of\s+\d+)?|[-–]?\s*\d{1,3}\s*[-–]?)$", re.I)


def _stamp(text: str) -> bool:
    return bool(_FURNITURE.match(text) or _ITEM_STAMP.match(text))


_CLOSING = re.compile(
    r"^(?:chair(?:man|person|woman)?(?:\s*[.:_]+.*)?|signed\b.*|date\s*:?\s*[._]*|\.{3,}.*|_{3,}.*"
    r"|(?:the\s+)?meeting\s+(?:closed|ended|finished)\b.*)$",
    re.I,
)
_DATE_LINE = re.compile(
    r"(?i)(?:date:?\s*)?(?:[a-z]+day,?\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+\.?,?\s+\d{4}|\d{1,2}[./]\d{1,2}[./]\d{2,4})\.?"
)


@dataclass
class MinuteItem:
    """One numbered minute: its number as printed, title, and lines up to the next minute."""

    item: str
    title: str
    page: int
    lines: list[Line] = field(default_factory=list)
    movers: tuple[str | None, str | None] = (None, None)  # "R2024-070 S. Kirkey, T. Butler:" names them


def parse_minutes(pages: list[Page], board: str | None = None,
                  meeting_date: str | None = None) -> tuple[Meeting, list[Resolution]]:
    """The meeting a minutes section records and one Resolution per minute that carries a decision.
    `board` and `meeting_date` are the section's, where the sectioner read them from the meeting's
    own title block (ingest/papers/meetings.py); the header's first date is the fallback."""
    lines = page_lines(pages)
    if pages and adopted_resolution(pages[0].text):  # a resolution printed whole: one decision, its own body
        found = read_resolution(lines, counted=not pages[0].ocr)
        if found:
            body, resolution = found
            resolution.board, resolution.meeting_date = board or body, meeting_date
            return Meeting(board=board or body, date=meeting_date, time=None, venue=None, attendees=[]), [resolution]
    header, items = split_items(lines)
    closing = _strip_closing(items[-1].lines) if items else []
    meeting = parse_meeting([t for _, t in header], [t for _, t in closing], board, meeting_date)
    opening = next((k for k, (_, t) in enumerate(header) if keyword(t)), None)
    # Before the first minute: a decision opened by a keyword, or (any layout) the acts printed there.
    cut = opening if opening is not None else len(header)
    before = [MinuteItem("", "", page, part) for part in (header[:cut], header[cut:]) if part for page in [part[0][0]]]
    resolutions = [r for i in before + items for r in item_resolutions(i, meeting)]
    for n, r in enumerate(resolutions):  # an amendment amends the motion decided next in its minute
        if r.entry == "amendment":
            r.amends = next((k for k in range(n + 1, len(resolutions)) if resolutions[k].entry != "amendment"
                             and resolutions[k].item == r.item), None)
    return meeting, resolutions


def page_lines(pages: list[Page]) -> list[Line]:
    """Every non-blank line of the non-blank pages, tagged with its page, running headers removed."""
    out: list[Line] = []
    for page in pages:
        if page.blank:
            continue
        lines = [s.strip() for s in page.text.splitlines() if s.strip()]
        # Headers sit in the first few lines and footers in the last two; nowhere else is stripped.
        while lines[:1] and _stamp(lines[0]) and len(lines) > 1:
            lines.pop(0)
        for _ in range(2):
            if lines and _stamp(lines[-1]):
                lines.pop()
        out += [(page.number, s) for s in lines]
    return out


@dataclass
class _Items:
    """The minute numbering read so far, and where a decision's own numbered parts are being listed."""

    seq: Sequence = field(default_factory=Sequence)
    decided: bool = False  # a decision keyword has been seen in the current minute
    dot_part: int = 0  # last "N." decision part seen since a keyword, so "2. That ..." is no minute


def _accept(head: Heading, state: _Items, prev_text: str) -> bool:
    """Whether a heading-shaped line really opens the next minute, judged by the numbering sequence."""
    if head.form == "dot" and state.dot_part and head.key == (state.dot_part + 1,):
        return False
    return state.seq.accept(head, prev_text)


def split_items(lines: list[Line]) -> tuple[list[Line], list[MinuteItem]]:
    """Cut the lines into the header (title and attendance) and the numbered minute items."""
    header: list[Line] = []
    items: list[MinuteItem] = []
    state = _Items()
    i = 0
    while i < len(lines):
        page, text = lines[i]
        head = heading(text)
        if head and _accept(head, state, lines[i - 1][1] if i else ""):
            state.decided, state.dot_part = False, 0
            movers: tuple[str | None, str | None] = (None, None)
            if head.title_above:
                title, page = _title_above(items[-1].lines if items else header, page)
                i += 1
            elif head.form == "resolution" and (not head.title or _movers(head.title)):
                # "R2024-070 S. Kirkey, T. Butler: THAT ...", or the number alone with "Moved by:" lines under it
                movers, rest = _movers(head.title) or ((None, None), "")
                title, i = "", i + 1
                if rest:
                    lines.insert(i, (page, rest))
            else:
                title, i = _title(head.title, lines, i)
            items.append(MinuteItem(head.item, title, page, movers=movers))
            continue
        if items:
            items[-1].lines.append((page, text))
            _track_parts(text, state)
        else:
            header.append((page, text))
        i += 1
    return header, items


def _movers(text: str) -> tuple[tuple[str, str], str] | None:
    """((mover, seconder), rest of the line) for the two names printed after a resolution number."""
    m = re.match(r"^([^:;]+)[:;]\s*(.*)$", text) or re.match(r"^([^:;]+)()$", text)
    names = [n.strip() for n in m[1].split(",")] if m else []
    if len(names) != 2 or not all(re.fullmatch(r"(?:[A-Z][\w'’.-]*\s*){1,4}", n) for n in names):
        return None
    return (names[0], names[1]), m[2].strip()


def _title_above(before: list[Line], page: int) -> tuple[str, int]:
    """Take the title printed above an "(Item 5)" line off the end of what precedes it."""
    taken: list[Line] = []
    while before and len(taken) < 2 and not re.search(r"[.:;]$", before[-1][1]):
        # A second line belongs to the title if it wraps onto the first, or if a finished sentence precedes it.
        wraps = re.search(r"(?:[/&,\-–]|\b(?:and|of|the|for|to|on|in))$", before[-1][1])
        if taken and not wraps and not (len(before) > 1 and re.search(r"[.:;]$", before[-2][1])):
            break
        taken.insert(0, before.pop())
    return reflow([t for _, t in taken]), (taken[0][0] if taken else page)


def _track_parts(text: str, seq: _Items) -> None:
    """Remember the last "N." decision part so the next one is not read as a minute number."""
    seq.decided = seq.decided or keyword(text) is not None
    m = re.match(r"^(\d{1,2})\.\s", text)
    if m and seq.decided:
        seq.dot_part = int(m[1])


def _title(first: str, lines: list[Line], i: int) -> tuple[str, int]:
    """A minute's title, which may be on the next line or wrap onto it; returns (title, next index)."""
    i += 1
    title = first
    if not title and i < len(lines) and not keyword(lines[i][1]):
        title, i = lines[i][1], i + 1
    # A title that ends mid-phrase, or fills the line, carries on on the next line.
    for _ in range(2):
        if i >= len(lines) or keyword(lines[i][1]) or heading(lines[i][1]):
            break
        # A full-width title without a full stop wraps only onto a short Title Case line, not into the discussion.
        wrapped = re.search(r"(?:[/&,\-–]|\b(?:and|of|the|for|to|on|in))$", title) or (
            len(title) > 60 and not title.endswith(".") and len(lines[i][1]) < 50 and _title_case(lines[i][1])
        )
        if not wrapped:
            break
        title, i = reflow([title, lines[i][1]]), i + 1
    return re.sub(r"\s*[.:]$", "", title), i


def _title_case(text: str) -> bool:
    """Whether every word is capitalised or a small joining word, as in a heading."""
    small = {"a", "an", "and", "at", "by", "for", "in", "of", "on", "the", "to", "with", "&", "-", "–", "/"}
    return all(w[:1].isupper() or w[:1].isdigit() or w in small for w in text.split())


def item_resolutions(item: MinuteItem, meeting: Meeting) -> list[Resolution]:
    """The decisions, motions and amendments a minute records, in the order printed: by its layout
    (proceedings.py), else by the acts its sentences record (acts.py). A motion known only by its
    outcome line ("Motion carried 7-0") is read by its act too, which gives its words and movers."""
    found = [r for r in read_item(item.lines, item.movers) if r.text]
    # The heading read with the minute when it holds the act, or begins the sentence that does ("3. MINUTES: The
    # minutes of ... were" / "moved for approval by Member A and seconded by Member B."): a sentence of its own
    # only in the first case.
    whole = item.item and anchored(item.title)
    begins = item.item and item.lines and not whole and anchored(f"{item.title} {item.lines[0][1]}") \
        and not anchored(item.lines[0][1])
    head = [(item.page, f"{item.item} {item.title}")] if whole or begins else []
    acts = read_acts(head + item.lines, item.item, item.title, len(head) if whole else 0) \
        if all(r.entry == "motion" and not r.mover for r in found) else []
    if acts:
        for r in acts:
            r.board, r.meeting_date, r.title = meeting.board, r.meeting_date or meeting.date, r.title or _short(r.text)
        return acts
    # a motion known by its outcome line whose words are about the meeting itself ("Motion and second to move
    # Agenda Item 7-H to the beginning of New Business ... Motion passed 3-0."): no entry, as acts.py reads it
    found = [r for r in found if not (r.entry == "motion" and not r.mover and PROCEDURAL.search(r.text))]
    start = next((k for k, (_, t) in enumerate(item.lines) if keyword(t)), len(item.lines))
    for r in found:
        r.item, r.board, r.meeting_date = item.item, meeting.board, meeting.date
        if item.title and r.text == r.outcome_text and outcome_line(r.text) and len(r.text.split()) < 6:
            # "RESULT: APPROVED" under the item it decides
            r.text = item.title
        r.title = item.title or _short(r.text)
        if r.entry == "decision":
            r.discussion = discussion(item.lines[:start])
    return found


def _short(text: str) -> str:
    """A title for an untitled resolution: its first words."""
    words = re.sub(r"(?i)^(?:that|whereas)\s+(?:we\s+)?", "", text).split()
    return " ".join(words[:10]) + (" ..." if len(words) > 10 else "")


def discussion(lines: list[Line]) -> str:
    """The minute's text before its decision, reflowed, with listed points on their own lines."""
    paras: list[list[str]] = [[]]
    for _, text in lines:
        if re.match(r"^\(?(?:[a-z]|[ivx]{1,5}|\d{1,2})[.)]\s", text) and paras[-1]:
            paras.append([])
        paras[-1].append(text)
    return "\n".join(reflow(p) for p in paras if p)


def _strip_closing(lines: list[Line]) -> list[Line]:
    """Remove and return the sign-off after the last minute ("10.00 - 11.20 am", date, "CHAIRMAN")."""
    cut = len(lines)
    dated = False
    while cut:
        text = lines[cut - 1][1]
        is_date = not dated and _only_date(text)
        if not (TIME_RANGE.match(text) or _CLOSING.match(text) or is_date):
            break
        dated |= is_date
        cut -= 1
    closing = lines[cut:]
    del lines[cut:]
    return closing


def _only_date(text: str) -> bool:
    """Whether a line holds a date and nothing else (the date a chairman signs)."""
    return bool(dates_in(text)) and bool(_DATE_LINE.fullmatch(text))
