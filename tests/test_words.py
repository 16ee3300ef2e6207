"""Words as a person reads them, whichever library's text layer a page comes from.

A text layer can put stray spaces inside words ("Contra ct", "financ ial", "Nan cy"), read a table
one cell per line, or keep a font's ligatures ("ﬁ"). Pages below are written as a US city clerk
and an English parish clerk print their minutes; the made PDFs are drawn with fpdf2. No model.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from minutebook.ingest.pdf.pages import load_pages, make_page
from minutebook.ingest.pdf.text_layer import choose, signal
from minutebook.ingest.pdf.words import join_split_words, split_share, vocabulary

REAL = Path(os.environ.get("MINUTEBOOK_REAL_CORPUS", Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "real"))
needs_real = pytest.mark.skipif(not (REAL / "more" / "SOURCES.md").is_file(),
                                reason="../shared/corpus/real/more is not beside this clone")

US = ("(*12-101) Recommendation to Accept the Work of Sun Light & Power to Provide Design-Build Services\n"
      "for a Photovoltaic Generation System. Accepted.\n"
      "(*12-102) Recommendation to Adopt Tow Specifications for an Emergency Vehicle Towing Services\n"
      "Contract for the Police Department. Accepted.\nCouncilmember Park moved approval of the contract.")
UK = ("05.19.10 Finance - The following accounts were approved for payment.\n"
      "It was resolved to adopt the financial statement as presented and the asset register as set out.\n"
      "Nancy Bowles Wood Advisory Group: the clerk will write to the group in the usual way.")
US_SPLIT = US.replace("Work", "Wo rk").replace("Photovoltaic", "Photovol taic").replace("Vehicle", "Vehicl e") \
    .replace("Contract for", "Contra ct for").replace("approval", "approv al")
UK_SPLIT = UK.replace("financial", "financ ial").replace("Nancy", "Nan cy").replace("presented", "present ed") \
    .replace("approved", "approv ed")


def paper(*split: str):
    """The words of a paper that prints these words whole on its other pages."""
    return vocabulary([US, UK, US, UK, *split])


def test_words_split_by_stray_spaces_are_found_against_the_words_the_paper_prints_whole():
    vocab = paper(US_SPLIT, UK_SPLIT)
    assert split_share(US_SPLIT, vocab) > 0.05 and split_share(UK_SPLIT, vocab) > 0.05
    # Two words that also make one ("as set" / "asset", "the usual way") are no split.
    assert split_share(US, vocab) == 0 and split_share(UK, vocab) == 0
    assert join_split_words(US_SPLIT, vocab) == US and join_split_words(UK_SPLIT, vocab) == UK


def test_a_page_whose_words_pypdf_split_is_indexed_with_the_library_that_kept_them_whole():
    vocab = paper(US_SPLIT, UK_SPLIT)
    for split, whole in ((US_SPLIT, US), (UK_SPLIT, UK)):
        assert not signal(split, vocab).readable and signal(whole, vocab).readable
        chosen = choose(split, whole, vocab=vocab)
        assert (chosen.text, chosen.extractor) == (whole, "pdfium")
    assert choose(US, US_SPLIT, vocab=vocab).extractor == "pypdf"  # pypdf's text that reads is kept


def test_only_a_reading_that_rejoins_split_or_run_together_words_is_marked_repaired():
    # Marked so that a citation of the page says its text layer was repaired (assistant/verbatim.py).
    vocab = paper(US_SPLIT, UK_SPLIT)
    assert choose(US_SPLIT, US, vocab=vocab).repaired and choose(UK_SPLIT, UK, vocab=vocab).repaired
    assert choose(UK_SPLIT, UK_SPLIT, vocab=vocab).extractor.endswith("+joined")
    assert choose(UK_SPLIT, UK_SPLIT, vocab=vocab).repaired  # both split: the stray spaces taken out
    run_together = US.replace(" ", "")
    assert choose(run_together, US, vocab=vocab).repaired
    # Words that were whole in the layer read: nothing repaired.
    assert not choose(US, US_SPLIT, vocab=vocab).repaired
    glyphs = "".join(chr(c) for c in (3, 17, 24, 5, 2, 30, 11, 19)) * 20
    assert choose(glyphs, UK, vocab=vocab).extractor == "pdfium" and not choose(glyphs, UK, vocab=vocab).repaired


def test_a_table_read_one_cell_per_line_is_read_by_its_rows_where_the_other_library_reads_them():
    rows = [("Payee", "Detail", "Total"), ("Countrywide", "maintenance", "140.00"), ("HMRC", "PAYE", "16.00"),
            ("Clerk", "salary", "82.00"), ("Grasscutting", "contractor", "396.00"), ("Hall", "hire", "25.00")]
    by_cell = "Accounts approved for payment\n" + "\n".join(cell for row in rows for cell in row)
    by_row = "Accounts approved for payment\n" + "\n".join(" ".join(row) for row in rows)
    assert signal(by_cell).one_per_line > 0.9 and signal(by_row).one_per_line == 0
    assert choose(by_cell, by_row).extractor == "pdfium"
    assert not choose(by_cell, by_row).repaired  # its words were whole: a citation has nothing to warn of
    assert choose(by_cell, by_cell).extractor == "pypdf"  # both read it cell by cell: nothing better to take


def test_ligatures_are_spelled_out_as_a_person_reads_them():
    page = make_page(1, "The ﬁnancial statements were ratiﬁed and the oﬀer was ﬂagged.\nRESOLVED that the Oﬃcer be thanked.")
    assert page.text == "The financial statements were ratified and the offer was flagged.\nRESOLVED that the Officer be thanked."


def _split_pdf(path: Path, lines: list[str], gap_mm: float = 1.0) -> None:
    """A PDF whose long words are drawn in two pieces a little apart: both libraries read a space there."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    y = 20
    for line in lines * 3:  # the paper prints its words whole as often as it splits them
        pdf.text(15, y, line)
        y += 7
    for cut in (2, 3, 4):  # each time split elsewhere, as a library's stray spaces fall
        x = 15
        for word in lines[0].split():
            pieces = [word] if len(word) < 7 else [word[:-cut], word[-cut:]]
            for k, piece in enumerate(pieces):
                pdf.text(x, y, piece)
                x += pdf.get_string_width(piece) + (gap_mm if k + 1 < len(pieces) else pdf.get_string_width(" "))
        y += 7
    pdf.output(str(path))


def test_a_made_pdf_whose_words_both_libraries_split_is_read_with_the_stray_spaces_taken_out(tmp_path):
    us = "Councilmember Park moved approval of the contract; the motion carried unanimously."
    uk = "RESOLVED that the Parish Council approves the financial statement presented."
    for n, line in enumerate((us, uk)):
        path = tmp_path / f"minutes{n}.pdf"
        _split_pdf(path, [line])
        text = load_pages(path, path.name)[1][0].text
        assert " ".join(text.split()).count(line) == 6, text[:400]


@needs_real
def test_real_minutes_whose_words_pypdf_splits_read_whole_and_every_gold_phrase_stays_on_its_page():
    source = "more/us-ca-alameda-city-council/2012-03-06.pdf"
    page = load_pages(REAL / source, source)[1][1].text
    assert "Accept the Work of Sun Light" in page and "Towing Services Contract" in page and "Contra ct" not in page
    wanted = []
    for name, field in (("decisions-more.jsonl", "phrase"), ("questions-more.jsonl", "evidence")):
        for line in (REAL / "gold" / name).read_text().splitlines():
            row = json.loads(line)
            if row.get("source") and row.get("text_source") == "pdf":
                wanted.append((row["source"], row["page"], row[field]))
    pages = {s: load_pages(REAL / s, s)[1] for s in {s for s, _, _ in wanted}}
    missing = [(s, p, phrase) for s, p, phrase in wanted if " ".join(phrase.split()) not in " ".join(pages[s][p - 1].text.split())]
    assert not missing and len(wanted) > 250
