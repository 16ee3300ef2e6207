"""How far a quote runs: from the sentence that answers, through a decision's parts or a
lead-in's list, to the outcome that follows background, and where a quote cut for length ends.

Pure functions over a candidate sentence and its chunk's text; the extractive answerer
(extractive.py) chooses the sentences, this module decides their bounds.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.ingest.register.decisions import KEYWORDS
from minutebook.ingest.papers.house_style import NUMBERING_LIST_LIKE
from minutebook.ingest.papers.numbering import heading, roman
from minutebook.ingest.text import ENTRY_MARKER, opens_entry, sentences
from minutebook.ingest.types import Hit

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
    with `follow`, a short best sentence brings the next one, which often holds the figure's context.
    Whatever it brings, the quote ends where its numbered item ends (within_item)."""
    return within_item(_reach(cand, max_words, follow))


def _reach(cand: Candidate, max_words: int, follow: bool) -> Candidate:
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
                return within_item(Candidate(hit=cand.hit, rank=cand.rank, text=text, score=cand.score,
                                             coverage=cand.coverage, similarity=cand.similarity))
            break
    return cand


# A motion put in prose ("He said he would make a motion to ...", "Cllr Reed proposed that ...") and the
# sentence after it that seconds it ("Board Member Cavanaugh seconded the motion.", "This was seconded by
# Cllr Kemp."): who seconded is printed apart from the motion it seconds.
_PROPOSES = re.compile(r"(?i)\b(?:made|make|makes|making)\s+a\s+motion\b|\bmoved\b|\bproposed\b")
_SECONDS = re.compile(r"(?i)\bseconded\b")


def with_seconder(cand: Candidate, max_words: int = 25) -> Candidate:
    """A quote proposing a motion run on through the next sentence when that one seconds it (and is
    short: a seconding, not the next item's debate); the quote as it was otherwise."""
    if not _PROPOSES.search(cand.text) or _SECONDS.search(cand.text):
        return cand
    flat = " ".join(cand.hit.chunk.text.split())
    start = flat.find(cand.text)
    if start < 0:
        return cand
    rest = sentences(flat[start + len(cand.text):])
    if not rest or not _SECONDS.search(rest[0]) or len(rest[0].split()) > max_words:
        return cand
    end = flat.find(rest[0], start + len(cand.text)) + len(rest[0])
    return within_item(Candidate(hit=cand.hit, rank=cand.rank, text=flat[start:end], score=cand.score,
                                 coverage=cand.coverage, similarity=cand.similarity))


# ---- numbered items ---------------------------------------------------------------------------
# A line that opens a numbered item ("3. To note feedback ...", "III. APPROVAL OF THE MINUTES",
# "Minute 12/25 Apologies") begins another paragraph or agenda item: a quote never runs across one.
# The sentence splitter joins such a line to the heading above it ("Reasons for Recommendation 3."),
# so quotes are cut by the printed lines, which the chunk keeps.


def opens_item(line: str) -> bool:
    """Whether a printed line opens a numbered item with a title: the item reader's shapes
    (ingest.numbering), not a list entry's "2)" or "(a)", and a title that starts with a capital."""
    if opens_entry(line):
        return False
    head = heading(line)
    return bool(head and re.match(r"[A-Z]", head.title))


def unnumbered(text: str) -> str:
    """A sentence without the paragraph number it opens with: "25. The Needs Assessment ..." shares
    no word with a question about 2024/25. A number that cites the item ("R2024-101", "Minute
    12/25") stays: questions name decisions by it."""
    head = heading(text) if opens_item(text) else None
    return head.title if head and head.form in NUMBERING_LIST_LIKE else text


def _lines(text: str):
    """Each non-blank line of the chunk with where it begins in the chunk's joined text."""
    at = 0
    for line in text.splitlines():
        joined = " ".join(line.split())
        if joined:
            yield at, joined
            at += len(joined) + 1


def item_starts(text: str) -> list[int]:
    """Where, in the chunk's text with its spacing joined (as quotes are), each line that opens a
    numbered item begins; the first line is left out (nothing runs into it)."""
    return [at for at, line in _lines(text) if at and opens_item(line)]


def item_sentences(text: str) -> list[str]:
    """The chunk's sentences, none running across a line that opens a numbered item: "Background"
    above "2. On 8th December ..." is a heading of its own, and "2." stays with its sentence."""
    flat = " ".join(text.split())
    cuts = [0, *item_starts(text), len(flat)]
    out = []
    for a, b in zip(cuts, cuts[1:]):
        parts = sentences(flat[a:b])
        # A title of under three words belongs with what follows, as in the splitter: the item's
        # number is no word of it ("6. Modern Slavery. (Pages 13 - 30) Chris Perry will present").
        if a and len(parts) > 1 and len(parts[0].split()) <= 3:
            parts[:2] = [f"{parts[0]} {parts[1]}"]
        out += parts
    return out


_HEADING_TAIL = re.compile(r"(?<=[.;:!?])\s+([^.;:!?]{1,80})$")


def within_item(cand: Candidate) -> Candidate:
    """The quote cut where its numbered item ends, without the heading printed above the next item
    ("... on 19 February 2020. Reasons for Recommendation" ends at "2020.")."""
    flat = " ".join(cand.hit.chunk.text.split())
    at = flat.find(cand.text)
    if at < 0:
        return cand
    end = at + len(cand.text)
    inside = [s for s in item_starts(cand.hit.chunk.text) if at < s < end]
    stray = _stray_entry(cand.hit.chunk.text, at, end)
    if not inside and stray is None:
        return cand
    text = flat[at:min(inside + [stray or end])].rstrip()
    tail = _HEADING_TAIL.search(text)
    # A heading is printed on a line of its own: "III. APPROVAL OF THE MINUTES" is no sentence and its heading.
    if (tail and len(tail.group(1).split()) <= 8 and not opens_entry(tail.group(1))
            and at + tail.start(1) in {start for start, _ in _lines(cand.hit.chunk.text)}):
        text = text[:tail.start()]
    return Candidate(hit=cand.hit, rank=cand.rank, text=text, score=cand.score,
                     coverage=cand.coverage, similarity=cand.similarity)


# ---- list entries -------------------------------------------------------------------------------
# A list in a quote runs (1), (2), (3) or (i), (ii), (iii), with bullets or a nested list's first entry
# inside it. An entry that neither starts a list nor follows one the quote holds ("(b) Anti-Social
# Behaviour" after "(iii)", where "(a)" was printed above the quote) is the next entry of a list the
# quote began inside: the quote ends before it.
_MARKER = re.compile(r"(?<!\S)\(?([0-9]{1,2}|[a-z]|[ivx]{1,4})\)(?=\s)")


def _readings(marker: str) -> list[tuple[str, int]]:
    """The places in a sequence an entry's marker can hold: "(ii)" is roman 2, "(i)" roman 1 or letter 9."""
    if marker.isdigit():
        return [("number", int(marker))]
    out = [("roman", roman(marker))] if roman(marker) else []
    if len(marker) == 1:
        out.append(("letter", ord(marker) - ord("a") + 1))
    return out


def _stray_entry(text: str, at: int, end: int) -> int | None:
    """Where, between `at` and `end`, the first line opening a list entry out of sequence begins.
    Markers inside a line ("AGREED: (1) That ...") count towards the sequence but are never cut at."""
    flat = " ".join(text.split())
    line_starts = {start for start, line in _lines(text) if at < start < end and opens_entry(line)}
    seen: dict[str, int] = {}
    for m in _MARKER.finditer(flat, at, end):
        readings = _readings(m.group(1))
        fits = [(kind, n) for kind, n in readings if n == 1 or seen.get(kind) == n - 1]
        if m.start() in line_starts and not fits:
            return m.start()
        seen.update(fits or readings)
    return None
