"""The vector side of an index: unit vectors keyed by the chunks' vector ids (inner product = cosine).

Two stores share one small interface (`Vectors`), so the retriever never knows which it has:
  faiss              vectors.faiss in each generation folder (the default)
  qdrant+local://    qdrant-client's local mode, stored in each generation folder (tests, one machine)
  qdrant://host:port a Qdrant server or cluster (qdrants:// for TLS), one collection per generation
The store a generation was built with is recorded in its meta.json, so readers open it without
being told; `open_vectors` is the one place that turns a store URL into vectors.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import numpy as np

from minutebook.ingest.settings import QDRANT_SCHEMES
from minutebook.ingest.storage.vector_store import EXPORT_BATCH, BadStore, Vectors  # noqa: F401 (re-exported)

FAISS_FILE = "vectors.faiss"
GRAPH_FILE = "vectors.hnsw"  # beside FAISS_FILE, only in generations above Settings.hnsw_above
HNSW_M, HNSW_EF_CONSTRUCTION, HNSW_EF_SEARCH = 32, 80, 128
def engine_of(url: str) -> str:
    """'faiss' or 'qdrant', or BadStore."""
    url = (url or "faiss").strip()
    if url == "faiss":
        return "faiss"
    scheme = url.split("://", 1)[0] if "://" in url else url
    if scheme in QDRANT_SCHEMES:
        return "qdrant"
    raise BadStore(url, "unknown store")


def canonical(url: str) -> str:
    """The store URL as recorded in meta.json: validated, with no secret in it."""
    if engine_of(url) == "faiss":
        return "faiss"
    from minutebook.ingest.storage.qdrant_store import QdrantSpec

    return QdrantSpec.parse(url).url


def resolve(recorded: str | None, setting: str | None) -> str:
    """The store to open a generation with. The generation's own record names the engine; a
    setting that names a server of the same kind supplies the address (a cluster reached under
    another name from this machine). Anything else keeps the record."""
    recorded = recorded or "faiss"
    if setting and engine_of(recorded) == "qdrant" and engine_of(setting) == "qdrant":
        from minutebook.ingest.storage.qdrant_store import QdrantSpec

        if not QdrantSpec.parse(recorded).local and not QdrantSpec.parse(setting).local:
            return setting
    return recorded


def open_vectors(store: str, generation: Path, dim: int, *, create: bool = False) -> Vectors:
    """The vectors of one generation folder in the store named by `store` (a URL as above).
    `create` makes an empty collection where there is none (a writer); readers open what exists."""
    if engine_of(store) == "faiss":
        return FaissVectors.load(Path(generation) / FAISS_FILE, dim)
    try:
        from minutebook.ingest.storage.qdrant_store import QdrantVectors
    except ImportError as e:  # qdrant-client is an optional extra
        raise BadStore(store, f"qdrant-client is not installed ({e.name}); pip install 'minutebook[qdrant]'") from e
    return QdrantVectors.open(store, Path(generation), dim, create=create)


def copy_vectors(source: Vectors, target: Vectors, batch: int = EXPORT_BATCH) -> int:
    """Copy every vector of `source` into `target` through the interface; returns how many."""
    n = 0
    for ids, vectors in source.export(batch):
        target.add(ids, vectors)
        n += len(ids)
    return n


def _threads() -> int:
    import os

    return max(1, len(os.sched_getaffinity(0)))


class FaissVectors:
    """An ID-mapped exact inner-product index kept in one file; `search_batch` is the real operation."""

    in_generation = True

    def __init__(self, dim: int, index=None, path: Path | None = None):
        import faiss

        self.dim = dim
        self.index = index if index is not None else faiss.IndexIDMap2(faiss.IndexFlatIP(dim))
        self.path = Path(path) if path is not None else None
        self.graph = None  # an HNSW copy to search, for a large published generation
        self.dead: set[int] = set()  # ids removed from the exact index but still in the graph (segments.py)
        self.shared = False  # the exact index reads the graph's vectors (over_graph): dead ids are in both
        self._held: np.ndarray | None = None  # vector id at each position (search_batch's allow-lists)
        self._by_id: np.ndarray | None = None
        self._selectors: list = []

    @classmethod
    def load(cls, path: Path, dim: int) -> "FaissVectors":
        import faiss

        if not Path(path).exists():
            return cls(dim, path=path)
        index = faiss.read_index(str(path))
        vectors = cls(index.d, index, path=path)
        graph = Path(path).with_name(GRAPH_FILE)
        if graph.exists():
            vectors.graph = faiss.read_index(str(graph))
            faiss.downcast_index(vectors.graph.index).hnsw.efSearch = HNSW_EF_SEARCH
        return vectors

    @classmethod
    def over_graph(cls, dim: int, graph) -> "FaissVectors":
        """Vectors searched through an HNSW graph whose exact index is a view of the graph's own
        storage: the same exact results, one copy of the vectors in memory. For reading only:
        removing marks ids dead (left out of results) instead of moving the shared storage."""
        import faiss

        faiss.downcast_index(graph.index).hnsw.efSearch = HNSW_EF_SEARCH
        exact = faiss.IndexIDMap2(faiss.IndexFlatIP(dim))  # must be made empty, then pointed at the storage
        exact.index = faiss.downcast_index(graph.index).storage
        faiss.copy_array_to_vector(faiss.vector_to_array(graph.id_map), exact.id_map)
        exact.ntotal = graph.ntotal
        exact.construct_rev_map()
        vectors = cls(dim, exact)
        vectors.graph, vectors.shared = graph, True  # the graph owns the storage and outlives the view
        return vectors

    def write_graph(self, above: int, target: Path | None = None) -> None:
        """Beside the saved exact index, an HNSW graph of it when it holds more than `above` vectors
        (else none). The exact index stays the record: HNSW cannot remove vectors, so each
        generation builds its graph afresh from it."""
        import faiss

        target = Path(target) if target is not None else Path(self.path).with_name(GRAPH_FILE)
        if len(self) <= above:
            target.unlink(missing_ok=True)
            return
        graph = faiss.IndexIDMap2(faiss.IndexHNSWFlat(self.dim, HNSW_M, faiss.METRIC_INNER_PRODUCT))
        faiss.downcast_index(graph.index).hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        faiss.omp_set_num_threads(_threads())
        for ids, vectors in self.export():
            graph.add_with_ids(vectors, np.asarray(ids, dtype="int64"))
        tmp = Path(str(target) + ".tmp")
        faiss.write_index(graph, str(tmp))
        tmp.replace(target)

    def save(self, path: Path | None = None) -> None:
        import faiss

        path = Path(path) if path is not None else self.path
        if path is None:
            raise ValueError("FaissVectors.save needs a path")
        tmp = Path(str(path) + ".tmp")
        faiss.write_index(self.index, str(tmp))
        tmp.replace(path)

    def __len__(self) -> int:
        return int(self.index.ntotal) - (len(self.dead) if self.shared else 0)

    def add(self, ids: list[int], vectors: np.ndarray) -> None:
        if len(ids):
            self.index.add_with_ids(np.ascontiguousarray(vectors, dtype="float32"), np.asarray(ids, dtype="int64"))
            self._held = None

    def remove(self, ids: list[int]) -> None:
        import faiss

        if self.shared:
            self.dead.update(int(i) for i in ids)
        elif len(ids):
            self.index.remove_ids(faiss.IDSelectorBatch(np.asarray(ids, dtype="int64")))
        self._held = None

    def search_batch(self, queries: np.ndarray, k: int, allowed=None) -> list[list[tuple[int, float]]]:
        """For each query row, up to k (vector_id, cosine) best first, only among `allowed` ids if given."""
        import faiss

        if len(self) == 0 or k <= 0 or (allowed is not None and not len(allowed)):
            return [[] for _ in range(len(queries))]
        k = min(k, len(self))
        # One question is one pass over the vectors: OpenMP threads gain little and, on a busy
        # 2-core machine, spin-wait for each other (a 100k search went from ~20 ms to ~800 ms).
        faiss.omp_set_num_threads(1 if len(queries) < 8 else _threads())
        queries = np.ascontiguousarray(queries, dtype="float32")
        if allowed is not None:  # an allow-list is searched exactly
            params = faiss.SearchParameters(sel=self._positions(allowed))
            scores, at = self.index.index.search(queries, k, params=params)
            ids = np.where(at >= 0, self._ids()[np.maximum(at, 0)], -1)
        else:
            index = self.graph if self.graph is not None else self.index
            asked = min(k + len(self.dead), int(index.ntotal)) if index is self.graph or self.shared else k
            scores, ids = index.search(queries, asked, params=None)
        return [[(int(i), float(s)) for i, s in zip(row_ids, row_scores) if i >= 0 and int(i) not in self.dead][:k]
                for row_ids, row_scores in zip(ids, scores)]

    def _ids(self) -> np.ndarray:
        """The vector id at each position of the exact index."""
        import faiss

        if self._held is None or len(self._held) != self.index.ntotal:
            self._held = faiss.vector_to_array(self.index.id_map)
            self._by_id = np.argsort(self._held, kind="stable")
            self._selectors.clear()
        return self._held

    def _positions(self, allowed):
        """A selector of the positions holding `allowed` ids (and no dead one), as a bitmap: FAISS tests
        one bit a vector instead of looking each id up in a hash set (at 1M chunks 70 ms -> 10 ms a
        filtered search). Kept for the last few allow-lists (a reader's filters repeat)."""
        import faiss

        held = self._ids()
        for arr, selector, _bits in self._selectors:
            if arr is allowed:
                return selector
        wanted = np.asarray(allowed, dtype="int64")
        if self.dead:
            wanted = wanted[~np.isin(wanted, np.fromiter(self.dead, dtype="int64", count=len(self.dead)))]
        sorted_ids = held[self._by_id]
        at = np.minimum(np.searchsorted(sorted_ids, wanted), len(held) - 1)
        mask = np.zeros(len(held), dtype=bool)
        mask[self._by_id[at[sorted_ids[at] == wanted]]] = True
        bits = np.packbits(mask, bitorder="little")  # FAISS reads bit i of byte i >> 3 as (b >> (i & 7)) & 1
        selector = faiss.IDSelectorBitmap(len(bits), faiss.swig_ptr(bits))  # n: the bitmap's bytes
        self._selectors = [(allowed, selector, bits), *self._selectors[:3]]  # the bits live as long as the selector
        return selector

    def export(self, batch: int = EXPORT_BATCH) -> Iterator[tuple[list[int], np.ndarray]]:
        import faiss

        if self.shared:
            raise NotImplementedError("vectors read over a graph are searched, not exported")
        n = len(self)
        if not n:
            return
        ids = faiss.vector_to_array(self.index.id_map)
        for start in range(0, n, batch):
            stop = min(start + batch, n)
            yield [int(i) for i in ids[start:stop]], self.index.index.reconstruct_n(start, stop - start)

    def drop(self) -> None:
        """Nothing outside the folder: removing the generation folder removes the file."""

    def close(self) -> None:
        """Nothing to release: the index is in memory."""
