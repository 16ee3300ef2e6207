"""`make bench`: minutebook on a synthetic archive at ~10k and ~100k chunks, against baselines.

    .venv/bin/python -m evals.bench [--sizes 10000,100000] [--quick] [--classes 8] [--work DIR]

For each size (and for the sample papers alone, the reference for retrieval quality) it builds
the archive (evals/bench/archive.py), then in separate processes, so each peak RSS is its own:
ingests it into its own index, times search and extractive ask in-process and search through
the CLI, scores retrieval on evals/questions.jsonl as `make eval` does (gold = file name + page,
so a copy that outranks the original is a miss), and builds the plain baseline (LangChain's FAISS
store over naive 1000-character chunks, same model) on the same archive. BM25 alone and dense
alone are minutebook's own `--mode bm25` and `--mode dense` on the same index. One embedding
cache is shared by every step and size (cleared at the start unless --keep-cache), so each
distinct text is embedded once per run; the JSON says how many were.

Prints one table and writes the JSON (default evals/bench_results.json). Not a test: the numbers
depend on the machine and on whatever else it is running (the load average is recorded).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import archive
from .worker import load_avg, percentiles

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_CHUNKS = 210  # chunks minutebook makes of the sample papers (and of each copy)


def ambiguous_questions(pages: dict[str, list[str]], n_classes: int) -> list[str]:
    """Questions whose gold page some copy repeats word for word: no reader could tell them apart."""
    from ..run import load_questions

    out = []
    for q in load_questions():
        if not q["answerable"]:
            continue
        texts = pages.get(Path(q["source"]).stem)
        if not texts or q["page"] > len(texts):
            continue
        page = texts[q["page"] - 1]
        if any(archive.rewrite(page, v) == page for v in archive.variants(n_classes, n_classes)):
            out.append(q["id"])
    return out


def worker(step: str, env: dict, out: Path, **kwargs) -> dict:
    cmd = [sys.executable, "-m", "evals.bench.worker", step, "--out", str(out)]
    for key, value in kwargs.items():
        flag = f"--{key.replace('_', '-')}"
        if value is True:
            cmd.append(flag)
        elif isinstance(value, (list, tuple)):
            for item in value:
                cmd += [flag, str(item)]
        elif value not in (None, False, ""):
            cmd += [flag, str(value)]
    print(f"  {step}...", flush=True, file=sys.stderr)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, cwd=ROOT)
    print(f"  {step} done in {time.perf_counter() - start:.0f} s", flush=True, file=sys.stderr)
    return json.loads(out.read_text())


def cli_search(index: Path, questions: list[str], env: dict) -> dict:
    """`minutebook search ... --json` as a user runs it: a new process each time."""
    cli = str(Path(sys.executable).parent / "minutebook")
    timings = []
    for q in questions:
        start = time.perf_counter()
        subprocess.run([cli, "search", q, "--index", str(index), "--json"], check=True, capture_output=True, env=env)
        timings.append(time.perf_counter() - start)
    return percentiles(timings)


def run_size(label: str, copies: int, args, pages, ambiguous: list[str], env: dict) -> dict:
    work = Path(args.work)
    folder = work / f"archive-{label}"
    index = work / f"index-{label}"
    saved = work / f"{label}-ingest.json"
    if args.reuse_ingest and saved.exists() and (index / "current").exists() and folder.exists():
        print(f"[{label}] reusing the archive and index of an earlier run", file=sys.stderr, flush=True)
        result = {"label": label, "archive": {"copies": copies, "reused": True}, "ingest": json.loads(saved.read_text())}
    else:
        print(f"[{label}] building the archive ({copies} copies)...", file=sys.stderr, flush=True)
        start = time.perf_counter()
        built = archive.build(folder, copies, pages, args.classes)
        built["build_s"] = round(time.perf_counter() - start, 1)
        if index.exists():
            import shutil

            shutil.rmtree(index)
        result = {"label": label, "archive": built}
        result["ingest"] = worker("ingest", env, saved, archive=[folder], index=index)
    amb = ",".join(ambiguous)
    result["query"] = worker("query", env, work / f"{label}-query.json", index=index, ambiguous=amb,
                             hnsw=args.hnsw and label == args.largest and not args.speed_only, runs=args.runs,
                             speed_only=args.speed_only)
    from ..run import load_questions

    questions = [q["question"] for q in load_questions()][: args.cli_runs]
    result["cli_search"] = cli_search(index, questions, env)
    if not args.no_baseline and not args.speed_only:
        result["baseline"] = worker("baseline", env, work / f"{label}-baseline.json", archive=[folder],
                                    store=work / f"baseline-{label}", ambiguous=amb, runs=args.runs)
    return result


def ratio(a, b):
    return round(a / b, 2) if a is not None and b else None


def summarise(results: list[dict]) -> list[dict]:
    """One row per size and system; minutebook's rows carry ratios against the baseline beside it."""
    rows = []
    for r in results:
        ing, q, base = r["ingest"], r["query"], r.get("baseline")
        for mode in ("hybrid", "bm25", "dense"):
            qual = q["quality"].get(mode) or {"distinct": {}}  # none with --speed-only
            row = {"size": r["label"], "system": f"minutebook {mode}", "chunks": ing["chunks"],
                   "pages": ing["pages"],
                   "parse_pages_s": ing["parse_store_pages_per_s"], "embed_texts_s": ing["embed_texts_per_s"],
                   "embedded": ing["embedded_texts"], "index_mb": ing["index_mb"],
                   "rss_ingest_mb": ing["peak_rss_mb"], "rss_query_mb": q["peak_rss_mb"],
                   "search_p50": q["search"][mode]["p50_ms"], "search_p95": q["search"][mode]["p95_ms"],
                   "filtered_p50": q["search"]["hybrid_filtered"]["p50_ms"] if mode == "hybrid" else None,
                   "cli_p50": r["cli_search"]["p50_ms"] if mode == "hybrid" else None,
                   "cli_p95": r["cli_search"]["p95_ms"] if mode == "hybrid" else None,
                   "ask_p50": q["ask"]["p50_ms"] if mode == "hybrid" else None,
                   "ask_p95": q["ask"]["p95_ms"] if mode == "hybrid" else None,
                   "r1": qual.get("recall@1"), "r5": qual.get("recall@5"), "mrr": qual.get("mrr"),
                   "r5_distinct": qual["distinct"].get("recall@5"), "mrr_distinct": qual["distinct"].get("mrr"),
                   "r5_named": qual.get("named", {}).get("recall@5"),
                   "r5_scoped": q["quality"].get("hybrid_year_scoped", {}).get("recall@5") if mode == "hybrid" else None}
            if base:
                bq = base["quality"]
                row["vs_baseline"] = {"recall@5": ratio(row["r5"], bq["recall@5"]), "mrr": ratio(row["mrr"], bq["mrr"]),
                                      "search_p50": ratio(row["search_p50"], base["search"]["p50_ms"]),
                                      "index_mb": ratio(row["index_mb"], base["ingest"]["index_mb"]),
                                      "pages_per_s": ratio(ing["pages_per_s"], base["ingest"]["pages_per_s"])}
            rows.append(row)
        if base:
            bi, bq = base["ingest"], base["quality"]
            rows.append({"size": r["label"], "system": "langchain faiss", "chunks": bi["chunks"], "pages": bi["pages"],
                         "parse_pages_s": bi["parse_store_pages_per_s"], "embed_texts_s": bi["embed_texts_per_s"],
                         "embedded": bi["embedded_texts"], "index_mb": bi["index_mb"],
                         "rss_ingest_mb": bi["peak_rss_mb"], "rss_query_mb": base["peak_rss_mb"],
                         "search_p50": base["search"]["p50_ms"], "search_p95": base["search"]["p95_ms"],
                         "cli_p50": None, "cli_p95": None, "ask_p50": None, "ask_p95": None,
                         "r1": bq["recall@1"], "r5": bq["recall@5"], "mrr": bq["mrr"],
                         "r5_distinct": bq["distinct"]["recall@5"], "mrr_distinct": bq["distinct"]["mrr"],
                         "r5_named": bq.get("named", {}).get("recall@5"), "r5_scoped": None})
    return rows


COLUMNS = [("size", "size", "{}"), ("system", "system", "{}"), ("chunks", "chunks", "{}"),
           ("parse_pages_s", "parse pg/s", "{:.0f}"), ("embed_texts_s", "embed txt/s", "{:.1f}"),
           ("embedded", "embedded", "{}"), ("index_mb", "index MB", "{:.0f}"),
           ("rss_ingest_mb", "RSS ingest", "{}"), ("rss_query_mb", "RSS query", "{}"),
           ("search_p50", "search p50", "{:.0f}"), ("search_p95", "p95", "{:.0f}"),
           ("filtered_p50", "board filter p50", "{:.0f}"), ("cli_p50", "CLI p50", "{:.0f}"), ("cli_p95", "p95", "{:.0f}"),
           ("ask_p50", "ask p50", "{:.0f}"), ("ask_p95", "p95", "{:.0f}"),
           ("r1", "R@1", "{:.3f}"), ("r5", "R@5", "{:.3f}"), ("mrr", "MRR", "{:.3f}"),
           ("r5_distinct", "R@5 dist.", "{:.3f}"), ("r5_named", "R@5 named", "{:.3f}"),
           ("r5_scoped", "R@5 in year", "{:.3f}")]


def table(rows: list[dict]) -> str:
    """A Markdown table (ms for latencies, MB for sizes)."""
    lines = ["| " + " | ".join(h for _, h, _ in COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for row in rows:
        cells = []
        for key, _, fmt in COLUMNS:
            value = row.get(key)
            cells.append("" if value is None else fmt.format(value))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="minutebook at ~10k and ~100k chunks, against baselines")
    parser.add_argument("--sizes", default="10000,100000", help="target chunk counts, comma-separated (\"\" for none)")
    parser.add_argument("--quick", action="store_true", help="a smoke run: one archive of ~1k chunks")
    parser.add_argument("--speed-only", action="store_true",
                        help="synthetic archives: timings and memory only (no quality, no baseline)")
    parser.add_argument("--no-gold", dest="gold", action="store_false",
                        help="skip the real-archive part (sample, real corpus, both in one index; evals/bench/gold.py)")
    parser.add_argument("--gold-indexes", default="sample,real,both", help="which real-archive indexes to build")
    parser.add_argument("--real", default=str(ROOT.parent / "shared" / "corpus" / "real"), help="the real corpus")
    parser.add_argument("--cache", help="an embedding cache to start from (copied into --work)")
    parser.add_argument("--classes", type=int, default=8,
                        help="distinct (county, years back) rewrites; sets how many texts are embedded")
    parser.add_argument("--work", default=str(Path(tempfile.gettempdir()) / "minutebook-bench"))
    parser.add_argument("--out", default=str(ROOT / "evals" / "bench_results.json"))
    parser.add_argument("--runs", type=int, default=40, help="questions timed in-process (search and ask)")
    parser.add_argument("--cli-runs", type=int, default=5, help="CLI searches to time (each a new process)")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--no-sample", action="store_true", help="skip the synthetic part's sample-corpus reference")
    parser.add_argument("--no-hnsw", dest="hnsw", action="store_false", help="skip the HNSW-vs-flat measurement")
    parser.add_argument("--keep-cache", action="store_true", help="reuse the embedding cache of an earlier run")
    parser.add_argument("--reuse-ingest", action="store_true",
                        help="keep the archives and indexes of an earlier run with --work (re-time queries only)")
    args = parser.parse_args(argv)
    sizes = [1000] if args.quick else [int(s) for s in args.sizes.split(",") if s.strip()]
    if args.quick:
        args.gold = False
    args.largest = f"{sizes[-1] // 1000}k" if sizes else None
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    cache = work / "embed-cache.sqlite"
    if not args.keep_cache:
        for suffix in ("", "-wal", "-shm"):
            Path(str(cache) + suffix).unlink(missing_ok=True)
    if args.cache:
        import shutil

        shutil.copy(args.cache, cache)
    env = {**os.environ, "MINUTEBOOK_EMBED_CACHE": str(cache), "HF_HUB_OFFLINE": "1",
           "TRANSFORMERS_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}
    env.pop("MINUTEBOOK_INDEX", None)
    started = time.time()
    out = {}
    if args.gold:
        from . import gold

        out["gold"] = gold.run(args, env, worker, cli_search)
        figures, text = gold.summary(out["gold"])
        out["gold_summary"] = figures
        print(text, flush=True)
        Path(args.out).write_text(json.dumps(out, indent=2) + "\n")  # kept if the synthetic part fails
    results = []
    if sizes or not args.no_sample:
        pages = archive.extract_pages(work / "pages")
        ambiguous = ambiguous_questions(pages, args.classes)
        runs = [] if args.no_sample else [("sample", 0)]
        runs += [(f"{s // 1000}k", max(0, round((s - SAMPLE_CHUNKS) / SAMPLE_CHUNKS))) for s in sizes]
        for label, copies in runs:
            results.append(run_size(label, copies, args, pages, ambiguous, env))
    else:
        ambiguous = []
    rows = summarise(results)
    out = {**out, "when": time.strftime("%Y-%m-%d %H:%M", time.localtime(started)),
           "wall_s": round(time.time() - started), "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
           "load_avg_end": load_avg()}, "classes": args.classes, "ambiguous_questions": ambiguous,
           "results": results, "table": rows}
    Path(args.out).write_text(json.dumps(out, indent=2) + "\n")
    if not rows:
        return 0
    print(table(rows))
    print(f"\n{len(ambiguous)} answerable questions have a gold page that a copy repeats word for word"
          " (R@5 dist. leaves them out). R@5 named: only the questions that name their paper's year, month"
          " or place (the others fit every copy as well as the original). R@5 in year: each question"
          f" searched within its meeting's calendar year (--since/--until). Full results: {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
