"""One bad file never stops a batch (issue 13, items 8-10): hostile PDFs built here, small, byte by byte."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bad_pdfs import bomb_page, deep_page_tree, text_pdf
from conftest import ROOT
from minutebook.ingest.settings import Settings

GOOD = "The Kestrel footbridge needs new bearings, the committee heard."


def cli_json(*args: str) -> tuple[int, dict, str]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-m", "minutebook", *args, "--json"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=600)
    return run.returncode, json.loads(run.stdout) if run.stdout.strip() else {}, run.stderr


@pytest.mark.model  # the CLI ingests the good file with the model
def test_a_pdf_nested_too_deep_is_skipped_and_the_rest_of_the_batch_goes_in(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    deep_page_tree(papers / "deep.pdf", depth=120)
    text_pdf(papers / "good.pdf", GOOD)
    code, report, err = cli_json("ingest", str(papers), "--index", str(tmp_path / "index"))
    assert code == 0 and "Traceback" not in err, err[-800:]
    assert [i["source"] for i in report["ingested"]] == ["good.pdf"]
    [skip] = report["skipped"]
    assert skip["source"] == "deep.pdf" and "safety limit" in skip["reason"] and "depth" in skip["reason"]
    assert "\n" not in skip["reason"]


def test_a_decompression_bomb_is_refused_as_one(tmp_path, embedder):
    from minutebook.ingest.pipeline import ingest

    papers = tmp_path / "papers"
    papers.mkdir()
    bomb_page(papers / "bomb.pdf", megabytes=1000)  # 2 MB on disk, 1 GB inflated
    text_pdf(papers / "good.pdf", GOOD)
    report = ingest([papers], Settings(index=tmp_path / "index"), embedder)
    assert [i.source for i in report.ingested] == ["good.pdf"]
    [skip] = report.skipped
    assert skip.source == "bomb.pdf"
    assert skip.reason.startswith("decompression bomb: page 2") and "OCR" not in skip.reason


def test_an_upload_that_cannot_be_read_is_listed_as_refused_and_not_kept(index_copy, embedder):
    from minutebook.ingest.uploads import ingest_uploads, read_skips, uploads_dir

    deep = deep_page_tree(Path(index_copy.index.parent) / "deep.pdf").read_bytes()
    good = text_pdf(Path(index_copy.index.parent) / "good.pdf", GOOD).read_bytes()
    report = ingest_uploads([("deep.pdf", deep), ("good.pdf", good)], index_copy, embedder)
    assert [i.source for i in report.ingested] == ["good.pdf"]
    assert [s.source for s in report.skipped] == ["deep.pdf"]
    assert [s["source"] for s in read_skips(index_copy.index)] == ["deep.pdf"]
    assert "safety limit" in read_skips(index_copy.index)[0]["reason"]
    assert sorted(p.name for p in uploads_dir(index_copy.index).glob("*.pdf")) == ["good.pdf"]


def test_a_page_that_would_take_a_minute_and_4_gb_to_draw_is_refused_without_holding_up_other_pages(tmp_path):
    import resource
    import threading
    import time

    from minutebook.ingest.errors import MinutebookError
    from minutebook.assistant.pagerender import render_page
    from minutebook.ingest.settings import Settings

    hostile = bomb_page(tmp_path / "hostile.pdf", megabytes=200)  # page 2: 200 MB of drawing operators
    good = text_pdf(tmp_path / "good.pdf", GOOD)
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    refused, others = [], []

    def open_the_hostile_page():
        start = time.monotonic()
        try:
            render_page(hostile, 2, Settings())
        except MinutebookError as e:
            refused.append((str(e), time.monotonic() - start))

    viewer = threading.Thread(target=open_the_hostile_page)
    viewer.start()
    time.sleep(0.5)
    while viewer.is_alive() and len(others) < 3:  # other people's pages are drawn meanwhile
        start = time.monotonic()
        assert render_page(good, 1, Settings()).startswith(b"\x89PNG")
        others.append(time.monotonic() - start)
    viewer.join(timeout=60)
    [(message, took)] = refused
    assert "hostile.pdf" in message and "not shown" in message and ("MB of memory" in message or " s to draw" in message)
    assert took < 20 and others and max(others) < 10
    # the app's own process never held the page: drawing happens in a child with a memory cap
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - grown < 500_000  # KB
    start = time.monotonic()
    with pytest.raises(MinutebookError, match="not shown"):
        render_page(hostile, 2, Settings())  # the refusal is remembered: the next click does not pay again
    assert time.monotonic() - start < 1
