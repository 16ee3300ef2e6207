"""`minutebook meetings` and `minutebook meeting DATE --body B`: the meetings by body and date, and
one meeting whole (agenda items with their papers, minutes, decisions, attendance), each line
with the file and page to open."""
from __future__ import annotations

import json
import re

from minutebook.assistant.meetings import MeetingRecord
from minutebook.assistant.register import entries as register
from minutebook.assistant.service import Minutebook
from minutebook.ingest.dates import human_date, parse_date
from minutebook.ingest.errors import BadInput, printable
from minutebook.ingest.settings import Settings


def cmd_meetings(args, settings: Settings) -> int:
    with Minutebook(settings) as book:
        found = book.meetings(args.board)
    if args.json:
        print(json.dumps([m.to_json() for m in found], indent=2, ensure_ascii=False))
        return 0
    for m in found:
        held = ", ".join(x for x in ("agenda" if m.agenda else "", "minutes" if m.minutes else "") if x)
        print(printable(f"{m.date}  {m.board}  ({m.papers} paper{'s' if m.papers != 1 else ''}"
                        f"{'; ' + held if held else ''})"))
    if not found:
        print("no dated meetings in the papers" + (f" of a body named like '{args.board}'" if args.board else ""))
    return 0 if found else 1


def cmd_meeting(args, settings: Settings) -> int:
    date = args.date if re.fullmatch(r"\d{4}-\d{2}-\d{2}", args.date) else parse_date(args.date)
    if not date:
        raise BadInput(f"'{args.date}' is not a date (write it as YYYY-MM-DD or '1 October 2018')")
    with Minutebook(settings) as book:
        record = book.meeting(date, args.board)
    if args.json:
        print(json.dumps(record.to_json(), indent=2, ensure_ascii=False))
    else:
        for line in meeting_lines(record):
            print(printable(line))
    return 0


def meeting_lines(m: MeetingRecord) -> list[str]:
    """The meeting as text: what a clerk would read out, each paper with its file and pages."""
    held = " · ".join(x for x in (m.time, m.venue) if x)
    out = [f"{m.board}, {human_date(m.date)}" + (f" ({held})" if held else "")]
    if m.agenda:
        out += ["", "Agenda"]
        for item in m.agenda:
            where = f"  [{item.source}, p. {item.page}]" if item.source else ""
            out.append(f"  {item.number}. {item.title}{where}")
            out += [f"      {p.kind}: {p.title}  [{p.source}, pp. {p.first_page}-{p.last_page}]" for p in item.papers]
    if m.minutes:
        out += ["", "Minutes"]
        out += [f"  {(i.item + '. ') if i.item else ''}{i.heading}  [{i.source}, p. {i.page}]" for i in m.minutes]
    if m.decisions:
        out += ["", "Decisions"]
        for e in m.decisions:
            facts = "; ".join(x for x in (register.outcome_words(e), register.vote_line(e.votes)) if x)
            out.append(f"  Minute {e.item or '?'}: {' '.join((e.text or '').split())[:160]}"
                       f"{' (' + facts + ')' if facts else ''}  [{e.source}, p. {e.page}]")
    if m.attendance:
        out += ["", "Attendance"]
        roles: dict[str, list[str]] = {}
        for a in m.attendance:
            roles.setdefault(a.role, []).append(a.name)
        out += [f"  {role.capitalize()} ({len(names)}): {', '.join(names)}" for role, names in roles.items()]
    if not (m.agenda or m.minutes or m.decisions):
        out += ["", "Papers"] + [f"  {p.kind}: {p.title}  [{p.source}, pp. {p.first_page}-{p.last_page}]"
                                 for p in m.papers]
    return out
