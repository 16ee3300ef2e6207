"""Ingest speed on real papers: minutebook from nothing, against the tutorial LangChain stack.

    python -m evals.bench.ingest_speed [--corpus ../shared/corpus/real] [--cache FILE] [--profile FILE]
                                       [--langchain] [--out FILE]

minutebook ingests the corpus's PDFs into a new temporary index. `--cache` is an embedding cache
to start from (copied, so the run leaves it as it was): with one that already holds the corpus's
chunks (an earlier index's embed-cache.sqlite) the run measures reading and storing, the part
that does not depend on the model. `--langchain` also times PyPDFLoader +
RecursiveCharacterTextSplitter (1000/200) + FAISS.from_documents with the same MiniLM model on the
same papers, twice: once with its own empty cache (every chunk embedded) and once with that cache
warm, comparable with minutebook's warm run. Wall seconds and CPU seconds (this process and its
workers) are both reported: the machine may be shared, and the load average is recorded.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def cpu_s() -> float:
    """CPU seconds of this process and of its waited-for children (the reading workers, Tesseract)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def own_cpu_s() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def timed(run) -> tuple[object, dict]:
    load0, cpu0, own0, start = os.getloadavg()[0], cpu_s(), own_cpu_s(), time.perf_counter()
    result = run()
    wall = time.perf_counter() - start
    cpu, own = cpu_s() - cpu0, own_cpu_s() - own0
    # On a machine with nothing else running the wall cannot be shorter than this process's own CPU
    # (embedding, storing: one thread's work in the main) nor than all the CPU spread over the cores.
    quiet = max(own, cpu / max(1, (os.cpu_count() or 1)))
    return result, {"wall_s": round(wall, 1), "cpu_s": round(cpu, 1), "cpu_main_s": round(own, 1),
                    "cpu_workers_s": round(cpu - own, 1), "quiet_wall_bound_s": round(quiet, 1),
                    "load_avg": [round(load0, 2), round(os.getloadavg()[0], 2)]}


def minutebook(folder: Path, index: Path, cache: Path | None, profile: str | None, embedder) -> dict:
    from minutebook.ingest.pipeline import ingest
    from minutebook.ingest.settings import Settings

    if cache:
        shutil.copy(cache, index / "embed-cache.sqlite")  # where ingest/embedding/cache.py looks for it
    settings = Settings.from_env(index=str(index))
    profiler = cProfile.Profile() if profile else None
    if profiler:
        profiler.enable()
    report, out = timed(lambda: ingest([folder], settings, embedder=embedder))
    if profiler:
        profiler.disable()
        profiler.dump_stats(profile)
    pages = sum(r.pages for r in report.ingested)
    out.update({"files": len(report.ingested), "skipped": len(report.skipped), "pages": pages,
                "chunks": report.chunks, "pages_per_s": round(pages / out["wall_s"], 1),
                "pages_per_cpu_s": round(pages / out["cpu_s"], 1),
                "pages_per_s_quiet_bound": round(pages / out["quiet_wall_bound_s"], 1),
                "embedded_texts": getattr(embedder, "texts", None)})
    return out


def langchain(folder: Path, store: Path, embedder_cache: Path, model) -> dict:
    """The tutorial stack on the same PDFs: PyPDFLoader, RecursiveCharacterTextSplitter, FAISS."""
    import warnings

    warnings.filterwarnings("ignore", category=DeprecationWarning)
    from langchain_community.document_loaders import PyPDFLoader
    from langchain_community.vectorstores import FAISS
    from langchain_core.embeddings import Embeddings
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    from minutebook.ingest.embedding.cache import CachedEmbedder

    cached = CachedEmbedder(model, embedder_cache)

    class SameModel(Embeddings):
        def embed_documents(self, texts):
            return cached.embed_batch(list(texts)).tolist()

        def embed_query(self, text):
            return model.embed_batch([text], query=True)[0].tolist()

    def run():
        docs = []
        for path in sorted(folder.rglob("*.pdf")):
            docs += [d for d in PyPDFLoader(str(path)).load() if d.page_content.strip()]
        parsed = time.perf_counter()
        chunks = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200).split_documents(docs)
        split = time.perf_counter()
        FAISS.from_documents(chunks, SameModel()).save_local(str(store))
        return docs, chunks, parsed, split

    start = time.perf_counter()
    seconds0 = getattr(model, "seconds", 0.0)
    (docs, chunks, parsed, split), out = timed(run)
    cached.close()
    out.update({"pages": len(docs), "chunks": len(chunks), "parse_s": round(parsed - start, 1),
                "split_s": round(split - parsed, 1), "embed_s": round(getattr(model, "seconds", 0.0) - seconds0, 1),
                "pages_per_s": round(len(docs) / out["wall_s"], 1)})
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="ingest speed on real papers, against the LangChain stack")
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "real"))
    parser.add_argument("--cache", help="an embedding cache to start from (copied)")
    parser.add_argument("--profile", help="write minutebook's cProfile stats here")
    parser.add_argument("--langchain", action="store_true", help="also time the tutorial LangChain stack")
    parser.add_argument("--out", help="write the JSON here too")
    args = parser.parse_args(argv)
    from evals.real import paper_links

    from .worker import TimedEmbedder
    from minutebook.ingest.settings import Settings

    settings = Settings.from_env()
    model = TimedEmbedder(settings.embed_model, settings.embed_batch)
    model.embed_batch(["warm-up"])  # the model's load is not reading
    model.seconds, model.texts = 0.0, 0
    work = Path(tempfile.mkdtemp(prefix="minutebook-speed-"))
    try:
        index = work / "index"
        index.mkdir()
        folder = paper_links(Path(args.corpus), index)  # the PDFs alone, in their folders
        out = {"corpus": args.corpus, "cpus": os.cpu_count(),
               "workers": os.environ.get("MINUTEBOOK_INGEST_WORKERS", "0 (one a core)")}
        out["minutebook"] = minutebook(folder, index, Path(args.cache) if args.cache else None, args.profile, model)
        out["minutebook"]["embed_s"] = round(model.seconds, 1)
        print(json.dumps(out["minutebook"]), file=sys.stderr, flush=True)
        if args.langchain:
            cache = work / "langchain-cache.sqlite"
            out["langchain_cold"] = langchain(folder, work / "lc1", cache, model)
            print(json.dumps(out["langchain_cold"]), file=sys.stderr, flush=True)
            out["langchain_warm"] = langchain(folder, work / "lc2", cache, model)
            print(json.dumps(out["langchain_warm"]), file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text = json.dumps(out, indent=2)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
