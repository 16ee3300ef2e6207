"""The abstention score floor's margin on both question sets: `python -m evals.floor`.

The floor (assistant/extractive.should_abstain) declines when no sentence found shares enough of a
question's topic words (coverage) or, short of that, means enough the same (similarity). For every
question that reaches it (not answered from the attendance list, not declined first by a reason of
abstention.py), this prints the best coverage and similarity, and per set the worst answerable and
the best unanswerable question: the margin is the gap between their coverages, which the floor must
fall in. Questions the register or the attendance list answers, and those declined first by a reason
of abstention.py, never reach the floor and are listed apart. Dev questions of the sample (`evals/questions.jsonl`) and every question of the real
papers' gold (a development set), when `../shared/corpus/real` is there.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from minutebook.assistant.extractive import COVERAGE_FLOOR, COVERAGE_LOW_MEANING, SIMILARITY_FLOOR
from minutebook.ingest.settings import Settings

from .real import REAL



def floor_inputs(assistant, questions: list[dict]) -> list[dict]:
    """Per question: its id, whether answerable, and the best coverage and similarity the floor sees
    (None where the question never reaches the floor)."""
    out = []
    for q in questions:
        question = q["question"]
        row = {"id": q["id"], "answerable": q["answerable"], "coverage": None, "similarity": None}
        out.append(row)
        # What Assistant.ask answers before any sentence is scored never reaches the floor.
        request = assistant.request(question)
        if assistant.answer_from_register(request) is not None:
            continue
        retrieved = assistant._retrieve(request)
        if assistant.answer_from_attendance(retrieved) is None:
            cands = assistant.scored_candidates(retrieved)
            if cands:
                row.update(coverage=max(c.coverage for c in cands), similarity=max(c.similarity for c in cands))
    return out


def headroom(row: dict) -> float:
    """How far a question's coverage is from the floor on its side, by the floor's own rule: the
    coverage it needs is COVERAGE_FLOOR when its similarity reaches SIMILARITY_FLOOR, else
    COVERAGE_LOW_MEANING. Negative: wrongly judged."""
    needed = COVERAGE_FLOOR if row["similarity"] >= SIMILARITY_FLOOR else COVERAGE_LOW_MEANING
    return row["coverage"] - needed if row["answerable"] else needed - row["coverage"]


def margin(rows: list[dict]) -> dict:
    """The worst answerable and the best unanswerable question the floor judges, the gap between
    their coverages, and the question of each kind nearest the floor by its rule (headroom)."""
    judged = [r for r in rows if r["coverage"] is not None]
    answerable = [r for r in judged if r["answerable"]]
    unanswerable = [r for r in judged if not r["answerable"]]
    worst = min(answerable, key=lambda r: r["coverage"], default=None)
    best = max(unanswerable, key=lambda r: r["coverage"], default=None)
    return {"worst_answerable": worst, "best_unanswerable": best,
            "nearest_answerable": min(answerable, key=headroom, default=None),
            "nearest_unanswerable": min(unanswerable, key=headroom, default=None),
            "declined_before": [r["id"] for r in rows if not r["answerable"] and r["coverage"] is None],
            "answered_before": sum(1 for r in rows if r["answerable"] and r["coverage"] is None),
            "margin": worst["coverage"] - best["coverage"] if worst and best else None}


def _show(name: str, m: dict, n: int) -> None:
    def one(r):
        return f"{r['id']} {r['coverage']:.3f} / {r['similarity']:.3f}" if r else "none"

    print(f"{name:<14} {n:>4}  worst answerable {one(m['worst_answerable']):<22} best unanswerable "
          f"{one(m['best_unanswerable']):<22} margin {m['margin']:.3f}" if m["margin"] is not None else
          f"{name:<14} {n:>4}  worst answerable {one(m['worst_answerable'])}, no unanswerable question reaches the floor")
    near = [f"{r['id']} {headroom(r):+.3f}" for r in (m["nearest_answerable"], m["nearest_unanswerable"]) if r]
    print(f"{'':<20}headroom to the floor by its rule (answerable, unanswerable): {', '.join(near)}")
    print(f"{'':<20}not reaching the floor: unanswerable {', '.join(m['declined_before']) or 'none'} "
          f"(declined by a reason of abstention.py or the register), {m['answered_before']} answerable "
          f"(answered from the register or the attendance list)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The abstention floor's margin on the sample and the real gold")
    parser.add_argument("--index", help="sample index folder (default index/)")
    parser.add_argument("--real-index", default="index-real", help="index of the real papers (default index-real/)")
    parser.add_argument("--real", default=str(REAL), help="the real papers (default ../shared/corpus/real)")
    args = parser.parse_args(argv)
    from minutebook.assistant.answering import Assistant
    from minutebook.assistant.search import Searcher

    from .real import load_questions as real_questions
    from .run import load_questions

    print(f"score floor: declines below coverage {COVERAGE_FLOOR:.2f}, or below {COVERAGE_LOW_MEANING:.2f} with "
          f"similarity under {SIMILARITY_FLOOR:.2f} (coverage / similarity of the best sentence)")
    settings = Settings.from_env(index=args.index)
    rows = floor_inputs(Assistant(settings, searcher=Searcher(settings)), load_questions())
    dev = {q["id"] for q in load_questions() if q["split"] == "dev"}
    _show("sample (dev)", margin([r for r in rows if r["id"] in dev]), len(dev))
    _show("sample (all)", margin(rows), len(rows))
    real = Path(args.real)
    if not (real / "gold" / "questions.jsonl").exists() or not Path(args.real_index).exists():
        print(f"real papers: not scored ({real} or {args.real_index} is missing; make eval-real builds the index)")
        return 0
    settings = Settings.from_env(index=args.real_index)
    questions = real_questions(real)
    _show("real (all)", margin(floor_inputs(Assistant(settings, searcher=Searcher(settings)), questions)), len(questions))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
