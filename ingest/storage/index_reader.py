"""Reading the published generation of an index folder (index.py writes it): where it is, which
commit it is at, and a read-only view of its store, vectors and BM25 postings."""
from __future__ import annotations

import json
import logging
import sqlite3
from functools import partial
from pathlib import Path

from minutebook.ingest.storage import lexical
from minutebook.ingest.storage import segments
from minutebook.ingest.errors import Damaged, MinutebookError, NoIndex, short
from minutebook.ingest.settings import Settings
from minutebook.ingest.storage.store import DB, Store
from minutebook.ingest.storage.vectors import Vectors, open_vectors, resolve

META = "meta.json"


log = logging.getLogger(__name__)


def current_dir(index: Path) -> Path | None:
    link = Path(index) / "current"
    return link.resolve() if (link / DB).exists() else None


def version(index: Path) -> str | None:
    """Names the index's last commit: changes with every ingest, whether it made a generation or
    grew one in place (a cache key for readers that stay open); None when there is no index."""
    gen = current_dir(index)
    if gen is None:
        return None
    marks = []
    try:
        conn = sqlite3.connect(f"file:{gen / DB}?mode=ro", uri=True)
        try:
            for sql in ("SELECT max(rowid) FROM ingest_log", "SELECT max(id) FROM segments",
                        "SELECT count(*) FROM removed_vectors"):
                try:
                    marks.append(conn.execute(sql).fetchone()[0])
                except sqlite3.OperationalError:  # a generation made before segments
                    marks.append(None)
        finally:
            conn.close()
    except sqlite3.Error:
        pass
    return ":".join(map(str, [gen.name, *marks]))


def default_store() -> str:
    return Settings().store  # MINUTEBOOK_STORE, else faiss


class IndexReader:
    """A read-only view of the published generation: its store, vectors and meta.

    The vectors are opened in the store the generation was built with (meta.json); `store`
    (default MINUTEBOOK_STORE) only supplies a server's address when both name a Qdrant server."""

    def __init__(self, index: Path, store: str | None = None):
        gen = current_dir(index)
        if gen is None:
            raise NoIndex(index)
        self.dir, self.index = gen, Path(index)
        self.damaged: Damaged | None = None  # set when only the database can be read: the register still works
        try:
            self.meta = json.loads((gen / META).read_text())
        except (OSError, ValueError) as e:
            self.meta = {}
            why = "is not valid JSON" if isinstance(e, ValueError) else f"cannot be read ({e.strerror})"
            self.damaged = Damaged(gen / META, why, index, "status, resolutions and actions")
        log.debug("index: generation %s, vectors in %s", gen, self.meta.get("store") or "faiss")
        try:
            self.store = open_upgraded(gen / DB)
        except sqlite3.DatabaseError as e:
            raise damaged_db(gen / DB, index, e) from None
        self._snapshot: segments.Snapshot | None = None
        self._vectors: Vectors | None = None
        if self.damaged:
            pass  # no vectors or postings without the meta that says how they were made
        elif segments.is_segmented(self.meta):
            # The segments and removals of one commit: later ingests do not change what this reader
            # sees. Vectors and postings are read from them on first use (counts and the register need neither).
            self._snapshot = segments.snapshot(self.store.conn)
        else:
            where = resolve(self.meta.get("store"), store or default_store())
            try:
                self._vectors = open_vectors(where, gen, self.meta["dim"])
            except RuntimeError as e:  # FAISS: a vector file missing or cut short
                self.damaged = Damaged(gen, f"holds a vector file that cannot be read ({short(e)})", index,
                                       "status, resolutions and actions")
        self._lexical: lexical.LexicalIndex | bool = False  # False: not loaded yet

    @property
    def vectors(self) -> Vectors:
        if self.damaged:
            raise self.damaged
        if self._vectors is None:
            try:
                self._vectors = self._from_segments(partial(segments.load_vectors, searching=True), self.meta["dim"])
            except (RuntimeError, OSError):  # FAISS says a file it cannot open with a RuntimeError
                missing = [self.dir / segments.FOLDER / name for name in self._snapshot.files[segments.VECTORS]
                           if not (self.dir / segments.FOLDER / name).is_file()]
                if not missing:
                    raise
                raise Damaged(missing[0], "is missing", self.index,
                              "keyword search (--mode bm25), status and the register") from None
        return self._vectors

    @property
    def lexical(self) -> "lexical.LexicalIndex":
        """The generation's BM25 arrays, loaded on first use. A generation made before them gains
        them when first opened (migration 9); one whose file was deleted since is rebuilt in memory."""
        if self.damaged:
            raise self.damaged
        if self._lexical is False:
            if self._snapshot:
                self._lexical = self._from_segments(segments.load_lexical)
            else:
                loaded = lexical.load(self.dir)
                self._lexical = loaded if loaded is not None else lexical.build(self.store.lexical_rows())
        return self._lexical

    def _from_segments(self, load, *args):
        try:
            return load(self.dir, self._snapshot, *args)
        except FileNotFoundError:
            # Merged away and swept since this reader opened: the newest segments hold the same
            # rows; keep only chunks this reader's commit knew, so vectors and postings agree.
            return load(self.dir, segments.snapshot(self.store.conn), *args, upto=self._snapshot.last_id)

    def close(self) -> None:
        self.store.close()
        if self._vectors is not None:
            self._vectors.close()


def damaged_db(db: Path, index: Path, e: sqlite3.DatabaseError) -> Damaged:
    """The one line for a database SQLite cannot read (truncated, overwritten, not a database)."""
    return Damaged(db, f"cannot be read ({e})", index)


def unreadable_db(e: BaseException) -> bool:
    """Whether an SQLite error says the database file itself is damaged (not busy, not full)."""
    return isinstance(e, sqlite3.DatabaseError) and (
        type(e) is sqlite3.DatabaseError or any(w in str(e) for w in ("malformed", "not a database", "no such table")))


def open_upgraded(db: Path) -> Store:
    """The generation's store, read-only; one made by an older minutebook is first brought up to
    date in place by the numbered migrations (ingest/storage/migrations.py): a column added, the register
    filled. Every step is idempotent, so two readers upgrading at once do no harm."""
    if db.stat().st_size == 0:  # cut to nothing: not an index to upgrade (that would serve an empty one)
        raise sqlite3.DatabaseError("the file is empty")
    store = Store(db, readonly=True)
    if not store.outdated():
        return store
    store.close()
    try:
        Store(db).close()
    except sqlite3.OperationalError as e:
        raise MinutebookError(f"this index was made by an older minutebook and cannot be upgraded here ({e}); "
                              "run `minutebook ingest` with the same folders where the index can be written") from None
    return Store(db, readonly=True)
