"""Which pages are not for publication: how far a notice reaches, and what an agenda exempts.

Pure: a document's pages (each flagged by `has_notice` when a notice heads it) and its sections
in, restricted pages and sections out. Two signals, both read from the papers' own wording
(ingest/papers/house_style.py, notices block):

- A notice ("NOT FOR PUBLICATION by virtue of paragraph 3 of Part 1 of Schedule 12A...",
  "Document is Restricted") is printed once, at the head of the report it covers: it restricts
  its page and every later page of that report, through the appendices split off from it.
- An agenda that moves to exclude the press and public for "the following item", or lists items
  under a "PART II" / "EXEMPT ITEMS" heading, exempts those items: every page of the sections
  the agenda lists under those numbers is restricted, notice or not.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from minutebook.ingest.papers import house_style as hs
from minutebook.ingest.text import tokens, words
from minutebook.ingest.types import Page, Section

_NOTICE = re.compile("|".join(hs.RESTRICTED_NOTICES), re.I | re.M)
_PUBLIC_FIELD = re.compile("|".join(hs.PUBLIC_FORM_FIELDS), re.I)
_EXCLUSION = re.compile("|".join(hs.AGENDA_EXCLUSION), re.I)
_PRIVATE_HEADING = re.compile("|".join(hs.AGENDA_PRIVATE_HEADINGS), re.I)
_EXEMPT_TITLE = re.compile("|".join(hs.AGENDA_EXEMPT_TITLES), re.I)
_NOTICE_HEAD = 400  # a notice is a stamp at the head of a page; deeper, the words are prose
_ITEM_REF = re.compile(r"\bitems?\s+((?:\d{1,2}[a-z]?(?:\s*(?:,|and|&|to|-)\s*)?)+)", re.I)


def has_notice(page_text: str) -> bool:
    """Whether a not-for-publication notice heads the page. The same words deeper in public text
    (an agenda explaining an exclusion) are not a notice, nor is a public report's form field
    that uses them to say nothing is exempt ("Exempt information: None")."""
    return bool(_NOTICE.search(_PUBLIC_FIELD.sub(" ", page_text[:_NOTICE_HEAD])))


def restrict(pages: list[Page], sections: list[Section], agenda=()) -> tuple[list[Page], list[Section]]:
    """The pages with their notices' reach and the agenda's exemptions applied, and the sections
    with `restricted` set where every page that has text is restricted. `agenda` holds the pack's
    agenda items (ingest.sections.AgendaItem: number, title, note, first_page)."""
    flags = [p.restricted for p in pages]
    exempt = exempt_items(list(agenda))
    for i, s in enumerate(sections):
        span = _report_span(sections, i)
        if s.item is not None and s.item in exempt and s.kind != "agenda":
            _mark(flags, s.first_page, s.last_page)
        notice = next((n for n in range(s.first_page, s.last_page + 1) if pages[n - 1].restricted), None)
        if notice is not None:
            _mark(flags, notice, span.last_page)
    new_pages = [p if p.restricted == f else replace(p, restricted=f) for p, f in zip(pages, flags)]
    new_sections = [replace(s, restricted=all(flags[n - 1] or pages[n - 1].blank
                                              for n in range(s.first_page, s.last_page + 1)))
                    for s in sections]
    return new_pages, new_sections


# A page's print: the smallest PRINT_SIZE hashes of its 5-word shingles (normalised words), a
# bottom-k sketch of its text. Two pages whose prints share at least half their values hold
# the same text, whatever furniture, line breaks or page numbers differ. A page of fewer than
# PRINT_MIN_WORDS words (a cover line, "This page is intentionally blank") has none.
PRINT_SIZE, SHINGLE, PRINT_MIN_WORDS = 24, 5, 20


def page_print(text: str) -> list[int]:
    """The page's print (sorted 63-bit integers, fit for SQLite), or [] for a page too short to tell."""
    found = words(text)
    if len(found) < PRINT_MIN_WORDS:
        return []
    hashes = {int.from_bytes(hashlib.blake2b(" ".join(found[i:i + SHINGLE]).encode(), digest_size=8).digest(),
                             "big") >> 1 for i in range(len(found) - SHINGLE + 1)}
    return sorted(hashes)[:PRINT_SIZE]


def same_text(a: list[int] | set[int], b: list[int] | set[int]) -> bool:
    """Whether two prints are of the same text (half the smaller print in common)."""
    return bool(a) and bool(b) and len(set(a) & set(b)) * 2 >= min(len(a), len(b))


UNTITLED = "Untitled paper"


def lends_restricted(title: str, pages: list[Page]) -> bool:
    """Whether a title would show restricted matter: the paper is restricted throughout, or a word of
    the title is printed on one of its restricted pages and on none of its public ones (a PDF's
    own title naming the exempt report it carries)."""
    printed = [p for p in pages if not p.blank]
    if printed and all(p.restricted for p in printed):
        return True
    secret = {w for p in printed if p.restricted for w in tokens(p.text)}
    if not secret:
        return False
    public = {w for p in printed if not p.restricted for w in tokens(p.text)}
    return any(w in secret and w not in public for w in tokens(title))


def public_title(title: str, fallback: str, pages: list[Page], sections: list[Section]) -> tuple[str, list[Section]]:
    """The title a paper is shown under, and its sections with that title where they carried the
    withheld one: `title` unless it lends restricted matter, else `fallback` (the file's name), else
    UNTITLED. A title is shown to everyone (status, search hits, prompts), so it must be public."""
    if not lends_restricted(title, pages):
        return title, sections
    shown = fallback if fallback and not lends_restricted(fallback, pages) else UNTITLED
    return shown, [replace(s, title=shown) if s.title == title else s for s in sections]


def exempt_items(agenda: list) -> set[str]:
    """Numbers of the agenda items taken in private, by the agenda's own wording."""
    exempt: set[str] = set()
    for i, it in enumerate(agenda):
        later = [x for x in agenda[i + 1 :] if x.first_page]
        if it.first_page and _EXEMPT_TITLE.search(it.title):
            exempt.add(it.number)
        if _PRIVATE_HEADING.search(it.note) or (not it.first_page and _PRIVATE_HEADING.search(it.title)):
            exempt.update(x.number for x in later)  # "PART II" printed after this item heads the rest
        elif _EXCLUSION.search(f"{it.title} {it.note}"):
            exempt.update(x.number for x in _moved_for(it, later))
    return exempt


def _moved_for(motion, later: list) -> list:
    """The items an exclusion motion names: by title or number, else "the following item(s)".
    A motion that names none of them (a standing item "to consider excluding the public if
    needed") exempts nothing by itself."""
    text = _collapse(f"{motion.title} {motion.note}")
    named = [x for x in later if len(x.title) > 8 and _collapse(x.title) in text]
    numbers = {n for m in _ITEM_REF.finditer(text) for n in re.findall(r"\d{1,2}[a-z]?", m.group(1))}
    named += [x for x in later if x.number in numbers and x not in named]
    if named:
        return named
    if re.search(r"\bfollowing items\b|\bremaining items\b", text):
        return later
    if re.search(r"\bfollowing item\b", text):
        return later[:1]
    return []


def _report_span(sections: list[Section], i: int) -> Section:
    """A report and the appendices split off right after it: what a notice heading it covers."""
    head = sections[i]
    last = i
    while (last + 1 < len(sections) and sections[last + 1].kind == "appendix"
           and sections[last + 1].title.startswith(f"{head.title}:")):
        last += 1
    return replace(head, last_page=sections[last].last_page)


def _mark(flags: list[bool], first: int, last: int) -> None:
    for n in range(first, min(last, len(flags)) + 1):
        flags[n - 1] = True


def _collapse(text: str) -> str:
    return re.sub(r"[\s.:;,'’-]+", " ", text).strip().lower()
