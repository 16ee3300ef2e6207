"""What the read side returns: typed results, each with the one `to_json()` the CLI's JSON and the
app render from (the contracts are in docs/cli.md and the pages beside it; add fields, never rename or remove one).

Search hits, answers and citations are ingest/types.py's (`Hit`, `Answer`, `Citation`), as is
what an ingest reports (`IngestReport`); a timeline event and a lineage step are in
assistant/timeline.py and lineage.py.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from pathlib import Path


@dataclass
class RegisterEntry:
    """One minuted decision, motion or amendment (docs/resolutions.md)."""

    board: str | None
    meeting_date: str | None
    item: str | None
    title: str | None
    text: str | None
    parts: list[dict]  # {"label", "text", "kind"[, "who", "what", "by_when"]}, as printed
    source: str | None
    page: int | None
    form: str | None  # how the minutes introduce it: "RESOLVED", "AGREED" ...
    document_title: str | None
    id: int | None = None
    entry: str = "decision"  # "decision", "amendment" or "motion"
    outcome: str | None = None
    outcome_text: str | None = None
    mover: str | None = None
    seconder: str | None = None
    votes: dict | None = None  # {"for", "against", "abstain", "unanimous"[, "names"]}
    amends: int | None = None  # the id of the entry an amendment amends

    def to_json(self) -> dict:
        """The `resolutions --json` contract."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass
class FollowUp:
    """An action the minutes or an action log asked for, and whether a later paper shows it done
    (docs/actions.md)."""

    board: str | None
    meeting_date: str | None
    item: str | None
    label: str | None
    text: str
    who: str | None
    what: str | None
    by_when: str | None
    origin: str  # "minutes" or "action log"
    source: str | None
    page: int | None
    log_status: str | None = None  # as the action log prints it
    comments: str | None = None  # the action log's comments (log rows only)
    status: str = "unknown"  # "done", "pending" or "unknown"
    evidence: dict | None = None  # {"source", "title", "page", "meeting_date", "quote", "kind", "item"}
    note: str | None = None
    log: tuple | None = field(default=None, repr=False)  # (section, log row) behind a log row; not in the JSON

    def to_json(self) -> dict:
        """The `actions --json` contract (log rows also carry `comments`)."""
        out = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("log", "comments")}
        if self.origin != "minutes":
            out["comments"] = self.comments
        return out


@dataclass
class PageView:
    """One page of a paper as the app's viewer shows it. `file` comes from the index, never from
    what a user typed, so the app only ever opens a file the index was built from."""

    source: str
    page: int
    board: str | None = None
    meeting_date: str | None = None
    document_title: str | None = None
    pages: int | None = None
    file: Path | None = None
    text: str | None = None  # the stored text (papers that are not PDFs, or whose file has gone); None if withheld
    restricted_pages: set[int] = field(default_factory=set)  # pages of this paper not for publication
    changed: bool = False  # the file on disk is no longer the one the index read: `file` is None
    document_id: str | None = None

    def to_json(self) -> dict:
        return {"source": self.source, "page": self.page, "board": self.board, "meeting_date": self.meeting_date,
                "document_title": self.document_title, "pages": self.pages, "text": self.text,
                "restricted": self.page in self.restricted_pages}


def _columns(kind, row: dict) -> dict:
    """The values of `kind`'s fields in a storage row (None where the row lacks one)."""
    return {f.name: row.get(f.name) for f in fields(kind)}


@dataclass
class IndexedPaper:
    """One ingested paper as the index records it (`status --json`'s `documents_list`)."""

    id: str  # the file's sha256
    title: str | None
    board: str | None
    meeting_date: str | None
    pages: int | None
    chunks: int | None
    ingested_at: str | None
    organisation: str | None = None
    start_time: str | None = None
    doc_type: str | None = None
    reader: int | None = None  # the version of the reading code that read it
    sources: str | None = None  # every name it is held under, "; "-separated
    # A paper `minutebook fetch` brought (ingest/fetch/): its address on the council's site, its
    # meeting's page, the agenda item the portal files it under, and the portal.
    source_url: str | None = None
    page_url: str | None = None
    agenda_item: str | None = None
    item_title: str | None = None
    portal: str | None = None

    @classmethod
    def from_row(cls, row: dict) -> "IndexedPaper":
        # IndexedPaper's own fields: a Paper built from a row gains its sections afterwards.
        return cls(**_columns(IndexedPaper, row))

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class PaperSection:
    """A section found in a paper, as the Papers page lists it."""

    kind: str
    title: str | None
    board: str | None
    meeting_date: str | None
    item: str | None
    first_page: int
    last_page: int
    restricted: bool = False

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class Paper(IndexedPaper):
    """A paper as the Papers page shows it: with its sections, a one-line summary of them and how
    many of its pages are restricted."""

    sections: list[PaperSection] = field(default_factory=list)
    sections_summary: str = ""
    restricted_pages: int = 0
    decisions: int = 0  # register entries read from its minutes
    decisions_note: str = ""  # "no decisions found in these minutes" for minutes with none, so a user looks

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class RecordedFact:
    """What a paper's minutes record of a meeting itself (the call to order, the roll call, the
    adjournment, the next meeting ...), as the Papers page lists it: the line as printed, with its page."""

    meeting: str | None  # the meeting's ISO date
    what: str  # "Called to order", "Adjourned", ...
    page: int
    as_printed: str

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class IngestRecord:
    """The last ingest that changed the index, as its log records it."""

    finished_at: str | None
    added: int | None = None
    replaced: int | None = None
    unchanged: int | None = None
    skipped: int | None = None
    removed: int | None = None

    @classmethod
    def from_row(cls, row: dict) -> "IngestRecord":
        return cls(**_columns(cls, row))

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class IndexStatus:
    """What an index holds (`status --json`)."""

    index: str
    documents: int
    chunks: int
    last_ingest: IngestRecord | None
    papers: list[IndexedPaper] = field(default_factory=list)

    def to_json(self) -> dict:
        """The `status --json` contract."""
        return {"index": self.index, "documents": self.documents, "chunks": self.chunks,
                "last_ingest": self.last_ingest.to_json() if self.last_ingest else None,
                "documents_list": [p.to_json() for p in self.papers]}
