"""Check that a change to the parsing path reads every paper exactly as before.

    python -m evals.bench.same_reading save FILE [FOLDER ...] [--every N]
    python -m evals.bench.same_reading check FILE [FOLDER ...] [--every N]

`save` reads each paper of the folders (parse_document + chunk_document, no model, no index) and
writes, per paper, a digest of everything ingest stores from it: page texts and flags, furniture,
meeting facts, the documents row, sections, chunks with their headings and embedding texts, and
the minutes register. `check` reads them again and names each paper whose reading changed, and
the first part that differs. `--every N` takes every Nth paper (a quick subset).
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
import time
from pathlib import Path

from minutebook.ingest.papers.chunking import chunk_document
from minutebook.ingest.discover import discover
from minutebook.ingest.errors import SkipFile
from minutebook.ingest.pipeline import embedding_text, parse_document
from minutebook.ingest.workers import heading as _heading
from minutebook.ingest.settings import Settings
from minutebook.ingest.storage.store import document_record


def _digest(value) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()[:16]


def reading(path: Path, source: str, settings: Settings) -> dict:
    """Digests of what ingest would store from one paper."""
    try:
        doc = parse_document(path, source, settings, doc_id="x")
    except SkipFile as e:
        return {"skipped": e.reason}
    chunks = chunk_document(doc, settings.chunk_words, settings.chunk_max_words, settings.chunk_overlap_words)
    headings = [_heading(doc, c) for c in chunks]
    out = {
        "pages": _digest([dataclasses.asdict(p) for p in doc.pages]),
        "facts": _digest(dataclasses.asdict(doc.facts) if doc.facts else None),
        "record": _digest(document_record(doc)),
        "sections": _digest([dataclasses.asdict(s) for s in doc.sections]),
        "chunks": _digest([dataclasses.asdict(c) for c in chunks]),
        "headings": _digest(headings),
        "embedded": _digest([embedding_text(c, h) for c, h in zip(chunks, headings)]),
        "n_pages": len(doc.pages), "n_chunks": len(chunks),
    }
    from minutebook.ingest.register.minutes import parse_minutes

    register = []
    for s in doc.sections:
        if s.kind == "minutes":
            try:
                register.append(repr(parse_minutes([doc.page(n) for n in range(s.first_page, s.last_page + 1)], s.board, s.meeting_date)))
            except Exception as e:  # noqa: BLE001 - the register's own failures are part of the reading
                register.append(f"error: {type(e).__name__}")
    out["register"] = _digest(register)
    return out


def read_all(folders: list[str], every: int) -> tuple[dict, float, int]:
    settings = Settings.from_env()
    found = discover([Path(f) for f in folders])
    files = [(p, s) for p, s in found.files if "gold" not in Path(s).parts][:: max(1, every)]
    start = time.perf_counter()
    out = {s: reading(p, s, settings) for p, s in files}
    return out, time.perf_counter() - start, sum(r.get("n_pages", 0) for r in out.values())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["save", "check"])
    parser.add_argument("file")
    parser.add_argument("folders", nargs="*", default=["corpus"])
    parser.add_argument("--every", type=int, default=1)
    args = parser.parse_args(argv)
    now, seconds, pages = read_all(args.folders, args.every)
    print(f"read {len(now)} papers, {pages} pages in {seconds:.1f} s ({pages / seconds:.1f} pages/s)", file=sys.stderr)
    if args.action == "save":
        Path(args.file).write_text(json.dumps(now, indent=1, sort_keys=True))
        return 0
    before = json.loads(Path(args.file).read_text())
    changed = 0
    for source in sorted(set(before) | set(now)):
        a, b = before.get(source), now.get(source)
        if a != b:
            changed += 1
            part = next((k for k in sorted(set(a or {}) | set(b or {})) if (a or {}).get(k) != (b or {}).get(k)), "?")
            print(f"CHANGED {source}: {part}")
    print(f"{changed} of {len(now)} papers read differently")
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
