"""`make eval-real`: minutebook on real papers of other bodies (../shared/corpus/real).

Ingests the corpus into its own index (index-real/ by default; unchanged papers cost a hash, and a
change to the reading code rebuilds it with the embedding cache kept) and prints, per file and in
total:
- meeting facts against SOURCES.md: meeting date, document type, body (for minutes and agendas,
  the acceptance line), organisation, and titles that are a URL or a print header;
- retrieval on the answerable gold questions (gold/questions.jsonl): hit@1, hit@5 and MRR@5 for
  hybrid search and BM25 alone, a hit being the gold source and page (any file holding the hit's
  text counts, as the archive files one paper in several packs);
- answers: key facts (`must` groups), abstention on the unanswerable, citation validity and the
  median answer length in words;
- decisions against gold/decisions.jsonl (evals/decisions_real.py).
Results also go to a JSON file (--out, default <index>/eval-real.json).
`--metadata-only` reads the papers without embedding them: seconds, for iterating on meeting facts.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = Path(os.environ.get("MINUTEBOOK_REAL_CORPUS", ROOT.parent / "shared" / "corpus" / "real"))
DEFAULT_INDEX = ROOT / "index-real"
STAMP = "eval-real.code"

# SOURCES.md's type words -> the document types minutebook may answer for them.
EXPECTED_TYPES = {
    "minutes": {"minutes"},
    "agenda": {"agenda"},
    "report": {"report"},
    "report appendix": {"appendix"},
    "impact assessment": {"appendix", "report"},  # filed as a report's annex, titled as its own form
    "proposed record of decision": {"decision"},
    "budget amendment": {"amendment"},
    "questions and answers": {"questions"},
    # A public pack is a covering letter and the papers it sends: typed by what it sends.
    "public pack (combined papers)": {"agenda", "decision", "questions", "amendment", "report"},
}
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_GENERIC = {"the", "of", "and", "&", "full", "regular", "special", "meeting", "city", "town", "township", "county",
            "council", "village", "district", "borough", "department", "uk", "ca", "oh", "ontario", "canada"}


# ---- gold ------------------------------------------------------------------------------------
def load_sources(corpus: Path) -> list[dict]:
    """SOURCES.md's table rows: file, organisation, body, type, date."""
    rows = []
    for line in (corpus / "SOURCES.md").read_text().splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 9 or not cells[0].endswith(".pdf"):
            continue
        org, _, body = cells[4].partition(" - ")
        date = _ISO.search(cells[6])
        rows.append({"file": cells[0], "organisation": re.sub(r"\s*\(.*?\)", "", org).strip(),
                     "body": body.strip() or None, "type": re.sub(r"\s*\(fillable.*\)", "", cells[5]).strip(),
                     "date": date.group(0) if date else None})
    # Minutes are of the body the gold decisions name (a panel's minutes filed in a council's pack).
    decisions = corpus / "gold" / "decisions.jsonl"
    bodies = {}
    if decisions.exists():
        for line in decisions.read_text().splitlines():
            if line.strip():
                d = json.loads(line)
                bodies[d["source"]] = d["body"].partition(" - ")[2] or None
    for r in rows:
        if r["file"] in bodies and bodies[r["file"]]:
            r["body"] = bodies[r["file"]]
    return rows


def load_questions(corpus: Path) -> list[dict]:
    """gold/questions.jsonl in the shape evals/run.py scores."""
    out = []
    for line in (corpus / "gold" / "questions.jsonl").read_text().splitlines():
        if line.strip():
            q = json.loads(line)
            out.append({**q, "question": q["q"], "answerable": q["source"] is not None})
    return out


# ---- metadata scoring ---------------------------------------------------------------------------
def _own_words(name: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", (name or "").lower()) if w not in _GENERIC}


def _words(name: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", (name or "").lower()) if w not in {"the", "of", "and", "full"}}


def body_right(expected: str | None, got: str | None) -> bool:
    """The body named: one name's words within the other's ('County Council' in 'Kent County Council',
    'District Council' in 'Police District Council 001'); any body where SOURCES names none."""
    if not got:
        return False
    if not expected:
        return True
    a, b = _words(expected), _words(got)
    return bool(a and b) and (a <= b or b <= a)


def organisation_right(expected: str | None, got: str | None) -> bool:
    a, b = _own_words(expected), _own_words(got)
    return bool(a and b) and (a <= b or b <= a)


def bad_title(title: str | None) -> bool:
    """A URL, a timestamp or a browser's print header is not a title."""
    t = title or ""
    return bool(re.search(r"https?://|www\.|\.(php|aspx?)\b", t, re.I) or re.match(r"\s*\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}", t)
                or re.fullmatch(r"[\d\s/:.,APM-]+", t))


def score_metadata(sources: list[dict], records: dict[str, dict]) -> dict:
    """Per file and totals: date, type, body (minutes and agendas), organisation, title."""
    files = []
    for s in sources:
        r = records.get(s["file"]) or {}
        kinds = EXPECTED_TYPES.get(s["type"], {s["type"]})
        files.append({
            "file": s["file"], "missing": not r,
            "date": r.get("meeting_date"), "date_expected": s["date"],
            "date_ok": bool(s["date"]) and r.get("meeting_date") == s["date"],
            "type": r.get("doc_type"), "type_expected": s["type"], "type_ok": r.get("doc_type") in kinds,
            "body": r.get("board"), "body_expected": s["body"], "body_ok": body_right(s["body"], r.get("board")),
            "organisation": r.get("organisation"), "organisation_ok": organisation_right(s["organisation"], r.get("organisation")),
            "start_time": r.get("start_time"), "title": r.get("title"), "title_bad": bad_title(r.get("title")),
        })
    dated = [f for f in files if f["date_expected"]]
    meetings = [f for f in files if f["type_expected"] in ("minutes", "agenda")]
    totals = {
        "files": len(files),
        "date": _share(dated, "date_ok"), "dated_files": len(dated),
        "type": _share(files, "type_ok"),
        "body_minutes_agendas": _share(meetings, "body_ok"), "minutes_agendas": len(meetings),
        "body_all": _share(files, "body_ok"),
        "organisation": _share(files, "organisation_ok"),
        "bad_titles": [f["file"] for f in files if f["title_bad"]],
    }
    return {"totals": totals, "files": files}


def _share(rows: list[dict], key: str) -> float:
    return sum(1 for r in rows if r[key]) / (len(rows) or 1)


def parsed_records(corpus: Path, sources: list[dict]) -> dict[str, dict]:
    """Meeting facts by reading each paper (no embedding, no index)."""
    from minutebook.ingest.errors import SkipFile
    from minutebook.ingest.pipeline import parse_document
    from minutebook.ingest.settings import Settings
    from minutebook.ingest.storage.store import document_record

    settings = Settings.from_env()
    out = {}
    for s in sources:
        path = corpus / s["file"]
        try:
            out[s["file"]] = document_record(parse_document(path, s["file"], settings, doc_id="x"))
        except SkipFile as e:
            print(f"  skipped {s['file']}: {e.reason}", file=sys.stderr)
    return out


def indexed_records(store) -> dict[str, dict]:
    """Meeting facts as the index stores them, by source."""
    rows = store.db.execute("SELECT f.source, d.* FROM files f JOIN documents d ON d.id = f.document_id")
    names = [c[0] for c in rows.description]
    return {r[0]: dict(zip(names, r)) for r in rows.fetchall()}


# ---- the index ---------------------------------------------------------------------------------------
def code_stamp() -> str:
    """What the index was read with: a changed reader means the papers must be read again."""
    h = hashlib.sha256()
    for path in sorted((ROOT / "ingest").glob("*.py")):
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def paper_links(corpus: Path, index: Path) -> Path:
    """A folder of links to the corpus's papers alone, in their folders: SOURCES.md and the gold
    files are about the papers, not papers, so they stay out of the index."""
    root = index / "papers"
    wanted = {p.relative_to(corpus) for p in corpus.rglob("*.pdf") if "gold" not in p.relative_to(corpus).parts}
    for link in [p for p in root.rglob("*") if p.is_symlink()] if root.exists() else []:
        if link.relative_to(root) not in wanted:
            link.unlink()
    for rel in sorted(wanted):
        link = root / rel
        if not link.is_symlink():
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to((corpus / rel).resolve())
    return root


def ensure_index(corpus: Path, index: Path) -> None:
    from minutebook.ingest.pipeline import ingest
    from minutebook.ingest.settings import Settings

    stamp = index / STAMP
    if stamp.exists() and stamp.read_text().strip() != code_stamp():
        print(f"The reading code changed since {index}/ was built: reading every paper again "
              "(embeddings of unchanged text come from the cache).")
        for old in [index / "current", *index.glob("gen-*"), *index.glob("*.tmp")]:
            if old.is_symlink() or old.is_file():
                old.unlink()
            elif old.exists():
                shutil.rmtree(old)
    settings = Settings.from_env(index=str(index))
    last = [""]

    def progress(message: str, done: int, total: int) -> None:
        if message != last[0] and not message.startswith("embedding"):
            print(f"  [{done}/{total}] {message}", file=sys.stderr)
            last[0] = message

    report = ingest([paper_links(corpus, index)], settings, progress=progress)
    for s in report.skipped:
        print(f"  skipped {s.source}: {s.reason}", file=sys.stderr)
    index.mkdir(parents=True, exist_ok=True)
    stamp.write_text(code_stamp())
    print(f"{report.documents} documents, {report.chunks} chunks in {index}/ "
          f"({len(report.ingested)} read now, {len(report.unchanged)} unchanged)")


# ---- retrieval and answers ---------------------------------------------------------------------
def score_retrieval(searcher, questions: list[dict]) -> dict:
    from .run import first_copy_rank, retrieval_scores

    out = {}
    for mode in ("hybrid", "bm25"):
        s = retrieval_scores(searcher, questions, mode, k=5, rank_of=first_copy_rank)
        out[mode] = {"n": s["n"], "hit@1": s["recall@1"], "hit@5": s["recall@5"], "mrr@5": s["mrr"],
                     "misses": s["misses"], "ranks": s["ranks"]}
    return out


def score_answers(settings, searcher, questions: list[dict], corpus: Path) -> dict:
    from minutebook.assistant.answering import Assistant

    from .answers import answer_scores

    return answer_scores(Assistant(settings, searcher=searcher), questions, root=corpus)


def score_decisions(settings, corpus: Path) -> dict:
    """Recall and precision of the minuted decisions in gold/decisions.jsonl (evals/decisions_real.py)."""
    from .decisions_real import score

    return score(settings.index, corpus)


def print_metadata(meta: dict, verbose: bool) -> None:
    t = meta["totals"]
    print("\nMeeting facts against SOURCES.md (per file: date, type, body; x marks a miss)")
    for f in meta["files"]:
        if not verbose and f["date_ok"] and f["type_ok"] and f["body_ok"] and not f["title_bad"]:
            continue
        marks = "".join("." if f[k] else "x" for k in ("date_ok", "type_ok", "body_ok"))
        print(f"  {marks}  {f['file']}\n        date {f['date']} (gold {f['date_expected']}), type {f['type']} "
              f"(gold {f['type_expected']}), body {f['body']} (gold {f['body_expected']}), title {f['title']!r}")
    print(f"  meeting date right      {t['date']:.3f}  of {t['dated_files']} dated files   (target >= 0.95)")
    print(f"  document type right     {t['type']:.3f}  of {t['files']} files         (target >= 0.90)")
    print(f"  body named (min./agd.)  {t['body_minutes_agendas']:.3f}  of {t['minutes_agendas']} files          (target >= 0.90)")
    print(f"  body named (all files)  {t['body_all']:.3f}")
    print(f"  organisation named      {t['organisation']:.3f}")
    print(f"  titles that are a URL, timestamp or print header: {len(t['bad_titles'])} {t['bad_titles'] or ''}")


def print_retrieval(ret: dict, questions: list[dict]) -> None:
    print("\nRetrieval on the answerable gold questions (source and page)")
    print(f"  {'method':<8} {'n':>4} {'hit@1':>7} {'hit@5':>7} {'MRR@5':>7}")
    for mode, s in ret.items():
        print(f"  {mode:<8} {s['n']:>4} {s['hit@1']:>7.3f} {s['hit@5']:>7.3f} {s['mrr@5']:>7.3f}")
    print("  targets: hit@5 >= 0.95, MRR@5 >= 0.85, hybrid at least as good as BM25")
    by_file: dict[str, list] = {}
    for q in questions:
        if q["answerable"]:
            by_file.setdefault(q["source"], []).append(q["id"])
    print("  per file (hybrid rank of each question; - = not in the top 5):")
    for source, ids in sorted(by_file.items()):
        ranks = " ".join(f"{i}:{ret['hybrid']['ranks'][i] or '-'}" for i in ids)
        print(f"    {source}: {ranks}")


def print_answers(ans: dict) -> None:
    print("\nAnswers (extractive) on the gold questions")
    print(f"  key facts right            {ans['key_fact_accuracy']:.3f} of {ans['n']} answerable")
    print(f"  abstained (unanswerable)   {ans['abstained_unanswerable']:.3f} of {ans['n_unanswerable']}  (right)")
    print(f"  abstained (answerable)     {ans['abstained_answerable']:.3f}  (wrong)")
    print(f"  citations valid            {ans['citation_validity']:.3f} of {ans['citations']}")
    print(f"  median answer length       {ans['median_answer_words']} words")
    print(f"  key-fact misses: {', '.join(ans['fact_misses']) or 'none'}")
    print(f"  quotes crossing an item or list entry, or holding page furniture: {len(ans.get('quote_bounds', []))} of "
          f"{ans['citations']}" + "".join(f"\n    {b}" for b in ans.get("quote_bounds", [])))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score minutebook on the real-papers corpus (../shared/corpus/real)")
    parser.add_argument("--corpus", type=Path, default=REAL, help=f"the corpus folder (default {REAL})")
    parser.add_argument("--index", type=Path, default=DEFAULT_INDEX, help="index folder (default index-real/)")
    parser.add_argument("--metadata-only", action="store_true", help="read the papers and score meeting facts only")
    parser.add_argument("--no-answers", action="store_true", help="skip the answer scores (faster)")
    parser.add_argument("--verbose", action="store_true", help="list every file, not only misses")
    parser.add_argument("--out", type=Path, help="results JSON (default <index>/eval-real.json)")
    args = parser.parse_args(argv)
    corpus = args.corpus
    if not (corpus / "SOURCES.md").exists():
        print(f"eval-real: no real-papers corpus at {corpus} (it needs SOURCES.md and gold/); "
              "set MINUTEBOOK_REAL_CORPUS or --corpus to its folder.", file=sys.stderr)
        return 2
    sources = load_sources(corpus)
    questions = load_questions(corpus)
    results: dict = {"corpus": str(corpus)}
    if args.metadata_only:
        results["metadata"] = score_metadata(sources, parsed_records(corpus, sources))
        print_metadata(results["metadata"], args.verbose)
    else:
        from minutebook.assistant.search import Searcher
        from minutebook.ingest.settings import Settings

        ensure_index(corpus, args.index)
        settings = Settings.from_env(index=str(args.index))
        searcher = Searcher(settings)
        results["metadata"] = score_metadata(sources, indexed_records(searcher.reader.store))
        print_metadata(results["metadata"], args.verbose)
        results["retrieval"] = score_retrieval(searcher, questions)
        print_retrieval(results["retrieval"], questions)
        if not args.no_answers:
            results["answers"] = score_answers(settings, searcher, questions, corpus)
            print_answers(results["answers"])
        results["decisions"] = d = score_decisions(settings, corpus)
        print("\nDecisions (gold/decisions.jsonl)")
        print(f"  recall {d['recall']:.3f}   precision {d['precision']:.3f}"
              f" ({d['precision_with_genuine_extras']:.3f} counting genuine decisions the gold missed)"
              f"   outcome right {d['outcome_accuracy']:.3f}   votes exact {d['exact_vote_rate']:.3f}")
    out = args.out or (args.index / "eval-real.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2))
    print(f"\nResults written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
