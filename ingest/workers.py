"""Reading papers into chunks, in worker processes while the main process embeds and stores.

Reading a PDF is pure Python (pypdf's content-stream parser) and was four fifths of an ingest:
one process used one core. `Readers` reads the papers of a batch in `workers` processes, a few
papers ahead of the one being stored, and hands each back in the batch's order, so progress, the
index's contents and its order are what reading them one by one gives. A paper that cannot be
read is that paper's skip, in a worker as here; a worker that dies (a crash inside a C library)
has its papers read again in this process.
"""
from __future__ import annotations

import multiprocessing
import os
import queue
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from minutebook.ingest.fetch.ledger import portal_facts
from minutebook.ingest.fetch.portal import with_portal
from minutebook.ingest.papers.chunking import chunk_document
from minutebook.ingest.errors import SkipFile, unreadable
from minutebook.ingest.pdf.pages import check_file, file_hash, load_pages
from minutebook.ingest.papers.meeting_facts import read_facts
from minutebook.ingest.papers.restriction import public_title, restrict
from minutebook.ingest.papers.sections import parse_agenda, split_sections
from minutebook.ingest.settings import Settings
from minutebook.ingest.types import Chunk, Document

OcrTick = Callable[[int, int], None]  # (pages done, pages to read) of one paper's OCR


def parse_document(path: Path, source: str, settings: Settings, doc_id: str | None = None,
                   on_ocr: OcrTick | None = None) -> Document:
    """Load, section and return a Document (pure apart from reading the file)."""
    check_file(path, source, int(settings.max_file_mb * 1e6))
    title, pages = load_pages(path, source, settings.max_pages, on_ocr, settings.ocr_lang)
    if all(p.blank for p in pages):
        raise SkipFile(source, "every page is blank")
    # What the portal a paper was fetched from says of it wins over what its pages suggest.
    facts = with_portal(read_facts([p.text for p in pages], source, title), portal_facts(settings.index, path))
    doc = Document(id=doc_id or file_hash(path), source=source, path=str(path.resolve()), title=facts.title,
                   pages=pages, facts=facts)
    # A notice covers the report it heads, and the agenda's exemptions its items: pages and
    # sections come back with both applied.
    doc.pages, doc.sections = restrict(pages, split_sections(pages, doc.title, facts), parse_agenda(pages))
    doc.title, doc.sections = public_title(doc.title, path.stem, doc.pages, doc.sections)
    return doc


def heading(doc: Document, chunk: Chunk) -> str:
    """The minute item's title line for minutes chunks, else the section title."""
    if chunk.doc_type == "minutes" and chunk.item:
        section = doc.sections[chunk.section]
        for number in range(section.first_page, section.last_page + 1):
            for line in doc.page(number).text.splitlines():
                if line.strip().startswith(f"{chunk.item}. "):
                    return line.strip()
    return ""


@dataclass
class Read:
    """One paper read: its document, chunks and their headings, or why it was skipped."""

    doc: Document | None = None
    chunks: list[Chunk] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    skip: str | None = None


def read_paper(path: Path, source: str, settings: Settings, digest: str, on_ocr: OcrTick | None = None) -> Read:
    """Parse and chunk one paper; any failure is this paper's skip, with its one-line reason."""
    try:
        doc = parse_document(path, source, settings, digest, on_ocr)
        chunks = chunk_document(doc, settings.chunk_words, settings.chunk_max_words, settings.chunk_overlap_words)
        return Read(doc, chunks, [heading(doc, c) for c in chunks])
    except SkipFile as e:
        return Read(skip=e.reason)
    except Exception as e:  # noqa: BLE001 - one unreadable file never stops the batch
        return Read(skip=unreadable(e))


def workers(settings: Settings, papers: int) -> int:
    """How many processes read (settings.ingest_workers, 0 for one a core, at most 4); 1 reads here."""
    wanted = settings.ingest_workers or min(4, os.cpu_count() or 1)
    return max(1, min(wanted, papers))


# ---- in a worker process ---------------------------------------------------------------------
_TICKS: "multiprocessing.Queue | None" = None


def _start_worker(ticks, parent: int) -> None:
    global _TICKS
    _TICKS = ticks
    # A worker whose ingest was killed (kill -9, a crash) would wait for work forever: it goes too.
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()


def _exit_with(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def _read_in_worker(key: int, path: Path, source: str, settings: Settings, digest: str) -> Read:
    def tick(done: int, total: int) -> None:
        if _TICKS is not None:
            _TICKS.put((key, done, total))
    return read_paper(path, source, settings, digest, tick)


# ---- in the ingest process -------------------------------------------------------------------
class Readers:
    """Papers read ahead by worker processes; `get(key)` returns them in the order they were queued.

    Used as a context manager; with one worker (or one paper) everything is read in this process."""

    def __init__(self, jobs: dict[int, tuple[Path, str, str]], settings: Settings, processes: int,
                 ahead: list[int] | None = None):
        """`jobs`: key -> (path, source, digest); `ahead`: the keys worth reading ahead (all by default:
        a copy of a paper read earlier in the batch is linked to it, not read)."""
        self.jobs, self.settings = jobs, settings
        self.waiting = deque(jobs if ahead is None else ahead)  # keys not yet handed to a worker
        self.futures: dict[int, Future] = {}
        self.ticks: dict[int, tuple[int, int]] = {}
        self.pool = self.queue = None
        if processes > 1:
            # spawn: the ingest process may hold the model's threads, which a fork would copy half-held.
            context = multiprocessing.get_context("spawn")
            self.queue = context.Queue()
            self.pool = ProcessPoolExecutor(processes, mp_context=context, initializer=_start_worker,
                                            initargs=(self.queue, os.getpid()))
            self.ahead = 2 * processes  # papers read ahead of the one being stored: bounded memory
            self._fill()

    def __enter__(self) -> "Readers":
        return self

    def __exit__(self, *exc) -> None:
        if self.pool:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.queue.close()

    def _fill(self) -> None:
        while self.pool and self.waiting and len(self.futures) < self.ahead:
            key = self.waiting.popleft()
            path, source, digest = self.jobs[key]
            self.futures[key] = self.pool.submit(_read_in_worker, key, path, source, self.settings, digest)

    def get(self, key: int, on_ocr: OcrTick | None = None) -> Read:
        """The paper of job `key`, read (waiting for it, and passing on its OCR progress)."""
        future = self.futures.pop(key, None)
        if future is None:  # no pool, the pool is gone, or not queued: read here
            if key in self.waiting:
                self.waiting.remove(key)
            path, source, digest = self.jobs[key]
            return read_paper(path, source, self.settings, digest, on_ocr)
        try:
            while True:
                self._pass_ticks(key, on_ocr)
                try:
                    read = future.result(timeout=0.2)
                    break
                except TimeoutError:
                    continue
        except BrokenProcessPool:
            # A worker died inside a C library: read what is left here, one by one, as before.
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None
            self.waiting.extendleft(reversed(list(self.futures)))
            self.futures.clear()
            path, source, digest = self.jobs[key]
            return read_paper(path, source, self.settings, digest, on_ocr)
        self._pass_ticks(key, on_ocr)
        self._fill()
        return read

    def _pass_ticks(self, key: int, on_ocr: OcrTick | None) -> None:
        """OCR progress from the workers: the paper being waited for says each page; others' wait."""
        while True:
            try:
                k, done, total = self.queue.get_nowait()
            except (queue.Empty, OSError, ValueError):
                break
            self.ticks[k] = (done, total)
        if key in self.ticks and on_ocr:
            on_ocr(*self.ticks.pop(key))
