"""A clerk asks about minutes whose PDF draws words in pieces: the citation says the page's text
layer was repaired, and a citation of a page read as printed says nothing of the kind.

Two papers, written as a US city clerk and an English parish clerk print their minutes, are made
here with fpdf2: the first page draws every word whole, the second draws each long word in two
pieces a little apart, so that both PDF libraries read a stray space inside it ("specificati ons").
Ingest rejoins those words against the ones the paper prints whole (ingest/pdf/words.py).
"""
from __future__ import annotations

from pathlib import Path

import os

import pytest

from conftest import clear_app_caches, open_app
from minutebook.assistant.answering import Assistant
from minutebook.assistant.cli import main
from minutebook.assistant.verbatim import REPAIRED, keep_verbatim
from minutebook.ingest.pdf.pages import load_pages
from minutebook.ingest.storage.index_reader import IndexReader
from minutebook.ingest.pipeline import ingest
from minutebook.ingest.settings import Settings
from minutebook.ingest.storage.store import Store
from minutebook.ingest.types import Answer, Citation, Document, Section

REAL = Path(os.environ.get("MINUTEBOOK_REAL_CORPUS", Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "real"))
needs_real = pytest.mark.skipif(not (REAL / "more" / "SOURCES.md").is_file(),
                                reason="../shared/corpus/real/more is not beside this clone")

CITY = ([
    "MINUTES OF THE REGULAR MEETING OF THE CITY COUNCIL - TUESDAY, MARCH 6, 2012",
    "The meeting was convened at 7:02 p.m. Roll Call - Present: Councilmembers Chen, Daysog, Oddie, Vella and Mayor Ashcraft.",
    "(12-100) Recommendation to Accept the Work of Sun Light & Power on the Photovoltaic Generation System.",
    "Councilmember Oddie moved approval of the consent calendar with the amendment read by the Clerk.",
    "Councilmember Daysog seconded the motion, which carried by the following vote: Ayes 5. Noes 0.",
    "(12-101) Recommendation to Award a Contract for Emergency Vehicle Towing Services to Central Towing.",
    "Specifications for the towing services are the next item; the specifications were published with the agenda.",
], [
    "(12-102) Recommendation to Adopt Specifications for Emergency Vehicle Towing Services.",
    "Councilmember Chen moved approval of the Towing Services specifications with the amendment.",
    "Councilmember Vella seconded the motion, which carried by the following vote: Ayes 4. Noes 1.",
])
PARISH = ([
    "MINUTES OF THE MEETING OF THE PARISH COUNCIL HELD ON 14th MAY 2019",
    "Present: Cllr Hughes (Chairman), Cllr Bowles, Cllr Mason. The Clerk was in attendance.",
    "05.19.08 Minutes - It was resolved to approve the minutes of the previous meeting as presented.",
    "05.19.09 Finance - The following accounts were approved for payment and the financial statement received.",
    "05.19.10 Footpaths - The Clerk reported that the footpath at Church Lane was repaired in October.",
    "Allotments - every allotment is let; an increase in the rent is proposed under the next item.",
], [
    "05.19.11 Allotments - It was resolved to increase the allotment rent to 32 pounds per plot from October.",
    "05.19.12 Footpaths - The Clerk reported that the footpath stile at Mill Lane had been repaired.",
])
PAPERS = {"city-council-2012-03-06.pdf": (CITY, "2012-03-06"), "parish-council-2019-05-14.pdf": (PARISH, "2019-05-14")}
# What each paper's second page prints, and the words the made PDF draws there in pieces.
SPLIT_QUOTES = {"city-council-2012-03-06.pdf": "Councilmember Chen moved approval of the Towing Services specifications",
                "parish-council-2019-05-14.pdf": "It was resolved to increase the allotment rent to 32 pounds per plot"}
WHOLE_QUOTES = {"city-council-2012-03-06.pdf": "Councilmember Oddie moved approval of the consent calendar",
                "parish-council-2019-05-14.pdf": "It was resolved to approve the minutes of the previous meeting"}


def minutes_pdf(path: Path, whole: list[str], split: list[str], gap_mm: float = 1.0) -> Path:
    """Page 1 draws its words whole; page 2 draws each word of 7 letters or more as two pieces."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for lines, in_pieces in ((whole, False), (split, True)):
        pdf.add_page()
        for y, line in enumerate(lines):
            x = 15
            for word in line.split():
                pieces = [word[:-3], word[-3:]] if in_pieces and word.isalpha() and len(word) >= 7 else [word]
                for k, piece in enumerate(pieces):
                    pdf.text(x, 20 + 7 * y, piece)
                    x += pdf.get_string_width(piece) + (gap_mm if k + 1 < len(pieces) else pdf.get_string_width(" "))
    pdf.output(str(path))
    return path


def make_papers(folder: Path) -> Path:
    for name, ((whole, split), _) in PAPERS.items():
        minutes_pdf(folder / name, whole, split)
    return folder


def test_a_page_whose_words_were_drawn_in_pieces_is_read_whole_and_marked_repaired(tmp_path):
    make_papers(tmp_path)
    for name in PAPERS:
        pages = load_pages(tmp_path / name, name)[1]
        assert [p.repaired for p in pages] == [False, True]
        assert SPLIT_QUOTES[name] in " ".join(pages[1].text.split())  # the words as printed, rejoined


@needs_real
def test_real_pages_whose_words_pypdf_split_are_marked_repaired_and_the_rest_of_the_paper_is_not():
    # A US city's minutes whose every page pypdf splits ("Contra ct"), read from PDFium, and an English
    # county's appendix with one such page ("C reative Enterprise Quarter", "KCC ha s invested").
    city = "more/us-ca-alameda-city-council/2012-03-06.pdf"
    assert all(p.repaired for p in load_pages(REAL / city, city)[1] if not p.blank)
    county = "kent/full_council/2025-02-13/originals/Appendix N - Investment Strategy.pdf"
    pages = load_pages(REAL / county, county)[1]
    assert [p.number for p in pages if p.repaired] == [4]
    assert "Creative Enterprise Quarter" in pages[3].text and "KCC has invested" in " ".join(pages[3].text.split())


def stored(tmp_path: Path) -> Store:
    """The papers' pages in an index's database, as ingest stores them (no model needed)."""
    make_papers(tmp_path)
    store = Store(tmp_path / "minutebook.db")
    for name, (_, date) in PAPERS.items():
        title, pages = load_pages(tmp_path / name, name)
        store.add_document(Document(id=name, source=name, path=name, title=title, pages=pages,
                                    sections=[Section("minutes", title, 1, 2, meeting_date=date)]), [], [])
        store.link_file(name, name, name, 1)
    return store


def test_a_citation_of_a_repaired_page_says_so_and_one_of_a_page_read_as_printed_says_nothing(tmp_path):
    store = stored(tmp_path)
    for name, (_, date) in PAPERS.items():
        citations = [Citation(n, name, "Minutes", page, date, quote, f"Minutes, p. {page}")
                     for n, (page, quote) in enumerate(((2, SPLIT_QUOTES[name]), (1, WHOLE_QUOTES[name])), start=1)]
        answer = keep_verbatim(Answer(text="“a” [1]\n“b” [2]", abstained=False, citations=citations), store)
        repaired, whole = answer.citations
        assert (repaired.page, whole.page) == (2, 1)
        assert repaired.read == (REPAIRED,) and whole.read == ()


# ---- asked through the assistant and the CLI (loads the embedding model) ------------------------------------

@pytest.fixture(scope="module")
def repaired_index(tmp_path_factory, embedder):
    folder = make_papers(tmp_path_factory.mktemp("split-minutes"))
    settings = Settings(index=tmp_path_factory.mktemp("split-index") / "index")
    report = ingest([folder], settings, embedder)
    assert sorted(i.source for i in report.ingested) == sorted(PAPERS) and not report.skipped
    return settings


@pytest.mark.parametrize("question, source, fact, page", [
    ("Who moved approval of the towing services specifications on 6 March 2012?", "city-council-2012-03-06.pdf", "Chen", 2),
    ("What allotment rent did the parish council agree in May 2019?", "parish-council-2019-05-14.pdf", "32 pounds", 2),
    ("Who moved approval of the consent calendar on 6 March 2012?", "city-council-2012-03-06.pdf", "Oddie", 1),
])
def test_an_answer_from_a_repaired_page_says_so_in_its_citation(repaired_index, embedder, question, source, fact, page):
    assistant = Assistant(repaired_index, embedder)
    try:
        answer = assistant.ask(question)
    finally:
        assistant.close()
    assert not answer.abstained and fact in answer.text, answer.text
    cited = [c for c in answer.citations if (c.source, c.page) == (source, page) and fact in c.quote]
    assert cited, answer.citations
    assert all((REPAIRED in c.read) == (c.page == 2) for c in answer.citations)


def test_the_cli_prints_the_note_beside_the_page(repaired_index, capsys):
    question = "What allotment rent did the parish council agree in May 2019?"
    assert main(["ask", question, "--index", str(repaired_index.index)]) == 0
    assert f"parish-council-2019-05-14.pdf, page 2, {REPAIRED}" in capsys.readouterr().out


def test_the_index_keeps_which_pages_were_repaired(repaired_index):
    reader = IndexReader(repaired_index.index)
    try:
        rows = reader.store.db.execute("SELECT f.source, p.page, p.repaired FROM pages p"
                                       " JOIN files f ON f.document_id = p.document_id ORDER BY 1, 2").fetchall()
    finally:
        reader.close()
    assert rows == [(name, page, int(page == 2)) for name in sorted(PAPERS) for page in (1, 2)]


def test_the_app_says_it_beside_the_source(monkeypatch, repaired_index):
    at = open_app(monkeypatch, repaired_index.index)
    try:
        at.chat_input[0].set_value("What allotment rent did the parish council agree in May 2019?").run()
        assert not at.exception, at.exception
        shown = "\n".join(m.value.replace("\\", "") for m in at.markdown)
    finally:
        clear_app_caches()
    assert f"p. 2 ({REPAIRED})" in shown, shown
