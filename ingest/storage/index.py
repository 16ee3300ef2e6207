"""An index folder: generations published atomically, and grown in place.

index/
  current -> gen-<n>     symlink swapped in one rename: readers see the old or the new, never half
  gen-<n>/minutebook.db  SQLite (documents, sections, pages, chunks, FTS, resolutions, segments)
  gen-<n>/segments/      FAISS vectors keyed by chunks.vector_id and their BM25 postings, a file of
                         each per ingest (segments.py), with an HNSW graph above Settings.hnsw_above
  gen-<n>/meta.json      which embedding model built it, which vector store holds its vectors, and
                         "layout": "segments"
With FAISS, an ingest into a generation kept in segments changes it in place: one transaction on
the live database (in WAL mode, so readers keep the last commit), new segment files, and the
commit that names them is the moment the new papers appear; a crash at any moment leaves the
last commit whole. Otherwise (the first ingest, an index made before segments, vectors on
Qdrant: gen-<n>/qdrant/ or a collection minutebook-gen-<n> on a server, or vectors.faiss and
lexical.npz in an older generation) an ingest copies the current generation, changes the copy,
then swaps the link; each generation on a server has its own collection, and sweeping a
generation deletes it.
"""
from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import time
from pathlib import Path


from minutebook.ingest.storage import lexical
from minutebook.ingest.storage import segments
from minutebook.ingest.storage.disk import copy_db, fsync_dir, fsync_tree, writing  # noqa: F401 (writing: pipeline's import)
from minutebook.ingest.debug_hooks import crash_point
from minutebook.ingest.errors import Damaged, MinutebookError
from minutebook.ingest.settings import Settings
from minutebook.ingest.storage.store import DB, Store
from minutebook.ingest.storage.index_reader import META, current_dir, default_store
from minutebook.ingest.storage.vectors import (FAISS_FILE, FaissVectors, Vectors, canonical, copy_vectors, engine_of, open_vectors, resolve)

VECTORS = FAISS_FILE
log = logging.getLogger(__name__)


class IndexWriter:
    """An ingest's changes: to the published generation in one transaction (FAISS, in segments) or
    to a new generation; `publish()` commits them or makes it current, leaving without it discards them."""

    def __init__(self, index: Path, model: str, dim_fn, store: str | None = None, hnsw_above: int | None = None,
                 waiting=None, merge_segments: int | None = None, fresh: bool = False):
        self.index = Path(index)
        self._waiting = waiting  # called once when another writer holds the lock
        self.hnsw_above = Settings().hnsw_above if hnsw_above is None else hnsw_above
        self.merge_segments = Settings().merge_segments if merge_segments is None else merge_segments
        self.in_place = False  # growing the published generation (segments.py) rather than a copy of it
        self._written: list[Path] = []  # segment files this writer made, removed if it does not commit
        self.model = model
        self._dim_fn = dim_fn  # called only when there is no earlier generation (avoids loading the model)
        self.store_url = canonical(store or default_store())  # where this generation's vectors go
        self._vectors: Vectors | None = None
        self._lock = None
        self.dir: Path | None = None
        self.published = False
        self.fresh = fresh  # a new generation from nothing: the current one is not read (it may be damaged)

    def __enter__(self) -> "IndexWriter":
        self.index.mkdir(parents=True, exist_ok=True)
        self._lock = open(self.index / ".lock", "a")
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if self._waiting:
                self._waiting()
            fcntl.flock(self._lock, fcntl.LOCK_EX)  # one writer at a time; readers never wait
        try:
            self._start()
        except BaseException:
            self.__exit__()  # a set-up that fails (a full disk while copying) leaves no generation behind
            raise
        return self

    def _start(self) -> None:
        old = current_dir(self.index)
        self._sweep(keep=old)  # the current generation serves readers until this one is published
        if self.fresh:
            old = None
        old_meta = None
        if old is not None:
            try:
                old_meta = json.loads((old / META).read_text())
            except ValueError:
                raise Damaged(old / META, "is not valid JSON", self.index) from None
            if old_meta["model"] != self.model:
                raise MinutebookError(
                    f"{self.index}/ was built with embedding model '{old_meta['model']}', not '{self.model}' — "
                    f"set MINUTEBOOK_EMBED_MODEL={old_meta['model']} or ingest into a new --index folder")
            if segments.is_segmented(old_meta) and engine_of(self.store_url) == "faiss":
                return self._start_in_place(old, old_meta)
        self.dir = self.index / f"gen-{time.time_ns()}"
        self.dir.mkdir()
        if old_meta is not None:
            self.meta = {**old_meta, "store": self.store_url}
        else:
            self.meta = {"model": self.model, "dim": None, "store": self.store_url}
        if engine_of(self.store_url) == "faiss":
            self.meta["layout"] = segments.LAYOUT  # from now on this generation grows in place
        else:
            self.meta.pop("layout", None)
        # Written first, so that a sweep after a crash knows where this generation's vectors went.
        (self.dir / META).write_text(json.dumps(self.meta))
        if old is not None:
            copy_db(old / DB, self.dir / DB)
            self._copy_vectors(old, old_meta)
        crash_point("copied")
        self.store = Store(self.dir / DB)

    def _start_in_place(self, gen: Path, meta: dict) -> None:
        """Grow the published generation: one transaction on its live database, vectors kept
        aside until the commit writes them as a segment."""
        self.dir, self.meta, self.in_place = gen, meta, True
        self.store = Store(gen / DB)  # brings an older database up to date first, outside the transaction
        for leftover in segments.unnamed(gen, segments.snapshot(self.store.conn)):
            leftover.unlink(missing_ok=True)  # a crashed ingest's files, or ones a merge replaced
        self.store.begin()
        crash_point("began")
        self._vectors = segments.PendingVectors(meta["dim"])

    def _copy_vectors(self, old: Path, old_meta: dict) -> None:
        """The published generation's vectors into this one's; the published ones are only read."""
        old_store = old_meta.get("store") or "faiss"
        if old_meta.get("dim") is None:
            return
        if engine_of(old_store) == engine_of(self.store_url) == "faiss" and not segments.is_segmented(old_meta):
            if (old / VECTORS).exists():
                shutil.copyfile(old / VECTORS, self.dir / VECTORS)
            return
        if segments.is_segmented(old_meta):
            reader = Store(old / DB, readonly=True)
            try:
                source = segments.load_vectors(old, segments.snapshot(reader.conn), old_meta["dim"])
            finally:
                reader.close()
        else:
            source = open_vectors(resolve(old_store, self.store_url), old, old_meta["dim"])
        try:
            copy_vectors(source, self.vectors)  # also how an index moves from one store to another
        finally:
            source.close()

    @property
    def vectors(self) -> Vectors:
        if self._vectors is None:
            if self.meta["dim"] is None:
                self.meta["dim"] = int(self._dim_fn())
                (self.dir / META).write_text(json.dumps(self.meta))
            self._vectors = open_vectors(self.store_url, self.dir, self.meta["dim"], create=True)
        return self._vectors

    def publish(self) -> None:
        """Write everything down, then swap `current` to this generation in one rename (or, growing
        a generation in place, commit)."""
        if self.in_place:
            return self._commit_in_place()
        if segments.is_segmented(self.meta):
            self._first_segments()
        else:
            self.vectors.save()
            if isinstance(self.vectors, FaissVectors):
                self.vectors.write_graph(self.hnsw_above)
            crash_point("vectors-saved")
            lexical.save(lexical.build(self.store.lexical_rows()), self.dir)
        (self.dir / META).write_text(json.dumps(self.meta))
        self.store.close()
        fsync_tree(self.dir)
        tmp = self.index / f"current.{os.getpid()}.tmp"
        if tmp.is_symlink() or tmp.exists():
            tmp.unlink()
        os.symlink(self.dir.name, tmp)
        crash_point("linking")
        os.replace(tmp, self.index / "current")
        fsync_dir(self.index)
        self.published = True

    def _first_segments(self) -> None:
        """A new generation's vectors and postings as its first segments, its database in WAL mode
        so that later ingests can change it while readers read."""
        conn = self.store.conn
        self.store.db.execute("PRAGMA journal_mode = WAL")
        with self.store.db.atomic():
            segments.forget_all(conn)  # a copy's rows name the files of the generation it came from
            self._write_segments(self.vectors, lexical.count(self.store.lexical_rows()), graph=True)
        (self.dir / VECTORS).unlink(missing_ok=True)
        crash_point("vectors-saved")

    def _write_segments(self, vectors: FaissVectors | None, postings: lexical.Postings | None,
                        graph: bool = False) -> None:
        """Write and name (in the open transaction) a vector segment and a postings segment."""
        conn = self.store.conn
        if vectors is not None and len(vectors):
            name = segments.write_vectors(self.dir, vectors, self.hnsw_above if graph else None)
            self._written += [self.dir / segments.FOLDER / name, self.dir / segments.FOLDER / (name + ".hnsw")]
            segments.record(conn, segments.VECTORS, name, len(vectors))
        if postings is not None and len(postings.vector_ids):
            name = segments.write_postings(self.dir, postings)
            self._written.append(self.dir / segments.FOLDER / name)
            segments.record(conn, segments.LEXICAL, name, len(postings.vector_ids))

    def _commit_in_place(self) -> None:
        """New segments named, removals noted, a merge if due, all in the ingest's transaction;
        its commit is the moment the new papers appear."""
        conn, pending = self.store.conn, self._vectors
        segments.mark_removed(conn, pending.removed)
        fresh = set(pending.added) | self.store.rewritten  # chunks whose postings are new
        self._write_segments(pending.segment(), lexical.count(self.store.lexical_rows(sorted(fresh))))
        crash_point("vectors-saved")
        snap = segments.snapshot(conn)  # inside the transaction: what the commit will name
        if segments.needs_merge(snap, self.merge_segments):
            self._merge(snap)
        if (self.dir / segments.FOLDER).exists():
            fsync_tree(self.dir / segments.FOLDER)
        crash_point("linking")
        self.store.commit()
        self.store.close()
        crash_point("committed")
        self.published = True

    def _merge(self, snap: segments.Snapshot) -> None:
        """Everything live into one segment of each kind, replacing the others at the commit."""
        vectors = segments.load_vectors(self.dir, snap, self.meta["dim"])
        vectors.graph, vectors.dead = None, set()
        parts = [segments.read_postings(self.dir / segments.FOLDER / n) for n in snap.files[segments.LEXICAL]]
        segments.forget_all(self.store.conn)
        self._write_segments(vectors, segments.combine(parts, snap.removed) if parts else None, graph=True)
        crash_point("merged")

    def __exit__(self, *exc) -> None:
        if self.in_place:
            if not self.published:
                try:
                    self.store.rollback()
                    self.store.close()
                except Exception:  # noqa: BLE001 - already closed, or the connection failed
                    pass
                for f in self._written:
                    f.unlink(missing_ok=True)
            self._unlock()
            return
        if not self.published and self.dir is not None:
            try:
                self.store.close()
            except Exception:  # noqa: BLE001 - already closed or never opened (AttributeError)
                pass
            if _drop_generation(self.dir, self.store_url):
                shutil.rmtree(self.dir, ignore_errors=True)
        if self._vectors is not None:
            self._vectors.close()
        self._unlock()

    def _unlock(self) -> None:
        if self._lock:
            fcntl.flock(self._lock, fcntl.LOCK_UN)
            self._lock.close()
            self._lock = None

    def _sweep(self, keep: Path | None) -> None:
        """Remove generations left by crashed ingests and ones older than the current one."""
        for gen in self.index.glob("gen-*"):
            if keep is None or gen.resolve() != keep:
                if _drop_generation(gen, self.store_url):
                    shutil.rmtree(gen, ignore_errors=True)
        for tmp in self.index.glob("current.*.tmp"):
            tmp.unlink(missing_ok=True)


def _drop_generation(gen: Path, setting: str) -> bool:
    """Delete what a generation keeps outside its folder (a server collection). True when the
    folder may go; False keeps it, so that a later sweep tries again (a server out of reach)."""
    try:
        meta = json.loads((gen / META).read_text())
    except (OSError, ValueError):
        return True  # no meta: it died before creating any vectors
    recorded = meta.get("store") or "faiss"
    if engine_of(recorded) == "faiss":
        return True
    try:
        vectors = open_vectors(resolve(recorded, setting), gen, meta.get("dim") or 0, create=False)
        try:
            vectors.drop()
        finally:
            vectors.close()
    except Exception as e:  # noqa: BLE001 - a sweep must not stop an ingest
        if vectors_in_folder(recorded):
            return True  # local storage goes with the folder whatever happened
        log.warning("could not delete the vectors of %s (%s); will retry", gen.name, e)
        return False
    return True


def vectors_in_folder(store: str) -> bool:
    """Whether a store keeps a generation's vectors inside its folder."""
    if engine_of(store) == "faiss":
        return True
    from minutebook.ingest.storage.qdrant_store import QdrantSpec

    return QdrantSpec.parse(store).local
