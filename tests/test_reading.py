"""Papers read as printed: real words on every page.

Pure text and real files only (no model): the fast tier.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.extract import choose, signal
from ingest.load import load_pages

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

