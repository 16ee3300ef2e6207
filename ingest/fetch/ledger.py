"""What `fetch` has fetched from each source, kept beside the index in `fetch.sqlite`.

Per source and document: where the paper was saved, its hash, the server's ETag and
Last-Modified, the portal's own change stamp, and what the portal said of it (body, meeting,
item, kind, public URL). A second run asks only about what is new or changed; the reading code
looks a saved paper up here by its path (`portal_facts`) so the portal's facts win over guesses.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

FILE = "fetch.sqlite"

SCHEMA = """
CREATE TABLE IF NOT EXISTS sources (
    source TEXT PRIMARY KEY, system TEXT, last_fetched_at TEXT, last_summary TEXT
);
CREATE TABLE IF NOT EXISTS papers (
    source TEXT NOT NULL, key TEXT NOT NULL,
    url TEXT, path TEXT, sha256 TEXT, bytes INTEGER, etag TEXT, last_modified TEXT, version TEXT,
    facts TEXT,                    -- JSON: what the portal says of the paper (portal.PortalPaper.facts)
    fetched_at TEXT, seen_at TEXT,
    PRIMARY KEY (source, key)
);
CREATE INDEX IF NOT EXISTS papers_path ON papers(path);
"""


@dataclass
class Known:
    key: str
    url: str
    path: str  # absolute, as saved
    sha256: str | None
    bytes: int | None
    etag: str | None
    last_modified: str | None
    version: str | None
    facts: dict


class Ledger:
    def __init__(self, index: Path):
        index.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(index / FILE, timeout=60, isolation_level=None)
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Ledger":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def known(self, source: str) -> dict[str, Known]:
        rows = self.db.execute("SELECT key, url, path, sha256, bytes, etag, last_modified, version, facts"
                               " FROM papers WHERE source = ?", [source]).fetchall()
        return {r[0]: Known(*r[:8], json.loads(r[8] or "{}")) for r in rows}

    def paths_taken(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT path FROM papers WHERE path IS NOT NULL")}

    def record(self, source: str, key: str, url: str, path: str, sha256: str | None, size: int | None,
               etag: str | None, last_modified: str | None, version: str | None, facts: dict) -> None:
        """One paper saved whole (or found unchanged): committed at once, so a run killed after it
        never fetches it again."""
        now = _now()
        self.db.execute(
            "INSERT INTO papers (source, key, url, path, sha256, bytes, etag, last_modified, version, facts,"
            " fetched_at, seen_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (source, key) DO UPDATE SET"
            " url = excluded.url, path = excluded.path, sha256 = excluded.sha256, bytes = excluded.bytes,"
            " etag = excluded.etag, last_modified = excluded.last_modified, version = excluded.version,"
            " facts = excluded.facts, fetched_at = excluded.fetched_at, seen_at = excluded.seen_at",
            [source, key, url, path, sha256, size, etag, last_modified, version,
             json.dumps(facts, ensure_ascii=False), now, now])

    def seen(self, source: str, key: str, facts: dict) -> None:
        self.db.execute("UPDATE papers SET seen_at = ?, facts = ? WHERE source = ? AND key = ?",
                        [_now(), json.dumps(facts, ensure_ascii=False), source, key])

    def finish(self, source: str, system: str, summary: dict) -> None:
        self.db.execute("INSERT INTO sources (source, system, last_fetched_at, last_summary) VALUES (?,?,?,?)"
                        " ON CONFLICT (source) DO UPDATE SET system = excluded.system,"
                        " last_fetched_at = excluded.last_fetched_at, last_summary = excluded.last_summary",
                        [source, system, _now(), json.dumps(summary)])

    def sources(self) -> list[dict]:
        return [{"source": s, "system": y, "last_fetched_at": t, "summary": json.loads(m or "{}")}
                for s, y, t, m in self.db.execute("SELECT * FROM sources ORDER BY source")]


def portal_facts(index: Path, path: Path | str) -> dict | None:
    """What a portal said of the paper saved at `path`, or None (not fetched, or no ledger)."""
    db_path = Path(index) / FILE
    if not db_path.exists():
        return None
    try:
        db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=30)
    except sqlite3.Error:
        return None
    try:
        row = db.execute("SELECT facts FROM papers WHERE path = ? ORDER BY fetched_at DESC LIMIT 1",
                         [str(Path(path).resolve())]).fetchone()
    except sqlite3.Error:
        return None
    finally:
        db.close()
    return json.loads(row[0]) if row and row[0] else None


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
