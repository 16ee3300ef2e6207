"""Structure-aware chunking: sections -> chunks sized for the embedding model.

A chunk never spans two sections (reports), two minute items, or two pages (so the page it
cites holds all of its text, and a restricted page never shares a chunk with a public one);
numbered paragraphs stay whole where they fit; an over-long paragraph is cut at sentence ends
with a small overlap. Every chunk's text starts on its `page`.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from itertools import groupby

from minutebook.ingest.papers.coreference import referents
from minutebook.ingest.dates import human_date
from minutebook.ingest.register.decisions import KEYWORDS
from minutebook.ingest.papers.numbering import STAMP, Sequence, heading
from minutebook.ingest.text import sentences as text_sentences
from minutebook.ingest.types import Chunk, Document, Section

_PARA_START = re.compile(
    r"^\s*(\d{1,3}(\.\d{1,2})*\.?\s|\(?[a-z]{1,2}\)\s|\(?[ivx]{1,5}\)\s|[ivx]{1,5}\.\s|[•●▪◦]\s?"
    rf"|(?:{KEYWORDS})\b)"
)


@dataclass
class Block:
    """A paragraph-like run of lines; `hard` blocks start a new minute item."""

    lines: list[tuple[int, str]] = field(default_factory=list)
    item: str | None = None
    restricted: bool = False
    hard: bool = False

    @property
    def words(self) -> int:
        return sum(len(line.split()) for _, line in self.lines)


def chunk_document(doc: Document, target_words: int = 220, max_words: int = 300, overlap_words: int = 30) -> list[Chunk]:
    """All chunks of a document, in reading order."""
    chunks: list[Chunk] = []
    for index, section in enumerate(doc.sections):
        first = len(chunks)
        blocks = section_blocks(doc, section)
        for lines, item, restricted in pack_blocks(blocks, target_words, max_words, overlap_words):
            position = len(chunks)
            page = lines[0][0]
            chunks.append(
                Chunk(
                    id=chunk_id(doc.id, page, position),
                    document_id=doc.id,
                    section=index,
                    position=position,
                    page=page,
                    text="\n".join(line for _, line in lines),
                    doc_type=section.kind,
                    title=section.title,
                    board=section.board,
                    meeting_date=section.meeting_date,
                    item=item or section.item,
                    restricted=restricted,
                    ocr=doc.page(page).ocr,
                )
            )
        ours = chunks[first:]
        for chunk, names in zip(ours, referents([c.text for c in ours])):
            chunk.refers = names
    return chunks


def context_line(board: str | None, meeting_date: str | None) -> str:
    """Which board's meeting a chunk belongs to, in words ("Cabinet, 17 December 2019"): indexed
    beside the text so questions naming a meeting find it, and copies filed by other boards or in
    other years do not tie with it. Empty when neither is known."""
    return ", ".join(x for x in (board or "", human_date(meeting_date)) if x)


def chunk_id(document_id: str, page: int, position: int) -> str:
    """Stable id from the document, page and position: re-ingesting gives the same ids."""
    return hashlib.sha1(f"{document_id}:{page}:{position}".encode()).hexdigest()[:16]


def section_blocks(doc: Document, section: Section) -> list[Block]:
    """The section's non-blank lines grouped into paragraph blocks."""
    blocks: list[Block] = []
    current = Block()
    item: str | None = None
    minutes = section.kind == "minutes"
    numbering = Sequence()
    prev_line = ""
    for number in range(section.first_page, section.last_page + 1):
        page = doc.page(number)
        if page.blank:
            continue
        for raw in page.text.splitlines():
            line = raw.strip()
            if not line or STAMP.match(line):
                continue
            new_item = _next_minute_item(line, prev_line, numbering) if minutes else None
            starts_para = bool(_PARA_START.match(line)) or _after_heading(prev_line, line)
            page_turn = bool(current.lines) and current.lines[-1][0] != number
            if new_item or starts_para or page_turn:
                if current.lines:
                    blocks.append(current)
                if new_item:
                    item = new_item
                current = Block(item=item, restricted=page.restricted, hard=bool(new_item))
            if not current.lines:
                current.restricted = page.restricted  # the section's first block takes its page's flag too
            current.lines.append((number, line))
            if new_item:
                _title_above(blocks, current)
            prev_line = line
    if current.lines:
        blocks.append(current)
    return blocks


def pack_blocks(blocks: list[Block], target: int, max_words: int, overlap: int):
    """Greedily join blocks into chunks; yields (lines, item, restricted)."""
    buf: list[tuple[int, str]] = []
    buf_item, buf_restricted, words = None, False, 0
    for block in blocks:
        boundary = block.hard or block.item != buf_item or (buf and block.lines[0][0] != buf[-1][0])
        # A short tail (a one-line decision) stays with what it closes rather than standing alone.
        small_tail = block.words < 40 and words + block.words <= max_words + 40
        if buf and (boundary or (not small_tail and (words + block.words > max_words or words >= target))):
            yield buf, buf_item, buf_restricted
            buf, words = [], 0
        buf_item, buf_restricted = block.item, block.restricted
        if block.words > max_words:
            for window in _sentence_windows(block.lines, target, overlap):
                yield window, buf_item, buf_restricted
            continue
        buf.extend(block.lines)
        words += block.words
    if buf:
        yield buf, buf_item, buf_restricted


def _sentence_windows(lines: list[tuple[int, str]], target: int, overlap: int):
    """Cut a long paragraph at sentence ends into windows of about `target` words."""
    sentences = _sentences(lines)
    start = 0
    while start < len(sentences):
        end, words = start, 0
        while end < len(sentences) and (words < target or end == start):
            words += len(sentences[end][1].split())
            end += 1
        yield sentences[start:end]
        if end >= len(sentences):
            break
        back, kept = end, 0
        while back - 1 > start and kept + len(sentences[back - 1][1].split()) <= overlap:
            back -= 1
            kept += len(sentences[back][1].split())
        start = back


def _sentences(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The sentences of a paragraph's lines (the toolkit's splitter, as quotes are cut), each tagged
    with the page it is on; text with no sentence ends (a table) is cut every 120 words."""
    out: list[tuple[int, str]] = []
    for page, on_page in groupby(lines, key=lambda line: line[0]):
        out += [(page, s) for s in text_sentences("\n".join(text for _, text in on_page), max_words=120)]
    return out


def _next_minute_item(line: str, prev_line: str, numbering: Sequence) -> str | None:
    """The item this line opens, if its number continues the sequence of items (ingest.numbering)."""
    head = heading(line)
    return head.item if head and numbering.accept(head, prev_line) else None


def _title_above(blocks: list[Block], current: Block) -> None:
    """An "(Item 5)" line numbers the title printed above it: move that title into the new item."""
    if not blocks or not current.lines:
        return
    head = heading(current.lines[0][1])
    if not (head and head.title_above):
        return
    title = blocks[-1].lines[-1]
    if len(blocks[-1].lines) == 1 and title[0] != current.lines[0][0]:
        blocks[-1].item, blocks[-1].hard = current.item, True  # the title ends the page before
    elif title[0] == current.lines[0][0] and not re.search(r"[.:;]$", title[1]):
        blocks[-1].lines.pop()
        current.lines.insert(0, title)
        if not blocks[-1].lines:
            blocks.pop()


def _after_heading(prev: str, line: str) -> bool:
    """A short line without closing punctuation, followed by a capitalised line, is a heading."""
    return bool(prev) and len(prev) < 60 and not re.search(r"[.,;:]$", prev) and line[:1].isupper() and len(prev.split()) <= 8
