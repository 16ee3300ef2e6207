"""Motions, amendments, movers, recorded votes and outcomes in the text of one minute.

Pure text functions used by ingest.minutes. Councils print the same facts in a few shapes:
"Mr A proposed, and Mr B seconded the following amendment:", "Moved by: A / Seconded by: B",
"For (39) ... Against (3) ... Abstain (0)", "AYES: ...", "Amendment lost.", "Motion carried 5-0",
"RESULT: FAILED [4-2-1-1]", "... as published.  Carried." The words are data in house_style.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.ingest.papers.house_style import (HONOURS, MOTION_NOUNS, OUTCOME_WORDS, PROCEDURAL_MOTIONS, VOTE_HEADS)
from minutebook.ingest.types import Votes

_SPACE = r"\s+"
_OUTCOME_ALT = "|".join(w.replace(" ", _SPACE) for w, _ in OUTCOME_WORDS)
_OUTCOME_OF = [(re.compile("(?i)" + w.replace(" ", _SPACE)), o) for w, o in OUTCOME_WORDS]
_NOUN_ALT = "|".join(MOTION_NOUNS)
_TALLY = r"(?:\[?\s*(?P<tally>\d{1,3}(?:\s*(?:-|–|to)\s*\d{1,3}){1,3})\s*\]?)"
_UNANIMOUS = r"(?P<unan>\[?\s*unanimous(?:ly)?\s*\]?)"
# "Amendment lost.", "The substantive motion was carried", "Motion carried 5-0", "Carried.", "RESULT: APPROVED"
_OUTCOME_LINE = re.compile(
    rf"(?i)^(?:result\s*:\s*|(?:the\s+)?(?P<noun>{_NOUN_ALT})(?:\s+(?:as\s+amended|no\.?\s*[\w-]+))?"
    rf"\s+(?:was\s+|is\s+|has\s+been\s+)?(?:put\s+to\s+the\s+vote\s+and\s+(?:was\s+)?)?)?"
    rf"(?P<word>{_OUTCOME_ALT})\b\s*(?:{_UNANIMOUS}|{_TALLY}|\s)*[.!]?$"
)
# "... be adopted as published.  Carried." (the outcome closes the motion's last line)
_OUTCOME_END = re.compile(rf"(?<=[.;:)])\s+(?:(?=[A-Z])(?P<noun>(?i:{_NOUN_ALT}))\s+)?(?P<word>(?i:{_OUTCOME_ALT}))\b"
                          rf"\s*(?i:{_UNANIMOUS}|{_TALLY}|\s)*\.?$")
# "The budget was approved – J. Smith (motion), K. Lee (second)", "APPROVED – the budget ..."
_OUTCOME_MARKED = re.compile(
    rf"(?i)^(?:(?P<what>.+?)\s+(?:was|were)\s+(?P<word>{_OUTCOME_ALT})|(?-i:(?P<caps>[A-Z]{{4,}})))\s*[–—-]\s+(?P<rest>.+)$")
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|la|le))*(?:,?\s+(?:CBE|OBE|MBE|JP))?"
_TITLED = rf"(?:(?:the\s+)?(?:Chairman|Chair|Vice-Chairman|Vice-Chair|Mayor|Deputy\s+Mayor)|{_NAME})"
_PROPOSAL = [
    # "Mr A proposed, and Mr B seconded (the motion|the following amendment|that) ..."
    re.compile(rf"^(?:[A-Z][\w\s]{{2,40}},\s+)?(?P<mover>{_TITLED})\s+(?i:proposed|moved)(?:,)?\s+(?:and\s+)?"
               rf"(?P<seconder>{_TITLED})\s+"
               rf"(?i:seconded),?\s*(?P<rest>.*)$"),
    # "It was moved by A, seconded by B, that ..." / "Moved by A, seconded by B"
    re.compile(rf"(?i)^(?:it\s+was\s+)?moved\s+by\s*:?\s*(?P<mover>{_TITLED}),?\s+(?:and\s+)?seconded\s+by\s*:?\s*"
               rf"(?P<seconder>{_TITLED})\b,?\s*(?P<rest>.*)$"),
    # "A moved, seconded by B, that ..."
    re.compile(rf"^(?P<mover>{_TITLED})\s+moved,?\s+seconded\s+by\s+(?P<seconder>{_TITLED}),?\s*(?P<rest>.*)$"),
]
_MOVER_LINE = re.compile(r"(?i)^(?:moved\s+by|mover|moved|proposed\s+by|proposer)\s*:\s*(?P<name>.+)$")
_SECONDER_LINE = re.compile(r"(?i)^(?:seconded\s+by|seconder|seconded)\s*:\s*(?P<name>.+)$")
# "The budget was approved – J. Smith (motion), K. Lee (second)"
_BY_MARKS = re.compile(r"(?i)(?P<mover>[A-Z][^,()]{1,40}?)\s*\(motion\)\s*,?\s*(?P<seconder>[A-Z][^,()]{1,40}?)\s*\(second\)")
_VOTE_HEAD = re.compile(
    rf"(?i)^(?P<head>{'|'.join(p for p, _ in VOTE_HEADS)})\s*(?:\(\s*(?P<n>\d{{1,3}})\s*\)\s*:?|:\s*(?P<n2>\d{{1,3}})\b\.?"
    rf"|:)\s*(?P<names>.*)$"
)
_VOTE_KIND = [(re.compile(rf"(?i)^(?:{p})$"), k) for p, k in VOTE_HEADS]
_PARA = re.compile(r"^(?:\((?P<b>\d{1,3})\)|(?P<p>\d{1,3})\)|(?P<d>\d{1,3})\.)\s+")
_PROCEDURAL = re.compile(rf"(?i)\b(?:{'|'.join(PROCEDURAL_MOTIONS)})\b")
_ITEM_FATE = re.compile(
    r"(?i)\b(?:this\s+|the\s+)?(?:item|report|matter|application)\s+(?:was|has\s+been|is)\s+"
    r"(?P<word>deferred|withdrawn|postponed)\b"
)
_HONOUR = re.compile(rf"(?i)^(?:{'|'.join(HONOURS)})\.?$")


@dataclass
class Proposal:
    """A motion or amendment as moved: who moved and seconded it, its words, where it was printed."""

    mover: str | None
    seconder: str | None
    text: str
    page: int
    amendment: bool = False
    procedural: bool = False


def outcome_word(word: str) -> str | None:
    """The register's outcome for a printed outcome word ("defeated" -> "lost")."""
    return next((o for p, o in _OUTCOME_OF if p.fullmatch(word.strip())), None)


def outcome_words(text: str) -> str:
    """What was decided, less the printed outcome: "The budget" for "The budget was approved – ..."."""
    marked = _OUTCOME_MARKED.match(text.strip())
    if marked:
        return (marked["what"] or re.sub(r"\s*\([^)]*\)", "", marked["rest"])).strip()
    end = _OUTCOME_END.search(text)
    return text[:end.start()].strip() if end else ""


def outcome_line(text: str) -> tuple[str | None, str, Votes | None] | None:
    """(noun, outcome, votes in the line) when `text` records the fate of a motion, else None."""
    found = bare_outcome(text)
    return found[:3] if found else None


def bare_outcome(text: str) -> tuple[str | None, str, Votes | None, bool] | None:
    """outcome_line and whether the line is nothing but the outcome ("Carried.")."""
    whole = _OUTCOME_LINE.match(text.strip())
    m = whole or _OUTCOME_END.search(text)
    if not m:
        marked = _OUTCOME_MARKED.match(text.strip())
        word = marked and outcome_word(marked["word"] or marked["caps"])
        return (None, word, None, False) if word and word not in ("noted", "recommended") else None
    outcome = outcome_word(m["word"])
    # A bare "Agreed." or "Noted." under a paragraph is prose, not a motion's fate.
    if not outcome or (not m.groupdict().get("noun") and outcome in ("agreed", "noted", "recommended")
                       and not text.lower().startswith("result")):
        return None
    noun = (m.groupdict().get("noun") or "").lower() or None
    return noun, outcome, tally(m.groupdict().get("tally"), bool(m["unan"])), bool(whole)


def tally(text: str | None, unanimous: bool = False) -> Votes | None:
    """Votes from "5-0", "4-2-1-1" (for, against, abstain, absent) or "[UNANIMOUS]"."""
    if not text and not unanimous:
        return None
    votes = Votes(unanimous=unanimous)
    if text:
        numbers = [int(n) for n in re.findall(r"\d+", text)]
        votes.counts = dict(zip(("for", "against", "abstain", "absent"), numbers))
    return votes


def proposal(lines: list[str]) -> Proposal | None:
    """A proposal that starts at lines[0] (its wording may follow on the next lines)."""
    text = lines[0]
    for pattern in _PROPOSAL:
        m = pattern.match(_PARA.sub("", text, count=1))
        if m:
            rest = " ".join([m["rest"], *lines[1:2]])
            amendment = bool(re.match(r"(?i)(?:the\s+)?(?:following\s+)?amendment\b", rest.strip()))
            return Proposal(_tidy_name(m["mover"]), _tidy_name(m["seconder"]), m["rest"], 0, amendment,
                            bool(_PROCEDURAL.search(rest)))
    return None


def _tidy_name(name: str | None) -> str | None:
    return re.sub(r"\s+", " ", name).strip(" ,.:") if name else None


def mover_line(text: str) -> tuple[str, str] | None:
    """("mover" | "seconder", name) for a labelled line such as "Moved by: Councillor Foote"."""
    for role, pattern in (("mover", _MOVER_LINE), ("seconder", _SECONDER_LINE)):
        m = pattern.match(text)
        if m:
            return role, _tidy_name(re.split(r"\s{2,}|;", m["name"])[0])
    return None


def marked_movers(text: str) -> tuple[str, str] | None:
    """(mover, seconder) printed as "J. Smith (motion), K. Lee (second)"."""
    m = _BY_MARKS.search(text)
    return (_tidy_name(m["mover"].split("–")[-1].split("-")[-1]), _tidy_name(m["seconder"])) if m else None


def vote_head(text: str) -> tuple[str, int | None, str] | None:
    """(count kind, printed count, names on the same line) for "For (39)", "AYES: A, B", "Against: 3"."""
    m = _VOTE_HEAD.match(text.strip())
    if not m:
        return None
    kind = next(k for p, k in _VOTE_KIND if p.match(m["head"]))
    n = m["n"] or m["n2"]
    if not n and not m["names"]:
        return None  # "For:" alone could be a label of anything
    return kind, int(n) if n else None, m["names"].strip()


def names_line(text: str) -> bool:
    """Whether a line reads as part of a list of members' names (capitalised, comma separated)."""
    tokens = [t.strip() for t in re.split(r",|\band\b", text) if t.strip()]
    return bool(tokens) and all(len(t.split()) <= 5 and (t[:1].isupper() or _HONOUR.match(t)) for t in tokens) \
        and not text.rstrip().endswith(":")


def split_names(text: str) -> list[str]:
    """Names of a vote list, each with the honours printed after it ("Mr Hill, OBE")."""
    names: list[str] = []
    for token in (t.strip(" .") for t in re.split(r",|\s+and\s+", text)):
        if not token or re.fullmatch(r"(?i)none|nil|n/a", token):
            continue
        if _HONOUR.match(token) and names:
            names[-1] += f", {token}"
        else:
            names.append(token)
    return names


def para_label(text: str) -> tuple[str, int] | None:
    """("()", 4) for a paragraph numbered "(4) ...", (")", 4) for "4) ...", (".", 4) for "4. ..."."""
    m = _PARA.match(text)
    if not m:
        return None
    shape = "()" if m["b"] else (")" if m["p"] else ".")
    return shape, int(m["b"] or m["p"] or m["d"])


def procedural(text: str) -> bool:
    return bool(_PROCEDURAL.search(text))


def item_fate(text: str) -> str | None:
    """"deferred"/"withdrawn" where the minute says the item itself was put off or withdrawn."""
    m = _ITEM_FATE.search(text)
    return outcome_word(m["word"]) if m else None
