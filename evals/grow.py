"""What adding one paper to a large index costs: time, bytes written, and query speed after it.

    python -m evals.grow build --sample INDEX --out DIR [--chunks 100000]
    python -m evals.grow add   --index DIR PAPER...      # one ingest in this process; prints JSON
    python -m evals.grow query --index DIR [--runs 20] [--board NAME]...
                                 # search (also with board filters) and extractive ask p50, in-process

`build` makes an index of about --chunks chunks without embedding or parsing anything: the
sample index's rows (documents, files, sections, pages, chunks) copied under new ids until
there are enough, each copy's vectors the sample's with a little noise, then the full-text
index, and the vectors and BM25 postings as one segment of each (ingest/storage/segments.py), as a
first ingest leaves them.
It is an index as `make bench` would build from copies of the sample, at a fraction of the
cost; the bench's own archive is the end-to-end check.

`add` reports wall seconds, the bytes the process wrote (/proc/self/io wchar: every write()
call, fsyncs or not) and how the index folder's size changed. Point MINUTEBOOK_EMBED_CACHE at a
cache that holds the paper's text to leave the model's time out (reported separately as
embed_s, the seconds the embedder spent).
"""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import sys
import time
from pathlib import Path

import numpy as np


def _io() -> dict:
    fields = dict(line.split(": ") for line in Path("/proc/self/io").read_text().splitlines())
    return {k: int(v) for k, v in fields.items()}


def _size(folder: Path) -> int:
    return sum(f.stat().st_size for f in Path(folder).rglob("*") if f.is_file() and not f.is_symlink())


def _columns(conn, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def build(sample: Path, out: Path, chunks: int) -> dict:
    """Copies of the sample index's rows and vectors as one generation kept in segments (the layout
    every index made by today's minutebook has): one vector segment (with its HNSW graph above
    Settings.hnsw_above) and one postings segment, named in the database's `segments` table."""
    from minutebook.ingest.storage import segments
    from minutebook.ingest.storage.index_reader import IndexReader
    from minutebook.ingest.settings import Settings
    from minutebook.ingest.storage.vectors import FaissVectors

    reader = IndexReader(sample)
    gen_src, meta = reader.dir, dict(reader.meta)
    vectors = reader.vectors
    base_ids = segments.vector_ids(vectors)
    base_vecs = vectors.index.index.reconstruct_n(0, vectors.index.ntotal)[np.argsort(base_ids)]
    reader.close()
    out.mkdir(parents=True)
    gen = out / "gen-1"
    gen.mkdir()
    meta["layout"] = segments.LAYOUT
    (gen / "meta.json").write_text(json.dumps(meta))
    src = sqlite3.connect(f"file:{gen_src / 'minutebook.db'}?mode=ro", uri=True)
    db = sqlite3.connect(gen / "minutebook.db")
    src.backup(db)
    src.close()
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("ATTACH DATABASE ? AS src", [f"file:{gen_src / 'minutebook.db'}?mode=ro"])
    base = db.execute("SELECT count(*) FROM chunks").fetchone()[0]
    copies = max(1, -(-chunks // base)) - 1
    tables = {t: _columns(db, t) for t in ("documents", "files", "sections", "pages", "chunks")}
    start = time.perf_counter()
    with db:
        for k in range(1, copies + 1):
            renamed = {"id": ("id || ?", f"~{k}"), "document_id": ("document_id || ?", f"~{k}"),
                       "source": ("'copy-' || ? || '/' || source", str(k))}
            for table, cols in tables.items():
                cols = [c for c in cols if not (table == "chunks" and c == "vector_id")]
                exprs = [renamed[c][0] if c in renamed else c for c in cols]
                params = [renamed[c][1] for c in cols if c in renamed]
                order = " ORDER BY vector_id" if table == "chunks" else ""
                # from the sample's own file: each copy reads the sample, not the growing table
                db.execute(f"INSERT INTO main.{table} ({', '.join(cols)}) SELECT {', '.join(exprs)}"
                           f" FROM src.{table}{order}", params)
        db.execute("INSERT INTO chunks_fts (chunks_fts) VALUES ('rebuild')")
    db.execute("DETACH DATABASE src")
    rows_s = time.perf_counter() - start
    all_ids = np.array([r[0] for r in db.execute("SELECT vector_id FROM chunks ORDER BY vector_id")], dtype="int64")
    rng = np.random.default_rng(18)
    out_vectors = FaissVectors(base_vecs.shape[1])
    for start in range(0, len(all_ids), len(base_vecs)):
        ids = all_ids[start:start + len(base_vecs)]
        noisy = base_vecs[: len(ids)] + (0.02 * rng.normal(size=(len(ids), base_vecs.shape[1])) if start else 0)
        noisy = (noisy / np.linalg.norm(noisy, axis=1, keepdims=True)).astype("float32")
        out_vectors.add(ids, noisy)
    start = time.perf_counter()
    with db:
        segments.forget_all(db)  # the sample's rows name the sample's files
        name = segments.write_vectors(gen, out_vectors, Settings().hnsw_above)
        segments.record(db, segments.VECTORS, name, len(out_vectors))
        del out_vectors
        postings = _tiled_postings(db, base, copies + 1)
        segments.record(db, segments.LEXICAL, segments.write_postings(gen, postings), len(postings.vector_ids))
    db.close()
    (out / "current").symlink_to("gen-1")
    return {"chunks": int(len(all_ids)), "copies": copies + 1, "mb": round(_size(out) / 2**20, 1),
            "rows_s": round(rows_s, 1), "segments_s": round(time.perf_counter() - start, 1)}


def _tiled_postings(db, base: int, copies: int):
    """The BM25 postings lexical.count gives for every row, counted once for the sample's rows and
    repeated for each copy (a copy's text is the sample's; its rows follow the sample's order)."""
    from minutebook.ingest.storage import lexical

    rows = db.execute("SELECT vector_id, text, heading, title, context FROM chunks ORDER BY vector_id LIMIT ?", [base])
    one = lexical.count(rows.fetchall())
    ids = np.array([r[0] for r in db.execute("SELECT vector_id FROM chunks ORDER BY vector_id")], dtype="int64")
    offsets = np.arange(copies, dtype="int64")[:, None] * base
    runs = np.searchsorted(one.term_of, np.arange(len(one.terms) + 1, dtype=one.term_of.dtype))
    term_of, row_of, tf = [], [], []
    for t in range(len(one.terms)):  # each term's run: the sample's rows, then each copy's
        s, e = runs[t], runs[t + 1]
        row_of.append((one.rows[s:e][None, :] + offsets).ravel().astype("int32"))
        tf.append(np.tile(one.tf[s:e], copies))
        term_of.append(np.full(len(row_of[-1]), t, dtype="int32"))
    return lexical.Postings(one.terms, np.concatenate(term_of), np.concatenate(row_of), np.concatenate(tf),
                            np.tile(one.lengths, copies), ids)


def add(index: Path, papers: list[Path]) -> dict:
    from minutebook.ingest.pipeline import ingest
    from minutebook.ingest.settings import Settings

    from .bench.worker import TimedEmbedder

    settings = Settings.from_env(index=index)
    embedder = TimedEmbedder(settings.embed_model, settings.embed_batch)
    before_size, before_io = _size(index), _io()
    start = time.perf_counter()
    report = ingest(papers, settings, embedder)
    wall = time.perf_counter() - start
    after_io = _io()
    return {"wall_s": round(wall, 2), "embed_s": round(embedder.seconds, 2), "embedded_texts": embedder.texts,
            "written_mb": round((after_io["wchar"] - before_io["wchar"]) / 2**20, 1),
            "disk_written_mb": round((after_io["write_bytes"] - before_io["write_bytes"]) / 2**20, 1),
            "index_growth_mb": round((_size(index) - before_size) / 2**20, 1),
            "ingested": [(i.source, i.pages, i.chunks) for i in report.ingested], "chunks": report.chunks}


def _timed(call, questions: list[str]) -> list[float]:
    seconds = []
    for q in questions:
        start = time.perf_counter()
        call(q)
        seconds.append(time.perf_counter() - start)
    return seconds


def query(index: Path, runs: int, boards: list[str]) -> dict:
    """Search and ask p50 as `load_questions` ask them; the same searches with each board filter
    (as `minutebook search --board` makes it); the process's peak RSS while doing all of it."""
    import resource

    from minutebook.assistant.answering import Assistant
    from minutebook.assistant.search import Searcher
    from minutebook.ingest.filters import Filters
    from minutebook.ingest.settings import Settings

    from .run import load_questions

    settings = Settings.from_env(index=index)
    start = time.perf_counter()
    searcher = Searcher(settings)
    load_s = time.perf_counter() - start
    questions = [q["question"] for q in load_questions()][:runs]
    searcher.embedder.embed_batch(["warm-up"], query=True)  # the model's own load is not the index's
    start = time.perf_counter()
    searcher.search("warm-up: community safety partnership")
    first_s = time.perf_counter() - start  # reads the vectors and the BM25 postings
    search_t = _timed(searcher.search, questions)
    filtered = {}
    for board in boards:
        filters = Filters(board=board, include_restricted=settings.include_restricted)
        searcher.search("warm-up: community safety partnership", filters=filters)
        t = _timed(lambda q, filters=filters: searcher.search(q, filters=filters), questions)
        share = searcher.reader.store.db.execute(f"SELECT avg({filters.where()[0]}) FROM chunks",
                                                 filters.where()[1]).fetchone()[0]
        filtered[board] = {"search_p50_ms": _p50(t), "share_of_chunks": round(share or 0, 3)}
    assistant = Assistant(settings, searcher=searcher)
    assistant.ask("warm-up: what was resolved about hate crime?")
    ask_t = _timed(assistant.ask, questions)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"load_s": round(load_s, 2), "first_search_s": round(first_s, 2), "search_p50_ms": _p50(search_t),
            "board_filter": filtered, "ask_p50_ms": _p50(ask_t), "runs": len(questions),
            "peak_rss_mb": round(peak), "chunks": len(searcher.reader.lexical),
            "load_average": [round(x, 2) for x in os.getloadavg()]}


def _p50(seconds: list[float]) -> float:
    return round(statistics.median(seconds) * 1000, 1)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.grow")
    parser.add_argument("step", choices=["build", "add", "query"])
    parser.add_argument("papers", nargs="*", type=Path)
    parser.add_argument("--sample", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--index", type=Path)
    parser.add_argument("--chunks", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--board", action="append", default=None,
                        help="time searches with this board filter too (repeatable; default: two of the sample's)")
    args = parser.parse_intermixed_args(argv)
    if args.step == "build":
        result = build(args.sample, args.out, args.chunks)
    elif args.step == "add":
        result = add(args.index, args.papers)
    else:
        result = query(args.index, args.runs, args.board or ["Scrutiny Commission", "Cabinet"])
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
