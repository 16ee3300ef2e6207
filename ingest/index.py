"""An index folder: generations published atomically.

index/
  current -> gen-<n>     symlink swapped in one rename: readers see the old or the new, never half
  gen-<n>/minutebook.db  SQLite (documents, sections, pages, chunks, FTS, resolutions)
  gen-<n>/vectors.faiss  FAISS vectors keyed by chunks.vector_id (or gen-<n>/qdrant/, or a collection
                         minutebook-gen-<n> on a Qdrant server: see vectors.py)
  gen-<n>/vectors.hnsw   an HNSW graph of them, searched instead, above Settings.hnsw_above
  gen-<n>/lexical.npz    BM25 postings of every chunk (lexical.py), rebuilt at each publish
  gen-<n>/meta.json      which embedding model built it, and which vector store holds its vectors
An ingest copies the current generation, changes the copy, then swaps the link, so a crash
at any moment leaves the previous generation whole. The same holds for vectors kept on a
server: each generation has its own collection, and sweeping a generation deletes it.
"""
from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil
import signal
import sqlite3
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from . import lexical
from .errors import MinutebookError, NoIndex, WriteFailed
from .settings import Settings
from .store import DB, Store
from .vectors import FAISS_FILE, FaissVectors, Vectors, canonical, copy_vectors, engine_of, open_vectors, resolve

VECTORS = FAISS_FILE
META = "meta.json"


def crash_point(name: str) -> None:
    """Fault injection for the crash-safety tests: MINUTEBOOK_CRASH_AT=name kills the process (-9) here."""
    if os.environ.get("MINUTEBOOK_CRASH_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)


def current_dir(index: Path) -> Path | None:
    link = Path(index) / "current"
    return link.resolve() if (link / DB).exists() else None


def _default_store() -> str:
    return Settings().store  # MINUTEBOOK_STORE, else faiss


class IndexReader:
    """A read-only view of the published generation: its store, vectors and meta.

    The vectors are opened in the store the generation was built with (meta.json); `store`
    (default MINUTEBOOK_STORE) only supplies a server's address when both name a Qdrant server."""

    def __init__(self, index: Path, store: str | None = None):
        gen = current_dir(index)
        if gen is None:
            raise NoIndex(index)
        self.dir = gen
        self.meta = json.loads((gen / META).read_text())
        self.store = _open_upgraded(gen / DB)
        where = resolve(self.meta.get("store"), store or _default_store())
        self.vectors: Vectors = open_vectors(where, gen, self.meta["dim"])
        self._lexical: lexical.LexicalIndex | bool = False  # False: not loaded yet

    @property
    def lexical(self) -> "lexical.LexicalIndex":
        """The generation's BM25 arrays, loaded on first use. A generation made before them gains
        them when first opened (migration 8); one whose file was deleted since is rebuilt in memory."""
        if self._lexical is False:
            loaded = lexical.load(self.dir)
            self._lexical = loaded if loaded is not None else lexical.build(self.store.lexical_rows())
        return self._lexical

    def close(self) -> None:
        self.store.close()
        self.vectors.close()


class IndexWriter:
    """A new generation being built; `publish()` makes it current, leaving without it discards it."""

    def __init__(self, index: Path, model: str, dim_fn, store: str | None = None, hnsw_above: int | None = None,
                 waiting=None):
        self.index = Path(index)
        self._waiting = waiting  # called once when another writer holds the lock
        self.hnsw_above = Settings().hnsw_above if hnsw_above is None else hnsw_above
        self.model = model
        self._dim_fn = dim_fn  # called only when there is no earlier generation (avoids loading the model)
        self.store_url = canonical(store or _default_store())  # where this generation's vectors go
        self._vectors: Vectors | None = None
        self._lock = None
        self.dir: Path | None = None
        self.published = False

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
        self._sweep(keep=old)
        self.dir = self.index / f"gen-{time.time_ns()}"
        self.dir.mkdir()
        old_meta = None
        if old is not None:
            old_meta = json.loads((old / META).read_text())
            if old_meta["model"] != self.model:
                raise MinutebookError(
                    f"{self.index}/ was built with embedding model '{old_meta['model']}', not '{self.model}' — "
                    f"set MINUTEBOOK_EMBED_MODEL={old_meta['model']} or ingest into a new --index folder")
            self.meta = {**old_meta, "store": self.store_url}
        else:
            self.meta = {"model": self.model, "dim": None, "store": self.store_url}
        # Written first, so that a sweep after a crash knows where this generation's vectors went.
        (self.dir / META).write_text(json.dumps(self.meta))
        if old is not None:
            _copy_db(old / DB, self.dir / DB)
            self._copy_vectors(old, old_meta)
        crash_point("copied")
        self.store = Store(self.dir / DB)

    def _copy_vectors(self, old: Path, old_meta: dict) -> None:
        """The published generation's vectors into this one's; the published ones are only read."""
        old_store = old_meta.get("store") or "faiss"
        if old_meta.get("dim") is None:
            return
        if engine_of(old_store) == engine_of(self.store_url) == "faiss":
            if (old / VECTORS).exists():
                shutil.copyfile(old / VECTORS, self.dir / VECTORS)
            return
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
        """Write everything down, then swap `current` to this generation in one rename."""
        self.vectors.save()
        if isinstance(self.vectors, FaissVectors):
            self.vectors.write_graph(self.hnsw_above)
        crash_point("vectors-saved")
        lexical.save(lexical.build(self.store.lexical_rows()), self.dir)
        (self.dir / META).write_text(json.dumps(self.meta))
        self.store.close()
        _fsync_tree(self.dir)
        tmp = self.index / f"current.{os.getpid()}.tmp"
        if tmp.is_symlink() or tmp.exists():
            tmp.unlink()
        os.symlink(self.dir.name, tmp)
        crash_point("linking")
        os.replace(tmp, self.index / "current")
        _fsync_dir(self.index)
        self.published = True

    def __exit__(self, *exc) -> None:
        if not self.published and self.dir is not None:
            try:
                self.store.close()
            except Exception:  # noqa: BLE001 - already closed or never opened (AttributeError)
                pass
            if _drop_generation(self.dir, self.store_url):
                shutil.rmtree(self.dir, ignore_errors=True)
        if self._vectors is not None:
            self._vectors.close()
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


_NO_ROOM = (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)


@contextmanager
def writing(index: Path):
    """Failures to write a generation become one line that says what happened and that the index
    is unchanged (the writer has already removed its half-built generation)."""
    try:
        yield
    except OSError as e:
        if e.errno in _NO_ROOM:
            raise WriteFailed(_no_room(index, e.strerror)) from None
        raise WriteFailed(f"cannot write to {index}/ ({e.strerror or e}); the index is unchanged") from None
    except sqlite3.Error as e:
        if "full" in str(e) or _disk_low(index):
            raise WriteFailed(_no_room(index, str(e))) from None
        raise WriteFailed(f"cannot write the new index generation in {index}/ ({e}); the index is unchanged") from None
    except RuntimeError as e:
        if "faiss" in str(e).lower() or "write" in str(e).lower():  # FAISS reports failed writes this way
            reason = _no_room(index, "the vector file could not be written") if _disk_low(index) else \
                f"cannot write the new index generation in {index}/ ({str(e).strip().splitlines()[-1][:160]}); " \
                "the index is unchanged"
            raise WriteFailed(reason) from None
        raise


def _no_room(index: Path, why: str) -> str:
    return f"no room to write the index in {index}/ ({why}); the index is unchanged: free some space and ingest again"


def _disk_low(index: Path) -> bool:
    try:
        return shutil.disk_usage(index).free < 64 * 2**20
    except OSError:
        return False


def _copy_db(src: Path, dst: Path) -> None:
    """A consistent copy through SQLite's backup API, safe while readers have it open."""
    source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    target = sqlite3.connect(str(dst))
    try:
        with target:
            source.backup(target)
    finally:  # also when the disk fills mid-copy: the half-built generation is then removed
        source.close()
        target.close()


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
        print(f"minutebook: could not delete the vectors of {gen.name} ({e}); will retry", file=sys.stderr)
        return False
    return True


def vectors_in_folder(store: str) -> bool:
    """Whether a store keeps a generation's vectors inside its folder."""
    if engine_of(store) == "faiss":
        return True
    from .qdrant_store import QdrantSpec

    return QdrantSpec.parse(store).local


def _fsync_tree(folder: Path) -> None:
    for f in folder.iterdir():
        if f.is_dir():
            _fsync_tree(f)
            continue
        with open(f, "rb") as fh:
            os.fsync(fh.fileno())
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _open_upgraded(db: Path) -> Store:
    """The generation's store, read-only; one made by an older minutebook is first brought up to
    date in place by the numbered migrations (ingest/migrations.py): a column added, the register
    filled. Every step is idempotent, so two readers upgrading at once do no harm."""
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
