"""Verify evals/questions.jsonl against the corpus PDFs.

For every answerable question the cited physical page (1-based, as a PDF
viewer shows it) is extracted with pypdf, all whitespace runs are collapsed to
a single space, and the check asserts that the ``evidence`` phrase and every
``facts`` string occur verbatim in that page's text. ``alt`` pages are checked
to exist. Unanswerable questions must have null source/page/evidence and no
facts. Schema, id uniqueness, kinds and splits are validated too.

Run from the repository root with either of:

    python -m evals.check_questions
    python evals/check_questions.py

Prints OK (plus a summary) and exits 0, or lists the failures and exits 1.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_QUESTIONS = ROOT / "evals" / "questions.jsonl"
DEFAULT_CORPUS = ROOT / "corpus"

KINDS = {"fact", "resolution", "numeric", "who", "definition"}
SPLITS = {"dev", "test"}
REQUIRED = ("id", "question", "source", "page", "evidence", "facts", "answerable", "split", "kind")
BAD_PAGE_MARKERS = ("This page is intentionally left blank", "Document is Restricted")
EVIDENCE_WORDS = (5, 15)

_WS = re.compile(r"\s+")


def normalise(text: str) -> str:
    return _WS.sub(" ", text or "").strip()


class Corpus:
    """Lazily extracted, whitespace-normalised page text per PDF."""

    def __init__(self, corpus_dir: Path):
        self.dir = corpus_dir
        self._pages: dict[str, list[str]] = {}

    def pages(self, name: str) -> list[str] | None:
        if name not in self._pages:
            path = self.dir / name
            if not path.is_file():
                return None
            reader = PdfReader(str(path))
            self._pages[name] = [normalise(p.extract_text()) for p in reader.pages]
        return self._pages[name]


def check_page_ref(corpus: Corpus, source, page, where: str, errors: list[str]) -> str | None:
    if not isinstance(source, str) or not source:
        errors.append(f"{where}: source must be a PDF file name")
        return None
    pages = corpus.pages(source)
    if pages is None:
        errors.append(f"{where}: source not found in corpus: {source!r}")
        return None
    if not isinstance(page, int) or isinstance(page, bool) or not 1 <= page <= len(pages):
        errors.append(f"{where}: page {page!r} out of range 1..{len(pages)} for {source!r}")
        return None
    return pages[page - 1]


def check(questions_path: Path, corpus_dir: Path) -> tuple[list[str], list[dict]]:
    errors: list[str] = []
    rows: list[dict] = []
    corpus = Corpus(corpus_dir)
    seen_ids: set[str] = set()
    seen_questions: set[str] = set()

    with open(questions_path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                q = json.loads(line)
            except json.JSONDecodeError as exc:
                errors.append(f"line {lineno}: invalid JSON: {exc}")
                continue
            rows.append(q)
            qid = q.get("id", f"line {lineno}")
            missing = [k for k in REQUIRED if k not in q]
            if missing:
                errors.append(f"{qid}: missing fields {missing}")
                continue
            if qid in seen_ids:
                errors.append(f"{qid}: duplicate id")
            seen_ids.add(qid)
            if not isinstance(q["question"], str) or not q["question"].strip():
                errors.append(f"{qid}: empty question")
            elif q["question"].strip().lower() in seen_questions:
                errors.append(f"{qid}: duplicate question text")
            else:
                seen_questions.add(q["question"].strip().lower())
            if q["kind"] not in KINDS:
                errors.append(f"{qid}: kind {q['kind']!r} not in {sorted(KINDS)}")
            if q["split"] not in SPLITS:
                errors.append(f"{qid}: split {q['split']!r} not in {sorted(SPLITS)}")
            if not isinstance(q["facts"], list) or not all(isinstance(f, str) and f for f in q["facts"]):
                errors.append(f"{qid}: facts must be a list of non-empty strings")
                continue

            if q["answerable"] is False:
                for k in ("source", "page", "evidence"):
                    if q[k] is not None:
                        errors.append(f"{qid}: unanswerable question must have {k} = null")
                if q["facts"]:
                    errors.append(f"{qid}: unanswerable question must have facts = []")
                if q.get("alt"):
                    errors.append(f"{qid}: unanswerable question must not have alt pages")
                continue
            if q["answerable"] is not True:
                errors.append(f"{qid}: answerable must be true or false")
                continue

            text = check_page_ref(corpus, q["source"], q["page"], qid, errors)
            if text is None:
                continue
            where = f"{qid} ({q['source']} p.{q['page']})"
            for marker in BAD_PAGE_MARKERS:
                if marker in text:
                    errors.append(f"{where}: cited page is a {marker!r} page")
            ev = q["evidence"]
            if not isinstance(ev, str) or not ev.strip():
                errors.append(f"{where}: evidence must be a non-empty string")
            else:
                ev_n = normalise(ev)
                n_words = len(ev_n.split(" "))
                lo, hi = EVIDENCE_WORDS
                if not lo <= n_words <= hi:
                    errors.append(f"{where}: evidence has {n_words} words (want {lo}-{hi})")
                if ev_n not in text:
                    errors.append(f"{where}: evidence not on page: {ev!r}")
            if not q["facts"]:
                errors.append(f"{where}: answerable question needs at least one fact")
            for fact in q["facts"]:
                if normalise(fact) not in text:
                    errors.append(f"{where}: fact not on page: {fact!r}")
            for j, alt in enumerate(q.get("alt") or []):
                if not isinstance(alt, dict):
                    errors.append(f"{qid}: alt[{j}] must be an object")
                    continue
                check_page_ref(corpus, alt.get("source"), alt.get("page"), f"{qid} alt[{j}]", errors)
                if (alt.get("source"), alt.get("page")) == (q["source"], q["page"]):
                    errors.append(f"{qid}: alt[{j}] repeats the main page")
    return errors, rows


def summary(rows: list[dict]) -> str:
    ans = [r for r in rows if r.get("answerable") is True]
    una = [r for r in rows if r.get("answerable") is False]
    lines = [f"{len(rows)} questions: {len(ans)} answerable, {len(una)} unanswerable"]
    lines.append("by split (answerable/unanswerable): " + ", ".join(
        f"{s}={sum(r.get('split') == s for r in ans)}/{sum(r.get('split') == s for r in una)}" for s in sorted(SPLITS)))
    lines.append("by kind (answerable): " + ", ".join(
        f"{k}={v}" for k, v in sorted(Counter(r.get("kind") for r in ans).items())))
    lines.append("by source (answerable):")
    for src, v in sorted(Counter(r.get("source") for r in ans).items()):
        lines.append(f"  {v:3d}  {src}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("-q", "--quiet", action="store_true", help="do not print the summary")
    args = ap.parse_args(argv)

    errors, rows = check(args.questions, args.corpus)
    if errors:
        print(f"FAILED: {len(errors)} problem(s) in {args.questions}")
        for e in errors:
            print("  - " + e)
        return 1
    if not args.quiet:
        print(summary(rows))
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
