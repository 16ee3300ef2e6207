"""Read the decision block of one minute: its keyword, lettered parts and their kinds.

Pure text functions used by ingest.minutes; nothing here touches disk.
"""
from __future__ import annotations

import re

from minutebook.ingest.dates import find_dates
from minutebook.ingest.papers.house_style import DECISION_KEYWORDS, DECISION_KEYWORDS_COLON_ONLY, DECISION_KEYWORDS_TITLE
from minutebook.ingest.types import ResolutionPart

Line = tuple[int, str]  # (physical page number, stripped line text)

# Keywords must be printed in capitals ("It is recommended that..." in a report is only a proposal);
# the title-case spelling counts only when punctuated like a heading ("Resolved:", "Agreed -").
KEYWORDS = "|".join(pattern for _, pattern in DECISION_KEYWORDS)  # for other readers of decision lines
_KEYWORD = re.compile(
    rf"^(?:It\s+was\s+)?({KEYWORDS})\b(?:\s*\([^)]*\))?"
    r"(?:\s*[:\-–—.]\s*|\s+(?=[a-z(\"'‘“])|\s*$)(.*)$"
)
# "Resolved – That ...", "Decision: ..."; a dash after a colon-only word labels another body's decision.
_DASHED = "|".join(w for w in DECISION_KEYWORDS_TITLE if w not in DECISION_KEYWORDS_COLON_ONLY)
_KEYWORD_TITLE = re.compile(rf"^(?:({_DASHED})\s*(?:\([^)]*\))?\s*[:\-–—]|({'|'.join(DECISION_KEYWORDS_COLON_ONLY)})"
                            rf"\s*(?:\([^)]*\))?\s*:)\s*(.*)$")
_FORMS = {re.compile(rf"(?:{pattern})$"): form for form, pattern in DECISION_KEYWORDS}

_LEAD_IN = re.compile(rf"^[A-Z][^,;:]{{3,60}},\s+(?=(?:{KEYWORDS})\b)")
_PARA_LABEL = re.compile(r"^(?:\(\d{1,3}\)|\d{1,3}[.)])\s+(?=[A-Z])")

_LABEL_CORE = r"[a-zA-Z]|[ivxlIVXL]{1,6}|\d{1,2}"
_LABEL = re.compile(rf"^(?:\((?P<p>{_LABEL_CORE})\)|(?P<d>\d{{1,2}}|[a-z])(?P<close>[.)]))\s+(?P<rest>.*)$")
# A label may also start mid-line, but only straight after "that", ":" or ";" (so "(b) above" is no part).
_INLINE_LABEL = re.compile(rf"(?:(?<=\bthat)|(?<=[:;])|(?<=;\sand)|(?<=;\sor))\s+(?=\((?:{_LABEL_CORE})\)\s)")

_DEFERRED = re.compile(r"\b(?:defer(?:red)?|postpone[sd]?|adjourn(?:ed)?)\b", re.I)
_SCHEDULED = re.compile(
    # "be held", not "held on": "the minutes of the meeting held on ..." look back, not forward.
    r"\b(?:meetings?|dates?)\b[^.]*?\b(?:take place|be held|are scheduled|following dates)\b", re.I
)
_ASKED = re.compile(r"\b(?:be|is|are|were|was)\s+(?:requested|asked|instructed|directed|invited|tasked)\s+to\s+", re.I)
# Verbs that make "the Clerk write to ..." an action even without "to"; nouns like "update" are left out.
_VERBS = r"(?:write|bring|provide|submit|circulate|prepare|arrange|investigate|contact|liaise|produce|seek)"
_PAPERS = r"(?:report|update|paper|briefing|presentation|information|proposals?|plan|response|letter|details)"
_BROUGHT = re.compile(
    rf"\b((?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?{_PAPERS}\b[^.;]{{0,80}}?)\s+be\s+"
    r"(?:brought|submitted|presented|provided|circulated|prepared|produced|sent|shared|reported|made available)\b",
    re.I,
)
_SUBJECT_VERB = re.compile(
    r"^(?:[Tt]hat\s+)?([A-Za-z][^,;]{0,60}?)"
    rf"(?:\s+(?:to|will|should|shall)\s+(?!be\b)([a-z]+)|\s+({_VERBS}))\b\s*(.*)$",
    re.S,
)
# Lower-case words a doer's name may hold ("the ASB team", "officers"); any other means a clause, not a name.
_SUBJECT_WORDS = re.compile(
    r"(?:the|and|of|for|&|team|officers?|partners|members|staff|lead|manager|group|service|panel|board|chair|clerk)"
)
_NOTED = re.compile(r"\b(?:noted|notes?\s+the)\b", re.I)
_APPROVED = re.compile(
    r"\b(?:approved?|approves|endorsed?|endorses|adopted?|adopts|ratified|confirmed as a (?:correct|true) record)\b",
    re.I,
)
_RECOMMEND = re.compile(r"\brecommend", re.I)
_AGREED = re.compile(r"\bagree[sd]?\b", re.I)

_BY_MEETING = re.compile(
    r"(?i:\b(?:to|for|at|by|before|until)\s+((?:the|a|its|their)\s+(?:[\w/-]+\s+){0,3}?meeting))"
    r"(\s+of\s+(?:the\s+)?(?:[A-Z][\w-]*|board|committee|cabinet|panel|partnership|council)(?:\s+[A-Z][\w-]*)*)?"
)
_BY_DATE = re.compile(
    r"\b(?:by|before|no later than|within)\s+((?:the\s+end\s+of\s+)?(?:\w+\s+){0,3}?"
    r"(?:\d{4}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|weeks?|months?|days?))\b",
    re.I,
)


def dates_in(text: str) -> list[tuple[int, str]]:
    """find_dates, also for a numeric date that ends a sentence ("on 15.12.23.")."""
    # dates.find_dates will not read "15.12.23." (a trailing dot could be a longer number); a full stop
    # after digits and before a space or the end is a sentence end here, so drop it (same length).
    return find_dates(re.sub(r"(?<=\d)\.(?=\s|$)", " ", text))


def keyword(text: str) -> tuple[str, str] | None:
    """(FORM, rest of the line) when `text` opens a decision, e.g. "RESOLVED that ...", else None."""
    # A decision may be printed as a numbered paragraph of its minute: "3. RESOLVED that", "(26) RESOLVED".
    text = _PARA_LABEL.sub("", text, count=1)
    # ... or after the circumstance that led to it: "In the absence of the Chairman, RESOLVED that".
    text = _LEAD_IN.sub("", text, count=1)
    m = _KEYWORD.match(text)
    title = None if m else _KEYWORD_TITLE.match(text)
    if not (m or title):
        return None
    form = (m.group(1) if m else title.group(1) or title.group(2)).upper()
    return next(f for p, f in _FORMS.items() if p.match(form)), (m.group(2) if m else title.group(3)).strip()


def reflow(lines: list[str]) -> str:
    """Join printed lines into running text, mending words hyphenated across a line break."""
    out = ""
    for line in (s.strip() for s in lines):
        if not line:
            continue
        # "Madeley-" + "Harland": a break inside a hyphenated word; "Chair -" + "Blaby": a real gap.
        glue = "" if re.search(r"\w-$", out) or not out else " "
        out += glue + line
    return out


def parse_decision(lines: list[Line]) -> tuple[str, str, int, list[ResolutionPart]]:
    """(form, decision text, page, parts) from the keyword line to the end of a minute."""
    blocks: list[tuple[str, list[str]]] = []
    for _, text in lines:
        hit = keyword(text)
        if hit:
            blocks.append((hit[0], [hit[1]] if hit[1] else []))
        elif blocks:
            blocks[-1][1].append(text)
    texts, parts = [], []
    for i, (form, body) in enumerate(blocks):
        lead, labelled = split_parts(body)
        for label, text in labelled:
            parts.append(make_part(label, text, form))
        shown = [lead] if lead else []
        shown += [f"{label} {text}" if label else text for label, text in labelled]
        if i:  # a second keyword inside the same minute (NOTED ... RECOMMENDED ...) is printed too
            shown[:1] = [f"{form} {shown[0]}" if shown else form]
        texts.append("\n".join(shown))
    return blocks[0][0], "\n".join(t for t in texts if t), lines[0][0], parts


def _label_key(label: str) -> tuple[str, int, str]:
    """(style, ordinal, bracket shape) of a part label: ("alpha", 2, "()") for "(b)"."""
    core = label.strip("().").lower()
    shape = "()" if label.startswith("(") else (")" if label.endswith(")") else ".")
    if core.isdigit():
        return "num", int(core), shape
    if re.fullmatch(r"[ivx]|[ivxl]{2,}", core):  # a lone "(l)" is the letter after "(k)"
        return "roman", _roman(core), shape
    return "alpha", ord(core) - ord("a") + 1, shape


def _roman(s: str) -> int:
    """The value of a lower-case roman numeral up to "l"."""
    values = {"i": 1, "v": 5, "x": 10, "l": 50}
    total = 0
    for a, b in zip(s, s[1:] + " "):
        total += -values[a] if values.get(b, 0) > values[a] else values[a]
    return total


def _follows(prev: tuple[str, int, str], label: str) -> bool:
    """Whether `label` is the next part after `prev` in the same style ("(h)" -> "(i)" is a letter)."""
    style, n, shape = _label_key(label)
    if prev[0] == "alpha" and re.fullmatch(r"\(?[a-zA-Z][.)]?", label):
        style, n = "alpha", ord(label.strip("().").lower()) - ord("a") + 1
    return (style, shape) == (prev[0], prev[2]) and n == prev[1] + 1


def split_parts(body: list[str]) -> tuple[str, list[tuple[str | None, str]]]:
    """(lead-in, [(label, text)]) for a decision body; unlabelled text is one part with label None."""
    lines: list[str] = []
    if not any(s.strip() for s in body):
        return "", []
    for line in body:
        lines += [s for s in _INLINE_LABEL.split(line) if s.strip()]
    lead: list[str] = []
    parts: list[tuple[str, list[str]]] = []
    prev = None
    for line in lines:
        m = _LABEL.match(line)
        # Labels are kept as printed, less a trailing full stop: "(a)", "(i)", "1", "a)".
        label = m and (f"({m['p']})" if m["p"] else m["d"] + m["close"].replace(".", ""))
        # Only the next label of the first part's style starts a part; others are sub-points.
        if m and (prev is None and _label_key(label)[1] == 1 or prev and _follows(prev, label)):
            prev = _label_key(label)
            parts.append((label, [m["rest"]]))
        elif parts:
            parts[-1][1].append(line)
        else:
            lead.append(line)
    if not parts:
        return "", [(None, reflow(lead))]
    return reflow(lead), [(label, _tidy(reflow(text))) for label, text in parts]


def _tidy(text: str) -> str:
    """Drop the list glue ("; and") that ends all but the last part."""
    return re.sub(r"\s*[;,]\s*(?:and|or)?\s*$", "", text)


def make_part(label: str | None, text: str, form: str) -> ResolutionPart:
    """A ResolutionPart with its kind and, for actions, who/what/by when."""
    kind = classify(text, form)
    part = ResolutionPart(label=label, text=text, kind=kind)
    if kind == "action":
        part.who, part.what, part.by_when = action_details(text)
    return part


def classify(text: str, form: str = "RESOLVED") -> str:
    """One of PART_KINDS for a decision part printed under keyword `form`."""
    if form == "RECOMMENDED" or re.match(r"(?i)(?:that\s+)?it\s+be\s+recommended\b", text):
        return "recommended"
    if _DEFERRED.search(text):
        return "deferred"
    if form == "NOTED":
        return "noted"
    if _SCHEDULED.search(text) and dates_in(text):
        return "scheduled"
    if _is_action(text):
        return "action"
    for kind, pattern in (("noted", _NOTED), ("approved", _APPROVED), ("recommended", _RECOMMEND), ("agreed", _AGREED)):
        if pattern.search(text):
            return kind
    return "agreed" if form == "AGREED" else "other"


def _is_action(text: str) -> bool:
    if _ASKED.search(text) or _BROUGHT.search(text):
        return True
    if re.search(r"\b(?:to|will|should|shall)\s+(?:report\s+back|bring|provide|submit|circulate|write)\b", text, re.I):
        return True
    return _subject_verb(text) is not None


def _subject_verb(text: str) -> tuple[str, str] | None:
    """(who, what) for "Nadia Clarke to circulate ..." or "the Clerk write to ...", else None."""
    m = _SUBJECT_VERB.match(text)
    if not m or not all(w[:1].isupper() or _SUBJECT_WORDS.fullmatch(w) for w in m.group(1).split()):
        return None
    return m.group(1), f"{m.group(2) or m.group(3)} {m.group(4)}".strip()


def action_details(text: str) -> tuple[str | None, str | None, str | None]:
    """(who, what, by_when) of an action part, each None where the text does not say."""
    who = what = None
    asked = _ASKED.search(text)
    if asked:
        # "the report be noted and officers be asked to ...": who is the last clause's subject.
        clauses = re.split(r"\s+and\s+", re.sub(r"(?i)^that\s+", "", text[:asked.start()]))
        keep = [i for i, c in enumerate(clauses) if re.search(r"\bbe\b", c)]
        who, what = " and ".join(clauses[keep[-1] + 1 if keep else 0:]), text[asked.end():]
    elif _BROUGHT.search(text):
        what = _BROUGHT.search(text).group(1)
    elif _subject_verb(text):
        who, what = _subject_verb(text)
    return (who or "").strip() or None, what and what.strip(" .;"), by_when(text)


def by_when(text: str) -> str | None:
    """The deadline an action names: "the next meeting of the Board", "31.07.25", or None."""
    found = []
    m = _BY_MEETING.search(text)
    if m:
        found.append((m.start(), m.group(1) + (m.group(2) or "")))
    m = _BY_DATE.search(text)
    if m:
        found.append((m.start(), m.group(1)))
    return min(found)[1] if found else None
