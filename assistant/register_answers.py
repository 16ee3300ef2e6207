"""Answer "was the amendment carried?", "how many voted against?", "who moved it?" from the register.

The register holds each motion's outcome, recorded vote and movers as the minutes print them, so
these questions are answered from it (with the page quoted) rather than from whichever passage
search ranks first. Anything else, or a question the register has no entry for, goes to search.
"""
from __future__ import annotations

import re

from ingest import register
from ingest.numbering import cite
from ingest.store import Filters
from ingest.types import Answer, Citation

from .references import human_date

_ASKS = re.compile(
    r"(?i)\b(?:amendments?|motions?)\b.*\b(?:carried|lost|defeated|pass(?:ed)?|fail(?:ed)?|approved|adopted|agreed)\b"
    r"|\bhow\s+many\b.*\bvot\w*|\bvot(?:e|es|ed|ing)\s+(?:for|against)\b|\babstain\w*|\bwhat\s+was\s+the\s+vote\b"
    r"|\bwho\s+(?:moved|proposed|seconded)\b|\b(?:mover|seconder|proposer)\b|\bhow\s+did\s+.*\bvote\b"
    r"|\b(?:outcome|result)\s+of\s+the\s+(?:vote|amendment|motion)\b"
)
_WHO = re.compile(r"(?i)\bwho\s+(?:moved|proposed|seconded)\b|\b(?:mover|seconder|proposer)\b")
_HOW_MANY = re.compile(r"(?i)\bhow\s+many\b|\bvote\b|\bvoted\b|\babstain")
_AMENDMENT = re.compile(r"(?i)\bamendment\b")
_MOTION = re.compile(r"(?i)\bmotion\b")


def asks_register(question: str) -> bool:
    """Whether the question asks for a motion's fate, its vote or who moved it."""
    return bool(_ASKS.search(question))


def answer(store, searcher, question: str, filters: Filters | None = None) -> Answer | None:
    """The register's answer to `question`, citing the minutes page; None when it holds no such entry."""
    filters = filters or Filters()
    entries = register.find(store, topic=question, board=filters.board, since=filters.since, until=filters.until,
                            include_restricted=filters.include_restricted, searcher=searcher)
    entry = next((e for e in entries[:8] if _fits(e, question)), None)
    if entry is None:
        return None
    page, quote = _quote(store, entry, question)
    if quote is None:
        return None
    where = ", ".join(x for x in (cite(entry["item"]) if entry["item"] else "", entry["board"] or "",
                                  human_date(entry["meeting_date"])) if x)
    citation = Citation(n=1, source=entry["source"], title=entry["document_title"] or entry["title"], page=page,
                        meeting_date=entry["meeting_date"], quote=quote, reference=f"{where}, p. {page}")
    return Answer(text=f"{_sentence(entry, question)} [1]", abstained=False, citations=[citation])


def _fits(entry: dict, question: str) -> bool:
    """Whether an entry holds what the question asks: an amendment for "the amendment", a vote, a mover."""
    if _AMENDMENT.search(question) and entry.get("entry") != "amendment":
        return False
    if _WHO.search(question):
        return bool(entry.get("mover"))
    if _HOW_MANY.search(question):
        votes = entry.get("votes") or {}
        return any(votes.get(k) is not None for k in ("for", "against", "abstain"))
    return bool(entry.get("outcome"))


def _sentence(entry: dict, question: str) -> str:
    """The answer in words: what it was, its outcome, the vote and who moved it."""
    what = {"amendment": "The amendment", "motion": "The motion"}.get(entry.get("entry"), "The decision")
    title = entry["title"] or ""
    said = f"{what} ({title})" if title and entry.get("entry") != "decision" else what
    outcome = entry.get("outcome")
    verb = {"lost": "was lost", "carried": "was carried", "approved": "was approved", "agreed": "was agreed",
            "noted": "was noted", "deferred": "was deferred", "withdrawn": "was withdrawn",
            "recommended": "was recommended"}.get(outcome or "", "was recorded")
    text = f"{said} {verb}"
    votes = register.vote_line(entry.get("votes"))
    if votes:
        text += f": {votes}"
    text += f" ({entry['board'] or 'meeting'}, {human_date(entry['meeting_date'])})."
    if entry.get("mover"):
        text += f" It was moved by {entry['mover']}" + (f" and seconded by {entry['seconder']}." if entry.get("seconder")
                                                        else ".")
    return text


def _quote(store, entry: dict, question: str) -> tuple[int, str | None]:
    """(page, a line printed there) that shows the answer: the proposal for "who", else the outcome or vote."""
    document_id = store.document_for_source(entry["source"])
    page = entry["page"]
    if _WHO.search(question) and entry.get("mover"):
        mover = re.escape(entry["mover"].split()[-1])
        second = re.escape((entry.get("seconder") or "").split()[-1]) if entry.get("seconder") else None
        # "A proposed, and B seconded", "moved by A, seconded by B", or a "Moved by: A" line
        patterns = [rf"\b{mover}\b.*\b(?:proposed|moved)\b.*\b{second}\b" if second else None,
                    rf"\b(?:moved|proposed)\s+by\b.*\b{mover}\b", rf"\b{mover}\b.*\b(?:proposed|moved)\b"]
        for pattern in filter(None, patterns):
            for n in range(page, max(0, page - 4), -1):
                line = _line(store.page_text(document_id, n) or "", pattern)
                if line:
                    return n, line
    text = store.page_text(document_id, page) or ""
    for pattern in (re.escape(entry.get("outcome_text") or "\x00"), r"^\s*(?:For|Against)\s*\(\d+\)"):
        line = _line(text, pattern)
        if line:
            return page, line
    line = _line(text, re.escape((entry.get("text") or "")[:40])) if entry.get("text") else None
    return page, line


def _line(text: str, pattern: str) -> str | None:
    for line in text.splitlines():
        if re.search(pattern, line, re.I):
            return re.sub(r"\s+", " ", line).strip()
    return None
