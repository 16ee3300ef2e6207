"""A paper's document type from its title lines and its file name (ingest/papers/meeting_facts.py).

Strong title lines first ("MINUTES of a meeting ...", "REGULAR MEETING MINUTES", "AGENDA",
"NOTICE OF MEETING", "PROPOSED RECORD OF DECISION", "Question 1", "Budget Amendment Form",
"Appendix B"), then the words of the file name ("Agenda frontsheet ...", "... - Appendix C",
"Printed minutes ..."), then a report's opening ("From:", "To:", "Purpose of report"). A file named
as an appendix stays one whatever its own heading says. Pure: lines and a path in, a type out.
"""
from __future__ import annotations

import re
from pathlib import PurePosixPath
from urllib.parse import unquote

from minutebook.ingest.papers import house_style as hs

DOC_TYPES = ("agenda", "minutes", "report", "appendix", "amendment", "questions", "decision", "presentation",
             "other")
# Lines that refer to earlier minutes (an agenda item, an approval): never the paper's own title.
PAST_MINUTES = re.compile(r"\b(approv\w*|confirm\w*|adopt\w*)\s+(of\s+)?(the\s+)?minutes\b|\bminutes\s+(of|from)\s+"
                           r"(the\s+)?(previous|last)\b|^\s*\d{1,2}[.)]\s|\(pages?\s+\d", re.I)
SMALL_WORDS = {"and", "of", "the", "for", "&", "on", "in", "to"}
# A paper's own minutes title, which PAST_MINUTES would take for an agenda line: "APPROVED MINUTES",
# "MEETING MINUTES OF", "MINUTES FOR REGULAR MEETING", "Notes from First Open Meeting".
OWN_MINUTES = re.compile(r"^(?:(?:approved|adopted|draft|unapproved|action|summary)\s+)?(?:(?:regular|special|meeting)\s+)*"
                         r"minutes(?:\s+(?:of|for)\b.*)?$|^notes\s+(?:from|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}meeting\b")


def document_type(head: list[str], source: str = "", meta_title: str | None = None) -> str:
    """One of DOC_TYPES: strong title lines first, then the file name, then a report's opening."""
    name = _name_words(source)
    for line in head[:25]:
        kind = _title_line_type(line)
        if kind:
            return _prefer_name(kind, name)
    if name:
        return name
    opening = "\n".join(head[:25]).lower()
    if sum(bool(re.search(cue, opening)) for cue in hs.AGENDA_ITEM_WORDS) >= 2:
        return "agenda"
    if any(re.search(r"(?m)^\s*" + re.escape(cue), opening) for cue in hs.REPORT_OPENINGS):
        return "report"
    meta = (meta_title or "").lower()
    if any(w in meta for w in hs.PRESENTATION_TITLES):
        return "presentation"
    # Whatever else a council files for a meeting with prose in it is a report of some kind.
    return "report" if len(opening.split()) >= 40 else "other"


def _prefer_name(kind: str, name: str | None) -> str:
    """A file named 'Appendix 4 - Record of Decision' is an appendix, whatever its own heading says."""
    return "appendix" if name == "appendix" and kind not in ("minutes", "amendment") else kind


def _title_line_type(line: str) -> str | None:
    low = re.sub(r"\s+", " ", line.lower()).strip(" .:-–—")
    if OWN_MINUTES.match(low) and (_heading_like(line) or low.startswith("notes")):
        return "minutes"
    if PAST_MINUTES.search(line) or len(low) > 90:
        return None
    if re.match(r"minutes\s+of\s+(a|an|the)\b", low):
        return "minutes"
    if re.match(r"agenda\s*[-–—:]\s", low):  # "Agenda - Tuesday, 8 July 2025 at 6.30 pm"
        return "agenda"
    if not _heading_like(line):  # "... which now requires amendment." is prose, not a title
        return None
    if re.fullmatch(r"(?:[\w&'-]+ ){0,5}(minutes|meeting notes?)( of .*)?", low) and "approv" not in low:
        return "minutes"
    if re.match(r"(a |an |the )?record of (the )?decisions\b", low):  # plural: a meeting's decisions
        return "minutes"
    if re.match(r"(a |an |the )?(proposed )?record of (the )?decision\b", low) or re.search(r"[-–—] (proposed )?record of decision\b", low):
        return "decision"
    if re.match(r"questions? (put|and answers|\d+$|by\b)", low) or low.startswith(hs.QUESTIONS_TITLES):
        return "questions"
    if re.fullmatch(r"(?:[\w&'-]+ ){0,3}amendments?( form)?", low) or re.match(r"amendment (to|moved|proposed)\b", low):
        return "amendment"
    if re.fullmatch(r"(?:[\w&'-]+ ){0,5}agenda( for .*)?", low) or low.startswith(("agenda for", "notice of meeting",
                                                                                    "notice and agenda", "summons to",
                                                                                    "call to order")):
        return "agenda"
    if re.match(r"(appendix|annex|annexe)\s+[a-z0-9]{1,3}\b", low):
        return "appendix"
    return None


def _heading_like(line: str) -> bool:
    words = line.split()
    if line.rstrip().endswith((".", ",", ";")) and not line.isupper():
        return False
    return line.isupper() or all(w[:1].isupper() or not w[:1].isalpha() or w.lower() in SMALL_WORDS for w in words)


def _name_words(source: str) -> str | None:
    """The document type a file name gives, if any ('Agenda frontsheet ...', '... - Appendix B')."""
    stem = unquote(PurePosixPath(source).stem).lower() if source else ""
    if not stem:
        return None
    words = re.sub(r"[_\-–.]+", " ", stem)
    checks = [("appendix", hs.APPENDIX_TITLES), ("questions", hs.QUESTIONS_TITLES), ("decision", hs.DECISION_TITLES),
              ("amendment", hs.AMENDMENT_TITLES), ("minutes", hs.MINUTES_TITLES), ("agenda", hs.AGENDA_TITLES),
              ("presentation", hs.PRESENTATION_TITLES)]
    for kind, cues in checks + [("report", ("report",))]:
        for cue in cues:
            if re.search(r"(?<![a-z])" + re.escape(cue) + r"(?![a-z])", words):
                return kind
    return None
