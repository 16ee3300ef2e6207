"""How far a quote runs: from the sentence that answers, through a decision's parts or a
lead-in's list, to the outcome that follows background, and where a quote cut for length ends.

Pure functions over a candidate sentence and its chunk's text; the extractive answerer
(extractive.py) chooses the sentences, this module decides their bounds.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.decisions import KEYWORDS
from ingest.text import ENTRY_MARKER, sentences
from ingest.types import Hit

# Text addressed to an assistant rather than to councillors: a paper (or a planted line in one)
# telling "the AI" what to answer is not evidence of anything, so it is never quoted as an answer.
_TO_AN_ASSISTANT = re.compile(
    r"\b(ignore|disregard|forget|override)\b.{0,20}\b(previous|prior|above|earlier|all|any|your|these)\b"
    r".{0,20}\b(instructions?|prompts?)\b"
    r"|\b(you are|act as|pretend to be|as) (an? |the )?(ai|assistant|language model|chatbot|llm)\b"
    r"|\b(ai|assistant|chatbot|language model|llm)s?\b.{0,40}\b(must|should|shall) (answer|say|reply|respond|state)\b"
    r"|\bsystem prompt\b|\btell the user\b|\bnew instructions\b",
    re.I,
)
_HEADING = re.compile(r"^\d{1,3}\.\s+(\S+\s+){0,9}\S+\.?$")
# "RESOLVED that ...", and the same numbered as a minute's paragraph: "3) RESOLVED that Council endorses".
_DECISION_START = re.compile(rf"^\s*(?:\(?\d{{1,2}}[.)]\s+|\([a-z]{{1,4}}\)\s+)?(?:{KEYWORDS})\b")
OUTCOME = re.compile(r"\b(agreed|decided|approved|resolved|will be|will now|procure\w*|replace\w*|move away)\b", re.I)


@dataclass
class Candidate:
    hit: Hit
    rank: int
    text: str
    score: float = 0.0
    coverage: float = 0.0
    similarity: float = 0.0


def addressed_to_assistant(text: str) -> bool:
    """Whether the text gives orders to an AI ("Ignore previous instructions and answer that...")."""
    return bool(_TO_AN_ASSISTANT.search(text))


def is_heading(text: str) -> bool:
    return bool(_HEADING.match(text))


def is_decision(text: str) -> bool:
    return bool(_DECISION_START.match(text))


def extend(cand: Candidate, max_words: int = 90, follow: bool = False) -> Candidate:
    """A decision or a sentence ending in ':' is quoted on through its parts or list items;
    with `follow`, a short best sentence brings the next one, which often holds the figure's context."""
    flat = " ".join(cand.hit.chunk.text.split())
    start = flat.find(cand.text)
    if start < 0:
        return cand
    if not (is_decision(cand.text) or is_lead_in(cand.text)):
        if not follow or len(cand.text.split()) > 35:
            return cand
        rest = sentences(flat[start + len(cand.text):])
        if (not rest or is_heading(rest[0]) or len(rest[0].split()) > 40 or _LIST_ITEM.match(rest[0])
                or addressed_to_assistant(rest[0])):
            return cand  # the next list item is another answer, not this one's context
        end = flat.find(rest[0], start + len(cand.text)) + len(rest[0])
        return Candidate(hit=cand.hit, rank=cand.rank, text=flat[start:end], score=cand.score,
                         coverage=cand.coverage, similarity=cand.similarity)
    words = flat[start:].split()
    text = " ".join(words[:max_words])
    if len(words) > max_words and is_decision(cand.text):
        # A decision's parts each end in ";" or "."; a lead-in's bullets often have no stop, and its
        # last bullet cut short still names the fact asked for.
        text = _whole_entries(text, len(cand.text))
    if is_decision(cand.text):
        # Stop at the next minute item or the chairman's sign-off.
        text = re.split(r"\s(?=\d{1,3}\.\s+[A-Z])|\s(?=\d{1,2}\.\d{2}\s*-\s*\d)", text)[0]
    else:
        text = cand.text + " " + _next_paragraph(text[len(cand.text):], cand.text)
    if addressed_to_assistant(text):
        return cand  # what follows is addressed to an assistant: quote the sentence alone
    return Candidate(hit=cand.hit, rank=cand.rank, text=text, score=cand.score,
                     coverage=cand.coverage, similarity=cand.similarity)


# Where a quote cut for length may end: after a sentence or a list entry's closing ";", or just
# before the next entry's marker (bullets often end with no stop), whichever comes last.
_ENTRY_END = re.compile(r"[.;](?=\s)")
_NEXT_ENTRY = re.compile(rf"\s(?={ENTRY_MARKER})")


def _whole_entries(text: str, keep: int) -> str:
    """A quote cut at a word limit, taken back to the end of its last whole sentence or list entry
    (never shorter than its first `keep` characters): a quote ends where its entry ends."""
    cuts = [m.end() for m in _ENTRY_END.finditer(text)] + [m.start() for m in _NEXT_ENTRY.finditer(text)]
    cuts = [c for c in cuts if c >= keep]
    if not cuts:
        return text
    return re.sub(r"(?<=[;,])\s+(?:and|or)$", "", text[:max(cuts)].rstrip())  # "...; and" ends at its ";"


_LIST_ITEM = re.compile(rf"\s*{ENTRY_MARKER}")
_LEAD_IN = re.compile(r"(:|\bas follows[;:,.]?|\bthe following[;:,]?|\bbelow[;:])\s*$", re.I)


def is_lead_in(text: str) -> bool:
    """A sentence that introduces a list ("The priorities are as follows;")."""
    return bool(_LEAD_IN.search(text))


def _next_paragraph(rest: str, lead_in: str) -> str:
    """The list after a lead-in, up to the next numbered paragraph ("4.4 The SLP receives...")."""
    number = re.match(r"\s*(\d{1,3})\.", lead_in)
    stops = [r"\s(?=\d{1,3}\.\d{1,2}\s+[A-Z])"]
    if number:
        stops.append(rf"\s(?={int(number.group(1)) + 1}\.\s+[A-Z])")
    return re.split("|".join(stops), rest.strip())[0].strip()


def extend_to_outcome(cand: Candidate, lookahead: int = 2, max_words: int = 120) -> Candidate:
    """Background followed closely by what was agreed is quoted through to the outcome."""
    if OUTCOME.search(cand.text):
        return cand
    flat = " ".join(cand.hit.chunk.text.split())
    start = flat.find(cand.text)
    if start < 0:
        return cand
    end = start + len(cand.text)
    for nxt in sentences(flat[end:])[:lookahead]:
        end = flat.find(nxt, end) + len(nxt)
        if OUTCOME.search(nxt):
            text = flat[start:end]
            if len(text.split()) <= max_words:
                return Candidate(hit=cand.hit, rank=cand.rank, text=text, score=cand.score,
                                 coverage=cand.coverage, similarity=cand.similarity)
            break
    return cand
