"""CivicPlus AgendaCenter (`https://SITE/AgendaCenter`): its search page lists each category's
(body's) meetings in a date range, with links to the agenda (or its packet) and the minutes.

A pure parser of the search page (HTML text in, portal types out) and `walk`.
"""
from __future__ import annotations

import html
import re
from datetime import date
from typing import Iterator
from urllib.parse import urljoin

from minutebook.ingest.fetch.portal import Meeting, PortalError, PortalPaper, clean, wanted_body, within

_ROW = re.compile(r'<tr\b[^>]*class="catAgendaRow"[^>]*>(.*?)</tr>', re.S | re.I)
_HEADING = re.compile(r"<h[23]\b[^>]*>(.*?)</h[23]>", re.S | re.I)
_VIEWFILE = re.compile(r'href="(/AgendaCenter/ViewFile/(Agenda|Minutes)/_(\d{2})(\d{2})(\d{4})-(\d+)([^"]*))"', re.I)
_PARA = re.compile(r"<p>(.*?)</p>", re.S | re.I)


def root_of(base: str) -> str:
    return re.split(r"/AgendaCenter", base.rstrip("/"), maxsplit=1, flags=re.I)[0]


def search_url(base: str, since: str, until: str) -> str:
    def us(iso: str) -> str:
        y, m, d = iso.split("-")
        return f"{m}%2F{d}%2F{y}"

    return (f"{root_of(base)}/AgendaCenter/Search/?term=&CIDs=all&startDate={us(since)}&endDate={us(until)}"
            "&dateRange=&dateSelector=")


def parse_search(text: str, base: str) -> list[tuple[Meeting, list[PortalPaper]]]:
    if "AgendaCenter" not in text:
        raise PortalError("the answer is not a CivicPlus AgendaCenter page: give the site's AgendaCenter address, "
                          "or name the system with --system")
    root = root_of(base)
    out, body, last = [], "", 0
    for row in _ROW.finditer(text):
        headings = [re.sub(r"^\W+", "", clean(h)) for h in _HEADING.findall(text[last:row.start()])]
        headings = [h for h in headings if h]
        if headings:
            body = headings[-1]
        last = row.end()
        links = [(html.unescape(m.group(1)), m.group(2).lower(), m.groups()[2:6], m.group(7))
                 for m in _VIEWFILE.finditer(row.group(1))]
        if not links:
            continue
        mm, dd, yyyy, ident = links[0][2]
        try:
            day = date(int(yyyy), int(mm), int(dd)).isoformat()
        except ValueError:
            day = None
        paras = [clean(p) for p in _PARA.findall(row.group(1))]
        title = next((p for p in paras if p), "") or f"{body} agenda"
        meeting = Meeting(ident, body, day)
        html_page = next((urljoin(root, href) for href, _, _, q in links if "html=true" in q.lower()), None)
        chosen: dict[str, tuple[str, str]] = {}
        for href, kind, _, query in links:
            q = query.lower()
            if "html=true" in q:
                continue
            if kind == "agenda" and "packet=true" in q:  # the packet carries the agenda and its reports
                chosen["agenda"] = (href, "agenda packet")
            elif kind not in chosen:
                chosen[kind] = (href, kind)
        papers = [PortalPaper(key=href.split("/ViewFile/", 1)[1], url=urljoin(root, href), kind=kind,
                              title=title if kind == "agenda" else f"{title} (minutes)", body=body,
                              meeting_id=ident, meeting_date=day, page_url=html_page)
                  for kind, (href, _) in chosen.items()]
        out.append((meeting, papers))
    return out


def walk(web, base: str, since: str, until: str, bodies: tuple[str, ...] = ()) -> Iterator[tuple[Meeting, list[PortalPaper]]]:
    for meeting, papers in parse_search(web.get(search_url(base, since, until)).text(), base):
        if within(meeting.date, since, until) and wanted_body(meeting.body, bodies):
            yield meeting, papers
