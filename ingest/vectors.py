"""The FAISS side of an index: unit vectors keyed by the chunks' vector ids (inner product = cosine)."""
from __future__ import annotations

from pathlib import Path

import numpy as np


class FaissVectors:
    """An ID-mapped exact inner-product index; `search_batch` is the real operation."""

    def __init__(self, dim: int, index=None):
        import faiss

        self.dim = dim
        self.index = index if index is not None else faiss.IndexIDMap2(faiss.IndexFlatIP(dim))

    @classmethod
    def load(cls, path: Path, dim: int) -> "FaissVectors":
        import faiss

        if not Path(path).exists():
            return cls(dim)
        index = faiss.read_index(str(path))
        return cls(index.d, index)

    def save(self, path: Path) -> None:
        import faiss

        tmp = Path(str(path) + ".tmp")
        faiss.write_index(self.index, str(tmp))
        tmp.replace(path)

    def __len__(self) -> int:
        return int(self.index.ntotal)

    def add(self, ids: list[int], vectors: np.ndarray) -> None:
        if len(ids):
            self.index.add_with_ids(np.ascontiguousarray(vectors, dtype="float32"), np.asarray(ids, dtype="int64"))

    def remove(self, ids: list[int]) -> None:
        import faiss

        if ids:
            self.index.remove_ids(faiss.IDSelectorBatch(np.asarray(ids, dtype="int64")))

    def search_batch(self, queries: np.ndarray, k: int, allowed: list[int] | None = None) -> list[list[tuple[int, float]]]:
        """For each query row, up to k (vector_id, cosine) best first, only among `allowed` ids if given."""
        import faiss

        if len(self) == 0 or k <= 0 or (allowed is not None and not allowed):
            return [[] for _ in range(len(queries))]
        params = None
        if allowed is not None:
            params = faiss.SearchParameters(sel=faiss.IDSelectorBatch(np.asarray(allowed, dtype="int64")))
        k = min(k, len(self))
        scores, ids = self.index.search(np.ascontiguousarray(queries, dtype="float32"), k, params=params)
        return [[(int(i), float(s)) for i, s in zip(row_ids, row_scores) if i >= 0]
                for row_ids, row_scores in zip(ids, scores)]
