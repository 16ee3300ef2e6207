"""`make eval-real`: minutebook on real papers of other bodies (../shared/corpus/real).

Ingests the corpus into its own index (index-real/ by default; unchanged papers cost a hash, and a
change to the reading code rebuilds it with the embedding cache kept) and prints, per file and in
total:
- meeting facts against SOURCES.md: meeting date, document type, body (for minutes and agendas,
  the acceptance line), organisation, and titles that are a URL or a print header;
- retrieval on the answerable gold questions (gold/questions.jsonl): hit@1, hit@5 and MRR@5 for
  hybrid search and BM25 alone, a hit being the gold source and page (any file holding the hit's
  text counts, as the archive files one paper in several packs);
- answers: key facts (`must` groups), whether a cited page holds the gold evidence, abstention on
  the unanswerable (and on the answerable), citation validity (quotes verbatim on their page; OCR's
  reading for a scanned page) and the median answer length in words, per question file and
  together, with each question's misses listed;
- decisions against gold/decisions.jsonl and gold/decisions-more.jsonl (evals/decisions_real.py),
  each alone and together, with recall per gold body and mover / seconder right.
The more/ development set (more/SOURCES.md, gold/questions-more.jsonl, gold/decisions-more.jsonl)
is scored beside the first set and with it: its PDFs are in the same index.
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


def load_more_sources(corpus: Path) -> list[dict]:
    """more/SOURCES.md's table rows (the "more" development set), in load_sources's shape: its
    columns are named by its header (file, ..., organisation, country, document type, meeting
    date, ...), file names are relative to more/, and its documents are all minutes or notes of
    meetings. The meeting date is the first ISO date of its cell (the file's main meeting)."""
    path = corpus / "more" / "SOURCES.md"
    if not path.exists():
        return []
    rows, header = [], None
    for line in path.read_text().splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells and cells[0] == "file":
            header = cells
            continue
        if not header or len(cells) < len(header) or not cells[0].endswith(".pdf"):
            continue
        row = dict(zip(header, cells))
        org, _, body = row["organisation"].partition(" - ")
        date = _ISO.search(row["meeting date"])
        rows.append({"file": f"more/{row['file']}", "organisation": re.sub(r"\s*\(.*?\)", "", org).strip(),
                     "body": re.sub(r"\s*\(.*?\)", "", body).strip() or None, "type": "minutes",
                     "type_printed": row["document type"],
                     "date": date.group(0) if date else None})
    return rows


QUESTION_SETS = {"dev": "questions.jsonl", "more": "questions-more.jsonl"}
# Questions on the same papers written apart from the gold, by someone who had not seen the answerer, and
# scored once before any change was made for them (docs/evaluation.md): the honest estimate of what a
# new question gets. Kept out of "both question files together".
HELDOUT = Path(__file__).resolve().parent / "questions-heldout-real.jsonl"


def load_questions(corpus: Path, name: str | Path = "questions.jsonl") -> list[dict]:
    """A gold question file (gold/questions.jsonl by default, or a path) in the shape evals/run.py scores."""
    out = []
    path = name if isinstance(name, Path) else corpus / "gold" / name
    if not path.exists():
        return out
    for line in path.read_text().splitlines():
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
    """Meeting facts by reading each paper (no embedding, no index), as the index would hold them."""
    from minutebook.ingest.errors import SkipFile
    from minutebook.ingest.pipeline import parse_document
    from minutebook.ingest.settings import Settings
    from minutebook.ingest.storage.store import document_record

    from minutebook.ingest.papers.meeting_facts import path_facts
    from minutebook.ingest.pdf.pages import file_hash

    settings = Settings.from_env()
    # As an ingest does: copies of the same bytes are one document, read once, and a copy filed in
    # a dated folder dates a paper whose first copy said nothing of its meeting (store.fill_meeting),
    # so that this scores what the index holds.
    copies: dict[str, list[str]] = {}
    for s in sources:
        copies.setdefault(file_hash(corpus / s["file"]), []).append(s["file"])
    out = {}
    for names in copies.values():
        try:
            record = document_record(parse_document(corpus / names[0], names[0], settings, doc_id="x"))
        except SkipFile as e:
            print(f"  skipped {names[0]}: {e.reason}", file=sys.stderr)
            continue
        for name in names[1:]:
            facts = path_facts(name)
            for key, fact in (("meeting_date", "date"), ("board", "body"), ("start_time", "time")):
                record[key] = record.get(key) or facts[fact]
        out.update({name: record for name in names})
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
    """Recall and precision of the minuted decisions in gold/decisions.jsonl and
    gold/decisions-more.jsonl, each alone and together (evals/decisions_real.py)."""
    from .decisions_real import compare, index_entries, load_gold

    entries = index_entries(settings.index)
    return {which: compare(entries, load_gold(corpus, which)) for which in ("dev", "more", "all")}


def score_metadata_sets(sources: list[dict], more: list[dict], records: dict[str, dict]) -> dict:
    """Meeting facts of SOURCES.md's files, of more/SOURCES.md's, and of both."""
    return {"dev": score_metadata(sources, records), "more": score_metadata(more, records),
            "all": score_metadata(sources + more, records)}


def print_metadata_sets(meta: dict, verbose: bool) -> None:
    print_metadata(meta["dev"], verbose, "SOURCES.md")
    if meta["more"]["files"]:
        print_metadata(meta["more"], verbose, "more/SOURCES.md (the more/ development set)")
        t = meta["all"]["totals"]
        print(f"\nMeeting date right, SOURCES.md and more/SOURCES.md together: {t['date']:.3f} of {t['dated_files']} dated files")


def print_metadata(meta: dict, verbose: bool, label: str = "SOURCES.md") -> None:
    t = meta["totals"]
    print(f"\nMeeting facts against {label} (per file: date, type, body; x marks a miss)")
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


def print_retrieval(ret: dict, questions: list[dict], label: str = "gold/questions.jsonl", per_file: bool = True) -> None:
    print(f"\nRetrieval on the answerable gold questions of {label} (source and page)")
    print(f"  {'method':<8} {'n':>4} {'hit@1':>7} {'hit@5':>7} {'MRR@5':>7}")
    for mode, s in ret.items():
        print(f"  {mode:<8} {s['n']:>4} {s['hit@1']:>7.3f} {s['hit@5']:>7.3f} {s['mrr@5']:>7.3f}")
    print("  targets: hit@5 >= 0.95, MRR@5 >= 0.85, hybrid at least as good as BM25")
    if not per_file:
        print(f"  not in the hybrid top 5: {', '.join(ret['hybrid']['misses']) or 'none'}")
        return
    by_file: dict[str, list] = {}
    for q in questions:
        if q["answerable"]:
            by_file.setdefault(q["source"], []).append(q["id"])
    print("  per file (hybrid rank of each question; - = not in the top 5):")
    for source, ids in sorted(by_file.items()):
        ranks = " ".join(f"{i}:{ret['hybrid']['ranks'][i] or '-'}" for i in ids)
        print(f"    {source}: {ranks}")


def print_answers(ans: dict, label: str = "gold questions", misses: bool = False) -> None:
    n, nu = ans["n"], ans["n_unanswerable"]
    print(f"\nAnswers (extractive) on {label}")
    print(f"  key facts right            {ans['key_facts_right']}/{n} = {ans['key_fact_accuracy']:.3f} of the answerable")
    print(f"  cited page holds evidence  {ans['evidence_cited']}/{n} = {ans['evidence_cited_rate']:.3f}")
    print(f"  declined (unanswerable)    {ans['declined_unanswerable']}/{nu}  (right)")
    print(f"  declined (answerable)      {ans['declined_answerable']}/{n}  (wrong)")
    print(f"  quotes verbatim on page    {ans['citations'] - len(ans['quotes_not_verbatim'])}/{ans['citations']}"
          f" = {ans['citation_validity']:.3f}" + "".join(f"\n    not verbatim: {b}" for b in ans["quotes_not_verbatim"]))
    print(f"  median answer length       {ans['median_answer_words']} words")
    print(f"  key-fact misses: {', '.join(ans['fact_misses']) or 'none'}")
    print(f"  quotes crossing an item or list entry, or holding page furniture: {len(ans.get('quote_bounds', []))} of "
          f"{ans['citations']}" + "".join(f"\n    {b}" for b in ans.get("quote_bounds", [])))
    if misses:
        print("  per-question misses (facts missing, evidence not cited, wrongly declined, or not declined):")
        for q in ans["questions"]:
            why = question_misses(q)
            if why:
                print(f"    {q['id']} [{', '.join(why)}] {q['question']}\n        -> {q['answer'][:160]!r}"
                      f"{' cited ' + '; '.join(q['cited'][:2]) if q['cited'] else ''}")


def question_misses(q: dict) -> list[str]:
    """What went wrong with one answer (empty when nothing did)."""
    if not q["answerable"]:
        return [] if q["declined"] else ["not declined"]
    why = []
    if q["declined"]:
        why.append("declined")
    if not q["key_facts"]:
        why.append("facts missing")
    if not q["evidence_cited"]:
        why.append("evidence not cited")
    return why


def combine_answers(parts: list[dict]) -> dict:
    """The answer figures of several question sets taken together (no question asked twice)."""
    import statistics

    n = sum(p["n"] for p in parts)
    nu = sum(p["n_unanswerable"] for p in parts)
    citations = sum(p["citations"] for p in parts)
    words = [w for p in parts for w in p["answer_words"]]
    right = sum(p["key_facts_right"] for p in parts)
    cited = sum(p["evidence_cited"] for p in parts)
    verbatim_bad = [b for p in parts for b in p["quotes_not_verbatim"]]
    return {
        "n": n, "n_unanswerable": nu, "key_facts_right": right, "key_fact_accuracy": right / (n or 1),
        "evidence_cited": cited, "evidence_cited_rate": cited / (n or 1),
        "declined_unanswerable": sum(p["declined_unanswerable"] for p in parts),
        "abstained_unanswerable": sum(p["declined_unanswerable"] for p in parts) / (nu or 1),
        "declined_answerable": sum(p["declined_answerable"] for p in parts),
        "abstained_answerable": sum(p["declined_answerable"] for p in parts) / (n or 1),
        "citations": citations, "quotes_not_verbatim": verbatim_bad,
        "citation_validity": (citations - len(verbatim_bad)) / (citations or 1),
        "median_answer_words": statistics.median(words) if words else 0, "answer_words": words,
        "fact_misses": [m for p in parts for m in p["fact_misses"]],
        "quote_bounds": [b for p in parts for b in p.get("quote_bounds", [])],
        "not_abstained": [m for p in parts for m in p["not_abstained"]],
        "questions": [q for p in parts for q in p["questions"]],
    }


def print_decisions(d: dict) -> None:
    from .decisions_real import print_summary

    for which, label in (("dev", "gold/decisions.jsonl"), ("more", "gold/decisions-more.jsonl")):
        r = d.get(which)
        if r and r["gold"]:
            print(f"\nDecisions ({label}): recall {r['found']}/{r['gold']} = {r['recall']:.3f}   precision {r['precision']}"
                  f" ({r['precision_with_genuine_extras']} counting genuine decisions the gold missed)"
                  f"   outcome right {r['outcome_accuracy']}   votes exact {r['exact_vote_rate']}"
                  f"   mover right {r['mover_right']}/{r['movers_printed']}   seconder right {r['seconder_right']}/{r['seconders_printed']}")
    print_summary(d["all"], "both gold files together")


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
    more = load_more_sources(corpus)
    question_sets = {name: load_questions(corpus, fname) for name, fname in QUESTION_SETS.items()}
    results: dict = {"corpus": str(corpus)}
    if args.metadata_only:
        results["metadata"] = score_metadata_sets(sources, more, parsed_records(corpus, sources + more))
        print_metadata_sets(results["metadata"], args.verbose)
    else:
        from minutebook.assistant.search import Searcher
        from minutebook.ingest.settings import Settings

        ensure_index(corpus, args.index)
        settings = Settings.from_env(index=str(args.index))
        searcher = Searcher(settings)
        results["metadata"] = score_metadata_sets(sources, more, indexed_records(searcher.reader.store))
        print_metadata_sets(results["metadata"], args.verbose)
        results["retrieval"] = {}
        for name, questions in question_sets.items():
            if questions:
                results["retrieval"][name] = score_retrieval(searcher, questions)
                print_retrieval(results["retrieval"][name], questions, f"gold/{QUESTION_SETS[name]}",
                                per_file=name == "dev")
        if not args.no_answers:
            results["answers"] = {}
            for name, questions in question_sets.items():
                if questions:
                    results["answers"][name] = score_answers(settings, searcher, questions, corpus)
                    print_answers(results["answers"][name], f"gold/{QUESTION_SETS[name]}", misses=True)
            if len(results["answers"]) > 1:
                results["answers"]["all"] = combine_answers(list(results["answers"].values()))
                print_answers(results["answers"]["all"], "both question files together")
            heldout = load_questions(corpus, HELDOUT)
            if heldout:
                results["answers"]["heldout"] = score_answers(settings, searcher, heldout, corpus)
                print_answers(results["answers"]["heldout"], f"held-out questions ({HELDOUT.name}, not in the gold)",
                              misses=True)
        results["decisions"] = score_decisions(settings, corpus)
        print_decisions(results["decisions"])
    out = args.out or (args.index / "eval-real.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2))
    print(f"\nResults written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
