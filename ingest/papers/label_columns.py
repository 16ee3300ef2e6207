"""Labels printed in one column and their values in the next, as a text layer reads them: the labels
stacked one under another with nothing after their colons, then the values in the same order.

    MEMBERS PRESENT:                 Present: Chair Anderson, Vice-Chair Miller, ...
    MEMBERS ABSENT:          ->      Board Member Irons
    STAFF PRESENT:                   Gregory McFann, Building Official, ...

reads as the three labels, then the three values. Each label takes the value in its place, a value being a line and
the lines it runs on into (a list or a name cut at a comma, a joining word or a title). A table read row by row prints the same stack of
labels, but then more rows of names than labels ("Present: / Members of the Public: / Apologies:"
over rows that hold a name from each column): there the places do not say which label a name is
under, and no label is given a value (nor the names printed under it, which are another column's).

Pure: a page's text in, (label, value) pairs out, both as the page prints them (spacing joined).
"""
from __future__ import annotations

import re

# A label alone on its line: "MEMBERS ABSENT:", "Also Present:", "Apologies:".
_LABEL = re.compile(r"^[A-Za-z][A-Za-z /&'’-]{1,30}:$")
# A value is names and titles; a line that says something (a verb), opens a label or a numbered item is the
# record going on.
_SAYS = re.compile(r"\b(?:was|were|is|are|be|been|has|have|had|will|shall|moved|seconded|approved|called|convened"
                   r"|adjourned|said|stated|shared|noted|reported|to approve)\b|:$|^\(?\d{1,3}[.)]", re.I)
MAX_VALUE_WORDS = 30
# A line ending on a comma, a joining word or a title ("Board", "Councillor") is cut mid-list or mid-name.
_RUNS_ON = re.compile(r"(?:[,&]|\b(?:and|of|the)|\b(?:Board|Members?|Chair|Vice-Chair|Vice|Councillors?|Cllrs?|Commissioners?"
                      r"|Trustees?|Directors?|Mayor|Mr|Mrs|Ms|Dr))$")


def label_values(text: str) -> list[tuple[str, str | None]]:
    """(label, value) of each label in a stack of two or more bare labels on the page; the value None
    where the names under the stack do not say which label they are under."""
    lines = text.splitlines()
    out: list[tuple[str, str]] = []
    k = 0
    while k < len(lines):
        labels, j = [], k
        while j < len(lines) and (not lines[j].strip() or _LABEL.match(lines[j].strip())):
            if lines[j].strip():
                labels.append(" ".join(lines[j].split()))
            j += 1
        if len(labels) >= 2:
            values = _values(lines[j:], len(labels))
            out += [(label, values[n] if n < len(values) else None) for n, label in enumerate(labels)]
            k = j
        else:
            k += 1
    return out


def _values(lines: list[str], wanted: int) -> list[str]:
    """The values under a stack of `wanted` labels, or [] when more names follow than there are labels."""
    units: list[list[str]] = []
    for line in (" ".join(ln.split()) for ln in lines):
        if not line:
            continue
        if units and _runs_on(units[-1][-1], line):
            units[-1].append(line)
        elif len(units) > wanted:
            break
        else:
            units.append([line])
    names = []
    for unit in (" ".join(u) for u in units):
        if _SAYS.search(unit) or len(unit.split()) > MAX_VALUE_WORDS:
            break
        names.append(unit)
    return names if len(names) <= wanted else []


def _runs_on(line: str, after: str) -> bool:
    """Whether `after` continues the value `line` began: a list or a name cut at the line's end
    ("Vice-Chair Miller, Board" / "Members" / "Iverson and Lynch."), not the next value."""
    return bool(_RUNS_ON.search(line)) or after[:1].islower()
