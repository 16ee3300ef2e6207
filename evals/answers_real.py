"""Answers on the real papers' two gold question files, each scored alone and together.

`python -m evals.answers_real --index index-real` asks every question of gold/questions.jsonl and
gold/questions-more.jsonl against a built real index (evals/real.py builds it) and prints, per
set: key facts right, cited page holds the gold evidence, unanswerable declined, answerable
declined, quotes not verbatim on their cited page (a scan's page: against the text OCR read at
ingest, which is what the answer quoted), median answer words, and each question that missed.
`--rules` also prints what each decline rule does on the set (evals/decline_rules.py); `--questions FILE`
scores another question file of the same form as a set of its own (`--sets ""` for it alone).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

from .answers import facts_present, norm, pdf_pages
from .real import DEFAULT_INDEX, REAL

SETS = {"dev": "questions.jsonl", "more": "questions-more.jsonl"}


def load(corpus: Path, name: str | Path) -> list[dict]:
    """A gold question file: a name under the corpus's gold/ folder, or a path to one of the same form."""
    path = name if isinstance(name, Path) else corpus / "gold" / name
    if not path.exists():
        return []
    return [{**q, "question": q["q"], "answerable": q["source"] is not None}
            for q in map(json.loads, filter(str.strip, path.read_text().splitlines()))]


def page_text(store, corpus: Path, source: str, page: int, ocr: bool) -> str:
    """The cited page as a person reads it: the PDF's text, or for a scan OCR's reading at ingest."""
    if not ocr:
        pages = pdf_pages(source, corpus)
        return pages[page - 1] if 1 <= page <= len(pages) else ""
    doc = store.document_for_source(source)
    return norm(store.page_text(doc, page) or "") if doc else ""


def evidence_cited(q: dict, citations, store, corpus: Path) -> bool:
    """A cited page is the gold page, or holds the gold evidence (another copy of the paper)."""
    if not q.get("evidence"):
        return False
    want = norm(q["evidence"]).lower()
    return any((c.source, c.page) == (q["source"], q["page"])
               or want in page_text(store, corpus, c.source, c.page, c.ocr).lower() for c in citations)


def score(assistant, questions: list[dict], corpus: Path) -> dict:
    store = assistant.searcher.reader.store
    rows, words, not_verbatim, citations = [], [], [], 0
    for q in questions:
        ans = assistant.ask(q["question"])
        row = {"id": q["id"], "q": q["question"], "answerable": q["answerable"], "declined": ans.abstained,
               "answer": norm(ans.text), "cited": [f"{c.source} p{c.page}" for c in ans.citations]}
        if q["answerable"]:
            words.append(len(ans.text.split()))
            row["words"] = words[-1]
            row["facts"] = facts_present(q, ans.text)
            row["evidence"] = evidence_cited(q, ans.citations, store, corpus)
        for c in ans.citations:
            citations += 1
            if norm(c.quote) not in page_text(store, corpus, c.source, c.page, c.ocr):
                not_verbatim.append(f"{q['id']} [{c.n}] {c.source} p{c.page}{' (OCR)' if c.ocr else ''}: {c.quote[:80]!r}")
        rows.append(row)
    ans_rows = [r for r in rows if r["answerable"]]
    un_rows = [r for r in rows if not r["answerable"]]
    n = len(ans_rows) or 1
    return {
        "n": len(ans_rows), "n_unanswerable": len(un_rows),
        "key_facts": sum(r["facts"] for r in ans_rows) / n,
        "evidence_cited": sum(r["evidence"] for r in ans_rows) / n,
        "declined_unanswerable": sum(r["declined"] for r in un_rows),
        "declined_answerable": sum(r["declined"] for r in ans_rows),
        "citations": citations, "not_verbatim": not_verbatim,
        "median_words": statistics.median(words) if words else 0,
        "questions": rows,
    }


def misses(row: dict) -> list[str]:
    if not row["answerable"]:
        return [] if row["declined"] else ["not declined"]
    return [w for w, bad in (("declined", row["declined"]), ("facts", not row["facts"]),
                             ("evidence", not row["evidence"])) if bad]


def report(name: str, s: dict) -> None:
    print(f"\n{name}: {s['n']} answerable, {s['n_unanswerable']} unanswerable")
    print(f"  key facts right            {s['key_facts']:.3f}")
    print(f"  cited page holds evidence  {s['evidence_cited']:.3f}")
    print(f"  unanswerable declined      {s['declined_unanswerable']}/{s['n_unanswerable']}")
    print(f"  answerable declined        {s['declined_answerable']}/{s['n']}")
    print(f"  quotes not verbatim        {len(s['not_verbatim'])} of {s['citations']}")
    for b in s["not_verbatim"]:
        print(f"    {b}")
    print(f"  median answer words        {s['median_words']}")
    for r in s["questions"]:
        if misses(r):
            print(f"  {r['id']} [{', '.join(misses(r))}] {r['q']}\n      -> {r['answer'][:200]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REAL)
    parser.add_argument("--index", type=Path, default=DEFAULT_INDEX)
    parser.add_argument("--sets", default="dev,more", help="which gold files: dev, more or both (default)")
    parser.add_argument("--questions", type=Path, action="append", default=[],
                        help="another question file of the gold files' form, scored as its own set (repeatable)")
    parser.add_argument("--out", type=Path, help="results JSON")
    args = parser.parse_args(argv)
    from minutebook.assistant.answering import Assistant
    from minutebook.ingest.settings import Settings

    if not (args.index / "current").exists():
        print(f"answers_real: no built index at {args.index} (python -m evals.real builds it)", file=sys.stderr)
        return 2
    if not (args.corpus / "gold").exists():
        print(f"answers_real: no gold questions under {args.corpus} (set MINUTEBOOK_REAL_CORPUS or --corpus)",
              file=sys.stderr)
        return 2
    assistant = Assistant(Settings.from_env(index=str(args.index)))
    results = {}
    named = [(name, SETS[name], f"gold/{SETS[name]}") for name in filter(None, args.sets.split(","))]
    for name, source, label in named + [(p.stem, p, str(p)) for p in args.questions]:
        questions = load(args.corpus, source)
        if questions:
            results[name] = score(assistant, questions, args.corpus)
            report(label, results[name])
    both = [r for s in results.values() for r in s["questions"]]
    answerable = [r for r in both if r["answerable"]]
    if len(results) > 1 and answerable:
        print(f"\nboth: key facts {sum(r['facts'] for r in answerable) / len(answerable):.3f}, evidence cited "
              f"{sum(r['evidence'] for r in answerable) / len(answerable):.3f}, median words "
              f"{statistics.median(r['words'] for r in answerable)}")
    if args.out:
        args.out.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
