"""One measured step of the bench, run in its own process so that its peak RSS is its own.

    python -m evals.bench.worker ingest   --archive DIR --index DIR --out FILE
    python -m evals.bench.worker query    --index DIR --out FILE [--ambiguous q1,q2] [--hnsw]
    python -m evals.bench.worker baseline --archive DIR --store DIR --out FILE [--ambiguous ...]
    python -m evals.bench.worker gold     --index DIR --real DIR --out FILE
    python -m evals.bench.worker baseline-gold --archive DIR [--archive DIR] --store DIR --real DIR --out FILE

Each writes one JSON object to --out. Timings are wall-clock seconds (time.perf_counter).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import time
from pathlib import Path

import numpy as np

from minutebook.ingest.embedding.embed import Embedder
from minutebook.ingest.settings import Settings

from ..run import first_relevant_rank, gold_pages, load_questions


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def percentiles(seconds: list[float]) -> dict:
    if not seconds:
        return {"n": 0, "p50_ms": None, "p95_ms": None}
    ordered = sorted(seconds)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {"n": len(ordered), "p50_ms": round(statistics.median(ordered) * 1000, 1), "p95_ms": round(p95 * 1000, 1)}


def spread(items: list, n: int) -> list:
    """n items spread evenly over the list (all of them when n is 0 or more than there are)."""
    if not n or n >= len(items):
        return list(items)
    return [items[round(i * (len(items) - 1) / (n - 1))] for i in range(n)] if n > 1 else items[:1]


def folder_mb(path: Path) -> float:
    return round(sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file()) / 2**20, 1)


def cpu_s() -> float:
    """CPU seconds of this process and its waited-for children (ingest's reading workers, Tesseract)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def load_avg() -> float:
    return round(os.getloadavg()[0], 2)


class TimedEmbedder(Embedder):
    """The real Embedder, counting the texts the model embeds and the seconds it spends on them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.seconds = 0.0
        self.texts = 0

    def embed_batch(self, texts, progress=None, query=False):
        start = time.perf_counter()
        out = super().embed_batch(texts, progress, query=query)
        self.seconds += time.perf_counter() - start
        self.texts += len(texts)
        return out


def scores(ranks: dict[str, int | None], ids: list[str]) -> dict:
    picked = [ranks[i] for i in ids]
    n = len(picked) or 1
    return {"n": len(picked),
            "recall@1": round(sum(1 for r in picked if r == 1) / n, 4),
            "recall@5": round(sum(1 for r in picked if r and r <= 5) / n, 4),
            "mrr": round(sum(1 / r for r in picked if r) / n, 4)}


# A question that names a year, a month or the sample's places says which copy it means; one that
# names none of them is as much about every re-dated, re-placed copy as about the original.
_NAMES_ITS_PAPER = re.compile(r"\b(?:19|20)\d\d\b|Leicester|Rutland|January|February|March|April|May|June|July"
                              r"|August|September|October|November|December", re.I)


def quality(ranks: dict[str, int | None], ambiguous: set[str], named: set[str] | None = None) -> dict:
    """Scores on every answerable question, on those whose gold page no copy repeats word for word,
    and on those that name their paper's year, month or place."""
    ids = list(ranks)
    out = scores(ranks, ids)
    out["distinct"] = scores(ranks, [i for i in ids if i not in ambiguous])
    if named is not None:
        out["named"] = scores(ranks, [i for i in ids if i in named])
    out["misses"] = [i for i in ids if not ranks[i]]
    return out


def named_questions(questions: list[dict]) -> set[str]:
    return {q["id"] for q in questions if _NAMES_ITS_PAPER.search(q["question"])}


def meeting_year(store, q: dict) -> str | None:
    """The year of the meeting the gold page belongs to, read from the index (the original paper)."""
    name = Path(q["source"]).name
    row = store.db.execute(
        "SELECT min(c.meeting_date) FROM chunks c JOIN files f ON f.document_id = c.document_id"
        " WHERE (f.source = ? OR f.source LIKE ?) AND c.page = ?", [name, f"%/{name}", q["page"]]).fetchone()
    return row[0][:4] if row and row[0] else None


def year_scoped(searcher, answerable: list[dict], ambiguous: set[str], named: set[str]) -> dict:
    """Each question searched within its meeting's calendar year (--since/--until), as an officer who
    knows roughly when would ask: a re-dated copy never shares the year of the passage it copies."""
    from minutebook.ingest.filters import Filters

    ranks = {}
    for q in answerable:
        year = meeting_year(searcher.reader.store, q)
        f = Filters(since=f"{year}-01-01", until=f"{year}-12-31") if year else Filters()
        ranks[q["id"]] = first_relevant_rank(searcher.search(q["question"], k=5, filters=f), gold_pages(q))
    return quality(ranks, ambiguous, named)


def time_queries(searcher, assistant, timed: list[dict], filtered) -> dict:
    """Search in each mode, hybrid search under `filtered`, and ask: each question once, in-process,
    warm; with the peak RSS after them."""
    timings = {"hybrid": [], "bm25": [], "dense": [], "hybrid_filtered": []}
    for q in timed:
        for mode in ("hybrid", "bm25", "dense"):
            t = time.perf_counter()
            searcher.search(q["question"], k=5, mode=mode)
            timings[mode].append(time.perf_counter() - t)
        t = time.perf_counter()
        searcher.search(q["question"], k=5, filters=filtered)
        timings["hybrid_filtered"].append(time.perf_counter() - t)
    assistant.ask("warm-up: what was resolved?")
    ask_t = []
    for q in timed:
        t = time.perf_counter()
        assistant.ask(q["question"])
        ask_t.append(time.perf_counter() - t)
    return {"search": {mode: percentiles(v) for mode, v in timings.items()}, "ask": percentiles(ask_t),
            "peak_rss_mb": round(peak_rss_mb())}


# ---- minutebook ---------------------------------------------------------------------------
def run_ingest(args) -> dict:
    from minutebook.ingest.embedding.cache import with_cache
    from minutebook.ingest.pipeline import ingest

    settings = Settings.from_env(index=args.index)
    model = TimedEmbedder(settings.embed_model, settings.embed_batch)
    embedder = with_cache(model, settings.index, settings.embed_cache)  # MINUTEBOOK_EMBED_CACHE, set by the bench
    load0 = load_avg()
    cpu0 = cpu_s()
    start = time.perf_counter()
    report = ingest([Path(a) for a in args.archive], settings, embedder=embedder)
    wall = time.perf_counter() - start
    cpu = cpu_s() - cpu0
    pages = sum(r.pages for r in report.ingested)
    gen = Path(args.index) / "current"
    parse_store = wall - model.seconds
    return {
        "files": len(report.ingested), "skipped": len(report.skipped), "pages": pages,
        "documents": report.documents, "chunks": report.chunks,
        "wall_s": round(wall, 1), "cpu_s": round(cpu, 1), "embed_s": round(model.seconds, 1),
        "parse_store_s": round(parse_store, 1),
        "embedded_texts": model.texts, "cache_hits": getattr(embedder, "hits", 0),
        "embed_texts_per_s": round(model.texts / model.seconds, 2) if model.seconds else None,
        "parse_store_pages_per_s": round(pages / parse_store, 1) if parse_store else None,
        "pages_per_s": round(pages / wall, 1),
        "index_mb": folder_mb(gen.resolve()),
        "peak_rss_mb": round(peak_rss_mb()),
        "load_avg": [load0, load_avg()],
    }


def run_query(args) -> dict:
    from minutebook.assistant.answering import Assistant
    from minutebook.assistant.search import Searcher
    from minutebook.ingest.filters import Filters

    settings = Settings.from_env(index=args.index)
    load0 = load_avg()
    start = time.perf_counter()
    searcher = Searcher(settings)
    searcher.search("warm-up: hate crime strategy")  # loads the model and the index pages
    load_s = time.perf_counter() - start
    questions = load_questions()
    answerable = [q for q in questions if q["answerable"]]
    ambiguous = set(args.ambiguous.split(",")) if args.ambiguous else set()
    named = named_questions(answerable)
    out = {"load_s": round(load_s, 2), "quality": {}}
    # --speed-only: a synthetic archive's quality measures copies of five papers, not retrieval.
    for mode in () if args.speed_only else ("hybrid", "bm25", "dense"):
        hits = searcher.search_batch([q["question"] for q in answerable], k=5, filters=Filters(), mode=mode)
        ranks = {q["id"]: first_relevant_rank(h, gold_pages(q)) for q, h in zip(answerable, hits)}
        out["quality"][mode] = quality(ranks, ambiguous, named)
    if not args.speed_only:
        out["quality"]["hybrid_year_scoped"] = year_scoped(searcher, answerable, ambiguous, named)
    timed = spread(questions, args.runs)
    out.update(time_queries(searcher, Assistant(settings, searcher=searcher), timed,
                            Filters(board="safer communities", since="2010-01-01")))
    if args.hnsw:
        try:
            out["hnsw"] = hnsw_cost(searcher, answerable, ambiguous)
        except Exception as e:  # noqa: BLE001 - e.g. a vector store that is not FAISS
            out["hnsw"] = {"error": f"{type(e).__name__}: {e}"}
    out["load_avg"] = [load0, load_avg()]
    return out


def hnsw_cost(searcher, answerable, ambiguous) -> dict:
    """What an HNSW index would save and cost against the exact flat index on this index."""
    import faiss

    from minutebook.assistant.search import Searcher  # noqa: F401 - same object, vectors swapped below
    from minutebook.ingest.filters import Filters

    vectors = searcher.reader.vectors
    flat = vectors.index
    n = flat.ntotal
    ids = faiss.vector_to_array(flat.id_map).astype("int64")
    xb = faiss.downcast_index(flat.index).reconstruct_n(0, n)
    start = time.perf_counter()
    hnsw = faiss.IndexHNSWFlat(flat.d, 16, faiss.METRIC_INNER_PRODUCT)
    hnsw.hnsw.efConstruction = 40
    wrapped = faiss.IndexIDMap2(hnsw)
    wrapped.add_with_ids(xb, ids)
    build_s = time.perf_counter() - start
    queries = searcher.embedder.embed_batch([q["question"] for q in answerable])
    k = max(searcher.settings.candidates, 5)
    _, exact = flat.search(queries, k)
    out = {"build_s": round(build_s, 1), "M": 16, "efConstruction": 40, "ef": {}}
    for ef in (64, 128):
        hnsw.hnsw.efSearch = ef
        t = []
        for row in queries:
            s = time.perf_counter()
            wrapped.search(row[None, :], k)
            t.append(time.perf_counter() - s)
        _, approx = wrapped.search(queries, k)
        overlap = np.mean([len(set(a) & set(e)) / k for a, e in zip(approx, exact)])
        vectors.index = wrapped
        hits = searcher.search_batch([q["question"] for q in answerable], k=5, filters=Filters(), mode="hybrid")
        vectors.index = flat
        ranks = {q["id"]: first_relevant_rank(h, gold_pages(q)) for q, h in zip(answerable, hits)}
        out["ef"][ef] = {"dense_top50_recall_vs_flat": round(float(overlap), 4), "search": percentiles(t),
                         "hybrid": quality(ranks, ambiguous, named_questions(answerable))}
    t = []
    for row in queries:
        s = time.perf_counter()
        flat.search(row[None, :], k)
        t.append(time.perf_counter() - s)
    out["flat_search"] = percentiles(t)
    return out


# ---- the plain LangChain baseline ---------------------------------------------------------
def baseline_store(roots: list[Path], embeddings, model, embedder, out_dir: Path):
    """LangChain's FAISS store over naive 1000-character chunks of each page of the papers under
    `roots` (each named relative to its root); returns (store, ingest figures)."""
    from langchain_community.vectorstores import FAISS
    from langchain_core.documents import Document
    from langchain_text_splitters import RecursiveCharacterTextSplitter
    from pypdf import PdfReader

    cpu0 = cpu_s()
    start = time.perf_counter()
    docs = []
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in (".pdf", ".txt", ".md")):
            source = path.relative_to(root).as_posix()
            if path.suffix.lower() == ".pdf":
                texts = [page.extract_text() or "" for page in PdfReader(str(path)).pages]
            else:
                texts = path.read_text().split("\f")
            docs += [Document(page_content=t, metadata={"source": source, "page": i})
                     for i, t in enumerate(texts, start=1) if t.strip()]
    pages = len(docs)
    chunks = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200).split_documents(docs)
    parse_s = time.perf_counter() - start
    seconds0 = model.seconds
    store = FAISS.from_documents(chunks, embeddings)
    wall = time.perf_counter() - start
    embed_s = model.seconds - seconds0
    out_dir = out_dir / "langchain-faiss"
    store.save_local(str(out_dir))
    return store, {"pages": pages, "chunks": len(chunks), "wall_s": round(wall, 1), "cpu_s": round(cpu_s() - cpu0, 1),
                   "embed_s": round(embed_s, 1), "parse_store_s": round(wall - embed_s, 1), "parse_s": round(parse_s, 1),
                   "embedded_texts": model.texts, "cache_hits": getattr(embedder, "hits", 0),
                   "embed_texts_per_s": round(model.texts / embed_s, 2) if embed_s else None,
                   "parse_store_pages_per_s": round(pages / (wall - embed_s), 1),
                   "pages_per_s": round(pages / wall, 1), "index_mb": folder_mb(out_dir),
                   "peak_rss_mb": round(peak_rss_mb())}


def same_model(args):
    """The model, behind the bench's embedding cache, as LangChain's Embeddings."""
    from langchain_core.embeddings import Embeddings

    from minutebook.ingest.embedding.cache import with_cache

    settings = Settings.from_env()
    model = TimedEmbedder(settings.embed_model, settings.embed_batch)
    cache_dir = Path(args.store)
    embedder = with_cache(model, cache_dir, settings.embed_cache)  # the same content-addressed cache

    class SameModel(Embeddings):
        def embed_documents(self, texts):
            return embedder.embed_batch(list(texts)).tolist()

        def embed_query(self, text):  # queries skip the cache, as minutebook's Searcher does
            return model.embed_batch([text])[0].tolist()

    return SameModel(), model, embedder


def run_baseline(args) -> dict:
    """LangChain's FAISS vector store over naive 1000-character chunks of each page."""
    embeddings, model, embedder = same_model(args)

    load0 = load_avg()
    store, ingest = baseline_store([Path(a) for a in args.archive], embeddings, model, embedder, Path(args.store))
    questions = load_questions()
    answerable = [q for q in questions if q["answerable"]]
    ambiguous = set(args.ambiguous.split(",")) if args.ambiguous else set()
    store.similarity_search("warm-up: hate crime strategy", k=5)
    ranks = {}
    for q in answerable:
        hits = store.similarity_search(q["question"], k=5)
        gold = gold_pages(q)
        ranks[q["id"]] = next((r for r, d in enumerate(hits, start=1)
                               if (Path(d.metadata["source"]).name, d.metadata["page"]) in gold), None)
    timings = []
    for q in spread(questions, args.runs):
        t = time.perf_counter()
        store.similarity_search(q["question"], k=5)
        timings.append(time.perf_counter() - t)
    return {"ingest": ingest, "quality": quality(ranks, ambiguous, named_questions(answerable)), "search": percentiles(timings),
            "peak_rss_mb": round(peak_rss_mb()), "load_avg": [load0, load_avg()]}


# ---- the real archive: every gold set an index holds (evals/bench/gold.py) -------------------
def present_sets(real: Path, sources: set[str]) -> dict[str, list[dict]]:
    """The gold sets whose papers this index holds: the sample's by file name, the real's by path."""
    from .gold import gold_sets

    names = {Path(s).name for s in sources}
    out = {}
    for name, questions in gold_sets(real).items():
        held = {q["source"] for q in questions} & (names if questions[0]["match"] == "name" else sources)
        if held:
            out[name] = questions
    return out


def gold_rank(hits, q: dict) -> int | None:
    """As `make eval` ranks (file name and page) for the sample, as `make eval-real` (path and page,
    any copy of the paper) for the real set."""
    from ..run import first_copy_rank, first_relevant_rank

    gold = {tuple(g) for g in q["gold"]}
    return (first_relevant_rank if q["match"] == "name" else first_copy_rank)(hits, gold)


def gold_scores(ranks: list[int | None]) -> dict:
    n = len(ranks) or 1
    return {"n": len(ranks), "hit@1": round(sum(1 for r in ranks if r == 1) / n, 4),
            "hit@5": round(sum(1 for r in ranks if r and r <= 5) / n, 4),
            "mrr@5": round(sum(1 / r for r in ranks if r and r <= 5) / n, 4)}


def run_gold(args) -> dict:
    from minutebook.assistant.answering import Assistant
    from minutebook.assistant.search import Searcher
    from minutebook.ingest.filters import Filters

    settings = Settings.from_env(index=args.index)
    load0 = load_avg()
    start = time.perf_counter()
    searcher = Searcher(settings)
    searcher.search("warm-up: minutes of the meeting")
    out = {"load_s": round(time.perf_counter() - start, 2), "quality": {}}
    store = searcher.reader.store
    sets = present_sets(Path(args.real), set(store.sources()))
    for name, questions in sets.items():
        out["quality"][name] = {}
        for mode in ("hybrid", "bm25", "dense"):
            hits = searcher.search_batch([q["question"] for q in questions], k=5, filters=Filters(), mode=mode)
            ranks = [gold_rank(h, q) for q, h in zip(questions, hits)]
            out["quality"][name][mode] = {**gold_scores(ranks),
                                          "misses": [q["id"] for q, r in zip(questions, ranks) if not r]}
    # The board most chunks belong to: a filter that keeps a real share of the index.
    board = store.db.execute("SELECT board FROM chunks WHERE board IS NOT NULL GROUP BY board"
                             " ORDER BY count(*) DESC LIMIT 1").fetchone()
    out["filter_board"] = board[0] if board else None
    timed = spread([q for qs in sets.values() for q in qs], args.runs)
    out["timed_questions"] = [{"id": q["id"], "question": q["question"]} for q in timed]
    out.update(time_queries(searcher, Assistant(settings, searcher=searcher), timed, Filters(board=out["filter_board"])))
    out["load_avg"] = [load0, load_avg()]
    return out


def run_baseline_gold(args) -> dict:
    """The LangChain FAISS baseline over the same folders, scored on the gold sets they hold."""
    embeddings, model, embedder = same_model(args)
    load0 = load_avg()
    roots = [Path(a) for a in args.archive]
    store, ingest = baseline_store(roots, embeddings, model, embedder, Path(args.store))
    sources = {p.relative_to(r).as_posix() for r in roots for p in r.rglob("*") if p.is_file()}
    sets = present_sets(Path(args.real), sources)
    store.similarity_search("warm-up: minutes of the meeting", k=5)
    quality_, timed = {}, []
    for name, questions in sets.items():
        ranks = []
        for q in questions:
            docs = store.similarity_search(q["question"], k=5)
            gold = {tuple(g) for g in q["gold"]}
            key = (lambda d: Path(d.metadata["source"]).name) if q["match"] == "name" else (lambda d: d.metadata["source"])
            ranks.append(next((r for r, d in enumerate(docs, start=1) if (key(d), d.metadata["page"]) in gold), None))
        quality_[name] = gold_scores(ranks)
        timed += questions
    timings = []
    for q in spread(timed, args.runs):
        t = time.perf_counter()
        store.similarity_search(q["question"], k=5)
        timings.append(time.perf_counter() - t)
    return {"ingest": ingest, "quality": quality_, "search": percentiles(timings),
            "peak_rss_mb": round(peak_rss_mb()), "load_avg": [load0, load_avg()]}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="one measured step of the bench")
    parser.add_argument("step", choices=["ingest", "query", "baseline", "gold", "baseline-gold"])
    parser.add_argument("--archive", action="append", help="a folder of papers (repeat for several)")
    parser.add_argument("--real", help="gold, baseline-gold: the real corpus (its gold/questions.jsonl)")
    parser.add_argument("--speed-only", action="store_true", help="query: timings and memory, no quality")
    parser.add_argument("--index")
    parser.add_argument("--store", help="baseline: folder for the LangChain store")
    parser.add_argument("--ambiguous", default="", help="question ids whose gold page a copy repeats word for word")
    parser.add_argument("--hnsw", action="store_true", help="query: also measure an HNSW index against flat")
    parser.add_argument("--runs", type=int, default=40, help="questions to time (spread over the set)")
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    steps = {"ingest": run_ingest, "query": run_query, "baseline": run_baseline, "gold": run_gold,
             "baseline-gold": run_baseline_gold}
    result = steps[args.step](args)
    Path(args.out).write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
