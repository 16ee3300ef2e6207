"""Read-only lookups over an index for people browsing it: boards, dates, papers, pages and files.

Used by the web app. Every file path it returns comes from the index's `files` table, never
from what a user typed, so the app can only ever open a file the index was built from.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from .index import META
from .store import Store


def boards(store: Store) -> list[str]:
    """Every board named in the index, alphabetically."""
    rows = store.db.execute("SELECT DISTINCT board FROM chunks WHERE board IS NOT NULL AND board != ''"
                            " UNION SELECT DISTINCT board FROM documents WHERE board IS NOT NULL AND board != ''")
    return sorted({r[0] for r in rows.fetchall()}, key=str.lower)


def date_bounds(store: Store) -> tuple[str | None, str | None]:
    """The earliest and latest meeting dates in the index (ISO), or (None, None)."""
    row = store.db.execute("SELECT min(meeting_date), max(meeting_date) FROM chunks WHERE meeting_date IS NOT NULL").fetchone()
    return (row[0], row[1]) if row else (None, None)


def source_file(store: Store, source: str) -> Path | None:
    """The file on disk that the index read for `source`, or None when the index does not know it."""
    row = store.db.execute("SELECT path FROM files WHERE source = ?", [source]).fetchone()
    return Path(row[0]) if row and row[0] else None


def page_context(store: Store, source: str, page: int) -> dict:
    """Board, meeting date, document title and page count for a page of a source (empty values if unknown)."""
    out = {"board": None, "meeting_date": None, "document_title": None, "pages": None, "document_id": None}
    row = store.db.execute("SELECT d.id, d.title, d.board, d.meeting_date, d.pages FROM files f"
                           " JOIN documents d ON d.id = f.document_id WHERE f.source = ?", [source]).fetchone()
    if not row:
        return out
    out.update(document_id=row[0], document_title=row[1], board=row[2], meeting_date=row[3], pages=row[4])
    section = store.db.execute("SELECT board, meeting_date FROM sections WHERE document_id = ? AND ? BETWEEN first_page"
                               " AND last_page ORDER BY section LIMIT 1", [row[0], page]).fetchone()
    if section:  # the section a page sits in knows its own board and meeting better than the pack does
        out["board"] = section[0] or out["board"]
        out["meeting_date"] = section[1] or out["meeting_date"]
    return out


def page_text(store: Store, source: str, page: int) -> str | None:
    """The stored text of one page of a source (for papers that are not PDFs, or whose file has gone)."""
    row = store.db.execute("SELECT document_id FROM files WHERE source = ?", [source]).fetchone()
    return store.page_text(row[0], page) if row else None


def restricted_pages(store: Store, source: str) -> set[int]:
    """Numbers of the pages of a source that are not for publication."""
    rows = store.db.execute("SELECT p.page FROM files f JOIN pages p ON p.document_id = f.document_id"
                            " WHERE f.source = ? AND p.restricted = 1", [source]).fetchall()
    return {r[0] for r in rows}


RESTRICTED_TITLE = "Restricted (not for publication)"


def papers(store: Store, include_restricted: bool = False) -> list[dict]:
    """The ingested documents, newest meeting first, each with its sections, a one-line summary of
    them and how many of its pages are restricted. A restricted section's title is itself exempt
    content, so without `include_restricted` it reads RESTRICTED_TITLE."""
    docs = store.documents()
    rows = store.db.execute("SELECT document_id, section, kind, title, board, meeting_date, agenda_item, first_page,"
                            " last_page, restricted FROM sections ORDER BY document_id, section").fetchall()
    sections: dict[str, list[dict]] = {}
    for r in rows:
        hidden = bool(r[9]) and not include_restricted
        sections.setdefault(r[0], []).append(
            {"kind": r[2], "title": RESTRICTED_TITLE if hidden else r[3], "board": r[4], "meeting_date": r[5],
             "item": r[6], "first_page": r[7], "last_page": r[8], "restricted": bool(r[9])})
    restricted = dict(store.db.execute("SELECT document_id, count(*) FROM pages WHERE restricted = 1"
                                       " GROUP BY document_id").fetchall())
    for d in docs:
        d["sections"] = sections.get(d["id"], [])
        d["restricted_pages"] = restricted.get(d["id"], 0)
        if d["sections"] and all(x["restricted"] for x in d["sections"]) and not include_restricted:
            d["title"] = RESTRICTED_TITLE  # a wholly exempt paper's title is the exempt report's
        counts = Counter(s["kind"] for s in d["sections"])
        d["sections_summary"] = ", ".join(f"{k} ×{n}" if n > 1 else k for k, n in counts.items())
    return docs


def index_model(generation: Path) -> str | None:
    """The embedding model a generation was built with (its meta.json), or None."""
    try:
        return json.loads((Path(generation) / META).read_text()).get("model")
    except (OSError, ValueError):
        return None
