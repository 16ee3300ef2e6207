"""Ingest: files -> pages -> sections -> chunks -> embeddings -> a new index generation."""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Callable

from minutebook.ingest.register import tables as register_tables
from minutebook.ingest.embedding.embed import Embedder
from minutebook.ingest.embedding.cache import CachedEmbedder, with_cache
from minutebook.ingest.discover import Found, discover, plan
from minutebook.ingest.errors import printable, unreadable
from minutebook.ingest.storage.exemptions import follow_exemptions
from minutebook.ingest.storage.index import IndexWriter, crash_point, writing
from minutebook.ingest.storage.index_reader import IndexReader, current_dir
from minutebook.ingest.pdf.pages import file_hash
from minutebook.ingest.papers.meeting_facts import path_facts
from minutebook.ingest.workers import Readers, heading as _heading, parse_document, workers  # noqa: F401 (parse_document, _heading re-exported)
from minutebook.ingest.settings import Settings
from minutebook.ingest.types import Chunk, IngestedFile, IngestReport, SkippedFile


Progress = Callable[[str, int, int], None]  # (message, done, total)

# The version of the code that reads papers (text, furniture, OCR, sections, restriction,
# minutes). Bump it when a change would read an existing paper differently: the next ingest of
# its folder then reads it afresh, though its bytes have not changed. 2: notices cover their
# section, agenda exemptions, page furniture and OCR. 3: chunks name the schemes their "the
# project"s refer back to (coreference.py). 4: a filled-in form's field values read on their page.
# 5: decisions read by the act in prose minutes (register/acts.py), "APPROVED MINUTES" papers
# typed minutes (papers/doc_type.py). 6: a paper holding several meetings gives each its own
# section, date and body (meetings.py); a printed year slip is corrected by the file name's date.
# 7: words split by stray spaces and tables read one cell per line are read from PDFium's text,
# ligatures spelled out (text_layer.py, words.py). 8: a title that names restricted matter is not
# kept (restriction.public_title), each page's print is kept to follow an exemption to its copies,
# and "Agenda Item N" stamps read as page furniture still start their items. 9: proceedings facts
# read late arrivals and officers elected, and labels printed in a column beside their values.
# 10: each page keeps whether its text layer's words were rejoined (Page.repaired), for citations.
# 11: an adopted resolution printed whole is a minutes section of its own, dated by its adoption block
# (register/resolution_doc.py); a run of items "Adopted;" takes the motion after it; closed-session
# direction given by a vote.
READER_VERSION = 11


def embedding_text(chunk: Chunk, heading: str) -> str:
    """What the model sees: the section's title and the item heading give a bare paragraph its topic."""
    context = " — ".join(x for x in (chunk.title, heading) if x and x not in chunk.text[:200])
    return f"{context}\n{chunk.text}" if context else chunk.text


def ingest(paths: list[Path], settings: Settings, embedder: Embedder | None = None,
           progress: Progress | None = None, prune: bool = False, include: tuple[str, ...] = (),
           rebuild: bool = False) -> IngestReport:
    """Add new and changed files to the index; unchanged files cost a hash and nothing else.

    What is new is decided twice: first against the published index (so a run with nothing new
    never takes the writer's lock), then again inside the lock against the generation being
    built, because another ingest may have published while this one waited for it. `rebuild`
    reads every paper into a new generation that owes nothing to the current one (damaged, say)."""
    report = IngestReport()
    found = discover(paths, tuple(include))
    report.skipped = found.skipped
    hashed = []
    for path, source in found.files:
        try:
            hashed.append((path, source, file_hash(path)))
        except OSError as e:
            report.skipped.append(SkippedFile(source, f"cannot read file ({e.strerror})"))
    known = {} if rebuild else _published_files(settings.index, READER_VERSION)
    first = plan(hashed, known)
    report.unchanged, report.paths = first.unchanged, first.paths
    if first.todo or (prune and _pruned(known, found, paths)):
        given = embedder or Embedder(settings.embed_model, settings.embed_batch, settings.model_cache_dir())
        with writing(settings.index):
            _write(settings, hashed, found, paths, prune, given, report, progress, rebuild)
    if current_dir(settings.index):
        reader = IndexReader(settings.index)
        counts = reader.store.counts()
        reader.close()
        report.documents, report.chunks = counts["documents"], counts["chunks"]
    return report


def _write(settings: Settings, hashed, found: Found, paths: list[Path], prune: bool, given: Embedder,
           report: IngestReport, progress: Progress | None, rebuild: bool = False) -> None:
    """Build and publish a generation with the new, changed and removed files, under the lock."""
    # Text embedded before (an unchanged passage of a changed paper, a report carried in
    # several packs) comes from the embedding cache beside the index.
    cached = with_cache(given, settings.index, settings.embed_cache)
    try:
        with IndexWriter(settings.index, settings.embed_model, lambda: cached.dim, store=settings.store,
                         hnsw_above=settings.hnsw_above, merge_segments=settings.merge_segments,
                         waiting=_waiting(progress), fresh=rebuild) as writer:
            known = writer.store.files(READER_VERSION)  # what is known now, under the lock
            final = plan(hashed, known)
            report.unchanged, report.paths = final.unchanged, final.paths
            gone = _pruned(known, found, paths) if prune else []
            _apply(writer, final.todo, gone, settings, cached, report, progress)
            if report.ingested:
                follow_exemptions(writer.store)  # a copy of an exempt page is exempt, whichever came first
            if report.ingested or report.removed:
                writer.store.log_ingest(added=len(report.ingested), replaced=0, unchanged=len(report.unchanged),
                                        skipped=len(report.skipped), removed=len(report.removed))
                writer.publish()
                crash_point("published")
    finally:
        if cached is not given and isinstance(cached, CachedEmbedder):
            cached.close()


def _waiting(progress: Progress | None):
    def say() -> None:
        if progress:
            progress("waiting for another ingest into this index to finish", 0, 1)
    return say


def _apply(writer: IndexWriter, todo, gone, settings: Settings, embedder: Embedder, report: IngestReport, progress):
    store = writer.store
    for source in gone:
        writer.vectors.remove(store.unlink_file(source))
        report.removed.append(source)
    # Papers to read: the first file of each content not in the index yet (the others link to it).
    first: dict[str, int] = {}
    for n, (_, _, digest) in enumerate(todo):
        if digest not in first and not (store.has_document(digest) and not store.read_by_older(digest, READER_VERSION)):
            first[digest] = n
    ahead = {n: todo[n] for n in first.values()}
    with Readers(dict(enumerate(todo)), settings, workers(settings, len(ahead)), ahead=list(ahead)) as readers:
        for n, (path, source, digest) in enumerate(todo, start=1):
            _add(writer, readers, n, path, source, digest, len(todo), settings, embedder, report, progress)
    if progress:
        progress("done", len(todo), len(todo))


def _add(writer: IndexWriter, readers: Readers, n: int, path: Path, source: str, digest: str, total: int,
         settings: Settings, embedder: Embedder, report: IngestReport, progress) -> None:
    """Store the n-th file of the batch: a link to the same content, or the paper read and embedded."""
    store = writer.store
    if progress:
        progress(f"reading {printable(source)}", n - 1, total)
    try:
        size = path.stat().st_size  # here, so that a file gone since it was found is that file's skip
    except OSError as e:
        report.skipped.append(SkippedFile(source, unreadable(e)))
        return
    if store.has_document(digest) and not store.read_by_older(digest, READER_VERSION):
        # The same bytes under another name: link, don't re-embed.
        writer.vectors.remove(store.link_file(source, digest, str(path.resolve()), size))
        # A copy filed in a dated folder dates a paper whose first copy said nothing of its meeting.
        store.fill_meeting(digest, path_facts(source))
        pages, chunks = store.document_size(digest)
        report.ingested.append(IngestedFile(source, pages, chunks, same_as=store.other_source(digest, source)))
        return

    def ocr_tick(done, total_pages):  # a scan takes seconds a page: show each
        if progress:
            progress(f"reading {printable(source)} by OCR (page {done} of {total_pages})", n - 1, total)

    read = readers.get(n - 1, ocr_tick)
    if read.skip is not None:
        report.skipped.append(SkippedFile(source, read.skip))
        return
    doc, chunks, headings = read.doc, read.chunks, read.headings
    done = [0]

    def tick(k):
        done[0] += k
        if progress:
            progress(f"embedding {printable(source)} ({done[0]}/{len(chunks)} chunks)", n - 1, total)

    vectors = embedder.embed_batch([embedding_text(c, h) for c, h in zip(chunks, headings)], progress=tick)
    crash_point("embedded")
    if store.has_document(doc.id):  # read by an older version: this reading replaces it
        writer.vectors.remove(store.remove_document(doc.id))
    ids = store.add_document(doc, chunks, headings, READER_VERSION)
    try:
        register_tables.write_minutes(store, doc)  # the decisions register (issue 3) rides on the same generation
    except sqlite3.Error:
        raise  # the index cannot be written: not this file's fault
    except Exception as e:  # noqa: BLE001 - minutes the parser cannot read are this file's skip
        store.remove_document(doc.id)
        report.skipped.append(SkippedFile(source, unreadable(e)))
        return
    crash_point("stored")
    writer.vectors.add(ids, vectors)
    # A changed file's old version goes once the new one is in (link_file drops it).
    writer.vectors.remove(store.link_file(source, doc.id, str(path.resolve()), size))
    report.ingested.append(IngestedFile(source, len(doc.pages), len(chunks)))


def _pruned(known: dict[str, tuple[str, str | None]], found: Found, paths: list[Path]) -> list[str]:
    """Sources gone from the folders this ingest was given. Papers ingested from elsewhere (other
    folders, app uploads) are not this ingest's to forget, nor are those in a folder that could
    not be read this time (it may be back tomorrow)."""
    roots = [Path(p).resolve() for p in paths]
    seen = {str(p.resolve()) for p, _ in found.files}

    def under(path: str | None, folders) -> bool:
        return bool(path) and any(Path(path) == r or r in Path(path).parents for r in folders)

    return sorted(s for s, (_, where) in known.items()
                  if where not in seen and under(where, roots) and not under(where, found.unreadable))


def _published_files(index: Path, reader_version: int | None = None) -> dict[str, tuple[str | None, str | None]]:
    """source -> (document id, path) of every file in the published index; {} when there is none.
    With `reader_version`, papers read by older code have no id (Store.files)."""
    if current_dir(index) is None:
        return {}
    reader = IndexReader(index)
    try:
        return reader.store.files(reader_version)
    finally:
        reader.close()


def known_sources(index: Path) -> dict[str, str]:
    """source -> document id (file hash) of every file in the published index; {} when there is none."""
    return {source: doc for source, (doc, _) in _published_files(index).items()}
