"""Whether a search found anything at all: a passage that shares a word with the query, or one
close to it in meaning; and when none does, the papers nearest to it instead.

A hybrid search always returns its k best passages, even for "zebra crossing helicopter": ranked
by nothing, they look like results. Pure functions: the service runs the searches and passes the
hits in.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from minutebook.assistant.highlight import query_terms, spans
from minutebook.ingest.types import Hit

# Cosine similarity at or above which a passage is about the query in meaning: the fusion's own
# floor (Settings.dense_floor), below which search already counts a passage as not about it.
NO_MATCH = "No passage matches these words or their meaning."


@dataclass
class NearPaper:
    """A paper nearest the query by meaning, named by its title (what search shows instead of hits)."""
    title: str
    source: str
    page: int
    board: str | None = None
    meeting_date: str | None = None


@dataclass
class SearchResult:
    """A search's hits, or, when nothing matches (`matched` False), no hits and the nearest papers."""
    query: str
    matched: bool
    hits: list[Hit] = field(default_factory=list)
    nearest: list[NearPaper] = field(default_factory=list)
    why: str = ""  # "words", "meaning", or NO_MATCH's reason

    def to_json(self) -> dict:
        return {"query": self.query, "matched": self.matched, "why": self.why,
                "hits": [h.to_json() for h in self.hits], "nearest": [asdict(p) for p in self.nearest]}


def shares_a_word(query: str, hit: Hit) -> bool:
    """The passage (its text, its heading or the names it refers back to) holds a word of the query."""
    terms = query_terms(query)
    c = hit.chunk
    return bool(terms) and any(spans(text, terms) for text in (c.text, c.title, c.refers) if text)


def judge(query: str, hits: list[Hit], by_meaning: list[Hit], floor: float, papers: int = 5) -> SearchResult:
    """`hits`: the hybrid search's; `by_meaning`: the dense search's, scored by cosine similarity."""
    if any(shares_a_word(query, h) for h in hits):
        return SearchResult(query, True, hits, why="words")
    if by_meaning and by_meaning[0].score >= floor:
        return SearchResult(query, True, hits, why="meaning")
    nearest, seen = [], set()
    for h in by_meaning or hits:
        if h.chunk.document_id in seen:
            continue
        seen.add(h.chunk.document_id)
        nearest.append(NearPaper(title=_paper_title(h), source=h.source,
                                 page=h.chunk.page, board=h.chunk.board, meeting_date=h.chunk.meeting_date))
        if len(nearest) >= papers:
            break
    return SearchResult(query, False, [], nearest, why=NO_MATCH)


def _paper_title(hit: Hit) -> str:
    """The paper's name as a reader knows it: its file name without the extension."""
    name = hit.source.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name else name
