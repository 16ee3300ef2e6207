"""Issue 8's evals on our own gold data (evals/clerk.jsonl): latest position first, topic timelines.

Gold dates were found by searching the papers' text for each topic, section by section.
"""
from __future__ import annotations

import json
from pathlib import Path

from assistant.timeline import timeline

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
