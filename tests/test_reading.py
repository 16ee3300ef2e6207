"""Papers read as printed: real words on every page, and running headers kept out of the text.

Pure text and real files only (no model): the fast tier.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from minutebook.ingest.pdf import furniture
from minutebook.ingest.pdf.text_layer import choose, signal
from minutebook.ingest.pdf.pages import load_pages, make_pages

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "real"
needs_real = pytest.mark.skipif(not (REAL / "gold").is_dir(), reason="../shared/corpus/real is not beside this clone")

PRINTED = ("Recommendation: Staff recommends City Council: 1. Award a contract to the lowest responsive bidder "
           "for the resurfacing of Main Street and authorise the City Manager to sign it.")


# ---- which library's text a page is indexed with -------------------------------------------------------------

def test_a_page_whose_words_ran_together_is_indexed_with_the_text_that_has_them():
    run_together = "Recommendation:StaffrecommendsCityCouncil:1.Awardacontracttothelowestresponsivebidder\n" \
                   "fortheresurfacingofMainStreetandauthorisetheCityManagertosignit."
    assert signal(run_together).run_on > 0.5 and signal(PRINTED).run_on == 0
    chosen = choose(run_together, PRINTED)
    assert (chosen.text, chosen.extractor, chosen.reason) == (PRINTED, "pdfium", "")


def test_pypdf_text_that_reads_as_words_is_kept_as_it_was():
    assert choose(PRINTED, PRINTED.replace(" ", "  ")).extractor == "pypdf"
    # Web addresses and e-mail addresses are long by nature, not words run together.
    address = PRINTED + " https://baldwinpark.granicus.com/GeneratedAgendaViewer.php EnglishDevolutionEnquiries@communities.gov.uk"
    assert choose(address, "").extractor == "pypdf"


def test_glyph_codes_and_empty_scans_are_sent_to_ocr_but_a_blank_page_is_not():
    glyphs = "".join(chr(c) for c in (3, 17, 24, 5, 2, 30, 11, 19)) * 20  # a font that maps glyphs to no letters
    assert choose(glyphs, glyphs).reason == "unreadable text layer"
    assert choose(glyphs, PRINTED).extractor == "pdfium"  # one library read it: no OCR needed
    assert choose("", "", has_marks=True).reason == "no text layer"
    assert choose(" \n ", "", has_marks=False).reason == ""


@needs_real
def test_every_gold_phrase_of_the_real_papers_is_still_on_its_page():
    """gold/README.md: each evidence and decision phrase occurs on its page in pypdf's text."""
    wanted = []
    for name, field in (("questions.jsonl", "evidence"), ("decisions.jsonl", "phrase")):
        for line in (REAL / "gold" / name).read_text().splitlines():
            row = json.loads(line)
            if row.get("source"):
                wanted.append((row["source"], row["page"], row[field]))
    pages = {source: load_pages(REAL / source, source)[1] for source in {s for s, _, _ in wanted}}
    missing = [(s, p, phrase) for s, p, phrase in wanted
               if " ".join(phrase.split()) not in " ".join(pages[s][p - 1].text.split())]
    assert not missing and len(wanted) > 150


# ---- page furniture ------------------------------------------------------------------------------------------

@needs_real
def test_a_browser_printed_agenda_loses_its_print_header_and_page_footer_but_not_its_items():
    _, pages = load_pages(REAL / "us" / "baldwinpark_agenda_1.pdf", "baldwinpark_agenda_1.pdf")
    for page in pages:
        assert f"{page.number} of 4 11/15/22, 9:54 PM" in page.furniture
        assert f"{page.number} of 4 11/15/22" not in page.text
    # The print header is the paper's own heading on page 1 only; later pages are cut.
    assert all("granicus.com/GeneratedAgendaViewer" not in p.text for p in pages[1:])
    assert all(any("granicus.com/GeneratedAgendaViewer" in line for line in p.furniture) for p in pages)
    assert "Emmanuel J. Estrada" in pages[0].text


def pack(pages: int, heading_on: tuple[int, ...] = ()) -> list[str]:
    """A synthetic pack: a running title, a page number of the pack's own, and a paragraph a page."""
    texts = []
    for n in range(1, pages + 1):
        heading = "Highways and Transport Committee Budget Report\n" if n in heading_on else ""
        texts.append(f"Cabinet - 30 January 2025\n{heading}Paragraph {n} of the report says something "
                     f"different about item {n}.\nIt goes on for a second line.\nPage {n + 40}")
    return texts


def test_running_titles_and_page_numbers_are_cut_after_the_first_page_and_kept_as_furniture():
    split = furniture.split(pack(6))
    assert split[0][0].startswith("Cabinet - 30 January 2025")  # the paper's heading where it first prints
    for n, (text, cut) in enumerate(split, start=1):
        assert f"Page {n + 40}" in cut and f"Page {n + 40}" not in text
        assert "Cabinet - 30 January 2025" in cut
        assert f"Paragraph {n} of the report" in text
        if n > 1:
            assert "Cabinet - 30 January 2025" not in text


def test_a_heading_on_two_pages_of_a_long_pack_is_content_not_furniture():
    split = furniture.split(pack(40, heading_on=(7, 23)))
    assert "Highways and Transport Committee Budget Report" in split[22][0]


def test_a_numbered_heading_that_falls_in_step_with_the_pages_is_kept():
    # "(Item 8)" heads page 6, "(Item 9)" page 7...: in step by chance, but items 1-7 print mid-page too.
    texts = [f"(Item {n + 2})\nMinute text for item {n + 2}.\n(Item {n - 3})\nMore minutes." for n in range(4, 10)]
    assert all("(Item" in text.split("\n")[0] for text, _ in furniture.split(texts))


def test_a_restricted_notice_that_heads_every_page_still_marks_each_page():
    notice = "NOT FOR PUBLICATION by virtue of paragraph 3 of Part 1 of Schedule 12A"
    pages = make_pages([f"{notice}\nExempt report, page {n}: contract prices and bids." for n in range(1, 5)])
    assert all(p.restricted for p in pages)
    assert all(notice in p.furniture for p in pages)


# ---- papers read by worker processes ----------------------------------------------------------------------------

def test_papers_read_by_two_worker_processes_are_read_as_here_in_order_and_a_bad_one_is_only_its_own_skip(tmp_path):
    """An ingest reads papers in worker processes: each paper must come back as reading it here
    gives, in the batch's order, and a broken file must not stop the others."""
    from minutebook.ingest.workers import Readers, read_paper
    from minutebook.ingest.settings import Settings

    corpus = Path(__file__).resolve().parents[1] / "corpus"
    papers = sorted(corpus.glob("*.pdf"))[:3]
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n%%EOF\n")
    files = [papers[0], broken, *papers[1:]]
    jobs = {n: (path, path.name, f"id{n}") for n, path in enumerate(files)}
    settings = Settings()
    with Readers(jobs, settings, 2) as readers:
        got = [readers.get(n) for n in jobs]
    assert got[1].doc is None and "broken.pdf" not in got[1].skip and got[1].skip  # a one-line reason
    for n, path in enumerate(files):
        if n == 1:
            continue
        here = read_paper(path, path.name, settings, f"id{n}")
        assert got[n].doc.id == f"id{n}" and got[n].doc.pages == here.doc.pages
        assert [c.text for c in got[n].chunks] == [c.text for c in here.chunks] and got[n].headings == here.headings
