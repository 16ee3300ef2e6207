"""Plain data for the web app's pages: which answerers exist, and the register shaped as a table.

Pure functions, so the app only renders what they return.
"""
from __future__ import annotations

import csv
import io
import re

from minutebook.ingest.settings import Settings

from minutebook.assistant.register import entries as register
from minutebook.assistant.results import RegisterEntry

EXTRACTIVE = "extractive"
SORTS = ("newest first", "oldest first", "board", "minute number")
RELEVANCE = "most relevant"


def answerers(settings: Settings) -> list[str]:
    """The extractive answerer first, then each language model configured (MINUTEBOOK_LLM)."""
    specs = [s.strip() for s in settings.llm.split(",") if s.strip()]
    return [EXTRACTIVE, *dict.fromkeys(specs)]


def register_counts(entries: list[RegisterEntry]) -> dict:
    """How many decisions are listed, and how many of their parts ask someone to do something."""
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
    """A one-line name for a decision: date, minute number and title."""
    when = entry.meeting_date or "undated"
    return f"{when} · minute {entry.item} · {entry.title or '(untitled)'}"


def _desc(iso: str | None) -> str:
    """A key that sorts ISO dates newest first, undated last."""
    if not iso:
        return "~"
    return "".join(chr(ord("9") - int(c) + ord("0")) if c.isdigit() else c for c in iso)


def _item_key(item: str | None) -> tuple:
    """'CSP/04/25' and '12/25' sort by their parts, numbers as numbers."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.findall(r"\d+|[A-Za-z]+", item or ""))
