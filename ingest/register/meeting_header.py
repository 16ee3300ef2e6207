"""Read the meeting a set of minutes records from the lines above its first minute: the board, date,
time and venue of its title block, and who attended under each heading ("Present", "Apologies",
"Officers"). Pure functions: lines in, a Meeting out.
"""
from __future__ import annotations

import re

from minutebook.ingest.register.decisions import dates_in, reflow
from minutebook.ingest.types import Attendee, Meeting

_ROLES = (
    ("apologies", r"apologies(?:\s+for\s+absence)?"),
    ("officers", r"officers?(?:\s+(?:present|in\s+attendance))?"),
    ("others", r"(?:others?|also|members\s+also)(?:\s+(?:present|in\s+attendance))?|in\s+attendance"),
    ("present", r"(?:members\s+|councillors\s+)?present"),
)
_ROLE_HEAD = [(role, re.compile(rf"^(?:{pat})\s*(?:$|[:–—-]\s*(.*)$)", re.I)) for role, pat in _ROLES]
_ROLE_HEAD.insert(
    0, ("apologies", re.compile(r"^apologies\s+(?:for\s+absence\s+)?were\s+received\s+from\s+(.*)$", re.I))
)
_ORG_WORDS = re.compile(
    r"\b(?:council|police|services?|commissioner|health|board|authority|group|chair|partnership|company|team|office|"
    r"trust|ccg|nhs|icb|agency|university|college|department|ltd|limited|association|centre|unit|network|"
    r"constabulary|probation|committee|forum|society|housing|school|commission|ministry|government)\b",
    re.I,
)
_ROLE_WORDS = re.compile(
    r"(?i)\b(?:chair\w*|vice-chair|head|director|manager|officer|member|lead|leader|clerk|"
    r"co-?ordinator|analyst|advis[eo]r)\b"
)
_TIME = re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|noon)\b", re.I)
# The sitting's hours printed at the close ("10.00 - 11.20 am"): minutes.py cuts them off the last
# minute, and they are the meeting's time where the header prints none.
TIME_RANGE = re.compile(r"^\d{1,2}[.:]\d{2}\s*(?:am|pm)?\s*[-–]\s*\d{1,2}[.:]\d{2}\s*(?:am|pm)$", re.I)
_VENUE_WORDS = re.compile(
    r"\b(?:room|hall|chamber|house|offices|centre|teams|zoom|building|library|station|suite)\b", re.I
)


def parse_meeting(header: list[str], closing: list[str], board: str | None = None,
                  meeting_date: str | None = None) -> Meeting:
    """Board, date, time, venue and attendance from the lines before the first minute."""
    start = next((k for k, t in enumerate(header) if _role_heading(t)), len(header))
    title = header[:start]
    text = reflow(title)
    return Meeting(
        board=board or _board(title),
        date=meeting_date or next((iso for _, iso in dates_in(text)), None),
        time=_time(text, closing),
        venue=_venue(title),
        attendees=attendance(header[start:]),
    )


def unshout(name: str) -> str:
    """Title-case a name printed in capitals ("HOUSING COMMITTEE" -> "Housing Committee"); keep others."""
    if not name.isupper():
        return name
    small = {"and", "of", "the", "for", "in", "on"}
    return " ".join(w.lower() if w.lower() in small and k else w.capitalize() for k, w in enumerate(name.split()))


def _board(title: list[str]) -> str | None:
    """The board's name: "a meeting of the X held ...", "Minutes of the X", or the first heading line."""
    m = re.search(r"(?i)\bmeeting\s+of\s+(?:the\s+)?(.+?)\s+(?:held|on|at)\b", reflow(title))
    if m:
        return unshout(m.group(1).strip(" .,"))
    for line in title:
        # "Minutes of the meeting held on ..." names no board: the heading line above it does.
        m = re.match(r"(?i)minutes\s+of\s+(?!(?:the\s+|a\s+)?meeting\b)(?:the\s+|a\s+)?(.+?)(?:\s+(?:held|on|at)\b.*)?$", line)
        if m:
            return unshout(m.group(1).strip(" .,"))
    names = [t for t in title if not dates_in(t) and not re.search(r"(?i)\b(?:minutes|record|notes)\b|:", t)]
    return unshout(names[0]) if names else None


def _time(text: str, closing: list[str]) -> str | None:
    """The time printed in the header, else the "10.00 - 11.20 am" range printed at the close."""
    m = re.search(r"(?i)\btime:\s*(\d{1,2}[.:]\d{2}(?:\s*(?:am|pm))?)", text) or _TIME.search(text)
    if m:
        return m.group(m.lastindex or 0).strip()
    return next((t for t in closing if TIME_RANGE.match(t)), None)


def _venue(title: list[str]) -> str | None:
    """The venue: a "Venue:" label, the place after "held at/in/via", or a line naming a room."""
    text = reflow(title)
    m = re.search(r"(?i)\b(?:venue|place|location):\s*(.+?)(?=\s+(?:date|time):|$)", text)
    held = re.search(r"(?i)\bheld\b(.*)$", text)
    if not m and held:
        # The place follows "at/in/via" and ends where the date ("on Monday ...") or time ("at 7.00") starts.
        m = re.search(
            r"\b(?:at|in|via)\s+(?!\d)((?:the\s+)?[A-Z].*?)"
            r"(?=\s+on\s+(?:\w+day\b|\d)|\s+at\s+\d|,?\s+commencing\b|$)",
            held.group(1),
        )
    if m:
        return m.group(1).strip(" .,")
    line = next((t for t in title if _VENUE_WORDS.search(t) and not re.search(r"(?i)\bminutes\b", t)), None)
    return _TIME.sub("", line).strip(" ,.") if line else None


def _role_heading(text: str) -> tuple[str, str] | None:
    """(role, rest of line) for an attendance heading such as "Present" or "APOLOGIES: ..."."""
    for role, pattern in _ROLE_HEAD:
        m = pattern.match(text)
        if m:
            return role, (m.group(1) or "").strip()
    return None


def attendance(lines: list[str]) -> list[Attendee]:
    """Attendees under each heading, as one name-and-organisation per line pair or a comma list."""
    people: list[Attendee] = []
    groups: list[tuple[str, str, list[str]]] = []
    for text in lines:
        head = _role_heading(text)
        if head:
            groups.append((head[0], head[1], []))
        elif groups:
            groups[-1][2].append(text)
    for role, rest, body in groups:
        people += _listed(reflow([rest] + body), role) if rest else _paired(body, role)
    return people


def _is_org(text: str) -> bool:
    """Whether an attendance line reads as an organisation (or its wrapped part) rather than a name."""
    bare = re.sub(r"\([^)]*\)", "", text)  # "(in the Chair)" belongs to the name
    return bool(
        _ORG_WORDS.search(bare)
        or re.search(r"[,;&]|\s[-–—](?:\s|$)|^[-–—]", bare)
        or re.search(r"(?:^|\s)(?!(?:de|van|von|der|da|le|la|al|bin|du)\b)[a-z]", bare)
    )


def _paired(lines: list[str], role: str) -> list[Attendee]:
    """Attendees printed as a name line followed by organisation lines (two columns flattened)."""
    people: list[Attendee] = []
    prev = ""
    for text in lines:
        last = people[-1] if people else None
        if last and last.organisation is None and not _is_org(text) and (prev.endswith("-") or " " not in text):
            last.name = reflow([last.name, text])  # a name wrapped onto a second line
        elif last and _is_org(text):
            last.organisation = reflow([last.organisation, text]) if last.organisation else text
        else:
            people.append(Attendee(name=text, role=role))
        prev = text
    return people


def _listed(text: str, role: str) -> list[Attendee]:
    """Attendees printed as a list: "Councillor A (Chair), Councillors B, C and D (Police)"."""
    people: list[Attendee] = []
    prefix = ""
    tokens = re.findall(r"(?:\([^)]*\)|[^,;(])+", text.rstrip("."))
    for token in (t.strip() for chunk in tokens for t in re.split(r"\s+and\s+(?![^(]*\))", chunk)):
        if not token or re.fullmatch(r"(?i)none|nil", token):
            continue
        plural = re.match(r"(?i)^(councillors|cllrs\.?)\s+(.*)$", token)
        if plural:
            prefix = "Councillor " if plural[1].lower() == "councillors" else "Cllr "
            token = prefix + plural[2]
        elif re.match(r"(?i)^(?:councillor|cllr|mr|mrs|ms|miss|dr|prof|sir|lord|lady|insp|supt|ch)\b", token):
            prefix = ""
        else:
            token = prefix + token
        org = re.search(r"\s*\(([^)]*)\)$", token)
        # "(Eastwick Police)" names an organisation; "(Chair)" or "(Head of Housing)" is a role.
        if org and _ORG_WORDS.search(org[1]) and not _ROLE_WORDS.search(org[1]):
            people.append(Attendee(name=token[:org.start()].strip(), role=role, organisation=org[1]))
        else:
            people.append(Attendee(name=token, role=role))
    return people
