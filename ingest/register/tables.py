"""The resolutions register's tables, written at ingest: meetings, attendance and every minuted decision.

The writing half of the register (ingest/register.py reads it). It needs only a database
connection, so the store can create and fill these tables without importing the reading side.
"""
from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING

from minutebook.ingest.papers.proceedings_facts import read_proceedings
from minutebook.ingest.types import Document, Page

if TYPE_CHECKING:
    from minutebook.ingest.storage.store import Store

TABLES = ("meetings", "attendance", "resolutions", "proceedings")

# {db} is "main" for a writable index, or "temp" when an older generation opened read-only
# lacks the tables and the register is rebuilt in memory from its stored pages.
_DDL = """
CREATE TABLE IF NOT EXISTS {db}.meetings (
    document_id TEXT, section INTEGER, board TEXT, meeting_date TEXT, time TEXT, venue TEXT,
    first_page INTEGER, last_page INTEGER, resolutions INTEGER,
    PRIMARY KEY (document_id, section)
);
CREATE TABLE IF NOT EXISTS {db}.attendance (
    document_id TEXT, section INTEGER, position INTEGER, name TEXT, role TEXT, organisation TEXT,
    PRIMARY KEY (document_id, section, position)
);
-- What the minutes record of the meeting itself (ingest/papers/proceedings_facts.py): the call to
-- order, chair, roll call, apologies, clerk, quorum, adjournment and next meeting, with the page and
-- the printed span that says it.
CREATE TABLE IF NOT EXISTS {db}.proceedings (
    document_id TEXT, section INTEGER, position INTEGER, kind TEXT, page INTEGER, quote TEXT,
    PRIMARY KEY (document_id, section, position)
);
CREATE TABLE IF NOT EXISTS {db}.resolutions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- rowid of resolutions_fts
    document_id TEXT, section INTEGER, page INTEGER, board TEXT, meeting_date TEXT,
    item TEXT, title TEXT, text TEXT, form TEXT, kinds TEXT, parts TEXT, discussion TEXT,
    outcome TEXT, outcome_text TEXT, mover TEXT, seconder TEXT,
    votes TEXT,                     -- JSON: for, against, abstain, unanimous, names
    entry TEXT,                     -- decision, motion or amendment
    amends INTEGER                  -- for an amendment: the id of the decision it amends
);
CREATE INDEX IF NOT EXISTS {db}.resolutions_document ON resolutions(document_id);
CREATE VIRTUAL TABLE IF NOT EXISTS {db}.resolutions_fts USING fts5(
    title, text, content="resolutions", content_rowid="id", tokenize='porter unicode61'
);
-- Triggers keep the FTS index in step with every insert and delete, wherever they come from.
CREATE TRIGGER IF NOT EXISTS {db}.resolutions_ai AFTER INSERT ON resolutions BEGIN
    INSERT INTO resolutions_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS {db}.resolutions_ad AFTER DELETE ON resolutions BEGIN
    INSERT INTO resolutions_fts (resolutions_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
"""


# Columns a register made by an older minutebook lacks; such a register is read again from the pages.
_NEW_COLUMNS = {"outcome", "outcome_text", "mover", "seconder", "votes", "entry", "amends"}


def ensure_tables(conn: sqlite3.Connection) -> None:
    """Create the register tables if missing (or older than these columns) and fill them from the stored pages."""
    if _has_tables(conn) and _NEW_COLUMNS <= {r[1] for r in conn.execute("PRAGMA table_info(resolutions)")}:
        return
    try:
        with conn:
            for table in ("resolutions_fts", *TABLES):
                conn.execute(f"DROP TABLE IF EXISTS main.{table}")
        conn.executescript(_DDL.format(db="main"))
    except sqlite3.OperationalError:  # a read-only generation: build the register for this connection only
        conn.executescript(_DDL.format(db="temp"))
    with conn:
        _backfill(conn)


def write_minutes(store: Store, doc: Document) -> int:
    """Parse every minutes section of `doc` into the register, replacing its old rows; returns decisions written."""
    conn = store.conn
    with store.db.atomic():  # a savepoint inside an ingest's transaction, never a commit of it
        delete_document(conn, doc.id)
        return sum(_write_section(conn, doc.id, i, s.board, s.meeting_date,
                                  [doc.page(n) for n in range(s.first_page, s.last_page + 1)])
                   for i, s in enumerate(doc.sections) if s.kind == "minutes")


def delete_document(conn: sqlite3.Connection, document_id: str) -> None:
    """Drop a document's register rows (the caller holds the transaction)."""
    for table in TABLES:
        conn.execute(f"DELETE FROM {table} WHERE document_id = ?", [document_id])


def _write_section(conn, document_id: str, section: int, board, meeting_date, pages: list[Page]) -> int:
    # Imported here: the minutes parser's patterns are the ingest's work; every reader of an
    # index opens these tables, and a search from the command line would compile them for nothing.
    from minutebook.ingest.register.minutes import parse_minutes

    # The section is one meeting's record, dated by its own title block (ingest/papers/meetings.py:
    # a paper of several meetings, a printed year slip); the parser's first header date is the fallback.
    meeting, resolutions = parse_minutes(pages, board, meeting_date)
    when = meeting.date or meeting_date
    board = meeting.board or board
    conn.execute("INSERT OR REPLACE INTO meetings VALUES (?,?,?,?,?,?,?,?,?)",
                 [document_id, section, board, when, meeting.time, meeting.venue, pages[0].number if pages else None,
                  pages[-1].number if pages else None, len(resolutions)])
    conn.executemany("INSERT OR REPLACE INTO attendance VALUES (?,?,?,?,?,?)",
                     [(document_id, section, n, a.name, a.role, a.organisation)
                      for n, a in enumerate(meeting.attendees)])
    conn.executemany("INSERT OR REPLACE INTO proceedings VALUES (?,?,?,?,?,?)",
                     [(document_id, section, n, f.kind, f.page, f.quote)
                      for n, f in enumerate(read_proceedings([(p.number, p.text) for p in pages]))])
    ids: list[int] = []
    for r in resolutions:
        parts = [_part_json(p) for p in r.parts]
        cur = conn.execute(
            "INSERT INTO resolutions (document_id, section, page, board, meeting_date, item, title, text, form,"
            " kinds, parts, discussion, outcome, outcome_text, mover, seconder, votes, entry)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [document_id, section, r.page, r.board or board, r.meeting_date or when, r.item, r.title, r.text, r.form,
             "; ".join(dict.fromkeys(p["kind"] for p in parts)), json.dumps(parts, ensure_ascii=False),
             r.discussion, r.outcome, r.outcome_text, r.mover, r.seconder,
             json.dumps(r.votes.to_json(), ensure_ascii=False) if r.votes else None, r.entry])
        ids.append(cur.lastrowid)
    conn.executemany("UPDATE resolutions SET amends = ? WHERE id = ?",
                     [(ids[r.amends], ids[n]) for n, r in enumerate(resolutions) if r.amends is not None])
    return len(resolutions)


def resolution_row(r, board, when, source: str) -> dict:
    return {"board": r.board or board, "meeting_date": r.meeting_date or when, "item": r.item, "title": r.title,
            "text": r.text, "parts": json.dumps([_part_json(p) for p in r.parts]), "source": source, "page": r.page,
            "form": r.form, "document_title": None, "outcome": r.outcome, "outcome_text": r.outcome_text,
            "mover": r.mover, "seconder": r.seconder, "entry": r.entry,
            "votes": json.dumps(r.votes.to_json()) if r.votes else None}


def _part_json(part) -> dict:
    out = {"label": part.label, "text": part.text, "kind": part.kind}
    out.update({k: v for k, v in (("who", part.who), ("what", part.what), ("by_when", part.by_when)) if v})
    return out


def _has_tables(conn) -> bool:
    names = {r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' UNION SELECT name FROM sqlite_temp_master"
        " WHERE type = 'table'")}
    return set(TABLES) <= names


def _backfill(conn) -> None:
    """Register the minutes sections that have no meeting row yet, from the pages the index already holds."""
    todo = conn.execute(
        "SELECT s.document_id, s.section, s.board, s.meeting_date, s.first_page, s.last_page FROM sections s"
        " WHERE s.kind = 'minutes' AND NOT EXISTS (SELECT 1 FROM meetings m"
        " WHERE m.document_id = s.document_id AND m.section = s.section)").fetchall()
    for document_id, section, board, meeting_date, first, last in todo:
        rows = conn.execute("SELECT page, text, blank, restricted FROM pages WHERE document_id = ?"
                            " AND page BETWEEN ? AND ? ORDER BY page", [document_id, first, last]).fetchall()
        pages = [Page(n, text or "", bool(blank), bool(restricted)) for n, text, blank, restricted in rows]
        _write_section(conn, document_id, section, board, meeting_date, pages)
