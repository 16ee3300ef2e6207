"""ModernGov's web service (`mgWebService.asmx`), which most English councils run: committees,
their meetings, and each meeting's agenda items with the documents linked to them.

Pure parsers (XML text in, portal types out) and `walk`, which asks the service through a Web.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from typing import Iterator
from urllib.parse import urlencode

from minutebook.ingest.dates import parse_date
from minutebook.ingest.fetch.portal import (Meeting, PortalError, PortalPaper, clean, clock, kind_of, wanted_body, within)

SERVICE = "mgWebService.asmx"


def service_url(base: str, call: str, **params) -> str:
    root = base.rstrip("/")
    if root.lower().endswith(SERVICE.lower()):
        root = root[: -len(SERVICE) - 1]
    return f"{root}/{SERVICE}/{call}" + (f"?{urlencode(params)}" if params else "")


def site_root(base: str) -> str:
    return service_url(base, "x").rsplit(f"/{SERVICE}/", 1)[0]


def _xml(text: str, what: str) -> ET.Element:
    head = text.lstrip()[:200].lower()
    if head.startswith("<!doctype html") or head.startswith("<html"):
        raise PortalError(f"the {what} answer is a web page, not ModernGov's XML: give the site's root address "
                          "(where mgWebService.asmx answers), or name the system with --system")
    try:
        return ET.fromstring(text.encode("utf-8") if text.startswith("<?xml") else text)
    except ET.ParseError as e:
        raise PortalError(f"the {what} answer is not ModernGov's XML ({e}): check the address, or name the "
                          "system with --system") from None


def _text(node: ET.Element | None, tag: str) -> str:
    found = node.find(tag) if node is not None else None
    return (found.text or "").strip() if found is not None else ""


def _flag(node: ET.Element, tag: str) -> bool:
    return _text(node, tag).lower() == "true"


def _iso(dmy: str) -> str | None:
    """ModernGov's dd/mm/yyyy as an ISO date."""
    try:
        d, m, y = (int(x) for x in dmy.strip().split("/"))
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _dmy(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


def parse_committees(text: str) -> list[tuple[str, str]]:
    """(committee id, title) of every committee not deleted."""
    root = _xml(text, "GetCommittees")
    return [(_text(c, "committeeid"), clean(_text(c, "committeetitle"))) for c in root.iter("committee")
            if not _flag(c, "committeedeleted")]


def parse_meetings(text: str) -> list[Meeting]:
    root = _xml(text, "GetMeetings")
    out = []
    for committee in root.iter("committee"):
        body = clean(_text(committee, "committeetitle"))
        for m in committee.iter("meeting"):
            out.append(Meeting(_text(m, "meetingid"), body, _iso(_text(m, "meetingdate")),
                               clock(_text(m, "meetingtime")), _text(m, "meetingstatus")))
    return out


def parse_meeting(text: str, meeting: Meeting, base: str, committee_id: str = "") -> list[PortalPaper]:
    """The documents linked from one meeting's agenda items."""
    root = _xml(text, "GetMeeting")
    page = f"{site_root(base)}/ieListDocuments.aspx?" + urlencode({"CId": committee_id, "MId": meeting.id})
    papers = []
    for item in root.iter("agendaitem"):
        item_title = clean(_text(item, "agendaitemtitle"))
        number = (_text(item, "fulldisplaynumberformat") or _text(item, "agendaitemnumber")).rstrip(".") or None
        item_hidden = _flag(item, "isrestricted") or _text(item, "isdisplayallowed").lower() == "false"
        for doc in item.iter("linkeddoc"):
            title = clean(_text(doc, "title")) or item_title
            owner = clean(_text(doc, "ownertitle")) or item_title
            kind = kind_of(owner) if kind_of(owner) != "other" else ("report" if kind_of(title) == "other" else kind_of(title))
            when = meeting.date
            if kind == "minutes":  # the minutes of an earlier meeting, approved at this one
                when = next((d for d in [parse_date(title)] if d and d != meeting.date), None)
            skip = None
            if item_hidden or _flag(doc, "isrestricted"):
                ref = clean(_text(doc, "restrictionsRef"))
                skip = "marked restricted (exempt) by the portal" + (f": {ref}" if ref else "")
            url = _text(doc, "url")
            papers.append(PortalPaper(
                key=f"doc:{_text(doc, 'attachmentid') or url}", url=url, kind=kind, title=title, body=meeting.body,
                meeting_id=meeting.id, meeting_date=when, meeting_time=meeting.time if when == meeting.date else None,
                item=number, item_title=item_title, page_url=page,
                version=_text(doc, "publicationdate") or None, skip=skip or (None if url else "no document link")))
    return papers


def walk(web, base: str, since: str, until: str, bodies: tuple[str, ...] = ()) -> Iterator[tuple[Meeting, list[PortalPaper]]]:
    """Each meeting of the wanted committees between `since` and `until`, with its papers."""
    committees = parse_committees(web.get(service_url(base, "GetCommittees")).text())
    for cid, title in committees:
        if not wanted_body(title, bodies):
            continue
        listed = web.get(service_url(base, "GetMeetings", lCommitteeId=cid, sFromDate=_dmy(since), sToDate=_dmy(until)))
        for meeting in parse_meetings(listed.text()):
            if not within(meeting.date, since, until):
                continue
            if meeting.status.lower() == "cancelled":
                yield meeting, []
                continue
            detail = web.get(service_url(base, "GetMeeting", lMeetingId=meeting.id))
            yield meeting, parse_meeting(detail.text(), meeting, base, cid)

