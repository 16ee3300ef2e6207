"""What a search or a listing may return: board, meeting dates, paper type, restricted pages.

A query type shared by every reader; `where()` turns it into the SQL the storage modules run, and
`fts_query()` turns words into an FTS5 query.
"""
from __future__ import annotations

from dataclasses import dataclass

from minutebook.ingest.text import SEARCH_STOP, words


@dataclass
class Filters:
    board: str | None = None  # case-insensitive substring of the board's or its organisation's name
    since: str | None = None  # ISO date, inclusive
    until: str | None = None
    doc_type: str | None = None
    include_restricted: bool = False

    def where(self, alias: str = "chunks") -> tuple[str, list]:
        clauses, params = [], []
        if self.board:
            # "Maple Lake" names the township whose body is printed as plain "Council".
            clauses.append(f"(lower({alias}.board) LIKE ? OR {alias}.document_id IN"
                           " (SELECT id FROM documents WHERE lower(organisation) LIKE ?))")
            params += [f"%{self.board.lower()}%"] * 2
        if self.since:
            clauses.append(f"{alias}.meeting_date >= ?")
            params.append(self.since)
        if self.until:
            clauses.append(f"{alias}.meeting_date <= ?")
            params.append(self.until)
        if self.doc_type:
            clauses.append(f"{alias}.doc_type = ?")
            params.append(self.doc_type)
        if not self.include_restricted:
            clauses.append(f"{alias}.restricted = 0")
        return (" AND ".join(clauses) or "1=1"), params

    @property
    def narrowing(self) -> bool:
        return bool(self.board or self.since or self.until or self.doc_type)


def fts_query(text: str) -> str:
    """An FTS5 OR-query of the question's content words (quoted, so punctuation is safe)."""
    seen = list(dict.fromkeys(w for w in words(text) if w not in SEARCH_STOP and len(w) > 1))
    return " OR ".join(f'"{w}"' for w in seen)
