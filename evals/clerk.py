"""Issue 8's evals on our own gold data (evals/clerk.jsonl): latest position first, topic timelines,
and the follow-up status of minuted actions with the page that shows them done.

Gold dates were found by searching the papers' text for each topic, section by section.
"""
from __future__ import annotations

import json
from pathlib import Path

from minutebook.assistant.timeline import timeline

GOLD = Path(__file__).resolve().parent / "clerk.jsonl"


def load_gold(path: Path = GOLD) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def latest_scores(assistant, gold: list[dict]) -> dict:
    """Share of 'latest position' answers that lead with the newest paper and keep newest-first order."""
    items = [g for g in gold if g["kind"] == "latest"]
    ok = 0
    for g in items:
        dates = [c.meeting_date for c in assistant.ask(g["question"]).citations]
        ok += bool(dates) and dates[0] == g["newest"] and dates == sorted(dates, reverse=True)
    return {"n": len(items), "newest_first": ok / (len(items) or 1)}


def timeline_scores(searcher, gold: list[dict]) -> dict:
    """Recall of the gold meeting dates, precision of the events' dates, and oldest-first order."""
    items = [g for g in gold if g["kind"] == "timeline"]
    recall = precision = ordered = 0.0
    for g in items:
        dates = [e.meeting_date for e in timeline(searcher, g["topic"])]
        recall += len(set(dates) & set(g["dates"])) / len(g["dates"])
        precision += sum(d in g["dates"] for d in dates) / (len(dates) or 1)
        ordered += dates == sorted(dates)
    n = len(items) or 1
    return {"n": len(items), "date_recall": recall / n, "date_precision": precision / n, "oldest_first": ordered / n}


def action_scores(store, gold: list[dict]) -> dict:
    """Share of gold actions with the right status, and with evidence on an accepted page."""
    from minutebook.assistant.register.actions import follow_up

    items = [g for g in gold if g["kind"] == "action"]
    found = {(a.meeting_date, a.item, a.label): a for a in follow_up(store) if a.origin == "minutes"}
    status_ok = evidence_ok = 0
    for g in items:
        a = found.get((g["meeting_date"], g["item"], g["label"]))
        if a and a.status == g["status"]:
            status_ok += 1
            ev = a.evidence or {}
            evidence_ok += ev.get("source") == g["source"] and ev.get("page") in g["pages"]
    n = len(items) or 1
    return {"n": len(items), "status": status_ok / n, "evidence": evidence_ok / n}
