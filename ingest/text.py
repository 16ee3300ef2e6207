"""The one text toolkit: how every part of minutebook cuts text into words and sentences and
decides that two words are the same.

Keyword search (lexical.py, and Qdrant's keyword vectors built from it), highlighting, answer
scoring and action follow-up all match words here, so a word that one of them finds ("chaired"
for "Chairman", "communities" for "community") the others find too.

Pure functions; the rules that are data (stop words, synonym folds) sit at the top.
"""
from __future__ import annotations

import re
from functools import lru_cache

from minutebook.ingest.register.decisions import KEYWORDS

# Function words: no question is about them, so keyword search leaves them out of a query.
# Domain words that name the setting rather than a topic ("board", "report") are each reader's own
# choice (assistant.extractive.GENERIC, actions' board boilerplate): a search for "board" must find boards.
SEARCH_STOP = frozenset(
    "a an and are as at be by did do does for from had has have how i in is it its of on or our so that the "
    "their there this to was we were what when where which who why will with about into any can me my "
    "tell please show give".split()
)
# Matching a question's words against a sentence (answer scoring, highlighting, action follow-up)
# also drops pronouns, modals, quantifiers and time relations: a sentence sharing "after" or "more"
# with a question is no closer to answering it. Keyword ranking keeps these, since a query's
# "after"/"before" still helps fusion find its meeting (sample hybrid MRR .848, .839 without them).
STOP = SEARCH_STOP | frozenset(
    "whom been being than then them they these those you your would should could may might "
    "much many more most some such also other over under between during after before per".split()
)
_NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
# Words a clerk treats as the same: "who chaired" is answered by "(Chairman)", "who wrote" by "Report author".
SYNONYMS = {"chairman": "chair", "chairwoman": "chair", "chairperson": "chair", "chaired": "chair",
            "racial": "race", "racially": "race", "wrote": "author", "written": "author",
            "writer": "author", "authored": "author"}
_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    """The words of `text`, lower case, letters and digits only ("Anti-social" -> anti, social)."""
    return _WORD.findall((text or "").lower())


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Snowball (Porter 2) English stem, so 'communities' meets 'community'."""
    return _stemmer().stemWord(word)


@lru_cache(maxsize=1)
def _stemmer():
    """snowballstemmer's English stemmer, loaded alone: the package's __init__ imports all of its
    30-odd languages (a tenth of a second on a quiet machine, half a second on a busy one), for
    every search from the command line. The package stands in as a bare namespace just long enough
    to import the one module; a later `import snowballstemmer` gets the real package."""
    import importlib.util
    import sys
    import types

    if "snowballstemmer" in sys.modules:
        return sys.modules["snowballstemmer"].stemmer("english")
    spec = importlib.util.find_spec("snowballstemmer")
    bare = types.ModuleType("snowballstemmer")
    bare.__path__ = list(spec.submodule_search_locations)
    sys.modules["snowballstemmer"] = bare
    try:
        from snowballstemmer.english_stemmer import EnglishStemmer
    finally:
        del sys.modules["snowballstemmer"]
    return EnglishStemmer()


@lru_cache(maxsize=200_000)
def normal_word(word: str) -> str:
    """A lower-case word as every matcher compares it: number words as digits, the synonym folds,
    then the stem."""
    word = _NUMBER_WORDS.get(word, word)
    return SYNONYMS.get(word) or stem(word)


def tokens(text: str) -> list[str]:
    """Every word of `text`, normalised (stop words kept)."""
    return [normal_word(w) for w in words(text)]


# Keyword search's own folds, stem -> the stem it is searched as, applied to papers and questions
# alike. Extend with care: a fold joins the words in every question and every paper. "chairman"
# is not folded into "chair" here: minutes print "the Chairman said" on every page, so "Who
# chaired ...?" would match them all (measured on both gold sets: the attendance list sank); the
# search prefers a minutes' first page for that question instead.
SEARCH_FOLDS = {
    "councilor": "councillor",  # US spelling
    "mover": "move",  # "Mover: X, Seconder: Y" tables answer "who moved"
    "abstent": "abstain",  # "abstentions" and "abstained"
}


@lru_cache(maxsize=200_000)
def search_stem(word: str) -> str:
    """The stem keyword search indexes and queries a word by: Snowball, then SEARCH_FOLDS."""
    base = stem(word)
    return SEARCH_FOLDS.get(base, base)


def search_terms(text: str) -> list[str]:
    """The distinct terms keyword search ranks a query by: search stems, without SEARCH_STOP or
    single letters. Not the SYNONYMS or number words: folding those into the BM25 index as well
    cost the sample's keyword MRR .842 -> .826 ("one", "chairman" are common words of the papers)."""
    return list(dict.fromkeys(search_stem(w) for w in words(text) if w not in SEARCH_STOP and len(w) > 1))


def terms(text: str) -> list[str]:
    """The distinct content words of a query as matchers compare them: normalised, without STOP."""
    return list(dict.fromkeys(normal_word(w) for w in words(text) if w not in STOP and len(w) > 1))


def same_word(a: str, b: str) -> bool:
    """Stems that are one word in two forms the stemmer missed: partner/partnership,
    respond/respons(es). Stems under six letters must match exactly: a Snowball stem is often a
    word cut short ("centre" -> centr), and "centr" must not meet "central"."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 6 and long_.startswith(short):
        return not short.isdigit()
    n = 0
    while n < len(short) and short[n] == long_[n]:
        n += 1
    return n >= 6 and len(short) - n <= 1 and len(long_) - n <= 1


# ---- sentences ----------------------------------------------------------------------------------
# Papers are full of things that look like sentence ends but are not (councillors' initials,
# "Cllr.", roman-numeral list markers) and list items that are really separate answers
# ("a) Knife crime work ... b) Celebrate Safely ..."). Getting these right decides whether a
# quoted sentence is the one holding the fact or half of it.

_SENT_SPLIT = re.compile(r"(?<=[.!?;])\s+(?=[\"'(•●A-Z0-9])|\s+(?=[•●▪]\s)|\s+(?=\(?[a-h]\)\s+[A-Z])"
                         r"|\s+(?=\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\)\s+[A-Z])")
# A part ending in one of these was cut at a full stop that ends no sentence.
_NOT_AN_END = re.compile(r"(\b(No|St|approx|etc|e\.g|i\.e|vs)|(^|\s)[A-Z]|(^|\s)\(?(i|ii|iii|iv|v|vi|vii|viii|ix|x)\)?)\.$")
# A title cut off the end of one row of an attendance list belongs to the name that follows it.
_TITLE_END = re.compile(r"\s((Cllr|Mr|Mrs|Ms|Dr|Rev|Supt|Insp|Det|Sgt)\.)$")
_ITEM_START = re.compile(r"\(?([a-h]|i|ii|iii|iv|v|vi|vii|viii|ix|x|\d{1,2})\)\s|[•●▪◦‣∙–-]\s")
_DECISION_LEAD = re.compile(rf"(?:{KEYWORDS})\s*:?")
MAX_WORDS = 70


def sentences(text: str, max_words: int | None = MAX_WORDS) -> list[str]:
    """Sentences (or list items) of a chunk, verbatim but for joined line breaks; one longer than
    `max_words` (a table, a run without full stops) is cut into pieces of that many words.

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
    if not max_words:
        return merged
    out = []
    for s in merged:
        split = s.split()
        out.extend(" ".join(split[i : i + max_words]) for i in range(0, len(split), max_words))
    return out


# A list entry's marker at the start of a line: a bullet or dash, "2)" / "(3)", "(a)" / "b)", "(iv)". ("6." opens
# an agenda item or a numbered paragraph, whose heading and first sentence the splitter below already parts.)
ENTRY_MARKER = r"(?:[•●▪◦‣∙–-]|\(?\d{1,2}\)|\(?[a-z]\)|\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\))\s"
_ENTRY_LINE = re.compile(rf"^\s*{ENTRY_MARKER}")


def opens_entry(line: str) -> bool:
    """Whether a printed line opens a list entry (a bullet, a dash, "2)", "(a)", "(iv)")."""
    return bool(_ENTRY_LINE.match(line))


def list_entries(text: str) -> list[str]:
    """The chunk cut before every line that opens a list entry (whitespace kept as printed)."""
    entries: list[str] = []
    for line in text.splitlines():
        if entries and not _ENTRY_LINE.match(line):
            entries[-1] += "\n" + line
        else:
            entries.append(line)
    return entries


def acronyms(texts: list[str]) -> dict[str, list[str]]:
    """Acronyms the papers define, "Anti-Social Behaviour (ASB)" -> {"asb": [anti, social, behaviour]},
    so a sentence that says "ASB" matches a question that says "anti-social behaviour"."""
    found: dict[str, list[str]] = {}
    for text in texts:
        for m in re.finditer(r"((?:[A-Za-z][\w'&]*,?[\s-]+){1,7})\(([A-Z][A-Za-z]{1,6})\)", text):
            short = m.group(2).rstrip("s") if m.group(2).endswith("s") and len(m.group(2)) > 2 else m.group(2)
            found_words = re.findall(r"[A-Za-z][\w']*", m.group(1))
            initials = [w for w in found_words if w.lower() not in {"and", "of", "the", "for", "in", "on", "&"}]
            long_form = initials[-len(short):]
            if len(long_form) == len(short) and "".join(w[0] for w in long_form).lower() == short.lower():
                found.setdefault(short.lower(), [normal_word(w.lower()) for w in long_form])
    return found
