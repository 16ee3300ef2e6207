"""The resolutions register: meetings, attendance and every minuted decision, stored beside the chunks.

Filled at ingest from each minutes section (ingest/register/tables.py), read here by `find`; the SQL is
the store's (ingest/register/queries.py). Rows link to their document, section and page; the source
file comes from the `files` table at read time, so a renamed or second copy of a file needs no rewrite.
"""
from __future__ import annotations

import json
import math
from datetime import date

from minutebook.ingest.errors import BadInput
from minutebook.ingest.filters import Filters
from minutebook.ingest.papers.house_style import OUTCOMES
from minutebook.ingest.register.minutes import parse_minutes
from minutebook.ingest.register.tables import resolution_row
from minutebook.ingest.storage.store import Store
from minutebook.ingest.types import PART_KINDS, Page

from minutebook.assistant import extractive as ex
from minutebook.assistant.results import RegisterEntry


def entries_for_pages(pages: list[Page], board: str | None, meeting_date: str | None, source: str) -> list[RegisterEntry]:
    """Register entries for one minutes section, read straight from its pages (no index)."""
    meeting, resolutions = parse_minutes(pages, board, meeting_date)
    rows = [resolution_row(r, meeting.board or board, meeting.date or meeting_date, source) for r in resolutions]
    for n, r in enumerate(resolutions):
        rows[n]["id"] = n
        rows[n]["amends"] = r.amends
    return [_entry(row) for row in rows]


# ---- reading ---------------------------------------------------------------------------------

# Fusing a resolution's best hybrid-search chunk with FTS over the decision's own title and text.
# Decisions are formulaic ("That the report be noted"), so FTS is the weaker, second signal: at
# equal weight a shared word like "safety" in a title outranked the minute the search put first.
# k=1, as chunk search used before it fused scores; checked by eye on a dozen topics.
_RRF_K = 1
_FTS_WEIGHT = 0.5


def find(store: Store, topic: str | None = None, board: str | None = None, since: str | None = None,
         until: str | None = None, kind: str | None = None, include_restricted: bool = False,
         searcher=None, outcome: str | None = None, moved_by: str | None = None,
         only_found: bool = False) -> list[RegisterEntry]:
    """Register entries passing the filters: newest meeting first, or by relevance to `topic`.

    `searcher` is anything with `search(query, k=, filters=)` returning hits (assistant.search.Searcher);
    it is required with a topic, so the register ranks with the same hybrid retrieval as search.
    `only_found` leaves out the decisions whose minute does not name the topic (a listing by topic);
    without it every decision comes back, ranked (an answer picks from them by its own rules).
    """
    _validate(since, until, kind, outcome)
    filters = Filters(board=board, since=since, until=until, include_restricted=include_restricted)
    rows = {r["id"]: r for r in store.resolution_rows(filters, kind, outcome, moved_by)}
    if not topic:
        return [_entry(r) for r in rows.values()]
    if searcher is None:
        raise ValueError("ranking by topic needs a searcher (the hybrid index)")
    scores: dict[int, float] = {}
    signals = ((_chunk_ranking(searcher, topic, filters, rows), 1.0),
               (store.resolution_matches(topic, filters, kind, outcome, moved_by), _FTS_WEIGHT))
    for ranking, weight in signals:
        for rank, rid in enumerate(ranking, start=1):
            scores[rid] = scores.get(rid, 0.0) + weight / (_RRF_K + rank)
    # Ties (rare) fall back to the register's own order: newest meeting, then minute order.
    order = {rid: n for n, rid in enumerate(rows)}
    ranked = sorted((rid for rid in scores if rid in rows), key=lambda rid: (-scores[rid], order[rid]))
    if only_found:
        words = ex.content_words(topic, store.setting_words()) or ex.tokens(topic)
        ranked = [rid for rid in ranked if _names_topic(store, rows[rid], words, include_restricted)]
    return [_entry(rows[rid]) for rid in ranked]


def _names_topic(store: Store, row: dict, words: list[str], include_restricted: bool) -> bool:
    """Whether the decision's minute (its title, its wording, the item's passages) names at least two
    thirds of the topic's words. Search ranks every minute by meaning, so without this a topic no
    decision is about still listed them all; a paraphrase ("free course for motorcyclists" of a
    minute on a "free course" for "riders") keeps its minute."""
    texts = [row["title"] or "", row["text"] or ""]
    if row["item"]:
        texts += [c.text for c, _ in store.item_chunks(row["document_id"], row["item"], include_restricted)]
    have = set(ex.tokens(" ".join(texts)))
    return sum(w in have for w in words) >= math.ceil(2 * len(words) / 3)


def for_item(store: Store, document_id: str, item: str | None, include_restricted: bool = True) -> list[RegisterEntry]:
    """The entries of one minute, in the order printed (amendments, then the decision they amend);
    without `include_restricted`, those printed on a restricted page are left out."""
    if not item:
        return []
    return [_entry(r) for r in store.item_resolution_rows(document_id, item, include_restricted)]


def final_step(entries: list[RegisterEntry]) -> RegisterEntry | None:
    """The entry that settles a minute: its last decision or motion, else its last amendment."""
    settled = [e for e in entries if e.entry != "amendment"] or entries
    return settled[-1] if settled else None


def _validate(since, until, kind, outcome=None) -> None:
    if outcome and outcome not in OUTCOMES:
        raise BadInput(f"--outcome '{outcome}' is not an outcome (choose from {', '.join(OUTCOMES)})")
    for name, value in (("since", since), ("until", until)):
        if value:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise BadInput(f"--{name} '{value}' is not a date; use YYYY-MM-DD") from None
    if kind and kind not in PART_KINDS:
        raise BadInput(f"--kind '{kind}' is not a decision kind (choose from {', '.join(PART_KINDS)})")


def _chunk_ranking(searcher, topic: str, filters: Filters, rows: dict[int, dict]) -> list[int]:
    """Resolutions in the order hybrid search first hits a chunk of their minute item."""
    hits = searcher.search(topic, k=50, filters=Filters(doc_type="minutes", board=filters.board, since=filters.since,
                                                        until=filters.until,
                                                        include_restricted=filters.include_restricted))
    by_item: dict[tuple[str, str], list[int]] = {}
    for rid, r in rows.items():
        by_item.setdefault((r["document_id"], r["item"]), []).append(rid)
    ranking: list[int] = []
    for hit in hits:
        for rid in by_item.get((hit.chunk.document_id, hit.chunk.item), []):
            if rid not in ranking:
                ranking.append(rid)
    return ranking


def _entry(r: dict) -> RegisterEntry:
    """One register entry from its row (docs/resolutions.md)."""
    return RegisterEntry(board=r["board"], meeting_date=r["meeting_date"], item=r["item"], title=r["title"],
                         text=r["text"], parts=json.loads(r["parts"] or "[]"), source=r["source"], page=r["page"],
                         form=r["form"], document_title=r["document_title"], id=r.get("id"),
                         entry=r.get("entry") or "decision", outcome=r.get("outcome"),
                         outcome_text=r.get("outcome_text"), mover=r.get("mover"), seconder=r.get("seconder"),
                         votes=json.loads(r["votes"]) if r.get("votes") else None, amends=r.get("amends"))


def vote_line(votes: dict | None) -> str:
    """A vote in words: "For 12, Against 42, Abstain 7", or "unanimous"."""
    if not votes:
        return ""
    counts = [f"{k.capitalize()} {votes[k]}" for k in ("for", "against", "abstain") if votes.get(k) is not None]
    if votes.get("unanimous"):
        counts = counts + ["unanimous"] if counts else ["unanimous"]
    return ", ".join(counts)


def outcome_words(entry: RegisterEntry) -> str:
    """"amendment lost", "motion carried", or a decision's plain outcome ("noted")."""
    return " ".join(x for x in ((entry.entry if entry.entry != "decision" else ""), entry.outcome or "") if x)


def step_facts(entry: RegisterEntry) -> str:
    """Outcome, vote and movers of an entry in one line: "amendment lost (For 12, Against 42); moved by ..."."""
    what = outcome_words(entry)
    votes = vote_line(entry.votes)
    out = f"{what} ({votes})" if what and votes else what or votes
    if entry.mover:
        out += f"; moved by {entry.mover}" + (f", seconded by {entry.seconder}" if entry.seconder else "")
    elif entry.seconder:
        out += f"; seconded by {entry.seconder}"
    return out.strip("; ")


CSV_COLUMNS = ("meeting_date", "board", "item", "title", "text", "kinds", "source", "page",
               "entry", "outcome", "mover", "seconder", "votes_for", "votes_against", "votes_abstain", "unanimous")


def csv_row(entry: RegisterEntry) -> list:
    """A spreadsheet row for one decision; `kinds` lists its parts' kinds once each."""
    kinds = "; ".join(dict.fromkeys(p["kind"] for p in entry.parts))
    votes = entry.votes or {}
    return [entry.meeting_date, entry.board, entry.item, entry.title, entry.text, kinds, entry.source, entry.page,
            entry.entry, entry.outcome, entry.mover, entry.seconder, votes.get("for"), votes.get("against"),
            votes.get("abstain"), "yes" if votes.get("unanimous") else ""]
