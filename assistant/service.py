"""The read side in one place: `Minutebook(settings)` answers every question the CLI, the web app
and the LangChain retriever ask of an index, and returns typed results (assistant/results.py,
ingest/types.py) that carry their own `to_json()`.

It opens what a call needs and no more: listing the register, the actions or the papers reads the
database only; searching, asking, a topic's timeline or ranking resolutions by topic load the
embedding model once, on first use. Restricted pages follow the settings unless a call's
filters say otherwise.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from minutebook.ingest.filters import Filters
from minutebook.ingest.papers.proceedings_facts import LABELS
from minutebook.ingest.pdf.pages import file_hash
from minutebook.ingest.storage.index_reader import IndexReader, current_dir
from minutebook.ingest.settings import Settings
from minutebook.ingest.storage.store import Store
from minutebook.ingest.types import Answer, Hit

from minutebook.assistant import catalog
from minutebook.assistant.results import (FollowUp, IndexedPaper, IndexStatus, IngestRecord, PageView, Paper,
                                          RecordedFact, RegisterEntry)

# What only some calls need is imported by them: a command line that lists the register never
# pays for the answerers' patterns, the model's runtime or the page renderer (docs/benchmarks.md,
# start-up).
if TYPE_CHECKING:
    from minutebook.assistant.honest import SearchResult
    from minutebook.assistant.meetings import MeetingRecord, MeetingSummary
    from minutebook.ingest.embedding.embed import Embedder
    from minutebook.assistant.answering import Assistant, Turn
    from minutebook.assistant.lineage import Step
    from minutebook.assistant.search import Searcher
    from minutebook.assistant.timeline import TimelineEvent


class Minutebook:
    """One index, read: load once, ask many times; `close()` when done (or use it in a `with`).

    `embedder` is a loaded model to search with; or `load_embedder(model name)` gives one when a
    call first needs it (the app's shared, cached model). Without either, the searcher loads the
    model the index was built with.
    """

    def __init__(self, settings: Settings, embedder: Embedder | None = None,
                 load_embedder: Callable[[str], Embedder] | None = None, model: str | None = None):
        self.settings = settings
        self._embedder = embedder
        self._load_embedder = load_embedder
        self._model = model
        self._reader: IndexReader | None = None
        self._assistant: Assistant | None = None
        self._lock = threading.Lock()  # the app shares one Minutebook between sessions' threads
        self._hashes: dict[tuple, str] = {}  # (path, size, mtime) -> the file's hash

    def __enter__(self) -> "Minutebook":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._assistant is not None:
            self._assistant.searcher.close()
        if self._reader is not None:
            self._reader.close()
        self._assistant = self._reader = None

    # ---- what it holds open ----------------------------------------------------------------
    @property
    def assistant(self) -> Assistant:
        """The answerer and its searcher (loads the embedding model the index was built with)."""
        with self._lock:
            if self._assistant is None:
                embedder = self._embedder
                if embedder is None and self._load_embedder is not None:
                    embedder = self._load_embedder(self.model())
                from minutebook.assistant.answering import Assistant

                self._assistant = Assistant(self.settings, embedder)
            return self._assistant

    @property
    def searcher(self) -> Searcher:
        return self.assistant.searcher

    @property
    def store(self) -> Store:
        """The current generation's database (no model needed)."""
        if self._assistant is not None:
            return self._assistant.searcher.reader.store
        with self._lock:
            if self._reader is None:
                self._reader = IndexReader(self.settings.index)
            return self._reader.store

    def filters(self, board: str | None = None, since: str | None = None, until: str | None = None,
                doc_type: str | None = None, include_restricted: bool | None = None) -> Filters:
        """A call's filters; restricted pages as the settings say unless told."""
        return Filters(board=board, since=since, until=until, doc_type=doc_type,
                       include_restricted=self.settings.include_restricted if include_restricted is None
                       else include_restricted)

    # ---- the questions ---------------------------------------------------------------------
    def search(self, query: str, k: int = 5, filters: Filters | None = None, mode: str = "hybrid") -> list[Hit]:
        return self.searcher.search(query, k=k, filters=filters or self.filters(), mode=mode)

    def search_checked(self, query: str, k: int = 10, filters: Filters | None = None) -> "SearchResult":
        """A search that says when nothing matches: no passage shares a word with the query and
        none is close to it in meaning; then no hits, and the papers nearest it by meaning."""
        from minutebook.assistant import honest
        from minutebook.assistant.honest import SearchResult

        f = filters or self.filters()
        hits = self.search(query, k=k, filters=f)
        if any(honest.shares_a_word(query, h) for h in hits):
            return SearchResult(query, True, hits, why="words")
        return honest.judge(query, hits, self.search(query, k=max(k, 10), filters=f, mode="dense"),
                            self.settings.dense_floor)

    def ask(self, question: str, filters: Filters | None = None, history: list[Turn] | None = None,
            llm=None) -> Answer:
        f = filters or self.filters()
        answer = self.assistant.ask(question, history=history, filters=f, llm=llm)
        store = self.store

        def page_text(source: str, page: int) -> str | None:  # a restricted page is never read into a quote
            shown = f.include_restricted or page not in store.restricted_pages(source)
            return store.source_page_text(source, page) if shown else None

        def furniture(source: str, page: int) -> tuple[str, ...]:
            document_id = store.document_for_source(source)
            return store.page_furniture(document_id, page) if document_id else ()

        from minutebook.assistant import page_break

        return page_break.carry_over(answer, page_text, furniture)  # a sentence over a page break, quoted whole

    def resolutions(self, topic: str | None = None, filters: Filters | None = None, kind: str | None = None,
                    outcome: str | None = None, moved_by: str | None = None) -> list[RegisterEntry]:
        """The register: newest meeting first, or, with a topic, the decisions it finds, best first."""
        f = filters or self.filters()
        from minutebook.assistant.register import entries as register

        searcher = self.searcher if topic else None  # loads the model: only to rank by a topic
        return register.find(self.store, topic=topic, board=f.board, since=f.since, until=f.until, kind=kind,
                             include_restricted=f.include_restricted, searcher=searcher, outcome=outcome,
                             moved_by=moved_by, only_found=True)

    def actions(self, board: str | None = None, status: str | None = None,
                include_restricted: bool | None = None) -> list[FollowUp]:
        """Every action asked for, with whether a later paper shows it done (no model needed)."""
        from minutebook.assistant.register.actions import follow_up

        return follow_up(self.store, board=board, status=status,
                         include_restricted=self.filters(include_restricted=include_restricted).include_restricted)

    def timeline(self, topic: str, filters: Filters | None = None) -> list[TimelineEvent]:
        from minutebook.assistant.timeline import timeline

        return timeline(self.searcher, topic, filters or self.filters())

    def lineage(self, topic: str, filters: Filters | None = None) -> list[Step]:
        from minutebook.assistant.lineage import lineage

        return lineage(self.searcher, topic, filters or self.filters())

    # ---- browsing --------------------------------------------------------------------------
    def papers(self, include_restricted: bool | None = None) -> list[Paper]:
        """The ingested papers, newest meeting first, with their sections (Papers page)."""
        return catalog.papers(self.store, self.filters(include_restricted=include_restricted).include_restricted)

    def meetings(self, board: str | None = None) -> list["MeetingSummary"]:
        """Every meeting the papers date, newest first: body, date, how many papers (no model needed)."""
        from minutebook.assistant import meetings

        return meetings.list_meetings(self.store, board)

    def meeting(self, date: str, board: str | None = None, include_restricted: bool | None = None) -> "MeetingRecord":
        """One meeting whole: agenda items with their papers, minutes, decisions, attendance."""
        from minutebook.assistant import meetings

        return meetings.find_meeting(self.store, date, board,
                                     self.filters(include_restricted=include_restricted).include_restricted)

    def paper_pages(self, source: str, words: str, include_restricted: bool | None = None) -> list[int]:
        """The pages of a paper whose text holds every one of `words` (stemmed, as search matches them)."""
        from minutebook.assistant.highlight import query_terms, spans

        terms = query_terms(words)
        out = []
        for n in range(1, (self.page(source, 1, include_restricted).pages or 0) + 1):
            text = self.page(source, n, include_restricted).text or ""
            if terms and all(spans(text, {t}) for t in terms):
                out.append(n)
        return out

    def meeting_record(self, paper: Paper, include_restricted: bool | None = None) -> list[RecordedFact]:
        """What a paper's minutes record of each meeting itself (call to order, roll call, adjournment,
        next meeting...), read at ingest, as the Papers page lists it; none from a restricted page
        unless restricted papers are included."""
        shown = self.filters(include_restricted=include_restricted).include_restricted
        hidden = set() if shown or not paper.sources else self.store.restricted_pages(paper.sources.split("; ")[0])
        return [RecordedFact(meeting=s.meeting_date, what=LABELS.get(f.kind, f.kind), page=f.page, as_printed=f.quote)
                for i, s in enumerate(paper.sections) if s.kind == "minutes"
                for f in self.store.proceedings(paper.id, i) if f.page not in hidden]

    def status(self) -> IndexStatus:
        """Counts, the last ingest and every document (`status --json`)."""
        store = self.store
        counts, last = store.counts(), store.last_ingest()
        return IndexStatus(index=str(self.settings.index), documents=counts["documents"], chunks=counts["chunks"],
                           last_ingest=IngestRecord.from_row(last) if last else None,
                           papers=[IndexedPaper.from_row(d) for d in store.documents()])

    def boards(self) -> list[str]:
        return self.store.boards()

    def date_bounds(self) -> tuple[str | None, str | None]:
        return self.store.date_bounds()

    def page(self, source: str, page: int, include_restricted: bool | None = None) -> PageView:
        """A page of a source as the viewer shows it: its meeting, its file, its restricted pages and
        its text (none for a restricted page unless restricted papers are included)."""
        store = self.store
        ctx = catalog.page_context(store, source, page)
        restricted = store.restricted_pages(source)
        shown = self.filters(include_restricted=include_restricted).include_restricted or page not in restricted
        file = store.source_file(source)
        changed = file is not None and ctx["document_id"] is not None and not self.same_file(file, ctx["document_id"])
        return PageView(source=source, page=page, board=ctx["board"], meeting_date=ctx["meeting_date"],
                        document_title=ctx["document_title"], pages=ctx["pages"], file=None if changed else file,
                        text=store.source_page_text(source, page) if shown else None, restricted_pages=restricted,
                        changed=changed, document_id=ctx["document_id"])

    def same_file(self, path: Path, document_id: str) -> bool:
        """Whether the file on disk is still the one the index read (its hash is the document id): a
        paper overwritten since (by an exempt one, say) is never drawn or offered under the old one's
        restrictions. Remembered by size and modification time, so a page step costs no rehash."""
        try:
            st = Path(path).stat()
        except OSError:
            return True  # gone: the viewer says so and shows the stored text
        key = (str(path), st.st_size, st.st_mtime_ns)
        if key not in self._hashes:
            try:
                self._hashes[key] = file_hash(Path(path))
            except OSError:
                return True
        return self._hashes[key] == document_id

    def page_image(self, path: Path, page: int, width: int = 1000, quote: str | None = None) -> bytes:
        """A PDF page drawn as PNG, within the settings' time and memory limits; `quote` lit on it."""
        from minutebook.assistant import pagerender

        return pagerender.render_page(Path(path), page, self.settings, width, quote)

    @staticmethod
    def page_count(path: Path) -> int:
        from minutebook.assistant import pagerender

        return pagerender.page_count(Path(path))

    def model(self) -> str:
        """The embedding model the current generation was built with."""
        if self._model:
            return self._model
        gen = current_dir(self.settings.index)
        return (catalog.index_model(gen) if gen else None) or self.settings.embed_model
