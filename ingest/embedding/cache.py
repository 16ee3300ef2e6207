"""A content-addressed embedding cache: a text that was embedded once is never embedded again.

Vectors are keyed by sha1 of the model name and the exact text embedded, in a small SQLite
file beside the index (`<index>/embed-cache.sqlite`, outside the generations, so every
generation shares it). A changed paper re-embeds only its changed chunks, and text printed in
many papers (a report carried in several packs, standing boilerplate) is embedded once.
`MINUTEBOOK_EMBED_CACHE` moves it (a file path) or turns it off (`off`). It is only a cache:
deleting it loses nothing, and an entry is written only after its vector was computed.
"""
from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import numpy as np

from minutebook.ingest.embedding.embed import Embedder

FILE = "embed-cache.sqlite"


def cache_path(index: Path, setting: str = "") -> Path | None:
    """Where the cache lives for this index (Settings.embed_cache), or None when turned off."""
    value = setting.strip()
    if value.lower() in ("off", "0", "false", "no", "none"):
        return None
    return Path(value) if value else Path(index) / FILE


class CachedEmbedder:
    """An Embedder look-alike: `embed_batch` answers from the cache and embeds only the misses."""

    def __init__(self, embedder: Embedder, path: Path):
        self.inner = embedder
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(self.path), check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB) WITHOUT ROWID")
        self.hits = 0
        self.misses = 0

    # the Embedder interface the pipeline and search use
    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def batch_size(self) -> int:
        return self.inner.batch_size

    @property
    def model(self):
        return self.inner.model

    @property
    def dim(self) -> int:
        return self.inner.dim

    def embed(self, text: str) -> np.ndarray:
        return self.embed_batch([text])[0]

    def key(self, text: str) -> bytes:
        return hashlib.sha1(f"{self.inner.name}\0{text}".encode()).digest()

    def embed_batch(self, texts: list[str], progress=None, query: bool = False) -> np.ndarray:
        if query:  # a question is new each time: nothing to keep
            return self.inner.embed_batch(texts, progress, query=True)
        if not texts:
            return self.inner.embed_batch(texts)
        keys = [self.key(t) for t in texts]
        found = self._get(list(dict.fromkeys(keys)))
        todo = list(dict.fromkeys(k for k in keys if k not in found))  # each distinct miss once
        self.hits += len(keys) - len(todo)
        self.misses += len(todo)
        if progress and len(keys) > len(todo):
            progress(len(keys) - len(todo))
        if todo:
            first = {k: t for k, t in zip(reversed(keys), reversed(texts))}
            vecs = self.inner.embed_batch([first[k] for k in todo], progress=progress)
            rows = [(k, np.asarray(v, dtype="float32").tobytes()) for k, v in zip(todo, vecs)]
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)", rows)
            found.update({k: np.asarray(v, dtype="float32") for k, v in zip(todo, vecs)})
        return np.vstack([found[k] for k in keys]).astype("float32", copy=False)

    def _get(self, keys: list[bytes]) -> dict[bytes, np.ndarray]:
        out = {}
        for start in range(0, len(keys), 500):
            part = keys[start : start + 500]
            marks = ",".join("?" * len(part))
            for key, blob in self.db.execute(f"SELECT key, vector FROM vectors WHERE key IN ({marks})", part):
                out[key] = np.frombuffer(blob, dtype="float32")
        return out

    def close(self) -> None:
        self.db.close()


def with_cache(embedder, index: Path, setting: str = ""):
    """`embedder` behind the cache for `index` (unchanged when the cache is off or already there);
    `setting` is Settings.embed_cache."""
    if isinstance(embedder, CachedEmbedder):
        return embedder
    path = cache_path(index, setting)
    return CachedEmbedder(embedder, path) if path else embedder
