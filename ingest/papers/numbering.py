"""One reader of item numbering, shared by sections, chunking, minutes, the register and references.

Councils number items as "1.", "12/25", "CSP/04/25", "Minute 40", "(Item 5)", "5.A", "IV.",
"Resolution No. 2024-123" and more (the forms are data in house_style.NUMBERING_FORMS). A line
of that shape is a heading only when its number continues the sequence read so far: "3." after
minute "2." opens minute 3, while "1)" inside minute 2 is the first entry of a list. Pure text in,
dataclasses out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.ingest.papers.house_style import NUMBERING_FORMS, NUMBERING_LIST_LIKE, NUMBERING_STAMPS

_TAIL = r"\s*[-–—:]?\s*(?P<title>.*)$"
_FORMS = [(name, re.compile(rf"^\s*{pattern}{_TAIL}"), label) for name, pattern, label in NUMBERING_FORMS]
STAMP = re.compile(rf"^\s*(?:{'|'.join(NUMBERING_STAMPS)})\s*$", re.I)
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
# Forms that share one sequence: "5." and "5.A" interleave in a US agenda.
_SHARED = {"sub": "dot", "item_note": "item"}
_MAX_GAP = 5


@dataclass(frozen=True)
class Heading:
    """A line that could open an item: its name as councils cite it, place in sequence, and title."""

    item: str  # "22", "12/25", "CSP/04/25", "Item 5", "R2024-070", "5.A"
    key: tuple[int, ...]  # (22,), (5, 1) for "5.A"
    family: tuple  # numbers of one family form one sequence: ("code", "CSP", "25")
    title: str
    form: str  # the NUMBERING_FORMS name

    @property
    def title_above(self) -> bool:
        """Whether the title is printed on the line above ("(Item 5)" under its heading)."""
        return self.form == "item_note"


def roman(text: str) -> int:
    """The value of a roman numeral ("iv" -> 4); 0 if it is not one."""
    values = [_ROMAN.get(c) for c in text.upper()]
    if not values or None in values:
        return 0
    return sum(-v if nxt > v else v for v, nxt in zip(values, values[1:] + [0]))


def _ordinal(text: str) -> int:
    if text.isdigit():
        return int(text)
    if len(text) == 1 and text.isalpha() and text.upper() not in "IVX":
        return ord(text.upper()) - ord("A") + 1
    return roman(text) or ord(text.upper()) - ord("A") + 1


def heading(text: str) -> Heading | None:
    """The item heading `text` could be, by shape alone; the caller judges it by the sequence."""
    for name, pattern, label in _FORMS:
        m = pattern.match(text)
        if not m:
            continue
        groups = {k: v for k, v in m.groupdict().items() if v is not None}
        n = groups["n"]
        if name == "roman" and not roman(n):
            continue
        key = ((_ordinal(groups["major"]), _ordinal(n)) if "major" in groups else (_ordinal(n),))
        printed = text[m.start("n") if name != "code" else m.start("series"):m.start("title")].strip(" .:-–—")
        if name == "resolution":
            printed = re.sub(r"(?i)^\W*", "", text[:m.start("title")]).strip(" .:")
        item = label.format(item=printed, **groups)
        family = (_SHARED.get(name, name), groups.get("series"), groups.get("year"))
        return Heading(item, key, family, groups.get("title", "").strip(), name)
    return None


def follows(last: tuple[int, ...] | None, key: tuple[int, ...]) -> bool:
    """Whether `key` is the next number after `last` at some level: 5 -> 6, 5 -> 5.A, 5.B -> 6."""
    if last is None:
        return True
    if len(key) == len(last) and key[:-1] == last[:-1] and key[-1] == last[-1] + 1:
        return True
    if key == last + (1,):
        return True
    return key in ((last[0] + 1,), (last[0] + 1, 1))


def _title_ok(head: Heading) -> bool:
    """A heading's title starts like one: a capital, digit or quote, never a clause ("that ...")."""
    title = head.title
    if not title:
        return True
    if re.match(r"(?i)that\b", title):
        return False
    return bool(re.match(r"[A-Z0-9'‘\"“(]", title)) or head.form not in NUMBERING_LIST_LIKE


@dataclass
class Sequence:
    """The numbering read so far in one paper: its family and the last number accepted."""

    family: tuple | None = None
    last: tuple[int, ...] | None = None

    def accept(self, head: Heading, prev_text: str = "") -> bool:
        """Whether `head` opens the next item; if so it becomes the last one seen."""
        if not self.continues(head, prev_text):
            return False
        self.family, self.last = head.family, head.key
        return True

    def continues(self, head: Heading, prev_text: str = "") -> bool:
        if not _title_ok(head):
            return False
        if self.family is None:
            return True
        if head.family != self.family:
            return False
        if follows(self.last, head.key):
            return True
        # A small gap (an exempt minute printed elsewhere) is allowed only after a finished sentence.
        gap = len(head.key) == len(self.last) and head.key[:-1] == self.last[:-1] and (
            self.last[-1] + 1 < head.key[-1] <= self.last[-1] + _MAX_GAP)
        return gap and prev_text.endswith((".", ":", ";"))


def cite(item: str) -> str:
    """How a reference names an item: "Minute 40", "Item 5", "Resolution R2024-070"."""
    if re.match(r"(?i)(?:item|minute|resolution)\b", item):
        return item
    if re.match(r"^R?(?:19|20)\d{2}-\d+$", item):
        return f"Resolution {item}"
    return f"Minute {item}"
