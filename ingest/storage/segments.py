"""An index generation that grows in place: vectors and BM25 postings kept in segment files.

A generation made with this layout (meta.json "layout": "segments") is never copied again. An
ingest changes its database in one transaction on the live file (readers keep reading the last
committed state: the database is in WAL mode), writes what it added as new segment files, and
names them in the `segments` table in that same transaction, so the commit is the one moment
the new papers appear. A crash before it leaves files no row names (swept by the next writer)
and a database that rolls back.

  gen-<n>/segments/vec-<id>.faiss  the vectors one ingest added (the first: all of them)
  gen-<n>/segments/lex-<id>.npz    their BM25 postings, counted but not weighed (lexical.Postings)

Nothing in a segment is ever rewritten. A removed vector (a paper removed or replaced) is named
in the `removed_vectors` table, in the same transaction, and left out when the segments are read
with its postings; a later segment's row for a chunk replaces an earlier one (a paper whose
meeting was filled in). The
BM25 weights depend on every row, so readers weigh the live postings together (lexical.weigh):
the scores are those a build from scratch gives. When the small segments grow past a threshold
the writer merges everything live into one new segment, in the same kind of commit.
"""
from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from minutebook.ingest.storage import lexical
from minutebook.ingest.storage.vectors import HNSW_EF_SEARCH, FaissVectors

LAYOUT = "segments"  # meta.json "layout" of a generation kept this way
FOLDER = "segments"
VECTORS, LEXICAL = "vectors", "lexical"
MERGE_SHARE = 0.25  # merge when rows in later segments, or removed, pass this share of the first's

@dataclass
class Snapshot:
    """What one committed state of the database names: its segment files, in order, their rows,
    and the vector ids removed since they were written."""
    files: dict[str, list[str]]
    rows: dict[str, list[int]]
    removed: np.ndarray  # int64
    last_id: int | None  # the highest chunk vector id ever given out (ids only grow)


def snapshot(conn: sqlite3.Connection) -> Snapshot:
    """Segment files and removed vector ids read in one read transaction (one WAL snapshot)."""
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN")
    try:
        files: dict[str, list[str]] = {VECTORS: [], LEXICAL: []}
        rows: dict[str, list[int]] = {VECTORS: [], LEXICAL: []}
        for kind, file, n in conn.execute("SELECT kind, file, rows FROM segments ORDER BY id"):
            files[kind].append(file)
            rows[kind].append(n)
        removed = np.fromiter((r[0] for r in conn.execute("SELECT vector_id FROM removed_vectors")), dtype="int64")
        last = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'chunks'").fetchone()
    finally:
        if own:
            conn.rollback()
    return Snapshot(files, rows, removed, last[0] if last else None)


def load_vectors(gen: Path, snap: Snapshot, dim: int, upto: int | None = None, *,
                 searching: bool = False) -> FaissVectors:
    """The live vectors of the named segments as one exact index, and the first segment's HNSW graph
    (if it has one) with the later segments added to it. `searching` (a reader, which never adds,
    removes or exports): with a graph, the vectors are held once, the exact search reading the
    graph's own copy (at 1M chunks each copy is 1.5 GB), and removed ids are only left out of results."""
    import faiss

    folder = Path(gen) / FOLDER
    if not snap.files[VECTORS]:
        return FaissVectors(dim)
    first, *rest = snap.files[VECTORS]
    graph = folder / (first + ".hnsw")
    if searching and graph.exists():
        whole = faiss.read_index(str(graph))
        for name in rest:
            whole.add_with_ids(*_contents(folder / name))
        vectors = FaissVectors.over_graph(dim, whole)
        held = faiss.vector_to_array(vectors.graph.id_map)
        vectors.dead = set(snap.removed.tolist()) | (set(held[held > upto].tolist()) if upto is not None else set())
        return vectors
    vectors = FaissVectors(dim, faiss.read_index(str(folder / first)))
    if graph.exists():
        vectors.graph = faiss.read_index(str(graph))
        faiss.downcast_index(vectors.graph.index).hnsw.efSearch = HNSW_EF_SEARCH
    for name in rest:
        added, ids = _contents(folder / name)
        vectors.index.add_with_ids(added, ids)
        if vectors.graph is not None:
            vectors.graph.add_with_ids(added, ids)
    vectors.remove(snap.removed)
    if upto is not None:
        held = vector_ids(vectors)
        vectors.remove(held[held > upto])
    vectors.dead = set(snap.removed.tolist()) if vectors.graph is not None else set()  # HNSW cannot remove
    return vectors


def _contents(path: Path) -> tuple[np.ndarray, np.ndarray]:
    """A vector segment's vectors and their ids."""
    import faiss

    part = faiss.read_index(str(path))
    return part.index.reconstruct_n(0, part.ntotal), faiss.vector_to_array(part.id_map)


def load_lexical(gen: Path, snap: Snapshot, upto: int | None = None) -> lexical.LexicalIndex | None:
    """The named segments' live postings weighed together (None when there are none); with `upto`,
    only rows of vector ids up to it."""
    parts = [read_postings(Path(gen) / FOLDER / name) for name in snap.files[LEXICAL]]
    if not parts:
        return None
    if len(parts) > 1 and only_added(parts, snap.removed, upto):
        return lexical.Appended(parts)  # the usual state between merges, read without merging
    return lexical.weigh(combine(parts, snap.removed, upto), lazy=True)


def only_added(parts: list[lexical.Postings], removed: np.ndarray, upto: int | None = None) -> bool:
    """Whether later segments only added chunks after the earlier ones' (none removed or replaced,
    none past `upto`): their rows follow one another in vector id order."""
    all_ids = np.concatenate([p.vector_ids for p in parts])
    return bool(np.all(np.diff(all_ids) > 0) and not np.isin(all_ids, removed).any()
                and (upto is None or not len(all_ids) or all_ids[-1] <= upto))


def vector_ids(vectors: FaissVectors) -> np.ndarray:
    import faiss

    return faiss.vector_to_array(vectors.index.id_map)


def write_vectors(gen: Path, vectors: FaissVectors, graph_above: int | None = None) -> str:
    """An exact index as one segment; with `graph_above`, an HNSW graph beside it when it holds more
    vectors than that (the first segment of a generation, or a merge)."""
    import faiss

    name = _name("vec", "faiss")
    faiss.write_index(vectors.index, str(_folder(gen) / name))
    if graph_above is not None:
        vectors.write_graph(graph_above, _folder(gen) / (name + ".hnsw"))
    return name


def write_postings(gen: Path, p: lexical.Postings) -> str:
    name = _name("lex", "npz")
    indptr = p.starts()
    with open(_folder(gen) / name, "wb") as fh:  # a file object: np.savez would add its own suffix
        # tf is a sum of field weights (halves): float32 holds it exactly.
        np.savez(fh, terms=np.asarray(p.terms, dtype=str), indptr=indptr, rows=p.rows,
                 tf=p.tf.astype("float32"), lengths=p.lengths, vector_ids=p.vector_ids)
    return name


def read_postings(path: Path) -> lexical.Postings:
    with np.load(path) as data:
        return lexical.Postings([str(t) for t in data["terms"]], None, data["rows"], data["tf"], data["lengths"],
                                data["vector_ids"], indptr=data["indptr"])


def combine(parts: list[lexical.Postings], removed: np.ndarray, upto: int | None = None) -> lexical.Postings:
    """One set of postings from segments in commit order: no rows of `removed` vector ids (nor,
    given `upto`, of higher ones), a later segment's row for a chunk in place of an earlier one,
    rows ascending by vector id."""
    if len(parts) == 1 and not len(removed) and upto is None:
        return parts[0]  # the usual case just after a merge: nothing to drop or reorder
    vocab: dict[str, int] = {}
    maps = [np.fromiter((vocab.setdefault(t, len(vocab)) for t in p.terms), dtype="int32", count=len(p.terms))
            for p in parts]
    all_ids = np.concatenate([p.vector_ids for p in parts])
    if only_added(parts, removed, upto):
        return _appended(parts, maps, list(vocab))
    # the last occurrence of each id wins; only ids the database still holds count
    last = np.zeros(len(all_ids), dtype=bool)
    _, first_from_end = np.unique(all_ids[::-1], return_index=True)
    last[len(all_ids) - 1 - first_from_end] = True
    keep = last & ~np.isin(all_ids, removed)
    if upto is not None:
        keep &= all_ids <= upto
    kept = np.flatnonzero(keep)
    new_row = np.full(len(all_ids), -1, dtype="int64")
    new_row[kept[np.argsort(all_ids[kept], kind="stable")]] = np.arange(len(kept))
    offsets = np.cumsum([0] + [len(p.vector_ids) for p in parts])
    rows = np.concatenate([new_row[p.rows + off] for p, off in zip(parts, offsets)])
    terms = np.concatenate([m[p.term_ids()] for p, m in zip(parts, maps)])
    tf = np.concatenate([p.tf for p in parts])
    alive = rows >= 0
    rows, terms, tf = rows[alive], terms[alive], tf[alive]
    order = np.argsort(terms, kind="stable")  # runs already sorted per segment: cheap
    ids = np.empty(len(kept), dtype="int64")
    lengths = np.empty(len(kept), dtype="float64")
    all_lengths = np.concatenate([p.lengths for p in parts])
    ids[new_row[kept]] = all_ids[kept]
    lengths[new_row[kept]] = all_lengths[kept]
    return lexical.Postings(list(vocab), terms[order], rows[order].astype("int32"), tf[order], lengths, ids)


def _appended(parts: list[lexical.Postings], maps: list[np.ndarray], terms: list[str]) -> lexical.Postings:
    """`combine` when later segments only added chunks (the usual case between merges): the first
    segment's postings stay in place and the later ones are inserted at the end of their terms'
    runs, one pass over the large arrays instead of a sort of them."""
    first, later = parts[0], parts[1:]
    offsets = np.cumsum([len(p.vector_ids) for p in parts])[:-1]
    terms_in = np.concatenate([m[p.term_ids()] for p, m in zip(later, maps[1:])])
    rows_in = np.concatenate([p.rows + off for p, off in zip(later, offsets)]).astype("int32")
    tf_in = np.concatenate([p.tf for p in later])
    order = np.argsort(terms_in, kind="stable")
    terms_in, rows_in, tf_in = terms_in[order], rows_in[order], tf_in[order]
    # the first segment's terms keep their ids (its vocabulary comes first): each run ends where the next begins
    ends = first.starts()[1:]
    at = np.where(terms_in < len(first.terms), ends[np.minimum(terms_in, len(first.terms) - 1)], len(first.rows))
    return lexical.Postings(terms, np.insert(first.term_ids(), at, terms_in), np.insert(first.rows, at, rows_in),
                            np.insert(first.tf, at, tf_in), np.concatenate([p.lengths for p in parts]),
                            np.concatenate([p.vector_ids for p in parts]))


def needs_merge(snap: Snapshot, most: int) -> bool:
    """Whether the segments are worth merging into one: more than `most` after the first, or rows
    in later segments or removed past a share of the first's."""
    rows = snap.rows[VECTORS] or [0]
    later = max(len(snap.rows[VECTORS]), len(snap.rows[LEXICAL])) - 1
    return later > most or sum(rows[1:]) + len(snap.removed) > MERGE_SHARE * rows[0]


def unnamed(gen: Path, snap: Snapshot, older_than_s: float = 60.0) -> list[Path]:
    """Segment files no committed row names: left by a crash, or replaced by a merge. A minute's
    grace lets a reader that read the list just before a merge open the files it named."""
    folder = Path(gen) / FOLDER
    named = set(snap.files[VECTORS]) | set(snap.files[LEXICAL])
    named |= {n + ".hnsw" for n in named}
    now = time.time()
    return [f for f in folder.glob("*") if f.name not in named and now - f.stat().st_mtime > older_than_s] \
        if folder.exists() else []


def record(conn: sqlite3.Connection, kind: str, file: str, rows: int) -> None:
    """Name a segment file in the writer's open transaction."""
    conn.execute("INSERT INTO segments (kind, file, rows, created_at) VALUES (?,?,?,?)",
                 [kind, file, rows, time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())])


def forget_all(conn: sqlite3.Connection) -> None:
    """Before naming one merged segment of each kind: no other segment, nothing removed from it."""
    conn.execute("DELETE FROM segments")
    conn.execute("DELETE FROM removed_vectors")


def mark_removed(conn: sqlite3.Connection, ids) -> None:
    conn.executemany("INSERT OR IGNORE INTO removed_vectors (vector_id) VALUES (?)", [(int(i),) for i in ids])


class PendingVectors:
    """The vectors an in-place ingest adds, kept until its commit writes them as one segment.
    Removing is a note: the removed vector stays in its segment, named in `removed_vectors`."""

    in_generation = True

    def __init__(self, dim: int):
        self.dim = dim
        self.added: dict[int, np.ndarray] = {}
        self.removed: set[int] = set()

    def __len__(self) -> int:
        return len(self.added)

    def add(self, ids, vectors: np.ndarray) -> None:
        for i, v in zip(ids, np.asarray(vectors, dtype="float32")):
            self.added[int(i)] = v

    def remove(self, ids) -> None:
        for i in ids:
            if self.added.pop(int(i), None) is None:  # added by this ingest: simply not written
                self.removed.add(int(i))

    def segment(self) -> FaissVectors | None:
        if not self.added:
            return None
        out = FaissVectors(self.dim)
        ids = sorted(self.added)
        out.add(ids, np.stack([self.added[i] for i in ids]))
        return out

    def search_batch(self, queries, k, allowed=None):
        raise NotImplementedError("an ingest's pending vectors are not searched")

    def export(self, batch: int = 1024):
        yield from ()

    def save(self) -> None:
        """Written at the commit (IndexWriter.publish)."""

    def drop(self) -> None:
        """Nothing outside the folder."""

    def close(self) -> None:
        """Nothing held."""


def is_segmented(meta: dict) -> bool:
    return meta.get("layout") == LAYOUT


def _folder(gen: Path) -> Path:
    folder = Path(gen) / FOLDER
    folder.mkdir(exist_ok=True)
    return folder


def _name(prefix: str, ext: str) -> str:
    return f"{prefix}-{time.time_ns()}-{os.getpid()}.{ext}"

