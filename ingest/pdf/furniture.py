"""Page furniture found by repetition: running headers, letterheads, "Page n of m", print headers.

A line is furniture when it sits at the top or bottom of a page and recurs there on other pages
of the same document: either word for word (a letterhead, a report's running title, a browser's
print header with its URL and timestamp), or with a number that steps with the page number
("Page 4 of 12", "4 of 12 11/15/22, 9:54 PM", a pack's own page numbers). No list of phrases:
what recurs is found in each document itself. A heading printed on two pages of a long pack
does not recur enough to count; a stamp whose number does not follow the pages ("Agenda Item 5"
then "Agenda Item 6") is not furniture either, since it says something about its page.
"""
from __future__ import annotations

import re
from collections import defaultdict

EDGE_LINES = 4  # lines from the top and from the bottom of a page where furniture is looked for
# A page-number line is short ("Page 4 of 12", a print footer with its date); a sentence whose
# number happens to follow the pages is text.
MAX_NUMBERING_WORDS = 10
_NUMBER = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_]{2,}")


def min_pages(pages: int) -> int:
    """How many pages a line must recur on: every page of a short paper, three of a longer one,
    a tenth of a pack (where a heading may well print on three of a hundred pages)."""
    return pages if pages <= 3 else max(3, -(-pages // 10))


def _edge_lines(text: str) -> list[tuple[int, str]]:
    """(line index, zone) of the non-blank lines at a page's top and bottom edges."""
    filled = [i for i, line in enumerate(text.split("\n")) if line.strip()]
    top = [(i, "top") for i in filled[:EDGE_LINES]]
    bottom = [(i, "bottom") for i in filled[-EDGE_LINES:]]
    return top + bottom


def _keys(line: str, zone: str, page: int) -> list[tuple]:
    """What makes two edge lines the same furniture: the same words, or a number stepping with the page."""
    words = " ".join(line.lower().split())
    keys: list[tuple] = []
    # Two words at least: a lone word recurring at a page's edge is as likely a table's cell
    # ("GREEN", "Total") as a header.
    if len(_WORD.findall(words)) >= 2:
        keys.append((zone, "same", words))
    masked = _NUMBER.sub("#", words)
    if len(words.split()) > MAX_NUMBERING_WORDS:
        return keys
    for k, m in enumerate(_NUMBER.finditer(words)):
        if len(m.group(0)) <= 4:  # a page number, not a year-long figure or a phone number
            keys.append((zone, "steps", masked, k, int(m.group(0)) - page))
    return keys


def _numbering_shapes(texts: list[str]) -> dict[str, int]:
    """How many lines of each numbered shape ("page # of #", "(item #)") the whole document has."""
    shapes: dict[str, int] = defaultdict(int)
    for text in texts:
        for line in text.split("\n"):
            words = " ".join(line.lower().split())
            if _NUMBER.search(words):
                shapes[_NUMBER.sub("#", words)] += 1
    return shapes


def find(texts: list[str]) -> list[dict[int, bool]]:
    """Per page, {line index (in text.split("\\n")): cut} for its furniture lines.

    A recurring line is cut everywhere but the first page it prints on: there it is the paper's
    own heading (its board, its meeting), which search and the metadata readers need. Page
    numbers are cut everywhere."""
    need = min_pages(len(texts))
    if need < 2:
        return [{} for _ in texts]
    pages_of: dict[tuple, set[int]] = defaultdict(set)
    edges = []
    for number, text in enumerate(texts, start=1):
        lines = text.split("\n")
        page_edges = [(i, _keys(lines[i], zone, number)) for i, zone in _edge_lines(text)]
        edges.append(page_edges)
        for _, keys in page_edges:
            for key in keys:
                pages_of[key].add(number)
    # Page numbering prints once a page and follows the pages; a numbered heading that happens to
    # fall at the top of a few pages in step ("(Item 8)" on page 6, "(Item 9)" on page 7) also
    # prints elsewhere out of step, so its shape outnumbers the pages it steps on.
    shapes = _numbering_shapes(texts)

    def recurs(key: tuple) -> bool:
        pages = len(pages_of[key])
        if key[1] == "steps":
            return pages >= need and shapes[key[2]] <= pages + pages // 10
        return pages >= need

    out = []
    for number, page_edges in enumerate(edges, start=1):
        found = {}
        for i, keys in page_edges:
            hits = [k for k in keys if recurs(k)]
            if hits:
                found[i] = any(k[1] == "steps" or min(pages_of[k]) < number for k in hits)
        out.append(found)
    return out


def split(texts: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    """Per page: (its text without the furniture cut from it, every furniture line as printed)."""
    out = []
    for text, found in zip(texts, find(texts)):
        lines = text.split("\n")
        kept = "\n".join(line for i, line in enumerate(lines) if not found.get(i))
        out.append((kept.strip("\n"), tuple(lines[i].strip() for i in sorted(found))))
    return out
