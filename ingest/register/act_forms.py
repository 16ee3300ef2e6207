"""What one sentence of minutes records: a motion made, a second, a vote, a result, a decision stated.

The patterns and the reading of one sentence for ingest/register/acts.py, which assembles them into
decisions. Every word list is data in house_style.py (decisions block). Pure text in, Act out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.ingest.papers import house_style as hs
from minutebook.ingest.register.tallies import votes_in
from minutebook.ingest.types import Votes


def alt(pairs) -> str:
    return "|".join(w.replace(" ", r"\s+") for w, *_ in pairs)


def lookup(pairs, word: str) -> str | None:
    word = re.sub(r"\s+", " ", word.lower())
    return next((o for w, o in pairs if re.fullmatch(w, word)), None)


# A member as printed before "moved" / "seconded": "Councilmember deHaan", "Vice Mayor /Commissioner
# Ezzy Ashcraft", "Board member Butter", "CR". Capitalised words, a few lower-case title words.
CAP = r"(?:[A-Z][\w'’.-]*|de[A-Z][\w'’-]*)"
LOW = "|".join(hs.MEMBER_TITLE_WORDS)
NAME = rf"(?:{CAP}|(?:{LOW})\b)(?:\s*/\s*{CAP}|\s+{CAP}|\s+(?:{LOW})\b)*"
LEAD = re.compile(r"^(?:The|Then|Also|Finally|Lastly|After|Under|Upon|On|In)\s+(?=[A-Z])")
MOTION = [re.compile(p) for p in (
    # "Board Member Teague made a motion to ...", "Member Tam moved for approval of ..."
    rf"(?P<m>{NAME})\s+(?:{'|'.join(hs.MOTION_VERBS)})\b",
    # "A motion to approve the minutes ... was made by Board member Means", "Motion by A, seconded by B"
    rf"(?i:motion(?:ed)?)\b[^.]{{0,200}}?\b(?i:was\s+made\s+by|made\s+by|(?<!seconded\s)by)\s+(?P<m>{NAME})",
    # "Motion (Miller)/Second (Iverson) to approve ...", "Motion (Lynch/Second (Anderson) ..."
    rf"(?i:motion)\s*\(\s*(?P<m>{NAME})\s*\)?\s*/\s*(?i:second)\s*\(\s*(?P<s>{NAME})\s*\)",
    # "M/S Vice Chair Robbins / Commissioner Navarro", "M/S Hyman / Jenks"
    rf"\bM\s*/\s*S\b\s*:?\s*(?P<m>{NAME}?)\s*/\s*(?P<s>{NAME})",
    # "Motion and second to approve the minutes (Griffiths and Cambra)"
    rf"(?i:motion\s+and\s+(?:a\s+)?second)\b[^()]{{0,200}}\((?P<m>{NAME})\s+(?:and|/)\s+(?P<s>{NAME})\)",
    # "Resolution 16-02 adopted (Ortiz/Potter and passed unanimously ...)"
    rf"\((?P<m>{CAP})\s*/\s*(?P<s>{CAP})\s+and\s+(?:passed|carried|approved)",
    # "It was proposed that ..." ("it has been proposed" reports a proposal made elsewhere)
    r"(?i:\bit\s+was\s+(?:moved|proposed)\b)",
    # a long motion, its maker after its words: "A motion to set a deadline ... [three lines] ... was made by
    # Vice Chairperson A and seconded by Commissioner B"
    rf"(?i:motion)\b[^.]{{0,600}}?\b(?i:was\s+made\s+by)\s+(?P<m>{NAME})",
    # the matter moved in the passive: "The minutes of ... were moved for approval by Member A and seconded by ..."
    rf"\b(?i:was|were)\s+(?i:moved)\s+(?:(?i:for)\s+\w+\s+)?(?i:by)\s+(?P<m>{NAME})",
)]
RECORDS = (3, 4, 5)  # the MOTION forms that record who moved a decision printed beside them ("M/S" first)
SECOND = [re.compile(p) for p in (
    rf"(?P<s>{NAME})\s+seconded\b",
    rf"(?i:seconded)\s*(?:by)?\s*:?\s*(?P<s>{NAME})",
    rf"\b(?i:second(?:ed)?)\s*\(\s*(?P<s>{NAME})\s*\)",
)]
# Who proposed and seconded what the sentence has just stated, closing it: "The following accounts were
# approved for payment: NO proposed JH seconded", "The budget was agreed, Cllr Hart proposed, Cllr Moss seconded."
PROPOSED_AFTER = re.compile(rf"(?:^|[:;,.]\s*)(?P<m>{NAME})\s+(?i:proposed),?\s+(?:and\s+)?(?P<s>{NAME})\s+(?i:seconded)\W*$")
# "Prop: CR 2nd: KD", "Proposed: CR 2nd: SB", "proposed by NO seconded by JH", "(Prop: NO, 2nd JH)"
PROP = re.compile(rf"\b(?i:prop(?:osed)?|proposer)(?:\s+by)?\s*[:.]?\s*(?P<m>{NAME})[\s;,]*"
                   rf"(?:(?i:2nd|sec(?:onded|onder)?)(?:\s+by)?\s*[:.]?\s*(?P<s>{NAME}))?")
DECIDED = re.compile(rf"(?i:\b(?:{'|'.join(hs.DECIDING_SUBJECTS)})\s+(?:unanimously\s+|duly\s+|then\s+)?"
                      rf"(?P<verb>{alt(hs.DECIDING_VERBS)}))\b")
TO_BE = r"(?:was|were|is|are|has\s+been|have\s+been)"
PASSIVE = re.compile(rf"(?i:\b{TO_BE}\s+(?:(?:unanimously|duly|formally|then|also|all|checked\s+for\s+[\w\s]+and)\s+)?"
                      rf"(?:[\w]+\s+and\s+)?(?P<verb>{alt(hs.PASSIVE_OUTCOMES)}))\b")
# "... approved by CDC" / "... granted by the District Council" is another body's decision, reported.
BY_OTHER = re.compile(r"^\s*(?:\w+\s+){0,2}?by\s+(?!the\s+(?:parish\s+)?council\b|the\s+pc\b|all\b|members\b|the\s+board\b"
                       r"|the\s+committee\b|the\s+commission\b|consensus\b|roll\b|voice\b|unanimous|a\s+vote\b|\w+\s+vote\b)"
                       r"(?:the\s+)?[A-Z]", re.I)
# "Postponed to March 20, 2012.", "Not heard at the request of Vice Mayor A.": an agenda line's fate with
# its reason, printed as the sentence after it.
LEADING_FATE = re.compile(r"^(?P<word>(?i:postponed|continued|deferred|not\s+heard|withdrawn|tabled))\s+"
                          r"(?i:to|until|at\s+the\s+request|by\s+request|pending)\b")
FATE_INLINE = re.compile(r"(?<=[.)”\"’])\s+(?P<word>(?i:postponed|continued|deferred|not\s+heard|withdrawn|tabled))\s+"
                         r"(?i:to|until|at\s+the\s+request|by\s+request|pending)\b")
# "... Adopted.", and "... Adopted;" / "... Adopted; and" where one motion decides a run of items (the
# resolutions of a joint meeting, two policies put together): JOINED marks an item the next one joins.
ITEM_OUTCOME = re.compile(rf"(?<=[.”\"’')\]])\s+(?P<word>(?i:{alt(hs.ITEM_OUTCOME_WORDS)}))(?:\.|;(?:\s*(?:and|or))?)?$")
LEADING_OUTCOME = re.compile(rf"^(?P<word>(?i:{alt(hs.ITEM_OUTCOME_WORDS)}))(?:\.|;(?:\s*(?:and|or))?$)(?:\s+(?P<rest>.*))?$")
JOINED = re.compile(r";(?:\s*(?:and|or))?$")
RESULT = re.compile(rf"(?i:(?:\b(?:motion|which|it|amendment|resolution|and|item)\s+"
                     rf"(?:\(?[\w-]*\d[\w-]*\)?\s+)?(?:was\s+|then\s+)?(?:unanimously\s+)?"
                     rf"|^|[.;:,]\s*)(?P<word>{alt(hs.RESULT_WORDS)})\b)")
NO_SECOND = re.compile(r"(?i)\b(?:died|failed|fails|dies)\b[^.]{0,20}\b(?:lack|want)\s+of\s+(?:a\s+)?second")
PLANNING = re.compile(r"(?:^|[\s–—-])(?P<word>NO\s*OBJECTIONS?|(?i:no\s+objections?))\s*\.?$")
PLANNING_STATED = re.compile("|".join(hs.PLANNING_STATED), re.I)
PUT_OFF = re.compile("|".join(hs.PUT_OFF), re.I)
FUTURE = re.compile(r"(?i)\bto\s+be\s+(?:approved|agreed|adopted|accepted)\b|\bwill\s+be\s+(?:\w+,?\s+(?:or\s+)?){0,3}(?:approved|adopted)\b")
# "approved in the 2003 PDA", "approved at the September 25 meeting": another time's decision, recounted.
ELSEWHEN = re.compile(r"(?i)^\s*(?:in|at|on)\s+(?:the\s+)?(?:\d{4}\b|[A-Z]\w+\s+\d{1,2}\b|\w+\s+\w*\s*meeting\b)")
# "when the flags are received", "if the policy is approved": a condition, not a decision.
CONDITION = re.compile(r"(?i)\b(?:if|whether|unless|when|once|until|before|after)\b[^.;]{0,40}$")
# Where a new matter starts inside a minute: a file number "(05-079)", "(*12-104)", a sub-item "6-A",
# a lettered paragraph "b) ...". The label is kept as the item printed.
# "05.25.13" (a minute numbered month, year, order), "(05-079)" (a file number), "6-A", "b)".
# A file number may carry the body it belongs to at a joint meeting, "(12-016 CC)", "(23-01 FA)", or the letter
# of a second item under one number, "(13-024 A)", or both, "(12-001 A HA)".
_FILE = r"\d{1,4}-\d{1,4}[A-Z]?(?:\s+[A-Z]{1,6}(?:-[A-Z])?){0,2}"
BLOCK = re.compile(r"^\(?(?P<star>\*)?(?P<file>" + _FILE + r")\)\s|^(?P<sub>\d{1,2}-[A-Z])\b\.?\s|"
                    r"^(?P<dotted>\d{2}\.\d{2}\.\d{2}(?:\.\d{1,2})?)\s|^(?P<letter>[a-z])[.)]\s|"
                    # "B.   *Draft Minutes ... Approved." (a lettered consent item, starred when enacted with it)
                    r"^(?P<cap>[A-Z])[.)](?:\s{2,}|\s+(?=\*))(?P<cstar>\*)?")
MINUTES = re.compile(r"(?i)\bminutes\b")
LABEL = re.compile(r"(?i)^(?:" + alt((w,) for w in hs.ATTENDANCE_LABELS) + r")\b[^:]{0,20}:")
GIVEN = re.compile(rf"(?i)\b(?P<noun>{alt(hs.GIVEN_FORMS)})\s+(?:was|were|has\s+been)\s+given\b")
BARE = re.compile(rf"(?i)^(?:{'|'.join(hs.BARE_DECISIONS)})\W*$")
OPEN_AGREED = re.compile(r"^(?:Agreed|AGREED)\b(?!\s+by\b)(?:\W+\w+){3}")
PROCEDURAL = re.compile("|".join(hs.PROCEDURAL_ACTS), re.I)
NO_ACTION = re.compile("|".join(hs.NO_ACTION), re.I)
SPEECH = re.compile(rf"{NAME}\s+(?i:{'|'.join(hs.SPEECH_VERBS)})\b")  # "Commissioner A stated ..."
RECEIVED_NOT = re.compile("|".join(hs.RECEIVED_NOT_DECIDED), re.I)
REPORTED = re.compile(r"(?i)\b(?:granted|refused|permitted|approved|withdrawn)\s+by\s+(?!the\s+(?:parish\s+)?council\b)")
# Lines that open a new entry whatever the line before ends with: a file number, a sub-item, a bullet.
ENTRY = re.compile(r"^(?:\(?\*?" + _FILE + r"\)\s|[A-Z][.)](?:\s{2,}|\s+\*)|\d{1,2}-[A-Z]\b|\d{2}\.\d{2}\.\d{2}\b|[^\w\s(\"“‘'$£€]\s*(?!\d)\w)")
ELECTED = re.compile(rf"(?i)\b(?:was|were)\s+(?:unanimously\s+|duly\s+)?(?:re-?)?elected\s+(?:as\s+)?(?:the\s+)?"
                     rf"(?:{'|'.join(hs.ELECTED_OFFICES)})\b")
CONSENSUS = re.compile(rf"(?i)\b(?:{'|'.join(hs.CONSENSUS_FORMS)})\b")
# A motion on the whole consent calendar is its own decision, never the last consent item's.
WHOLE = re.compile(r"(?i)\bconsent\s+(?:calendar|agenda)\b")
# "moved to approve, seconded by B", "moved approval.": a motion with no object of its own
BARE_MOTION = re.compile(r"(?i)\b(?:moved|made\s+(?:a|the)\s+motion)(?:\s+(?:to\s+(?:approve|accept|adopt)(?:\s+(?:it|same))?"
                         r"|approval|acceptance|adoption))?\s*(?:[,.;]|$)")
RECORD = re.compile(r"(?i)\b(?:true|correct|accurate)\s+record\b|\bsigned\b")


@dataclass
class Act:
    """What one sentence records."""

    mover: str | None = None
    seconder: str | None = None
    motion: bool = False
    record: bool = False  # "M/S A / B", "Prop: CR 2nd: KD": who moved what was just stated
    lead: int = 0  # words printed before the record ("M/S A / B Unanimous" alone: 0)
    result: str | None = None  # outcome of a motion put
    votes: Votes | None = None
    decided: str | None = None  # outcome of a decision stated in prose or after an agenda line
    heading: bool = False  # "... Adopted." after an agenda line: a motion that follows belongs to it

def read_sentence(text: str) -> Act:
    """What one sentence records: a motion, a second, a vote, a result, a decision."""
    act = Act()
    future = FUTURE.search(text)
    if future:
        # "will be enacted, approved or adopted by one motion": a rule of procedure, not an act; what the
        # sentence records before it still is ("The following payments were approved: ... To be approved at
        # the 25th February meeting ...", a payments table run on with no full stop)
        text = text[:future.start()]
        if not re.search(r"\w", text):
            return act
    prop = PROP.search(text)
    after = PROPOSED_AFTER.search(text)
    if after and after.start() and member(after["m"]):
        act.mover, act.seconder, act.record = member(after["m"]), member(after["s"]), True
    for k, pattern in enumerate(MOTION if not act.record else ()):
        m = pattern.search(text)
        if m and k == 0 and not LEAD.sub("", m["m"].strip() + " ").strip():
            continue  # "The proposed funding ...": no one moved anything
        if m and not FUTURE.search(text):
            act.motion = k not in RECORDS
            act.record = k in RECORDS
            # "Motion and second to approve ... (A and B)" carries the words of what was moved; "M/S A / B" none
            act.lead = len(text[:m.start()].split()) if k == RECORDS[0] else len(text.split())
            act.mover = member(m.groupdict().get("m"))
            act.seconder = member(m.groupdict().get("s"))
            break
    if prop and not act.mover and (prop["s"] or re.match(r"(?i)\W*prop", text)):
        act.mover, act.seconder, act.record = member(prop["m"]), member(prop["s"]), True
        act.lead = len(text[:prop.start()].split())
    if not act.seconder:
        for pattern in SECOND:
            m = pattern.search(text)
            if m and member(m["s"]):
                act.seconder = member(m["s"])
                break
    act.votes = votes_in(text)
    if NO_SECOND.search(text):
        act.result = "lost"
    else:
        m = RESULT.search(text)
        # "A stated ... when it approved the decorations; expressed support for the motion": talk, not the result
        if m and (act.motion or act.votes or re.search(r"(?i)\bmotion|\bvote\b|^\W*\w+\W*$", text)) \
                and not SPEECH.search(text[:m.start()]):
            act.result = lookup(hs.RESULT_WORDS, m["word"])
    act.decided, act.heading = decided(text, act)
    return act


def decided(text: str, act: Act) -> tuple[str | None, bool]:
    """(outcome, printed after an agenda line) where the sentence states a decision itself."""
    if FUTURE.search(text):
        return None, False
    m = ITEM_OUTCOME.search(text) or FATE_INLINE.search(text)
    if m:
        return lookup(hs.ITEM_OUTCOME_WORDS, re.sub(r"\s+", " ", m["word"].lower())), True
    if MINUTES.search(text) and re.search(r"(?i)\bagreed\s+as\s+a\b", text) and RECORD.search(text):
        return "approved", False  # "The minutes ... agreed as a true record and signed"
    m = DECIDED.search(text)
    if m and not re.search(r"(?i)\b(?:if|whether|unless)\b[^.]{0,20}$", text[:m.start()]) \
            and not SPEECH.search(text[:m.start()]) and not NO_ACTION.search(text[m.start():].split(";")[0]):
        return lookup(hs.DECIDING_VERBS, m["verb"]), False
    found = ELECTED.search(text) or CONSENSUS.search(text)
    if found and not SPEECH.search(text[:found.start()]):
        return "agreed", False  # "were re-elected as officers", "a general consensus to have joint meetings"
    m = GIVEN.search(text)
    if m:
        return lookup(hs.GIVEN_FORMS, m["noun"]), False
    if OPEN_AGREED.match(text.lstrip("-–—•●▪* ")):  # "-Agreed it would be a good idea to ..."
        return "agreed", False
    m = PASSIVE.search(text)
    if m and act.result and re.search(r"(?i)\bmotion\s*$", text[:m.start()]):
        return None, False  # "The motion was approved 4-0": the result of the motion before, not a decision of its own
    if m and not BY_OTHER.match(text[m.end():]) and not act.motion and not SPEECH.search(text[:m.start()]) \
            and not ELSEWHEN.match(text[m.end():]) and not CONDITION.search(text[:m.start()]):
        outcome = lookup(hs.PASSIVE_OUTCOMES, m["verb"])
        if outcome == "noted" and (RECEIVED_NOT.search(text[:m.start()]) or re.search(r"(?i)\bfrom\b", text[m.end():m.end() + 6])
                                   or re.search(r"(?i)\b(?:has|have)\s+been\s+received", m[0])):
            return None, False
        return outcome, False
    if (PLANNING.search(text) or PLANNING_STATED.search(text)) and not REPORTED.search(text):
        return "agreed", False
    if PUT_OFF.search(text) and re.search(r"(?i)\b(?:will\s+be|to\s+be|was|were|be)\s+\w+", text) and not SPEECH.search(text):
        return "deferred", False  # "... and brought to the next meeting for a decision"
    return None, False


def member(name: str | None) -> str | None:
    """A mover's or seconder's name as printed, less a sentence's opening word; None for a body."""
    if not name:
        return None
    name = LEAD.sub("", re.sub(r"\s+", " ", name).strip(" ,.;:/"))
    name = re.sub(r"\s+(?:Unanimous(?:ly)?|Carried|Passed|Approved|Aye|Ayes)\b.*$", "", name)
    # a full stop after a surname ends the sentence: "seconded by Mr. B. The Panel unanimously ..."
    end = re.search(r"\b(?!(?:Mr|Mrs|Ms|Dr|Jr|Sr|St)\.)([A-Za-z][\w'’-]+)\.\s+[A-Z]", name)
    name = name[:end.end(1)] if end else name
    words = name.split()
    if not words or (len(words) == 1 and words[0].lower() in hs.BODY_WORDS + ("it", "motion", "pc")):
        return None
    if words[-1].lower() in hs.MEMBER_TITLE_WORDS:
        return None
    return name



def before_outcome(text: str) -> str:
    """The agenda line's words before its outcome word ("03-11-05." of "03-11-05. Accepted.")."""
    m = ITEM_OUTCOME.search(text) or FATE_INLINE.search(text)
    return text[:m.start()] if m else text


def anchored(line: str, at_start: bool = False) -> bool:
    """Whether a printed line holds the words of an act (for parting a run of lines, and for a minute's
    heading such as "Finance - The following accounts were approved for payment"); with `at_start`,
    whether the act's sentence opens the line (a name and "made a motion", "It was resolved")."""
    if at_start:
        decided_here = DECIDED.search(line)  # "The PC agreed to ...": the article belongs to the deciding body
        m = next((m for m in (*(p.search(line) for p in MOTION),) if m), None)
        return bool(decided_here and decided_here.start() == 0 or m and m.start() == 0 and not LEAD.match(line))
    return bool(DECIDED.search(line) or PASSIVE.search(line) or PROP.search(line) or PLANNING.search(line)
                or any(p.search(line) for p in MOTION))
