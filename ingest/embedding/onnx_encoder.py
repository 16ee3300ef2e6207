"""The embedding model exported to ONNX, for questions: a new process embeds one in ~1 s.

Importing sentence-transformers and torch takes 6-10 s on this machine, which is most of what a
`minutebook search` or `ask` from the command line waits for. The first time the real model is
loaded, its transformer is exported once to ONNX (1.5 s) in a cache folder; later processes embed
short inputs with onnxruntime and the model's own tokenizer (0.2 s to import), and give the same
vectors (cosine 1.0 against sentence-transformers, tested). Only models laid out as a
Transformer, mean Pooling and Normalize, as all-MiniLM-L6-v2 is, take this path; any other keeps
sentence-transformers. Ingest's large batches always go through sentence-transformers.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import numpy as np

LAYOUT = ["sentence_transformers.models.Transformer", "sentence_transformers.models.Pooling",
          "sentence_transformers.models.Normalize"]


def supported(folder: Path) -> bool:
    """Whether the model folder is a Transformer + mean Pooling + Normalize model with a fast tokenizer."""
    return _pooling(folder) is not None


def width(folder: Path) -> int | None:
    """The vectors' width of a model `supported` describes (its pooling's input width), or None."""
    value = (_pooling(folder) or {}).get("word_embedding_dimension")
    return int(value) if isinstance(value, int) and value > 0 else None


def _pooling(folder: Path) -> dict | None:
    """The pooling's settings of a folder laid out as `supported` says, else None."""
    try:
        layout = [m["type"] for m in json.loads((folder / "modules.json").read_text())]
        pooling = json.loads(next(folder.glob("*Pooling*/config.json")).read_text())
    except (OSError, ValueError, StopIteration, KeyError, TypeError):
        return None
    others = [k for k, v in pooling.items() if k.startswith("pooling_mode") and v and k != "pooling_mode_mean_tokens"]
    usable = layout == LAYOUT and pooling.get("pooling_mode_mean_tokens") and not others \
        and (folder / "tokenizer.json").exists()
    return pooling if usable else None


def model_file(cache: Path, folder: Path) -> Path:
    """Where the export of this model folder lives: keyed by the folder and its weights' size and time."""
    weights = sorted(folder.glob("*.safetensors")) + sorted(folder.glob("*.bin"))
    stamp = [str(folder.resolve())] + [f"{w.name}:{w.stat().st_size}:{w.stat().st_mtime_ns}" for w in weights]
    return cache / f"{hashlib.sha1('|'.join(stamp).encode()).hexdigest()[:16]}.onnx"


def export(model, target: Path) -> None:
    """Write the transformer of a loaded SentenceTransformer to `target` (atomically)."""
    import torch

    class LastHidden(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.inner(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state

    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".{os.getpid()}.tmp")
    ids = torch.ones((1, 8), dtype=torch.long)
    axes = {"b": 0, "s": 1}
    names = ["input_ids", "attention_mask", "token_type_ids"]
    import warnings

    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the tracer's notes on shapes it fixes; the graph is tested
        torch.onnx.export(LastHidden(model[0].auto_model).eval(), (ids, ids, torch.zeros_like(ids)), str(tmp),
                          input_names=names, output_names=["last_hidden_state"],
                          dynamic_axes={n: {v: k for k, v in axes.items()} for n in names + ["last_hidden_state"]},
                          opset_version=17, dynamo=False)
    tmp.replace(target)


class OnnxEncoder:
    """Mean-pooled, unit-length vectors from the exported transformer."""

    def __init__(self, onnx_file: Path, folder: Path):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        options = ort.SessionOptions()
        # Every core, but idle threads sleep instead of spinning: on a busy 2-core machine
        # spinning threads wait on each other (see FAISS and torch in vectors.py and embed.py).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = ort.InferenceSession(str(onnx_file), options, providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        max_len = json.loads((folder / "sentence_bert_config.json").read_text()).get("max_seq_length", 256) \
            if (folder / "sentence_bert_config.json").exists() else 256
        self.tokenizer.enable_truncation(max_len)
        self.tokenizer.no_padding()

    def embed_batch(self, texts: list[str], batch: int = 16) -> np.ndarray:
        """Shortest first, a few at a time, so that each run pads to a similar length (padding a
        dozen short sentences to one long one's length was most of the work)."""
        encoded = self.tokenizer.encode_batch(list(texts))
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i].ids))
        out = np.zeros((len(encoded), 0), dtype="float32")
        for start in range(0, len(order), batch):
            rows = order[start:start + batch]
            vectors = self._run([encoded[i] for i in rows])
            if out.shape[1] == 0:
                out = np.zeros((len(encoded), vectors.shape[1]), dtype="float32")
            out[rows] = vectors
        return out

    def _run(self, encoded) -> np.ndarray:
        width = max(len(e.ids) for e in encoded)
        shape = (len(encoded), width)
        ids, mask, types = np.zeros(shape, "int64"), np.zeros(shape, "int64"), np.zeros(shape, "int64")
        for row, e in enumerate(encoded):
            n = len(e.ids)
            ids[row, :n], mask[row, :n], types[row, :n] = e.ids, e.attention_mask, e.type_ids
        hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types})[0]
        summed = (hidden * mask[..., None]).sum(axis=1)
        vectors = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1)
        return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype("float32")


def open_encoder(folder: Path, cache: Path | None) -> OnnxEncoder | None:
    """The exported model of `folder` if there is one (and onnxruntime is installed), else None."""
    if cache is None or not supported(folder):
        return None
    path = model_file(cache, folder)
    if not path.exists():
        return None
    try:
        return OnnxEncoder(path, folder)
    except Exception:  # noqa: BLE001 - a broken export or runtime: the real model answers instead
        return None
