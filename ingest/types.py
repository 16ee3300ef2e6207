"""The plain types that flow through minutebook, defined once.

Document -> Section -> Page -> Chunk -> Hit -> Answer (with Citation), plus the
minutes types Meeting, Attendee, Resolution and ResolutionPart, and what an ingest reports
(IngestReport with its IngestedFile and SkippedFile entries; UploadReport for the app's uploads).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

SECTION_KINDS = ("agenda", "minutes", "report", "presentation", "appendix", "amendment", "questions", "decision", "other")
PART_KINDS = ("noted", "approved", "agreed", "action", "recommended", "deferred", "scheduled", "other")


@dataclass(frozen=True)
class Page:
    """One physical page; `number` is 1-based, as a PDF viewer shows it."""

    number: int
    text: str
    blank: bool = False  # "This page is intentionally left blank": never indexed
    restricted: bool = False  # carries a not-for-publication notice
    ocr: bool = False  # the text was read from the page's image by OCR (a scan, or glyph codes)
    # The text layer ran words together or split them, and the words were rejoined: read from the
    # other library's layer, or with the stray spaces taken out (ingest/pdf/text_layer.py).
    repaired: bool = False
    # Running headers, footers and "Page n of m" lines cut from `text` (ingest/pdf/furniture.py):
    # kept for metadata readers (title, body, date), never chunked or quoted.
    furniture: tuple[str, ...] = ()


@dataclass
class Section:
    """A typed part of a document (the agenda, the minutes, one report...)."""

    kind: str
    title: str
    first_page: int
    last_page: int
    board: str | None = None
    meeting_date: str | None = None  # ISO date of the meeting the section belongs to
    item: str | None = None  # agenda item number, where the pack stamps one
    restricted: bool = False


@dataclass
class MeetingFacts:
    """What a paper's title block says about its meeting (ingest/papers/meeting_facts.py)."""

    organisation: str | None = None  # "Township of Nipissing", "Kent County Council"
    body: str | None = None  # the board, committee, council... that meets: "Cabinet", "Planning Commission"
    meeting_date: str | None = None  # ISO date of the meeting (never a notice's or print date)
    start_time: str | None = None  # "18:30"
    doc_type: str = "other"  # agenda, minutes, report, appendix, amendment, questions, decision, presentation, other
    title: str = ""
    # From the portal the paper was fetched from (ingest/fetch/), where it was: the paper's public
    # address, its meeting's page, the agenda item it belongs to, and the system and source.
    source_url: str | None = None
    page_url: str | None = None
    agenda_item: str | None = None
    item_title: str | None = None
    portal: str | None = None  # "moderngov https://democracy.example.gov.uk"


@dataclass
class Document:
    """A loaded file: its pages and the sections found in them."""

    id: str  # sha256 of the file's bytes
    source: str  # path relative to the folder given to ingest (the name for a single file)
    path: str  # absolute path on disk at ingest time
    title: str
    pages: list[Page]
    sections: list[Section] = field(default_factory=list)
    facts: MeetingFacts | None = None

    def page(self, number: int) -> Page:
        return self.pages[number - 1]


@dataclass
class Chunk:
    """A retrievable piece of one section; its text starts on `page`."""

    id: str
    document_id: str
    section: int  # index into Document.sections
    position: int  # order within the document
    page: int
    text: str
    doc_type: str
    title: str
    board: str | None = None
    meeting_date: str | None = None
    item: str | None = None  # minute or paragraph number the chunk belongs to
    restricted: bool = False
    ocr: bool = False  # its page was read by OCR
    refers: str = ""  # the names its "the project"s refer back to (coreference.py), searched with it


@dataclass(frozen=True)
class SourcePage:
    """One file and page that holds a passage."""

    source: str
    page: int

    def to_json(self) -> dict:
        return {"source": self.source, "page": self.page}


@dataclass
class Hit:
    """A chunk found by a search, with where it came from and its fused score."""

    chunk: Chunk
    source: str
    score: float
    sources: list[SourcePage] = field(default_factory=list)  # when several files hold this text

    def to_json(self) -> dict:
        c = self.chunk
        return {
            "chunk_id": c.id,
            "source": self.source,
            "title": c.title,
            "section": c.section,
            "doc_type": c.doc_type,
            "board": c.board,
            "meeting_date": c.meeting_date,
            "page": c.page,
            "text": c.text,
            "score": round(self.score, 6),
            "sources": [s.to_json() for s in self.sources or [SourcePage(self.source, c.page)]],
            "ocr": c.ocr,
        }


@dataclass
class Citation:
    n: int
    source: str
    title: str
    page: int
    meeting_date: str | None
    quote: str
    reference: str = ""  # "Minute 40(b), <board>, 15 December 2023, p. 7"
    ocr: bool = False  # the cited page was read by OCR: its words are OCR's reading of a scan
    end_page: int | None = None  # the page the quoted sentence ends on, when it runs over a page break
    # What was read, where it was not the paper's printed text: "read by OCR from a scan",
    # "meeting date not printed in the paper (inferred)" (assistant/verbatim.py).
    read: tuple[str, ...] = ()


@dataclass
class Answer:
    text: str
    abstained: bool
    citations: list[Citation] = field(default_factory=list)
    related: list[Hit] = field(default_factory=list)  # closest passages when abstaining
    read_as: str | None = None  # how a follow-up was read: "Taking this as about Biker Down"
    notice: str | None = None  # why the answer is not the one asked for (a language model that failed)

    @property
    def as_of(self) -> str | None:
        """The date of the newest cited paper."""
        return max((c.meeting_date for c in self.citations if c.meeting_date), default=None)

    def to_json(self) -> dict:
        """The `ask --json` contract."""
        return {
            "answer": self.text,
            "abstained": self.abstained,
            "as_of": self.as_of,
            "citations": [{"n": c.n, "source": c.source, "title": c.title, "page": c.page,
                           "meeting_date": c.meeting_date, "quote": c.quote, "reference": c.reference,
                           "ocr": c.ocr, "end_page": c.end_page, "read": list(c.read)}
                          for c in self.citations],
            "related": [{"source": h.source, "title": h.chunk.title, "page": h.chunk.page,
                         "meeting_date": h.chunk.meeting_date} for h in self.related],
            "read_as": self.read_as,
            "notice": self.notice,
        }


@dataclass
class Attendee:
    name: str
    role: str  # "present", "officers", "others", "apologies"
    organisation: str | None = None


@dataclass
class Meeting:
    board: str | None
    date: str | None  # ISO
    time: str | None = None
    venue: str | None = None
    attendees: list[Attendee] = field(default_factory=list)


@dataclass
class ResolutionPart:
    label: str | None  # "(a)", "(i)", "1" ... or None for a single paragraph
    text: str
    kind: str  # one of PART_KINDS
    who: str | None = None  # for actions: who is asked
    what: str | None = None
    by_when: str | None = None


@dataclass
class Votes:
    """A vote as the minutes record it: counts, the names a recorded vote lists, or "unanimous"."""

    counts: dict[str, int] = field(default_factory=dict)  # "for", "against", "abstain", "absent"
    names: dict[str, list[str]] = field(default_factory=dict)
    unanimous: bool = False

    def to_json(self) -> dict:
        out: dict = {k: self.counts.get(k) for k in ("for", "against", "abstain")}
        if "absent" in self.counts:
            out["absent"] = self.counts["absent"]
        out["unanimous"] = self.unanimous
        if self.names:
            out["names"] = self.names
        return out


@dataclass
class Resolution:
    """One minuted decision: the item it sits under and its parts."""

    item: str  # minute number as printed: "22", "12/25", "CSP/04/25"
    title: str
    text: str  # the decision text, as printed after RESOLVED/AGREED...
    page: int  # page the decision starts on
    parts: list[ResolutionPart] = field(default_factory=list)
    discussion: str = ""
    board: str | None = None
    meeting_date: str | None = None
    form: str = "RESOLVED"  # the keyword the decision was introduced by
    outcome: str | None = None  # one of house_style.OUTCOMES
    outcome_text: str | None = None  # the line that records the outcome, as printed ("Amendment lost.")
    mover: str | None = None
    seconder: str | None = None
    votes: Votes | None = None
    entry: str = "decision"  # "decision", "motion" (a motion put and decided) or "amendment"
    amends: int | None = None  # for an amendment: position of the motion it amends in the meeting's list


@dataclass
class IngestedFile:
    """A file an ingest took in: read now, or linked to the same bytes held under another name."""

    source: str
    pages: int
    chunks: int
    same_as: str | None = None  # the other name the same bytes were already ingested under

    def to_json(self) -> dict:
        return {"source": self.source, "pages": self.pages, "chunks": self.chunks, "same_as": self.same_as}


@dataclass
class SkippedFile:
    """A file or folder an ingest passed over, and the one-line reason."""

    source: str
    reason: str

    def to_json(self) -> dict:
        return {"source": self.source, "reason": self.reason}


@dataclass
class IngestReport:
    """What one ingest did (`ingest --json`)."""

    ingested: list[IngestedFile] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    documents: int = 0
    chunks: int = 0
    paths: dict[str, Path] = field(default_factory=dict)  # source -> the file it was read from (not in the JSON)

    def to_json(self) -> dict:
        """The `ingest --json` contract."""
        return {"ingested": [i.to_json() for i in self.ingested], "unchanged": self.unchanged,
                "skipped": [s.to_json() for s in self.skipped], "removed": self.removed,
                "documents": self.documents, "chunks": self.chunks}


@dataclass
class UploadedFile:
    """A file uploaded through the app and what became of it; `name` is the name it was uploaded
    under, `source` the name the index knows it by."""

    name: str
    source: str
    pages: int | None = None  # ingested ones
    chunks: int | None = None
    same_as: str | None = None
    reason: str | None = None  # skipped ones: why it was not added


@dataclass
class UploadReport:
    ingested: list[UploadedFile] = field(default_factory=list)
    unchanged: list[UploadedFile] = field(default_factory=list)
    skipped: list[UploadedFile] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.ingested or self.unchanged)
