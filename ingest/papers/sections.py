"""Split a document's pages into typed sections: agenda, minutes, report, presentation, appendix, other.

Signals used where present (never required): an agenda listing items with "(Pages X - Y)",
"Agenda Item N" stamps at the head of pages, "Minutes of a meeting of ..." openings,
"Appendix N" headings, and the meeting facts of the title block (ingest/papers/meeting_facts.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.ingest.dates import human_date, parse_date
from minutebook.ingest.register.decisions import KEYWORDS
from minutebook.ingest.register.resolution_doc import adopted_resolution, resolution_meeting
from minutebook.ingest.papers.meeting_facts import body_line, read_facts, title_body
from minutebook.ingest.papers.meetings import MeetingStart, meeting_starts, reads_as_sentence
from minutebook.ingest.papers.numbering import heading
from minutebook.ingest.types import MeetingFacts, Page, Section

_PAGES_REF = re.compile(r"\(\s*Pages?\s+(\d+)(?:\s*-\s*(\d+))?\s*\)", re.I)
_STAMP = re.compile(r"^\s*Agenda\s+Item\s+(\d+[A-Za-z]?)\b", re.I)
_MINUTES_OPEN = re.compile(r"^\s*minutes\s+of\s+(a|the)\s+(\w+\s+)?meeting\s+of\s+(the\s+)?(.+?)\s+held\b",
                           re.I | re.S | re.M)
# "Minutes of ...", "Record of Decisions", and a US or Canadian "REGULAR (COUNCIL) MEETING MINUTES" title.
_MINUTES_CUE = re.compile(r"^\s*(minutes\b|record of (decisions|the meeting)|(?:[a-z]+\s+){0,3}meeting\s+minutes\s*$)",
                          re.I | re.M)
_DECISION_LINE = re.compile(rf"^\s*(?:{KEYWORDS})\b", re.M)
_APPENDIX = re.compile(r"^\s*(appendix|annex)\s+[A-Z0-9]{1,3}\b", re.I)
# Whole papers of these types keep their type as their section's kind.
_WHOLE_KINDS = ("amendment", "questions", "decision", "appendix", "agenda", "minutes")


@dataclass
class AgendaItem:
    number: str
    title: str
    first_page: int | None
    last_page: int | None
    note: str  # text after the page reference ("X will give a presentation")


def split_sections(pages: list[Page], title: str, facts: MeetingFacts | None = None) -> list[Section]:
    """Typed sections covering the document's pages, in page order."""
    if not pages:
        return []
    facts = facts or read_facts([p.text for p in pages], meta_title=title)
    board, date = facts.body, facts.meeting_date
    meetings = meeting_starts([p.text for p in pages], hint=facts.meeting_date)
    agenda = parse_agenda(pages)
    if agenda:
        sections = _sections_from_agenda(pages, agenda, board, date)
    else:
        starts = _stamp_starts(pages)
        if starts:
            sections = _sections_from_stamps(pages, starts, board, date, title)
        else:
            sections = _sections_from_openings(pages, board, date, title, {m.page for m in meetings})
            first = sections[0]
            # The title block says what the paper is: an agenda frontsheet that lists "Minutes of
            # the last meeting" is an agenda, a report's cover memo a report.
            if facts.doc_type in _WHOLE_KINDS or (facts.doc_type == "report" and first.kind == "other"):
                first.kind = facts.doc_type
    sections = [s for part in sections for s in _split_appendices(pages, part)]
    opening = {m.page: m for m in meetings}
    several = len(meetings) > 1
    for s in sections:
        if s.kind == "minutes" and adopted_resolution(pages[s.first_page - 1].text):
            body, adopted = resolution_meeting(pages[s.first_page - 1].text, "\n".join(p.text for p in pages))
            s.board, s.meeting_date = body or s.board, adopted or s.meeting_date
        elif s.kind == "minutes" or (several and s.first_page in opening):
            _fill_minutes_meeting(pages, s, opening.get(s.first_page), several)
    return sections


def parse_agenda(pages: list[Page]) -> list[AgendaItem]:
    """Items of an agenda page that gives page ranges; [] when the document has none."""
    first = pages[0].text
    if not re.search(r"(?m)^\s*agenda\b", first, re.I):
        return []
    text = "\n".join(p.text for p in pages[:3] if not _STAMP.match(p.text))
    starts = _item_starts(text)
    items: list[AgendaItem] = []
    expected = 1
    for i, (start, key, number) in enumerate(starts):
        if key != (expected,):  # numbered lines inside an item's note are not items
            continue
        end = next((s for s, k, _ in starts[i + 1 :] if k == (expected + 1,)), len(text))
        body = text[start:end]
        ref = _PAGES_REF.search(body)
        head = body[: ref.start()] if ref else body.split("\n")[0]
        note = body[ref.end() :] if ref else body[len(head) :]
        first_page = int(ref.group(1)) if ref else None
        last_page = int(ref.group(2) or ref.group(1)) if ref else None
        items.append(AgendaItem(number, _collapse(head).rstrip(". "), first_page, last_page, _collapse(note)))
        expected += 1
    with_pages = [it for it in items if it.first_page]
    return items if with_pages else []


def _item_starts(text: str) -> list[tuple[int, tuple[int, ...], str]]:
    """(offset of the title, sequence key, number as printed) of each numbered line of an agenda."""
    starts, offset = [], 0
    for line in text.splitlines(keepends=True):
        head = heading(line)
        if head and head.form in ("dot", "paren", "item") and head.title:
            starts.append((offset + line.index(head.title), head.key, str(head.key[0])))
        offset += len(line)
    return starts


def _sections_from_agenda(pages, agenda: list[AgendaItem], board, date) -> list[Section]:
    n = len(pages)
    paged = [it for it in agenda if it.first_page and it.first_page <= n]
    first_item_page = min(it.first_page for it in paged) if paged else n + 1
    sections = [Section("agenda", "Agenda", 1, max(1, first_item_page - 1), board, date)]
    for it in paged:
        last = min(it.last_page or it.first_page, n)
        kind = _item_kind(it.title, it.note, pages[it.first_page - 1].text)
        sections.append(Section(kind, it.title, it.first_page, last, board, date, item=it.number))
    return sections


def _stamp_starts(pages: list[Page]) -> list[tuple[int, str]]:
    """(page, item) where an "Agenda Item N" stamp starts an item. A short file whose every page
    is stamped has its stamps read as a running header (page furniture): they still start items,
    or a public item after an exempt one would be read as part of it. A stamp repeated on the
    pages of one item starts it once."""
    starts: list[tuple[int, str]] = []
    for p in pages:
        m = _STAMP.match(p.text) or next((m for line in p.furniture if (m := _STAMP.match(line))), None)
        if m and (not starts or starts[-1][1] != m.group(1)):
            starts.append((p.number, m.group(1)))
    return starts


def _sections_from_stamps(pages, starts, board, date, title) -> list[Section]:
    sections = []
    if starts[0][0] > 1:
        sections.append(_whole_document(pages[: starts[0][0] - 1], board, date, title))
    for i, (page, item) in enumerate(starts):
        last = starts[i + 1][0] - 1 if i + 1 < len(starts) else len(pages)
        text = pages[page - 1].text
        kind = _item_kind("", "", text)
        sections.append(Section(kind, _first_heading(text) or title, page, last, board, date, item=item))
    return sections


def _sections_from_openings(pages, board, date, title, opened: set[int]) -> list[Section]:
    """Without agenda or stamps, a page that opens a set of minutes, or another meeting's record
    (ingest/papers/meetings.py), starts a new section."""
    starts = [1] + [p.number for p in pages[1:] if p.number in opened or adopted_resolution(p.text)
                    or _opens_minutes(p.text) and not _running_title(p)]
    sections = []
    for i, first in enumerate(starts):
        last = starts[i + 1] - 1 if i + 1 < len(starts) else pages[-1].number
        sections.append(_whole_document(pages[first - 1 : last], board, date, title))
    if any(s.kind == "minutes" for s in sections):  # another meeting's record in a paper of minutes is minutes
        for s in sections:
            if s.first_page in opened and s.kind == "other":
                s.kind = "minutes"
    return sections


def _running_title(page: Page) -> bool:
    """Whether the page opens with the minutes' running title ("Minutes of the Arts Commission",
    printed at the top of each page after the first) and then carries on the sentence the page before
    broke off ("increase the grant amount by $1,500 was made by ..."): no new minutes start there."""
    lines = [ln.strip() for ln in page.text.splitlines() if ln.strip()]
    text = next((ln for ln in lines if ln not in page.furniture), "")
    return bool(lines) and lines[0] in page.furniture and text[:1].islower()


def _opens_minutes(text: str) -> bool:
    # A running header that numbers the page ("Minutes – April 2, 2024 – Page 2") continues the minutes.
    head = re.sub(r"(?i)^\s*[^\n]*\bpage\s+\d+(?:\s+of\s+\d+)?\s*\n", "", _strip_stamp(text), count=1)[:800]
    if _MINUTES_OPEN.search(head):
        return True
    # A cue in a sentence is an item approving earlier minutes ("Minutes of November 14, 2023, were approved").
    return any(not reads_as_sentence(head[m.start():].lstrip().split("\n", 1)[0]) for m in _MINUTES_CUE.finditer(head))


def _whole_document(pages, board, date, title) -> Section:
    text = pages[0].text
    body = "\n".join(p.text for p in pages)
    # An adopted resolution printed whole is the body's record of its decision, read as minutes are.
    minutes = _opens_minutes(text) or adopted_resolution(text) or (
        re.search(r"(?im)^\s*(members\s+)?present\b", text[:1500]) and _DECISION_LINE.search(body))
    kind = "minutes" if minutes else _item_kind("", "", text)
    if kind == "other" and re.search(r"(?im)^\s*agenda\s*$", text):
        kind = "agenda"
    return Section(kind, title, pages[0].number, pages[-1].number, board, date)


def _item_kind(title: str, note: str, first_page_text: str) -> str:
    body = _strip_stamp(first_page_text)
    if re.search(r"\bminutes\b", title, re.I) or _MINUTES_OPEN.search(body[:600]):
        return "minutes"
    if re.search(r"\bpresentation\b", note, re.I):
        return "presentation"
    if re.search(r"\b(purpose of (the )?report|report of|recommendations?|background)\b", body[:3000], re.I):
        return "report"
    return "report" if title else "other"


def _split_appendices(pages: list[Page], section: Section) -> list[Section]:
    """Break an 'Appendix N' page run out of a report into its own section."""
    if section.kind not in ("report", "other", "appendix"):
        return [section]
    for number in range(section.first_page + 1, section.last_page + 1):
        text = _strip_stamp(pages[number - 1].text)
        first_line = next((ln for ln in text.splitlines() if ln.strip()), "")
        if _APPENDIX.match(first_line):
            head = Section(**{**section.__dict__, "last_page": number - 1})
            tail = Section(**{**section.__dict__, "kind": "appendix", "first_page": number,
                              "title": f"{section.title}: {_collapse(first_line)[:120]}"})
            return [head] + _split_appendices(pages, tail)
    return [section]


def _fill_minutes_meeting(pages: list[Page], s: Section, start: MeetingStart | None, several: bool) -> None:
    """Minutes record their own meeting, which may not be the paper's (minutes of an earlier meeting in
    a pack, the second meeting of a paper that holds two): its board and date from its opening, and
    in a paper of several meetings from the title block that opens the section."""
    text = _strip_stamp(pages[s.first_page - 1].text)
    if start is not None:
        text = "\n".join([ln for ln in text.splitlines() if ln.strip()][max(0, start.line - 3):])
    facts = read_facts([text])
    s.board = (title_body(start.heading) if start is not None and several else None) or facts.body or s.board
    date = facts.meeting_date
    if start is not None and start.date and (several or start.printed == date):
        date = start.date  # its own title block's date (a printed year slip corrected: meetings.py)
    if date:
        s.meeting_date = date
        if s.kind == "minutes":
            s.title = f"Minutes of the meeting of {human_date(s.meeting_date)}"


def _first_heading(text: str) -> str | None:
    for line in _strip_stamp(text).splitlines():
        line = line.strip()
        if len(line) > 3 and not parse_date(line) and not body_line(line):
            return line[:150]
    return None


def _strip_stamp(text: str) -> str:
    return _STAMP.sub("", text, count=1).lstrip()


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


