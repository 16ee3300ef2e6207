"""What papers say about a matter's steps between bodies, read from their text.

Two things a minute alone does not give: the recommendation a report puts to its own meeting
("Cabinet is asked to: ... endorse the draft budget to be presented to County Council"), and the
earlier meetings a later paper recounts ("endorsed by Cabinet on 30th January", "On 29 January
2025, the Scrutiny Committee considered a call-in"). Where a body's own minutes are missing from
the archive, those are the only record of what it did. Pure functions: (page, text) pieces in,
dataclasses out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from minutebook.ingest.dates import MONTHS, find_dates
from minutebook.ingest.papers.house_style import (ASK_VERBS, BODY_WORDS, DECISION_MAKERS, ONWARD_VERBS, STEP_VERBS)

# A body as printed in running text: up to four capitalised words (or "full") before a body word,
# with the small words of "Overview and Scrutiny Committee" between them.
_BODY_WORD = "|".join(sorted((w.capitalize() for w in BODY_WORDS), key=len, reverse=True))
BODY = rf"(?:(?:[Ff]ull|[A-Z][\w&'-]*)\s+(?:(?:and|of|for|&)\s+)?){{0,4}}(?:{_BODY_WORD})\b"
_THE = r"(?:[Tt]he\s+)?"
MAKER = rf"(?:{'|'.join(DECISION_MAKERS)})(?:\s+(?:[A-Z][\w'’&-]*|and|&))*"
_ASK = re.compile(
    rf"(?:It\s+is\s+recommended\s+that(?:\s+(?:[Mm]embers\s+of\s+)?{_THE}(?P<b2>{BODY}))?"
    rf"|{_THE}(?P<body>{BODY})(?:,[^.;]{{0,200}}?,)?\s+(?:is|are)\s+(?:{'|'.join(ASK_VERBS)})\s+to\b)\s*:?")
# "recommend the KMWLP (Appendix B), as modified, to County Council": the object may come between.
_ONWARD = re.compile(rf"\b(?P<verb>{'|'.join(ONWARD_VERBS)})\w*\s+(?:[^.;]{{0,80}}?\s)?"
                     rf"to\s+{_THE}(?:next\s+)?"
                     rf"(?:meeting\s+of\s+{_THE})?(?P<body>{BODY})")
_LIST_MARK = r"\(?(?:[a-z]|\d{1,2}|[ivx]{1,4})[).]\s"
_ENTRY_VERB = re.compile(rf"(?:^|\s){_LIST_MARK}\s*([A-Za-z]+)")
_STOP = re.compile(r"[.;](?:\s+|$)")
_MARK_STYLE = re.compile(r"(?:^|\s)\(?(?:[a-z]|\d{1,2}|[ivx]{1,4})([).])\s")
# "16. Cabinet resolved ...": a paragraph's number is no part of what it recounts.
_PARA_NO = re.compile(r"^(?:[A-Z][a-z]+\s+)?\d{1,2}(?:\.\d{1,2})*\.\s+|^(?:[A-Z][a-z]+\s+)?\d{1,2}\.\d{1,2}\s+|\s+\d{1,2}\.$")
_AND_CAPS = re.compile(r"\band\s+([A-Z]{3,})\b")
_VERB = "|".join(re.escape(printed).replace(r"\ ", r"\s+") for printed, _ in STEP_VERBS)
_OUTCOME = {printed: outcome for printed, outcome in STEP_VERBS}
_ADVERB = r"(?:(?:\w+ly|therefore|also|then)\s+)?"
# "On 29 January 2025, the Scrutiny Committee considered ...", "Cabinet met on 4 March 2025 where the
# decision was formally reconsidered", "... was endorsed by Cabinet on 30th January", and, with no
# date, "the Scrutiny Committee unanimously agreed ..." (dated by the body's last dated mention).
_MONTH = "|".join(m.capitalize() for m in MONTHS)
# "29 January 2025", "30th January", "January 29, 2025"
_WHEN = (rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH})\.?(?:,?\s+\d{{4}})?"
         rf"|(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})")
_RECOUNTS = (
    re.compile(rf"\b[Oo]n\s+(?P<when>{_WHEN}),?\s+{_THE}(?P<body>{BODY})\s+{_ADVERB}(?P<verb>{_VERB})\b"),
    re.compile(rf"{_THE}(?P<body>{BODY})\s+(?:met\s+on|at\s+its\s+meeting\s+(?:held\s+)?on|on)\s+(?P<when>{_WHEN}),?"
               rf"\s+(?:(?:where|when|and)\b[^.;]{{0,80}}?\b)?(?P<verb>{_VERB})\b"),
    re.compile(rf"\b(?:was|were|been|and)\s+{_ADVERB}(?P<verb>{_VERB})\s+by\s+{_THE}(?P<body>{BODY})\s+"
               rf"(?:at\s+its\s+meeting\s+)?on\s+(?P<when>{_WHEN})"),
    re.compile(rf"(?:^|(?<=[.:;,])\s+|\n){_THE}(?P<body>{BODY})\s+{_ADVERB}(?P<verb>{_VERB})\b"),
    # "Decision 24/00093 - Future of ... was taken on 17 January 2025", by whom where it says
    re.compile(rf"\b[Dd]ecision\b[^.;]{{0,160}}?\bwas\s+(?P<verb>taken)\s+(?:by\s+{_THE}(?P<body>{MAKER}|{BODY})\s+)?"
               rf"on\s+(?P<when>{_WHEN})"),
)
# "The decision maker was Mrs Smith, Cabinet Member for Children's Services."
_MAKER_WAS = re.compile(rf"\bdecision[- ]maker\s+(?:was|is)\s+[^,.;]{{2,40}},\s+{_THE}(?P<maker>{MAKER})")
_YEARLESS = re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({'|'.join(MONTHS)})\b", re.I)


@dataclass
class Ask:
    """What a report asks its meeting to do."""
    body: str
    verbs: list[str]  # ["consider", "endorse"]
    onward: str | None  # the body it is to be sent on to ("County Council"), if another
    text: str  # the recommendation as printed
    page: int


@dataclass
class Recount:
    """A paper's account of an earlier meeting's step."""
    meeting_date: str
    body: str
    outcome: str  # "called in", "reconsidered", "endorsed" ...
    onward: tuple[str, str] | None  # ("recommended", "full Council"): "endorsed ... to be presented to full Council"
    unanimous: bool
    text: str
    page: int
    listed: list[str] = field(default_factory=list)  # "resolved the following: a. NOTE ... b. CONFIRM ..."


def same_body(a: str | None, b: str | None) -> bool:
    return bool(a and b) and canonical(a) == canonical(b)


def canonical(body: str | None) -> str:
    """One name per body: "Full Council", "County Council" and "Anyshire County Council" are the one full
    council of an organisation (its committees end in another body word)."""
    words = re.sub(r"^the\s+", "", (body or "").lower().strip()).split()
    return "council" if words and words[-1] == "council" else " ".join(words)


def ask(pieces: list[tuple[int, str]], own: str | None) -> Ask | None:
    """The first recommendation a paper puts to a body: who is asked, the verbs, and where it goes on to."""
    text, pages = _joined(pieces)
    m = _ASK.search(text)
    if not m:
        return None
    asked = _PARA_NO.sub("", _one_list(text[m.end():_end(text, m.end())].strip()))
    body = (m["body"] or m["b2"] or own or "").strip()  # a bare "It is recommended that" asks its own meeting
    return Ask(body=body, verbs=_verbs(asked), onward=onward(asked, own or body),
               text=f"{m.group(0).strip()} {asked}", page=_page_at(pages, m.start()))


def onward(text: str, own: str | None) -> str | None:
    """The body a text sends the matter on to, when it is another than `own`."""
    found = sent_on(text, own)
    return found[1] if found else None


def sent_on(text: str, own: str | None) -> tuple[str, str] | None:
    """(how, body): ("referred", "full Council") or ("recommended", "County Council") where a text sends
    the matter on to another body than `own`."""
    for m in _ONWARD.finditer(text):
        if not same_body(m["body"], own):
            return ("referred" if m["verb"].lower() == "refer" else "recommended"), m["body"].strip()
    return None


def decision_maker(pieces: list[tuple[int, str]]) -> str | None:
    """Who took the executive decision a paper is about, where it says ("Cabinet Member for ...")."""
    m = _MAKER_WAS.search(_joined(pieces)[0])
    return m["maker"].strip() if m else None


def recounts(pieces: list[tuple[int, str]], paper_date: str | None, maker: str | None = None) -> list[Recount]:
    """Earlier steps a paper recounts, in reading order; undated ones take their body's last date. A
    decision "taken on" a date without its taker is the decision maker's (`maker`, or the Executive)."""
    text, pages = _joined(pieces)
    found = sorted((m for p in _RECOUNTS for m in p.finditer(text)), key=lambda m: m.start())
    last_date: dict[str, str] = {}
    printed: dict[str, str] = {}
    out: list[Recount] = []
    seen: set[int] = set()
    for m in found:
        if m.start("verb") in seen:  # one verb, one step, whichever form read it
            continue
        taker = m["body"] or decision_maker(pieces) or maker or "Executive"
        body = _named(re.sub(r"^[Tt]he\s+", "", taker.strip()), printed)
        when = _date(m["when"], paper_date) if m.groupdict().get("when") else None
        if when:
            last_date[canonical(body)], printed[canonical(body)] = when, body
        when = when or last_date.get(canonical(body))
        if not when or (paper_date and when > paper_date):
            continue
        seen.add(m.start("verb"))
        left = max(text.rfind(". ", 0, m.start()), text.rfind(": ", 0, max(m.start("body"), m.start()) - 1)) + 1
        stop = _end(text, m.end())
        verb = " ".join(m["verb"].lower().split())
        listed = _listed(text[m.end("verb"):stop])
        out.append(Recount(meeting_date=when, body=body, outcome=_OUTCOME.get(verb, verb), listed=listed,
                           onward=None if listed else sent_on(text[m.end("verb"):stop], body),
                           unanimous=bool(re.search(r"(?i)\bunanimous", text[left:stop])),
                           text=_PARA_NO.sub("", text[left:stop].strip()), page=_page_at(pages, m.start())))
    return out


def _named(body: str, printed: dict[str, str]) -> str:
    """"the Committee" after "the Scrutiny Committee" is that committee."""
    if " " in body:
        return body
    return next((name for key, name in reversed(printed.items()) if key.endswith(" " + body.lower())), body)


def _verbs(asked: str) -> list[str]:
    """"consider ... and endorse ..." -> the verbs a recommendation asks for, the first word of each entry."""
    lead = asked.split()[:1]
    if lead and lead[0].isalpha():
        found = [(0, lead[0])]
    else:  # "asked to:" then a list: each entry opens with its verb
        found = [(m.start(1), m[1]) for m in _ENTRY_VERB.finditer(asked) if m[1].islower() or m[1].isupper()]
    found += [(m.start(1), m[1]) for m in _AND_CAPS.finditer(asked)]
    return list(dict.fromkeys(v.lower() for _, v in sorted(found)))


def _listed(after_verb: str) -> list[str]:
    """The outcomes a recounted resolution lists ("resolved the following: a. NOTE ... b. CONFIRM ...");
    an entry's cross-reference ("when agreeing to refer the matter") is not what the body did."""
    if not re.match(r"\s*(?:the\s+following|as\s+follows)?\s*:", after_verb):
        return []
    found = []
    for verb in _verbs(after_verb.split(":", 1)[1]):
        found += [outcome for printed, outcome in STEP_VERBS if printed.startswith(verb) and " " not in printed][:1]
    return list(dict.fromkeys(found))


def _one_list(asked: str) -> str:
    """A recommendation's own list: "1) ... 2) ..." ends where the report's "1. Introduction" starts."""
    marks = list(_MARK_STYLE.finditer(asked))
    for m in marks[1:]:
        if m[1] != marks[0][1]:
            return asked[:m.start()].strip()
    return asked


def _end(text: str, start: int, most: int = 700) -> int:
    """Where the sentence that runs on from `start` ends; inside a list (after a lead-in "asked to:" or
    an entry "a)"), at the end of the list. A numbered paragraph after a plain sentence is not a list."""
    for m in _STOP.finditer(text, start, start + most):
        if text[m.start() - 1:m.start()].isalpha() and text[m.start() - 2:m.start() - 1] in (" ", "("):
            continue  # "a." is a list letter, not a full stop
        so_far = text[start:m.start()]
        if re.match(rf"(?:and,?\s+|or\s+)?{_LIST_MARK}", text[m.end():]) and (":" in so_far or re.search(rf"(?:^|\s){_LIST_MARK}", so_far)):
            continue
        return m.start() + 1
    return min(len(text), start + most)


def _joined(pieces: list[tuple[int, str]]) -> tuple[str, list[tuple[int, int]]]:
    """A paper's pieces as one flat text (the lines that overlapping chunks repeat, once), and
    (offset, page) where each piece starts."""
    text, pages = "", []
    for page, piece in pieces:
        lines = piece.split("\n")
        tail = text[-2000:]
        while lines and lines[0].strip() and " ".join(lines[0].split()) in tail:
            lines.pop(0)
        pages.append((len(text), page))
        text += " ".join(" ".join(lines).split()) + " "
    return text, pages


def _page_at(pages: list[tuple[int, int]], offset: int) -> int:
    return max((p for start, p in pages if start <= offset), default=pages[0][1] if pages else 1)


def _date(when: str, paper_date: str | None) -> str | None:
    """An ISO date from "29 January 2025", or from "30th January" in the year of the paper that says it."""
    dates = find_dates(when)
    if dates:
        return dates[0][1]
    m = _YEARLESS.search(when)
    if not m or not paper_date:
        return None
    year = int(paper_date[:4])
    try:
        day = date(year, MONTHS[m[2].lower()], int(m[1]))
    except ValueError:
        return None
    if day.isoformat() > paper_date:  # a paper recounts the past: "30th January" in a February paper
        day = day.replace(year=year - 1)
    return day.isoformat()
