"""An officer ingests board papers: sections, dates, chunk pages, bad files and re-ingests."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from conftest import CORPUS, PACK_2018, PACK_2024
from minutebook.ingest.storage.index_reader import IndexReader
from minutebook.ingest.pdf.pages import load_pages
from minutebook.ingest.pipeline import ingest, parse_document
from minutebook.ingest.settings import Settings

SMALL = "Leicester City Community Safety Work - Scrutiny Commission 07-Dec-2017.pdf"


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def sections_of(name: str):
    return parse_document(CORPUS / name, name, Settings()).sections


def test_2018_pack_splits_into_agenda_minutes_and_reports_with_the_minutes_own_date():
    sections = sections_of(PACK_2018)
    kinds = [(s.kind, s.first_page, s.last_page) for s in sections]
    assert kinds[0] == ("agenda", 1, 2)
    assert kinds[1] == ("minutes", 3, 10)
    minutes = sections[1]
    # The December 2018 pack carries the minutes of the 1 October 2018 meeting.
    assert minutes.meeting_date == "2018-10-01"
    assert minutes.board == "Leicestershire Safer Communities Strategy Board"
    reports = [s for s in sections if s.kind == "report"]
    assert {s.meeting_date for s in reports} == {"2018-12-10"}
    hate = next(s for s in sections if s.item == "8")
    assert (hate.title, hate.first_page, hate.last_page) == ("Update Hate Incident Strategy", 27, 32)
    assert any(s.kind == "appendix" and s.first_page == 21 for s in sections)
    county_lines = next(s for s in sections if s.item == "13")
    assert county_lines.restricted  # "Document is Restricted" pages


def test_2024_pack_has_minutes_of_december_2023_and_presentations():
    sections = sections_of(PACK_2024)
    minutes = next(s for s in sections if s.kind == "minutes")
    assert (minutes.first_page, minutes.meeting_date) == (3, "2023-12-15")
    assert minutes.board == "Leicestershire and Rutland Safer Communities Strategy Board"
    by_item = {s.item: s for s in sections}
    assert by_item["6"].kind == "presentation" and by_item["6"].title == "Modern Slavery"
    assert by_item["9"].kind == "report" and (by_item["9"].first_page, by_item["9"].last_page) == (39, 42)
    assert by_item["9"].meeting_date == "2024-03-22"


def test_standalone_reports_get_their_committee_and_date():
    cabinet = sections_of("Community Safety Strategy 2019-2021 - Cabinet 17-Dec-2019.pdf")
    assert [(s.kind, s.board, s.meeting_date) for s in cabinet] == [("report", "Cabinet", "2019-12-17")]
    city = sections_of(SMALL)
    assert city[0].meeting_date == "2017-12-07"
    assert "Scrutiny Commission" in city[0].board


def test_the_papers_list_names_each_papers_body_meeting_time_and_type(corpus_index):
    reader = IndexReader(corpus_index.index)
    try:
        docs = {d["sources"]: d for d in reader.store.documents()}
    finally:
        reader.close()
    pack = docs[PACK_2018]
    assert (pack["board"], pack["meeting_date"], pack["start_time"], pack["doc_type"]) == (
        "Leicestershire Safer Communities Strategy Board", "2018-12-10", "13:00", "agenda")
    cabinet = docs["Community Safety Strategy 2019-2021 - Cabinet 17-Dec-2019.pdf"]
    assert (cabinet["board"], cabinet["meeting_date"], cabinet["doc_type"]) == ("Cabinet", "2019-12-17", "report")
    assert all(d["title"] and "://" not in d["title"] for d in docs.values())


def test_blank_pages_are_not_indexed(corpus_index):
    reader = IndexReader(corpus_index.index)
    try:
        rows = reader.store.db.execute(
            "SELECT count(*) FROM chunks c JOIN pages p ON p.document_id = c.document_id AND p.page = c.page"
            " WHERE p.blank = 1").fetchone()
        assert rows[0] == 0
        assert reader.store.db.execute("SELECT count(*) FROM pages WHERE blank = 1").fetchone()[0] >= 10
    finally:
        reader.close()


def test_every_chunk_text_is_on_the_page_it_cites(corpus_index):
    """An independent check: pypdf's own text of the cited page contains the whole chunk."""
    reader = IndexReader(corpus_index.index)
    try:
        rows = reader.store.db.execute(
            "SELECT f.source, c.page, c.text, c.doc_type FROM chunks c JOIN files f ON f.document_id = c.document_id"
        ).fetchall()
    finally:
        reader.close()
    assert len(rows) > 100
    pdf_pages = {}
    for source, page, text, _ in rows:
        if source not in pdf_pages:
            pdf_pages[source] = [norm(p.extract_text() or "") for p in PdfReader(CORPUS / source).pages]
        assert norm(text) in pdf_pages[source][page - 1], f"{source} p{page}: {text[:80]!r}"
    words = [len(t.split()) for _, _, t, _ in rows]
    assert max(words) <= 360 and sorted(words)[len(words) // 2] >= 100  # sized for the model


def test_a_minutes_chunk_never_spans_two_minute_items(corpus_index):
    reader = IndexReader(corpus_index.index)
    try:
        texts = [r[0] for r in reader.store.db.execute("SELECT text FROM chunks WHERE doc_type = 'minutes'")]
    finally:
        reader.close()
    for text in texts:
        starts = re.findall(r"(?m)^(2[0-8]|3[0-9]|4[0-3])\. [A-Z]", text)
        assert len(starts) <= 1, text[:200]


def _bad_files(folder: Path) -> None:
    good = (CORPUS / SMALL).read_bytes()
    (folder / "truncated.pdf").write_bytes(good[: len(good) // 2])
    writer = PdfWriter(clone_from=CORPUS / SMALL)
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    with open(folder / "encrypted.pdf", "wb") as f:
        writer.write(f)
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "webpage.pdf").write_text("<!DOCTYPE html><html><head><title>Agenda</title></head><body>Hi</body></html>")
    from fpdf import FPDF

    scan = FPDF()
    scan.add_page()
    scan.rect(20, 20, 100, 150, style="F")  # a picture, no text layer
    scan.output(str(folder / "scan.pdf"))
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")


def test_bad_files_are_skipped_with_reasons_and_the_good_one_is_ingested(tmp_path, embedder):
    papers = tmp_path / "papers"
    papers.mkdir()
    shutil.copy(CORPUS / SMALL, papers / SMALL)
    _bad_files(papers)
    report = ingest([papers], Settings(index=tmp_path / "index"), embedder)
    assert [i.source for i in report.ingested] == [SMALL]
    reasons = {s.source: s.reason for s in report.skipped}
    assert set(reasons) == {"truncated.pdf", "encrypted.pdf", "empty.pdf", "webpage.pdf", "scan.pdf", "notes.docx"}
    assert "truncated" in reasons["truncated.pdf"]
    assert "encrypted" in reasons["encrypted.pdf"]
    assert "empty" in reasons["empty.pdf"]
    assert "HTML" in reasons["webpage.pdf"]
    assert "no text layer" in reasons["scan.pdf"]  # and, without Tesseract, what to install
    assert "unsupported" in reasons["notes.docx"]
    assert len(set(reasons.values())) == len(reasons)


def test_a_failed_file_never_damages_an_existing_index(index_copy, tmp_path, embedder):
    before = IndexReader(index_copy.index).store.counts()
    bad = tmp_path / "bad"
    bad.mkdir()
    _bad_files(bad)
    report = ingest([bad], index_copy, embedder)
    assert not report.ingested and len(report.skipped) == 6
    assert (report.documents, report.chunks) == (before["documents"], before["chunks"])


def test_reingesting_unchanged_files_does_nothing_and_a_changed_file_replaces_its_old_version(tmp_path, embedder):
    papers = tmp_path / "papers"
    papers.mkdir()
    shutil.copy(CORPUS / SMALL, papers / "city.pdf")
    settings = Settings(index=tmp_path / "index")
    first = ingest([papers], settings, embedder)
    generation = (settings.index / "current").resolve()
    again = ingest([papers], settings, embedder)
    assert again.unchanged == ["city.pdf"] and not again.ingested
    assert (again.documents, again.chunks) == (first.documents, first.chunks)
    assert (settings.index / "current").resolve() == generation  # nothing was rewritten

    shutil.copy(CORPUS / "Community Safety Strategy 2019-2021 - Cabinet 17-Dec-2019.pdf", papers / "city.pdf")
    changed = ingest([papers], settings, embedder)
    assert [i.source for i in changed.ingested] == ["city.pdf"]
    assert changed.documents == 1  # replaced, not added
    reader = IndexReader(settings.index)
    assert reader.store.db.execute("SELECT count(*) FROM chunks WHERE board = 'Cabinet'").fetchone()[0] == changed.chunks
    assert len(reader.vectors) == changed.chunks
    reader.close()


def test_papers_read_by_an_older_minutebook_are_read_afresh_on_the_next_ingest(tmp_path, embedder, monkeypatch):
    """After an upgrade that reads papers differently (say, how far a restriction notice reaches),
    ingesting the folder again re-reads its papers although their bytes have not changed."""
    import minutebook.ingest.pipeline as pipeline

    papers = tmp_path / "papers"
    papers.mkdir()
    shutil.copy(CORPUS / SMALL, papers / "city.pdf")
    shutil.copy(CORPUS / SMALL, papers / "copy.pdf")  # the same bytes under a second name
    settings = Settings(index=tmp_path / "index")
    first = ingest([papers], settings, embedder)
    monkeypatch.setattr(pipeline, "READER_VERSION", pipeline.READER_VERSION + 1)
    upgraded = ingest([papers], settings, embedder)
    assert sorted(i.source for i in upgraded.ingested) == ["city.pdf", "copy.pdf"] and not upgraded.unchanged
    assert (upgraded.documents, upgraded.chunks) == (first.documents, first.chunks)  # replaced, not added
    reader = IndexReader(settings.index)
    assert len(reader.vectors) == first.chunks
    reader.close()
    again = ingest([papers], settings, embedder)
    assert sorted(again.unchanged) == ["city.pdf", "copy.pdf"] and not again.ingested


def test_an_index_made_by_the_previous_release_is_upgraded_when_first_read(index_copy, capsys):
    """After upgrading minutebook, her index (made before OCR, page furniture and meeting facts)
    answers searches at once: the numbered migrations add what it lacks."""
    import json
    import sqlite3

    from minutebook.assistant.cli import main
    from minutebook.ingest.storage.migrations import LATEST

    db_path = index_copy.index / "current" / "minutebook.db"
    db = sqlite3.connect(db_path)
    for table, column in (("pages", "ocr"), ("pages", "furniture"), ("documents", "reader"),
                          ("documents", "organisation"), ("documents", "start_time"), ("documents", "doc_type")):
        db.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    db.execute("PRAGMA user_version = 0")  # as every release before numbered migrations left it
    db.commit()
    db.close()
    assert main(["search", "Biker Down", "--index", str(index_copy.index), "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits and "Biker Down" in hits[0]["text"] and hits[0]["ocr"] is False
    db = sqlite3.connect(db_path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == LATEST
    assert "ocr" in {r[1] for r in db.execute("PRAGMA table_info(pages)")}
    db.close()


def test_text_and_markdown_files_split_pages_on_form_feeds(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("FINANCE COMMITTEE – 3 MARCH 2025\nBudget monitoring\fSecond page text")
    title, pages = load_pages(path, "notes.txt")
    assert [p.number for p in pages] == [1, 2] and pages[1].text == "Second page text"
    one = tmp_path / "one.md"
    one.write_text("# Notes\nNo form feeds here.")
    assert len(load_pages(one, "one.md")[1]) == 1


@pytest.mark.parametrize("name", [PACK_2018])
def test_restricted_pages_are_flagged(name):
    _, pages = load_pages(CORPUS / name, name)
    assert [p.number for p in pages if p.restricted] == [49, 50, 51, 52, 53]
    assert not pages[0].restricted  # the agenda's note about excluding the public is not a notice


def test_every_chunk_on_a_restricted_page_is_flagged_even_at_a_section_start(corpus_index):
    reader = IndexReader(corpus_index.index)
    try:
        leaks = reader.store.db.execute(
            "SELECT c.page FROM chunks c JOIN pages p ON p.document_id = c.document_id AND p.page = c.page"
            " WHERE p.restricted = 1 AND c.restricted = 0").fetchall()
    finally:
        reader.close()
    assert leaks == []
