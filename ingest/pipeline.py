"""Ingest: files -> pages -> sections -> chunks -> embeddings -> a new index generation."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import register
from .chunking import chunk_document
from .embed import Embedder
from .embed_cache import CachedEmbedder, with_cache
from .errors import SkipFile
from .index import IndexReader, IndexWriter, crash_point, current_dir
from .load import SUPPORTED, check_file, file_hash, load_pages
from .meeting_facts import path_facts, read_facts
from .sections import split_sections
from .settings import Settings
from .types import Chunk, Document


@dataclass
class IngestReport:
    ingested: list[dict] = field(default_factory=list)  # {"source", "pages", "chunks"}
    unchanged: list[str] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)  # {"source", "reason"}
    removed: list[str] = field(default_factory=list)
    documents: int = 0
    chunks: int = 0

    def to_json(self) -> dict:
        return {"ingested": self.ingested, "unchanged": self.unchanged, "skipped": self.skipped,
                "removed": self.removed, "documents": self.documents, "chunks": self.chunks}


Progress = Callable[[str, int, int], None]  # (message, done, total)


def discover(paths: list[Path]) -> tuple[list[tuple[Path, str]], list[dict]]:
    """Files to ingest as (path, source) and skips for unsupported ones; folders are walked recursively."""
    found, skipped = [], []
    for root in paths:
        root = Path(root)
        if not root.exists():
            skipped.append({"source": str(root), "reason": "no such file or folder"})
        elif root.is_file():
            found.append((root, root.name))
        else:
            for path in sorted(p for p in root.rglob("*") if p.is_file()):
                source = path.relative_to(root).as_posix()
                if any(part.startswith(".") for part in path.relative_to(root).parts):
                    continue  # hidden files and folders (.DS_Store, .git) are not papers
                if path.suffix.lower() in SUPPORTED:
                    found.append((path, source))
                else:
                    skipped.append({"source": source, "reason": f"unsupported file type '{path.suffix or 'none'}' (minutebook reads .pdf, .txt, .md)"})
    return found, skipped


def parse_document(path: Path, source: str, settings: Settings, doc_id: str | None = None) -> Document:
    """Load, section and return a Document (pure apart from reading the file)."""
    check_file(path, source, int(settings.max_file_mb * 1e6))
    title, pages = load_pages(path, source, settings.max_pages)
    if all(p.blank for p in pages):
        raise SkipFile(source, "every page is blank")
    facts = read_facts([p.text for p in pages], source, title)
    doc = Document(id=doc_id or file_hash(path), source=source, path=str(path.resolve()), title=facts.title,
                   pages=pages, facts=facts)
    doc.sections = split_sections(pages, doc.title, facts)
    return doc


def embedding_text(chunk: Chunk, heading: str) -> str:
    """What the model sees: the section's title and the item heading give a bare paragraph its topic."""
    context = " — ".join(x for x in (chunk.title, heading) if x and x not in chunk.text[:200])
    return f"{context}\n{chunk.text}" if context else chunk.text


def ingest(paths: list[Path], settings: Settings, embedder: Embedder | None = None,
           progress: Progress | None = None, prune: bool = False) -> IngestReport:
    """Add new and changed files to the index; unchanged files cost a hash and nothing else."""
    report = IngestReport()
    files, report.skipped = discover(paths)
    given = embedder or Embedder(settings.embed_model, settings.embed_batch)
    known = known_sources(settings.index)
    todo = []
    for path, source in files:
        try:
            digest = file_hash(path)
        except OSError as e:
            report.skipped.append({"source": source, "reason": f"cannot read file ({e.strerror})"})
            continue
        if known.get(source) == digest:
            report.unchanged.append(source)
        else:
            todo.append((path, source, digest))
    seen = {s for _, s in files}
    gone = _pruned(known, seen, paths, settings.index) if prune else []
    if todo or gone:
        # Text embedded before (an unchanged passage of a changed paper, a report carried in
        # several packs) comes from the embedding cache beside the index.
        embedder = with_cache(given, settings.index)
        try:
            with IndexWriter(settings.index, settings.embed_model, lambda: embedder.dim, store=settings.store,
                             hnsw_above=settings.hnsw_above) as writer:
                _apply(writer, todo, gone, settings, embedder, report, progress)
                if report.ingested or report.removed:
                    writer.store.log_ingest(added=len(report.ingested), replaced=0, unchanged=len(report.unchanged),
                                            skipped=len(report.skipped), removed=len(report.removed))
                    writer.publish()
                    crash_point("published")
        finally:
            if embedder is not given and isinstance(embedder, CachedEmbedder):
                embedder.close()
    if current_dir(settings.index):
        reader = IndexReader(settings.index)
        counts = reader.store.counts()
        reader.close()
        report.documents, report.chunks = counts["documents"], counts["chunks"]
    return report


def _apply(writer: IndexWriter, todo, gone, settings: Settings, embedder: Embedder, report: IngestReport, progress):
    store = writer.store
    for source in gone:
        writer.vectors.remove(store.unlink_file(source))
        report.removed.append(source)
    for n, (path, source, digest) in enumerate(todo, start=1):
        if progress:
            progress(f"reading {source}", n - 1, len(todo))
        try:
            if store.has_document(digest):  # the same bytes under another name: link, don't re-embed
                writer.vectors.remove(store.unlink_file(source))
                store.link_file(source, digest, str(path.resolve()), path.stat().st_size)
                # A copy filed in a dated folder dates a paper whose first copy said nothing of its meeting.
                store.fill_meeting(digest, path_facts(source))
                report.ingested.append({"source": source, "pages": 0, "chunks": 0})
                continue
            doc = parse_document(path, source, settings, digest)
        except SkipFile as e:
            report.skipped.append({"source": source, "reason": e.reason})
            continue
        chunks = chunk_document(doc, settings.chunk_words, settings.chunk_max_words, settings.chunk_overlap_words)
        headings = [_heading(doc, c) for c in chunks]
        done = [0]

        def tick(k, source=source, total=len(chunks)):
            done[0] += k
            if progress:
                progress(f"embedding {source} ({done[0]}/{total} chunks)", n - 1, len(todo))

        vectors = embedder.embed_batch([embedding_text(c, h) for c, h in zip(chunks, headings)], progress=tick)
        crash_point("embedded")
        writer.vectors.remove(store.unlink_file(source))  # a changed file replaces its old version
        ids = store.add_document(doc, chunks, headings)
        register.write_minutes(store, doc)  # the decisions register (issue 3) rides on the same generation
        crash_point("stored")
        writer.vectors.add(ids, vectors)
        store.link_file(source, doc.id, str(path.resolve()), path.stat().st_size)
        report.ingested.append({"source": source, "pages": len(doc.pages), "chunks": len(chunks)})
    if progress:
        progress("done", len(todo), len(todo))


def _heading(doc: Document, chunk: Chunk) -> str:
    """The minute item's title line for minutes chunks, else the section title."""
    if chunk.doc_type == "minutes" and chunk.item:
        section = doc.sections[chunk.section]
        for number in range(section.first_page, section.last_page + 1):
            for line in doc.page(number).text.splitlines():
                if line.strip().startswith(f"{chunk.item}. "):
                    return line.strip()
    return ""


def _pruned(known: dict, seen: set, paths: list[Path], index: Path) -> list[str]:
    """Sources gone from the folders this ingest was given; papers ingested from elsewhere
    (other folders, app uploads) are not this ingest's to forget."""
    reader = IndexReader(index)
    try:
        where = reader.store.source_paths()
    finally:
        reader.close()
    roots = [Path(p).resolve() for p in paths]

    def under(path: str | None) -> bool:
        return bool(path) and any(Path(path) == r or r in Path(path).parents for r in roots)

    return [s for s in known if s not in seen and under(where.get(s))]


def known_sources(index: Path) -> dict[str, str]:
    """source -> document id (file hash) of every file in the published index; {} when there is none."""
    if current_dir(index) is None:
        return {}
    reader = IndexReader(index)
    try:
        return reader.store.sources()
    finally:
        reader.close()
