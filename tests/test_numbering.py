"""A clerk's item numbers, in the forms councils print, read the same by every part of minutebook."""
from __future__ import annotations

from pathlib import Path

import pytest

from minutebook.assistant.references import reference
from minutebook.ingest.papers.chunking import chunk_document
from minutebook.ingest.pdf.pages import load_pages
from minutebook.ingest.register.minutes import parse_minutes
from minutebook.ingest.papers.numbering import Sequence, heading
from minutebook.ingest.papers.sections import split_sections
from minutebook.ingest.types import Document

FIXTURES = Path(__file__).parent / "fixtures" / "minutes"


@pytest.mark.parametrize("line, item, title", [
    ("1. Welcome and apologies", "1", "Welcome and apologies"),
    ("3) Budget", "3", "Budget"),
    ("(4) Budget", "4", "Budget"),
    ("12/25 Declarations of Interest", "12/25", "Declarations of Interest"),
    ("CSP/04/25 Anti-social behaviour hotspots", "CSP/04/25", "Anti-social behaviour hotspots"),
    ("Minute 40 Budget monitoring", "40", "Budget monitoring"),
    ("Minute CSP/04/25 TOWN CENTRE CCTV UPGRADE", "CSP/04/25", "TOWN CENTRE CCTV UPGRADE"),
    ("(Item 5)", "Item 5", ""),
    ("Item 7 Consent calendar", "Item 7", "Consent calendar"),
    ("5.A Approve the minutes", "5.A", "Approve the minutes"),
    ("A.1 Roll call", "A.1", "Roll call"),
    ("IV. New business", "IV", "New business"),
    ("Resolution No. 2024-123 Fire hall roof", "Resolution No. 2024-123", "Fire hall roof"),
    ("R2024-070 S. Kirkey, T. Butler:", "R2024-070", "S. Kirkey, T. Butler:"),
])
def test_every_numbering_form_councils_print_is_read(line, item, title):
    head = heading(line)
    assert head and (head.item, head.title) == (item, title)


def test_times_and_figures_are_not_items():
    assert heading("12.30 pm") is None
    assert heading("3086 pupils received sessions") is None


def test_a_list_inside_a_minute_is_not_read_as_the_next_minutes():
    seq = Sequence()
    assert seq.accept(heading("286. Apologies for Absence"))
    assert not seq.accept(heading("(1) The General Counsel advised"))
    assert not seq.accept(heading("1) Mr Baker proposed"))
    assert seq.accept(heading("287. Declarations of Interest"), "None.")


def test_sub_items_continue_their_item():
    seq = Sequence()
    for line in ("4. Consent calendar", "4.A Approve minutes", "4.B Warrants", "5. Public hearing"):
        assert seq.accept(heading(line)), line
    assert not seq.accept(heading("9. Later"), "text")


def _doc(path: Path) -> Document:
    title, pages = load_pages(path, path.name)
    doc = Document(id=path.stem, source=path.name, path=str(path), title=title, pages=pages)
    doc.sections = split_sections(pages, title)
    return doc


@pytest.mark.parametrize("name", ["northbrook_housing.pdf", "southvale_csp.pdf", "panel_item_notes.txt"])
def test_chunks_never_cross_an_item_and_carry_the_register_item(name):
    doc = _doc(FIXTURES / name)
    chunks = [c for c in chunk_document(doc) if c.doc_type == "minutes"]
    register = {r.item for s in doc.sections if s.kind == "minutes"
                for r in parse_minutes(doc.pages[s.first_page - 1:s.last_page], s.board)[1]}
    chunk_items = {c.item for c in chunks if c.item}
    assert register and register <= chunk_items
    for c in chunks:
        if c.item:  # the chunk's text holds no heading of another item
            others = [h for h in map(heading, c.text.splitlines()[1:]) if h and h.item in chunk_items - {c.item}]
            assert not others, (c.item, c.text)


def test_item_notes_under_a_title_name_the_item_and_its_title():
    doc = _doc(FIXTURES / "panel_item_notes.txt")
    _, resolutions = parse_minutes(doc.pages, None)
    assert [(r.item, r.title) for r in resolutions] == [
        ("Item 3", "Minutes of the meeting held on 29 October 2024"), ("Item 4", "Participation Team Update")]
    chunk = next(c for c in chunk_document(doc) if c.item == "Item 4")
    assert chunk.text.startswith("Participation Team Update")
    assert reference(chunk).startswith("Item 4, ")
