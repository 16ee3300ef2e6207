"""Meeting facts from a paper's title block: organisation, body, meeting date and time, document type.

Read from general signals councils share, in order of trust: the opening of minutes ("Minutes of
a meeting of X held at Y on Z", "A regular meeting of X was held on Z"), a notice ("Notice is
hereby given that a meeting ... will be held on Z"), the heading block (body lines, the date with
its weekday and time, a report's "To: Cabinet - 30 January 2025"), and only then the file and
folder names (a ModernGov name "Agenda frontsheet 30th-Jan-2025 10.00 Cabinet", a folder
"2025-01-30"). The meeting date is the meeting's: dates in a letter block, a notice's own date,
print and publication dates, and dates of earlier minutes an agenda lists are passed over.
Pure: page texts and a path in, a MeetingFacts out. The document type is read by ingest/papers/doc_type.py.
"""
from __future__ import annotations

import re
from pathlib import PurePosixPath
from urllib.parse import unquote

from minutebook.ingest.papers import house_style as hs
from minutebook.ingest.dates import MONTHS, find_dates, printed_weekday, year_slip
from minutebook.ingest.papers.meetings import meeting_starts, title_line
from minutebook.ingest.papers.doc_type import DOC_TYPES, PAST_MINUTES, SMALL_WORDS, document_type  # noqa: F401 (DOC_TYPES re-exported)
from minutebook.ingest.types import MeetingFacts

_HEAD_LINES = 40  # title blocks of US agendas sit under a screenful of notices

_WEEKDAY = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_TIME = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])(?:\.\s?m\b\.?|m\b)|\b(noon|midday)\b", re.I)
_URL = re.compile(r"(https?://|www\.)\S+|\S+\.(com|org|gov|net|php|aspx?)(/\S*)?\b", re.I)
# A browser's print header: "11/10/22, 3:45 PM   Title"; its footer: "https://... 1/3".
_PRINT_HEADER = re.compile(r"^\s*\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(\s*[AP]M)?\b", re.I)
_PAGE_OF = re.compile(r"^\s*(page\s+\d+(\s+of\s+\d+)?|\d+\s*/\s*\d+|\d{1,4})\s*$", re.I)
_ISO_IN_PATH = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
# ModernGov names its files "<kind> <13th-Feb-2025> <09.30> <Body>".
_MODERNGOV = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?-([A-Za-z]{3,9})-(\d{4})(?:\s+(\d{1,2})\.(\d{2}))?\s*(.*)$")
_HELD = re.compile(r"\b(held|will\s+be\s+held|to\s+be\s+held|will\s+meet|convened|commencing|starting)\b", re.I)
_MEETING_ON = re.compile(r"\bmeeting\b[^.]{0,80}\bon\s*$|\bmeeting\s+(date|on)\s*:?\s*$|^\s*date( of meeting)?\s*:", re.I)
# The body's name runs to two lines at most: a "held" further down belongs to another sentence.
_MINUTES_OPEN = re.compile(r"\bminutes\s+of\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?meeting\s+of\s+(?:the\s+)?"
                           r"([^\n]{2,150}?(?:\n[^\n]{1,150}?)?)\s+held\b",
                           re.I | re.S)
_MEETING_OF = re.compile(r"\bmeeting\s+of\s+(?:the\s+)?(.{3,90}?)(?:\s+(?:was|will\s+be|to\s+be)\s+held|\s+held\b|[,.;–—]|$)",
                         re.I | re.M)
_TAKEN_BY = re.compile(r"decision\s+to\s+be\s+taken\s+by\s*:?\s*(.+)", re.I)
_TO_LINE = re.compile(r"^\s*to\s*:\s*(.+)$", re.I)
_BODY_END = re.compile(r"\b(" + "|".join(re.escape(w) for w in hs.BODY_WORDS) + r")\b", re.I)


def read_facts(pages: list[str], source: str = "", meta_title: str | None = None) -> MeetingFacts:
    """The meeting facts of one paper from its page texts and its path (relative or absolute)."""
    head = _head_lines(pages)
    text = "\n".join(head)
    path = path_facts(source)
    doc_type = document_type(head, source, meta_title)
    body = _body(head, text, doc_type) or path["body"]
    organisation = _organisation(head, body)
    body = _strip_organisation(body, organisation)
    date, date_line, strong, weekday = _meeting_date(head, doc_type)
    if path["date"] and (date is None or not strong):  # a bare date in the text is weaker than a dated name
        date = path["date"]
        date_line = date_line if date == path["date"] else None
    elif path["date"] and date != path["date"]:
        date = _named_meeting(pages, year_slip(date, weekday, path["date"]), path["date"])
    time = _start_time(head, date_line) or path["time"]
    return MeetingFacts(organisation=organisation, body=body, meeting_date=date, start_time=time,
                        doc_type=doc_type, title=clean_title(meta_title, source))


# ---- lines ------------------------------------------------------------------------------------
def _head_lines(pages: list[str]) -> list[str]:
    """The first page with words, as lines, without print headers, URLs and page numbers."""
    first = next((t for t in pages if len(t.split()) >= 8), pages[0] if pages else "")
    out = []
    for raw in first.splitlines():
        line = _unspace(raw.strip())
        if not line or _PRINT_HEADER.match(line) or _PAGE_OF.match(line) or _is_url_line(line):
            continue
        out.append(line)
        if len(out) >= _HEAD_LINES:
            break
    return out


def _unspace(line: str) -> str:
    """'C I T Y   O F   G A R D E N A' -> 'CITY OF GARDENA': letter-spaced headings read as words."""
    if re.fullmatch(r"(?:[A-Za-z&] ){3,}[A-Za-z&](?:\s{2,}(?:[A-Za-z&] )*[A-Za-z&])*", line):
        return " ".join(w.replace(" ", "") for w in re.split(r"\s{2,}", line))
    return line


def _is_url_line(line: str) -> bool:
    rest = _URL.sub("", line)
    return bool(_URL.search(line)) and len(re.sub(r"[\W\d]", "", rest)) < 12


# ---- body and organisation ------------------------------------------------------------------------
def _body(head: list[str], text: str, doc_type: str) -> str | None:
    m = _MINUTES_OPEN.search(text[:1500])
    if m:
        return tidy_name(m.group(1))
    for i, line in enumerate(head[:25]):
        m = _TAKEN_BY.match(line)
        if m:
            name = m.group(1)
            if re.search(r"(&|,|\band)$", name.strip()) and i + 1 < len(head):  # the name wraps
                name += " " + head[i + 1]
            if _body_phrase(name):
                return _body_phrase(name)
    for line in head[:25]:
        m = _TO_LINE.match(line)
        if m:
            name = _body_phrase(re.split(r"\s*[–—:,]\s|\s-\s|\s+date\b|\s\d", m.group(1), maxsplit=1)[0])
            if name:
                return name
    notice = re.search(r"notice\s+is\s+hereby\s+given\s+that\s+(?:an?|the)\s+(.{3,120}?)\s+(?:meeting\s+)?"
                       r"(?:will|shall|is to)\b", text, re.I | re.S)
    if notice and _body_phrase(notice.group(1)):
        return _body_phrase(notice.group(1))
    council = None  # "EXAMPLE BOROUGH COUNCIL" over "COMMUNITIES SCRUTINY PANEL": the panel meets
    for line in head[:25]:
        if PAST_MINUTES.search(line):
            continue
        m = _MEETING_OF.search(line)
        if m and _body_phrase(m.group(1)):
            return _body_phrase(m.group(1))
        name = body_line(line)
        if name and (_organisation([name], None) or "").lower() == name.lower():
            council = council or name
        elif name:
            return name
    return council


def body_line(line: str) -> str | None:
    """A heading line that names a body: 'PARKS AND RECREATION BOARD', 'CABINET – 17TH DECEMBER 2019'."""
    part = re.split(r"\s[–—-]\s|\s*[■|•]\s*", line)[0].strip()
    part = re.sub(r"[,:]?\s*" + _WEEKDAY + r"\b.*$", "", part, flags=re.I)
    dates = find_dates(part)
    if dates:
        part = part[: dates[0][0]]
    words = part.split()
    if not words or len(words) > 9 or not part[:1].isalpha():
        return None
    titled = part.isupper() or all(w[:1].isupper() or w.lower() in SMALL_WORDS for w in words)
    if not titled or re.search(r"\b(report|member|members|chair|officer|director|room|chamber|chambers|hall|street)\b",
                               part, re.I):
        return None
    return _body_phrase(part)


def title_body(heading: str) -> str | None:
    """The body a meeting's title names: "MINUTES OF THE SPECIAL JOINT CITY COUNCIL AND HOUSING AUTHORITY
    BOARD OF COMMISSIONERS (HABOC) MEETING" -> "City Council and Housing Authority Board of Commissioners"."""
    heading = re.split(r"\s+(?:held|convened)\b", heading, maxsplit=1, flags=re.I)[0]  # "... HELD IN THE VILLAGE HALL"
    return _body_phrase(re.sub(r"\s*\([A-Z&]{2,}\)", "", heading))


def _body_phrase(phrase: str) -> str | None:
    """The body named in a phrase, meeting words trimmed: 'Regular Parks and Recreation Board' -> 'Parks and Recreation Board'."""
    words = re.sub(r"\s+", " ", phrase).strip(" .,;:-–—()").split(" ")
    meeting = set(hs.MEETING_WORDS)
    while words and words[0].lower() in meeting | SMALL_WORDS | {"a", "an"}:
        words.pop(0)
    while words and (words[-1].lower() in meeting | SMALL_WORDS or not words[-1]):
        words.pop()
    if not words or len(words) > 10:
        return None
    name = " ".join(words)
    last = re.sub(r"[^\w-]", "", words[-1].lower())
    of_body = re.search(r"\b(" + "|".join(hs.BODY_WORDS) + r")\s+of\s+[\w ]+$", name, re.I)  # "Board of Trustees"
    if last not in hs.BODY_WORDS and not of_body:
        return None
    if re.search(r"\b(councils|members?|leaders?)\b", name, re.I) and last != "council":
        return None
    return tidy_name(name)


def _organisation(head: list[str], body: str | None) -> str | None:
    kinds = "|".join(hs.ORGANISATION_KINDS)
    suffixes = "|".join(re.escape(s) for s in hs.ORGANISATION_SUFFIXES)
    # Kinds match in any case; the place's own words must be capitalised ("City of Gardena").
    by_kind = re.compile(r"\b((?i:" + kinds + r")\s+(?i:of)\s+(?:[A-Z][\w'.-]*\s?){1,4})")
    by_suffix = re.compile(r"((?:[A-Z][\w'.-]+\s+){1,4}(?i:" + suffixes + r"))\b")
    by_department = re.compile(r"((?:[A-Z][\w'.-]+\s+){1,3}(?i:department\s+of)\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)")
    for line in head[:25] + ([body] if body else []):
        if PAST_MINUTES.search(line) or len(line) > 120:
            continue
        for pattern in (by_kind, by_suffix, by_department):
            m = pattern.search(line)
            if m and _proper(m.group(1)):
                name = tidy_name(re.sub(r"\s+(council|meeting|agenda|minutes)\s*$", "", m.group(1).strip(), flags=re.I)
                                 if pattern is by_kind else re.sub(r"^(the|a)\s+", "", m.group(1), flags=re.I))
                return name
    return None


def _proper(name: str) -> bool:
    """A named organisation, not a generic phrase ('the County Council', 'city of the future')."""
    generic = set(hs.ORGANISATION_KINDS) | set(" ".join(hs.ORGANISATION_SUFFIXES).split()) | SMALL_WORDS | {"department"}
    words = [w.lower().strip(".,'") for w in name.split()]
    own = [w for w in words if w not in generic]
    if not own or any(w in hs.MEETING_WORDS or w in hs.BODY_WORDS for w in own):
        return False
    return all(w[:1].isupper() for w in name.split() if w.lower() not in SMALL_WORDS)


def _strip_organisation(body: str | None, organisation: str | None) -> str | None:
    """'Township of Nipissing Council' with the township known -> 'Council'; 'Kent County Council' stays
    a body only when the paper names no narrower one."""
    if not body or not organisation:
        return body
    if body.lower().startswith(organisation.lower()) and len(body) > len(organisation) + 2:
        return tidy_name(body[len(organisation):])
    return body


def setting_words(organisations: list[str]) -> frozenset[str]:
    """Words that name an archive's own setting, not a topic: its organisations' own words and
    initials ("Exampleshire County Council" -> exampleshire, ecc)."""
    generic = set(hs.ORGANISATION_KINDS) | set(" ".join(hs.ORGANISATION_SUFFIXES).split()) | SMALL_WORDS
    out: set[str] = set()
    for name in organisations:
        words = re.findall(r"[a-z]+", name.lower())
        out |= {w for w in words if w not in generic and len(w) > 2}
        initials = "".join(w[0] for w in words if w not in SMALL_WORDS)
        if len(initials) >= 3:
            out.add(initials)
    return frozenset(out)


def tidy_name(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" .,;:-–—")
    if name.isupper():
        name = " ".join(w.lower() if w.lower() in SMALL_WORDS else w.capitalize() for w in name.split())
    return name[:1].upper() + name[1:]


# ---- date and time -------------------------------------------------------------------------------
def _named_meeting(pages: list[str], date: str, named: str) -> str:
    """A paper that records several meetings is filed under one of them: where the file name's date
    is the date of a later meeting's title block, the paper is that meeting's ("24th May 2018"
    heads an annual meeting filed with the meeting of 23 May 2019). Otherwise the printed date
    stands: the name is only a hint (minutes filed under the meeting that approved them)."""
    if date == named:
        return date
    return named if any(m.date == named for m in meeting_starts(pages)[1:]) else date


def _meeting_date(head: list[str], doc_type: str) -> tuple[str | None, int | None, bool, int | None]:
    """(ISO date, line index, strong, printed weekday) of the best-supported meeting date in the
    heading block; strong when the text says it is the meeting's (not a bare date)."""
    best: tuple[float, str, int, bool, int | None] | None = None
    letter = _letter_lines(head)
    text = "\n".join(head)
    starts = [0]
    for line in head:
        starts.append(starts[-1] + len(line) + 1)
    for offset, iso in find_dates(text):  # on the joined block: "Thursday, 9th / January, 2025" spans lines
        i = max(k for k in range(len(head)) if starts[k] <= offset)
        score, strong = _date_score(text, head, i, offset - starts[i], offset, letter, doc_type)
        if best is None or score > best[0]:
            best = (score, iso, i, strong, printed_weekday(text, offset))
    if best is None or best[0] < -2:
        return None, None, False, None
    return best[1], best[2], best[3], best[4]


def _date_score(text, head, i, col, offset, letter, doc_type) -> tuple[float, bool]:
    line = head[i]
    before = text[max(0, offset - 200):offset]
    low_line = line.lower()
    score = -0.1 * i
    strong = False
    if (_HELD.search(before[-110:]) or _MEETING_ON.search(before[-90:])
            or re.fullmatch(r"\s*(meeting\s+)?date( of meeting)?\s*:?\s*", line[:col], re.I)):
        score += 3
        strong = True
    if re.search(_WEEKDAY + r"[\s,\-–—]*$", before, re.I):  # "Monday, 1 June", "TUESDAY- -MARCH 6"
        score += 2
        strong = True
    if _TIME.search(text[offset:offset + 60]):
        score += 1
        strong = True
    if _TO_LINE.match(line) or (i and re.fullmatch(r"\s*to\s*:?\s*", head[i - 1], re.I)):
        score += 3  # a report's "To: Cabinet - 30 January 2025" names the meeting it goes to
        strong = True
    if i and not line[:col].strip(" ,–—-") and title_line(head[i - 1]) and not strong:
        score += 3  # the line under a minutes or meeting title: "Minutes of the Regular Meeting of X,\nMarch 23, 2017"
        strong = True
    if col and body_line(line[:col]):  # "CABINET – 17TH DECEMBER 2019"
        score += 1.5
        strong = True
    if re.search(r"\b(given|notice)\b[^.\n]{0,30}$", before, re.I) and not _HELD.search(before[-60:]):
        score -= 2  # "Notice is hereby given on 3 December that ..." dates the notice, not the meeting
    if any(cue in low_line for cue in hs.PUBLICATION_CUES) or i in letter:
        score -= 4
        strong = False
    if PAST_MINUTES.search(line) or re.search(r"\b(from|since|until|as at|as of|through)\s*$", line[:col], re.I):
        score -= 3
        strong = False
    if doc_type == "agenda" and re.search(r"\bminutes\b", line, re.I):
        score -= 2
    return score, strong


def _letter_lines(head: list[str]) -> set[int]:
    """Lines of a covering letter's address block ("Ask for:", "Date:", "Dear Member")."""
    cues = [i for i, line in enumerate(head) if line.lower().startswith(hs.LETTER_CUES)]
    if len(cues) < 2:
        return set()
    return {i for i, line in enumerate(head) if min(abs(i - c) for c in cues) <= 2 and line.lower().startswith("date")}


def _start_time(head: list[str], date_line: int | None) -> str | None:
    order = list(range(date_line, min(date_line + 6, len(head)))) if date_line is not None else []
    order += [i for i in range(min(len(head), 15)) if i not in order]
    for i in order:
        line = head[i]
        if any(cue in line.lower() for cue in hs.PUBLICATION_CUES) or _PRINT_HEADER.match(line):
            continue
        m = _TIME.search(line)
        if m:
            return _clock(m)
    return None


def _clock(m: re.Match) -> str | None:
    if m.group(4):
        return "12:00"
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if hour > 12 or minute > 59:
        return None
    if m.group(3).lower() == "p" and hour != 12:
        hour += 12
    elif m.group(3).lower() == "a" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"


# ---- file and folder names --------------------------------------------------------------------------
def path_facts(source: str) -> dict:
    """Date, time and body from a ModernGov file name or a dated folder: the last resort."""
    out = {"date": None, "time": None, "body": None}
    if not source:
        return out
    path = PurePosixPath(unquote(source))
    m = _MODERNGOV.search(path.stem)
    if m and m.group(2).lower() in MONTHS:
        from datetime import date

        try:
            out["date"] = date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1))).isoformat()
        except ValueError:
            pass
        if m.group(4):
            out["time"] = f"{int(m.group(4)):02d}:{m.group(5)}"
        out["body"] = _body_phrase(m.group(6)) if m.group(6) else None
    if not out["date"]:
        for part in reversed(path.parts):
            iso = _ISO_IN_PATH.search(part)
            if iso:
                out["date"] = "-".join(iso.groups())
                break
    if not out["body"]:
        for part in reversed(path.parent.parts):
            out["body"] = _body_phrase(re.sub(r"[_-]+", " ", part).title())
            if out["body"]:
                break
    return out


def clean_title(meta_title: str | None, source: str) -> str:
    """The PDF's own title when it names the paper, else the file name; never a URL or a print header."""
    title = re.sub(r"\s+", " ", meta_title or "").strip()
    low = title.lower()
    for prefix in hs.TITLE_PREFIXES:
        if low.startswith(prefix):
            title = title[len(prefix):].strip()
            low = title.lower()
    junk = (not title or _URL.search(title) or _PRINT_HEADER.match(title) or re.fullmatch(r"[\W\d_]+", title)
            or low.strip(" .:") in hs.JUNK_TITLES or len(re.findall(r"[A-Za-z]{2,}", title)) < 2)
    if not junk:
        return title
    stem = unquote(PurePosixPath(source).stem) if source else ""
    return stem or title or "Untitled"
