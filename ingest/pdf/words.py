"""Words as a person reads them: faults of a text layer that show in the words themselves.

A PDF library can put stray spaces inside words ("financ ial", "Nan cy", "Wo rk", "t he"), print a
table one cell per line, or keep a font's ligatures ("ﬁ"). No dictionary is needed to see a split:
the paper spells the word whole elsewhere. A pair of neighbouring pieces counts as one split word
when the two pieces joined are a word the paper prints whole, and at least one piece is rarer on
its own than the joined word ("t he": "the" is everywhere, "t" nowhere). Two real words that
also make one ("tax base" / "taxbase", "a way" / "away") are each common on their own, and a
function word beside a word ("as set") is read as printed. Pure text in, shares and repaired text out; ingest/pdf/text_layer.py decides with them.
"""
from __future__ import annotations

import re
from collections import Counter

from minutebook.ingest.text import STOP

_LETTERS = re.compile(r"[^\W\d_]+")
_TAIL = re.compile(r"([^\W\d_]+)$")
_HEAD = re.compile(r"([^\W\d_]+)")
MAX_PIECE = 4  # a split leaves one short piece at least ("Photovol taic", "present ed", "A ssociated")
MIN_LINES = 15  # fewer lines than this: too few to say a page prints one word per line
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                            "\ufb05": "st", "\ufb06": "st"})


def vocabulary(texts: list[str]) -> Counter:
    """How often each word (lower case) is printed in a paper: the words a split is checked against."""
    counts: Counter = Counter()
    for text in texts:
        counts.update(w.lower() for w in _LETTERS.findall(text))
    return counts


def split_pairs(line: str, vocab: Counter) -> list[tuple[int, int]]:
    """(start, end) of each stray space inside a word on one line: the gap between its pieces."""
    out = []
    tokens = list(re.finditer(r"\S+", line))
    for a, b in zip(tokens, tokens[1:]):
        left, right = a.group(0), b.group(0)
        if not (left[-1].isalpha() and right[0].isalpha()):
            continue
        x, y = _TAIL.search(left).group(1), _HEAD.match(right).group(1)
        # "Wo rk", "RESOLV ED"; never "Mr Smith", nor codes in a table ("KS R" beside "KSR")
        if not (y[0].islower() or (x.isupper() and y.isupper() and len(x) > 2 and len(y) > 1)):
            continue
        joined = (x + y).lower()
        if min(len(x), len(y)) > MAX_PIECE or not vocab[joined] or _two_words(x.lower(), y.lower()):
            continue
        if vocab[x.lower()] <= vocab[joined] or vocab[y.lower()] <= vocab[joined]:
            out.append((a.end(), b.start()))
    return out


def _two_words(x: str, y: str) -> bool:
    """A function word beside a word: "as set", "in to", "for mer" are read as printed."""
    return (x in STOP and y in STOP) or (x in STOP and len(x) > 1 and len(y) > 2) or (y in STOP and len(y) > 1 and len(x) > 2)


def split_share(text: str, vocab: Counter) -> float:
    """Share of a page's words that are pieces of a word split by a stray space."""
    words = splits = 0
    for line in text.splitlines():
        words += sum(1 for t in line.split() if _LETTERS.search(t))
        splits += len(split_pairs(line, vocab))
    return splits / words if words else 0.0


def join_split_words(text: str, vocab: Counter) -> str:
    """`text` with the stray spaces inside its words taken out ("Contra ct" -> "Contract")."""
    out = []
    for line in text.split("\n"):
        for start, end in reversed(split_pairs(line, vocab)):
            line = line[:start] + line[end:]
        out.append(line)
    return "\n".join(out)


def one_word_lines(text: str) -> float:
    """Share of a page's non-blank lines that hold one word: a table read one cell per line."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if len(lines) < MIN_LINES:
        return 0.0
    return sum(1 for ln in lines if len(ln.split()) == 1) / len(lines)


def expand_ligatures(text: str) -> str:
    """'ﬁnancial' -> 'financial': a font's ligature glyphs as the letters a person reads."""
    return text.translate(_LIGATURES)
