"""Decision recall and precision on real minutes of other bodies (gold/decisions.jsonl).

`score(index_dir, real_root)` reads the register of an index built from `real_root` (what `make
eval-real` calls); `python -m evals.decisions_real --index DIR` prints the same plus the misses
and extras, and `--parse-only` reads the gold minutes straight from their pages (no embeddings,
seconds) for iterating on the parser.

A register entry matches a gold decision when it is in the same file, on the same page, and its
text (or the outcome line it records, "Amendment lost.") holds the gold phrase; failing that, the
same file, page and item. Precision counts only entries from the files the gold covers (the gold
lists every decision of every minutes document it names; see gold/README.md).
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

REAL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real"

# Decisions the register finds that the gold leaves out, judged by reading the minutes: a motion
# put to the vote and lost or carried is a decision (gold/README.md lists amendments but not
# these). (source file name, page, start of the text)
GENUINE_EXTRAS: tuple[tuple[str, int, str], ...] = (
    # Motions for time limited debate put to the vote and lost (For 15 / Against 35, 14 / 37, 15 / 23).
    ("19 December 2024 - County Council minutes.pdf", 9, "This County Council resolves to"),
    ("19 December 2024 - County Council minutes.pdf", 11, "This Council notes"),
    ("19 December 2024 - County Council minutes.pdf", 14, "County Council notes that"),
    # Items 9 and 10 each end "RESOLVED to note ..." / "RESOLVED to endorse ..." like the items the gold lists.
    ("CPP Minutes 29.10.24.pdf", 7, "to note the report, the proposed Joint Working Protocol"),
    ("CPP Minutes 29.10.24.pdf", 8, "to endorse the Sufficiency Strategy"),
    # "Item #10 Consideration of a donation request ... Deferred." between two numbered resolutions.
    ("Minutes-April-2-2024.pdf", 2, "Item #10 Consideration of a donation request"),
)


def _norm(text: str | None) -> str:
    text = (text or "").replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def _item(item: str | None) -> str:
    return re.sub(r"(?i)^(?:item|minute|resolution(?:\s+no\.?)?)\s*", "", item or "").lstrip("0") or ""


def load_gold(real_root: Path) -> list[dict]:
    path = real_root / "gold" / "decisions.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def _gold_source(source: str | None, sources: set[str]) -> str | None:
    """The gold file an entry's source names (an index may store paths relative to another root)."""
    source = (source or "").replace("\\", "/")
    return next((s for s in sources if source == s or source.endswith("/" + s)), None)


def compare(entries: list[dict], gold: list[dict]) -> dict:
    """Recall, precision, outcome accuracy and exact-vote rate of register `entries` against `gold`."""
    sources = {g["source"] for g in gold}
    mine = [dict(e, gold_source=_gold_source(e.get("source"), sources)) for e in entries]
    mine = [e for e in mine if e["gold_source"]]
    used: set[int] = set()
    pairs: list[tuple[dict, dict]] = []
    misses: list[dict] = []
    for g in gold:
        same = [(k, e) for k, e in enumerate(mine) if k not in used and e["gold_source"] == g["source"]
                and e.get("page") == g["page"]]
        phrase = _norm(g["phrase"])
        hit = next((k for k, e in same if phrase in _norm(e.get("text")) or phrase in _norm(e.get("outcome_text"))),
                   None)
        if hit is None:
            hit = next((k for k, e in same if _item(e.get("item")) == _item(g["item"])), None)
        if hit is None:
            misses.append(g)
            continue
        used.add(hit)
        pairs.append((g, mine[hit]))
    extras = [e for k, e in enumerate(mine) if k not in used]
    genuine = [e for e in extras if _genuine(e)]
    outcome_right = [g for g, e in pairs if e.get("outcome") == g["outcome"]]
    voted = [(g, e) for g, e in pairs if g.get("votes")]
    exact = [g for g, e in voted if _counts(e.get("votes")) == _counts(g["votes"])]
    found = len(pairs)
    return {
        "gold": len(gold), "found": found, "entries": len(mine),
        "recall": round(found / len(gold), 3) if gold else None,
        "precision": round(found / len(mine), 3) if mine else None,
        "precision_with_genuine_extras": round((found + len(genuine)) / len(mine), 3) if mine else None,
        "outcome_accuracy": round(len(outcome_right) / found, 3) if found else None,
        "exact_vote_rate": round(len(exact) / len(voted), 3) if voted else None,
        "voted_decisions": len(voted),
        "misses": misses,
        "extras": [_brief(e) for e in extras if not _genuine(e)],
        "genuine_extras": [_brief(e) for e in genuine],
        "wrong_outcomes": [{"gold": _brief(g), "outcome": e.get("outcome")} for g, e in pairs
                           if e.get("outcome") != g["outcome"]],
        "wrong_votes": [{"gold": _brief(g), "votes": e.get("votes")} for g, e in voted
                        if _counts(e.get("votes")) != _counts(g["votes"])],
    }


def _counts(votes: dict | None) -> tuple | None:
    if not votes:
        return None
    return tuple(votes.get(k) for k in ("for", "against", "abstain"))


def _genuine(entry: dict) -> bool:
    name = Path(entry["gold_source"]).name
    text = _norm(entry.get("text"))
    return any(name == f and entry.get("page") == p and text.startswith(_norm(t)) for f, p, t in GENUINE_EXTRAS)


def _brief(e: dict) -> dict:
    source = e.get("gold_source") or e.get("source")
    text = e.get("text") or e.get("phrase") or ""
    return {"source": Path(source).name, "page": e.get("page"), "item": e.get("item"),
            "outcome": e.get("outcome"), "text": _norm(text)[:90]}


def index_entries(index_dir: Path) -> list[dict]:
    """Every register entry of the index at `index_dir`, restricted pages included."""
    from minutebook.assistant.register import entries as register
    from minutebook.ingest.storage.index_reader import IndexReader

    reader = IndexReader(Path(index_dir))
    try:
        return [e.to_json() for e in register.find(reader.store, include_restricted=True)]
    finally:
        reader.close()


def parsed_entries(real_root: Path, sources: list[str]) -> list[dict]:
    """Register entries read straight from the pages of `sources` (parse only: no index, no model)."""
    from minutebook.ingest.pdf.pages import load_pages
    from minutebook.assistant.register.entries import entries_for_pages
    from minutebook.ingest.papers.sections import split_sections

    out: list[dict] = []
    for source in sources:
        title, pages = load_pages(real_root / source, source)
        for section in split_sections(pages, title):
            if section.kind == "minutes":
                out += [e.to_json() for e in entries_for_pages(pages[section.first_page - 1:section.last_page],
                                                               section.board, section.meeting_date, source)]
    return out


def score(index_dir: Path, real_root: Path) -> dict:
    """Decision recall, precision, outcome accuracy and exact-vote rate of an index of `real_root`."""
    return compare(index_entries(index_dir), load_gold(real_root))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", type=Path, help="an index built from the real corpus")
    ap.add_argument("--parse-only", action="store_true", help="read the gold minutes' pages directly")
    ap.add_argument("--real", type=Path, default=REAL, help="the real corpus (default ../shared/corpus/real)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    gold = load_gold(args.real)
    if args.parse_only or not args.index:
        entries = parsed_entries(args.real, sorted({g["source"] for g in gold}))
    else:
        entries = index_entries(args.index)
    result = compare(entries, gold)
    if args.json:
        print(json.dumps(result, indent=1, ensure_ascii=False))
        return 0
    for key in ("gold", "entries", "found", "recall", "precision", "precision_with_genuine_extras",
                "outcome_accuracy", "voted_decisions", "exact_vote_rate"):
        print(f"{key:>30}: {result[key]}")
    for key in ("misses", "extras", "genuine_extras", "wrong_outcomes", "wrong_votes"):
        print(f"\n{key} ({len(result[key])}):")
        for row in result[key]:
            print("  ", json.dumps(_brief(row) if key == "misses" else row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
