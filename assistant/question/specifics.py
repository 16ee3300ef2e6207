"""The specifics a question names (a year, a meeting's date) that an answer's papers must hold.

Passages can share nearly every word of a question and still not answer it: "the 2023 budget
meeting" is not answered by the 2025 one, "the Cabinet meeting of 13 March 2025" not by a panel's
October minutes. When the papers an answer would quote never mention the year or the date the
question names, the papers do not say, and the answer declines.
"""
from __future__ import annotations

import re

from minutebook.ingest.dates import MONTH_NAMES, MONTHS, find_dates

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# "2018/19", "2024-25", "2018-21": the second year of a span is printed short.
_SPAN = re.compile(r"\b((?:19|20)\d\d)\s*[/–-]\s*(\d\d)\b")


def years_in(text: str) -> set[str]:
    found = set(_YEAR.findall(text))
    found |= {first[:2] + short for first, short in _SPAN.findall(text)}
    return found


# A resolution or minute the question names by number: "resolution R2024-101", "Minute CSP/04/25".
_REFERENCE = re.compile(r"(?i)\b(R(?:19|20)\d\d-\d{1,4}|[A-Z]{2,8}/\d{1,3}/\d{2,4})\b"
                        r"|\b(?:resolution|minute)\s+(?:no\.?\s*)?(\d[\w/.-]*)")


# "before it came to full Council on 13 March 2025": the date is where the matter went next,
# not the meeting asked about (a date "after" one is usually printed in that meeting's minutes).
_BEFORE = re.compile(r"(?i)\b(?:before|prior to|ahead of|earlier than)\b(?:\W+[a-z]+){0,8}\W*$")


def meetings_named(question: str) -> set[str]:
    """The ISO dates of the meetings a question asks about: every full date it names except one
    it places the matter before."""
    return {iso for at, iso in find_dates(question) if not _BEFORE.search(question[:at])}


# "in January 2024", "the October 2018 minutes": a month named with its year. The month is the
# full name, as papers print it in running text ("between April and January 2024").
_MONTH_YEAR = re.compile(r"(?i)\b(" + "|".join(MONTH_NAMES) + r")\s+((?:19|20)\d\d)\b")


def months_named(question: str) -> set[str]:
    """The months ("2024-01") a question names with their year, full dates' months included."""
    return {f"{year}-{MONTHS[month.lower()]:02d}" for month, year in _MONTH_YEAR.findall(question)}


def prints_month(text: str, months: set[str]) -> bool:
    """Whether `text` (lower case, spaces single) prints one of `months` ("2024-01") as "january 2024"."""
    return any(f"{MONTH_NAMES[int(m[5:]) - 1]} {m[:4]}" in text for m in months)


def references_in(question: str) -> list[str]:
    """The resolution and minute numbers a question names, lower case, as printed: "r2024-101"."""
    return [(m.group(1) or m.group(2)).lower().rstrip(".") for m in _REFERENCE.finditer(question)]


# "the 2023 budget meeting", "a meeting in 2023": the year is the meeting's, not any year a passage
# mentions ("27,000 incidents reported in 2022-23" is no 2023 meeting).
_MEETING_YEAR = re.compile(r"(?i)\b((?:19|20)\d\d)\s+(?:[a-z-]+\s+){0,2}meeting\b|\bmeeting\s+(?:held\s+)?in\s+((?:19|20)\d\d)\b")


def meeting_years(question: str) -> set[str]:
    return {a or b for a, b in _MEETING_YEAR.findall(question)}


def names_specifics(question: str) -> bool:
    return bool(_YEAR.search(question) or find_dates(question) or _REFERENCE.search(question))


def unmet(question: str, texts: list[str], dates: list[str | None]) -> bool:
    """Whether the question names a year, a full date or a resolution number that none of `texts`
    (passages, titles) nor `dates` (ISO meeting dates) holds."""
    joined = " ".join(texts).lower()
    if any(ref not in joined for ref in references_in(question)):
        return True
    held = set().union(*(years_in(t) for t in texts)) if texts else set()
    held |= {d[:4] for d in dates if d}
    # The question's years as it prints them in full: "2018/19" names 2018.
    if not set(_YEAR.findall(question)) <= held:
        return True
    # A meeting's year is its date's, or a year printed whole (a later paper recounting it), not a span's end.
    if not meeting_years(question) <= {d[:4] for d in dates if d} | set(_YEAR.findall(" ".join(texts))):
        return True
    named = {iso for _, iso in find_dates(question)}
    if not named:
        return False
    printed = {iso for t in texts for _, iso in find_dates(t)}
    return not named & (printed | {d for d in dates if d})


# "December 2023", "Dec 2023": any month word the date reader knows, before a year.
_MONTH_WORD_YEAR = re.compile(r"\b([A-Za-z]{3,9})\s+((?:19|20)\d\d)\b")


# "the payroll for January 2010", "for the month of November 2009": the period a figure is for.
# A span ("for April 2017 to March 2018") is a year's figure, not one month's.
_FOR_MONTH = re.compile(r"(?i)\bfor\s+(?:the\s+month\s+of\s+)?([A-Za-z]{3,9}\s+(?:19|20)\d\d)\b"
                        r"(?!\s*(?:to|until|through|-|–)\s*[A-Za-z]{3,9}\s+(?:19|20)\d\d)")


def months_for(question: str) -> set[str]:
    """The months a figure is asked for ("... payroll for January 2010"), as "2010-01"; not a meeting's
    month ("presented in January 2010")."""
    return set().union(*(months_dated(m) for m in _FOR_MONTH.findall(question))) if _FOR_MONTH.search(question) else set()


def last_month_printed(text: str) -> str | None:
    """The last month-and-year `text` prints ("... PAYROLL FOR THE MONTH OF NOVEMBER 2009: a."), as "2009-11"."""
    found = [f"{m[2]}-{MONTHS[m[1].lower()]:02d}" for m in _MONTH_WORD_YEAR.finditer(text) if m[1].lower() in MONTHS]
    return found[-1] if found else None


def months_dated(question: str) -> set[str]:
    """Months named with their year, as "2023-12", in full or short ("Dec 2023"), dates of any kind."""
    return {f"{year}-{MONTHS[month.lower()]:02d}" for month, year in _MONTH_WORD_YEAR.findall(question)
            if month.lower() in MONTHS}
