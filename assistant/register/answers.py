"""Answer "was the amendment carried?", "how many voted against?", "who moved it?" from the register.

The register holds each motion's outcome, recorded vote and movers as the minutes print them, so
these questions are answered from it (with the page quoted) rather than from whichever passage
search ranks first. Anything else, or a question the register has no entry for, goes to search.
"""
from __future__ import annotations

import re

from minutebook.assistant.register import entries as register
from minutebook.ingest.dates import find_dates, without_dates
from minutebook.ingest.filters import Filters
from minutebook.ingest.papers.numbering import cite
from minutebook.ingest.text import tokens
from minutebook.ingest.types import Answer, Citation

from minutebook.assistant import page_break
from minutebook.assistant.extractive import content_words
from minutebook.assistant.references import human_date
from minutebook.assistant.results import RegisterEntry
from minutebook.assistant.question.intents import (ASKING_WORDS, asks_amendment, asks_count, asks_motion, asks_mover,
                                                  items_named, names_word)
from minutebook.assistant.register import evidence
from minutebook.assistant.register.cited_line import PRINTED_OUTCOME, cited_line, has_count, says_outcome
from minutebook.assistant.question.specifics import unmet



def answer(store, searcher, question: str, filters: Filters | None = None, held=None,
           strict: bool = False) -> Answer | None:
    """The register's answer to `question`, citing the minutes page; None when it holds no such entry.
    `held(board, date)` says whether an entry is of the meeting the question names (None: any).
    `strict`: answer only from an entry whose minute names most of the question's matter (a question
    asking what became of one matter, not the register's cue words)."""
    filters = filters or Filters()
    entries = register.find(store, topic=question, board=filters.board, since=filters.since, until=filters.until,
                            include_restricted=filters.include_restricted, searcher=searcher)
    if held is not None:
        # The meeting named is small enough to read whole: its entries search did not reach follow the
        # ranked ones (a case heard late in the evening shares no passage with the question's words).
        seen = {e.id for e in entries}
        rest = register.find(store, board=filters.board, since=filters.since, until=filters.until,
                             include_restricted=filters.include_restricted)
        entries = [e for e in entries + [e for e in rest if e.id not in seen] if held(e.board, e.meeting_date)]
    pages = _Pages(store, filters.include_restricted)
    named = _named(entries, question)
    if not named and items_named(question):  # a number the topic search did not reach: look it up
        named = _named(register.find(store, board=filters.board, since=filters.since, until=filters.until,
                                     include_restricted=filters.include_restricted), question)
    # A year or date the question names is printed in the entry, or in its item's heading or the lines
    # above it ("Minutes of the meeting of October 6, 2022" heads the consent item that approved them).
    entries = [e for e in named if not unmet(question, [f"{e.item or ''} {e.title or ''} {e.text}"], [e.meeting_date])
               or not unmet(question, [f"{pages.heading(e)[1] or ''} {pages.lead_in(e)} {e.text}"], [e.meeting_date])]
    considered = entries[:40] if held is not None else entries[:12]
    fitting = [e for e in considered if _fits(e, question)]
    if not fitting and entries and items_named(question) and asks_count(question):
        return _no_count(entries[0])
    if not fitting:
        return None
    asked, asked_share = _choose(pages, considered, question)
    entry, share = _choose(pages, fitting, question)
    if asks_count(question) and not asks_mover(question) and _kind_fits(asked, question) and not has_count(asked) \
            and asked_share >= 2 / 3 and share < asked_share:
        return _no_count(asked)  # the item asked about is minuted with no count: another item's is no answer
    if strict and share < 2 / 3:
        return None
    page, quote = cited_line(store, entry, question)
    if not quote:
        return None
    where = ", ".join(x for x in (cite(entry.item) if entry.item else "", entry.board or "",
                                  human_date(entry.meeting_date)) if x)
    def cited(n: int, page: int, quote: str) -> Citation:
        return Citation(n=n, source=entry.source, title=entry.document_title or entry.title, page=page,
                        meeting_date=entry.meeting_date, quote=quote, reference=f"{where}, p. {page}",
                        ocr=store.page_ocr(store.document_for_source(entry.source), page))

    printed = PRINTED_OUTCOME.search(quote)  # "Substantive Motion Carried.": the minutes' own word
    outcome = printed.group(1).lower() if printed else entry.outcome
    citations = [cited(1, page, quote)]
    # The decision as the page prints it, to its full stop (the register may hold it cut at a line's end).
    printed_text = evidence.sentence_at(store.page_text(store.document_for_source(entry.source), entry.page) or "",
                                        entry.text) if entry.page else None
    if printed_text and " ".join(printed_text.split()) != " ".join(quote.split()):
        citations.append(cited(2, entry.page, printed_text))
    mark = f" [{len(citations)}]" if printed_text else ""
    rest = _carried_on(store, entry, printed_text, filters.include_restricted)
    if rest:
        # The decision runs over the page break ("... and to" / "increase the grant amount by $1,500 was
        # made by ..."): its end is quoted from the next page, cited there.
        citations.append(cited(len(citations) + 1, entry.page + 1, rest))
        mark += f" “{rest}” [{len(citations)}]"
    text = _sentence(entry, question, outcome, printed_text, mark,
                     mover_line=quote if asks_mover(question) and entry.mover and len(quote.split()) <= 20 else None,
                     outcome_line=quote if evidence.records_vote(quote) or PRINTED_OUTCOME.search(quote)
                     or (page != entry.page and says_outcome(quote, entry.outcome_text)) else None)
    for label, (at, line) in _printed_beside(pages, entry, question, printed_text):
        if line and all(" ".join(line.split()) not in " ".join(c.quote.split()) for c in citations):
            citations.append(cited(len(citations) + 1, at, line))
            text += f" {label}: “{line}” [{len(citations)}]"
    return Answer(text=text, abstained=False, citations=citations)


def _carried_on(store, entry: RegisterEntry, printed: str | None, include_restricted: bool) -> str | None:
    """The words at the top of the next page that finish the decision quoted from the foot of its page."""
    document_id = store.document_for_source(entry.source)
    if not printed or document_id is None or not entry.page or \
            not page_break.ends_page(printed, store.page_text(document_id, entry.page) or ""):
        return None
    if not include_restricted and entry.page + 1 in store.restricted_pages(entry.source):
        return None  # a restricted page is never read into a quote
    return page_break.carried(store.page_text(document_id, entry.page + 1) or "",
                              store.page_furniture(document_id, entry.page + 1))


def _choose(pages: _Pages, fitting: list[RegisterEntry], question: str) -> tuple[RegisterEntry, float]:
    """The entry the question is about: the one whose minute names most of the question's matter (its
    topic words, not the words asking who moved it or how the vote went), search's rank breaking ties.
    Entries of one minute (a budget debate's amendments) share its passages, so their own words and the
    item's heading tell them apart; the meeting's date chose the entries already. Also returns the share
    of the matter's words the chosen minute names."""
    words = set(content_words(without_dates(question))) - ASKING_WORDS
    days = {iso for _, iso in find_dates(question)}

    def matter(e: RegisterEntry) -> set[str]:
        return words - set(tokens(e.board or ""))  # the body's own name tells none of its entries apart

    def score(n: int, e: RegisterEntry) -> tuple:
        # The entry's words, its title and heading name its matter; the sentences above it (the letter it
        # answers, or the entry before it) count half. A date the question names that is not the meeting's
        # names the matter too ("the draft minutes of June 10, 2019" at the meeting of 23 September), and
        # outweighs words two minutes share.
        printed = f"{e.title or ''} {pages.heading(e)[1] or ''} {e.text or ''}"
        named = set(tokens(printed))
        dated = len((days - {e.meeting_date}) & {iso for _, iso in find_dates(printed)})
        above = set(tokens(pages.lead_in(e))) - named if n < 8 else set()
        share = len(matter(e) & (named | above)) / len(matter(e)) if matter(e) else 0.0
        return len(matter(e) & named) + 0.5 * len(matter(e) & above) + 2 * dated - 0.05 * min(n, 10), -n, share
    return _best(fitting, score)


def _best(fitting: list[RegisterEntry], score) -> tuple[RegisterEntry, float]:
    scored = [(score(n, e), e) for n, e in enumerate(fitting)]
    (_, _, share), entry = max(scored, key=lambda pair: pair[0][:2])
    return entry, share


class _Pages:
    """The lines printed around the entries of one answer, each read once: an entry is looked at by the
    date check, by both choices (the item asked about, the one that fits) and by the quotes."""

    def __init__(self, store, include_restricted: bool):
        self.store, self.include_restricted = store, include_restricted
        self._headings: dict[tuple, tuple[int, str | None]] = {}
        self._lead_ins: dict[tuple, str] = {}

    def heading(self, entry: RegisterEntry) -> tuple[int, str | None]:
        key = _key(entry)
        if key not in self._headings:
            self._headings[key] = _heading(self.store, entry, self.include_restricted)
        return self._headings[key]

    def lead_in(self, entry: RegisterEntry) -> str:
        key = _key(entry)
        if key not in self._lead_ins:
            self._lead_ins[key] = _lead_in(self.store, entry)
        return self._lead_ins[key]


def _key(entry: RegisterEntry) -> tuple:
    return entry.source, entry.page, entry.item, entry.text


def _lead_in(store, entry: RegisterEntry) -> str:
    document_id = store.document_for_source(entry.source)
    if document_id is None or not entry.page:
        return ""
    above = evidence.lead_in(store.page_text(document_id, entry.page) or "", entry.text, item=entry.item)
    if not entry.item:
        # A decision outside any numbered item, in a paper of one matter (an appeal hearing's minutes): the
        # matter is named once, in the title block ("Regarding: 2007 Lincon Ave.").
        above = f"{evidence.subject_named(store.page_text(document_id, 1) or '')} {above}".strip()
    return above


def _heading(store, entry: RegisterEntry, include_restricted: bool) -> tuple[int, str | None]:
    """(page, the item's heading as printed), or (page, None) for an entry outside a numbered item: the
    first passage the index filed under the item, else the line opening it on the entry's page or the four
    before (a motion is printed after the item's report and debate, pages of it at a city council)."""
    document_id = store.document_for_source(entry.source)
    if not entry.item or document_id is None or not entry.page:
        return entry.page or 1, None
    chunks = store.item_chunks(document_id, entry.item, include_restricted)
    if chunks:
        return chunks[0][0].page, evidence.heading_sentence(chunks[0][0].text)
    for page in range(entry.page, max(0, entry.page - 5), -1):
        heading = evidence.heading_printed(store.page_text(document_id, page) or "", entry.item)
        if heading:
            return page, heading
    return entry.page, None


def _printed_beside(pages: _Pages, entry: RegisterEntry, question: str, printed: str | None = None) -> list:
    """What else the page prints that the question asks: the item's heading when the entry's own words do
    not name the matter ("moved approval of the staff recommendation"), the decision as printed to its full
    stop, and the vote line that names who voted how."""
    store = pages.store
    document_id = store.document_for_source(entry.source)
    if document_id is None or not entry.page:
        return []
    out = []
    words = set(content_words(without_dates(question))) - ASKING_WORDS - set(tokens(entry.board or ""))
    page_text = store.page_text(document_id, entry.page) or ""
    if not evidence.names_matter(printed or entry.text, words, tokens):
        # The heading ("(05-081) Recommendation to award Contract ... to <firm>") or, where the heading is a
        # bare title ("Correspondence"), the sentence above the decision that names the matter.
        at, heading = pages.heading(entry)
        above = sorted(evidence.page_sentences(evidence.lead_in(page_text, entry.text)),
                       key=lambda s: len(words & set(tokens(s))), reverse=True)[:1]
        named = [(len(words & set(tokens(line))), -n, place, line) for n, (place, line) in
                 enumerate([(at, heading), (entry.page, " ".join(above[0].split()[:evidence.HEADING_WORDS]) if above else None)])
                 if line]
        named = [n for n in named if n[0] > 0]  # a line naming none of the matter explains nothing
        if named:
            out.append(("The item", max(named)[2:]))
    if asks_count(question):
        counted = {k: (entry.votes or {}).get(k) for k in ("for", "against")} if has_count(entry) else None
        pages = range(entry.page, entry.page + (8 if counted else 2))
        found = evidence.vote_sentence([store.page_text(document_id, n) or "" for n in pages], entry.text, counted)
        if found:
            out.append(("The vote", (entry.page + found[0], found[1])))
    return out


def _no_count(entry: RegisterEntry) -> Answer:
    """The resolution asked about is in the register, but its minutes count no votes: say so."""
    outcome = f" as {entry.outcome}" if entry.outcome else ""
    when = f" of {human_date(entry.meeting_date)}" if entry.meeting_date else ""
    return Answer(text=f"The papers do not say: the minutes{when} record {entry.item}{outcome}, "
                       "with no count of votes.", abstained=True)


def _named(entries: list[RegisterEntry], question: str) -> list[RegisterEntry]:
    """The entries of the meeting date or the minute / resolution number the question names, if it names one."""
    dates = {iso for _, iso in find_dates(question)}
    dated = [e for e in entries if e.meeting_date in dates]
    entries = dated or entries
    for item, resolution in items_named(question):
        named = [e for e in entries if e.item and _same_item(e.item, item)]
        if named:
            return named
        if resolution:
            return []  # a resolution the register does not hold: leave the question to search
    return entries


def _same_item(printed: str, named: str) -> bool:
    def strip(s: str) -> str:
        return re.sub(r"(?i)^(?:minute|item|resolution(?:\s+no\.?)?)\s*|^0+", "", s.strip())

    return strip(printed).lower() == strip(named).lower()


def _fits(entry: RegisterEntry, question: str) -> bool:
    """Whether an entry holds what the question asks: an amendment for "the amendment", a vote, a mover."""
    if not _kind_fits(entry, question):
        return False
    if asks_mover(question):
        return bool(entry.mover)
    if asks_count(question):
        return has_count(entry)
    return bool(entry.outcome)


def _kind_fits(entry: RegisterEntry, question: str) -> bool:
    """An amendment for "the amendment"; "the substantive motion" is not one of the amendments put before it."""
    if asks_amendment(question) and entry.entry != "amendment":
        return False
    return not (asks_motion(question) and not asks_amendment(question) and entry.entry == "amendment")


def _sentence(entry: RegisterEntry, question: str, outcome: str | None, printed: str | None = None,
              printed_mark: str = "", mover_line: str | None = None, outcome_line: str | None = None) -> str:
    """The answer in words: what it was, its outcome, the vote and who moved it."""
    what = {"amendment": "The amendment", "motion": "The motion"}.get(entry.entry, "The decision")
    title = entry.title or ""
    said = f"{what} ({title})" if title and entry.entry != "decision" else what
    verb = {"lost": "was lost", "carried": "was carried", "approved": "was approved", "agreed": "was agreed",
            "noted": "was noted", "deferred": "was deferred", "withdrawn": "was withdrawn",
            "recommended": "was recommended"}.get(outcome or "", "was recorded")
    # Body, date and minute first, as a clerk says it: "The decision of the County Council on 19 December
    # 2024 (Minute 276) was approved: For 51, Against 6, Abstain 2."
    board = entry.board or "meeting"
    board = board if board.lower().startswith("the ") else f"the {board}"
    when = f" on {human_date(entry.meeting_date)}" if entry.meeting_date else ""
    minute = f" ({cite(entry.item)})" if entry.item else ""
    text = f"{said} {'of' if entry.entry == 'decision' else 'at'} {board}{when}{minute} {verb}"
    votes = register.vote_line(entry.votes)
    # The cited line shows who proposed it for "who moved?", else the outcome or the vote.
    mark, mover_mark = ("", " [1]") if asks_mover(question) and entry.mover else (" [1]", "")
    # The outcome as the minutes print it, where the line is short ("The motion failed with the following
    # voice vote – Ayes: 3; Noes: 3; Absent: 1."): the clerk's own words beside the register's reading.
    shown = f" (“{outcome_line}”)" if mark and outcome_line and len(outcome_line.split()) <= 40 else ""
    text += f": {votes}{shown}{mark}." if votes else f"{shown}{mark}."
    for side, names in ((entry.votes or {}).get("names") or {}).items():
        # "How did Mr Gough vote?": the recorded vote lists him
        for name in names:
            surname = name.split(",")[0].split()[-1]
            if names_word(question, surname):
                text += f" {name} is listed under {side.capitalize()}."
    words = (printed or entry.text or "").split()
    if words and entry.text != entry.outcome_text:
        lead = "It proposed" if entry.entry != "decision" else "The minutes record"
        # A long decision is shown by its opening and its close (where a vote or a condition is printed).
        shown = " ".join(words) if len(words) <= 55 else f"{' '.join(words[:35])} … {' '.join(words[-15:])}"
        text += f" {lead}: “{shown}”{printed_mark if printed else ''}"
    if entry.mover:
        text += f" It was moved by {entry.mover}" + (f" and seconded by {entry.seconder}" if entry.seconder
                                                        else "")
        # The line as printed, where it is short: "Prop: NO 2nd: KD" says who in the clerk's own hand.
        text += f": “{mover_line}”{mover_mark}." if mover_line and mover_line not in text else f"{mover_mark}."
    return text
