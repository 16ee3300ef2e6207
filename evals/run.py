"""`make eval`: retrieval and answer quality on the question set.

Retrieval: a hit is relevant when it is on the gold page (or an `alt` page) of the gold source;
recall@1, recall@5 and MRR per method and split, side by side. Answers (extractive): key-fact
accuracy, citation validity (each quote found by pypdf on its cited page) and abstention on the
questions the papers cannot answer.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from minutebook.assistant.search import MODES, Searcher
from minutebook.ingest.filters import Filters
from minutebook.ingest.settings import Settings

QUESTIONS = Path(__file__).resolve().parent / "questions.jsonl"


def load_questions(path: Path = QUESTIONS) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def gold_pages(q: dict) -> set[tuple[str, int]]:
    gold = {(q["source"], q["page"])}
    gold |= {(a["source"], a["page"]) for a in q.get("alt", [])}
    return gold


def first_relevant_rank(hits, gold: set[tuple[str, int]]) -> int | None:
    for rank, hit in enumerate(hits, start=1):
        if (Path(hit.source).name, hit.chunk.page) in gold:
            return rank
    return None


def first_copy_rank(hits, gold: set[tuple[str, int]]) -> int | None:
    """Rank of the first hit on a gold page by its path, counting every file that holds the hit's
    text (an archive files the same paper in several packs)."""
    for rank, hit in enumerate(hits, start=1):
        copies = {(s.source, s.page) for s in hit.sources} | {(hit.source, hit.chunk.page)}
        if copies & gold:
            return rank
    return None


def retrieval_scores(searcher: Searcher, questions: list[dict], mode: str, k: int = 5,
                     rank_of=first_relevant_rank) -> dict:
    """recall@1, recall@5 and MRR (over the top k) for one search mode."""
    answerable = [q for q in questions if q["answerable"]]
    all_hits = searcher.search_batch([q["question"] for q in answerable], k=k,
                                     filters=Filters(), mode=mode)
    ranks = [rank_of(hits, gold_pages(q)) for q, hits in zip(answerable, all_hits)]
    n = len(ranks) or 1
    return {
        "n": len(ranks),
        "recall@1": sum(1 for r in ranks if r == 1) / n,
        "recall@5": sum(1 for r in ranks if r and r <= 5) / n,
        "mrr": sum(1 / r for r in ranks if r) / n,
        "misses": [q["id"] for q, r in zip(answerable, ranks) if not r],
        "ranks": {q["id"]: r for q, r in zip(answerable, ranks)},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score minutebook's retrieval on evals/questions.jsonl")
    parser.add_argument("--index", help="index folder (default index/)")
    parser.add_argument("--split", choices=["dev", "test", "all"], default="all")
    parser.add_argument("--json", action="store_true", help="print the retrieval scores as JSON")
    parser.add_argument("--no-answers", action="store_true", help="score retrieval only (faster)")
    args = parser.parse_args(argv)
    settings = Settings.from_env(index=args.index)
    searcher = Searcher(settings)
    questions = load_questions()
    splits = ["dev", "test", "all"] if args.split == "all" else [args.split]
    table = {}
    for split in splits:
        qs = questions if split == "all" else [q for q in questions if q["split"] == split]
        for mode in MODES:
            table[(split, mode)] = retrieval_scores(searcher, qs, mode)
    if args.json:
        print(json.dumps({f"{s}/{m}": v for (s, m), v in table.items()}, indent=2))
        return 0
    print(f"{'split':<6} {'method':<8} {'n':>4} {'recall@1':>9} {'recall@5':>9} {'MRR':>6}")
    for (split, mode), s in table.items():
        print(f"{split:<6} {mode:<8} {s['n']:>4} {s['recall@1']:>9.3f} {s['recall@5']:>9.3f} {s['mrr']:>6.3f}")
    misses = table[(splits[-1], "hybrid")]["misses"]
    print(f"hybrid misses in top 5 ({splits[-1]}): {', '.join(misses) or 'none'}")
    if not args.no_answers:
        print_answer_table(searcher, settings, questions, splits)
    return 0


def print_answer_table(searcher, settings, questions, splits) -> None:
    from minutebook.assistant.answering import Assistant

    from .answers import answer_scores

    assistant = Assistant(settings, searcher=searcher)
    print()
    print(f"{'split':<6} {'answers':<8} {'n':>4} {'key facts':>9} {'citations ok':>12} {'abstained (unanswerable)':>25}"
          f" {'abstained (answerable)':>23} {'median words':>12}")
    for split in splits:
        qs = questions if split == "all" else [q for q in questions if q["split"] == split]
        s = answer_scores(assistant, qs)
        print(f"{split:<6} {'extract':<8} {s['n']:>4} {s['key_fact_accuracy']:>9.3f} {s['citation_validity']:>12.3f}"
              f" {s['abstained_unanswerable']:>19.3f} ({s['n_unanswerable']:>2}) {s['abstained_answerable']:>23.3f}"
              f" {s['median_answer_words']:>12.1f}")
    print(f"key-fact misses ({splits[-1]}): {', '.join(s['fact_misses']) or 'none'}")
    print(f"quotes crossing an item or list entry, or holding page furniture ({splits[-1]}): "
          f"{len(s['quote_bounds'])} of {s['citations']}" + "".join(f"\n  {b}" for b in s["quote_bounds"]))
    print_clerk_table(assistant, searcher)


def print_clerk_table(assistant, searcher) -> None:
    from .clerk import action_scores, latest_scores, load_gold, timeline_scores

    gold = load_gold()
    latest, tl = latest_scores(assistant, gold), timeline_scores(searcher, gold)
    print()
    print(f"{'clerk':<22} {'n':>3}  scores")
    print(f"{'latest position':<22} {latest['n']:>3}  newest first {latest['newest_first']:.3f}")
    print(f"{'timeline':<22} {tl['n']:>3}  date recall {tl['date_recall']:.3f}, date precision "
          f"{tl['date_precision']:.3f}, oldest first {tl['oldest_first']:.3f}")
    act = action_scores(searcher.reader.store, gold)
    print(f"{'action follow-up':<22} {act['n']:>3}  status right {act['status']:.3f}, evidence on a gold page "
          f"{act['evidence']:.3f}")


if __name__ == "__main__":
    raise SystemExit(main())
