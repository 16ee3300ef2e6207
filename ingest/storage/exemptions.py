"""An exemption follows its text: a page that holds the text of another paper's restricted page is
restricted too (an exempt report saved as a file of its own beside the pack that exempts it, or
carried again in a later pack without its notice).

Run inside an ingest's transaction, after its papers are stored, in whichever order the copies
came: each page's print (restriction.page_print) is kept in `page_prints`. Marking only ever adds
restriction; a copy stays restricted though the paper that exempted it is later removed, since
what was once exempt is not made public by a missing file.
"""
from __future__ import annotations

from types import SimpleNamespace

from minutebook.ingest.papers.restriction import lends_restricted, public_title, same_text

_RESTRICTED_PRINTS = ("SELECT q.document_id, q.page, q.print FROM page_prints q JOIN pages p"
                      " ON p.document_id = q.document_id AND p.page = q.page WHERE p.restricted = 1")
_CANDIDATES = ("SELECT DISTINCT q.document_id, q.page FROM page_prints q JOIN pages p"
               " ON p.document_id = q.document_id AND p.page = q.page"
               " WHERE p.restricted = 0 AND q.print IN (SELECT r.print FROM page_prints r JOIN pages rp"
               " ON rp.document_id = r.document_id AND rp.page = r.page WHERE rp.restricted = 1)")


def follow_exemptions(store) -> set[str]:
    """Restrict every public page whose text is a restricted page's, with its chunks and sections;
    returns the documents changed. A paper whose title then names restricted matter loses it."""
    db = store.db
    secret: dict[tuple, set[int]] = {}
    for doc, page, value in db.execute(_RESTRICTED_PRINTS).fetchall():
        secret.setdefault((doc, page), set()).add(value)
    if not secret:
        return set()
    by_value: dict[int, set[tuple]] = {}
    for key, values in secret.items():
        for v in values:
            by_value.setdefault(v, set()).add(key)
    marked: list[tuple[str, int]] = []
    for doc, page in db.execute(_CANDIDATES).fetchall():
        mine = {r[0] for r in db.execute("SELECT print FROM page_prints WHERE document_id = ? AND page = ?", [doc, page])}
        others = {k for v in mine for k in by_value.get(v, ()) if k[0] != doc}
        if any(same_text(mine, secret[k]) for k in others):
            marked.append((doc, page))
    with db.atomic():
        for doc, page in marked:
            db.execute("UPDATE pages SET restricted = 1 WHERE document_id = ? AND page = ?", [doc, page])
            db.execute("UPDATE chunks SET restricted = 1 WHERE document_id = ? AND page = ?", [doc, page])
        changed = {doc for doc, _ in marked}
        for doc in changed:
            db.execute("UPDATE sections SET restricted = 1 WHERE document_id = ? AND NOT EXISTS (SELECT 1 FROM pages p"
                       " WHERE p.document_id = sections.document_id AND p.page BETWEEN sections.first_page"
                       " AND sections.last_page AND p.restricted = 0 AND p.blank = 0)", [doc])
            _retitle(store, doc)
    return changed


def _retitle(store, doc: str) -> None:
    db = store.db
    title = db.execute("SELECT title FROM documents WHERE id = ?", [doc]).fetchone()[0] or ""
    pages = [SimpleNamespace(text=t or "", restricted=bool(r), blank=bool(b)) for t, r, b in
             db.execute("SELECT text, restricted, blank FROM pages WHERE document_id = ?", [doc]).fetchall()]
    if not lends_restricted(title, pages):
        return
    shown, _ = public_title(title, "", pages, [])
    db.execute("UPDATE documents SET title = ? WHERE id = ?", [shown, doc])
    db.execute("UPDATE sections SET title = ? WHERE document_id = ? AND title = ?", [shown, doc, title])
    for vid, text, heading, context in db.execute("SELECT vector_id, text, heading, context FROM chunks"
                                                  " WHERE document_id = ? AND title = ?", [doc, title]).fetchall():
        store.rewritten.add(vid)  # its searched text changed: keyword search rereads it
        db.execute("UPDATE chunks SET title = ? WHERE vector_id = ?", [shown, vid])
        db.execute("INSERT INTO chunks_fts (chunks_fts, rowid, text, heading, title, context)"
                   " VALUES ('delete', ?, ?, ?, ?, ?)", [vid, text, heading, title, context])
        db.execute("INSERT INTO chunks_fts (rowid, text, heading, title, context) VALUES (?,?,?,?,?)",
                   [vid, text, heading, shown, context])
