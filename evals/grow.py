"""What adding one paper to a large index costs: time, bytes written, and query speed after it.

    python -m evals.grow build --sample INDEX --out DIR [--chunks 100000]
    python -m evals.grow add   --index DIR PAPER...      # one ingest in this process; prints JSON
    python -m evals.grow query --index DIR [--runs 20]   # search and extractive ask p50, in-process

`build` makes an index of about --chunks chunks without embedding or parsing anything: the
sample index's rows (documents, files, sections, pages, chunks) copied under new ids until
there are enough, each copy's vectors the sample's with a little noise, then the full-text
index and lexical.npz built as an older minutebook left them (gen-*/vectors.faiss, lexical.npz).
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
import shutil
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
    import faiss

    from ingest import lexical

    gen_src = (sample / "current").resolve()
    out.mkdir(parents=True)
    gen = out / "gen-1"
    gen.mkdir()
    shutil.copy(gen_src / "meta.json", gen / "meta.json")
    src = sqlite3.connect(f"file:{gen_src / 'minutebook.db'}?mode=ro", uri=True)
    db = sqlite3.connect(gen / "minutebook.db")
    src.backup(db)
    src.close()
    base = db.execute("SELECT count(*) FROM chunks").fetchone()[0]
    copies = max(1, -(-chunks // base)) - 1
    tables = {t: _columns(db, t) for t in ("documents", "files", "sections", "pages", "chunks")}
    with db:
        for k in range(1, copies + 1):
            renamed = {"id": ("id || ?", f"~{k}"), "document_id": ("document_id || ?", f"~{k}"),
                       "source": ("'copy-' || ? || '/' || source", str(k))}
            for table, cols in tables.items():
                cols = [c for c in cols if not (table == "chunks" and c == "vector_id")]
                exprs = [renamed[c][0] if c in renamed else c for c in cols]
                params = [renamed[c][1] for c in cols if c in renamed]
                key = "id" if table == "documents" else "document_id"
                order = " ORDER BY vector_id" if table == "chunks" else ""
                db.execute(f"INSERT INTO {table} ({', '.join(cols)}) SELECT {', '.join(exprs)} FROM {table}"
                           f" WHERE {key} NOT LIKE '%~%'{order}", params)
        db.execute("INSERT INTO chunks_fts (chunks_fts) VALUES ('rebuild')")
    vectors = faiss.read_index(str(gen_src / "vectors.faiss"))
    base_ids = faiss.vector_to_array(vectors.id_map)
    base_vecs = vectors.index.reconstruct_n(0, vectors.ntotal)
    order = np.argsort(base_ids)
    base_vecs = base_vecs[order]
    all_ids = np.array([r[0] for r in db.execute("SELECT vector_id FROM chunks ORDER BY vector_id")], dtype="int64")
    rng = np.random.default_rng(18)
    out_index = faiss.IndexIDMap2(faiss.IndexFlatIP(vectors.d))
    for start in range(0, len(all_ids), len(base_vecs)):
        ids = all_ids[start:start + len(base_vecs)]
        noisy = base_vecs[: len(ids)] + (0.02 * rng.normal(size=(len(ids), vectors.d)) if start else 0)
        noisy = (noisy / np.linalg.norm(noisy, axis=1, keepdims=True)).astype("float32")
        out_index.add_with_ids(noisy, ids)
    faiss.write_index(out_index, str(gen / "vectors.faiss"))
    rows = db.execute("SELECT vector_id, text, heading, title, context FROM chunks ORDER BY vector_id")
    lexical.save(lexical.build(rows), gen)
    db.close()
    (out / "current").symlink_to("gen-1")
    return {"chunks": int(len(all_ids)), "copies": copies + 1, "mb": round(_size(out) / 2**20, 1)}


def add(index: Path, papers: list[Path]) -> dict:
    from ingest.pipeline import ingest
    from ingest.settings import Settings

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


def query(index: Path, runs: int) -> dict:
    from assistant.chain import Assistant
    from assistant.search import Searcher
    from ingest.settings import Settings

    from .run import load_questions

    settings = Settings.from_env(index=index)
    start = time.perf_counter()
    searcher = Searcher(settings)
    load_s = time.perf_counter() - start
    questions = [q["question"] for q in load_questions()][:runs]
    searcher.search("warm-up: community safety partnership")
    search_t = _timed(searcher.search, questions)
    assistant = Assistant(settings, searcher=searcher)
    assistant.ask("warm-up: what was resolved about hate crime?")
    ask_t = _timed(assistant.ask, questions)
    p50 = lambda xs: round(statistics.median(xs) * 1000, 1)  # noqa: E731
    return {"load_s": round(load_s, 2), "search_p50_ms": p50(search_t), "ask_p50_ms": p50(ask_t), "runs": len(questions)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.grow")
    parser.add_argument("step", choices=["build", "add", "query"])
    parser.add_argument("papers", nargs="*", type=Path)
    parser.add_argument("--sample", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--index", type=Path)
    parser.add_argument("--chunks", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_intermixed_args(argv)
    if args.step == "build":
        result = build(args.sample, args.out, args.chunks)
    elif args.step == "add":
        result = add(args.index, args.papers)
    else:
        result = query(args.index, args.runs)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
