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


# Which gold files `--gold` names: the first development set (Kent, Nipissing), the "more" set
# (Alameda boards, Souldern), or both.
GOLD_FILES = {"dev": ("decisions.jsonl",), "more": ("decisions-more.jsonl",),
              "all": ("decisions.jsonl", "decisions-more.jsonl")}


def load_gold(real_root: Path, which: str = "dev") -> list[dict]:
    """The gold decisions of `which` ("dev", "more" or "all"); a missing file adds none."""
    out: list[dict] = []
    for name in GOLD_FILES[which]:
        path = real_root / "gold" / name
        if path.exists():
            out += [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return out


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
    moved = [(g, e) for g, e in pairs if g.get("mover")]
    seconded = [(g, e) for g, e in pairs if g.get("seconder")]
    return {
        "gold": len(gold), "found": found, "entries": len(mine),
        "recall": round(found / len(gold), 3) if gold else None,
        "precision": round(found / len(mine), 3) if mine else None,
        "precision_with_genuine_extras": round((found + len(genuine)) / len(mine), 3) if mine else None,
        "outcome_accuracy": round(len(outcome_right) / found, 3) if found else None,
        "exact_vote_rate": round(len(exact) / len(voted), 3) if voted else None,
        "voted_decisions": len(voted),
        "movers_printed": len(moved),
        "mover_right": sum(same_person(g["mover"], e.get("mover")) for g, e in moved),
        "seconders_printed": len(seconded),
        "seconder_right": sum(same_person(g["seconder"], e.get("seconder")) for g, e in seconded),
        "by_body": by_body(gold, misses),
        "by_folder": by_body(gold, misses, key=_folder),
        "misses": misses,
        "extras": [_brief(e) for e in extras if not _genuine(e)],
        "genuine_extras": [_brief(e) for e in genuine],
        "wrong_outcomes": [{"gold": _brief(g), "outcome": e.get("outcome")} for g, e in pairs
                           if e.get("outcome") != g["outcome"]],
        "wrong_votes": [{"gold": _brief(g), "votes": e.get("votes")} for g, e in voted
                        if _counts(e.get("votes")) != _counts(g["votes"])],
    }


def _counts(votes: dict | None) -> tuple | None:
    """(for, against, abstain); an against or abstain count the entry leaves out is 0, as the gold
    writes it for "carried 5-0"."""
    if not votes or votes.get("for") is None:
        return None
    return votes.get("for"), votes.get("against") or 0, votes.get("abstain") or 0


_TITLES = {"mr", "mrs", "ms", "miss", "dr", "cllr", "councillor", "councilmember", "council", "member", "members",
           "board", "authority", "commissioner", "chair", "chairperson", "chairman", "vice", "mayor", "trustee",
           "president", "boardmember", "agency", "the"}


def _name_keys(name: str | None) -> set[str]:
    """Initials as printed ("CR") and surnames (last word of each name, lower case) in a mover or
    seconder: "CR (Mr C Rothero)" -> {"CR", "rothero"}; "Councilmember Herrera Spencer" -> {"spencer"}."""
    keys: set[str] = set()
    for part in re.split(r"[()/,;]| and ", name or ""):
        words = re.findall(r"[A-Za-z][A-Za-z'\-]*", part)
        keys |= {w for w in words if w.isupper() and 2 <= len(w) <= 3}
        names = [w.lower() for w in words if not (w.isupper() and len(w) <= 3) and w.lower() not in _TITLES]
        if names and len(names[-1]) >= 3:
            keys.add(names[-1])
    return keys


def same_person(gold: str | None, got: str | None) -> bool:
    """A loose match: the entry's mover shares initials or a surname with the gold's."""
    return bool(got) and bool(_name_keys(gold) & _name_keys(got))


def _folder(g: dict) -> str:
    """The corpus folder of a gold decision's file: one per publishing body in more/
    ("more/us-ca-alameda-planning-board"), the top folder otherwise ("kent", "canada")."""
    parts = Path(g["source"]).parts
    return "/".join(parts[:2]) if parts[0] == "more" else parts[0]


def by_body(gold: list[dict], misses: list[dict], key=lambda g: g["body"]) -> list[dict]:
    """Gold count, found and recall per gold `body` (or per `key`), in the gold's order."""
    missed = {id(g) for g in misses}
    rows: dict[str, dict] = {}
    for g in gold:
        r = rows.setdefault(key(g), {"body": key(g), "gold": 0, "found": 0})
        r["gold"] += 1
        r["found"] += id(g) not in missed
    for r in rows.values():
        r["recall"] = round(r["found"] / r["gold"], 3)
    return list(rows.values())


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


def score(index_dir: Path, real_root: Path, which: str = "all") -> dict:
    """Decision recall, precision, outcome accuracy and exact-vote rate of an index of `real_root`."""
    return compare(index_entries(index_dir), load_gold(real_root, which))


def _share(n: int, of: int) -> str:
    return f"{n}/{of} = {n / of:.3f}" if of else "n/a"


def print_summary(result: dict, label: str, per_body: bool = True) -> None:
    """The figures `make eval-real` prints: overall, then recall per gold body."""
    r = result
    print(f"\nDecisions ({label}): {r['gold']} gold, {r['entries']} register entries from the files the gold covers")
    print(f"  recall                 {_share(r['found'], r['gold'])}")
    print(f"  precision              {r['precision']}  ({r['precision_with_genuine_extras']} counting genuine decisions the gold missed)")
    print(f"  outcome right (found)  {_share(r['found'] - len(r['wrong_outcomes']), r['found'])}")
    print(f"  vote counts exact      {_share(r['voted_decisions'] - len(r['wrong_votes']), r['voted_decisions'])}  (of the found decisions with counted votes)")
    print(f"  mover right            {_share(r['mover_right'], r['movers_printed'])}  (of the found decisions whose mover is printed)")
    print(f"  seconder right         {_share(r['seconder_right'], r['seconders_printed'])}")
    if per_body:
        print(f"  {'recall per body':<86} {'gold':>5} {'found':>6} {'recall':>7}")
        for b in r["by_body"]:
            print(f"    {b['body'][:84]:<84} {b['gold']:>5} {b['found']:>6} {b['recall']:>7.3f}")
        print(f"  {'recall per corpus folder (more/: one folder per publishing body)':<86} {'gold':>5} {'found':>6} {'recall':>7}")
        for b in r["by_folder"]:
            print(f"    {b['body'][:84]:<84} {b['gold']:>5} {b['found']:>6} {b['recall']:>7.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", type=Path, help="an index built from the real corpus")
    ap.add_argument("--parse-only", action="store_true", help="read the gold minutes' pages directly")
    ap.add_argument("--real", type=Path, default=REAL, help="the real corpus (default ../shared/corpus/real)")
    ap.add_argument("--gold", choices=sorted(GOLD_FILES), default="all",
                    help="dev: gold/decisions.jsonl; more: gold/decisions-more.jsonl; all: both (default)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--brief", action="store_true", help="the summary and per-body recall only, no lists")
    args = ap.parse_args(argv)
    gold = load_gold(args.real, args.gold)
    if args.parse_only or not args.index:
        entries = parsed_entries(args.real, sorted({g["source"] for g in gold}))
    else:
        entries = index_entries(args.index)
    result = compare(entries, gold)
    if args.json:
        print(json.dumps(result, indent=1, ensure_ascii=False))
        return 0
    print_summary(result, f"--gold {args.gold}, {'parse only' if args.parse_only or not args.index else args.index}")
    if args.brief:
        return 0
    for key in ("misses", "extras", "genuine_extras", "wrong_outcomes", "wrong_votes"):
        print(f"\n{key} ({len(result[key])}):")
        for row in result[key]:
            print("  ", json.dumps(_brief(row) if key == "misses" else row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
