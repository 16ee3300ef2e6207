"""The lines of a minutes page that show a register entry: what the item was, what was decided, how the
vote went, each as the page prints it.

The register stores a decision's words as the acts reader cut them (a motion "to approve the staff
recommendation", a sentence stopped at its line's end). A member asking "who was awarded the contract,
for how much?" needs the item the motion approved, and "who voted against?" the line that names them:
both are printed beside the entry, so they are quoted from the page, each a contiguous sentence of it.
Pure functions over page text; the store is read by the caller.
"""
from __future__ import annotations

import re

from minutebook.ingest.papers.house_style import NUMBERING_LIST_LIKE, SUBJECT_LABELS
from minutebook.ingest.papers.numbering import heading
from minutebook.ingest.register.tallies import votes_in
from minutebook.ingest.text import sentences

# A quote long enough to carry an item's matter ("Recommendation to award a contract in the amount
# of $2,110,000 ... to <firm> for <project>") and short enough to read at a glance.
HEADING_WORDS = 45
DECISION_WORDS = 60
VOTE_WORDS = 50


def _opening(text: str | None, words: int = 6) -> re.Pattern | None:
    """The first words of `text` as a pattern that allows any spacing between them."""
    first = (text or "").split()[:words]
    return re.compile(r"\s+".join(map(re.escape, first))) if first else None


def page_sentences(page_text: str) -> list[str]:
    """The page's sentences (and list entries), whole: the one splitter, no cut at a word count, and no
    sentence running on into the next item ("... AS to place the order" / "08.23.07 Village Upkeep ..."),
    an item being a line the one numbering reader reads as a coded heading ("08.23.07", "(05-081)", "4-B")."""
    blocks: list[list[str]] = [[]]
    for line in page_text.splitlines():
        head = heading(line)
        if head is not None and head.form not in NUMBERING_LIST_LIKE and blocks[-1]:
            blocks.append([])
        blocks[-1].append(line)
    return [s for block in blocks for s in sentences("\n".join(block), max_words=None)]


_LIST_MARK_AT_END = re.compile(r":\s+\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]$")


def _start(found: list[str], text: str) -> int | None:
    """The sentence where `text` starts. Where two begin alike ("Board Member Teague made a motion to
    continue ..." and, below it, "... made a motion to approve the minutes"), more of its words decide."""
    start = None
    for words in (6, 9, 12, 16):
        opening = _opening(text, words)
        matching = [i for i, s in enumerate(found) if opening.search(s)]
        if not matching:
            break
        start = matching[0]
        if len(matching) == 1 or len(text.split()) <= words:
            break
    return start


def sentence_at(page_text: str, text: str | None, max_words: int = DECISION_WORDS) -> str | None:
    """The printed sentence where `text` starts, through the sentence where it ends (an entry cut at
    its line's end is read to its full stop), at most `max_words` words; None when not printed here."""
    opening = _opening(text)
    if opening is None:
        return None
    found = page_sentences(page_text)
    start = _start(found, text or "")
    if start is None:
        return None
    closing = _opening(" ".join((text or "").split()[-5:]), 5)
    # An entry that ends at a stop may end with the item's printed outcome after its own stop ("... the
    # COVID-19 Pandemic. Not heard.", "... Church Lane. No objection."): its last words are read over the
    # splitter's cuts, and the quote ends where they do (the splitter may run on into the next item:
    # "Not heard. ORAL COMMUNICATIONS (21-328) ...").
    stopped = bool(re.search(r"[.!?]$", (text or "").rstrip()))
    end = start
    for i in range(start, min(start + 4, len(found))):
        if closing is not None and closing.search(" ".join(found[start if stopped else i:i + 1])):
            end = i
            break
    quote = " ".join(found[start:end + 1])
    if end > start and stopped:
        quote = quote[:[m.end() for m in closing.finditer(quote)][-1]]
    at = opening.search(quote)
    if at.start() and re.search(r"[.;!?]\s*(?:and|or)?\s*$", quote[:at.start()]):
        # "Ayes: 5. (23-039) Resolution ...", "Not adopted; and (13-024 A) Adoption ...": the words before are
        # another item's
        quote = quote[at.start():]
    words = quote.split()
    if len(words) > max_words:
        # A long sentence (a debate run together with the motion) is quoted from where the entry starts.
        at = opening.search(quote)
        lead = len(quote[:at.start()].split())
        words = words[lead:] if lead > max_words // 2 else words
    # "RESOLVED that the County Council resolves: 1.", "... as follows: a)": the next list entry's number is
    # no part of the decision's words.
    return _LIST_MARK_AT_END.sub(":", " ".join(words[:max_words]))


def lead_in(page_text: str, text: str | None, sentences_before: int = 3, item: str | None = None) -> str:
    """The sentences the page prints just before the entry (the letter or report it decides on:
    "A letter was received from ... requesting reimbursement ..." above "It was agreed ...")."""
    opening = _opening(text)
    found = page_sentences(page_text)
    start = next((i for i, s in enumerate(found) if opening and opening.search(s)), None)
    if start is None:
        return ""
    # The words the entry's own sentence prints before it ("CONSENT CALENDAR: MINUTES OF THE MEETING OF
    # OCTOBER 6, 2022 Vice President Erwin moved ...") are above it too.
    before = found[start][:opening.search(found[start]).start()]
    above = found[max(0, start - sentences_before):start]
    # Not past the heading of the entry's own item: the sentences above that are another item's.
    label = re.compile(rf"(?:^|\s)\W{{0,2}}\*?{re.escape(item)}(?![\w-])", re.I) if item else None
    if label and label.search(before):
        return before[label.search(before).start():].strip()
    for i in range(len(above) - 1, -1, -1):
        at = label.search(above[i]) if label else None
        if at or _opens_item(above[i]):
            above = [above[i][at.start():] if at else above[i], *above[i + 1:]]
            break
    return " ".join([*above, before]).strip()


_SUBJECT = re.compile(rf"(?im)^\W{{0,2}}(?:{'|'.join(map(re.escape, SUBJECT_LABELS))})[ \t]*:[ \t]*(.*)$")
TITLE_BLOCK = 1200  # characters of a paper's first page its title block is printed in


def subject_named(first_page: str, max_lines: int = 2) -> str:
    """The matter a paper of one matter names in its title block, under its label ("Regarding:" over
    "2007 Lincon Ave." and its case numbers; "Re: Premises licence – The Red Lion"): "" when none."""
    m = _SUBJECT.search(first_page[:TITLE_BLOCK])
    if m is None:
        return ""
    lines = [m.group(1).strip()] if m.group(1).strip() else []
    for line in first_page[m.end():].splitlines()[1:]:  # the lines below the label's own
        if len(lines) >= max_lines or (not line.strip() and lines):
            break
        if line.strip():
            lines.append(line.strip())
    return " ".join(" ".join(lines).split())


def _opens_item(sentence: str) -> bool:
    """Whether the sentence opens with a number of any numbering form ("4-C Tree ...", "2. Finance")."""
    return heading(sentence.strip()) is not None


def heading_sentence(chunk_text: str, max_words: int = HEADING_WORDS) -> str | None:
    """An item's heading as printed: the first sentence of its first passage, at most `max_words` words
    (a sentence cut there is still a contiguous span of the page)."""
    found = page_sentences(chunk_text)
    if not found:
        return None
    words = found[0].split()
    return " ".join(words[:max_words])


def heading_printed(page_text: str, item: str, max_words: int = HEADING_WORDS) -> str | None:
    """The sentence the page opens item `item` with ("(05-081) Recommendation to award ...", "4D. Alameda
    Paratransit ..."), at most `max_words` words; None when this page does not print its heading."""
    # The label opens the sentence, or follows a section's name printed on the line above it
    # ("REGULAR AGENDA ITEM (23-522) Introduction of ..."): the quote starts at the label.
    label = re.compile(rf"(?:^|^(?:\S+\s+){{1,5}}?)(\W{{0,2}}\*?{re.escape(item)}(?![\w-]).*)", re.I | re.S)
    for s in page_sentences(page_text):
        m = label.match(s)
        if m:
            return " ".join(m.group(1).split()[:max_words])
    return None


def vote_sentence(page_texts: list[str], after: str | None, counts: dict | None = None,
                  spans: tuple[int, ...] = (1, 2, 3)) -> tuple[int, str] | None:
    """(index of the page, the first sentence recording a vote: a count, a roll call, "Noes: ... – 3") at or
    after the entry's opening words on its page, else on the pages after it. Given the register's
    `counts` ({"for": 3, "against": 2}), the sentence must count the same: an item pulled from the
    consent calendar is voted on pages later, after other items' votes. None when none is printed."""
    opening = _opening(after)
    for n, text in enumerate(page_texts):
        found = page_sentences(text)
        start = 0
        if n == 0 and opening is not None:
            start = next((i for i, s in enumerate(found) if opening.search(s)), 0)
        window = range(start, len(found) if counts else min(start + 8, len(found)))
        # `spans` (2, 3): a tally the splitter parted at its semicolons or stops ("Ayes: 3;" / "Noes: 3;
        # Absent: 1;", "Ayes: A and B – 2." / "Noes: C, D and E – 3.") read as one sentence; the shortest
        # run that counts wins, so a sentence that counts alone is quoted alone.
        counted = [(i, w) for i in window for w in spans
                   if i + w <= len(found) and _counts(" ".join(found[i:i + w]), counts)]
        if counted:
            # "Ayes: A and B – 2." then "Noes: C, D and E – 3.": the vote runs on while sentences count it.
            # The shortest run that counts, where the count first ends.
            first, width = min(counted, key=lambda pair: (pair[0] + pair[1], -pair[0]))
            last, grown = first + width - 1, 0
            while last + 1 < len(found) and grown < 2 and _counts(found[last + 1]):
                last, grown = last + 1, grown + 1
            # A roll call printed before the totals ("Daysog: No; Herrera Spencer: No; ... Ayes: 3. Noes: 2."),
            # which the splitter parts at each semicolon: taken while the sentences read as one roll call.
            while first > start and last - first < 8 and _names(" ".join(found[first - 1:last + 1])) > \
                    _names(" ".join(found[first:last + 1])):
                first -= 1
            return n, " ".join(" ".join(found[first:last + 1]).split()[:VOTE_WORDS])
    return None


def outcome_printed(page_text: str, text: str | None, outcome_text: str | None) -> str | None:
    """The line printing the entry's outcome, at or after the entry's own first words on the page (an
    earlier item's vote may print the same words: "Nays: none. The motion carried 4-0.", "Carried
    unanimously."; the entry's own may be on a later page), its spaces collapsed; None when not printed."""
    if not outcome_text:
        return None
    opening = _opening(text, 5)
    at = opening.search(page_text) if opening is not None else None
    wanted = re.compile(re.escape(outcome_text), re.I)
    found = [line for line in page_text[at.start() if at else 0:].splitlines() if wanted.search(line)]
    return " ".join(found[0].split()) if found else None


def printed_after(page_texts: list[str], text: str | None) -> tuple[int, str] | None:
    """(index of the first page that prints `text`, spacing aside; the text as printed there): a
    motion's outcome read by the register ("The motion failed for a lack of second.") is printed after
    the debate, pages after the motion that opened it. None when no page given prints it."""
    wanted = " ".join((text or "").split())
    found = next((n for n, page in enumerate(page_texts) if wanted and wanted in " ".join(page.split())), None)
    return (found, wanted) if found is not None else None


# "Motion carried.", "Substantive Motion Carried.", "Carried.": the clerk's word for the motion just put.
_CARRIED_LINE = re.compile(r"(?i)^\s*(?:[a-z]+\s+){0,3}carried\.?\s*$")


def carried_above(page_text: str, text: str | None) -> str | None:
    """The line printed just above a resolution saying that the motion which made it was carried
    ("Motion carried." over "3) RESOLVED that Council: ..."), as printed; None when the line above says
    anything else. Only "carried": a resolution was passed, so a "lost" above it was another motion's."""
    opening = _opening(text)
    at = opening.search(page_text) if opening is not None else None
    if at is None:
        return None
    lines = page_text[:at.start()].splitlines()
    if lines and not page_text[:at.start()].endswith("\n"):
        lines = lines[:-1]  # the resolution's own line up to its words ("3) RESOLVED ")
    above = [line for line in lines if line.strip()]
    return " ".join(above[-1].split()) if above and _CARRIED_LINE.match(above[-1]) else None


def records_vote(sentence: str) -> bool:
    """Whether the sentence counts a vote (a tally, a roll call, "Ayes: 3; Noes: 3")."""
    return _counts(sentence)


def _names(text: str) -> int:
    votes = votes_in(text)
    return sum(len(v) for v in votes.names.values()) if votes else 0


def _counts(sentence: str, counts: dict | None = None) -> bool:
    votes = votes_in(sentence)
    if not votes or not (votes.names or any(v is not None for v in votes.counts.values())):
        return False
    return not counts or all(votes.counts.get(k) == counts.get(k) for k in ("for", "against") if counts.get(k))


def names_matter(entry_text: str | None, topic: set[str], tokens) -> bool:
    """Whether the entry's own words name most of the question's topic (then no heading is needed)."""
    if not topic:
        return True
    have = set(tokens(entry_text or ""))
    return len(topic & have) * 3 >= len(topic) * 2
