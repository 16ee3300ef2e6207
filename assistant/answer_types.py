"""Whether a sentence holds the kind of fact a question asks for (assistant/question/wanted.py reads
what kind that is).

"How many schools visited?" is answered by a sentence with a count in it, "who chaired?" by one
naming the chair, "what are the priorities?" by the list. The topic words of such a question
often sit in the sentence before the answer ("Overall crime had risen. More recently levels
have stabilised with 70.85 offences per thousand..."), so the answerer needs to know what the
answer looks like, not only what it is about.
"""
from __future__ import annotations

import re

from minutebook.ingest.papers.house_style import NAME_SUFFIXES
from minutebook.ingest.text import normal_word, same_word

from minutebook.assistant.question.wanted import Wanted

# A figure that answers "how many": not a year, a date, a paragraph number, a page range, a time, a phone
# number or a reference to an appendix or item.
_GLUE = set("the of and to in has have had was were is are with for by that from on at which be as it this".split())
_TABLE_MARK = re.compile(r"[↑↓→←]|\b[RAG]\b")
_NOT_QUANTITY = re.compile(
    r"\b(19|20)\d\d([-/–]\d\d)?\b|\b\d{1,2}(st|nd|rd|th)?\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*"
    r"|^\s*\(?\d{1,3}(\.\d{1,2})*[.)]\s|\s\d{1,3}(\.\d{1,2})*\.$|\b\d{1,2}(\.\d{1,2}){1,2}\s+(?=[A-Z])"
    r"|\(Pages? [\d\s-]+\)|\b\d{1,2}[.:]\d\d\s*(am|pm)\b|\b(appendix|item|paragraph|section|page|annex|minute|point)\s+\d+"
    r"|\b\d{1,2}\.\d{1,2}\.\d{2,4}\b|\b(Q|Quarter\s)[1-4]\b|\b0\d{3,4}\s?\d{3}\s?\d{3,4}\b|\b\d(/|\sof\s)\d\b", re.I)
_NUMBER = re.compile(r"\d|\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty"
                     r"|hundred|thousand|million|dozen)\b", re.I)
_DATE = re.compile(r"\b(19|20)\d\d\b|\b\d{1,2}(st|nd|rd|th)?\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)", re.I)
_COUNTED = re.compile(r"(\d[\d,.]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty"
                      r"|fifty|hundred|thousand))\s+((?:[A-Za-z-]+\s+){0,2}[A-Za-z-]+)", re.I)
_PERCENT = re.compile(r"\d\s?%|\d\s?per ?cent\b", re.I)
_MONEY = re.compile(r"£\s?\d|\b(budget|resources|funding|funded|grant|costs?)\b", re.I)
# A sum as papers print one: "£13,500", "$665,575.42", "2.35 million", "£250k" (a share, "12%", is _PERCENT's);
# not a year, a resolution number ("R2024-104") or a by-law's ("2024-22"), which count as figures for has_quantity.
_AMOUNT = re.compile(r"[£$€]\s?\d|\b\d{1,3}(?:,\s?\d{3})+\b|\b\d+\.\d\d\b"
                     r"|\b\d[\d.]*\s?(?:million|billion|bn|m|k|thousand|pounds|dollars|pence|p)\b", re.I)
# Roles that name a person in papers: attendance lists, report covers, agendas, action logs.
_PERSON = re.compile(r"\((Chairman|Chairwoman|Chair|Vice[- ]Chair\w*)\)|\b(presented by|[Aa]uthor|chaired by|Head of"
                     r"|Director|Manager|Co-?ordinator|Lead Member|Councillor|Cllr|Superintendent|Inspector"
                     r"|Responsible Officer|Officer to Contact|[A-Z][a-z]+ [A-Z][a-z]+,? (" + "|".join(NAME_SUFFIXES) + r"))\b")
_CHAIR = re.compile(r"\((Chairman|Chairwoman|Chair|in the Chair|Vice[- ]Chair(man)?)\)|\bchaired by\b", re.I)
_LIST = re.compile(r"(:|as follows[;:,]?)\s*$|:\s*(\(?[a-z0-9ivx]{1,4}[.)]|•)\s|:[^:]*,[^:]*\band\b|(\w+, ){2,}", re.I)
_OUTCOME = re.compile(r"\b(agreed|decided|approved|resolved|concluded|stated that|will be|will now|procure\w*"
                      r"|replace\w*|move away)\b", re.I)


def has_quantity(text: str, dates: bool = False) -> bool:
    """A count or amount in the text; with `dates`, years count too ("in use since 2011")."""
    if dates and _DATE.search(text):
        return True
    return bool(_NUMBER.search(_NOT_QUANTITY.sub(" ", text)))


def has_amount(text: str) -> bool:
    """A sum of money or a share printed in the text ("How much ...?" is answered by one)."""
    return bool(_AMOUNT.search(text) or _PERCENT.search(text))


def counts_asked(text: str, words: tuple[str, ...]) -> bool:
    """A figure followed by what the question counts: "71 schools", "two domestic homicide reviews"."""
    for m in _COUNTED.finditer(_NOT_QUANTITY.sub(" ", text)):
        if any(same_word(normal_word(t.lower()), w) for t in m.group(2).split() for w in words):
            return True
    return False


def is_table_run(text: str) -> bool:
    """A long run of table cells (figures, arrows, RAG ratings) rather than a sentence: hard to read
    as a quote, and its figures belong to row and column headings the quote cannot show."""
    words = text.split()
    figures = sum(1 for w in words if re.search(r"\d", w)) + len(_TABLE_MARK.findall(text))
    glue = sum(1 for w in words if w.lower() in _GLUE)  # prose has its little words; a table row hardly any
    return len(words) >= 30 and figures / len(words) >= 0.15 and glue / len(words) < 0.12


def has_unit(text: str, unit: str | None) -> bool:
    if unit == "%":
        return bool(_PERCENT.search(text))
    if unit == "£":
        return bool(_MONEY.search(text))
    return False


def names_person(text: str) -> bool:
    return bool(_PERSON.search(text))


def names_chair(text: str) -> bool:
    return bool(_CHAIR.search(text))


def is_listing(text: str) -> bool:
    return bool(_LIST.search(text))


def states_outcome(text: str) -> bool:
    return bool(_OUTCOME.search(text))


def carries(want: Wanted, text: str) -> bool:
    """Whether the sentence holds the kind of fact asked for (the topic is scored elsewhere)."""
    return ((want.number and (has_unit(text, want.unit) if want.unit else has_quantity(text, want.dates)))
            or (want.person and names_person(text)) or (want.listing and is_listing(text))
            or (want.outcome and states_outcome(text)))
