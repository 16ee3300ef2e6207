"""Granicus ViewPublisher (`https://SITE.granicus.com/ViewPublisher.php?view_id=N`): one page
listing a body's meetings, each with links to its agenda and minutes viewers (which answer
with the PDF). A pure parser of that page and `walk`.
"""
from __future__ import annotations

import html
import re
from typing import Iterator
from urllib.parse import parse_qs, urljoin, urlsplit

from minutebook.ingest.dates import parse_date
from minutebook.ingest.fetch.portal import Meeting, PortalError, PortalPaper, clean, wanted_body, within

_ROW = re.compile(r'<tr\b[^>]*class="listingRow"[^>]*>(.*?)</tr>', re.S | re.I)
_CELL = re.compile(r'<td\b([^>]*)>(.*?)</td>', re.S | re.I)
_VIEWER = re.compile(r'href="([^"]*(AgendaViewer|MinutesViewer)\.php\?[^"]*)"', re.I)


def parse_listing(text: str, base: str) -> list[tuple[Meeting, list[PortalPaper]]]:
    if "listingRow" not in text and "ViewPublisher" not in text:
        raise PortalError("the answer is not a Granicus ViewPublisher page: give its address "
                          "(…/ViewPublisher.php?view_id=N), or name the system with --system")
    out = []
    for row in _ROW.finditer(text):
        cells = _CELL.findall(row.group(1))
        name = next((clean(body) for attrs, body in cells if 'headers="Name' in attrs), "")
        when = next((parse_date(clean(body)) for attrs, body in cells if 'headers="Date' in attrs), None)
        papers = []
        for href, viewer in _VIEWER.findall(row.group(1)):
            url = urljoin(base, html.unescape(href))
            query = parse_qs(urlsplit(url).query)
            ident = (query.get("clip_id") or query.get("event_id") or [url])[0]
            kind = "agenda" if viewer.lower().startswith("agenda") else "minutes"
            papers.append(PortalPaper(key=f"{viewer.lower()}:{ident}", url=url, kind=kind,
                                      title=f"{name} {kind}".strip(), body=name, meeting_id=str(ident),
                                      meeting_date=when, page_url=url))
        ident = papers[0].meeting_id if papers else f"{name}:{when}"
        out.append((Meeting(ident, name, when), papers))
    return out


def walk(web, base: str, since: str, until: str, bodies: tuple[str, ...] = ()) -> Iterator[tuple[Meeting, list[PortalPaper]]]:
    for meeting, papers in parse_listing(web.get(base).text(), base):
        if within(meeting.date, since, until) and wanted_body(meeting.body, bodies):
            yield meeting, papers
