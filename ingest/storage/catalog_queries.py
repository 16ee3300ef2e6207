"""Read-only lookups for people browsing an index: boards, dates, files, pages and sections.

Mixed into Store, so the read side (assistant/catalog.py, the app) asks `store.boards()` and never
writes SQL itself. Every file path comes from the `files` table, never from what a user typed, so
the app can only ever open a file the index was built from.
"""
from __future__ import annotations

from pathlib import Path


class CatalogQueries:
    """Lookups over one generation's database; `self.conn` is its sqlite3 connection (see Store)."""

    def boards(self) -> list[str]:
        """Every board named in the index, alphabetically."""
        rows = self.conn.execute("SELECT DISTINCT board FROM chunks WHERE board IS NOT NULL AND board != ''"
                               " UNION SELECT DISTINCT board FROM documents WHERE board IS NOT NULL AND board != ''")
        return sorted({r[0] for r in rows.fetchall()}, key=str.lower)

    def date_bounds(self) -> tuple[str | None, str | None]:
        """The earliest and latest meeting dates in the index (ISO), or (None, None)."""
        row = self.conn.execute("SELECT min(meeting_date), max(meeting_date) FROM chunks"
                              " WHERE meeting_date IS NOT NULL").fetchone()
        return (row[0], row[1]) if row else (None, None)

    def source_file(self, source: str) -> Path | None:
        """The file on disk that the index read for `source`, or None when the index does not know it."""
        row = self.conn.execute("SELECT path FROM files WHERE source = ?", [source]).fetchone()
        return Path(row[0]) if row and row[0] else None

    def source_document(self, source: str) -> dict | None:
        """The document row (id, title, board, meeting_date, pages) a source was read as, or None."""
        row = self.conn.execute("SELECT d.id, d.title, d.board, d.meeting_date, d.pages FROM files f"
                              " JOIN documents d ON d.id = f.document_id WHERE f.source = ?", [source]).fetchone()
        return dict(zip(("id", "title", "board", "meeting_date", "pages"), row)) if row else None

    def page_section(self, document_id: str, page: int) -> tuple[str | None, str | None] | None:
        """(board, meeting_date) of the first section a page of a document sits in, or None."""
        return self.conn.execute("SELECT board, meeting_date FROM sections WHERE document_id = ? AND ? BETWEEN"
                               " first_page AND last_page ORDER BY section LIMIT 1", [document_id, page]).fetchone()

    def source_page_text(self, source: str, page: int) -> str | None:
        """The stored text of one page of a source."""
        document_id = self.document_for_source(source)
        return self.page_text(document_id, page) if document_id else None

    def restricted_pages(self, source: str) -> set[int]:
        """Numbers of the pages of a source that are not for publication."""
        rows = self.conn.execute("SELECT p.page FROM files f JOIN pages p ON p.document_id = f.document_id"
                               " WHERE f.source = ? AND p.restricted = 1", [source]).fetchall()
        return {r[0] for r in rows}

    def section_rows(self) -> list[dict]:
        """Every section (kind, title, board, meeting_date, item, pages, restricted), in document order."""
        cur = self.conn.execute("SELECT document_id, section, kind, title, board, meeting_date, agenda_item AS item,"
                              " first_page, last_page, restricted FROM sections ORDER BY document_id, section")
        names = [c[0] for c in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]

    def document_files(self, document_ids: set[str]) -> dict[str, list[tuple[str, str | None]]]:
        """document id -> its files' (source, path), sources in order."""
        if not document_ids:
            return {}
        marks = ",".join("?" * len(document_ids))
        out: dict[str, list[tuple[str, str | None]]] = {}
        for doc, source, path in self.conn.execute(f"SELECT document_id, source, path FROM files WHERE document_id"
                                                   f" IN ({marks}) ORDER BY source", list(document_ids)).fetchall():
            out.setdefault(doc, []).append((source, path))
        return out

    def section_chunk_texts(self, document_id: str, section: int, include_restricted: bool = True) -> list[tuple[int, str]]:
        """(page, text) of a section's chunks, in order (without `include_restricted`, the public ones)."""
        hidden = "" if include_restricted else " AND restricted = 0"
        return self.conn.execute(f"SELECT page, text FROM chunks WHERE document_id = ? AND section = ?{hidden}"
                                 " ORDER BY position", [document_id, section]).fetchall()

    def restricted_page_counts(self) -> dict[str, int]:
        """document id -> how many of its pages are restricted (documents with none left out)."""
        return dict(self.conn.execute("SELECT document_id, count(*) FROM pages WHERE restricted = 1"
                                    " GROUP BY document_id").fetchall())

    def page_furniture(self, document_id: str, page: int) -> tuple[str, ...]:
        """The running headers and footers the furniture reader found on a page (ingest/pdf/furniture.py),
        those cut from its text and, on the first page they print on, those kept as the paper's heading."""
        row = self.conn.execute("SELECT furniture FROM pages WHERE document_id = ? AND page = ?",
                              [document_id, page]).fetchone()
        return tuple(line for line in (row[0] or "").split("\n") if line.strip()) if row else ()
