"""What a new user met on a first afternoon with minutebook, each told as their story (issue 17, rough edges).

Fast tier: none of these loads the embedding model. The ones that need an index built by the
model are in tests/test_app.py, tests/test_search.py and tests/test_register.py.
"""
from __future__ import annotations

import ast
import os
import re
import sqlite3
import subprocess
import sys

from minutebook.assistant.highlight import snippet
from conftest import ROOT
from minutebook.ingest.register import tables as register_tables
from minutebook.ingest.dates import human_date, human_time
from minutebook.ingest.storage.migrations import CHUNKS_FTS, SCHEMA
from minutebook.ingest.storage.store import Store

CLI = [sys.executable, "-m", "minutebook"]


def run_cli(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT)}
    return subprocess.run([*CLI, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


# ---- Starting the app -------------------------------------------------------------------------------

def test_make_run_with_a_port_serves_the_app_on_that_port():
    """Port 8501 was taken, so she typed `make run PORT=8600`, as the README says."""
    plan = subprocess.run(["make", "-n", "run", "PORT=8600"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert plan.returncode == 0, plan.stderr
    serve = [line for line in plan.stdout.splitlines() if "minutebook serve" in line]
    assert serve and serve[-1].endswith("--port 8600")
    readme = (ROOT / "README.md").read_text()
    assert "make run\nPORT=8600" in readme or "make run PORT=8600" in readme
    assert "serve --port" in readme


def test_the_readme_describes_every_page_the_app_has():
    """The README said four pages; the sidebar showed five."""
    tree = ast.parse((ROOT / "ui" / "app.py").read_text())
    titles = [kw.value.value for node in ast.walk(tree) if isinstance(node, ast.Call)
              and getattr(node.func, "attr", "") == "Page" for kw in node.keywords if kw.arg == "title"]
    assert len(titles) == 6
    app_section = (ROOT / "README.md").read_text().split("## The app")[1].split("\n## ")[0]
    assert "six pages" in app_section
    for title in titles:
        assert f"**{title}**" in app_section, f"the README's app section does not describe the {title} page"


# ---- The command line -----------------------------------------------------------------------------

def test_an_empty_question_or_search_is_refused_in_one_line():
    """She pressed Enter too soon: `minutebook ask ""` should say so, not load a model or show a traceback."""
    for args, says in ((["ask", ""], "no question to answer"), (["search", "   "], "nothing to search for")):
        done = run_cli(*args, "--index", str(ROOT / "no-index-here"))  # refused before the index is opened
        assert done.returncode == 2 and says in done.stderr
        assert done.stdout == "" and len(done.stderr.strip().splitlines()) == 1
        assert done.stderr.startswith("minutebook: ") and "Traceback" not in done.stderr


def test_ingesting_an_empty_folder_says_no_papers_were_found(tmp_path):
    """A mistyped folder name used to end in '0 documents' as if all were well."""
    empty = tmp_path / "papers"
    empty.mkdir()
    (empty / "notes.docx").write_text("not a paper")
    done = run_cli("ingest", str(empty), "--index", str(tmp_path / "index"))
    assert f"no papers found in {empty}" in done.stdout
    assert done.returncode == 1 and "Traceback" not in done.stderr


def test_output_piped_to_head_stops_quietly(tmp_path):
    """`minutebook ... | head -1` printed a BrokenPipeError traceback once head had its line."""
    empty = tmp_path / "empty"
    empty.mkdir()
    # Many unsupported files make a long report, more than a pipe holds.
    for i in range(3000):
        (empty / f"scan-{i:04d}-of-a-long-name-to-fill-the-pipe.docx").write_text("x")
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT)}
    piped = subprocess.run(f"{sys.executable} -m minutebook ingest '{empty}' --index '{tmp_path / 'index'}' | head -1",
                           shell=True, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert piped.stdout.startswith("skipped")
    assert "Traceback" not in piped.stderr and "BrokenPipeError" not in piped.stderr, piped.stderr


# ---- What the results show ------------------------------------------------------------------------

def test_dates_read_one_way_everywhere():
    """Titles said '15 December 2023', the search list '2023-12-15': one formatter now writes them all."""
    assert human_date("2018-10-01") == "1 October 2018"
    assert human_date("2023-12-15") == "15 December 2023"
    assert human_date(None) == "" and human_date("undated") == "undated"
    assert human_time("2026-11-29T15:59:02+00:00") == "29 November 2026, 15:59 UTC"
    formatters = [str(p.relative_to(ROOT)) for folder in ("ingest", "assistant", "ui") for p in (ROOT / folder).rglob("*.py")
                  if "%B" in p.read_text() and p.name != "dates.py"]
    assert formatters == [], f"dates formatted outside ingest/dates.py: {formatters}"


def test_a_search_snippet_shows_the_sentence_that_matched():
    """The result showed the chunk's opening lines, and the words she searched for were further down."""
    chunk = ("1. Introduction. The Board received its annual report from the partnership manager. "
             "Members discussed the budget for the coming year at some length. "
             "Biker Down is a free course for motorcyclists, run by the fire service at stations across the county. "
             "It takes three hours.")
    shown = snippet(chunk, "free course for motorcyclists")
    assert shown.startswith("Biker Down is a free course for motorcyclists")
    assert "Introduction" not in shown and len(shown) <= 300
    assert snippet(chunk, "zebra crossings").startswith("1. Introduction.")  # nothing matches: the start


# ---- Datasette ------------------------------------------------------------------------------------

def _datasette_fts(conn: sqlite3.Connection, table: str) -> str | None:
    """How Datasette finds a table's full-text index (datasette.utils.detect_fts)."""
    try:
        from datasette.utils import detect_fts
    except ImportError:
        row = conn.execute(f"""select name from sqlite_master where rootpage = 0 and (
            sql like '%VIRTUAL TABLE%USING FTS%content="{table}"%'
            or sql like '%VIRTUAL TABLE%USING FTS%content=[{table}]%'
            or (tbl_name = "{table}" and sql like '%VIRTUAL TABLE%USING FTS%'))""").fetchone()
        return row[0] if row else None
    return detect_fts(conn, table)


def _datasette_search(conn: sqlite3.Connection, table: str, fts: str, words: str) -> list[int]:
    """The rows `/minutebook/TABLE?_search=WORDS` lists."""
    return [r[0] for r in conn.execute(f"select rowid from {table} where rowid in "
                                       f"(select rowid from {fts} where {fts} match :search)", {"search": words})]


def _add_rows(conn: sqlite3.Connection) -> None:
    conn.execute("INSERT INTO chunks (vector_id, id, text, title) VALUES (7, 'c7', 'Biker Down is a free course "
                 "for motorcyclists.', 'Minutes')")
    conn.execute("INSERT INTO chunks_fts (rowid, text, title) VALUES (7, 'Biker Down is a free course for "
                 "motorcyclists.', 'Minutes')")
    conn.execute("INSERT INTO resolutions (id, title, text) VALUES (3, 'Hate Crime Strategy', 'That the strategy be "
                 "approved.')")
    conn.commit()


def searches_both(conn: sqlite3.Connection) -> None:
    """Datasette offers its search box on both tables, and it finds the row with the words."""
    assert _datasette_fts(conn, "chunks") == "chunks_fts"
    assert _datasette_fts(conn, "resolutions") == "resolutions_fts"
    assert _datasette_search(conn, "chunks", "chunks_fts", "motorcyclists") == [7]
    assert _datasette_search(conn, "resolutions", "resolutions_fts", "strategy") == [3]


def test_datasette_searches_chunks_and_resolutions(tmp_path):
    """She opened minutebook.db in Datasette and typed in its search box: it offered none."""
    store = Store(tmp_path / "minutebook.db")
    _add_rows(store.db.conn)
    searches_both(store.db.conn)
    store.close()


def test_an_index_made_before_gains_datasette_search_at_its_next_ingest(tmp_path):
    """Her index was built by an earlier release, whose full-text tables Datasette did not see."""
    path = tmp_path / "minutebook.db"
    conn = sqlite3.connect(path)
    single = SCHEMA.replace(CHUNKS_FTS, re.sub(r'"(\w+)"', r"'\1'", CHUNKS_FTS))
    conn.executescript(single + re.sub(r'content(_rowid)?="(\w+)"', r"content\1='\2'", register_tables._DDL.format(db="main")))
    _add_rows(conn)
    assert _datasette_fts(conn, "chunks") is None  # as an earlier release left it
    conn.close()

    store = Store(path)  # what the next ingest does with the generation it copies
    searches_both(store.db.conn)
    store.close()
