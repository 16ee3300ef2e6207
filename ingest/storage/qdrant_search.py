"""Keyword search and filters inside Qdrant: what a collection holds beside the embeddings, and the
queries that search it. Pure: rows and settings in, qdrant-client models out.

Each point carries
  - a sparse vector "bm25": for each term of the chunk, its BM25 weight without the idf, computed
    by lexical.py's own build (same tokenizer, stemmer, field weights, k1 and b). The collection's
    IDF modifier multiplies in idf at query time with the formula lexical.py uses, over the
    collection's own counts, so a query of the question's terms (each 1.0) scores every chunk as
    the BM25 arrays do.
  - a payload of the fields search filters on (board, meeting date, section type, restricted,
    document id), each with a payload index, so Qdrant applies a filter itself: no list of allowed
    chunk ids is ever sent.
Terms are keyed by a CRC-32 of the stemmed word: stable across generations and machines, with no
vocabulary to share. Two terms that collide (about one pair in 100,000 distinct terms) count as one.
"""
from __future__ import annotations

import zlib
from datetime import date
from typing import Iterator

import numpy as np
from qdrant_client import models

from minutebook.ingest.storage import lexical

SPARSE = "bm25"
SPARSE_CONFIG = {SPARSE: models.SparseVectorParams(modifier=models.Modifier.IDF)}
PAYLOAD_INDEXES = {
    "board": models.PayloadSchemaType.KEYWORD,
    "doc_type": models.PayloadSchemaType.KEYWORD,
    "document_id": models.PayloadSchemaType.KEYWORD,
    "restricted": models.PayloadSchemaType.BOOL,
    "meeting_day": models.IntegerIndexParams(type=models.IntegerIndexType.INTEGER, lookup=False, range=True),
}
PAYLOAD_SQL = "SELECT vector_id, document_id, board, meeting_date, doc_type, restricted FROM chunks"


def term_key(term: str) -> int:
    return zlib.crc32(term.encode())


def _sparse(keys: np.ndarray, values: np.ndarray) -> models.SparseVector:
    if len(np.unique(keys)) < len(keys):  # a CRC collision inside one chunk: the terms add up
        keys, where = np.unique(keys, return_inverse=True)
        values = np.bincount(where, values)
    return models.SparseVector(indices=[int(k) for k in keys], values=[float(v) for v in values])


def document_vectors(index: lexical.LexicalIndex) -> Iterator[tuple[int, models.SparseVector]]:
    """(vector_id, sparse vector) of every chunk in a built BM25 index: its weights less the idf."""
    df = np.diff(index.indptr)
    term_of = np.repeat(np.arange(len(df)), df)
    tf_part = index.weights / lexical.inverse_document_frequency(df.astype("float64"), len(index))[term_of]
    keys = np.empty(len(df), dtype="uint32")
    for term, column in index.vocab.items():
        keys[column] = term_key(term)
    order = np.argsort(index.rows, kind="stable")
    rows = index.rows[order]
    bounds = np.searchsorted(rows, np.arange(len(index) + 1))
    keyed, weighted = keys[term_of[order]], tf_part[order]
    for row, vid in enumerate(index.vector_ids):
        lo, hi = bounds[row], bounds[row + 1]
        if hi > lo:
            yield int(vid), _sparse(keyed[lo:hi], weighted[lo:hi])


def query_vector(text: str) -> models.SparseVector | None:
    """The question's distinct terms, each 1.0: the score is then the sum of their BM25 weights."""
    keys = np.asarray([term_key(t) for t in lexical.query_terms(text)], dtype="uint32")
    return _sparse(keys, np.ones(len(keys))) if len(keys) else None


def _day(iso: str | None) -> int | None:
    try:
        day = date.fromisoformat(iso or "")
    except ValueError:
        return None
    return day.year * 10_000 + day.month * 100 + day.day


def payload(row: tuple) -> tuple[int, dict]:
    """A PAYLOAD_SQL row as (vector_id, payload). A date as a whole number (20241106) so that a
    range over it uses an integer index."""
    vid, document_id, board, meeting_date, doc_type, restricted = row
    fields = {"document_id": document_id, "board": board or "", "meeting_date": meeting_date or "",
              "doc_type": doc_type or "", "restricted": bool(restricted)}
    day = _day(meeting_date)
    if day is not None:
        fields["meeting_day"] = day
    return int(vid), fields


def payload_filter(filters, boards: list[str] | None) -> models.Filter | None:
    """Filters (ingest/filters.py) as conditions on the payload. `boards` are the board names
    the board filter matches (Filters: a substring, any case), looked up in the register:
    a handful of names, where an id list would grow with the archive."""
    must: list = []
    if filters.board:
        must.append(models.FieldCondition(key="board", match=models.MatchAny(any=list(boards or []))))
    if filters.since or filters.until:
        must.append(models.FieldCondition(key="meeting_day", range=models.Range(
            gte=_day(filters.since) if filters.since else None, lte=_day(filters.until) if filters.until else None)))
    if filters.doc_type:
        must.append(models.FieldCondition(key="doc_type", match=models.MatchValue(value=filters.doc_type)))
    if not filters.include_restricted:
        must.append(models.FieldCondition(key="restricted", match=models.MatchValue(value=False)))
    return models.Filter(must=must) if must else None


def _scores_formula(settings, top: float, sparse: bool) -> models.FormulaQuery:
    """assistant.search.fuse's "scores" fusion, as a Qdrant formula over the two prefetches:
    bm25_weight x BM25 / the query's best BM25 + dense_weight x max(0, cosine - floor) / (1 - floor).
    A formula has no max(): max(0, x) is (x + |x|) / 2."""
    floor = settings.dense_floor
    above = models.SumExpression(sum=["$score[0]", -floor])
    dense = models.MultExpression(mult=[settings.dense_weight / (1.0 - floor) / 2,
                                        models.SumExpression(sum=[above, models.AbsExpression(abs=above)])])
    parts: list = [dense]
    if sparse:
        parts.append(models.MultExpression(mult=[settings.bm25_weight / top, "$score[1]"]))
    # A chunk that only one search found scores nothing from the other, as in fuse().
    return models.FormulaQuery(formula=models.SumExpression(sum=parts),
                               defaults={"$score[0]": floor, "$score[1]": 0.0})


def requests(dense: list | None, sparse: list, n: int, limit: int, flt, mode: str, settings,
             tops: list[float] | None = None) -> list[models.QueryRequest]:
    """One request per question. `dense`: the questions' embeddings (None in bm25 mode); `sparse`:
    their query_vector()s; `tops`: each one's best BM25 score (the "scores" fusion needs it)."""
    out = []
    for i, keywords in enumerate(sparse):
        if mode == "bm25":
            out.append(models.QueryRequest(query=keywords, using=SPARSE, filter=flt, limit=n) if keywords
                       else None)
            continue
        vector = [float(x) for x in dense[i]]
        if mode == "dense":
            out.append(models.QueryRequest(query=vector, filter=flt, limit=n))
            continue
        prefetch = [models.Prefetch(query=vector, filter=flt, limit=n)]
        if keywords:
            prefetch.append(models.Prefetch(query=keywords, using=SPARSE, filter=flt, limit=n))
        if settings.fusion == "rrf":
            # Qdrant's weighted RRF scores w / (rank + w (k - 1)); k = rrf_k + 1 gives fuse()'s
            # w / (rank + rrf_k) exactly when the weights are 1, and the same order near it.
            query = models.RrfQuery(rrf=models.Rrf(k=settings.rrf_k + 1,
                                                   weights=[settings.dense_weight, settings.bm25_weight][:len(prefetch)]))
        else:
            top = tops[i] if tops and tops[i] > 0 else 1.0
            query = _scores_formula(settings, top, sparse=len(prefetch) > 1)
        out.append(models.QueryRequest(prefetch=prefetch, query=query, limit=limit))
    return out
