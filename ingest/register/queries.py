"""Reading the register's tables (written by register_tables.py): the SQL behind `resolutions`.

Mixed into Store, so the read side asks `store.resolution_rows(...)` and never writes SQL itself.
Rows come back as dicts of the columns below; assistant/register/entries.py turns them into RegisterEntry.
"""
from __future__ import annotations

from minutebook.ingest.filters import Filters, fts_query
from minutebook.ingest.papers.proceedings_facts import ProceedingsFact
from minutebook.ingest.register.tables import ensure_tables

_SELECT = ("SELECT r.id, r.document_id, r.section, r.page, r.board, r.meeting_date, r.item, r.title, r.text, r.form,"
           " r.kinds, r.parts, d.title AS document_title, r.outcome, r.outcome_text, r.mover, r.seconder, r.votes,"
           " r.entry, r.amends,"
           " (SELECT min(source) FROM files f WHERE f.document_id = r.document_id) AS source"
           " FROM resolutions r LEFT JOIN documents d ON d.id = r.document_id"
           " LEFT JOIN pages p ON p.document_id = r.document_id AND p.page = r.page")
_ORDER = " ORDER BY r.meeting_date IS NULL, r.meeting_date DESC, r.document_id, r.section, r.id"


class RegisterQueries:
    """The register's reads; `self.conn` is the generation's sqlite3 connection (see Store)."""

    def resolution_rows(self, filters: Filters, kind: str | None = None, outcome: str | None = None,
                        moved_by: str | None = None) -> list[dict]:
        """Register rows passing the filters, newest meeting first, then in minute order."""
        where, params = _where(filters, kind, outcome, moved_by)
        return self._rows(where, params)

    def item_resolution_rows(self, document_id: str, item: str, include_restricted: bool = True) -> list[dict]:
        """The rows of one minute, in the order printed; without `include_restricted`, only those
        printed on a public page."""
        hidden = "" if include_restricted else " AND coalesce(p.restricted, 0) = 0"
        return self._rows(f"r.document_id = ? AND r.item = ?{hidden}", [document_id, item])

    def resolution_matches(self, words: str, filters: Filters, kind: str | None = None, outcome: str | None = None,
                           moved_by: str | None = None, limit: int = 50) -> list[int]:
        """Ids of the rows whose title or text hold any of these words, best first (BM25)."""
        match = fts_query(words)
        if not match:
            return []
        ensure_tables(self.conn)
        where, params = _where(filters, kind, outcome, moved_by)
        # The title names what was decided; it weighs more than the decision's wording.
        sql = (f"SELECT r.id FROM resolutions_fts JOIN resolutions r ON r.id = resolutions_fts.rowid"
               f" LEFT JOIN pages p ON p.document_id = r.document_id AND p.page = r.page"
               f" WHERE resolutions_fts MATCH ? AND {where} ORDER BY bm25(resolutions_fts, 2.0, 1.0) LIMIT ?")
        return [r[0] for r in self.conn.execute(sql, [match, *params, limit]).fetchall()]

    def decision_counts(self) -> dict[str, int]:
        """How many register entries each document holds (the Papers page's "decisions" column)."""
        ensure_tables(self.db.conn)
        return dict(self.db.execute("SELECT document_id, count(*) FROM resolutions GROUP BY document_id").fetchall())

    def proceedings(self, document_id: str, section: int) -> list[ProceedingsFact]:
        """What a minutes section records of the meeting itself, in page order (read at ingest)."""
        ensure_tables(self.db.conn)
        return [ProceedingsFact(kind, page, quote) for kind, page, quote in self.db.execute(
            "SELECT kind, page, quote FROM proceedings WHERE document_id = ? AND section = ? ORDER BY position",
            [document_id, section]).fetchall()]

    def _rows(self, where: str, params: list) -> list[dict]:
        ensure_tables(self.conn)
        cur = self.conn.execute(f"{_SELECT} WHERE {where}{_ORDER}", params)
        names = [c[0] for c in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]


def _where(filters: Filters, kind: str | None, outcome: str | None, moved_by: str | None) -> tuple[str, list]:
    where, params = Filters(board=filters.board, since=filters.since, until=filters.until,
                            include_restricted=True).where("r")
    if not filters.include_restricted:  # restriction belongs to the page the decision is printed on
        where += " AND coalesce(p.restricted, 0) = 0"
    if kind:
        where += " AND EXISTS (SELECT 1 FROM json_each(r.parts) WHERE json_extract(value, '$.kind') = ?)"
        params = [*params, kind]
    if outcome:
        where, params = where + " AND r.outcome = ?", [*params, outcome]
    if moved_by:
        where, params = where + " AND r.mover LIKE ?", [*params, f"%{moved_by}%"]
    return where, params
