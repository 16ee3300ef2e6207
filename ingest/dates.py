"""Find and normalise the dates that board papers print, as ISO strings."""
from __future__ import annotations

import re
from datetime import date

_MONTH_FORMS = [
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
    ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
    ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
]
MONTHS = {m: i for i, names in enumerate(_MONTH_FORMS, start=1) for m in names}  # every form -> 1..12
MONTH_NAMES = tuple(names[0] for names in _MONTH_FORMS)  # the full names, January first
_MONTH = (r"(january|february|march|april|may|june|july|august|september|october|november|december"
          r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAYNAME = r"(?:(?:" + "|".join(WEEKDAYS) + r"),?\s+)?"
# "Monday, 1 October 2018", "14th May 2025", "22nd MARCH 2024", "1st December 2015"
_DMY = re.compile(_DAYNAME + r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(\d{4})", re.I)
# "October 1, 2018"
_MDY = re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,\s+(\d{4})", re.I)
# "15.12.23", "15/12/2023"
# A full stop may close the sentence ("on 15.12.23."), but not continue a number ("15.12.23.4").
_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})(?!\d)(?!\.\d)")


def human_date(iso: str | None) -> str:
    """'2023-12-15' -> '15 December 2023': the one way a date is shown, in the app, the CLI's
    text, titles and references. Anything that is not an ISO date is shown as it is."""
    if not iso:
        return ""
    try:
        d = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.day} {d.strftime('%B')} {d.year}"


def human_time(stamp: str | None) -> str:
    """'2026-11-29T15:59:02+00:00' -> '29 November 2026, 15:59 UTC': when an ingest or upload happened."""
    if not stamp:
        return ""
    day, _, clock = stamp.partition("T")
    return f"{human_date(day)}, {clock[:5]} UTC" if clock else human_date(day)


def _iso(y: int, m: int, d: int) -> str | None:
    if y < 100:
        y += 2000
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, str]]:
    """Every date in `text` as (offset, ISO date), in reading order."""
    found: list[tuple[int, str]] = []
    for m in _DMY.finditer(text):
        iso = _iso(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
        if iso:
            found.append((m.start(), iso))
    for m in _MDY.finditer(text):
        iso = _iso(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
        if iso:
            found.append((m.start(), iso))
    for m in _NUMERIC.finditer(text):
        iso = _iso(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if iso:
            found.append((m.start(), iso))
    return sorted(found)


def human_month(month: str) -> str:
    """'2023-03' -> 'March 2023': a month as answers show it."""
    try:
        return f"{MONTH_NAMES[int(month[5:7]) - 1].capitalize()} {month[:4]}"
    except (ValueError, IndexError):
        return month


def without_dates(text: str) -> str:
    """`text` with its dates in words ("13 February 2025", "May 14, 2024") blanked out."""
    return _MDY.sub(" ", _DMY.sub(" ", text))


def parse_date(text: str) -> str | None:
    """The first date printed in `text`, as an ISO string, or None."""
    found = find_dates(text)
    return found[0][1] if found else None


_WEEKDAY_BEFORE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b[\s,\-–—]*$", re.I)


def printed_weekday(text: str, offset: int) -> int | None:
    """The weekday printed just before the date at `offset` (0 = Monday), as in "Wednesday, January 25,
    2011" or "TUESDAY- -MARCH 6, 2012"; None when none is printed there."""
    m = _WEEKDAY_BEFORE.search(text[max(0, offset - 24):offset])
    if m is None:
        m = re.match(r"\s*(" + "|".join(WEEKDAYS) + r")\b", text[offset:offset + 12], re.I)  # inside the match
    return WEEKDAYS.index(m.group(1).lower()) if m else None


def year_slip(iso: str, weekday: int | None, hint: str | None) -> str:
    """`iso`, or `hint` where the printed date's year is a slip: its weekday does not fit it, and the
    hint (a file name's date) has the same day and month, a year either side, and fits the weekday.
    A clerk who types last year's year in a January heading ("Wednesday, January 25, 2011" for the
    meeting of Wednesday 25 January 2012) leaves the weekday to say so; without a hint that agrees,
    the printed date stands (the weekday may be the slip)."""
    if weekday is None or not hint or hint == iso:
        return iso
    try:
        printed, named = date.fromisoformat(iso), date.fromisoformat(hint)
    except ValueError:
        return iso
    if (printed.weekday() != weekday and named.weekday() == weekday and (printed.month, printed.day) == (named.month, named.day)
            and abs(printed.year - named.year) == 1):
        return hint
    return iso
