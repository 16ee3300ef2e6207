"""Ingest takes papers, not notes (issue 28): a folder's PDFs by default, its .txt/.md only when
asked for or when it holds nothing else; a filled-in form's values read on their page."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from minutebook.ingest.discover import discover
from minutebook.ingest.pdf.form_fields import Field, Fragment, fill

ROOT = Path(__file__).resolve().parents[1]
REAL = Path(os.environ.get("MINUTEBOOK_REAL_CORPUS", ROOT.parent / "shared" / "corpus" / "real"))
FORM_AGENDA = REAL / "us" / "chi_police_district_council_001_agenda_2023-06-06.pdf"


def _folder(tmp_path: Path, names: list[str]) -> Path:
    folder = tmp_path / "papers"
    folder.mkdir(parents=True)
    for name in names:
        (folder / name).write_bytes(b"%PDF-1.4\n%%EOF\n" if name.endswith(".pdf") else b"Notes about the papers.\n")
    return folder


def test_a_folder_of_papers_leaves_its_notes_out_and_says_why(tmp_path):
    folder = _folder(tmp_path, ["agenda.pdf", "SOURCES.md", "gold.txt"])
    found = discover([folder])
    assert [s for _, s in found.files] == ["agenda.pdf"]
    reasons = {s.source: s.reason for s in found.skipped}
    assert set(reasons) == {"SOURCES.md", "gold.txt"} and "--include '*.md'" in reasons["SOURCES.md"]


def test_notes_are_read_when_asked_for_or_when_the_folder_holds_nothing_else(tmp_path):
    folder = _folder(tmp_path, ["agenda.pdf", "minutes.md", "gold.txt"])
    assert sorted(s for _, s in discover([folder], include=("*.md",)).files) == ["agenda.pdf", "minutes.md"]
    only_text = _folder(tmp_path / "b", ["minutes.txt", "agenda.md"])
    assert sorted(s for _, s in discover([only_text]).files) == ["agenda.md", "minutes.txt"]
    assert [s for _, s in discover([folder / "gold.txt"]).files] == ["gold.txt"]  # a file named on its own


@pytest.mark.skipif(not REAL.exists(), reason="no real-papers corpus at ../shared/corpus/real")
def test_the_real_corpus_is_read_as_its_pdfs_only():
    found = discover([REAL])
    assert found.files and all(s.lower().endswith(".pdf") for _, s in found.files)
    assert "SOURCES.md" in {s.source for s in found.skipped}


# Form fields as two bodies print them: a US agenda's "Location/Address:" box and blank-line notice,
# and an English parish's "Venue:" with a box of agenda items under its heading.
def test_form_values_sit_by_their_labels_in_two_houses_wording():
    text = ("NOTICE AND AGENDA OF DISTRICT COUNCIL MEETING\nNotice is hereby given that District Council ___ will meet.\n"
            "Location/Address:\nMEETING AGENDA")
    frags = [Fragment(100, 700, "NOTICE AND AGENDA OF DISTRICT COUNCIL MEETING"),
             Fragment(100, 680, "Notice is hereby given that District Council ___ will meet."),
             Fragment(100, 660, "Location/Address:"), Fragment(100, 600, "MEETING AGENDA")]
    fields = [Field("001", 330, 676, 350, 690), Field("Maggie Daley Fieldhouse", 260, 655, 450, 670)]
    assert fill(text, frags, fields).splitlines()[1:3] == [
        "Notice is hereby given that District Council 001 will meet.", "Location/Address: Maggie Daley Fieldhouse"]

    parish = "Parish Council meeting\nVenue:\n3. Items of business\nSigned"
    frags = [Fragment(72, 720, "Parish Council meeting"), Fragment(72, 700, "Venue:"),
             Fragment(72, 640, "3. Items of business"), Fragment(72, 500, "Signed")]
    fields = [Field("Village Hall, Church Lane", 150, 696, 400, 712),
              Field("Play area repairs\nAllotment rents", 90, 560, 500, 630)]
    assert fill(parish, frags, fields).splitlines() == [
        "Parish Council meeting", "Venue: Village Hall, Church Lane", "3. Items of business",
        "Play area repairs", "Allotment rents", "Signed"]


@pytest.mark.skipif(not FORM_AGENDA.exists(), reason="no real-papers corpus at ../shared/corpus/real")
def test_a_filled_in_agenda_reads_its_location_on_its_page():
    from minutebook.ingest.pdf.pages import load_pages

    _, pages = load_pages(FORM_AGENDA, FORM_AGENDA.name)
    assert "Location/Address: Maggie Daley Fieldhouse" in pages[0].text
    assert "5. Discussions\nIntroductions" in pages[0].text


def test_the_ingest_progress_line_shows_elapsed_time_and_an_estimate():
    from minutebook.assistant.progress import progress_line

    long_name = "embedding Agenda Reports Pack 22nd-Mar-2024 10.00 Leicestershire and Rutland Board.pdf (40/88 chunks)"
    line = progress_line(long_name, 2, 5, 90.0, width=100)
    assert len(line) <= 100 and "(1m30s, about 2m15s left)" in line and line.endswith("(40/88 chunks)")
    assert "left" not in progress_line("reading a.pdf", 0, 5, 1.0)
