"""The vote a sentence of minutes records, in the forms councils print in running prose.

"unanimous voice vote – 5", "Motion carried 7-0", "passed 4-0-1", "Ayes: 4; Noes: 0", "4 ayes, 0 noes,
and 0 abstentions", "with 4 ayes", a roll call "Daysog: Aye; Herrera Spencer: No", or "Unanimous".
Used by ingest/register/acts.py. Pure text in, Votes out.
"""
from __future__ import annotations

import re

from minutebook.ingest.types import Votes

_CAP = r"(?:[A-Z][\w'’.-]*|de[A-Z][\w'’-]*)"
_N = r"(\d{1,2})"
_COUNTS = [(re.compile(p, re.I), kind) for p, kind in (
    (rf"\bayes?\s*[:–—-]?\s*{_N}\b", "for"), (rf"\b{_N}\s+ayes?\b", "for"), (rf"\bwith\s+{_N}\s+ayes\b", "for"),
    (rf"\b(?:noes|nays?|no)\s*[:–—-]\s*{_N}\b", "against"), (rf"\b{_N}\s+(?:noes|nays?)\b", "against"),
    (rf"\babstentions?\s*[:–—-]?\s*{_N}\b", "abstain"), (rf"\babstain(?:ed|ing|s)?\s*[:–—-]\s*{_N}\b", "abstain"),
    (rf"\b{_N}\s+(?:abstentions?|votes?\s+abstain(?:ed|ing)?)\b", "abstain"),
    (rf"\babsent\s*[:–—-]\s*{_N}\b", "absent"),
    # "passed with the following voice vote – 6, Noes: 0": the ayes counted straight after the vote
    (rf"\b(?:voice|roll\s+call)\s+vote\s*[–—:-]\s*{_N}\b", "for"),
    # "Ayes: Councilmembers A, B, and Mayor C – 4.", "Noes: Member D – 1": the names, then how many
    (rf"\bayes?\s*:\s*[^:;.\d]{{1,200}}?\s[–—-]\s*{_N}\b", "for"),
    (rf"\b(?:noes|nays?)\s*:\s*[^:;.\d]{{1,200}}?\s[–—-]\s*{_N}\b", "against"),
    (rf"\babstentions?\s*:\s*[^:;.\d]{{1,200}}?\s[–—-]\s*{_N}\b", "abstain"),
    (rf"\babsent\s*:\s*[^:;.\d]{{1,200}}?\s[–—-]\s*{_N}\b", "absent"),
)]
_UNANIMOUS_COUNT = re.compile(rf"(?i)\bunanimous(?:ly)?\s+(?:\w+\s+){{0,3}}?vote\s*[–—:-]?\s*{_N}\b")
_TALLY = re.compile(r"(?i)(?:\b(?:passed|carried|carries|failed|approved|adopted|vote[ds]?|motion|unanimously|consent)\b[^.;]{0,40}?)"
                    r"(?<![\d/])\b(\d{1,2})\s*(?:-|–|to)\s*(\d{1,2})(?:\s*(?:-|–)\s*(\d{1,2}))?(?:\s*(?:-|–)\s*(\d{1,2}))?\b(?![-/]\d)")
_ROLL = re.compile(rf"(?P<name>{_CAP}(?:\s+{_CAP}){{0,3}})\s*[:–-]\s*(?P<vote>(?i:aye|yes|no|nay|abstain(?:ed)?|absent|recused))\b")
# "(Saheba, Hom, and Ruiz abstained)", "Member Murray abstained."
_ABSTAINED = re.compile(rf"(?P<names>{_CAP}(?:\s+{_CAP})?(?:\s*,\s*(?:and\s+)?{_CAP}(?:\s+{_CAP})?|\s+and\s+{_CAP}(?:\s+{_CAP})?)*)"
                        r"\s+abstained\b")
_ROLL_KIND = {"aye": "for", "yes": "for", "no": "against", "nay": "against", "abstain": "abstain",
              "abstained": "abstain", "recused": "abstain", "absent": "absent"}


def votes_in(text: str) -> Votes | None:
    """The vote a sentence records: "unanimous voice vote – 5", "Motion carried 7-0", "Ayes: 4; Noes: 0",
    "4 ayes, 0 noes, 0 abstentions", a roll call "Daysog: Aye; Herrera Spencer: No", or "unanimous"."""
    votes = Votes()
    roll = [(m["name"], _ROLL_KIND[m["vote"].lower()]) for m in _ROLL.finditer(text)]
    if len(roll) >= 2:
        for name, kind in roll:
            votes.names.setdefault(kind, []).append(re.sub(r"^(?:Councilmembers|Members|Commissioners|Trustees)\s+", "", name))
        votes.counts = {k: len(votes.names.get(k, [])) for k in ("for", "against", "abstain")}
        if votes.names.get("absent"):
            votes.counts["absent"] = len(votes.names["absent"])
        return votes
    m = _UNANIMOUS_COUNT.search(text)
    if m:
        return Votes({"for": int(m[1]), "against": 0, "abstain": 0}, unanimous=True)
    m = _TALLY.search(text)
    if m:
        numbers = [int(n) for n in m.groups() if n is not None]
        kinds = ("for", "against", "abstain", "absent")
        if len(numbers) == 3 and numbers[1] == 0 and re.search(r"(?i)\bunanimous", text):
            kinds = ("for", "against", "absent")  # "passed unanimously, 4-0-3": all present voted for
        votes.counts = dict(zip(kinds, numbers))
        if len(numbers) == 2:  # "3 to 0 with 2 votes abstained", "4-1 with 1 abstention": the abstentions beside the count
            for pattern, kind in _COUNTS:
                c = pattern.search(text, m.end())
                if c and kind == "abstain" and kind not in votes.counts:
                    votes.counts[kind] = int(c[1])
    else:
        for pattern, kind in _COUNTS:
            c = pattern.search(text)
            if c and kind not in votes.counts:
                votes.counts[kind] = int(c[1])
    abstained = _ABSTAINED.search(text)
    if abstained and "abstain" not in votes.counts:
        names = [n.strip() for n in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", abstained["names"]) if n.strip()]
        votes.names["abstain"], votes.counts["abstain"] = names, len(names)
    votes.unanimous = bool(re.search(r"(?i)\bunanimous", text))
    if votes.counts.get("for") is not None:
        votes.counts.setdefault("against", 0)
        votes.counts.setdefault("abstain", 0)
    return votes if votes.counts or votes.unanimous else None


