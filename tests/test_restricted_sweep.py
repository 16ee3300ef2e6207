"""The restricted-surface sweep (issue 29): a member of the public, with restricted papers off, uses
every command (JSON and text, on FAISS and on Qdrant's local mode), every page of the app, the
register's CSV download, the page viewer stepped through every page, and a language model's
prompt and answer (a fake OpenAI-compatible server on loopback), and meets none of the words the
probe papers print only where they are restricted, titles included.

The probe papers (tests/fixtures/restricted/probes.py): exempt reports marked "NOT FOR
PUBLICATION", an agenda pack that lists an item as exempt, a wholly exempt paper whose title names
it, and the agenda-exempt report saved again as a file of its own."""
from __future__ import annotations

import json
import re
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import clear_app_caches, open_app
from fake_openai import send_completion
from minutebook.ingest.pipeline import ingest
from minutebook.ingest.settings import Settings

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "restricted"))
import probes  # noqa: E402

# Words and figures printed only on restricted pages (or only in a restricted paper's title).
SECRETS = (*probes.SECRETS, "3.1 million", "4.2 million", "900,000", "2.6 million", "Sale of the")
# What people would type: each secret, and the public words nearest to the restricted matters.
QUESTIONS = (*probes.SECRETS, "harbour warehouse sale", "depot contract refurbishment", "Riverside Car Park",
             "allotment waiting list")
STORES = ["faiss", "qdrant+local://"]


def typed() -> list[str]:
    """What the user typed: echoed back ("No paper mentions 'Kestrel Quay'"), it is no leak."""
    return sorted({t for q in QUESTIONS for t in (f"What was decided about {q}?", f"What happened about the {q}?", q)},
                  key=len, reverse=True)


def leaked(text: str) -> list[str]:
    """The secrets `text` shows, leaving out the user's own words."""
    low = text.lower()
    for t in typed():
        low = low.replace(t.lower(), " ")
    return [s for s in SECRETS if s.lower() in low]


@pytest.fixture(scope="module", params=STORES)
def store(request) -> str:
    if request.param.startswith("qdrant"):
        pytest.importorskip("qdrant_client", reason="Qdrant's local mode needs qdrant-client")
    return request.param


PUBLIC_FILES: dict[str, bytes] = {}  # store -> the one wholly public paper's bytes


@pytest.fixture(scope="module")
def swept(tmp_path_factory, embedder, store) -> Settings:
    folder = probes.write_all(tmp_path_factory.mktemp("sweep-papers") / "papers")
    PUBLIC_FILES[store] = (folder / "public.pdf").read_bytes()
    settings = Settings(index=tmp_path_factory.mktemp("sweep") / "index", store=store)
    ingest([folder], settings, embedder)
    return settings


def run(capsys, monkeypatch, store: str, *argv) -> str:
    from minutebook.assistant.cli import main

    monkeypatch.setenv("MINUTEBOOK_STORE", store)
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out + err


def commands(index: str) -> list[list[str]]:
    out = [["status"], ["status", "--json"], ["resolutions"], ["resolutions", "--json"], ["resolutions", "--csv"],
           ["actions"], ["actions", "--json"]]
    for q in QUESTIONS:
        out += [["search", q, "-k", "20"], ["search", q, "-k", "20", "--json"],
                ["search", q, "--mode", "bm25", "-k", "20", "--json"], ["search", q, "--mode", "dense", "-k", "20", "--json"],
                ["ask", f"What was decided about {q}?"], ["ask", f"What was decided about {q}?", "--json"],
                ["timeline", q], ["timeline", q, "--json"], ["lineage", q], ["lineage", q, "--json"],
                ["resolutions", "--topic", q, "--json"]]
    return [[*argv, "--index", index] for argv in out]


def test_no_command_shows_a_restricted_word(swept, store, capsys, monkeypatch):
    shown = {" ".join(argv[:-2]): run(capsys, monkeypatch, store, *argv) for argv in commands(str(swept.index))}
    found = {argv: leaked(text) for argv, text in shown.items() if leaked(text)}
    assert not found, found
    # and the sweep would have seen them: an officer's search finds every restricted matter
    allowed = run(capsys, monkeypatch, store, "search", "harbour warehouse Marigold Pelham Osprey", "-k", "30",
                  "--include-restricted", "--json", "--index", str(swept.index))
    assert {"Kestrel Quay", "Marigold Yard", "Pelham Estates", "Osprey Works"} <= set(re.findall(
        r"Kestrel Quay|Marigold Yard|Pelham Estates|Osprey Works", allowed))


# ---- A language model sees nothing restricted, and says nothing restricted ----------------------------

class RecordingModel(BaseHTTPRequestHandler):
    """An OpenAI-compatible endpoint that records every prompt and answers with source 1's first
    sentence, then a sentence naming every secret (as a model that guessed or was told would)."""

    prompts: list[str] = []

    def do_POST(self):  # noqa: N802 - the http.server API
        request = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        prompt = "\n".join(m["content"] for m in request["messages"])
        type(self).prompts.append(prompt)
        first = re.search(r'<source n="1"[^>]*>\n(.*?)\n</source>', prompt, re.S)
        said = re.split(r"(?<=[.!?])\s+", " ".join(first.group(1).split()))[0] if first else ""
        reply = f"{said} [1]. The land went to {' and '.join(probes.SECRETS)} for 3.1 million pounds [1]."
        send_completion(self, request["model"], reply)

    def log_message(self, *args):
        pass


def test_a_models_prompt_and_answer_hold_no_restricted_word(swept, store, capsys, monkeypatch):
    pytest.importorskip("langchain_openai", reason="the openai answerer needs langchain-openai installed")
    RecordingModel.prompts = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), RecordingModel)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://127.0.0.1:{server.server_address[1]}/v1")
    monkeypatch.setenv("OPENAI_API_KEY", "not-a-real-key")
    try:
        answers = [run(capsys, monkeypatch, store, "ask", f"What happened about the {q}?", "--llm", "openai:fake",
                       "--index", str(swept.index), "--json") for q in QUESTIONS]
    finally:
        server.shutdown()
        thread.join()
        server.server_close()
    assert RecordingModel.prompts  # the model was asked
    assert not [leaked(p) for p in RecordingModel.prompts if leaked(p)]
    assert not [leaked(a) for a in answers if leaked(a)]


# ---- Every page of the app -------------------------------------------------------------------------------

def shown_text(at) -> str:
    parts = [e.value for kind in ("markdown", "caption", "text", "warning", "info", "success", "error", "title",
                                  "subheader") for e in getattr(at, kind)]
    parts += [e.label for e in at.expander]
    parts += [df.value.to_csv() for df in at.dataframe]
    parts += [str(o) for sb in at.selectbox for o in sb.options]
    return "\n".join(str(p) for p in parts).replace("\\", "")


@pytest.fixture
def served(monkeypatch):
    """Every file the app hands a browser (page images, downloads), as the media store receives it."""
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    files: list[tuple[str, bytes]] = []
    original = MemoryMediaFileStorage.load_and_get_id

    def keep(self, path_or_data, mimetype, kind, filename=None):
        if isinstance(path_or_data, (bytes, bytearray)):
            files.append((mimetype, bytes(path_or_data)))
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", keep)
    return files


def step_through(at, seen: list[str]) -> None:
    """Open every page viewer on the page and step it through every page of its paper."""
    for toggle in [t for t in at.toggle if t.key.endswith("-open")]:
        at.toggle(key=toggle.key).set_value(True).run()
        assert not at.exception, at.exception
        seen.append(shown_text(at))  # a viewer with no drawable file shows the page's text
    for stepper in [n for n in at.number_input if "-page-" in (n.key or "")]:
        for page in range(1, int(stepper.max) + 1):
            at.number_input(key=stepper.key).set_value(page).run()
            assert not at.exception, at.exception
            seen.append(shown_text(at))


@pytest.fixture
def drawn(monkeypatch) -> list[tuple[str, int]]:
    """Every page the app draws, as (file name, page)."""
    from minutebook.assistant.service import Minutebook

    pages: list[tuple[str, int]] = []
    original = Minutebook.page_image

    def draw(self, path, page, *args, **kwargs):
        pages.append((Path(path).name, int(page)))
        return original(self, path, page, *args, **kwargs)

    monkeypatch.setattr(Minutebook, "page_image", draw)
    return pages


RESTRICTED_PAGES = {"pack.pdf": {3, 5, 6, 7, 8}, "property.pdf": {1, 2}, "depot-copy.pdf": {1, 2}}


def test_no_page_of_the_app_shows_a_restricted_word_or_draws_a_restricted_page(swept, store, monkeypatch, served,
                                                                                  drawn):
    seen: list[str] = []
    at = open_app(monkeypatch, swept.index)  # Ask
    for q in QUESTIONS:
        at.chat_input[0].set_value(f"What was decided about {q}?").run()
        assert not at.exception, at.exception
    seen.append(shown_text(at))
    step_through(at, seen)

    at = open_app(monkeypatch, swept.index, "search")
    for q in QUESTIONS:
        at.text_input(key="search-query").input(q).run()
        seen.append(shown_text(at))
        step_through(at, seen)

    at = open_app(monkeypatch, swept.index, "timeline")
    for q in QUESTIONS:
        for view in at.radio(key="tl-view").options:
            at.text_input(key="tl-topic").input(q).run()
            at.radio(key="tl-view").set_value(view).run()
            assert not at.exception, at.exception
            seen.append(shown_text(at))
            step_through(at, seen)

    at = open_app(monkeypatch, swept.index, "resolutions")
    seen.append(shown_text(at))
    for i in range(len(at.selectbox(key="res-pick").options)):
        at.selectbox(key="res-pick").set_value(i).run()
        seen.append(shown_text(at))
        step_through(at, seen)

    at = open_app(monkeypatch, swept.index, "papers")
    for i in range(len(at.selectbox(key="papers-pick").options)):
        at.selectbox(key="papers-pick").set_value(i).run()
        assert not at.exception, at.exception
        seen.append(shown_text(at))
    clear_app_caches()

    assert not [leaked(text) for text in seen if leaked(text)]
    assert drawn, "the sweep drew no page at all"
    assert not [(s, p) for s, p in drawn if p in RESTRICTED_PAGES.get(s, set())]
    downloads = [data for mime, data in served if mime in ("text/csv", "application/pdf")]
    assert any(mime == "text/csv" for mime, _ in served)  # the register's CSV was offered, and read here
    assert not [leaked(d.decode("latin-1")) for d in downloads if leaked(d.decode("latin-1"))]
    assert all(d == PUBLIC_FILES[store] for d in downloads if d.startswith(b"%PDF"))  # only the wholly public paper
