"""What else a question's words say it asks for, read by the answerers and the decline rules:
the thing a "What X ...?" question names, a decision, a definition, the latest position, two asks
at once, and the register's cues (a mover, a count, an amendment, a minute or resolution number).
"""
from __future__ import annotations

import re

from minutebook.ingest.text import STOP, normal_word

# "What salary ...", "Which school ...": the word after the question word names what is asked for.
_ASKED_THING = re.compile(r"^\s*(?:what|which)\s+([a-z][a-z-]+)\b(?:\s+([a-z]+))?", re.I)
# "What counts as ...", "What constitutes a ...", "What happens to ...": a verb, not a thing asked for,
# when an article or preposition follows it.
_AFTER_A_VERB = set("as a an the to for in on of under about if when into from by with".split())
# Words after "what" that ask for a form of answer rather than name a topic: a figure, a time, a kind.
_FORM_WORDS = set(
    "is are was were did do does has have had will would should can could may might happened happens "
    "percentage proportion share rate figure amount number sum total level time date day month year years "
    "period kind type sort form way part other else new main key overall net gross final first last next "
    "one two three four five six seven eight nine ten council board meeting committee".split())
# "What did the Board decide ...?": what a meeting's record says, not what a report proposed.
_ASKS_WHAT_DECIDED = re.compile(r"^\s*what\s+did\b.*\b(decide|resolve|agree|approve)\b", re.I)

# The extractive answerer's cues (assistant/extractive.py).
RESOLUTION_INTENT = re.compile(
    r"\b(resolv\w*|resolution|decid\w*|decision|agreed?|approv\w*|ask(ed)? (officers|for)|request\w*)\b", re.I)
DEFINITION_INTENT = re.compile(r"\b(define[sd]?|definition|what (is|are) (a|an|the)\b|what does .+ mean|meaning of)", re.I)
# Asking for a position, not a figure that happens to be "current": "currently filled" is no cue.
LATEST_INTENT = re.compile(r"\b(latest|most recent(ly)?|up[- ]to[- ]date|(current|present) (position|status|state)"
                           r"|position on|where (are|do) we stand)\b", re.I)
_TWO_ASKS = re.compile(r"\band (how|what|who|whom|when|where|which|why|did|does|was|were|is|are)\b|\bcompar", re.I)

# The register answerer's cues (assistant/register/answers.py).
_ITEM_NAMED = re.compile(r"(?i)\b((?:minute|item)\s+\d[\w/]*|R?(?:19|20)\d\d-\d{1,4}|[A-Z]{2,8}/\d{1,3}/\d{2,4})\b")
_RESOLUTION_NUMBER = re.compile(r"(?i)R?(?:19|20)\d\d-\d")
_WHO_MOVED = re.compile(r"(?i)\bwho\s+(?:moved|proposed|seconded)\b|\b(?:mover|seconder|proposer)\b")
_HOW_MANY = re.compile(r"(?i)\bhow\s+many\b|\bvote\b|\bvoted\b|\babstain")
# A motion's amendment, in lower case: "General Plan Amendment", "the Second Amendment to the Agreement" name
# an item or a document, not an amendment put to the vote.
_AMENDMENT = re.compile(r"\bamendments?\b")
_MOTION = re.compile(r"(?i)\bmotion\b")


def asked_thing(question: str) -> str | None:
    """The topic word a "What X ...?" question asks about, stemmed; None for "What is ...", "What proportion ..."."""
    head = asked_head(question)
    return normal_word(head) if head else None


def names_thing(question: str, text: str) -> bool:
    """Whether `text` prints the thing asked as a noun: the head word itself, singular or plural
    ("minutes", "Minute"; "balance", "balances"), not a word its stem shares ("balanced")."""
    head = asked_head(question)
    if not head:
        return True
    stem = head[:-1] if head.endswith("s") else head
    return bool(re.search(rf"(?i)\b{re.escape(stem)}s?\b", text))


def asked_head(question: str) -> str | None:
    """The head word of the thing a "What X ...?" question asks about, in lower case, as printed."""
    m = _ASKED_THING.match(question)
    if not m or m.group(1).lower() in _FORM_WORDS or (m.group(2) or "").lower() in _AFTER_A_VERB:
        return None
    # The head of the phrase is its last word before the verb or a preposition: "What bank balance was ...",
    # "What imminent infrastructure failure was ...", "Which Pension Board trustee was ...".
    phrase = question[m.start(1):].split()
    head = m.group(1)
    for word in phrase[1:4]:
        word = word.strip("?,.'’").lower()
        if not word.isalpha() or word in _FORM_WORDS or word in _AFTER_A_VERB or word in STOP or word.endswith("ed"):
            break
        head = word
    return head.lower()


def asks_what_decided(question: str) -> bool:
    return bool(_ASKS_WHAT_DECIDED.search(question))


def wants_decision(question: str) -> bool:
    return bool(RESOLUTION_INTENT.search(question))


def wants_definition(question: str) -> bool:
    return bool(DEFINITION_INTENT.search(question))


def wants_latest(question: str) -> bool:
    return bool(LATEST_INTENT.search(question))


def asks_two(question: str) -> bool:
    """"When does it start and how long will it run?": two things asked at once."""
    return bool(_TWO_ASKS.search(question))


def items_named(question: str) -> list[tuple[str, bool]]:
    """The minute, item and resolution numbers the question prints, each with whether it is a
    resolution number ("R2024-101")."""
    return [(m.group(1), bool(_RESOLUTION_NUMBER.match(m.group(1)))) for m in _ITEM_NAMED.finditer(question)
            if not _years_span(m.group(1))]


def _years_span(number: str) -> bool:
    """"2024-39", "2025-26", "2024-2039": a plan's or budget's years, not a resolution ("R2024-101", "2024-007")."""
    m = re.fullmatch(r"(?:19|20)(\d\d)-(?:(?:19|20)(\d\d)|(\d\d))", number)
    return bool(m) and int(m.group(2) or m.group(3)) > int(m.group(1))


def asks_mover(question: str) -> bool:
    return bool(_WHO_MOVED.search(question))


def asks_count(question: str) -> bool:
    return bool(_HOW_MANY.search(question))


def asks_amendment(question: str) -> bool:
    return bool(_AMENDMENT.search(question))


def asks_motion(question: str) -> bool:
    return bool(_MOTION.search(question))


def names_word(question: str, word: str) -> bool:
    """The question prints the word whole ("How did Mr Gough vote?" names "Gough")."""
    return bool(re.search(rf"\b{re.escape(word)}\b", question))


# Words a question uses to ask about a motion (who moved it, how the vote went, what became of it)
# rather than to name its matter: left out when telling one minute's decision from another
# (assistant/register/answers.py), so "approve ... proposed ... seconded" does not match the minute
# that approved the last meeting's minutes ("approved & signed Prop: CR 2nd: KA").
ASKING_WORDS = frozenset(normal_word(w) for w in (
    "move moved moving mover motion motions propose proposed proposer proposal second seconded seconder "
    "vote voted votes voting against favour favor abstain abstained approve approved approval adopt adopted "
    "decide decided decision resolve resolved resolution resolutions agree agreed happen happened outcome "
    "result carried lost passed fail failed choose chose member members who how many much".split()))


# "What did the Board decide about X?", "What happened to the item on Y?", "What was the outcome of Z?":
# what became of one matter at a meeting, which the register holds as an entry of that meeting.
_FATE = re.compile(r"(?i)\bwhat\s+(?:happened|became)\b|\b(?:outcome|result)\s+of\b"
                   r"|^\s*(?:what|which)\b.*\b(?:decide|decided|resolve|resolved|agree|agreed|approve|approved"
                   r"|choose|chose|set|award|awarded|authori[sz]e|authori[sz]ed)\b"
                   r"|^\s*who\s+(?:was|were)\s+(?:appointed|awarded|hired|co-opted)\b")


def asks_fate(question: str) -> bool:
    return bool(_FATE.search(question))


# "To which meeting was the report addressed, and from whom?", "Who is the report from?", "Who wrote it?":
# what a report's header block says ("From: ...", "To: ...", "By: ...").
_ADDRESSEE = re.compile(r"(?i)\baddressed\b|\bfrom whom\b|\bwho\b.{0,40}\b(?:wrote|written|author|from)\b"
                        r"|\bto (?:which|what|whom)\b.{0,40}\b(?:report|paper|memo)")


def asks_addressee(question: str) -> bool:
    return bool(_ADDRESSEE.search(question))


# "What did the Commission recommend ...?", "What did the survey find ...?", "..., and what did staff
# recommend?": an act whose record prints it. The verb follows its subject within a few words, before what it is about.
_ACT_ASKED = re.compile(r"(?i)(?:^\s*|\band\s+)what\s+(?:did|does|do|has|have|had)\s+(?:[\w'’.,-]+\s+){1,10}?"
                        r"(recommend|find|conclude|show|reveal|establish|discover)\b")
_ACT_KINDS = {"recommend": "recommendation", "find": "finding", "conclude": "finding", "show": "finding",
              "reveal": "finding", "establish": "finding", "discover": "finding"}


def act_asked(question: str) -> str | None:
    """The kind of act a "What did X recommend / find / conclude ...?" question asks for: "recommendation"
    or "finding"; None for any other question."""
    m = _ACT_ASKED.search(question)
    return _ACT_KINDS[m.group(1).lower()] if m else None


# "How much did the amendment propose?", "What total budget did it adopt?": a sum is asked for, which the
# answer must print. "How much time", "how much longer" ask for a time.
_AMOUNT_ASKED = re.compile(r"(?i)\bhow\s+much\b(?!\s+(?:time|longer|more\s+time|later|earlier|notice))"
                           r"|^\s*what\s+(?:was\s+the\s+|is\s+the\s+)?(?:[\w-]+\s+){0,3}?(?:total|amount|sum)\b")


def asks_amount(question: str) -> bool:
    return bool(_AMOUNT_ASKED.search(question))


def sum_asked_beside(question: str) -> str | None:
    """"What warrant run total did the Authority approve on 18 October 2022, and who moved the consent
    calendar?": the ask for a sum, as a question of its own, where the question asks it beside another
    (None: it asks no sum, or asks only that)."""
    m = _TWO_ASKS.search(question)
    if not m or m.group(0).lower().startswith("compar"):
        return None
    first, second = question[:m.start()].rstrip(" ,;"), question[m.start() + 4:].strip()
    for half, other in ((first, second), (second, first)):
        if asks_amount(half) and not asks_amount(other):
            return half[:1].upper() + half[1:].rstrip("?") + "?"
    return None
