"""The specifics a question names (a year, a meeting's date) that an answer's papers must hold.

Passages can share nearly every word of a question and still not answer it: "the 2023 budget
meeting" is not answered by the 2025 one, "the Cabinet meeting of 13 March 2025" not by a panel's
October minutes. When the papers an answer would quote never mention the year or the date the
question names, the papers do not say, and the answer declines.
"""
from __future__ import annotations

import re

from ingest.dates import find_dates

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# "2018/19", "2024-25", "2018-21": the second year of a span is printed short.
_SPAN = re.compile(r"\b((?:19|20)\d\d)\s*[/–-]\s*(\d\d)\b")


def years_in(text: str) -> set[str]:
    found = set(_YEAR.findall(text))
    found |= {first[:2] + short for first, short in _SPAN.findall(text)}
    return found


def unmet(question: str, texts: list[str], dates: list[str | None]) -> bool:
    """Whether the question names a year or a full date that none of `texts` (passages, titles)
    nor `dates` (ISO meeting dates) holds."""
    held = set().union(*(years_in(t) for t in texts)) if texts else set()
    held |= {d[:4] for d in dates if d}
    # The question's years as it prints them in full: "2018/19" names 2018.
    if not set(_YEAR.findall(question)) <= held:
        return True
    named = {iso for _, iso in find_dates(question)}
    if not named:
        return False
    printed = {iso for t in texts for _, iso in find_dates(t)}
    return not named & (printed | {d for d in dates if d})
