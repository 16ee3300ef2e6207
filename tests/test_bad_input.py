"""Issue 29, items 8-10: bad input gives one readable line, and nothing else stops. A file name in
Latin-1 bytes beside a good paper, a question typed in a Latin-1 terminal, an index whose files
were damaged."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

BAD_NAME = b"Comit\xe9 des finances 2024.pdf"


def cli(*argv: str | bytes, index: Path) -> subprocess.CompletedProcess:
    """The command as a user runs it: argv as bytes, exactly as the terminal gave them."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
           "TOKENIZERS_PARALLELISM": "false"}
    args = [os.fsencode(a) if isinstance(a, str) else a for a in argv]
    return subprocess.run([sys.executable.encode(), b"-m", b"minutebook", *args, b"--index", os.fsencode(index)],
                          capture_output=True, env=env, timeout=600, cwd=ROOT)


@pytest.mark.model
def test_a_file_name_that_is_not_utf8_is_one_skipped_line_and_the_paper_beside_it_goes_in(tmp_path, corpus_index):
    papers = tmp_path / "papers"
    papers.mkdir()
    src = sorted((ROOT / "corpus").glob("Community Safety Strategy*.pdf"))[0]
    shutil.copy(src, papers / "strategy.pdf")
    shutil.copy(src.with_name(sorted(p.name for p in (ROOT / "corpus").glob("Leicester City*.pdf"))[0]),
                os.path.join(os.fsencode(papers), BAD_NAME))
    done = cli(b"ingest", os.fsencode(papers), index=tmp_path / "index")
    assert done.returncode == 0, done.stderr
    out, err = done.stdout.decode(), done.stderr.decode()
    assert "Traceback" not in err
    assert "ingested  strategy.pdf" in out
    [skip] = [line for line in out.splitlines() if line.startswith("skipped")]
    assert "Comit\\xe9 des finances 2024.pdf" in skip and "not UTF-8" in skip and "Comité" in skip
    report = json.loads(cli(b"ingest", os.fsencode(papers), b"--json", index=tmp_path / "index").stdout)
    assert report["unchanged"] == ["strategy.pdf"] and len(report["skipped"]) == 1


@pytest.mark.model
@pytest.mark.parametrize("command", ["search", "ask", "timeline", "lineage"])
def test_a_question_typed_in_latin1_is_read_not_a_traceback(command, corpus_index):
    done = cli(command.encode(), b"Biker Down pour les motards, comit\xe9 de s\xe9curit\xe9", b"--json",
               index=corpus_index.index)
    assert done.returncode == 0, done.stderr.decode()
    assert b"Traceback" not in done.stderr
    json.loads(done.stdout)  # valid JSON, the question's bytes read as text
    assert "\\udc" not in done.stdout.decode()


def damage(index: Path, what: str) -> Path:
    """Damage an index as a disk or a careless hand does; returns the file damaged."""
    from minutebook.ingest.storage.index_reader import current_dir

    gen = current_dir(index)
    if what == "database truncated":
        for extra in ("minutebook.db-wal", "minutebook.db-shm"):
            (gen / extra).unlink(missing_ok=True)
        with open(gen / "minutebook.db", "r+b") as f:
            f.truncate(8192)
        return gen / "minutebook.db"
    if what == "meta.json not JSON":
        (gen / "meta.json").write_text("{ damaged")
        return gen / "meta.json"
    victim = sorted((gen / "segments").glob("vec-*.faiss"))[0]
    victim.unlink()
    return victim


def main_says(capsys, *argv) -> tuple[int, str, str]:
    from minutebook.assistant.cli import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("what", ["database truncated", "meta.json not JSON", "vector file missing"])
def test_a_damaged_index_names_the_file_and_how_to_rebuild_and_serves_what_it_can(what, index_copy, capsys):
    index = str(index_copy.index)
    damaged = damage(index_copy.index, what)
    for argv in (["search", "Biker Down"], ["ask", "What is Biker Down?"], ["timeline", "Biker Down"],
                 ["lineage", "Biker Down"], ["search", "Biker Down", "--json"]):
        code, out, err = main_says(capsys, *argv, "--index", index)
        assert code == 2 and not out and len(err.strip().splitlines()) == 1, (argv, err)
        assert str(damaged) in err and "--rebuild" in err and "Traceback" not in err
    if what != "database truncated":  # the database is whole: what it alone answers is still served
        code, out, _ = main_says(capsys, "status", "--index", index)
        assert code == 0 and "documents" in out
        code, out, _ = main_says(capsys, "resolutions", "--index", index, "--json")
        assert code == 0 and json.loads(out)
    if what == "vector file missing":  # keyword search needs no vectors
        code, out, _ = main_says(capsys, "search", "Biker Down", "--mode", "bm25", "--index", index, "--json")
        assert code == 0 and "Biker Down" in out


@pytest.mark.model
def test_ingest_rebuild_makes_a_damaged_index_whole_again(index_copy, capsys):
    index = str(index_copy.index)
    damage(index_copy.index, "database truncated")
    code, _, err = main_says(capsys, "ingest", str(ROOT / "corpus"), "--index", index)
    assert code == 2 and "--rebuild" in err
    code, out, err = main_says(capsys, "ingest", str(ROOT / "corpus"), "--rebuild", "--index", index)
    assert code == 0, err
    code, out, _ = main_says(capsys, "search", "Biker Down", "--index", index, "--json")
    assert code == 0 and "Biker Down" in out


@pytest.mark.parametrize("argv", [["search", "x", "--mode", "bogus"], ["bogus"], ["search"], ["ask", "x", "-k", "3"]])
def test_a_mistyped_argument_is_one_line_not_the_usage(argv, capsys):
    from minutebook.assistant.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(argv)
    err = capsys.readouterr().err
    assert stopped.value.code == 2 and len(err.strip().splitlines()) == 1 and err.startswith("minutebook: ")
    assert "--help" in err


def test_an_upload_batch_past_its_total_size_refuses_the_rest_with_one_line_each(tmp_path):
    # Issue 29, smaller: each file within the per-file limit, the batch as a whole not.
    from minutebook.ingest.settings import Settings
    from minutebook.ingest.uploads import BATCH_FILES, ingest_uploads

    settings = Settings(index=tmp_path / "index", max_file_mb=0.01)
    files = [(f"paper {n}.pdf", b"%PDF-1.4 " + b"x" * 9491) for n in range(BATCH_FILES + 3)]
    report = ingest_uploads(files, settings)
    over = [s for s in report.skipped if "together pass" in s.reason]
    assert [s.name for s in over] == [f"paper {n}.pdf" for n in range(BATCH_FILES + 1, BATCH_FILES + 3)]
    assert not list((tmp_path / "index" / "uploads").glob("*.pdf"))  # nothing kept


@pytest.mark.model
def test_after_a_rename_without_prune_search_cites_the_file_that_is_there(tmp_path, embedder, capsys):
    # Issue 29, smaller: the old name stays in the index (no --prune), but its file is gone.
    from minutebook.ingest.pipeline import ingest
    from minutebook.ingest.settings import Settings

    papers = tmp_path / "papers"
    papers.mkdir()
    shutil.copy(sorted((ROOT / "corpus").glob("Community Safety Strategy*.pdf"))[0], papers / "a strategy.pdf")
    settings = Settings(index=tmp_path / "index")
    ingest([papers], settings, embedder)
    (papers / "a strategy.pdf").rename(papers / "strategy 2019.pdf")
    ingest([papers], settings, embedder)
    code, out, _ = main_says(capsys, "search", "community safety strategy", "--index", str(settings.index), "--json")
    hits = json.loads(out)
    assert code == 0 and hits and {h["source"] for h in hits} == {"strategy 2019.pdf"}


def test_a_linked_file_is_named_by_the_link_not_its_target(tmp_path):
    # Issue 29, smaller: a folder of links into a document store keeps the names people gave them.
    from minutebook.ingest.discover import discover, plan

    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "9f3a1c.pdf").write_bytes(b"%PDF-1.4 a paper")
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "Cabinet minutes 2024.pdf").symlink_to(tmp_path / "store" / "9f3a1c.pdf")
    found = discover([papers])
    todo = plan([(p, s, "digest") for p, s in found.files], {}).todo
    assert [source for _, source, _ in todo] == ["Cabinet minutes 2024.pdf"]
    todo = plan([(p, s, "digest") for p, s in discover([papers / "Cabinet minutes 2024.pdf"]).files], {}).todo
    assert [source for _, source, _ in todo] == ["Cabinet minutes 2024.pdf"]
