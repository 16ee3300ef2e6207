"""One meeting whole: its agenda items in order with the papers filed under each, its minutes, the
decisions taken (outcome, votes) and who attended; and the list of meetings by body and date.

A meeting is a body and a date. Its papers are the sections the index dated to it, and the
papers a pack files under its agenda items (the last meeting's minutes, filed as item 2, belong to
the earlier meeting by date but are read under this one's agenda too). Agenda items are read from
the agenda's own numbered lines (ingest/papers/numbering.py), so items with no paper ("Apologies")
keep their place. Restricted sections are named only as restricted unless asked for.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from minutebook.assistant.catalog import RESTRICTED_TITLE
from minutebook.assistant.register import entries as register
from minutebook.assistant.results import RegisterEntry
from minutebook.ingest.errors import BadInput
from minutebook.ingest.papers.numbering import follows, heading
from minutebook.ingest.storage.store import Store
from minutebook.ingest.types import Attendee

_PAGES_NOTE = re.compile(r"\s*\(\s*pages?\s+[\d\s\-–]*\)?\s*$", re.I)


@dataclass
class PaperRef:
    """A paper of the meeting: a section of a file, its pages."""
    kind: str
    title: str
    source: str
    first_page: int
    last_page: int
    restricted: bool = False


@dataclass
class AgendaItem:
    number: str
    title: str
    source: str | None = None  # the agenda's file and the page the item is printed on
    page: int | None = None
    papers: list[PaperRef] = field(default_factory=list)


@dataclass
class MinuteItem:
    item: str | None
    heading: str
    source: str
    page: int


@dataclass
class MeetingSummary:
    board: str
    date: str
    papers: int
    agenda: bool
    minutes: bool

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class MeetingRecord:
    """`minutebook meeting DATE --body B --json`; the Meetings page shows the same."""
    board: str
    date: str
    time: str | None = None
    venue: str | None = None
    agenda: list[AgendaItem] = field(default_factory=list)
    minutes: list[MinuteItem] = field(default_factory=list)
    decisions: list[RegisterEntry] = field(default_factory=list)
    attendance: list[Attendee] = field(default_factory=list)
    papers: list[PaperRef] = field(default_factory=list)  # every paper of the meeting, in file order
    agenda_from: str = ""  # "agenda": its agenda paper; "minutes": no agenda paper, the items as minuted

    def to_json(self) -> dict:
        out = asdict(self)
        out["decisions"] = [d.to_json() for d in self.decisions]
        return out


def list_meetings(store: Store, board: str | None = None) -> list[MeetingSummary]:
    """Every meeting the papers date, newest first, by body."""
    groups: dict[tuple[str, str], list[dict]] = {}
    for r in store.sections_with_source():
        if r["board"] and r["meeting_date"] and (not board or board.lower() in r["board"].lower()):
            groups.setdefault((r["board"], r["meeting_date"]), []).append(r)
    out = [MeetingSummary(b, d, len({(r["source"], r["section"]) for r in rows}),
                          any(r["kind"] == "agenda" for r in rows), any(r["kind"] == "minutes" for r in rows))
           for (b, d), rows in groups.items()]
    return sorted(out, key=lambda m: (m.date, m.board), reverse=True)


def find_meeting(store: Store, date: str, board: str | None = None, include_restricted: bool = False) -> MeetingRecord:
    """The meeting of `board` (part of its name, any case) on `date` (ISO); BadInput when none or several."""
    found = [m for m in list_meetings(store, board) if m.date == date]
    if not found:
        raise BadInput(f"no meeting on {date}" + (f" of a body named like '{board}'" if board else "")
                       + " in the papers (`minutebook meetings` lists them)")
    if len({m.board for m in found}) > 1:
        raise BadInput(f"several bodies met on {date}: {'; '.join(sorted(m.board for m in found))} (choose with --body)")
    return meeting(store, found[0].board, date, include_restricted)


def meeting(store: Store, board: str, date: str, include_restricted: bool = False) -> MeetingRecord:
    rows = store.sections_with_source()
    mine = [r for r in rows if r["board"] == board and r["meeting_date"] == date]
    record = MeetingRecord(board=board, date=date, papers=[_ref(r, include_restricted) for r in mine])
    agendas = [r for r in mine if r["kind"] == "agenda"]
    packs = {r["document_id"] for r in agendas}
    filed = [r for r in rows if r["agenda_item"] and r["kind"] != "agenda"
             and (r["document_id"] in packs or (r["board"] == board and r["meeting_date"] == date
                                                and r["kind"] != "minutes"))]  # minutes: under Minutes
    record.agenda = _agenda(store, agendas, filed, include_restricted)
    for r in mine:
        if r["kind"] != "minutes" or (r["restricted"] and not include_restricted):
            continue
        held = store.meeting_attendance(r["document_id"], r["section"])
        if held:
            m, _, _ = held
            record.time, record.venue = record.time or m.time, record.venue or m.venue
            record.attendance += m.attendees
        seen: set = set()
        for item, head, page, _text, restricted in store.minute_item_rows(r["document_id"], r["section"]):
            if not head or (item, head) in seen or (restricted and not include_restricted):
                continue
            seen.add((item, head))
            title = re.sub(rf"^\s*{re.escape(item)}[.)]?\s+", "", head) if item else head
            record.minutes.append(MinuteItem(item, title.rstrip(" ."), r["source"], page))
    record.agenda_from = "agenda" if record.agenda else ""
    if not record.agenda and record.minutes:  # no agenda paper: the items as the minutes took them
        record.agenda = [AgendaItem(i.item or "", i.heading, i.source, i.page) for i in record.minutes]
        record.agenda_from = "minutes"
    if record.time is None:  # no minutes: the time the agenda or its pack announces
        docs = {r["document_id"] for r in mine}
        record.time = next((d["start_time"] for d in store.documents() if d["id"] in docs
                            and d.get("meeting_date") == date and d.get("start_time")), None)
    record.decisions = [e for e in register.find(store, board=board, since=date, until=date,
                                                 include_restricted=include_restricted) if e.board == board]
    return record


def _ref(r: dict, include_restricted: bool) -> PaperRef:
    hidden = bool(r["restricted"]) and not include_restricted
    return PaperRef(r["kind"], RESTRICTED_TITLE if hidden else r["title"], r["source"], r["first_page"],
                    r["last_page"], bool(r["restricted"]))


def _agenda(store: Store, agendas: list[dict], filed: list[dict], include_restricted: bool) -> list[AgendaItem]:
    """The agenda's numbered items in order, each with the papers filed under its number."""
    items: list[AgendaItem] = []
    for a in agendas:
        for page, text, _blank, _restricted in store.page_rows(a["document_id"], a["first_page"], a["last_page"]):
            items += [AgendaItem(n, t, a["source"], page) for n, t in agenda_lines(text, items[-1].number if items else None)]
    by_number = {i.number: i for i in items}
    for r in filed:
        item = by_number.get(r["agenda_item"])
        if item is None:  # a paper filed under a number the agenda did not show: its own item
            item = by_number[r["agenda_item"]] = AgendaItem(r["agenda_item"], r["title"])
            items.append(item)
        item.papers.append(_ref(r, include_restricted))
    return sorted(items, key=lambda i: _number_key(i.number)) if not agendas else items


def agenda_lines(text: str, last: str | None = None) -> list[tuple[str, str]]:
    """(number, title) of the numbered items an agenda page prints, in sequence; a title broken
    over lines ("... (The Hope\\nProject). (Pages 41 - 48)") is joined, the page note dropped."""
    out: list[tuple[str, str]] = []
    key = _number_key(last) if last else None
    lines = (text or "").splitlines()
    for i, line in enumerate(lines):
        head = heading(line)
        if not head or not head.title or not follows(key, head.key):
            continue
        title = head.title
        if title.count("(") > title.count(")") and i + 1 < len(lines):
            title = f"{title} {lines[i + 1].strip()}"
        title = _PAGES_NOTE.sub("", title).rstrip(" .")
        out.append((head.item, title))
        key = head.key
    return out


def _number_key(number: str | None) -> tuple:
    return tuple(int(p) for p in re.findall(r"\d+", number or "")) or (0,)
