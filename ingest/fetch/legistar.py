"""Legistar's Web API (`https://webapi.legistar.com/v1/<client>`): events (meetings) with their
agenda and minutes files, and each event's items with the attachments of their matters.

The API returns at most 1,000 rows a request: events are read a page at a time ($top/$skip)
until a short page. Pure parsers (JSON text in, portal types out) and `walk`.
"""
from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Iterator
from urllib.parse import quote, urlsplit

from minutebook.ingest.fetch.portal import (Meeting, PortalError, PortalPaper, clean, clock, kind_of, wanted_body, within)

PAGE = 1000  # the API's cap on rows a request


def _json(text: str, what: str):
    head = text.lstrip()[:100].lower()
    if head.startswith("<"):
        raise PortalError(f"the {what} answer is a web page, not Legistar's JSON: give the API's address "
                          "(https://webapi.legistar.com/v1/CLIENT), or name the system with --system")
    try:
        return json.loads(text)
    except ValueError as e:
        raise PortalError(f"the {what} answer is not Legistar's JSON ({e})") from None


def events_url(base: str, since: str, until: str, skip: int = 0) -> str:
    query = (f"EventDate ge datetime'{since}T00:00:00' and EventDate le datetime'{until}T23:59:59'")
    return (f"{base.rstrip('/')}/Events?$filter={quote(query)}&$orderby=EventDate"
            f"&$top={PAGE}&$skip={skip}")


def items_url(base: str, event_id: str) -> str:
    return f"{base.rstrip('/')}/Events/{event_id}/EventItems?AgendaNote=1&MinutesNote=1&Attachments=1"


def parse_events(text: str) -> list[dict]:
    rows = _json(text, "Events")
    if not isinstance(rows, list):
        raise PortalError("the Events answer is not a list of events: check the client name in the address")
    return rows


def meeting_of(event: dict) -> Meeting:
    return Meeting(str(event.get("EventId")), clean(event.get("EventBodyName")),
                   (event.get("EventDate") or "")[:10] or None, clock(event.get("EventTime")),
                   clean(event.get("EventAgendaStatusName")), event.get("EventInSiteURL"))


def event_papers(event: dict) -> list[PortalPaper]:
    """The event's own agenda and minutes (these minutes record this event)."""
    m = meeting_of(event)
    out = []
    for kind, field, stamp in (("agenda", "EventAgendaFile", "EventAgendaLastPublishedUTC"),
                               ("minutes", "EventMinutesFile", "EventMinutesLastPublishedUTC")):
        url = event.get(field)
        if url:
            out.append(PortalPaper(key=f"event:{m.id}:{kind}", url=url, kind=kind, title=f"{m.body} {kind}",
                                   body=m.body, meeting_id=m.id, meeting_date=m.date, meeting_time=m.time,
                                   page_url=m.url, version=event.get(stamp)))
    return out


def parse_items(text: str, meeting: Meeting) -> list[PortalPaper]:
    """The attachments of an event's items, each with its item's number and title."""
    out, seen = [], set()
    for item in _json(text, "EventItems"):
        number = (item.get("EventItemAgendaNumber") or "").strip().rstrip(".") or None
        item_title = clean(item.get("EventItemTitle"))[:300] or clean(item.get("EventItemMatterName")) or None
        for a in item.get("EventItemMatterAttachments") or []:
            key = f"attachment:{a.get('MatterAttachmentId')}"
            url = a.get("MatterAttachmentHyperlink") or ""
            if key in seen or not url:
                continue
            seen.add(key)
            name = clean(a.get("MatterAttachmentName")) or PurePosixPath(urlsplit(url).path).name
            suffix = PurePosixPath(urlsplit(url).path).suffix.lower()
            skip = None
            if a.get("MatterAttachmentShowOnInternetPage") is False:
                skip = "not published on the portal's public pages"
            elif suffix and suffix != ".pdf":
                skip = f"not a PDF ({suffix})"
            kind = kind_of(name)
            out.append(PortalPaper(key=key, url=url, kind="report" if kind == "other" else kind, title=name,
                                   body=meeting.body, meeting_id=meeting.id,
                                   meeting_date=meeting.date if kind != "minutes" else None,
                                   meeting_time=meeting.time, item=number, item_title=item_title,
                                   page_url=meeting.url, version=a.get("MatterAttachmentLastModifiedUtc"), skip=skip))
    return out


def events(web, base: str, since: str, until: str) -> Iterator[dict]:
    """Every event between the dates, a page of 1,000 at a time, until a short page."""
    skip, seen = 0, set()
    while True:
        page = parse_events(web.get(events_url(base, since, until, skip)).text())
        fresh = [e for e in page if e.get("EventId") not in seen]
        for e in fresh:
            seen.add(e.get("EventId"))
            yield e
        if len(page) < PAGE or not fresh:  # a short page is the last; a repeated one, a server ignoring $skip
            return
        skip += len(page)


def walk(web, base: str, since: str, until: str, bodies: tuple[str, ...] = ()) -> Iterator[tuple[Meeting, list[PortalPaper]]]:
    for event in events(web, base, since, until):
        m = meeting_of(event)
        if not within(m.date, since, until) or not wanted_body(m.body, bodies):
            continue
        items = parse_items(web.get(items_url(base, m.id)).text(), m)
        yield m, event_papers(event) + items
