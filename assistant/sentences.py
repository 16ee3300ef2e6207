"""Splitting board papers into quotable sentences, and the word matching the answerer scores with.

Papers are full of things that look like sentence ends but are not (councillors' initials,
"Cllr.", roman-numeral list markers) and list items that are really separate answers
("a) Knife crime work ... b) Celebrate Safely ..."). Getting these right decides whether the
quoted sentence is the one holding the fact or half of it.
"""
from __future__ import annotations

import re

from ingest.decisions import KEYWORDS

_SENT_SPLIT = re.compile(r"(?<=[.!?;])\s+(?=[\"'(•●A-Z0-9])|\s+(?=[•●▪]\s)|\s+(?=\(?[a-h]\)\s+[A-Z])"
                         r"|\s+(?=\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\)\s+[A-Z])")
# A part ending in one of these was cut at a full stop that ends no sentence.
_NOT_AN_END = re.compile(r"(\b(No|St|approx|etc|e\.g|i\.e|vs)|(^|\s)[A-Z]|(^|\s)\(?(i|ii|iii|iv|v|vi|vii|viii|ix|x)\)?)\.$")
# A title cut off the end of one row of an attendance list belongs to the name that follows it.
_TITLE_END = re.compile(r"\s((Cllr|Mr|Mrs|Ms|Dr|Rev|Supt|Insp|Det|Sgt)\.)$")
_ITEM_START = re.compile(r"\(?([a-h]|i|ii|iii|iv|v|vi|vii|viii|ix|x|\d{1,2})\)\s|[•●▪◦‣∙–-]\s")
_DECISION_LEAD = re.compile(rf"(?:{KEYWORDS})\s*:?")
MAX_WORDS = 70

_NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
# Words a clerk treats as the same: "who chaired" is answered by "(Chairman)", "who wrote" by "Report author".
_SYNONYMS = {"chairman": "chair", "chairwoman": "chair", "chairperson": "chair", "chaired": "chair",
             "vice": "vice", "racial": "race", "racially": "race", "wrote": "author", "written": "author",
             "writer": "author", "authored": "author"}


def sentences(text: str) -> list[str]:
    """Sentences (or list items) of a chunk, verbatim but for joined line breaks.

    A line that opens with a list marker ("- 2018: 345", "2) That ...") starts an entry of its own even
    where the entry before it ends without a full stop: a quote ends where its entry ends."""
    parts = [p.strip() for entry in list_entries(text) for p in _SENT_SPLIT.split(" ".join(entry.split()))
             if p and p.strip()]
    merged: list[str] = []
    for part in parts:
        # "RESOLVED:" on its own line belongs with the decision that follows it; "Cllr." with its name.
        if merged and (_DECISION_LEAD.fullmatch(merged[-1]) or len(merged[-1].split()) < 3
                       or (_NOT_AN_END.search(merged[-1]) and not _ITEM_START.match(part))):
            merged[-1] = f"{merged[-1]} {part}"
            continue
        title = _TITLE_END.search(merged[-1]) if merged else None
        if title and len(merged[-1][: title.start()].split()) >= 3:
            merged[-1], part = merged[-1][: title.start()], f"{title.group(1)} {part}"
        merged.append(part)
    out = []
    for s in merged:
        words = s.split()
        out.extend(" ".join(words[i : i + MAX_WORDS]) for i in range(0, len(words), MAX_WORDS))
    return out


# A list entry's marker at the start of a line: a bullet or dash, "2)" / "(3)", "(a)" / "b)", "(iv)". ("6." opens
# an agenda item or a numbered paragraph, whose heading and first sentence the splitter below already parts.)
_ENTRY_LINE = re.compile(r"^\s*(?:[•●▪◦‣∙–-]\s|\(?\d{1,2}\)\s|\(?[a-z]\)\s|\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\)\s)")


def list_entries(text: str) -> list[str]:
    """The chunk cut before every line that opens a list entry (whitespace kept as printed)."""
    entries: list[str] = []
    for line in text.splitlines():
        if entries and not _ENTRY_LINE.match(line):
            entries[-1] += "\n" + line
        else:
            entries.append(line)
    return entries


def tokens(text: str) -> list[str]:
    return [normal_word(w) for w in re.findall(r"[a-z0-9]+", text.lower())]


def normal_word(word: str) -> str:
    """Stemmed, with number words as digits and a few council synonyms folded together."""
    word = _NUMBER_WORDS.get(word, word)
    return _SYNONYMS.get(word) or _stem(word)


def _stem(word: str) -> str:
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def same_word(a: str, b: str) -> bool:
    """Stems that are one word in two forms the light stemmer missed: region/regional,
    deliver/delivery, respond/respons(es). Short stems must match exactly."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 5 and long_.startswith(short):
        return not short.isdigit()
    n = 0
    while n < len(short) and short[n] == long_[n]:
        n += 1
    return n >= 6 and len(short) - n <= 1 and len(long_) - n <= 1


def acronyms(texts: list[str]) -> dict[str, list[str]]:
    """Acronyms the papers define, "Anti-Social Behaviour (ASB)" -> {"asb": [anti, social, behaviour]},
    so a sentence that says "ASB" matches a question that says "anti-social behaviour"."""
    found: dict[str, list[str]] = {}
    for text in texts:
        for m in re.finditer(r"((?:[A-Za-z][\w'&]*,?[\s-]+){1,7})\(([A-Z][A-Za-z]{1,6})\)", text):
            short = m.group(2).rstrip("s") if m.group(2).endswith("s") and len(m.group(2)) > 2 else m.group(2)
            words = re.findall(r"[A-Za-z][\w']*", m.group(1))
            initials = [w for w in words if w.lower() not in {"and", "of", "the", "for", "in", "on", "&"}]
            long_form = initials[-len(short):]
            if len(long_form) == len(short) and "".join(w[0] for w in long_form).lower() == short.lower():
                found.setdefault(short.lower(), [normal_word(w.lower()) for w in long_form])
    return found
