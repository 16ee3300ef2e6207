"""Issue 29, items 8-10: bad input gives one readable line, and nothing else stops. A file name in
Latin-1 bytes beside a good paper, a question typed in a Latin-1 terminal, an index whose files
were damaged."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
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
