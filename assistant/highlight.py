"""Which words of a passage match a search: character spans to highlight, never markup.

The caller decides how to show a span (the web app bolds it in escaped Markdown), so paper
text can never turn into HTML here.
"""
from __future__ import annotations

import re

from minutebook.ingest.text import normal_word, same_word, sentences
from minutebook.ingest.text import terms as content_terms

_WORD = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)?")


def query_terms(query: str) -> set[str]:
    """The query's words as the highlighter compares them: stemmed, without stop words."""
    return set(content_terms(query))


def spans(text: str, terms: set[str]) -> list[tuple[int, int]]:
    """(start, end) of every word in `text` that matches a term, in order and not overlapping.

    A word matches when its stem is a term's, or the same word in a form the stemmer missed
    (ingest.text.same_word: "partner" finds "partnership", "count" does not find "county").
    """
    if not terms:
        return []
    out = []
    for m in _WORD.finditer(text):
        word = normal_word(m.group(0).lower().split("'")[0])
        if word in terms or any(same_word(word, t) for t in terms):
            out.append((m.start(), m.end()))
    return out


def snippet(text: str, query: str, limit: int = 300) -> str:
    """The sentence of a passage that matches the query best (most of its words; the first such
    on a tie), with the sentences after it while they fit in `limit` characters: what a search
    result shows, so that the reason it was found is on screen, not the start of its chunk."""
    parts = sentences(text or "")
    if not parts:
        return ""
    terms = query_terms(query)
    matched = [len({s[a:b].lower() for a, b in spans(s, terms)}) for s in parts]
    best = max(range(len(parts)), key=lambda i: (matched[i], -i)) if any(matched) else 0
    out = parts[best]
    for s in parts[best + 1:]:
        if len(out) + 1 + len(s) > limit:
            break
        out = f"{out} {s}"
    if len(out) > limit:
        out = out[: limit - 1].rsplit(" ", 1)[0] + "…"
    return out
