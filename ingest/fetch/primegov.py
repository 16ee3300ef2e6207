"""PrimeGov's public portal API (`https://SITE.primegov.com`): meetings by year and the upcoming
ones, each with its compiled documents (agenda, minutes...) as PDF. Pure parsers and `walk`.
"""
from __future__ import annotations

import json
from typing import Iterator

from minutebook.ingest.fetch.portal import (Meeting, PortalError, PortalPaper, clean, clock, kind_of, wanted_body, within)

PDF = 1  # documentList[].compileOutputType of a compiled PDF (3: HTML)


def root_of(base: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(base)
    return f"{parts.scheme}://{parts.netloc}"


def archived_url(base: str, year: int) -> str:
    return f"{root_of(base)}/api/v2/PublicPortal/ListArchivedMeetings?year={year}"


def upcoming_url(base: str) -> str:
    return f"{root_of(base)}/api/v2/PublicPortal/ListUpcomingMeetings"


def parse_meetings(text: str, base: str) -> list[tuple[Meeting, list[PortalPaper]]]:
    if text.lstrip()[:1] == "<":
        raise PortalError("the answer is a web page, not PrimeGov's JSON: give the portal's address "
                          "(https://SITE.primegov.com), or name the system with --system")
    try:
        rows = json.loads(text)
    except ValueError as e:
        raise PortalError(f"the answer is not PrimeGov's JSON ({e})") from None
    root, out = root_of(base), []
    for row in rows:
        body = clean(row.get("title"))
        stamp = row.get("dateTime") or ""
        meeting = Meeting(str(row.get("id")), body, stamp[:10] or None, clock(stamp[11:16]) if len(stamp) > 11 else None)
        papers = []
        for doc in row.get("documentList") or []:
            if doc.get("compileOutputType") != PDF:
                continue
            template = doc.get("templateId")
            name = clean(doc.get("templateName")) or "Document"
            kind = kind_of(name)
            skip = "a notice that the meeting was cancelled, not a paper" if "cancel" in name.lower() else None
            papers.append(PortalPaper(
                key=f"template:{template}:{PDF}",
                url=f"{root}/Public/CompiledDocument?meetingTemplateId={template}&compileOutputType={PDF}",
                kind=kind, title=f"{body} {name}", body=body, meeting_id=meeting.id,
                meeting_date=meeting.date, meeting_time=meeting.time,
                page_url=f"{root}/Portal/Meeting?meetingTemplateId={template}", skip=skip))
        out.append((meeting, papers))
    return out


def walk(web, base: str, since: str, until: str, bodies: tuple[str, ...] = ()) -> Iterator[tuple[Meeting, list[PortalPaper]]]:
    seen = set()
    urls = [archived_url(base, y) for y in range(int(since[:4]), int(until[:4]) + 1)] + [upcoming_url(base)]
    for url in urls:
        for meeting, papers in parse_meetings(web.get(url).text(), base):
            if meeting.id in seen or not within(meeting.date, since, until) or not wanted_body(meeting.body, bodies):
                continue
            seen.add(meeting.id)
            yield meeting, papers
