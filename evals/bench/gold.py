"""The real-archive bench (`make bench`, first part): the sample papers, the real corpus, and both
in one index, each scored on every gold set whose papers it holds.

    python -m evals.bench.gold --work DIR [--real ../shared/corpus/real] [--cache FILE] [--runs 40]

Per index, in separate processes (each peak RSS its own): minutebook's ingest from nothing
(worker `ingest`), retrieval on the gold sets and search/ask timings (worker `gold`), the CLI's
search as a new process, and the LangChain FAISS baseline over the same papers (worker
`baseline-gold`). The sample gold (evals/questions.jsonl) is scored as `make eval` scores it
(file name and page), the real gold (gold/questions.jsonl) as `make eval-real` does (path and
page, any copy of the paper counting). Acceptance: the combined index's hit@5 and MRR@5 on each
gold set within 0.02 of that set's own index.
"""
from __future__ import annotations

import json
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "corpus"
REAL = ROOT.parent / "shared" / "corpus" / "real"
TOLERANCE = 0.02


def gold_sets(real: Path) -> dict[str, list[dict]]:
    """{name: answerable questions}, each with its gold pages as (source, page) and how to match them."""
    from ..real import load_questions as real_questions
    from ..run import gold_pages, load_questions

    sample = [{**q, "gold": sorted(gold_pages(q)), "match": "name"} for q in load_questions() if q["answerable"]]
    out = {"sample": sample}
    if (real / "gold" / "questions.jsonl").exists():
        out["real"] = [{**q, "gold": sorted(gold_pages(q)), "match": "path"}
                       for q in real_questions(real) if q["answerable"]]
    return out


def folders(label: str, real: Path, work: Path) -> list[Path]:
    """The folders an index is ingested from: the sample's PDFs, the real corpus's PDFs (linked, so
    its SOURCES.md and gold files stay out), or both, each paper named relative to its folder."""
    from ..real import paper_links

    links = work / "real-papers"
    out = []
    if label in ("sample", "both"):
        out.append(SAMPLE)
    if label in ("real", "both"):
        out.append(paper_links(real, links))
    return out


def run(args, env: dict, worker, cli_search) -> list[dict]:
    work = Path(args.work)
    real = Path(args.real)
    labels = ["sample", "real", "both"] if (real / "gold").is_dir() else ["sample"]
    labels = [x for x in labels if x in args.gold_indexes.split(",")]
    results = []
    for label in labels:
        index = work / f"gold-index-{label}"
        if index.exists():
            shutil.rmtree(index)
        index.mkdir(parents=True)
        paths = folders(label, real, work)
        result = {"label": label, "folders": [str(p) for p in paths]}
        print(f"[{label}] ingest from nothing...", file=sys.stderr, flush=True)
        result["ingest"] = worker("ingest", env, work / f"gold-{label}-ingest.json", archive=paths, index=index)
        result["query"] = worker("gold", env, work / f"gold-{label}-query.json", index=index, real=real,
                                 archive=paths, runs=args.runs)
        questions = [q["question"] for q in result["query"]["timed_questions"]][: args.cli_runs]
        result["cli_search"] = cli_search(index, questions, env)
        if not args.no_baseline:
            result["baseline"] = worker("baseline-gold", env, work / f"gold-{label}-baseline.json", archive=paths,
                                        store=work / f"gold-baseline-{label}", real=real, runs=args.runs)
        results.append(result)
    return results


def acceptance(results: list[dict]) -> list[dict]:
    """Per gold set: the combined index's hybrid hit@5 and MRR@5 against the set's own index."""
    by = {r["label"]: r["query"]["quality"] for r in results}
    out = []
    for name in ("sample", "real"):
        own, both = by.get(name, {}).get(name), by.get("both", {}).get(name)
        if not own or not both:
            continue
        d5 = round(both["hybrid"]["hit@5"] - own["hybrid"]["hit@5"], 4)
        dm = round(both["hybrid"]["mrr@5"] - own["hybrid"]["mrr@5"], 4)
        out.append({"gold": name, "own_hit@5": own["hybrid"]["hit@5"], "both_hit@5": both["hybrid"]["hit@5"],
                    "own_mrr@5": own["hybrid"]["mrr@5"], "both_mrr@5": both["hybrid"]["mrr@5"],
                    "delta_hit@5": d5, "delta_mrr@5": dm, "met": abs(d5) <= TOLERANCE and abs(dm) <= TOLERANCE})
    return out


def rows(results: list[dict]) -> list[dict]:
    out = []
    for r in results:
        ing, q, base = r["ingest"], r["query"], r.get("baseline")
        common = {"index": r["label"], "chunks": ing["chunks"], "pages": ing["pages"],
                  "ingest_s": ing["wall_s"], "ingest_cpu_s": ing.get("cpu_s"), "pages_s": ing["pages_per_s"],
                  "parse_pages_s": ing["parse_store_pages_per_s"], "index_mb": ing["index_mb"],
                  "rss_ingest_mb": ing["peak_rss_mb"], "rss_query_mb": q["peak_rss_mb"]}
        for mode in ("hybrid", "bm25", "dense"):
            row = {**common, "system": f"minutebook {mode}",
                   "search_p50": q["search"][mode]["p50_ms"], "search_p95": q["search"][mode]["p95_ms"]}
            if mode == "hybrid":
                row.update({"filtered_p50": q["search"]["hybrid_filtered"]["p50_ms"],
                            "cli_p50": r["cli_search"]["p50_ms"], "ask_p50": q["ask"]["p50_ms"],
                            "ask_p95": q["ask"]["p95_ms"]})
            for name, scores in q["quality"].items():
                row[f"{name}_hit5"], row[f"{name}_mrr"] = scores[mode]["hit@5"], scores[mode]["mrr@5"]
            out.append(row)
        if base:
            bi = base["ingest"]
            row = {"index": r["label"], "system": "langchain faiss", "chunks": bi["chunks"], "pages": bi["pages"],
                   "ingest_s": bi["wall_s"], "ingest_cpu_s": bi.get("cpu_s"), "pages_s": bi["pages_per_s"],
                   "parse_pages_s": bi["parse_store_pages_per_s"], "index_mb": bi["index_mb"],
                   "rss_ingest_mb": bi["peak_rss_mb"], "rss_query_mb": base["peak_rss_mb"],
                   "search_p50": base["search"]["p50_ms"], "search_p95": base["search"]["p95_ms"]}
            for name, scores in base["quality"].items():
                row[f"{name}_hit5"], row[f"{name}_mrr"] = scores["hit@5"], scores["mrr@5"]
            out.append(row)
    return out


COLUMNS = [("index", "index", "{}"), ("system", "system", "{}"), ("chunks", "chunks", "{}"),
           ("pages", "pages", "{}"), ("ingest_s", "ingest s", "{:.0f}"), ("ingest_cpu_s", "CPU s", "{:.0f}"),
           ("pages_s", "pages/s", "{:.1f}"), ("parse_pages_s", "parse+store pg/s", "{:.1f}"),
           ("index_mb", "index MB", "{:.0f}"), ("rss_ingest_mb", "RSS ingest", "{}"),
           ("rss_query_mb", "RSS query", "{}"), ("search_p50", "search p50", "{:.0f}"),
           ("search_p95", "p95", "{:.0f}"), ("filtered_p50", "board filter p50", "{:.0f}"),
           ("cli_p50", "CLI p50", "{:.0f}"), ("ask_p50", "ask p50", "{:.0f}"), ("ask_p95", "p95", "{:.0f}"),
           ("sample_hit5", "sample hit@5", "{:.3f}"), ("sample_mrr", "MRR@5", "{:.3f}"),
           ("real_hit5", "real hit@5", "{:.3f}"), ("real_mrr", "MRR@5", "{:.3f}")]


def table(rows_: list[dict]) -> str:
    lines = ["| " + " | ".join(h for _, h, _ in COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for row in rows_:
        lines.append("| " + " | ".join("" if row.get(k) is None else f.format(row[k]) for k, _, f in COLUMNS) + " |")
    return "\n".join(lines)


def summary(results: list[dict]) -> tuple[dict, str]:
    checks = acceptance(results)
    text = table(rows(results)) + "\n\nOne index holding both (hybrid, within 0.02 of each gold set's own index):\n"
    for c in checks:
        text += (f"  {c['gold']}: hit@5 {c['own_hit@5']:.3f} -> {c['both_hit@5']:.3f} ({c['delta_hit@5']:+.3f}), "
                 f"MRR@5 {c['own_mrr@5']:.3f} -> {c['both_mrr@5']:.3f} ({c['delta_mrr@5']:+.3f}): "
                 f"{'met' if c['met'] else 'NOT met'}\n")
    return {"table": rows(results), "acceptance": checks, "when": time.strftime("%Y-%m-%d %H:%M")}, text


if __name__ == "__main__":
    print(json.dumps({k: len(v) for k, v in gold_sets(REAL).items()}))
