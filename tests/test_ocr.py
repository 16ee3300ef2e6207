"""A clerk ingests a scanned paper: its pages are read by OCR, and answers cite them as such.

The scan is made here from three pages of a sample paper (drawn by PDFium, rebuilt as a PDF of
images with no text layer), so the test needs Tesseract and nothing else.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from minutebook.assistant.answering import Assistant
from minutebook.assistant.cli import main
from conftest import CORPUS
from minutebook.ingest.storage.index_reader import IndexReader
from minutebook.ingest.pipeline import ingest
from minutebook.ingest.settings import Settings

STRATEGY = "Community Safety Strategy 2019-2021 - Cabinet 17-Dec-2019.pdf"
SCAN = "Community Safety Strategy 2019-2021 - scanned.pdf"

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None,
                                     reason="Tesseract is not installed (apt-get install tesseract-ocr)")


def scan_of(paper: Path, pages: int, out: Path, dpi: int = 150) -> Path:
    """An image-only PDF of the paper's first pages, as a photocopier's scan would be."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(paper))
    images = [pdf[i].render(scale=dpi / 72, grayscale=True).to_pil() for i in range(pages)]
    pdf.close()
    images[0].save(out, save_all=True, append_images=images[1:], resolution=dpi)
    return out


@pytest.fixture(scope="module")
def scanned_index(tmp_path_factory, embedder):
    folder = tmp_path_factory.mktemp("scans")
    scan_of(CORPUS / STRATEGY, 3, folder / SCAN)
    settings = Settings(index=tmp_path_factory.mktemp("scan-index") / "index")
    steps = []
    report = ingest([folder], settings, embedder, progress=lambda message, done, total: steps.append(message))
    return settings, report, steps


@needs_tesseract
def test_a_scanned_paper_is_read_by_ocr_page_by_page(scanned_index):
    settings, report, steps = scanned_index
    assert [i.source for i in report.ingested] == [SCAN] and not report.skipped
    assert [s for s in steps if "by OCR" in s] == [f"reading {SCAN} by OCR (page {n} of 3)" for n in (1, 2, 3)]
    reader = IndexReader(settings.index)
    try:
        rows = reader.store.db.execute("SELECT page, ocr, text FROM pages ORDER BY page").fetchall()
    finally:
        reader.close()
    assert [(page, ocr) for page, ocr, _ in rows] == [(1, 1), (2, 1), (3, 1)]
    assert "submitted to the Council for approval on 19 February 2020" in " ".join(rows[0][2].split())


@needs_tesseract
@pytest.mark.parametrize("question, page, fact", [
    # evals/questions.jsonl q70 and q72, asked of the scan
    ("When is the Community Safety Strategy 2019-2021 due to go to full Council for approval?", 1, "19 February 2020"),
    ("How long did consultation on the draft Community Safety Strategy run, and between which dates?", 3, "8 weeks"),
])
def test_questions_on_a_scan_are_answered_from_the_right_page_marked_as_ocr(scanned_index, embedder, page, question, fact):
    settings, _, _ = scanned_index
    assistant = Assistant(settings, embedder)
    try:
        answer = assistant.ask(question)
        reader = IndexReader(settings.index)
        page_texts = {n: " ".join(t.split()) for n, t in reader.store.db.execute("SELECT page, text FROM pages")}
        reader.close()
    finally:
        assistant.close()
    assert not answer.abstained and fact in answer.text
    assert any((c.source, c.page, c.ocr) == (SCAN, page, True) and fact in c.quote for c in answer.citations)
    assert all(c.ocr for c in answer.citations)
    for c in answer.citations:  # a quote is checked against the text the index stores for its page
        assert " ".join(c.quote.split()) in page_texts[c.page], c


@needs_tesseract
def test_the_cli_says_which_pages_were_read_by_ocr(scanned_index, capsys):
    settings, _, _ = scanned_index
    question = "When is the Community Safety Strategy 2019-2021 due to go to full Council for approval?"
    assert main(["ask", question, "--index", str(settings.index)]) == 0
    assert f"{SCAN}, page 1, read by OCR" in capsys.readouterr().out
    assert main(["ask", question, "--index", str(settings.index), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["citations"][0]["ocr"] is True


def test_a_scan_without_an_ocr_engine_is_skipped_saying_what_to_install(tmp_path, monkeypatch):
    from minutebook.ingest.pdf import ocr
    from minutebook.ingest.errors import SkipFile
    from minutebook.ingest.pdf.pages import load_pages

    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)  # a machine without Tesseract
    scan = scan_of(CORPUS / STRATEGY, 1, tmp_path / "scan.pdf", dpi=50)
    with pytest.raises(SkipFile) as e:
        load_pages(scan, "scan.pdf")
    assert "no text layer" in e.value.reason and "apt-get install tesseract-ocr" in e.value.reason


@needs_tesseract
def test_a_page_whose_text_layer_is_glyph_codes_is_read_from_its_image(tmp_path):
    """Older PDFs map their fonts' glyphs to no characters: the text layer is control codes."""
    import pypdfium2 as pdfium
    from fpdf import FPDF
    from fpdf.enums import TextMode

    from minutebook.ingest.pdf.pages import load_pages

    paper = pdfium.PdfDocument(str(CORPUS / STRATEGY))
    image = paper[0].render(scale=150 / 72, grayscale=True).to_pil()
    paper.close()
    pdf = FPDF(unit="pt", format=(595, 842))
    pdf.add_page()
    pdf.image(image, x=0, y=0, w=595, h=842)
    pdf.set_font("helvetica", size=10)
    pdf.text_mode = TextMode.INVISIBLE  # the glyph codes sit over the printed words, as OCR'd scans' text does
    for y in range(60, 800, 14):
        pdf.text(40, y, "".join(chr(c) for c in (3, 17, 24, 5, 2, 30, 11, 19, 7, 22)) * 6)
    pdf.output(str(tmp_path / "glyphs.pdf"))
    _, pages = load_pages(tmp_path / "glyphs.pdf", "glyphs.pdf")
    assert pages[0].ocr
    assert "submitted to the Council for approval on 19 February 2020" in " ".join(pages[0].text.split())
