"""A clerk runs `minutebook fetch` against the council's portal: the papers are saved, ingested
with what the portal knows of them (body, meeting, item, public address), a second run fetches
nothing and says so, and a run killed mid-download ends, when run again, as an uninterrupted one.

The portals are tests/portal_server.py on 127.0.0.1 (recorded responses, made PDFs)."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit


from minutebook.assistant.cli import main
from minutebook.assistant.service import Minutebook
from minutebook.ingest.fetch.fetcher import fetch
from minutebook.ingest.fetch.web import Web
from minutebook.ingest.settings import Settings
from tests.portal_server import PORTALS, Fault, Server

ROOT = Path(__file__).resolve().parents[1]


def papers_of(settings: Settings) -> dict[str, dict]:
    with Minutebook(settings) as book:
        status = book.status()
    return {p.sources: p.to_json() for p in status.papers}


def test_the_portal_s_facts_go_into_the_index_and_status_says_where_each_paper_came_from(tmp_path, embedder):
    settings = Settings(index=tmp_path / "index")
    with Server(PORTALS["moderngov"]()) as base:
        report = fetch(base, settings, since="2026-01-01", until="2026-03-01", web=Web(rate=0), embedder=embedder)
    assert len(report.ingest.ingested) == 2
    papers = papers_of(settings)
    work = papers["Audit Committee/2026-02-10/Item 9 - report - DRAFT WP FEBRUARY 2026.pdf"]
    assert (work["board"], work["meeting_date"], work["start_time"], work["doc_type"]) == \
        ("Audit Committee", "2026-02-10", "10:00", "report")
    assert (work["agenda_item"], work["item_title"]) == ("9", "Work Programme")
    assert work["source_url"].endswith("/mgConvert2PDF.aspx?ID=60909")
    assert work["portal"] == f"moderngov {base}"
    minutes = next(p for s, p in papers.items() if "minutes" in s)
    assert (minutes["doc_type"], minutes["meeting_date"]) == ("minutes", "2025-11-25")  # the meeting they record


def test_a_second_run_of_the_command_fetches_nothing_and_says_so(tmp_path, embedder, capsys, monkeypatch):
    monkeypatch.setenv("MINUTEBOOK_FETCH_RATE", "0")
    index = tmp_path / "index"
    with Server(PORTALS["civicplus"]()) as base:
        args = [f"{base}/AgendaCenter", "--since", "2020-05-01", "--until", "2020-05-31", "--index", str(index)]
        assert main(["fetch", *args, "--json"]) == 0
        first = json.loads(capsys.readouterr().out)
        assert main(["fetch", *args]) == 0
        second = capsys.readouterr().out
    assert [o["kind"] for o in first["fetched"]] == ["agenda", "minutes"]
    assert first["fetched"][0]["path"] == \
        "Board of Commissioners/2020-05-05/agenda - May 5, 2020 Recessed Meeting Budget Work Session Agenda.pdf"
    assert len(first["ingest"]["ingested"]) == 2
    assert "nothing new: every paper listed was fetched before" in second.splitlines()[-1]
    assert "fetched" not in second.split("nothing new")[0].split(":")[-1]


def test_a_run_killed_mid_download_and_run_again_ends_as_an_uninterrupted_run(tmp_path, embedder):
    clean = Settings(index=tmp_path / "clean" / "index")
    when = dict(since="2026-01-01", until="2026-03-01")
    with Server(PORTALS["moderngov"]()) as base:
        fetch(base, clean, web=Web(rate=0), embedder=embedder, **when)

    portal = PORTALS["moderngov"]()
    report = "/_/democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60909"
    portal.faults[report] = [Fault("hang")]  # half the work programme, then silence
    killed = Settings(index=tmp_path / "killed" / "index")
    with Server(portal) as base:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "MINUTEBOOK_FETCH_RATE": "0"}
        proc = subprocess.Popen([sys.executable, "-m", "minutebook", "fetch", base, "--since", when["since"],
                                 "--until", when["until"], "--index", str(killed.index)], env=env,
                                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        papers = killed.index / "papers"
        deadline = time.time() + 60
        # Killed once the minutes are whole and the report hangs half-written: waiting for any
        # non-empty .part alone could catch the minutes' own .part on a slow machine.
        while not list(papers.rglob("*.pdf")) or not any(p.stat().st_size for p in papers.rglob(".*.part")):
            assert time.time() < deadline and proc.poll() is None
            time.sleep(0.1)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert len(list(papers.rglob("*.pdf"))) == 1  # the minutes, whole; the report only as a .part
        before = len(portal.log)
        again = fetch(base, killed, web=Web(rate=0), embedder=embedder, **when)
    assert [o.kind for o in again.fetched] == ["report"]  # the minutes are not downloaded again
    assert [h.get("Range") for _, p, h in portal.log[before:] if p == report][0].startswith("bytes=")
    assert not list(papers.rglob(".*.part"))

    def files(root):
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*.pdf")}

    assert files(papers) == files(clean.index / "papers")
    def same(settings):  # the two runs' servers had different ports: compare addresses by their paths
        return {s: {k: (urlsplit(v).path if k in ("source_url", "page_url") and v else v)
                    for k, v in p.items() if k not in ("ingested_at", "portal")} for s, p in papers_of(settings).items()}

    a, b = same(killed), same(clean)
    assert a.keys() == b.keys()
    assert {(s, k, a[s][k], b[s][k]) for s in a for k in a[s] if a[s][k] != b[s][k]} == set()
