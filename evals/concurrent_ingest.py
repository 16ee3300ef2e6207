"""Concurrent ingests into one index lose nothing (issue 13).

Each round copies a base index, then starts several `minutebook ingest` processes at the same
moment over overlapping folders (`ingest root/a root/b`, `ingest root/b root/c`, `ingest root`).
Afterwards it checks that every file any of them was given is in the index and found by a
search for a phrase only it holds, that `status` counts one document per distinct file, and
that no run reported a file ingested with 0 pages (or with fewer pages than it has).

    python -m evals.concurrent_ingest [--rounds 5] [--runs 3] [--pdfs 2] [--work DIR]

Prints one line per round and a JSON summary; exits 1 when anything was lost.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("a", "b", "c")
TOPICS = ["allotment waiting list", "Kestrel footbridge bearings", "resident parking permits", "library Sunday opening",
          "swimming pool repairs", "cycle lane on Mill Road", "street lighting upgrade", "graffiti removal contract",
          "flood defence grant", "school crossing patrol", "market hall roof", "tree planting scheme"]


def make_papers(root: Path, pdfs: int) -> dict[Path, str]:
    """Text papers spread over root/a, root/b, root/c (and `pdfs` sample PDFs); path -> a phrase only it holds."""
    papers = {}
    for i, topic in enumerate(TOPICS):
        folder = root / FOLDERS[i % 3]
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"report-{i:02d}.txt"
        phrase = f"{topic} number {i} costs {1000 + i * 37} pounds"
        path.write_text(f"ENVIRONMENT COMMITTEE – {i + 1} MARCH 2025\nReport on the {topic}\n1. The {phrase}.\n")
        papers[path.resolve()] = phrase
    samples = sorted((ROOT / "corpus").glob("*.pdf"), key=lambda p: p.stat().st_size)[:pdfs]
    for i, pdf in enumerate(samples):
        target = root / FOLDERS[i % 3] / pdf.name
        shutil.copy(pdf, target)
        papers[target.resolve()] = ""  # found by its document, not a phrase
    return papers


def commands(root: Path, runs: int) -> list[list[str]]:
    overlapping = [[root / "a", root / "b"], [root / "b", root / "c"], [root]]
    return [[str(p) for p in overlapping[i % len(overlapping)]] for i in range(runs)]


def run_round(base: Path, root: Path, work: Path, runs: int) -> tuple[Path, list[dict], list[str]]:
    index = work / f"index-{time.time_ns()}"
    shutil.copytree(base, index, symlinks=True)  # `cp -a index X`
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-m", "minutebook", "ingest", *paths, "--index", str(index), "--json"],
                              cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for paths in commands(root, runs)]
    reports, problems = [], []
    for n, proc in enumerate(procs, start=1):
        out, err = proc.communicate(timeout=1800)
        if proc.returncode != 0:
            problems.append(f"run {n} exited {proc.returncode}: {err.strip().splitlines()[-1:] }")
        try:
            reports.append(json.loads(out))
        except ValueError:
            problems.append(f"run {n} printed no JSON")
    return index, reports, problems


def check(index: Path, papers: dict[Path, str], base_docs: int, reports: list[dict], embedder) -> list[str]:
    """Everything a user would notice going wrong after the round."""
    from minutebook.assistant.search import Searcher
    from minutebook.ingest.storage.index_reader import IndexReader
    from minutebook.ingest.settings import Settings

    problems = []
    reader = IndexReader(index)
    try:
        files = {r[0]: r[1:] for r in reader.store.db.execute(
            "SELECT f.path, f.source, f.document_id, d.pages FROM files f LEFT JOIN documents d ON d.id = f.document_id")}
        counts = reader.store.counts()
        by_source = {source: pages for _, (source, _, pages) in files.items()}
    finally:
        reader.close()
    if counts["documents"] != base_docs + len(papers):
        problems.append(f"status counts {counts['documents']} documents, expected {base_docs + len(papers)}")
    for report in reports:
        for item in report["ingested"]:
            if not item["pages"] or item["pages"] != by_source.get(item["source"]):
                problems.append(f"{item['source']} reported ingested with {item['pages']} pages, "
                                f"the index holds {by_source.get(item['source'])}")
    searcher = Searcher(Settings(index=index), embedder)
    try:
        for path, phrase in papers.items():
            row = files.get(str(path))
            if row is None or not row[2]:
                problems.append(f"{path.name} is not in the index (or points at a deleted document)")
            elif phrase:
                hits = searcher.search(phrase, k=1)
                if not hits or hits[0].chunk.document_id != row[1]:
                    problems.append(f"a search for '{phrase}' does not find {row[0]}")
    finally:
        searcher.close()
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--runs", type=int, default=3, help="ingests started at once in each round")
    parser.add_argument("--pdfs", type=int, default=2, help="smallest sample PDFs to add to the text papers")
    parser.add_argument("--work", type=Path, help="working folder (default: a temporary one, removed after)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from minutebook.ingest.embedding.embed import Embedder
    from minutebook.ingest.pipeline import ingest
    from minutebook.ingest.settings import Settings

    work = args.work or Path(tempfile.mkdtemp(prefix="minutebook-concurrent-"))
    try:
        root = work / "papers"
        papers = make_papers(root, args.pdfs)
        embedder = Embedder(Settings().embed_model)
        base = work / "base"
        seed = work / "seed"
        seed.mkdir(parents=True, exist_ok=True)
        (seed / "budget.txt").write_text("FINANCE COMMITTEE – 3 MARCH 2025\n1. The highways budget is £3.2m.\n")
        base_docs = ingest([seed], Settings(index=base), embedder).documents
        results = []
        for n in range(1, args.rounds + 1):
            start = time.monotonic()
            index, reports, problems = run_round(base, root, work, args.runs)
            problems += check(index, papers, base_docs, reports, embedder)
            ingested = sum(len(r["ingested"]) for r in reports)
            unchanged = sum(len(r["unchanged"]) for r in reports)
            results.append({"round": n, "seconds": round(time.monotonic() - start, 1), "ingested": ingested,
                            "unchanged": unchanged, "problems": problems})
            print(f"round {n}: {ingested} ingested, {unchanged} unchanged across {args.runs} runs, "
                  f"{len(problems)} problems ({results[-1]['seconds']} s)", file=sys.stderr)
            for p in problems:
                print(f"  {p}", file=sys.stderr)
            shutil.rmtree(index, ignore_errors=True)
        summary = {"rounds": args.rounds, "runs": args.runs, "files": len(papers),
                   "rounds_with_problems": sum(bool(r["problems"]) for r in results), "results": results}
        print(json.dumps(summary, indent=1))
        return 1 if summary["rounds_with_problems"] else 0
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
