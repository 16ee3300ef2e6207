"""Values typed into a PDF's form fields, read as text on their page, beside their labels.

A fillable agenda prints "Location/Address:" and keeps what the clerk typed ("Maggie Daley
Fieldhouse") in a form field (an AcroForm widget), which text extraction does not return: the
page read as blank where it mattered. Each value is put where a reader sees it: on the line
level with its box (after the label, or over the blank "___" it fills), else under the line just
above its box (a heading such as "5. Discussions" with a box of items below it), else at the end
of the page.

`fill` is pure (text, the page's positioned text fragments and its fields in, text out);
`page_text_with_fields` reads one pypdf page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_BLANK = re.compile(r"_{2,}")
_LINE_GAP = 3.0  # points: fragments this close in height sit on one line
_ABOVE = 24.0  # points: how far above a box its heading may stand


@dataclass(frozen=True)
class Field:
    value: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class Fragment:
    x: float
    y: float
    text: str


def fill(text: str, fragments: list[Fragment], fields: list[Field]) -> str:
    """`text` (the page as extracted) with each field's value placed by its label."""
    lines = text.split("\n")
    rows = _rows(fragments)
    inline: dict[int, list[tuple[float, str]]] = {}  # line -> (x, value), filled left to right
    under: dict[int, list[str]] = {}
    tail = []
    for f in sorted(fields, key=lambda f: (-f.y1, f.x0)):
        value = f.value.strip() if "\n" in f.value.strip() else " ".join(f.value.split())
        if not value:
            continue
        level = [r for r in rows if f.y0 - _LINE_GAP <= r[0] <= f.y1 + _LINE_GAP and r[1] < f.x0 + 1]
        above = [r for r in rows if f.y1 < r[0] <= f.y1 + _ABOVE]
        at = None
        if level and "\n" not in value:
            at = _line_of(lines, min(level, key=lambda r: abs(r[0] - (f.y0 + f.y1) / 2))[2])
            if at is not None:
                inline.setdefault(at, []).append((f.x0, value))
                continue
        for row in ([min(level, key=lambda r: abs(r[0] - (f.y0 + f.y1) / 2))] if level else []) + (
                [min(above, key=lambda r: r[0])] if above else []):
            at = _line_of(lines, row[2])
            if at is not None:
                under.setdefault(at, []).extend(v.strip() for v in value.split("\n") if v.strip())
                break
        else:
            tail.append(value)
    out = []
    for i, line in enumerate(lines):
        for _, value in sorted(inline.get(i, [])):
            if _BLANK.search(line):  # the value fills the blank the form prints for it
                line = _BLANK.sub(value.replace("\\", "\\\\"), line, count=1)
            else:
                line = f"{line.rstrip()} {value}"
        out.append(line)
        out.extend(under.get(i, []))
    return "\n".join(out + tail)


def _rows(fragments: list[Fragment]) -> list[tuple[float, float, str]]:
    """(height, left edge, text) of each printed line."""
    rows: list[list] = []
    for fr in sorted(fragments, key=lambda fr: (-fr.y, fr.x)):
        if not fr.text.strip():
            continue
        if rows and abs(rows[-1][0] - fr.y) <= _LINE_GAP:
            rows[-1][2].append(fr)
        else:
            rows.append([fr.y, fr.x, [fr]])
    return [(y, x, "".join(fr.text for fr in sorted(frs, key=lambda fr: fr.x))) for y, x, frs in rows]


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _line_of(lines: list[str], label: str) -> int | None:
    """The extracted line that holds the printed line `label` (or the longest part of it)."""
    key = _squash(label)
    if len(key) < 2:
        return None
    for i, line in enumerate(lines):
        here = _squash(line)
        if here and (key in here or (len(here) >= 4 and here in key)):
            return i
    return None


def page_text_with_fields(page) -> str:
    """A pypdf page's text, with its filled-in form fields' values placed by their labels."""
    fields = _fields(page)
    if not fields:
        return page.extract_text() or ""
    fragments: list[Fragment] = []

    def visit(text, cm, tm, _font, _size):
        if text and text.strip():
            fragments.append(Fragment(tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5], text))

    text = page.extract_text(visitor_text=visit) or ""
    return fill(text, fragments, fields)


def _fields(page) -> list[Field]:
    """The text and choice fields of a page that hold a value."""
    out = []
    for ref in page.get("/Annots") or []:
        try:
            a = ref.get_object()
            if a.get("/Subtype") != "/Widget":
                continue
            parent = a.get("/Parent")
            parent = parent.get_object() if parent is not None else {}
            kind = a.get("/FT") or parent.get("/FT")
            value = a.get("/V") if a.get("/V") is not None else parent.get("/V")
            if kind not in ("/Tx", "/Ch") or value is None:
                continue
            value = " ".join(str(v) for v in value) if isinstance(value, list) else str(value)
            x0, y0, x1, y1 = (float(v) for v in a.get("/Rect"))
            out.append(Field(value, min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
        except (AttributeError, TypeError, ValueError, KeyError):
            continue  # a malformed widget: the page's printed text still stands
    return out
