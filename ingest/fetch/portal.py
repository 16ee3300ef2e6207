"""What a portal says about its meetings and papers: plain types, and the errors a fetch names."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from minutebook.ingest.errors import MinutebookError

SYSTEMS = ("moderngov", "legistar", "civicplus", "granicus", "primegov")
KINDS = ("agenda", "minutes", "report", "other")


class PortalError(MinutebookError):
    """A portal answered with something minutebook cannot read (the message says what to check)."""


class FetchFailed(MinutebookError):
    """A request that still failed after its retries: the HTTP status, or the network's reason."""

    def __init__(self, url: str, reason: str, status: int | None = None):
        super().__init__(f"{url}: {reason}")
        self.url, self.reason, self.status = url, reason, status


@dataclass(frozen=True)
class Meeting:
    """A meeting as a portal lists it."""

    id: str
    body: str
    date: str | None  # ISO date
    time: str | None = None  # "18:30"
    status: str = ""  # the portal's word: "Cancelled", "Final"...
    url: str | None = None  # the meeting's public page


@dataclass(frozen=True)
class PortalPaper:
    """One document a portal links from a meeting, with what the portal knows of it.

    `meeting_date` is the date of the meeting the paper belongs to; for minutes linked from a
    later meeting (to be approved there) it is the recorded meeting's date when the portal names
    it, else None (the paper's own text then dates it). `skip` is why it must not be fetched."""

    key: str  # stable within its source: the portal's own document id where it has one
    url: str
    kind: str  # agenda, minutes, report, other
    title: str
    body: str
    meeting_id: str = ""
    meeting_date: str | None = None
    meeting_time: str | None = None
    item: str | None = None  # the agenda item's number as the portal prints it ("4", "A.", "2")
    item_title: str | None = None
    page_url: str | None = None  # the meeting's (or item's) page on the council's site
    version: str | None = None  # the portal's own change stamp (last modified, publication date)
    skip: str | None = None  # set: listed but not fetched, e.g. "marked restricted by the portal"
    pending: bool = False  # "to follow": listed without a document yet; tried again next run

    def facts(self, system: str, source: str) -> dict:
        """What the index records of the paper from its portal (ingest/fetch/ledger.py keeps it)."""
        return {"system": system, "portal": source, "url": self.url, "kind": self.kind, "body": self.body,
                "meeting_date": self.meeting_date, "meeting_time": self.meeting_time, "item": self.item,
                "item_title": self.item_title, "page_url": self.page_url, "title": self.title}


@dataclass
class Listing:
    """Everything one walk of a portal found."""

    meetings: list[Meeting] = field(default_factory=list)
    papers: list[PortalPaper] = field(default_factory=list)
    requests: int = 0

    def to_json(self) -> dict:
        return {"meetings": [asdict(m) for m in self.meetings], "papers": [asdict(p) for p in self.papers]}


def clean(text: str | None) -> str:
    """A portal's text on one line, entities and tags gone."""
    import html

    text = re.sub(r"<[^>]+>", " ", text or "")
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def kind_of(words: str) -> str:
    """The document kind a portal's label names ("Agenda", "Revised Agenda", "Minutes", "Staff Report")."""
    low = words.lower()
    if "minute" in low:
        return "minutes"
    if "agenda" in low:
        return "agenda"
    if re.search(r"report|memo|presentation|attachment|exhibit|resolution|ordinance|letter|programme|program", low):
        return "report"
    return "other"


def clock(text: str | None) -> str | None:
    """'10.00 am', '6:00 PM', '08:30 AM', '18:00' -> '10:00', '18:00', '08:30'."""
    m = re.search(r"(\d{1,2})[:.](\d{2})\s*([ap])?\.?\s*m?\.?", text or "", re.I)
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2))
    if m.group(3):
        hour = hour % 12 + (12 if m.group(3).lower() == "p" else 0)
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None


def within(day: str | None, since: str | None, until: str | None) -> bool:
    """True when an ISO date lies in [since, until]; an undated meeting is kept."""
    if not day:
        return True
    return (not since or day >= since) and (not until or day <= until)


def wanted_body(body: str, bodies: tuple[str, ...]) -> bool:
    """`--body` matches part of a body's name, any case; none given: every body."""
    return not bodies or any(b.lower() in body.lower() for b in bodies)


def with_portal(facts, portal: dict | None):
    """A paper's MeetingFacts with what its portal said put first (pure). The body, the kind of
    paper, the meeting's date and time where the portal knows them (for minutes: the meeting they
    record, else the date their own text gives), the item, and the paper's public address. The
    title stays the paper's own unless it only had its file name."""
    if not portal:
        return facts
    from dataclasses import replace
    from pathlib import PurePosixPath

    kind = portal.get("kind")
    own_title = facts.title and facts.title != PurePosixPath(portal.get("saved_as") or "").stem
    return replace(
        facts, body=portal.get("body") or facts.body,
        doc_type=kind if kind in ("agenda", "minutes", "report") else facts.doc_type,
        meeting_date=portal.get("meeting_date") or facts.meeting_date,
        start_time=(portal.get("meeting_time") or facts.start_time) if portal.get("meeting_date") else facts.start_time,
        title=facts.title if own_title else (portal.get("title") or facts.title),
        source_url=portal.get("url"), page_url=portal.get("page_url"), agenda_item=portal.get("item"),
        item_title=portal.get("item_title"), portal=f"{portal.get('system')} {portal.get('portal')}".strip())
