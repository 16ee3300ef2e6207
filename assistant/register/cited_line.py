"""The line a register answer cites: the one the page prints that shows the answer. For "who moved it?"
the proposal (the motion itself, a "Prop: NO 2nd: KD" line, "A proposed and B seconded" above a
resolution); else the outcome as the clerk printed it, the vote that counts as the register does, or
the decision's own sentence. Read from the stored pages of the entry's paper.
"""
from __future__ import annotations

import re

from minutebook.assistant.question.intents import asks_mover
from minutebook.assistant.register import evidence
from minutebook.assistant.results import RegisterEntry

# "Substantive Motion Carried.", "Motion lost.": the clerk's own line saying how a vote went.
PRINTED_OUTCOME = re.compile(r"(?i)^\s*(?:[a-z]+\s+){0,3}(carried|lost|defeated)\.?\s*$")


def cited_line(store, entry: RegisterEntry, question: str) -> tuple[int, str | None]:
    """(page, a line printed there) that shows the answer: the proposal for "who", else the outcome or vote."""
    document_id = store.document_for_source(entry.source)
    page = entry.page
    if asks_mover(question) and entry.mover:
        mover = re.escape(entry.mover.split()[-1])
        second = re.escape((entry.seconder or "").split()[-1]) if entry.seconder else None
        # "A proposed, and B seconded", "moved by A, seconded by B", or a "Moved by: A" line
        # "A proposed, and B seconded", "moved by A, seconded by B", a "Moved by: A" line, or the two names side
        # by side ("R2024-101 S. Kirkey, D. Yemm:"), not a roll call that lists them among others.
        patterns = [rf"\b{mover}\b.*\b(?:proposed|moved)\b.*\b{second}\b" if second else None,
                    rf"\b(?:moved|proposed)\s+by\b.*\b{mover}\b", rf"\b{mover}\b.*\b(?:proposed|moved)\b",
                    rf"\b{mover}\W+(?:[\w.]+\W+){{0,2}}{second}\b" if second else None]
        opening = r"\s+".join(map(re.escape, (entry.text or "").split()[:5])) or "$^"
        own = store.page_text(document_id, page) or ""
        if re.search(patterns[0] or patterns[2], entry.text or "", re.I):
            # The entry is the motion itself ("Commissioner Perez moved and Chair Ramirez seconded to approve
            # the consent calendar"): its own sentence says who.
            printed = evidence.sentence_at(own, entry.text)
            if printed:
                return page, printed
        # "Prop: NO 2nd: KD" printed under the decision (a parish clerk's initials, matched as printed).
        at = re.search(opening, own)
        initials = rf"(?-i:\b(?:Prop\w*|Proposer|Moved(?:\s+by)?)\W+{mover}\b)"
        line = _line(own[at.start():at.start() + 600], initials) if at else None
        if line:
            return page, line
        for pattern in filter(None, patterns):
            for n in range(page, max(0, page - 4), -1):
                text = store.page_text(document_id, n) or ""
                if n == page:  # on its own page the proposal is printed above the decision
                    text = text[:re.search(opening, text).start()] if re.search(opening, text) else text
                line = _line(text, pattern, last=True)
                if line:
                    return n, line
    text = store.page_text(document_id, page) or ""
    line = evidence.outcome_printed(text, entry.text, entry.outcome_text)
    # A resolution's outcome is the line above it, where the clerk printed one ("Motion carried.").
    line = line or (evidence.carried_above(text, entry.text) if entry.entry == "decision" else None)
    line = line or _line(text, r"^\s*(?:For|Against)\s*\(\d+\)")
    if line:
        return page, line
    # The outcome printed after the debate, pages on ("The motion failed for a lack of second."); a
    # counted vote is found by its count below.
    later = None if has_count(entry) else evidence.printed_after([text] + [store.page_text(document_id, n) or "" for n in range(page + 1, page + 4)],
                                   entry.outcome_text)
    if later:
        return page + later[0], later[1]
    if has_count(entry):
        # "The motion failed with the following voice vote – Ayes: 3; Noes: 3; Absent: 1.": the sentence
        # that counts as the register does, on its page or the next.
        counts = {k: (entry.votes or {}).get(k) for k in ("for", "against")}
        found = evidence.vote_sentence([text, store.page_text(document_id, page + 1) or ""], entry.text, counts)
        if found:
            return page + found[0], found[1]
    opening = r"\s+".join(map(re.escape, (entry.text or "").split()[:5]))
    if opening and re.search(opening, text):
        # "Substantive Motion Carried." printed between the vote and "RESOLVED that: ..." is this decision's outcome.
        line = _line(text[:re.search(opening, text).start()], PRINTED_OUTCOME.pattern, last=True)
        if line:
            return page, line
    counted = (entry.votes or {}).get("for")
    if counted is not None:
        # A long decision starts pages after the vote that carried it ("For (41)" above "RESOLVED that: ...").
        for n in (page - 1, page + 1, page - 2, page + 2):
            line = _line(store.page_text(document_id, n) or "", rf"^\s*For\W*{counted}\b")
            if line:
                return n, line
    opening = (entry.text or "").split()[:5]  # the decision's own first words, as printed
    line = _line(text, r"\s+".join(map(re.escape, opening))) if opening else None
    # Else the decision's sentence, read over its line breaks.
    return page, line or evidence.sentence_at(text, entry.text)


def says_outcome(quote: str, outcome_text: str | None) -> bool:
    """The quote is the register's outcome sentence as printed ("The motion failed for a lack of second."):
    said beside the outcome where it is printed pages after the motion, which the answer quotes apart."""
    return bool(outcome_text) and " ".join(quote.split()) == " ".join(outcome_text.split())


def _line(text: str, pattern: str, last: bool = False) -> str | None:
    """The first (or last) line of `text` matching `pattern`, its spaces collapsed."""
    found = [line for line in text.splitlines() if re.search(pattern, line, re.I)]
    return re.sub(r"\s+", " ", found[-1 if last else 0]).strip() if found else None


def has_count(entry: RegisterEntry) -> bool:
    """The register holds a count of the entry's vote."""
    votes = entry.votes or {}
    return any(votes.get(k) is not None for k in ("for", "against", "abstain"))
