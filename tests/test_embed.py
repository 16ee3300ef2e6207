"""Questions, and the passages of a process that has not loaded the model, are embedded by the
model's ONNX export once there is one: the same vectors, no torch."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest

from conftest import ROOT
from minutebook.ingest.embedding.embed import Embedder
from minutebook.ingest.settings import Settings

pytestmark = pytest.mark.model  # loads the model itself, outside the shared fixture

TEXTS = [
    "What did the Board resolve about the Strategic Partnership Board update in October 2018?",
    "• 71 schools visited Warning Zone (3086 students);",
    "Biker Down",
    "RESOLVED: That the contents of the oral update be noted. " * 30,  # longer than the model reads
]


def test_questions_and_passages_get_the_same_vectors_from_the_export_as_from_the_model(embedder):
    embedder.model  # the model itself, loaded (the first time it also exports itself)
    real = embedder.embed_batch(TEXTS)
    fresh = Embedder(Settings().embed_model)
    fast = fresh.embed_batch(TEXTS, query=True)
    passages = fresh.embed_batch(TEXTS)  # an ingest's batch, in a process that never loaded the model
    assert fresh._model is None, "the export answered, the model was never loaded"
    assert np.allclose((fast * real).sum(axis=1), 1.0, atol=1e-4)
    assert np.allclose((passages * real).sum(axis=1), 1.0, atol=1e-4)


def test_search_from_a_new_process_never_imports_torch(corpus_index, embedder):
    code = ("import sys, json; from minutebook.assistant.search import Searcher; from minutebook.ingest.settings import Settings;"
            f"hit = Searcher(Settings(index={str(corpus_index.index)!r})).search('free course for motorcyclists')[0];"
            "print(json.dumps([hit.chunk.page, 'torch' in sys.modules]))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=os.environ.copy(), capture_output=True,
                         text=True, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == [8, False]


def test_without_an_export_the_model_itself_answers(tmp_path):
    plain = Embedder(Settings().embed_model, model_cache=None)
    vector = plain.embed_batch(TEXTS[:1], query=True)
    assert plain._model is not None and vector.shape == (1, 384)
