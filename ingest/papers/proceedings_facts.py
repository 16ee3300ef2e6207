"""What minutes record of the meeting itself: who called it to order and when, who chaired, who was
present, absent or sent apologies, the clerk, the quorum, when it adjourned, and the next meeting.

Minutes print these in a few forms that every house style shares: a sentence ("The meeting was
called to order by Chair Beverly Johnson at 4:40 p.m.", "There being no further business, Mayor
Gilmore adjourned the meeting at 9:18 p.m.", "That the meeting be adjourned. Time: 8:58 p.m.",
"The next meeting will be held on Thursday 19th September in the Village Hall") or a label that
opens a line ("Present:", "ROLL CALL - Present:", "Absent:", "Apologies:", "Parish Clerk :",
"Date of next meeting:"). Each fact keeps its page and the span of the page that says it, as the
page prints it (spacing joined): a whole sentence or the label's lines, never past the next
numbered item, labelled line or heading, so an answer can quote it whole.

Pure functions: page texts in, facts out (meeting_facts.py reads the date and body; this reads
the proceedings).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.ingest.dates import find_dates, without_dates
from minutebook.ingest.papers.label_columns import label_values
from minutebook.ingest.text import opens_entry

KINDS = ("call_to_order", "chair", "present", "absent", "apologies", "arrival", "clerk", "quorum", "election",
         "adjournment", "next_meeting")
LABELS = {"call_to_order": "called to order", "chair": "chair", "present": "present", "absent": "absent",
          "apologies": "apologies", "arrival": "arrived or left", "clerk": "clerk", "quorum": "quorum",
          "election": "officers elected", "adjournment": "adjourned", "next_meeting": "next meeting"}
_TIME = r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\b\.?|hrs\b|noon\b)|\b\d{1,2}[:.]\d{2}\b"
_DAY = (r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
        r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b")
_PATTERNS = {
    "call_to_order": re.compile(r"\bcall(?:ed|s)?\s+(?:(?:the\s+)?(?:\w+\s+){0,2}meeting\s+)?to\s+order\b|\bconvened\b"
                                r"|\bmeeting\s+(?:was\s+)?(?:commenced|opened|started|began)\b|\bopened\s+the\s+meeting\b", re.I),
    "chair": re.compile(r"\((?:chair(?:man|woman|person)?|in the chair)\)|\bpresid(?:ed|ing)\b|^\s*chair(?:man)?\s*:"
                        r"|\bin the chair\b|\s(?:CHAIR|Chair(?:man)?)\s*$", re.I | re.M),
    "present": re.compile(r"^\s*(?:\d{1,2}\.\s*)?(?:roll call\W*)?(?:(?:members|councillors|trustees|commissioners)\s+)?"
                          r"present(?:\s+were)?\s*:|\broll call\s*[-–:]\s*present\s*:|\bpresent were\b", re.I | re.M),
    "absent": re.compile(r"^\s*(?:(?:members|councillors|trustees|commissioners)\s+)?absent\s*:|\babsent\s*:"
                         r"|\babsent (?:was|were)\b|\b(?:was|were) absent\b", re.I | re.M),
    "apologies": re.compile(r"\bapologies\b[^.:]{0,40}\b(?:received|from|given)\b|^\s*apologies(?:\s+for\s+absence)?\s*:", re.I | re.M),
    # "Chair Johnson arrived at 7:52 p.m.", "Cllr Hart joined the meeting at 7.45pm", "left the meeting at 9:02 p.m."
    "arrival": re.compile(r"\barrived\b|\b(?:joined|rejoined|entered|left|departed)\s+(?:the\s+)?(?:meeting|chamber)\b", re.I),
    "clerk": re.compile(r"^\s*(?:parish\s+|town\s+|city\s+)?clerk\s*:|\((?:parish\s+)?clerk\b|\s(?:CLERK|Clerk)\s*$", re.I | re.M),
    "quorum": re.compile(r"\bquorum\b|\bquorate\b", re.I),
    "adjournment": re.compile(r"\badjourned\b|\bmeeting\s+(?:was\s+)?(?:closed|ended|finished|concluded)\b"
                              r"|\bclosed\s+the\s+meeting\b|\bbe\s+adjourned\b", re.I),
    "next_meeting": re.compile(r"\bnext\s+(?:\w+\s+){0,3}meeting(?:s)?\b|\bdate\s+of\s+(?:the\s+)?next\b", re.I),
}
# A fact that must hold a clock time, or a date, to say anything.
_NEEDS = {"arrival": re.compile(_TIME, re.I), "adjournment": re.compile(_TIME, re.I), "next_meeting": re.compile(rf"{_DAY}|{_TIME}", re.I),
          "call_to_order": re.compile(rf"{_TIME}|\bby\b", re.I)}
# A line that starts something new: a numbered item, a list entry, a label ("ABSENT:"), a heading in capitals.
_LABEL = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]?(?:\s+|$)|[A-Z][A-Za-z /&-]{2,30}\s*:|[A-Z][A-Z /&-]{3,}$)")
# Sentence ends: a stop, not after a title or an initial, with a capital, digit or bracket next.
# A stop may close a bracket ("[Note: Vice Mayor Bonta arrived at 6:10 p.m.] The meeting ..."): the sentence ends after it.
_END = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bNo)(?<!\bSt)(?<!\b[A-Z])[.!?][\])”\"]?\s+(?=[A-Z0-9(\[“\"])")
MAX_WORDS = 60
# A line that ends on a time or a year ends its sentence, printed stop or not ("... at 7.30pm").
_TIMED = re.compile(rf"(?:{_TIME}|\b(?:19|20)\d\d)\s*$", re.I)
_LISTED = {"chair", "clerk"}  # kinds an attendance list marks on a person's row
# Officers elected, in the forms minutes print it: "Mr P Bartlett be duly elected Vice Chair", "were re-elected
# as officers for 2008", "X was elected chairman", "nominated Mr. Mik as Chair".
_OFFICE = r"(?:vice[- ]?|deputy\s+)?(?:chair(?:man|woman|person)?|president|mayor|officers?)\b"
_NO_STOP = r"(?:[^.;]|\b(?:Mr|Mrs|Ms|Dr|Cllr)\.)"  # within one sentence ("nominated Mr. Winters as Vice Chair")
_ELECTED = re.compile(rf"(?<!\bnot\s)(?<!\bnot been\s)\b(?:re-?)?elected\s+(?:as\s+)?(?:the\s+)?(?:\w+\s+){{0,2}}?{_OFFICE}"
                      rf"|\b{_OFFICE}{_NO_STOP}{{0,80}}?\b(?:was|were|be)\s+(?:duly\s+|unanimously\s+)?(?:re-?)?elected\b"
                      rf"|\bnominated\s+{_NO_STOP}{{0,40}}?\bas\s+(?:the\s+)?{_OFFICE}", re.I)
# An election's heading ("Board Elections", "Election of Officers:", "To elect a Chairman"), and a sentence
# under it that names an office ("Vice-Chair Rauk made a motion to keep Chair Owens as chair.").
_ELECTION_HEADING = re.compile(r"\b(?:re-?)?elect(?:ion|ions)?\b", re.I)
_OFFICE_NAMED = re.compile(_OFFICE, re.I)
_OFFICE_PARTS = re.compile(r"\b(vice[- ]?|deputy\s+)?(chair|president|mayor)", re.I)


@dataclass(frozen=True)
class ProceedingsFact:
    kind: str  # one of KINDS
    page: int  # 1-based, in the paper
    quote: str  # the span of the page that records it, spacing joined: verbatim on the page


def read_proceedings(pages: list[tuple[int, str]]) -> list[ProceedingsFact]:
    """The proceedings facts of one meeting's minutes, from its (page number, text) pages, in page order;
    each kind once per span (the first page that records it wins in `first_of`)."""
    return [fact for number, text in pages for fact in _page_facts(number, text)]


def _page_facts(number: int, text: str) -> list[ProceedingsFact]:
    flat, breaks, starts, paras = _flatten(text)
    columns = label_values(text)
    # Labels printed in a column of their own take the value in their place in the next column
    # (label_columns.py), never the label under them.
    facts = [ProceedingsFact(kind, number, value) for label, value in columns if value
             for kind in ("present", "absent", "apologies", "clerk") if _PATTERNS[kind].search(label)]
    stacked = {label for label, _ in columns}
    for kind, pattern in _PATTERNS.items():
        seen = {f.quote for f in facts if f.kind == kind}
        for m in pattern.finditer(flat):
            if _line(flat, starts, m.start()) in stacked:
                continue
            if kind in _LISTED and (m.group(0).lstrip().startswith("(") or m.end() in [s - 1 for s in starts] + [len(flat)]):
                # "Mr A Martin (Chairman)", "Cathy Fleet (CF) CLERK": a row of the attendance list, quoted alone.
                quote = _line(flat, starts, m.start())
                if not m.group(0).lstrip().startswith("(") and (len(quote.split()) > 6 or quote[:1].isdigit()
                                                                or _ELECTION_HEADING.search(quote)):
                    continue  # prose or an item's heading ("5-G Elect Chair and Vice Chair"), not a row of the list
            else:
                quote = _span(flat, breaks, m.start(), m.end())
            need = _NEEDS.get(kind)
            if need and not need.search(quote):
                # "That the meeting be adjourned. Time: 8:58 p.m.": the time is the next sentence.
                longer = _span(flat, breaks, m.start(), m.end(), sentences=2)
                quote = longer if len(longer.split()) <= 25 else quote
            if quote in seen or (need and not need.search(quote)):
                continue
            if kind == "next_meeting" and not (find_dates(quote) or re.search(_DAY, quote, re.I)):
                continue
            seen.add(quote)
            facts.append(ProceedingsFact(kind, number, quote))
    facts += [ProceedingsFact("election", number, quote) for quote in _elections(flat, breaks, starts, paras)]
    return facts


def _elections(flat: str, breaks: list[int], starts: list[int], paras: list[int]) -> list[str]:
    """Each paragraph that records officers elected: from the sentence that says so (or, under an
    election's heading, the first that names an office) to the paragraph's end."""
    at = [m.start() for m in _ELECTED.finditer(flat)]
    for line_start in starts:
        line = _line(flat, starts, line_start)
        if len(line.split()) <= 8 and not _END.search(line + " X") and _ELECTION_HEADING.search(line):
            # "Board Elections", "Election of Officers:", "To elect a Chairman": the record is under it.
            below = line_start + len(line) + 1
            block_end = min([b for b in breaks if b > below] + [len(flat)])
            first = next((m.start() for m in _OFFICE_NAMED.finditer(flat, below, block_end)), None)
            at += [] if first is None else [first]
    quotes: list[str] = []
    for start in sorted(at):
        quote = _paragraph(flat, breaks, paras, start)
        if quote and not any(quote in q or q in quote for q in quotes):
            quotes.append(quote)
    return quotes


def _ends(flat: str) -> list[tuple[int, int]]:
    """(where each sentence ends, where the next begins)."""
    return [(m.start() + len(m.group(0).rstrip()), m.end()) for m in _END.finditer(flat)]


def _paragraph(flat: str, breaks: list[int], paras: list[int], at: int) -> str:
    """From the start of the sentence at `at` to its paragraph's end (a blank line after a sentence's end,
    or a new line item), cut at a sentence's end within MAX_WORDS words."""
    ends = _ends(flat)
    begin = max([0] + [b for b in breaks if b <= at] + [after for _, after in ends if after <= at])
    stop = min([p - 1 for p in paras + breaks if p > at] + [len(flat)])
    text = flat[begin:stop]
    if len(text.split()) > MAX_WORDS:
        cut = [e - begin for e, _ in ends if begin < e <= stop and len(flat[begin:e].split()) <= MAX_WORDS]
        text = text[:max(cut)] if cut else " ".join(text.split()[:MAX_WORDS])
    return " ".join(text.split())


def _line(flat: str, starts: list[int], at: int) -> str:
    begin = max(s for s in starts if s <= at)
    end = min([s - 1 for s in starts if s > at] + [len(flat)])
    return " ".join(flat[begin:end].split())


def offices(text: str) -> set[str]:
    """The offices a text names, as "chair", "vice chair", "president", "vice president", "mayor", "vice mayor"
    ("Vice-Chairman" and "Deputy Chair" are a vice chair); what an election's question or its record names."""
    return {f"{'vice ' if m.group(1) else ''}{m.group(2).lower()}" for m in _OFFICE_PARTS.finditer(text)}


def states(kind: str, quote: str) -> bool:
    """Whether the quote says what it records ("Absent: Board member Tully."), or is a value printed
    apart from its label ("Board Member Irons" in a column beside "MEMBERS ABSENT:")."""
    pattern = _ELECTED if kind == "election" else _PATTERNS.get(kind)
    return bool(pattern and pattern.search(quote))


def first_of(facts: list[ProceedingsFact], kind: str) -> ProceedingsFact | None:
    return next((f for f in facts if f.kind == kind), None)


def _flatten(text: str) -> tuple[str, list[int], list[int], list[int]]:
    """The page's text with each line's spacing joined, the offsets where a new line starts something new
    (a label, numbered item or list entry, or any line after a heading: a short line with no stop), where
    each line starts, and where a paragraph starts (a line after a blank line that follows a sentence's end)."""
    flat, breaks, before, starts, paras, blank = "", [0], "", [], [], False
    for line in text.splitlines():
        line = " ".join(line.split())
        if not line:
            blank = bool(flat)
            continue
        start = len(flat) + (1 if flat else 0)
        starts.append(start)
        if (_LABEL.match(line) or opens_entry(line) or _date_alone(before)
                or (line[:1].isupper() and (_heading(before) or _TIMED.search(before)))):
            breaks.append(start)
        if blank and re.search(r"[.!?:]$", before):
            paras.append(start)
        flat, before, blank = (f"{flat}\n{line}" if flat else line), line, False
    return flat, breaks, starts, paras


def _date_alone(line: str) -> bool:
    """A date on a line of its own: a page's running date or a title block's, never part of the sentence
    under it ("July 20, 2016" over "5-I Next Meeting")."""
    return bool(find_dates(line)) and not re.search(r"[^\W\d_]", without_dates(line))


def _heading(line: str) -> bool:
    """A title line: capitals throughout, or a few words that end without a stop, comma or joining word."""
    letters = [c for c in line if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8:
        return True
    words = line.split()
    return 0 < len(words) <= 6 and not re.search(r"[.,;:–-]$|\b(and|or|of|the|to|by|at|in|for|with|from)$", line, re.I)


def _span(flat: str, breaks: list[int], start: int, end: int, sentences: int = 1) -> str:
    """The sentence or labelled lines around flat[start:end]: from the last sentence end or new line
    before it to the next after it, at most MAX_WORDS words."""
    ends = _ends(flat)
    # From the last new line or sentence before the match's end: "Apologies and Substitutes" is a
    # heading, the fact is the sentence under it that the match runs into.
    last = max(start, end - 1)
    begin = max([0] + [b for b in breaks if b <= last] + [after for _, after in ends if after <= start])
    stops = sorted([len(flat)] + [b - 1 for b in breaks if b > end] + [stop for stop, _ in ends if stop > end])
    stop = stops[min(sentences, len(stops)) - 1]
    if sentences > 1 and any(b - 1 == stops[0] for b in breaks):
        stop = stops[0]  # a new line item is no sentence of this one
    if flat[begin:stop].rstrip().endswith(":"):
        # "MEMBERS ABSENT:" on a line of its own: the names are the lines under it.
        stop = min([len(flat)] + [b - 1 for b in breaks if b > stop + 1] + [s for s, _ in ends if s > stop + 1])
    words = flat[begin:stop].split()
    quote = " ".join(words)
    if len(words) > MAX_WORDS:
        # Keep the words around the match: a long roll call is cut, never a sentence's middle out.
        quote = " ".join(words[:MAX_WORDS])
    return quote
