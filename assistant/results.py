"""What the read side returns: typed results, each with the one `to_json()` the CLI's JSON and the
app render from (the contracts are in the README; add fields, never rename or remove one).

Search hits, answers and citations are ingest/types.py's (`Hit`, `Answer`, `Citation`); a
timeline event and a lineage step are in assistant/timeline.py and lineage.py.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path


class _ByKey:
    """Also read by key (`entry["title"]`, `entry.get("votes")`), as the dicts these replaced were:
    code on other branches written against the dicts keeps working while it is moved to attributes."""

    def __getitem__(self, key: str):
        try:
            return getattr(self, key)
        except AttributeError:
            raise KeyError(key) from None

    def get(self, key: str, default=None):
        return getattr(self, key, default)


@dataclass
class RegisterEntry(_ByKey):
    """One minuted decision, motion or amendment (README, Resolutions register)."""

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
class FollowUp(_ByKey):
    """An action the minutes or an action log asked for, and whether a later paper shows it done
    (README, Actions)."""

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

    def to_json(self) -> dict:
        return {"source": self.source, "page": self.page, "board": self.board, "meeting_date": self.meeting_date,
                "document_title": self.document_title, "pages": self.pages, "text": self.text,
                "restricted": self.page in self.restricted_pages}
