"""An index folder: generations published atomically.

index/
  current -> gen-<n>     symlink swapped in one rename: readers see the old or the new, never half
  gen-<n>/minutebook.db  SQLite (documents, sections, pages, chunks, FTS, resolutions)
  gen-<n>/vectors.faiss  FAISS vectors keyed by chunks.vector_id
  gen-<n>/meta.json      which embedding model built it
An ingest copies the current generation, changes the copy, then swaps the link, so a crash
at any moment leaves the previous generation whole.
"""
from __future__ import annotations

import fcntl
import json
import os
import shutil
import signal
import sqlite3
import time
from pathlib import Path

from .errors import MinutebookError, NoIndex
from .store import Store
from .vectors import FaissVectors

DB = "minutebook.db"
VECTORS = "vectors.faiss"
META = "meta.json"


def crash_point(name: str) -> None:
    """Fault injection for the crash-safety tests: MINUTEBOOK_CRASH_AT=name kills the process (-9) here."""
    if os.environ.get("MINUTEBOOK_CRASH_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)


def current_dir(index: Path) -> Path | None:
    link = Path(index) / "current"
    return link.resolve() if (link / DB).exists() else None


class IndexReader:
    """A read-only view of the published generation: its store, vectors and meta."""

    def __init__(self, index: Path):
        gen = current_dir(index)
        if gen is None:
            raise NoIndex(index)
        self.dir = gen
        self.meta = json.loads((gen / META).read_text())
        self.store = Store(gen / DB, readonly=True)
        self.vectors = FaissVectors.load(gen / VECTORS, self.meta["dim"])

    def close(self) -> None:
        self.store.close()


class IndexWriter:
    """A new generation being built; `publish()` makes it current, leaving without it discards it."""

    def __init__(self, index: Path, model: str, dim_fn):
        self.index = Path(index)
        self.model = model
        self._dim_fn = dim_fn  # called only when there is no earlier generation (avoids loading the model)
        self._lock = None
        self.dir: Path | None = None
        self.published = False

    def __enter__(self) -> "IndexWriter":
        self.index.mkdir(parents=True, exist_ok=True)
        self._lock = open(self.index / ".lock", "w")
        fcntl.flock(self._lock, fcntl.LOCK_EX)  # one writer at a time; readers never wait
        old = current_dir(self.index)
        self._sweep(keep=old)
        self.dir = self.index / f"gen-{time.time_ns()}"
        self.dir.mkdir()
        if old is not None:
            meta = json.loads((old / META).read_text())
            if meta["model"] != self.model:
                raise MinutebookError(
                    f"{self.index}/ was built with embedding model '{meta['model']}', not '{self.model}' — "
                    f"set MINUTEBOOK_EMBED_MODEL={meta['model']} or ingest into a new --index folder")
            _copy_db(old / DB, self.dir / DB)
            if (old / VECTORS).exists():
                shutil.copyfile(old / VECTORS, self.dir / VECTORS)
            self.meta = meta
        else:
            self.meta = {"model": self.model, "dim": None}
        crash_point("copied")
        self.store = Store(self.dir / DB)
        self._vectors = None
        return self

    @property
    def vectors(self) -> FaissVectors:
        if self._vectors is None:
            if self.meta["dim"] is None:
                self.meta["dim"] = int(self._dim_fn())
            self._vectors = FaissVectors.load(self.dir / VECTORS, self.meta["dim"])
        return self._vectors

    def publish(self) -> None:
        """Write everything down, then swap `current` to this generation in one rename."""
        self.vectors.save(self.dir / VECTORS)
        crash_point("vectors-saved")
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
            except Exception:  # noqa: BLE001 - already closed or never opened
                pass
            shutil.rmtree(self.dir, ignore_errors=True)
        if self._lock:
            fcntl.flock(self._lock, fcntl.LOCK_UN)
            self._lock.close()

    def _sweep(self, keep: Path | None) -> None:
        """Remove generations left by crashed ingests and ones older than the current one."""
        for gen in self.index.glob("gen-*"):
            if keep is None or gen.resolve() != keep:
                shutil.rmtree(gen, ignore_errors=True)
        for tmp in self.index.glob("current.*.tmp"):
            tmp.unlink(missing_ok=True)


def _copy_db(src: Path, dst: Path) -> None:
    """A consistent copy through SQLite's backup API, safe while readers have it open."""
    source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    target = sqlite3.connect(str(dst))
    with target:
        source.backup(target)
    source.close()
    target.close()


def _fsync_tree(folder: Path) -> None:
    for f in folder.iterdir():
        with open(f, "rb") as fh:
            os.fsync(fh.fileno())
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
