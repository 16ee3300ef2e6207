"""What the Papers page and the page viewer show of an index: its papers with their sections, a
page's meeting, the model a generation was built with.

The lookups themselves are the store's (ingest/storage/catalog_queries.py); this shapes them for people,
and keeps a restricted section's title (itself exempt content) out of sight.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from minutebook.ingest.storage.index_reader import META
from minutebook.ingest.storage.store import Store

from minutebook.assistant.results import Paper, PaperSection


def page_context(store: Store, source: str, page: int) -> dict:
    """Board, meeting date, document title and page count for a page of a source (empty values if unknown)."""
    out = {"board": None, "meeting_date": None, "document_title": None, "pages": None, "document_id": None}
    doc = store.source_document(source)
    if not doc:
        return out
    out.update(document_id=doc["id"], document_title=doc["title"], board=doc["board"],
               meeting_date=doc["meeting_date"], pages=doc["pages"])
    section = store.page_section(doc["id"], page)
    if section:  # the section a page sits in knows its own board and meeting better than the pack does
        out["board"] = section[0] or out["board"]
        out["meeting_date"] = section[1] or out["meeting_date"]
    return out


RESTRICTED_TITLE = "Restricted (not for publication)"


NO_DECISIONS = "no decisions found in these minutes"


def papers(store: Store, include_restricted: bool = False) -> list[Paper]:
    """The ingested documents, newest meeting first, each with its sections, a one-line summary of
    them and how many of its pages are restricted. A restricted section's title is itself exempt
    content, so without `include_restricted` it reads RESTRICTED_TITLE."""
    sections: dict[str, list[PaperSection]] = {}
    for r in store.section_rows():
        hidden = bool(r["restricted"]) and not include_restricted
        sections.setdefault(r["document_id"], []).append(PaperSection(
            kind=r["kind"], title=RESTRICTED_TITLE if hidden else r["title"], board=r["board"],
            meeting_date=r["meeting_date"], item=r["item"], first_page=r["first_page"], last_page=r["last_page"],
            restricted=bool(r["restricted"])))
    restricted = store.restricted_page_counts()
    decisions = store.decision_counts()
    out = []
    for row in store.documents():
        d = Paper.from_row(row)
        d.sections = sections.get(d.id, [])
        d.restricted_pages = restricted.get(d.id, 0)
        if d.sections and all(x.restricted for x in d.sections) and not include_restricted:
            d.title = RESTRICTED_TITLE  # a wholly exempt paper's title is the exempt report's
        counts = Counter(s.kind for s in d.sections)
        d.sections_summary = ", ".join(f"{k} ×{n}" if n > 1 else k for k, n in counts.items())
        d.decisions = decisions.get(d.id, 0)
        if counts.get("minutes") and not d.decisions:
            d.decisions_note = NO_DECISIONS
        out.append(d)
    return out


def index_model(generation: Path) -> str | None:
    """The embedding model a generation was built with (its meta.json), or None."""
    try:
        return json.loads((Path(generation) / META).read_text()).get("model")
    except (OSError, ValueError):
        return None
