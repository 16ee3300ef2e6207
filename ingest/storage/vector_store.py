"""What an index needs from a vector store, defined once for both stores (vectors.py, qdrant_store.py)."""
from __future__ import annotations

from typing import Iterator, Protocol, runtime_checkable

import numpy as np

from minutebook.ingest.errors import MinutebookError

EXPORT_BATCH = 1024


@runtime_checkable
class Vectors(Protocol):
    """What an index needs from a vector store. Scores are cosine similarities, best first."""

    dim: int
    # True when everything this store keeps lives inside the generation folder (so removing the
    # folder removes it); False when it lives elsewhere (a server) and `drop` must be called.
    in_generation: bool

    def __len__(self) -> int: ...

    def add(self, ids: list[int], vectors: np.ndarray) -> None: ...

    def remove(self, ids: list[int]) -> None: ...

    def search_batch(self, queries: np.ndarray, k: int,
                     allowed: list[int] | None = None) -> list[list[tuple[int, float]]]:
        """For each query row, up to k (vector_id, cosine) best first, only among `allowed` ids if given."""

    def export(self, batch: int = EXPORT_BATCH) -> Iterator[tuple[list[int], np.ndarray]]:
        """Every stored (ids, vectors), a batch at a time: how one generation is copied into the next."""

    def save(self) -> None:
        """Make every change durable before the generation is published."""

    def drop(self) -> None:
        """Delete what this generation stored (its collection); the folder itself is the caller's."""

    def close(self) -> None: ...


class BadStore(MinutebookError):
    def __init__(self, url: str, why: str):
        super().__init__(f"MINUTEBOOK_STORE={url!r}: {why} — use faiss, qdrant+local:// or qdrant://HOST:PORT "
                         "(docs/stores.md)")
