"""Nothing lost (issue 13): ingests at the same time, the same file given twice, two papers of one
name, and files or folders that cannot be read. Each test is a user's story on a real index."""
from __future__ import annotations

import ctypes
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from minutebook.assistant.search import Searcher
from bad_pdfs import text_pdf
from conftest import ROOT
from minutebook.ingest.storage.index_reader import IndexReader
from minutebook.ingest.pipeline import ingest
from minutebook.ingest.settings import Settings

PAPERS = {  # name -> a phrase only that paper holds
    "allotments.txt": "allotment waiting list fell to twelve households",
    "bridges.txt": "the Kestrel footbridge needs new bearings",
    "parking.txt": "resident parking permits rise to forty pounds",
}


def write_papers(folder: Path, papers: dict[str, str] = PAPERS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, phrase in papers.items():
        (folder / name).write_text(f"ENVIRONMENT COMMITTEE – 3 MARCH 2025\nReport: {name[:-4]}\n"
                                   f"1. The committee noted that {phrase}.\n")
    return folder


def cli(*args: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "minutebook", *args], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)


def index_state(settings: Settings) -> dict:
    reader = IndexReader(settings.index)
    try:
        rows = reader.store.db.execute("SELECT f.source, d.pages, d.chunks, f.document_id FROM files f"
                                       " LEFT JOIN documents d ON d.id = f.document_id").fetchall()
        return {"files": {r[0]: r[1:] for r in rows}, **reader.store.counts(), "vectors": len(reader.vectors)}
    finally:
        reader.close()


def found(settings: Settings, embedder, phrase: str) -> list[str]:
    searcher = Searcher(settings, embedder)
    try:
        return [h.source for h in searcher.search(phrase, k=3)]
    finally:
        searcher.close()


def found_paper(settings: Settings, embedder, phrase: str) -> str:
    """The document id of the best hit for `phrase`."""
    searcher = Searcher(settings, embedder)
    try:
        return searcher.search(phrase, k=1)[0].chunk.document_id
    finally:
        searcher.close()


def assert_every_paper_is_whole(settings: Settings, embedder, papers: dict[str, str]) -> None:
    state = index_state(settings)
    for name, phrase in papers.items():
        assert state["files"][name][0] == 1, f"{name} points at a deleted document: {state['files']}"
        assert found_paper(settings, embedder, phrase) == state["files"][name][2]
    assert state["vectors"] == state["chunks"]


@pytest.fixture
def existing(tmp_path, embedder) -> Settings:
    """An index that already holds one paper, as `cp -a index X` would give."""
    settings = Settings(index=tmp_path / "index")
    ingest([write_papers(tmp_path / "old", {"budget.txt": "the highways budget is three million"})], settings, embedder)
    return settings


def test_two_ingests_of_one_folder_into_one_index_at_once_lose_nothing(existing, tmp_path, embedder):
    extra = write_papers(tmp_path / "extra")
    runs = [cli("ingest", str(extra), "--index", str(existing.index), "--json") for _ in range(2)]
    reports = []
    for run in runs:
        out, err = run.communicate(timeout=600)
        assert run.returncode == 0, err[-800:]
        reports.append(json.loads(out))
    ingested = [i for r in reports for i in r["ingested"]]
    assert sorted(i["source"] for i in ingested) == sorted(PAPERS)  # each paper went in once...
    assert all(i["pages"] == 1 for i in ingested)  # ...with its pages
    assert sorted(s for r in reports for s in r["unchanged"]) == sorted(PAPERS)  # the other run found them in
    assert_every_paper_is_whole(existing, embedder, PAPERS)
    assert index_state(existing)["documents"] == 1 + len(PAPERS)
    assert ingest([extra], existing, embedder).unchanged == sorted(PAPERS)


@pytest.mark.parametrize("given", [["extra", "extra"], ["extra/bridges.txt", "extra"]])
def test_the_same_file_given_twice_in_one_run_goes_in_once_with_its_pages(given, existing, tmp_path, embedder):
    write_papers(tmp_path / "extra")
    report = ingest([tmp_path / g for g in given], existing, embedder)
    assert sorted(i.source for i in report.ingested) == sorted(PAPERS)
    assert all(i.pages == 1 for i in report.ingested)
    assert report.documents == 1 + len(PAPERS)
    assert_every_paper_is_whole(existing, embedder, PAPERS)


def test_a_copy_of_a_paper_under_another_name_is_reported_with_its_pages_and_the_original_stays(
        existing, tmp_path, embedder):
    extra = write_papers(tmp_path / "extra")
    shutil.copy(extra / "bridges.txt", extra / "bridges copy.txt")
    report = ingest([extra], existing, embedder)
    twins = {i.source: i for i in report.ingested if i.source.startswith("bridges")}
    assert all(i.pages == 1 for i in twins.values())  # the second is linked to the first, pages and all
    assert sorted((i.source, i.same_as) for i in twins.values()) == [("bridges copy.txt", None),
                                                                          ("bridges.txt", "bridges copy.txt")]
    assert report.documents == 1 + len(PAPERS)
    assert_every_paper_is_whole(existing, embedder, PAPERS)


def test_two_people_uploading_the_same_paper_at_once_both_see_it_added(existing, embedder):
    from minutebook.ingest.uploads import ingest_uploads, uploads_dir

    pdf = text_pdf(existing.index.parent / "minutes.pdf",
                   "The Kestrel footbridge needs new bearings, the committee heard.").read_bytes()
    reports, errors = [], []

    def upload():
        try:
            reports.append(ingest_uploads([("minutes.pdf", pdf)], existing, embedder))
        except Exception as e:  # noqa: BLE001 - any failure is what this test looks for
            errors.append(repr(e))

    people = [threading.Thread(target=upload) for _ in range(2)]
    for p in people:
        p.start()
    for p in people:
        p.join()
    assert not errors and all(r.ok and not r.skipped for r in reports)
    assert [f.name for f in uploads_dir(existing.index).iterdir() if f.suffix == ".pdf"] == ["minutes.pdf"]
    assert index_state(existing)["files"]["minutes.pdf"][0] == 1
    assert found(existing, embedder, "Kestrel footbridge bearings")[0] == "minutes.pdf"


def test_uploads_refused_at_the_same_moment_all_keep_their_reasons(tmp_path):
    # The app serves each person in a thread of one process: twenty refusals logged at once all go in.
    from minutebook.ingest.types import UploadedFile, UploadReport
    from minutebook.ingest.uploads import _log_skips, read_skips

    errors = []

    def refuse(n: int):
        try:
            _log_skips(tmp_path, UploadReport(skipped=[UploadedFile(f"paper {n}.pdf", f"paper {n}.pdf", reason="empty")]))
        except Exception as e:  # noqa: BLE001 - any failure is what this test looks for
            errors.append(repr(e))

    people = [threading.Thread(target=refuse, args=(n,)) for n in range(20)]
    for p in people:
        p.start()
    for p in people:
        p.join()
    assert not errors
    assert sorted(e["source"] for e in read_skips(tmp_path)) == sorted(f"paper {n}.pdf" for n in range(20))


def test_two_different_papers_with_the_same_name_in_two_folders_are_both_kept(tmp_path, embedder):
    a = write_papers(tmp_path / "same" / "a", {"minutes.txt": "the library opens on Sundays"})
    b = write_papers(tmp_path / "same" / "b", {"minutes.txt": "the swimming pool closes for repairs"})
    settings = Settings(index=tmp_path / "index")
    ingest([a], settings, embedder)
    second = ingest([b], settings, embedder)
    assert [i.source for i in second.ingested] == ["b/minutes.txt"]  # named with its folder
    assert second.documents == 2
    assert found(settings, embedder, "library opens on Sundays")[0] == "minutes.txt"
    assert found(settings, embedder, "swimming pool closes for repairs")[0] == "b/minutes.txt"
    assert ingest([a], settings, embedder).unchanged == ["minutes.txt"]
    assert ingest([b], settings, embedder).unchanged == ["b/minutes.txt"]

    (b / "minutes.txt").write_text("ENVIRONMENT COMMITTEE – 3 MARCH 2025\n1. The pool reopens in May.\n")
    changed = ingest([b], settings, embedder)  # a changed file still replaces its own old version
    assert [i.source for i in changed.ingested] == ["b/minutes.txt"] and changed.documents == 2
    (b / "minutes.txt").unlink()
    pruned = ingest([b], settings, embedder, prune=True)  # --prune forgets only papers from the folder given
    assert pruned.removed == ["b/minutes.txt"] and pruned.documents == 1
    assert found(settings, embedder, "library opens on Sundays")[0] == "minutes.txt"


def test_hidden_files_and_folders_are_skipped_with_a_reason(tmp_path, embedder):
    papers = write_papers(tmp_path / "papers", {"budget.txt": "the highways budget is three million"})
    (papers / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    (papers / ".git").mkdir()
    (papers / ".git" / "notes.txt").write_text("not a paper")
    report = ingest([papers], Settings(index=tmp_path / "index"), embedder)
    reasons = {s.source: s.reason for s in report.skipped}
    assert set(reasons) == {".DS_Store", ".git/"}
    assert all("hidden" in r for r in reasons.values())
    assert [i.source for i in report.ingested] == ["budget.txt"]


def _cannot_read(folder: Path) -> dict:
    """Make `folder` unreadable to the ingest about to run; returns how to start that ingest."""
    folder.chmod(0)
    if os.geteuid() != 0:
        return {}
    # root reads every folder through two capabilities: the ingest runs without them
    libc = ctypes.CDLL(None, use_errno=True)

    def drop_read_override():
        for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
            if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
                raise OSError(ctypes.get_errno(), "prctl")

    return {"preexec_fn": drop_read_override}


def test_a_folder_that_cannot_be_read_is_reported_and_prune_keeps_its_papers(tmp_path, embedder):
    papers = write_papers(tmp_path / "papers", {"budget.txt": "the highways budget is three million"})
    write_papers(papers / "2024", PAPERS)
    settings = Settings(index=tmp_path / "index")
    ingest([papers], settings, embedder)
    before = index_state(settings)["documents"]
    run = cli("ingest", str(papers), "--index", str(settings.index), "--prune", **_cannot_read(papers / "2024"))
    out, err = run.communicate(timeout=600)
    (papers / "2024").chmod(0o755)
    assert "Traceback" not in err
    assert "skipped   2024/: folder cannot be read (Permission denied)" in out
    assert "removed" not in out
    assert index_state(settings)["documents"] == before == 1 + len(PAPERS)


def test_control_and_bidirectional_characters_in_file_names_are_escaped_in_the_output(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "invoice\u202egpj.exe").write_bytes(b"MZ")
    (papers / "bell\x07\x1b[2J.txt").write_bytes(b"")
    run = cli("ingest", str(papers), "--index", str(tmp_path / "index"))
    out, _ = run.communicate(timeout=120)
    assert "skipped   invoice\\u202egpj.exe: unsupported file type" in out
    assert "skipped   bell\\x07\\x1b[2J.txt: empty file (0 bytes)" in out
    assert not any(ch in out for ch in "\u202e\x07\x1b")


@pytest.mark.parametrize("room_kb", [8, 40])  # too little room for the new paper, at two sizes
def test_a_full_disk_gives_one_line_and_leaves_the_index_as_it_was(room_kb, existing, tmp_path):
    """The disk is a small tmpfs mounted in a user namespace of the ingest's own (no root needed)."""
    if not shutil.which("unshare"):
        pytest.skip("needs util-linux's unshare to mount a small disk")
    write_papers(tmp_path / "extra")
    disk = tmp_path / "disk"
    disk.mkdir()
    size = sum(f.stat().st_size for f in existing.index.rglob("*") if f.is_file()) // 1024 + room_kb
    minutebook = f"PYTHONPATH={ROOT} HF_HUB_OFFLINE=1 {sys.executable} -m minutebook"
    script = (f"mount -t tmpfs -o size={size}k none {disk} || exit 99; cp -a {existing.index} {disk}/index; "
              f"{minutebook} ingest {tmp_path / 'extra'} --index {disk}/index 2>{tmp_path}/err; echo rc=$?; "
              f"ls {disk}/index; {minutebook} status --index {disk}/index --json")
    run = subprocess.run(["unshare", "-Urm", "sh", "-c", script], capture_output=True, text=True, timeout=600)
    if run.returncode == 99:
        pytest.skip(f"cannot mount a small disk here ({run.stderr.strip()[:120]})")
    err = (tmp_path / "err").read_text()
    assert "rc=2" in run.stdout and "Traceback" not in err
    last = err.strip().splitlines()[-1]
    assert last.startswith("minutebook: no room to write the index in") and "the index is unchanged" in last
    assert len([line for line in run.stdout.splitlines() if line.startswith("gen-")]) == 1  # nothing half-built
    status = json.loads(run.stdout[run.stdout.index("{"):])
    assert status["documents"] == 1  # the index still answers, as it was
