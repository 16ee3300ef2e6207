"""The chunk reads a search makes: the rows BM25 indexes, a filter as vector ids, the chunks behind
vector ids with their section's facts, and the neighbours a page break cut apart.

Mixed into Store (as CatalogQueries is), so the search path reads chunks through one small class
and the write side of store.py stays about writing.
"""
from __future__ import annotations

import json

from minutebook.ingest.filters import Filters
from minutebook.ingest.types import Chunk


class ChunkQueries:
    """Search's lookups over one generation's chunks; `self.conn` is its sqlite3 connection (see Store)."""

    def lexical_rows(self, ids: list[int] | None = None):
        """(vector_id, text, heading, title, context, refers) of every chunk (or of those `ids`), by
        vector id: what BM25 indexes."""
        sql = "SELECT vector_id, text, heading, title, context, coalesce(refers, '') FROM chunks"
        if ids is None:
            return self.conn.execute(sql + " ORDER BY vector_id")
        return self.conn.execute(sql + " WHERE vector_id IN (SELECT value FROM json_each(?)) ORDER BY vector_id",
                               [json.dumps([int(i) for i in ids])])

    def allowed_ids(self, filters: Filters) -> list[int] | None:
        """Vector ids passing the filters, or None when nothing is filtered out."""
        where, params = filters.where()
        if where == "1=1":
            return None
        return [r[0] for r in self.conn.execute(f"SELECT vector_id FROM chunks WHERE {where}", params).fetchall()]

    def filter_ids(self, filters: Filters) -> tuple[str, list[int]] | None:
        """The filter as vector ids, in the cheaper of two forms: ("exclude", ids failing it) when it
        keeps at least half the chunks (typically: only restricted chunks are left out), else
        ("allow", ids passing it). None when nothing is filtered out."""
        where, params = filters.where()
        if where == "1=1":
            return None
        total = self.conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
        passing = self.conn.execute(f"SELECT count(*) FROM chunks WHERE {where}", params).fetchone()[0]
        if passing == total:
            return None
        if 2 * passing >= total:
            sql = f"SELECT vector_id FROM chunks WHERE NOT coalesce(({where}), 0)"
            return "exclude", [r[0] for r in self.conn.execute(sql, params).fetchall()]
        return "allow", [r[0] for r in self.conn.execute(f"SELECT vector_id FROM chunks WHERE {where}", params).fetchall()]

    def doc_types(self, ids: list[int]) -> dict[int, str]:
        """vector_id -> the kind of section its chunk belongs to."""
        return {vid: facts[0] for vid, facts in self.meeting_facts(ids).items()}

    def meeting_facts(self, ids: list[int]) -> dict[int, tuple[str, set[str], bool]]:
        """vector_id -> (the kind of section its chunk belongs to, the ISO dates of its section's
        meeting and of its paper's (a pack files earlier minutes; a section can misread a date),
        whether it is on its section's first page: where minutes print who was present and who chaired)."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self.conn.execute(
            f"SELECT c.vector_id, c.doc_type, c.meeting_date, d.meeting_date, c.page = (SELECT min(o.page) FROM chunks o"
            f" WHERE o.document_id = c.document_id AND o.section = c.section)"
            f" FROM chunks c JOIN documents d ON d.id = c.document_id WHERE c.vector_id IN ({marks})", ids)
        return {vid: (kind, {date, paper_date} - {None}, bool(opens)) for vid, kind, date, paper_date, opens in rows.fetchall()}

    def page_neighbours(self, ids: list[int]) -> list[tuple[int, int]]:
        """(vector_id, its neighbour's) for each chunk of `ids` whose next or previous chunk in its
        section is on another page: the two halves of a passage the page break cut."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        return self.conn.execute(
            f"SELECT c.vector_id, o.vector_id, length(trim(c.text)) <= length(coalesce(c.heading, '')) + 12"
            f" FROM chunks c JOIN chunks o ON o.document_id = c.document_id"
            f" AND o.section = c.section AND o.position IN (c.position - 1, c.position + 1) AND o.page != c.page"
            f" WHERE c.vector_id IN ({marks})", ids).fetchall()

    def chunks_by_vector_ids(self, ids: list[int]) -> dict[int, tuple[Chunk, str, str]]:
        """vector_id -> (chunk, heading, source) for the given ids."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self.conn.execute(
            f"SELECT c.vector_id, c.id, c.document_id, c.section, c.position, c.page, c.text, c.doc_type, c.title,"
            f" c.board, c.meeting_date, c.item, c.restricted, c.heading, coalesce(c.refers, ''),"
            f" (SELECT min(source) FROM files f WHERE f.document_id = c.document_id),"
            f" (SELECT ocr FROM pages p WHERE p.document_id = c.document_id AND p.page = c.page)"
            f" FROM chunks c WHERE c.vector_id IN ({marks})", ids).fetchall()
        out = {}
        for r in rows:
            chunk = Chunk(id=r[1], document_id=r[2], section=r[3], position=r[4], page=r[5], text=r[6],
                          doc_type=r[7], title=r[8], board=r[9], meeting_date=r[10], item=r[11],
                          restricted=bool(r[12]), ocr=bool(r[16]), refers=r[14])
            out[r[0]] = (chunk, r[13] or "", r[15] or "")
        return out

    def item_chunks(self, document_id: str, item: str, include_restricted: bool = False) -> list[tuple[Chunk, str]]:
        """The chunks of one minute item, in order, with their source; an item that runs onto a
        restricted page keeps that part out unless restricted papers are asked for."""
        where = "" if include_restricted else " AND restricted = 0"
        rows = self.conn.execute("SELECT vector_id FROM chunks WHERE document_id = ? AND item = ? AND doc_type = 'minutes'"
                               f"{where} ORDER BY position", [document_id, item]).fetchall()
        found = self.chunks_by_vector_ids([r[0] for r in rows])
        return [(found[r[0]][0], found[r[0]][2]) for r in rows if r[0] in found]
