"""The SQLite side of an index: documents, sections, pages, chunks and their FTS5 table (the
register's topic match, word frequencies and Datasette's search; BM25 ranking is lexical.py's).

Only this module (and `vectors`) touch disk. Tables and columns are named for people who
open the database in Datasette.
"""
from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from minutebook.ingest.storage.catalog_queries import CatalogQueries
from minutebook.ingest.storage.chunk_queries import ChunkQueries
from minutebook.ingest.papers.chunking import context_line
from minutebook.ingest.papers.restriction import page_print
from minutebook.ingest.filters import Filters
from minutebook.ingest.storage.migrations import migrate, pending
from minutebook.ingest.register.queries import RegisterQueries
from minutebook.ingest.register.tables import delete_document
from minutebook.ingest.types import Attendee, Chunk, Document, Meeting

DB = "minutebook.db"  # the database file in each generation folder


class Store(CatalogQueries, ChunkQueries, RegisterQueries):
    """One index generation's SQLite database (reads for browsing, for search and for the register are mixed in)."""

    def __init__(self, path: Path, readonly: bool = False):
        self.path = Path(path)
        if readonly:
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            # Readers map the file and keep a larger page cache: searches touch FTS doclists and
            # chunk rows all over a 100k-chunk database.
            conn.execute("PRAGMA mmap_size = 268435456")
            conn.execute("PRAGMA cache_size = -65536")
        else:
            conn = sqlite3.connect(str(self.path), check_same_thread=False)
        # As sqlite-utils sets it on every connection it wraps, from the start (before this, every
        # Store was one): a row an INSERT OR REPLACE displaces fires its delete trigger, so the
        # register's full-text rows follow (ingest/register/tables.py).
        conn.execute("PRAGMA recursive_triggers = on")
        self.conn = conn  # reads go straight to sqlite3
        self._db = None
        self._setting: frozenset[str] | None = None
        self.rewritten: set[int] = set()  # chunks whose searched text an ingest changed in place (segments.py)
        if not readonly:
            migrate(self.conn)  # a new database gets every table; an older one is brought up to date

    @property
    def db(self):
        """The database through sqlite-utils, for writing. Made on first use: importing sqlite-utils
        imports pandas where it is installed (Streamlit brings it), about 2 s that a search from the
        command line would pay for nothing."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    def begin(self) -> None:
        """One transaction for a whole ingest into a live database (readers keep the last commit).
        Until `commit`, a COMMIT from anywhere (a stray `with conn:`) fails instead of publishing half."""
        self.conn.execute("PRAGMA busy_timeout = 60000")
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.set_authorizer(_no_commit)

    def commit(self) -> None:
        self.conn.set_authorizer(None)
        self.conn.commit()

    def rollback(self) -> None:
        self.conn.set_authorizer(None)
        self.conn.rollback()

    def outdated(self) -> bool:
        """Whether this database was made by an older minutebook and lacks a migration."""
        return bool(pending(self.conn))

    def close(self) -> None:
        self.conn.close()

    # ---- writing -------------------------------------------------------------------------
    def document_for_source(self, source: str) -> str | None:
        row = self.conn.execute("SELECT document_id FROM files WHERE source = ?", [source]).fetchone()
        return row[0] if row else None

    def page_ocr(self, document_id: str | None, page: int) -> bool:
        """Whether the page's words are OCR's reading of a scan (a citation of it says so)."""
        row = self.conn.execute("SELECT ocr FROM pages WHERE document_id = ? AND page = ?", [document_id, page]).fetchone()
        return bool(row and row[0])

    def page_repaired(self, document_id: str | None, page: int) -> bool:
        """Whether the page's text layer ran words together or split them and they were rejoined
        (a citation of it says so)."""
        row = self.conn.execute("SELECT repaired FROM pages WHERE document_id = ? AND page = ?",
                                [document_id, page]).fetchone()
        return bool(row and row[0])

    def has_document(self, document_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE id = ?", [document_id]).fetchone() is not None

    def add_document(self, doc: Document, chunks: list[Chunk], headings: list[str], reader: int = 1) -> list[int]:
        """Insert a document with its sections, pages and chunks; return the chunks' vector ids.
        `reader` is the version of the code that read it (ingest/pipeline.py READER_VERSION)."""
        now = _now()
        # atomic(), not `with conn`: outside a transaction sqlite-utils commits (and syncs) every
        # statement, which made ingest 18x slower.
        with self.db.atomic():
            self.db["documents"].insert(
                {"id": doc.id, **document_record(doc), "pages": len(doc.pages), "chunks": len(chunks),
                 "ingested_at": now, "reader": reader}, replace=True)
            self.db["sections"].insert_all(
                [{"document_id": doc.id, "section": i, "kind": s.kind, "title": s.title, "board": s.board,
                  "meeting_date": s.meeting_date, "agenda_item": s.item, "first_page": s.first_page,
                  "last_page": s.last_page, "restricted": int(s.restricted)} for i, s in enumerate(doc.sections)],
                replace=True)
            self.db["pages"].insert_all(
                [{"document_id": doc.id, "page": p.number, "text": p.text, "blank": int(p.blank),
                  "restricted": int(p.restricted), "ocr": int(p.ocr), "repaired": int(p.repaired), "furniture": "\n".join(p.furniture)}
                 for p in doc.pages], replace=True)
            self.conn.executemany("INSERT INTO page_prints (document_id, page, print) VALUES (?, ?, ?)",
                                  [(doc.id, p.number, v) for p in doc.pages for v in page_print(p.text)])
            ids = []
            for c, heading in zip(chunks, headings):
                context = context_line(c.board, c.meeting_date)
                cur = self.db.execute(
                    "INSERT INTO chunks (id, document_id, section, position, page, text, heading, doc_type, title,"
                    " board, meeting_date, item, restricted, context, refers) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    [c.id, c.document_id, c.section, c.position, c.page, c.text, heading, c.doc_type, c.title,
                     c.board, c.meeting_date, c.item, int(c.restricted), context, c.refers])
                ids.append(cur.lastrowid)
                self.db.execute("INSERT INTO chunks_fts (rowid, text, heading, title, context) VALUES (?,?,?,?,?)",
                                [cur.lastrowid, c.text, heading, c.title, context])
        return ids

    def link_file(self, source: str, document_id: str, path: str, size: int) -> list[int]:
        """Point `source` at a document. The old document it pointed at goes only after the new link
        is written, and only when no file holds it any more: re-linking a file to the document it
        already holds must never delete that document. Returns the removed vector ids."""
        old = self.document_for_source(source)
        with self.db.atomic():
            self.db["files"].insert({"source": source, "document_id": document_id, "path": path,
                                     "bytes": size, "ingested_at": _now()}, replace=True)
        return self._drop_if_orphaned(old) if old and old != document_id else []

    def fill_meeting(self, document_id: str, facts: dict) -> None:
        """Give a document the meeting date, body and time it lacks ({"date", "body", "time"}, any None),
        in its sections and chunks too (their `context` is searched, so the FTS row follows)."""
        if not facts.get("date") and not facts.get("body"):
            return
        with self.db.atomic():
            self.db.execute("UPDATE documents SET meeting_date = coalesce(meeting_date, ?), board = coalesce(board, ?),"
                            " start_time = coalesce(start_time, ?) WHERE id = ?",
                            [facts.get("date"), facts.get("body"), facts.get("time"), document_id])
            self.db.execute("UPDATE sections SET meeting_date = coalesce(meeting_date, ?), board = coalesce(board, ?)"
                            " WHERE document_id = ?", [facts.get("date"), facts.get("body"), document_id])
            rows = self.conn.execute("SELECT vector_id, text, heading, title, context, board, meeting_date FROM chunks"
                                   " WHERE document_id = ? AND (meeting_date IS NULL OR board IS NULL)",
                                   [document_id]).fetchall()
            for vid, text, heading, title, context, board, when in rows:
                self.rewritten.add(vid)
                board, when = board or facts.get("body"), when or facts.get("date")
                new = context_line(board, when)
                self.db.execute("UPDATE chunks SET board = ?, meeting_date = ?, context = ? WHERE vector_id = ?",
                                [board, when, new, vid])
                self.db.execute("INSERT INTO chunks_fts (chunks_fts, rowid, text, heading, title, context)"
                                " VALUES ('delete', ?, ?, ?, ?, ?)", [vid, text, heading, title, context])
                self.db.execute("INSERT INTO chunks_fts (rowid, text, heading, title, context) VALUES (?,?,?,?,?)",
                                [vid, text, heading, title, new])

    def unlink_file(self, source: str) -> list[int]:
        """Forget a source; drop its document when no other file holds it. Returns removed vector ids."""
        doc_id = self.document_for_source(source)
        with self.db.atomic():
            self.db.execute("DELETE FROM files WHERE source = ?", [source])
        return self._drop_if_orphaned(doc_id) if doc_id else []

    def _drop_if_orphaned(self, document_id: str) -> list[int]:
        if self.conn.execute("SELECT 1 FROM files WHERE document_id = ?", [document_id]).fetchone():
            return []
        return self.remove_document(document_id)

    def document_size(self, document_id: str) -> tuple[int, int]:
        """(pages, chunks) of a stored document."""
        row = self.conn.execute("SELECT pages, chunks FROM documents WHERE id = ?", [document_id]).fetchone()
        return (row[0], row[1]) if row else (0, 0)

    def other_source(self, document_id: str, source: str) -> str | None:
        """Another file that holds the same document, if any."""
        row = self.conn.execute("SELECT min(source) FROM files WHERE document_id = ? AND source != ?",
                              [document_id, source]).fetchone()
        return row[0] if row else None

    def remove_document(self, document_id: str) -> list[int]:
        rows = self.conn.execute("SELECT vector_id, text, heading, title, context FROM chunks WHERE document_id = ?",
                               [document_id]).fetchall()
        with self.db.atomic():
            for vid, text, heading, title, context in rows:
                self.db.execute("INSERT INTO chunks_fts (chunks_fts, rowid, text, heading, title, context)"
                                " VALUES ('delete', ?, ?, ?, ?, ?)", [vid, text, heading, title, context])
            for table in ("chunks", "pages", "sections", "page_prints"):
                self.db.execute(f"DELETE FROM {table} WHERE document_id = ?", [document_id])
            delete_document(self.conn, document_id)
            self.db.execute("DELETE FROM documents WHERE id = ?", [document_id])
        return [r[0] for r in rows]

    def log_ingest(self, **counts) -> None:
        with self.db.atomic():
            self.db["ingest_log"].insert({"finished_at": _now(), **counts})

    # ---- reading -------------------------------------------------------------------------
    def sources(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT source, document_id FROM files").fetchall())

    def files(self, reader: int | None = None) -> dict[str, tuple[str | None, str | None]]:
        """source -> (document id, the absolute path it was ingested from). With `reader`, a
        document read by an older version of the reading code comes back with no id, so that
        ingesting its file again reads it afresh."""
        rows = self.conn.execute("SELECT f.source, f.document_id, f.path, d.reader FROM files f"
                               " LEFT JOIN documents d ON d.id = f.document_id").fetchall()
        return {s: (None if reader and (r or 1) < reader else d, p) for s, d, p, r in rows}

    def read_by_older(self, document_id: str, reader: int) -> bool:
        """Whether the document in the index was read by an older version of the reading code."""
        row = self.conn.execute("SELECT reader FROM documents WHERE id = ?", [document_id]).fetchone()
        return bool(row) and (row[0] or 1) < reader

    def source_paths(self) -> dict[str, str]:
        """source -> the absolute path it was ingested from."""
        return dict(self.conn.execute("SELECT source, path FROM files").fetchall())

    def setting_words(self) -> frozenset[str]:
        """Words naming this archive's own setting (its organisations), computed once per generation."""
        if self._setting is None:
            from minutebook.ingest.papers.meeting_facts import setting_words

            try:
                rows = self.conn.execute("SELECT DISTINCT organisation FROM documents WHERE organisation IS NOT NULL")
                self._setting = setting_words([r[0] for r in rows.fetchall()])
            except sqlite3.OperationalError:  # a generation made before meeting facts
                self._setting = setting_words([])
        return self._setting

    def counts(self) -> dict:
        one = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        return {"documents": one("SELECT count(*) FROM documents"), "chunks": one("SELECT count(*) FROM chunks")}

    def document_pages(self, document_ids) -> dict[str, int]:
        ids = list(document_ids)
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        return dict(self.conn.execute(f"SELECT id, pages FROM documents WHERE id IN ({marks})", ids).fetchall())

    def meeting_attendance(self, document_id: str, section: int) -> tuple[Meeting, int, int] | None:
        """The meeting a minutes section records, with its attendance list, and its page range."""
        row = self.conn.execute("SELECT board, meeting_date, time, venue, first_page, last_page FROM meetings"
                              " WHERE document_id = ? AND section = ?", [document_id, section]).fetchone()
        if not row:
            return None
        people = self.conn.execute("SELECT name, role, organisation FROM attendance WHERE document_id = ? AND section = ?"
                                 " ORDER BY position", [document_id, section]).fetchall()
        meeting = Meeting(board=row[0], date=row[1], time=row[2], venue=row[3],
                          attendees=[Attendee(name=n, role=r, organisation=o) for n, r, o in people])
        return meeting, row[4], row[5]

    def board_names(self, filters: Filters) -> list[str]:
        """The boards whose chunks a filter admits (a board filter matches by substring, any case)."""
        where, params = filters.where()
        return [r[0] for r in self.conn.execute(f"SELECT DISTINCT board FROM chunks WHERE {where}", params)]

    def sections_with_source(self) -> list[dict]:
        """Every section, in document order, with the first file that holds its document."""
        cur = self.conn.execute(
            "SELECT s.document_id, s.section, s.kind, s.title, s.board, s.meeting_date, s.agenda_item, s.first_page,"
            " s.last_page, s.restricted, (SELECT min(source) FROM files f WHERE f.document_id = s.document_id) AS source"
            " FROM sections s ORDER BY s.document_id, s.section")
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, r)) for r in cur.fetchall()]

    def page_rows(self, document_id: str, first: int, last: int) -> list[tuple[int, str, int, int]]:
        """(page, text, blank, restricted) of pages first..last of a document."""
        return self.conn.execute("SELECT page, text, blank, restricted FROM pages WHERE document_id = ?"
                               " AND page BETWEEN ? AND ? ORDER BY page", [document_id, first, last]).fetchall()

    def meeting_keys(self, kinds: tuple[str, ...]) -> list[tuple[str, str]]:
        """(board, date) of every meeting that has a section of one of these kinds."""
        marks = ",".join("?" * len(kinds))
        return self.conn.execute("SELECT DISTINCT board, meeting_date FROM sections WHERE meeting_date IS NOT NULL"
                               f" AND board IS NOT NULL AND kind IN ({marks})", list(kinds)).fetchall()

    def meeting_heads(self, kinds: tuple[str, ...]) -> list[tuple[str | None, str | None, str]]:
        """(board, date, the text of its first page) of every section: a report is filed for its
        meeting too; the title block of a section of these kinds (minutes, agendas) prints the
        meeting's date where the section's own date was misread (others' text is left empty)."""
        marks = ",".join("?" * len(kinds))
        return self.db.execute("SELECT s.board, s.meeting_date, CASE WHEN s.kind IN (" + marks + ") THEN coalesce(p.text, '')"
                               " ELSE '' END FROM sections s LEFT JOIN pages p"
                               " ON p.document_id = s.document_id AND p.page = s.first_page", list(kinds)).fetchall()

    def minute_item_rows(self, document_id: str, section: int) -> list[tuple]:
        """(item, heading, page, text, restricted) of a minutes section's chunks, in order."""
        return self.conn.execute("SELECT item, heading, page, text, restricted FROM chunks WHERE document_id = ?"
                               " AND section = ? AND doc_type = 'minutes' ORDER BY position",
                               [document_id, section]).fetchall()

    def section_pages(self, document_id: str, section: int) -> list[tuple[int, str, bool]]:
        """(page, text, read by OCR) of every page of one section, in order: what a meeting's minutes print."""
        return self.db.execute("SELECT p.page, coalesce(p.text, ''), coalesce(p.ocr, 0) FROM pages p JOIN sections s ON s.document_id = p.document_id"
                               " WHERE s.document_id = ? AND s.section = ? AND p.page BETWEEN s.first_page AND s.last_page"
                               " ORDER BY p.page", [document_id, section]).fetchall()

    def page_text(self, document_id: str, page: int) -> str | None:
        row = self.conn.execute("SELECT text FROM pages WHERE document_id = ? AND page = ?", [document_id, page]).fetchone()
        return row[0] if row else None

    def documents(self) -> list[dict]:
        sql = ("SELECT d.*, (SELECT group_concat(source, '; ') FROM files f WHERE f.document_id = d.id) AS sources"
               " FROM documents d ORDER BY meeting_date DESC")
        return [dict(zip([c[0] for c in cur.description], row)) for cur in [self.conn.execute(sql)] for row in cur.fetchall()]

    def last_ingest(self) -> dict | None:
        cur = self.conn.execute("SELECT * FROM ingest_log ORDER BY rowid DESC LIMIT 1")
        row = cur.fetchone()
        return dict(zip([c[0] for c in cur.description], row)) if row else None


def document_record(doc: Document) -> dict:
    """A document's meeting facts as its `documents` row stores them (and `status --json` lists them)."""
    first = doc.sections[0] if doc.sections else None
    facts = doc.facts
    return {"title": doc.title, "board": (facts.body if facts and facts.body else None) or (first.board if first else None),
            "meeting_date": (facts.meeting_date if facts else None) or _document_date(doc),
            "organisation": facts.organisation if facts else None, "start_time": facts.start_time if facts else None,
            "doc_type": facts.doc_type if facts else (first.kind if first else None),
            **{k: getattr(facts, k, None) for k in PORTAL_COLUMNS}}


PORTAL_COLUMNS = ("source_url", "page_url", "agenda_item", "item_title", "portal")  # migration 13


def _document_date(doc: Document) -> str | None:
    dates = [s.meeting_date for s in doc.sections if s.kind != "minutes" and s.meeting_date]
    return dates[0] if dates else next((s.meeting_date for s in doc.sections if s.meeting_date), None)


def _no_commit(action, arg1, *_):
    return sqlite3.SQLITE_DENY if action == sqlite3.SQLITE_TRANSACTION and arg1 == "COMMIT" else sqlite3.SQLITE_OK


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
