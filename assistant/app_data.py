"""Plain data for the web app's pages: which answerers exist, and the register shaped as a table.

Pure functions, so the app only renders what they return.
"""
from __future__ import annotations

import csv
import io
import re

from minutebook.ingest.settings import Settings

from minutebook.assistant.register import entries as register
from minutebook.assistant.results import FollowUp, RegisterEntry
from minutebook.ingest.dates import human_date
from minutebook.ingest.text import terms as content_terms

EXTRACTIVE = "extractive"
SORTS = ("newest first", "oldest first", "board", "minute number")
RELEVANCE = "most relevant"


def answerers(settings: Settings) -> list[str]:
    """The extractive answerer first, then each language model configured (MINUTEBOOK_LLM)."""
    specs = [s.strip() for s in settings.llm.split(",") if s.strip()]
    return [EXTRACTIVE, *dict.fromkeys(specs)]


def register_counts(entries: list[RegisterEntry]) -> dict:
    """How many decisions are listed, and how many of their parts ask someone to do something
    (`resolutions`' count; the Resolutions page counts the actions it lists, action logs' too)."""
    actions = sum(1 for e in entries for p in e.parts or [] if p.get("kind") == "action")
    return {"decisions": len(entries), "actions": actions}


def sort_register(entries: list[RegisterEntry], order: str) -> list[RegisterEntry]:
    """Entries in the chosen order; `find` already gives newest first (or most relevant with a topic)."""
    if order in (RELEVANCE, "newest first") or order not in SORTS:
        return list(entries)
    if order == "oldest first":
        dated = [e for e in entries if e.meeting_date]
        return sorted(dated, key=lambda e: e.meeting_date) + [e for e in entries if not e.meeting_date]
    if order == "board":
        return sorted(entries, key=lambda e: ((e.board or "").lower(), _desc(e.meeting_date)))
    return sorted(entries, key=lambda e: (_desc(e.meeting_date), _item_key(e.item)))


def register_table(entries: list[RegisterEntry]) -> list[dict]:
    """One row per decision with the columns the app shows (text values, ready for a table)."""
    rows = []
    for e in entries:
        actions = [p for p in e.parts or [] if p.get("kind") == "action"]
        rows.append({
            "meeting": e.meeting_date or "",
            "board": e.board or "",
            "minute": e.item or "",
            "title": e.title or "",
            "decision": e.text or "",
            "kinds": ", ".join(dict.fromkeys(p["kind"] for p in e.parts or [])),
            "outcome": register.outcome_words(e),
            "votes": register.vote_line(e.votes),
            "moved": " / ".join(x for x in (e.mover, e.seconder) if x),
            "actions": len(actions),
            "source": e.source or "",
            "page": e.page,
        })
    return rows


def register_csv(entries: list[RegisterEntry]) -> str:
    """The CSV of the `resolutions --csv` command, for exactly these entries in this order."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(register.CSV_COLUMNS)
    writer.writerows(register.csv_row(e) for e in entries)
    return out.getvalue()


def entry_label(entry: RegisterEntry) -> str:
    """A one-line name for a decision: date (as every date in the app reads), minute number and title."""
    when = human_date(entry.meeting_date) or "undated"
    minute = f" · minute {entry.item}" if entry.item else ""
    return f"{when}{minute} · {entry.title or '(untitled)'}"


def register_actions(actions: list[FollowUp], entries: list[RegisterEntry], since: str | None = None,
                     until: str | None = None, narrowed: bool = False, topic: str | None = None) -> list[FollowUp]:
    """The actions under the same filters as the decisions listed above them: in the date range,
    and, when the decisions are narrowed (topic, kind, outcome, mover), only the actions of the
    decisions listed, or an action log's rows that name the topic's words."""
    listed = {(e.source, e.meeting_date, e.item) for e in entries}
    terms = set(content_terms(topic or ""))
    out = []
    for a in actions:
        if (since and (a.meeting_date or "") < since) or (until and (a.meeting_date or "9999") > until):
            continue
        if narrowed:
            mine = (a.source, a.meeting_date, a.item) in listed
            named = bool(terms) and a.origin != "minutes" and terms <= set(content_terms(a.text))
            if not (mine or named):
                continue
        out.append(a)
    return out


def action_counts(actions: list[FollowUp]) -> dict:
    """How many actions are listed, shown done by a later paper, and pending or unknown."""
    done = sum(1 for a in actions if a.status == "done")
    return {"actions": len(actions), "done": done, "open": len(actions) - done}


def _desc(iso: str | None) -> str:
    """A key that sorts ISO dates newest first, undated last."""
    if not iso:
        return "~"
    return "".join(chr(ord("9") - int(c) + ord("0")) if c.isdigit() else c for c in iso)


def _item_key(item: str | None) -> tuple:
    """'CSP/04/25' and '12/25' sort by their parts, numbers as numbers."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.findall(r"\d+|[A-Za-z]+", item or ""))
