"""Numbered migrations of an index's database, as Simon Willison's `llm` keeps them.

Each schema change is a function, applied once and recorded in the database (SQLite's
`user_version`), in number order. A new database runs them all; one made by an older minutebook
runs those it lacks. Every step also checks what it changes, so a database made before the
numbering (`user_version` 0), which already has some of the changes, is upgraded safely.
"""
from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Callable

from minutebook.ingest.storage import lexical
from minutebook.ingest.papers.chunking import context_line
from minutebook.ingest.register.tables import ensure_tables

# content="chunks" in double quotes: Datasette finds a table's full-text index by that text in its
# SQL, so `?_search=` works on chunks (and on resolutions, whose FTS table says the same).
CHUNKS_FTS = """CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(
    text, heading, title, context, content="chunks", content_rowid="vector_id", tokenize='porter unicode61'
)"""

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,            -- sha256 of the file
    title TEXT, board TEXT, meeting_date TEXT,
    pages INTEGER, chunks INTEGER, ingested_at TEXT,
    organisation TEXT, start_time TEXT, doc_type TEXT   -- ingest/papers/meeting_facts.py
);
CREATE TABLE IF NOT EXISTS files (
    source TEXT PRIMARY KEY,        -- path relative to the folder given to ingest
    document_id TEXT REFERENCES documents(id),
    path TEXT, bytes INTEGER, ingested_at TEXT
);
CREATE TABLE IF NOT EXISTS sections (
    document_id TEXT REFERENCES documents(id), section INTEGER,
    kind TEXT, title TEXT, board TEXT, meeting_date TEXT, agenda_item TEXT,
    first_page INTEGER, last_page INTEGER, restricted INTEGER,
    PRIMARY KEY (document_id, section)
);
CREATE TABLE IF NOT EXISTS pages (
    document_id TEXT REFERENCES documents(id), page INTEGER,
    text TEXT, blank INTEGER, restricted INTEGER,
    ocr INTEGER DEFAULT 0,          -- text read from the page's image by OCR
    furniture TEXT,                 -- running headers and footers cut from text, one a line
    PRIMARY KEY (document_id, page)
);
CREATE TABLE IF NOT EXISTS chunks (
    vector_id INTEGER PRIMARY KEY AUTOINCREMENT,  -- row id in the vector index
    id TEXT UNIQUE, document_id TEXT REFERENCES documents(id), section INTEGER, position INTEGER,
    page INTEGER, text TEXT, heading TEXT, doc_type TEXT, title TEXT, board TEXT, meeting_date TEXT,
    item TEXT, restricted INTEGER,
    context TEXT                    -- board and meeting date in words, indexed for search
);
CREATE INDEX IF NOT EXISTS chunks_document ON chunks(document_id);
""" + CHUNKS_FTS + ";" + """
CREATE TABLE IF NOT EXISTS ingest_log (
    finished_at TEXT, added INTEGER, replaced INTEGER, unchanged INTEGER, skipped INTEGER, removed INTEGER
);
"""


def create_tables(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)


def add_document_facts(conn: sqlite3.Connection) -> None:
    """Give a generation made before meeting facts the documents' new columns (empty until the
    paper is ingested again)."""
    columns = {r[1] for r in conn.execute("PRAGMA table_info(documents)")}
    with conn:
        for column in ("organisation", "start_time", "doc_type"):
            if column not in columns:
                conn.execute(f"ALTER TABLE documents ADD COLUMN {column} TEXT")


def add_context(conn: sqlite3.Connection) -> None:
    """Bring a generation made before chunks had a `context` column up to date (the next ingest
    copies it, so an old index gains meeting-aware search without re-embedding)."""
    columns = {r[1] for r in conn.execute("PRAGMA table_info(chunks)")}
    if "context" in columns:
        return
    rows = conn.execute("SELECT vector_id, board, meeting_date FROM chunks").fetchall()
    with conn:
        conn.execute("ALTER TABLE chunks ADD COLUMN context TEXT")
        conn.executemany("UPDATE chunks SET context = ? WHERE vector_id = ?",
                         [(context_line(board, date), vid) for vid, board, date in rows])
        conn.execute("DROP TABLE chunks_fts")
        conn.execute(CHUNKS_FTS)
        conn.execute("INSERT INTO chunks_fts (chunks_fts) VALUES ('rebuild')")


def add_page_columns(conn: sqlite3.Connection) -> None:
    """Give a generation made before OCR and page furniture their columns (no page of it was OCR'd)."""
    columns = {r[1] for r in conn.execute("PRAGMA table_info(pages)")}
    with conn:
        if "ocr" not in columns:
            conn.execute("ALTER TABLE pages ADD COLUMN ocr INTEGER DEFAULT 0")
        if "furniture" not in columns:
            conn.execute("ALTER TABLE pages ADD COLUMN furniture TEXT")


def add_reader_column(conn: sqlite3.Connection) -> None:
    """Record which version of the reading code read each document; older ones read as version 1."""
    if "reader" not in {r[1] for r in conn.execute("PRAGMA table_info(documents)")}:
        with conn:
            conn.execute("ALTER TABLE documents ADD COLUMN reader INTEGER DEFAULT 1")


SEGMENTS = """
CREATE TABLE IF NOT EXISTS segments (      -- the files an index grown in place is read from (segments.py)
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,             -- 'vectors' or 'lexical'
    file TEXT NOT NULL,             -- in the generation's segments/ folder
    rows INTEGER NOT NULL, created_at TEXT
);
CREATE TABLE IF NOT EXISTS removed_vectors (vector_id INTEGER PRIMARY KEY);  -- still in a segment until a merge
"""


def segment_tables(conn: sqlite3.Connection) -> None:
    conn.executescript(SEGMENTS)


def index_files_by_document(conn: sqlite3.Connection) -> None:
    """Each search hit names its paper's first file (Store.chunks_by_vector_ids): without this index
    that is a read of every file's row, 2 ms a hit at 1M chunks (24k files), 150 ms a search."""
    conn.execute("CREATE INDEX IF NOT EXISTS files_document ON files(document_id)")


def page_prints_table(conn: sqlite3.Connection) -> None:
    """Each page's print (restriction.page_print), so that an exemption follows its text into any
    copy of it (ingest/storage/exemptions.py). A paper read before has none until the next ingest
    reads it again (pipeline.READER_VERSION 8)."""
    conn.execute("CREATE TABLE IF NOT EXISTS page_prints (document_id TEXT, page INTEGER, print INTEGER)")
    conn.execute("CREATE INDEX IF NOT EXISTS page_prints_print ON page_prints (print)")
    conn.execute("CREATE INDEX IF NOT EXISTS page_prints_document ON page_prints (document_id)")


def add_refers(conn: sqlite3.Connection) -> None:
    """Chunks: the names their "the project"s refer back to (coreference.py). A paper read before
    has none until the next ingest reads it again (pipeline.READER_VERSION 3), so its search
    stays as it was meanwhile."""
    if "refers" not in {r[1] for r in conn.execute("PRAGMA table_info(chunks)")}:
        conn.execute("ALTER TABLE chunks ADD COLUMN refers TEXT DEFAULT ''")


FTS_TABLES = {"chunks_fts": "chunks", "resolutions_fts": "resolutions"}  # full-text table -> its content table


def _fts_datasette_finds(conn: sqlite3.Connection, fts: str, content: str) -> None:
    """Rewrite a generation's full-text table made with content='table' (single quotes, which
    Datasette does not recognise) as content="table", and refill it from its content table."""
    row = conn.execute("SELECT sql FROM main.sqlite_master WHERE name = ?", [fts]).fetchone()
    if not row or f'content="{content}"' in row[0]:
        return
    sql = re.sub(r"(content(?:_rowid)?)='(\w+)'", r'\1="\2"', row[0])
    with conn:
        conn.execute(f"DROP TABLE main.{fts}")
        conn.execute(sql)
        conn.execute(f"INSERT INTO main.{fts} ({fts}) VALUES ('rebuild')")


def datasette_full_text(conn: sqlite3.Connection) -> None:
    for fts, content in FTS_TABLES.items():
        _fts_datasette_finds(conn, fts, content)


# What BM25 indexed when migration 9 was written: it runs before chunks had `refers` (migration 11).
LEXICAL_ROWS = "SELECT vector_id, text, heading, title, context FROM chunks ORDER BY vector_id"


def build_lexical(conn: sqlite3.Connection) -> None:
    """Give a generation made before keyword search had its own BM25 arrays (lexical.npz) those
    arrays, built from its chunks beside the database, so that every index is searched by one
    BM25 (lexical.py) and no second ranking by SQLite FTS5 is kept for old ones. A new database
    has no chunks yet: its arrays are written when its generation is published."""
    path = next((row[2] for row in conn.execute("PRAGMA database_list") if row[1] == "main"), "")
    folder = Path(path).parent if path else None
    if folder is None or (folder / lexical.FILE).exists() or not conn.execute("SELECT 1 FROM chunks LIMIT 1").fetchone():
        return
    if conn.execute("SELECT 1 FROM segments LIMIT 1").fetchone():
        return  # grown in place: its postings are in segment files (segments.py)
    lexical.save(lexical.build(conn.execute(LEXICAL_ROWS)), folder)


def add_portal_columns(conn: sqlite3.Connection) -> None:
    """Documents: where a fetched paper came from (`minutebook fetch`): its public address, its
    meeting's page, its agenda item and the portal. Empty for papers ingested from disk."""
    columns = {r[1] for r in conn.execute("PRAGMA table_info(documents)")}
    with conn:
        for column in ("source_url", "page_url", "agenda_item", "item_title", "portal"):
            if column not in columns:
                conn.execute(f"ALTER TABLE documents ADD COLUMN {column} TEXT")


def add_repaired_column(conn: sqlite3.Connection) -> None:
    """Pages: whether the text layer's words were rejoined (Page.repaired). A paper read before has
    none marked until the next ingest reads it again (pipeline.READER_VERSION 10)."""
    if "repaired" not in {r[1] for r in conn.execute("PRAGMA table_info(pages)")}:
        with conn:
            conn.execute("ALTER TABLE pages ADD COLUMN repaired INTEGER DEFAULT 0")


MIGRATIONS: list[tuple[int, str, Callable[[sqlite3.Connection], None]]] = [
    (1, "documents, files, sections, pages, chunks and their full-text index", create_tables),
    (2, "chunks: the meeting in words (context), searched with the text", add_context),
    (3, "pages: read by OCR, and the page furniture cut from them", add_page_columns),
    (4, "documents: the version of the reading code that read them", add_reader_column),
    (5, "documents: organisation, start time and document type", add_document_facts),
    (6, "the register: meetings, attendance, decisions with outcomes, votes and movers", ensure_tables),
    (7, "full-text tables that Datasette finds", datasette_full_text),
    (8, "segments: the vector and BM25 files an index grown in place is read from", segment_tables),
    (9, "keyword search's BM25 arrays (lexical.npz) for a generation made before them", build_lexical),
    (10, "files: found by their document (each hit names its file)", index_files_by_document),
    (11, "chunks: the names their 'the project's refer back to, searched with them", add_refers),
    (12, "the register: what minutes record of the meeting itself (call to order, roll call, adjournment, next meeting)",
     ensure_tables),
    (13, "documents: the public address, meeting page, agenda item and portal of a fetched paper", add_portal_columns),
    (14, "page_prints: each page's print, so that an exemption follows its text into copies", page_prints_table),
    (15, "pages: a text layer whose words were rejoined (split or run together as the PDF drew them)",
     add_repaired_column),
]
LATEST = MIGRATIONS[-1][0]


def pending(conn: sqlite3.Connection) -> list[tuple[int, str, Callable]]:
    """The migrations this database has not had."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    return [m for m in MIGRATIONS if m[0] > version]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply the pending migrations in order; return what each did."""
    done = []
    for number, name, step in pending(conn):
        step(conn)
        conn.execute(f"PRAGMA user_version = {number}")
        done.append(name)
    return done
