"""Vectors in Qdrant: one collection per index generation, behind the `Vectors` interface.

A server (or cluster) and qdrant-client's local mode run the same QdrantClient calls below; only
how the client is made differs (`_Server`, `_Local`). That is what lets CI, which has no server,
test the cluster code: `make test-qdrant` runs the whole suite on local mode.

  qdrant://HOST[:PORT]     a server or cluster over HTTP (port 6333 unless given)
  qdrants://HOST[:PORT]    the same over TLS (Qdrant Cloud)
     ?shards=N&replicas=N  how a new collection is laid out on a cluster (server default otherwise)
  qdrant+local://          local mode, stored in each generation folder under qdrant/

The API key is read from QDRANT_API_KEY, never from the URL, so it never lands in meta.json.

Generations: the collection of gen-<n> is named `minutebook-gen-<n>`. A writer creates a new one and
copies the published one's embeddings into it, so an ingest that dies never touches the published
collection; sweeping a generation deletes its collection. At publish (`save`) every point gets its
BM25 vector and payload from the generation's database, so that search and its filters run in
Qdrant (qdrant_search.py). Local mode lets one client at a time
hold a storage folder (a file lock, across processes too), so here it is opened per operation,
waiting while another process has it: readers and an ingest in another process take turns.
"""
from __future__ import annotations

import sqlite3
import threading
import time
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator
from urllib.parse import parse_qs, urlsplit

import numpy as np
from qdrant_client import QdrantClient, models

from minutebook.ingest.storage import qdrant_search as keywords
from minutebook.ingest.errors import MinutebookError
from minutebook.ingest.settings import Settings
from minutebook.ingest.storage.vector_store import EXPORT_BATCH, BadStore

LOCAL_DIR = "qdrant"
COLLECTION_PREFIX = "minutebook-"
UPSERT_BATCH = 512
LOCAL_WAIT_S = 120.0  # how long local mode waits for another process to let go of a storage folder
TIMEOUT_S = 60


def collection_name(generation: Path) -> str:
    return COLLECTION_PREFIX + Path(generation).name


@dataclass(frozen=True)
class QdrantSpec:
    """A parsed store URL; `url` is the canonical form recorded in meta.json."""

    url: str
    local: bool
    host: str = ""
    port: int = 6333
    https: bool = False
    shards: int | None = None
    replicas: int | None = None

    @classmethod
    def parse(cls, url: str) -> "QdrantSpec":
        raw = url.strip()
        if raw in ("qdrant+local", "qdrant+local://"):
            return cls(url="qdrant+local://", local=True)
        parts = urlsplit(raw)
        if parts.scheme == "qdrant+local":
            raise BadStore(raw, "local mode is stored inside the index folder; write just qdrant+local://")
        if parts.scheme not in ("qdrant", "qdrants"):
            raise BadStore(raw, "unknown store")
        if parts.username or parts.password:
            raise BadStore(raw, "put the API key in QDRANT_API_KEY, not in the URL")
        try:
            port = parts.port or 6333
        except ValueError as e:
            raise BadStore(raw, "the port is not a number") from e
        if not parts.hostname:
            raise BadStore(raw, "no host")
        if parts.path not in ("", "/"):
            raise BadStore(raw, "a path is not supported")
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        unknown = set(query) - {"shards", "replicas"}
        if unknown:
            raise BadStore(raw, f"unknown option {sorted(unknown)[0]!r} (shards, replicas)")
        try:
            shards = int(query["shards"]) if "shards" in query else None
            replicas = int(query["replicas"]) if "replicas" in query else None
        except ValueError as e:
            raise BadStore(raw, "shards and replicas are whole numbers") from e
        options = "&".join(f"{k}={query[k]}" for k in ("shards", "replicas") if k in query)
        canonical = f"{parts.scheme}://{parts.hostname}:{port}" + (f"?{options}" if options else "")
        return cls(url=canonical, local=False, host=parts.hostname, port=port, https=parts.scheme == "qdrants",
                   shards=shards, replicas=replicas)


# ---- how a client is made: the only difference between a cluster and local mode ----

def _server_client(spec: QdrantSpec) -> QdrantClient:
    return QdrantClient(host=spec.host, port=spec.port, https=spec.https,
                        api_key=Settings().qdrant_api_key or None, timeout=TIMEOUT_S)


class _Server:
    """One client for the life of the vectors object; the server does the concurrency."""

    def __init__(self, spec: QdrantSpec):
        self.spec = spec
        self._client: QdrantClient | None = None

    @contextmanager
    def client(self) -> Iterator[QdrantClient]:
        if self._client is None:
            self._client = _server_client(self.spec)
        yield self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None


class _LocalEntry:
    def __init__(self):
        self.lock = threading.RLock()  # one user at a time in this process; the file lock does processes
        self.client: QdrantClient | None = None
        self.depth = 0


_LOCAL: dict[str, _LocalEntry] = {}
_LOCAL_GUARD = threading.Lock()


class _Local:
    """qdrant-client local mode in a folder, opened for each operation and closed after it, so
    other processes (a reader while an ingest runs, the CLI beside the app) get their turn."""

    def __init__(self, path: Path, create: bool):
        self.path = Path(path)
        if not create and not self.path.is_dir():
            raise MinutebookError(f"{self.path.parent}/ has no Qdrant storage: the generation was removed by a "
                                  "later ingest; open the index again")

    @contextmanager
    def client(self) -> Iterator[QdrantClient]:
        key = str(self.path.resolve())
        with _LOCAL_GUARD:
            entry = _LOCAL.setdefault(key, _LocalEntry())
        with entry.lock:
            if entry.client is None:
                entry.client = _open_local(key)
            _publish_time_durability(entry.client)
            entry.depth += 1
            try:
                yield entry.client
            finally:
                entry.depth -= 1
                if entry.depth == 0:
                    client, entry.client = entry.client, None
                    client.close()

    def close(self) -> None:
        """Nothing held between operations."""


def _publish_time_durability(client: QdrantClient) -> None:
    """Local mode commits each point in a transaction of its own, an fsync per point (10 ms each
    here). A generation's folder is fsynced as a whole when it is published, as the FAISS file is,
    and an unpublished one is thrown away after a crash, so those fsyncs buy nothing: turn them off.
    This reaches into qdrant-client's local storage (a SQLite connection per collection); if that
    ever changes shape, nothing happens and local mode is only slower."""
    for collection in getattr(getattr(client, "_client", None), "collections", {}).values():
        connection = getattr(getattr(collection, "storage", None), "storage", None)
        if isinstance(connection, sqlite3.Connection):
            connection.execute("PRAGMA synchronous=OFF")


def _open_local(path: str) -> QdrantClient:
    deadline = time.monotonic() + LOCAL_WAIT_S
    delay = 0.01
    while True:
        try:
            return QdrantClient(path=path)
        except RuntimeError as e:  # "already accessed by another instance": another process's turn
            if "already accessed" not in str(e) or time.monotonic() > deadline:
                raise MinutebookError(f"Qdrant local storage {path} is busy (another process holds it): {e}") from e
            time.sleep(delay)
            delay = min(delay * 2, 0.2)


def _dense(vector):
    """A point's embedding: alone in a collection from before the BM25 vectors, else the unnamed one
    beside them (the BM25 vector is not copied: the next generation computes its own)."""
    return vector[""] if isinstance(vector, dict) else vector


# ---- the vectors: the same QdrantClient calls whichever way the client was made ----

class QdrantVectors:
    """One generation's collection."""

    def __init__(self, spec: QdrantSpec, connection, collection: str, dim: int, in_generation: bool,
                 generation: Path | None = None):
        self.spec = spec
        self.generation = generation  # its folder, whose minutebook.db describes the points
        self._keywords: bool | None = None
        self._conn = connection
        self.collection = collection
        self.dim = dim
        self.in_generation = in_generation

    @classmethod
    def open(cls, url: str, generation: Path, dim: int, *, create: bool = False) -> "QdrantVectors":
        spec = QdrantSpec.parse(url)
        if spec.local:
            connection = _Local(Path(generation) / LOCAL_DIR, create)
        else:
            connection = _Server(spec)
        vectors = cls(spec, connection, collection_name(generation), dim, in_generation=spec.local,
                      generation=Path(generation))
        if create:
            vectors._ensure_collection()
        return vectors

    def _ensure_collection(self) -> None:
        with self._conn.client() as client:
            if not client.collection_exists(self.collection):
                client.create_collection(
                    self.collection,
                    vectors_config=models.VectorParams(size=self.dim, distance=models.Distance.COSINE),
                    sparse_vectors_config=keywords.SPARSE_CONFIG,
                    shard_number=self.spec.shards, replication_factor=self.spec.replicas)
                with warnings.catch_warnings():  # local mode notes that it has no use for them
                    warnings.filterwarnings("ignore", "Payload indexes have no effect", UserWarning)
                    for field, schema in keywords.PAYLOAD_INDEXES.items():
                        client.create_payload_index(self.collection, field, field_schema=schema, wait=True)

    @property
    def searches_keywords(self) -> bool:
        """Whether this collection holds BM25 vectors and payloads, so search and filters run in
        Qdrant (qdrant_search.py); a collection made before them is searched by vector ids."""
        if self._keywords is None:
            with self._conn.client() as client:
                info = client.get_collection(self.collection)
            self._keywords = keywords.SPARSE in (info.config.params.sparse_vectors or {})
        return self._keywords

    def __len__(self) -> int:
        with self._conn.client() as client:
            return int(client.count(self.collection, exact=True).count)

    def add(self, ids: list[int], vectors: np.ndarray) -> None:
        if not len(ids):
            return
        vectors = np.asarray(vectors, dtype="float32")
        with self._conn.client() as client:
            for start in range(0, len(ids), UPSERT_BATCH):
                stop = start + UPSERT_BATCH
                client.upsert(self.collection, wait=True, points=models.Batch(
                    ids=[int(i) for i in ids[start:stop]], vectors=vectors[start:stop].tolist()))

    def remove(self, ids: list[int]) -> None:
        if not len(ids):
            return
        with self._conn.client() as client:
            client.delete(self.collection, wait=True,
                          points_selector=models.PointIdsList(points=[int(i) for i in ids]))

    def search_batch(self, queries: np.ndarray, k: int, allowed: list[int] | None = None) -> list[list[tuple[int, float]]]:
        """For each query row, up to k (vector_id, cosine) best first, only among `allowed` ids if given."""
        if k <= 0 or (allowed is not None and not len(allowed)) or not len(queries):
            return [[] for _ in range(len(queries))]
        flt = None
        if allowed is not None:
            flt = models.Filter(must=[models.HasIdCondition(has_id=[int(i) for i in allowed])])
        requests = [models.QueryRequest(query=[float(x) for x in q], limit=int(k), filter=flt,
                                        with_payload=False, with_vector=False)
                    for q in np.asarray(queries, dtype="float32")]
        with self._conn.client() as client:
            responses = client.query_batch_points(self.collection, requests=requests)
        return [[(int(p.id), float(p.score)) for p in r.points] for r in responses]

    def export(self, batch: int = EXPORT_BATCH) -> Iterator[tuple[list[int], np.ndarray]]:
        offset = None
        while True:
            with self._conn.client() as client:  # released between pages: the caller writes elsewhere
                records, offset = client.scroll(self.collection, limit=batch, offset=offset,
                                                with_payload=False, with_vectors=True)
            if records:
                yield [int(r.id) for r in records], np.asarray([_dense(r.vector) for r in records], dtype="float32")
            if offset is None:
                return

    def search_in_engine(self, texts: list[str], dense, n: int, limit: int, flt, mode: str,
                         settings) -> list[list[tuple[int, float]]]:
        """Each question searched by Qdrant alone: its embedding and its keywords, fused as
        `settings.fusion` says, among the points passing the payload filter `flt`. `dense` is None
        in bm25 mode. Best first, up to `limit` (`n` from each search before fusion)."""
        sparse = [keywords.query_vector(t) for t in texts]
        with self._conn.client() as client:
            tops = None
            if mode == "hybrid" and settings.fusion != "rrf":  # the formula divides by the best BM25 score
                tops = self._best(client, keywords.requests(None, sparse, 1, 1, flt, "bm25", settings))
            reqs = keywords.requests(dense, sparse, n, limit, flt, mode, settings, tops)
            found = self._run(client, reqs)
        return [[(int(p.id), float(p.score)) for p in points] for points in found]

    def _run(self, client: QdrantClient, reqs: list) -> list[list]:
        """query_batch_points, with None (a question with no keyword) answered by nothing."""
        asked = [r for r in reqs if r is not None]
        answers = iter(client.query_batch_points(self.collection, requests=asked) if asked else [])
        return [next(answers).points if r is not None else [] for r in reqs]

    def _best(self, client: QdrantClient, reqs: list) -> list[float]:
        return [points[0].score if points else 0.0 for points in self._run(client, reqs)]

    def save(self) -> None:
        """Every write above waited for the server to apply it; what is left is to describe each
        point for search: its BM25 vector and its payload, from the generation's database."""
        if self.generation is not None and self.searches_keywords:
            self._describe_points()

    def _describe_points(self) -> None:
        # Every point, not only the new ones: a BM25 weight depends on the average chunk length,
        # which every paper added moves (lexical.npz is rebuilt whole at each publish for the same reason).
        from minutebook.ingest.storage import lexical
        from minutebook.ingest.storage.store import DB, Store

        db = self.generation / DB
        if not db.exists():
            return
        store = Store(db, readonly=True)
        try:
            bm25 = keywords.document_vectors(lexical.build(store.lexical_rows()))
            fields = dict(keywords.payload(r) for r in store.conn.execute(keywords.PAYLOAD_SQL))
        finally:
            store.close()
        with self._conn.client() as client:
            batch: list = []
            for vid, sparse in bm25:
                batch.append(models.PointVectors(id=vid, vector={keywords.SPARSE: sparse}))
                if len(batch) == UPSERT_BATCH:
                    self._describe(client, batch, fields)
                    batch = []
            self._describe(client, batch, fields)

    def _describe(self, client: QdrantClient, batch: list, fields: dict) -> None:
        if not batch:
            return
        ops: list = [models.UpdateVectorsOperation(update_vectors=models.UpdateVectors(points=batch))]
        ops += [models.OverwritePayloadOperation(overwrite_payload=models.SetPayload(
            payload=fields[p.id], points=[p.id])) for p in batch if p.id in fields]
        client.batch_update_points(self.collection, update_operations=ops, wait=True)

    def drop(self) -> None:
        with self._conn.client() as client:
            client.delete_collection(self.collection)

    def close(self) -> None:
        self._conn.close()
