"""BM25 over every chunk, held in numpy arrays: the keyword half of hybrid search.

SQLite's FTS5 ranks by calling bm25() once per matching row, and a question with a common
word ("community", "board") matches most rows: at 100k chunks ranking alone took ~100 ms.
Here each term's postings carry their BM25F weight, computed once when a generation is
published, so a query is a few numpy sums over postings. Fields weigh as they did in FTS5:
the item heading most, the meeting (board and date) as much as body text, the title less.

Pure: `build` takes rows and returns a `LexicalIndex`; `save`/`load` are the disk edge.
"""
from __future__ import annotations

from array import array
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import numpy as np

# A question's terms are the text toolkit's (qdrant_search reads them from here too).
from minutebook.ingest.text import search_terms as query_terms
from minutebook.ingest.text import search_stem as stem
from minutebook.ingest.text import words

FILE = "lexical.npz"
FIELD_WEIGHTS = (1.0, 2.0, 0.5, 1.0, 1.0)  # text, heading, title, context, refers (coreference.py)
# A term's repeats saturate soon (k1) and a long passage is penalised little (b): a passage
# matching more of the question's words outranks one repeating its paper's topic word, which in a
# mixed archive is rare, so heavy. Measured in hybrid search (MRR@5): the sample 0.870 -> 0.875
# (dev 0.869 -> 0.876, held-out test 0.872 both), the real gold 0.867 -> 0.872, the sample inside
# one index with the real corpus 0.848 -> 0.873. BM25 alone on the real gold loses (MRR 0.744 ->
# 0.730): keyword search here serves the fusion. 0.9 / 0.4 (Anserini's defaults) were chosen
# when BM25 was scored alone on the sample's dev questions (against Lucene's 1.2 / 0.75).
K1, B = 0.6, 0.3


@dataclass
class LexicalIndex:
    vocab: dict[str, int]  # term -> its postings slice
    indptr: np.ndarray  # int64, len(vocab) + 1
    rows: np.ndarray  # int32: row of each posting (an index into vector_ids)
    weights: np.ndarray  # float32: BM25F weight of the term in that row, idf included
    vector_ids: np.ndarray  # int64, one per row, ascending

    def __len__(self) -> int:
        return len(self.vector_ids)

    def search(self, query: str, k: int, mask: np.ndarray | None = None) -> list[tuple[int, float]]:
        """Best `k` (vector_id, score) for the query, only among rows where `mask` is True if given."""
        cols = [self.vocab[t] for t in query_terms(query) if t in self.vocab]
        if not cols or k <= 0:
            return []
        rows, weights = self._postings(cols)
        scores = np.bincount(rows, weights, minlength=len(self.vector_ids))
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        found = np.flatnonzero(scores)
        if len(found) > k:
            found = found[np.argpartition(-scores[found], k - 1)[:k]]
        # Ties (copies of one passage) go to the lower vector id, the paper ingested first.
        order = np.lexsort((self.vector_ids[found], -scores[found]))
        return [(int(self.vector_ids[i]), float(scores[i])) for i in found[order]]

    def _postings(self, cols: list[int]) -> tuple[np.ndarray, np.ndarray]:
        """Rows and weights of the postings of terms `cols`, term after term."""
        return (np.concatenate([self.rows[self.indptr[c]:self.indptr[c + 1]] for c in cols]),
                np.concatenate([self.weights[self.indptr[c]:self.indptr[c + 1]] for c in cols]))

    def frequency(self, term: str) -> int:
        """How many chunks hold `term` (a search stem) in any field."""
        col = self.vocab.get(term)
        return 0 if col is None else int(self.indptr[col + 1] - self.indptr[col])

    def mask(self, ids, keep: bool) -> np.ndarray:
        """A row mask: True for rows whose vector id is in `ids` (keep) or not in it (not keep)."""
        inside = np.isin(self.vector_ids, np.fromiter(ids, dtype="int64"))
        return inside if keep else ~inside


def inverse_document_frequency(df, n):
    """BM25's idf of a term found in `df` of `n` chunks (Lucene's form, never negative; Qdrant's
    IDF modifier computes the same, so its sparse vectors hold the weights without it)."""
    return np.log(1.0 + (n - df + 0.5) / (df + 0.5))


def build(rows: Iterable[tuple], k1: float = K1, b: float = B) -> LexicalIndex:
    """An index of (vector_id, text, heading, title, context[, refers]) rows, ascending by vector id."""
    return weigh(count(rows), k1, b)


@dataclass
class Postings:
    """What `build` counts before it weighs: each row's weighted term frequencies and length. The
    weights depend on every row (idf, mean length), so a growing index keeps these per segment
    (segments.py) and weighs them all together when it is read."""
    terms: list[str]  # term id -> term
    term_of: np.ndarray | None  # int32 per posting, ascending (None: read from `indptr` when needed)
    rows: np.ndarray  # int32 per posting: an index into vector_ids
    tf: np.ndarray  # per posting: field-weighted term frequency (sums of halves: float32 holds them exactly)
    lengths: np.ndarray  # float64 per row: field-weighted length
    vector_ids: np.ndarray  # int64 per row
    # where each term's postings start: a segment read from disk has it, and a reader of one
    # segment then never spends memory on term_of (400 MB at 1M chunks)
    indptr: np.ndarray | None = None

    def term_ids(self) -> np.ndarray:
        if self.term_of is None:
            self.term_of = np.repeat(np.arange(len(self.indptr) - 1, dtype="int32"), np.diff(self.indptr))
        return self.term_of

    def starts(self) -> np.ndarray:
        if self.indptr is None:
            self.indptr = np.searchsorted(self.term_of, np.arange(len(self.terms) + 1, dtype=self.term_of.dtype))
        return self.indptr.astype("int64")


def count(rows: Iterable[tuple]) -> Postings:
    """The postings of (vector_id, text, heading, title, context[, refers]) rows.

    Postings are gathered in flat typed arrays, not per-row dicts: at 100k chunks there are
    ~10M of them, and Python objects for each would take gigabytes."""
    vocab: dict[str, int] = {}
    ids, lengths = array("q"), array("d")
    post_term, post_row, post_tf = array("i"), array("i"), array("d")
    for row, (vid, *fields) in enumerate(rows):
        tf: Counter = Counter()
        length = 0.0
        for value, weight in zip(fields, FIELD_WEIGHTS):
            found = words(value)
            length += weight * len(found)
            for word, n in Counter(found).items():  # stem each distinct word once
                tf[stem(word)] += weight * n
        ids.append(vid)
        lengths.append(length)
        post_term.extend(vocab.setdefault(t, len(vocab)) for t in tf)
        post_row.extend([row] * len(tf))
        post_tf.extend(tf.values())
    term_of = np.frombuffer(post_term, dtype="int32")
    order = np.argsort(term_of, kind="stable")
    return Postings(list(vocab), term_of[order], np.frombuffer(post_row, dtype="int32")[order],
                    np.frombuffer(post_tf, dtype="float64")[order], np.frombuffer(lengths, dtype="float64"),
                    np.frombuffer(ids, dtype="int64").copy())


def weigh(p: Postings, k1: float = K1, b: float = B, lazy: bool = False) -> LexicalIndex:
    """BM25F weights of counted postings, idf and length normalisation over all of their rows.
    `lazy` weighs a term's postings when a search first reads them (the same arithmetic): an index
    opened for a few questions need not weigh all ~10M postings first."""
    n = len(p.vector_ids)
    row_of, tf, lengths_np = p.rows, p.tf, p.lengths
    indptr = p.starts()
    df = np.diff(indptr).astype("float64")
    idf = inverse_document_frequency(df, n)
    norm = k1 * (1 - b + b * lengths_np / (lengths_np.mean() if n else 1.0))
    vocab = {t: i for i, t in enumerate(p.terms)}
    if lazy:
        return LexicalIndex(vocab, indptr, row_of, _TermWeights(idf, tf, row_of, norm, indptr, k1), p.vector_ids)
    weights = idf[p.term_ids()] * tf * (k1 + 1) / (tf + norm[row_of])
    return LexicalIndex(vocab, indptr, row_of, weights.astype("float32"), p.vector_ids)


class Appended(LexicalIndex):
    """Postings of segments that only added rows, each numbering its rows on from the last, searched
    where they lie: a term's postings are the first segment's, then each later one's, weighed with
    the idf and mean length of all of them when a search first reads them. The scores are those
    of `weigh` over the segments merged into one array (tested), without a merged copy: at 1M
    chunks merging made a second 1.2 GB of arrays while the first were still held."""

    def __init__(self, parts: list[Postings], k1: float = K1, b: float = B):
        self.vocab: dict[str, int] = {}
        for p in parts:
            for t in p.terms:
                self.vocab.setdefault(t, len(self.vocab))
        self.vector_ids = np.concatenate([p.vector_ids for p in parts])
        lengths = np.concatenate([p.lengths for p in parts])
        offsets = np.cumsum([0] + [len(p.vector_ids) for p in parts])
        self._parts = [(p, {t: i for i, t in enumerate(p.terms)}, p.starts(), int(off)) for p, off in zip(parts, offsets)]
        self._terms = list(self.vocab)
        n = len(self.vector_ids)
        self._norm = k1 * (1 - b + b * lengths / (lengths.mean() if n else 1.0))
        self._k1 = k1
        self._done: dict[int, list[tuple[np.ndarray, np.ndarray]]] = {}

    def _postings(self, cols: list[int]) -> tuple[np.ndarray, np.ndarray]:
        for c in cols:
            if c not in self._done:
                self._done[c] = self._weigh(self._terms[c])
        pieces = [piece for c in cols for piece in self._done[c]]
        return np.concatenate([r for r, _ in pieces]), np.concatenate([w for _, w in pieces])

    def frequency(self, term: str) -> int:
        return sum(int(starts[c + 1] - starts[c]) for _, local, starts, _ in self._parts
                   for c in [local.get(term)] if c is not None)

    def _weigh(self, term: str) -> list[tuple[np.ndarray, np.ndarray]]:
        """The term's postings in each segment holding it: rows (the first segment's as they lie, no
        copy) and weights, kept for later searches."""
        found = [(p.rows[starts[c]:starts[c + 1]], p.tf[starts[c]:starts[c + 1]], offset)
                 for p, local, starts, offset in self._parts for c in [local.get(term)] if c is not None]
        idf = inverse_document_frequency(np.float64(sum(len(rows) for rows, _, _ in found)), len(self.vector_ids))
        out = []
        for rows, tf, offset in found:
            rows = rows + np.int32(offset) if offset else rows
            tf = tf.astype("float64")
            out.append((rows, (idf * tf * (self._k1 + 1) / (tf + self._norm[rows])).astype("float32")))
        return out


class _TermWeights:
    """A lazy `LexicalIndex.weights`: a slice of one term's postings is weighed when read, as
    `weigh` weighs every posting, and kept."""

    def __init__(self, idf, tf, rows, norm, indptr, k1):
        self.idf, self.tf, self.rows, self.norm, self.indptr, self.k1 = idf, tf, rows, norm, indptr, k1
        self._done: dict[tuple[int, int], np.ndarray] = {}

    def __len__(self) -> int:
        return len(self.tf)

    def __getitem__(self, s: slice) -> np.ndarray:
        key = (s.start, s.stop)
        if key not in self._done:
            term = int(np.searchsorted(self.indptr, s.start, side="right")) - 1
            tf = self.tf[s].astype("float64")  # the arithmetic of `weigh`, whatever the stored type
            self._done[key] = (self.idf[term] * tf * (self.k1 + 1) / (tf + self.norm[self.rows[s]])).astype("float32")
        return self._done[key]


def save(index: LexicalIndex, folder: Path) -> None:
    tmp = Path(folder) / (FILE + ".tmp.npz")
    np.savez(tmp, terms=np.asarray(list(index.vocab), dtype=object).astype(str), indptr=index.indptr,
             rows=index.rows, weights=index.weights, vector_ids=index.vector_ids)
    tmp.replace(Path(folder) / FILE)


def load(folder: Path) -> LexicalIndex | None:
    """The generation's lexical index, or None for a generation made before it existed."""
    path = Path(folder) / FILE
    if not path.exists():
        return None
    with np.load(path) as data:
        vocab = {str(t): i for i, t in enumerate(data["terms"])}
        return LexicalIndex(vocab, data["indptr"], data["rows"], data["weights"], data["vector_ids"])
