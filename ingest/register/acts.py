"""Decisions read by the act the text records, wherever it is printed.

A body decides in many layouts: "It was resolved to ..." inside a numbered minute, "Board Member A
made a motion to approve ... Board Member B seconded the motion. Motion carried 7-0." in running
prose, "Ratified bills ... Approved." after an agenda line, "Prop: CR 2nd: KD" under a paragraph, a
roll call, "NO OBJECTION" against a planning application. This reader looks for those acts sentence
by sentence (a motion made, seconded, put and carried or lost; resolved, agreed, approved, adopted;
a vote counted) and then attaches what the page gives around each: the item it sits under, mover,
seconder, votes and outcome, and the page its words start on. The words are data in
house_style.py (decisions block). Pure text in, Resolution dataclasses out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from minutebook.ingest.papers import house_style as hs
from minutebook.ingest.papers.numbering import heading
from minutebook.ingest.register.decisions import Line
from minutebook.ingest.register.tallies import votes_in
from minutebook.ingest.text import sentences
from minutebook.ingest.types import Resolution, Votes


def _alt(pairs) -> str:
    return "|".join(w.replace(" ", r"\s+") for w, *_ in pairs)


def _lookup(pairs, word: str) -> str | None:
    word = re.sub(r"\s+", " ", word.lower())
    return next((o for w, o in pairs if re.fullmatch(w, word)), None)


# A member as printed before "moved" / "seconded": "Councilmember deHaan", "Vice Mayor /Commissioner
# Ezzy Ashcraft", "Board member Butter", "CR". Capitalised words, a few lower-case title words.
_CAP = r"(?:[A-Z][\w'’.-]*|de[A-Z][\w'’-]*)"
_LOW = "|".join(hs.MEMBER_TITLE_WORDS)
_NAME = rf"(?:{_CAP}|(?:{_LOW})\b)(?:\s*/\s*{_CAP}|\s+{_CAP}|\s+(?:{_LOW})\b)*"
_LEAD = re.compile(r"^(?:The|Then|Also|Finally|Lastly|After|Under|Upon|On|In)\s+(?=[A-Z])")
_MOTION = [re.compile(p) for p in (
    # "Board Member Teague made a motion to ...", "Member Tam moved for approval of ..."
    rf"(?P<m>{_NAME})\s+(?:{'|'.join(hs.MOTION_VERBS)})\b",
    # "A motion to approve the minutes ... was made by Board member Means", "Motion by A, seconded by B"
    rf"(?i:motion)\b[^.]{{0,200}}?\b(?i:was\s+made\s+by|made\s+by|by)\s+(?P<m>{_NAME})",
    # "Motion (Miller)/Second (Iverson) to approve ...", "Motion (Lynch/Second (Anderson) ..."
    rf"(?i:motion)\s*\(\s*(?P<m>{_NAME})\s*\)?\s*/\s*(?i:second)\s*\(\s*(?P<s>{_NAME})\s*\)",
    # "M/S Vice Chair Robbins / Commissioner Navarro", "M/S Hyman / Jenks"
    rf"\bM\s*/\s*S\b\s*:?\s*(?P<m>{_NAME}?)\s*/\s*(?P<s>{_NAME})",
    # "Motion and second to approve the minutes (Griffiths and Cambra)"
    rf"(?i:motion\s+and\s+(?:a\s+)?second)\b[^()]{{0,200}}\((?P<m>{_NAME})\s+(?:and|/)\s+(?P<s>{_NAME})\)",
    # "Resolution 16-02 adopted (Ortiz/Potter and passed unanimously ...)"
    rf"\((?P<m>{_CAP})\s*/\s*(?P<s>{_CAP})\s+and\s+(?:passed|carried|approved)",
    # "It was proposed that ..." ("it has been proposed" reports a proposal made elsewhere)
    r"(?i:\bit\s+was\s+(?:moved|proposed)\b)",
)]
_RECORDS = (3, 4, 5)  # the _MOTION forms that record who moved a decision printed beside them
_SECOND = [re.compile(p) for p in (
    rf"(?P<s>{_NAME})\s+seconded\b",
    rf"(?i:seconded)\s*(?:by)?\s*:?\s*(?P<s>{_NAME})",
    rf"\b(?i:second(?:ed)?)\s*\(\s*(?P<s>{_NAME})\s*\)",
)]
# "Prop: CR 2nd: KD", "Proposed: CR 2nd: SB", "proposed by NO seconded by JH", "(Prop: NO, 2nd JH)"
_PROP = re.compile(rf"\b(?i:prop(?:osed)?|proposer)(?:\s+by)?\s*[:.]?\s*(?P<m>{_NAME})[\s;,]*"
                   rf"(?:(?i:2nd|sec(?:onded|onder)?)(?:\s+by)?\s*[:.]?\s*(?P<s>{_NAME}))?")
_DECIDED = re.compile(rf"(?i:\b(?:{'|'.join(hs.DECIDING_SUBJECTS)})\s+(?:unanimously\s+|duly\s+|then\s+)?"
                      rf"(?P<verb>{_alt(hs.DECIDING_VERBS)}))\b")
_TO_BE = r"(?:was|were|is|are|has\s+been|have\s+been)"
_PASSIVE = re.compile(rf"(?i:\b{_TO_BE}\s+(?:(?:unanimously|duly|formally|then|also|all|checked\s+for\s+[\w\s]+and)\s+)?"
                      rf"(?:[\w]+\s+and\s+)?(?P<verb>{_alt(hs.PASSIVE_OUTCOMES)}))\b")
# "... approved by CDC" / "... granted by the District Council" is another body's decision, reported.
_BY_OTHER = re.compile(r"^\s*(?:\w+\s+){0,2}?by\s+(?!the\s+(?:parish\s+)?council\b|the\s+pc\b|all\b|members\b|the\s+board\b"
                       r"|the\s+committee\b|the\s+commission\b|consensus\b|roll\b|voice\b|unanimous|a\s+vote\b|\w+\s+vote\b)"
                       r"(?:the\s+)?[A-Z]", re.I)
_ITEM_OUTCOME = re.compile(rf"(?<=[.”\"’')\]])\s+(?P<word>(?i:{_alt(hs.ITEM_OUTCOME_WORDS)}))\.?$")
_LEADING_OUTCOME = re.compile(rf"^(?P<word>(?i:{_alt(hs.ITEM_OUTCOME_WORDS)}))\.(?:\s+(?P<rest>.*))?$")
_RESULT = re.compile(rf"(?i:(?:\b(?:motion|which|it|amendment|resolution|and|item)\s+(?:\(?[\w-]*\d[\w-]*\)?\s+)?(?:was\s+|then\s+)?(?:unanimously\s+)?"
                     rf"|^|[.;:,]\s*)(?P<word>{_alt(hs.RESULT_WORDS)})\b)")
_NO_SECOND = re.compile(r"(?i)\b(?:died|failed|fails|dies)\b[^.]{0,20}\b(?:lack|want)\s+of\s+(?:a\s+)?second")
_PLANNING = re.compile(rf"(?:^|[\s–—-])(?P<word>NO\s*OBJECTIONS?|(?i:no\s+objections?))\s*\.?$")
_PUT_OFF = re.compile("|".join(hs.PUT_OFF), re.I)
_FUTURE = re.compile(r"(?i)\bto\s+be\s+(?:approved|agreed|adopted|accepted)\b|\bwill\s+be\s+(?:approved|adopted)\b")
# Where a new matter starts inside a minute: a file number "(05-079)", "(*12-104)", a sub-item "6-A",
# a lettered paragraph "b) ...". The label is kept as the item printed.
# "05.25.13" (a minute numbered month, year, order), "(05-079)" (a file number), "6-A", "b)".
_BLOCK = re.compile(r"^\(?(?P<star>\*)?(?P<file>\d{1,4}-\d{1,4}[A-Z]?)\)\s|^(?P<sub>\d{1,2}-[A-Z])\b\.?\s|"
                    r"^(?P<dotted>\d{2}\.\d{2}\.\d{2}(?:\.\d{1,2})?)\s|^(?P<letter>[a-z])[.)]\s")
_MINUTES = re.compile(r"(?i)\bminutes\b")
_LABEL = re.compile(r"(?i)^(?:" + _alt((w,) for w in hs.ATTENDANCE_LABELS) + r")\b[^:]{0,20}:")
_GIVEN = re.compile(rf"(?i)\b(?P<noun>{_alt(hs.GIVEN_FORMS)})\s+(?:was|were|has\s+been)\s+given\b")
_BARE = re.compile(rf"(?i)^(?:{'|'.join(hs.BARE_DECISIONS)})\W*$")
_OPEN_AGREED = re.compile(r"^(?:Agreed|AGREED)\b(?!\s+by\b)(?:\W+\w+){3}")
_PROCEDURAL = re.compile("|".join(hs.PROCEDURAL_ACTS), re.I)
_SPEECH = re.compile(rf"{_NAME}\s+(?i:{'|'.join(hs.SPEECH_VERBS)})\b")  # "Commissioner A stated ..."
_RECEIVED_NOT = re.compile("|".join(hs.RECEIVED_NOT_DECIDED), re.I)
_REPORTED = re.compile(r"(?i)\b(?:granted|refused|permitted|approved|withdrawn)\s+by\s+(?!the\s+(?:parish\s+)?council\b)")
# Lines that open a new entry whatever the line before ends with: a file number, a sub-item, a bullet.
_ENTRY = re.compile(r"^(?:\(?\*?\d{1,4}-\d{1,4}[A-Z]?\)\s|\d{1,2}-[A-Z]\b|\d{2}\.\d{2}\.\d{2}\b|[^\w\s(\"“‘'$£€]\s*\w)")
_RECORD = re.compile(r"(?i)\b(?:true|correct|accurate)\s+record\b|\bsigned\b")


@dataclass
class _Act:
    """What one sentence records."""

    mover: str | None = None
    seconder: str | None = None
    motion: bool = False
    record: bool = False  # "M/S A / B", "Prop: CR 2nd: KD": who moved what was just stated
    result: str | None = None  # outcome of a motion put
    votes: Votes | None = None
    decided: str | None = None  # outcome of a decision stated in prose or after an agenda line
    heading: bool = False  # "... Adopted." after an agenda line: a motion that follows belongs to it


@dataclass
class _Open:
    entry: Resolution
    heading: bool
    settled: bool = False  # its motion has been put (a later result is another decision's)


def read_acts(lines: list[Line], item: str = "", title: str = "") -> list[Resolution]:
    """The decisions `lines` record, one per act, in the order printed."""
    out: list[Resolution] = []
    current: _Open | None = None
    label = item
    prev: tuple[int, str, Resolution | None] | None = None  # the sentence before, and its entry
    procedural = False  # since a motion about the meeting itself: its second and vote are no entry
    for page, start, text in _sentences(lines):
        block = _BLOCK.match(text) if start else None
        made: Resolution | None = None
        if block:
            current = None
            label = _label(item, block)
            if block["star"]:  # an item enacted by the consent motion ("indicated by an asterisk")
                made = _new(text, page, label, title, "approved", "decision")
                out.append(made)
                current = _Open(made, True)
        lead = _LEADING_OUTCOME.match(text)
        if lead and not block and prev:
            # "Approved." cut off the agenda line before it by the sentence splitter
            word = _lookup(hs.ITEM_OUTCOME_WORDS, lead["word"])
            if prev[2] is None:
                made = _new(prev[1], prev[0], label, title, word, "decision")
                out.append(made)
            else:
                made, made.outcome, made.entry = prev[2], word, "decision"
            made.text += f" {lead['word']}."
            current = _Open(made, True)
            text = lead["rest"] or ""
            if not text:
                prev = (page, text, made)
                continue
        if _PROCEDURAL.search(text):
            prev, current, procedural = (page, "", None), None if current and current.settled else current, True
            continue
        act = _read(text)
        if procedural and not block and (_BARE.match(text) or not act.motion and not act.decided
                                         and (not act.record or len(_PROP.split(text)[0].split()) < 2)):
            continue  # "Agreed unanimously.", "M/S A / B", "Motion passed 6-0." after a procedural motion
        procedural = False
        bare = _BARE.match(text) or (act.decided and (_PLANNING.fullmatch(text.strip(" -–—")) or len(text.split()) <= 4))
        short = act.heading and len(_ITEM_OUTCOME.sub("", text).split()) < 4
        if short and not block and prev and prev[2] is not None and prev[2].entry == "decision":
            made = prev[2]  # "... No. P.W." / "03-11-05. Accepted.": the end of the agenda line before
            made.text, made.outcome = f"{made.text} {text}", act.decided
            current = _Open(made, True)
        elif (bare or short) and prev and prev[2] is None and prev[1]:
            made = _new(prev[1] + " " + text, prev[0], label, title, act.decided or "agreed", "decision")
            out.append(made)
            current = _Open(made, False)
        elif act.decided and not (block and block["star"] and act.heading):
            made = _new(text, page, label, title, act.decided, "decision")
            out.append(made)
            current = _Open(made, act.heading)
            _attach(current, act, None)
        elif act.decided and current:  # a starred item that also prints its outcome word
            current.entry.outcome = act.decided
        elif act.record and current and not current.entry.mover:
            _attach(current, act, text)
        elif act.record and not act.motion and len(_PROP.split(text)[0].split()) < 2:
            pass  # "Prop: CR 2nd: KD" with nothing before it to name what was proposed
        elif act.motion or (act.record and act.mover):
            voted = prev and prev[2] is not None and prev[2].entry == "motion" and prev[2].text == prev[2].outcome_text
            if voted and not prev[2].mover:
                # the vote printed before the motion it decided ("Ayes: 4; Noes: 0; Motion Carries" / "Motion (A)/Second (B) ...")
                made, made.page, made.text = prev[2], page, f"{text} {prev[2].text}"
                made.mover, made.seconder = act.mover, act.seconder
            elif current and current.heading and not current.entry.mover and not current.settled:
                _attach(current, act, text)
            else:
                made = _new(text, page, label, title, None, "motion")
                out.append(made)
                current = _Open(made, False)
                _attach(current, act, None)
        elif act.result or act.votes or act.seconder:
            if current and (not current.settled or (act.votes and not act.result and not current.entry.votes)):
                _attach(current, act, text)
            elif act.result or (current is None and act.votes and act.votes.counts.get("for") is not None):
                # a vote printed before the motion ("Vote: 5-0." / "Motion by A, seconded by B, to ...")
                result = act.result or ("carried" if act.votes.counts["for"] > act.votes.counts["against"] else "lost")
                made = _new(text, page, label, title, result, "motion")
                made.votes, made.outcome_text = act.votes, text
                out.append(made)
                current = _Open(made, False, settled=True)
        prev = (page, text, made)
    return [_finish(r) for r in out if _kept(r)]


def _label(item: str, block: re.Match) -> str:
    if block["letter"]:
        return f"{item}{block['letter']}" if item else block["letter"]
    return block["file"] or block["sub"] or block["dotted"]


def _new(text: str, page: int, item: str, title: str, outcome: str | None, entry: str) -> Resolution:
    text = re.sub(r"^\(?\*?\d{1,4}-\d{1,4}[A-Z]?\)\s*|^[a-z][.)]\s+|^\d{2}\.\d{2}\.\d{2}(?:\.\d{1,2})?\s+", "", text).strip()
    return Resolution(item=item, title=title, text=text, page=page, outcome=outcome, entry=entry,
                      form="MOTION" if entry == "motion" else "DECISION")


def _attach(current: _Open, act: _Act, text: str | None) -> None:
    """Add a sentence's mover, seconder, vote and result to the decision it belongs to."""
    r = current.entry
    r.mover = r.mover or act.mover
    r.seconder = r.seconder or act.seconder
    if act.votes:
        r.votes = _merge(r.votes, act.votes)
    if text and (r.entry == "motion" or not current.heading):
        r.text += " " + text  # a motion is quoted with its second and its vote
    if act.result:
        if r.outcome is None or (r.entry == "motion" and not current.heading):
            r.outcome = act.result
        r.outcome_text = text or r.outcome_text
        current.settled = True


def _kept(r: Resolution) -> bool:
    """A motion neither seconded nor put, and not a formal proposal ("proposed that"), was only talk
    ("Mayor A proposed the term ...")."""
    return not (r.entry == "motion" and r.outcome is None and not r.seconder
                and not re.search(r"(?i)\b(?:moved|proposed\s+that|motion)\b", r.text))


def _finish(r: Resolution) -> Resolution:
    counts = r.votes.counts if r.votes else {}
    if r.outcome is None and counts.get("for") is not None:
        # a vote counted with no outcome word: the motion carried or fell by its count
        r.outcome = "carried" if counts["for"] > counts.get("against", 0) else "lost"
    if r.outcome is None:
        # a proposal moved and seconded with no result printed is treated as settled (agreed)
        r.outcome = "agreed"
    first = re.split(r"(?<=[.;])\s", r.text, maxsplit=1)[0]
    if r.outcome in ("agreed", "approved", "carried") and _PUT_OFF.search(first):
        r.outcome = "deferred"
    r.entry = "decision" if r.entry == "decision" else "motion"
    return r


def _merge(a: Votes | None, b: Votes) -> Votes:
    if not a:
        return b
    if a.counts and b.counts:
        return a
    return Votes({**b.counts, **a.counts}, {**b.names, **a.names}, a.unanimous or b.unanimous)


def _read(text: str) -> _Act:
    """What one sentence records: a motion, a second, a vote, a result, a decision."""
    act = _Act()
    prop = _PROP.search(text)
    for k, pattern in enumerate(_MOTION):
        m = pattern.search(text)
        if m and k == 0 and not _LEAD.sub("", m["m"].strip() + " ").strip():
            continue  # "The proposed funding ...": no one moved anything
        if m and not _FUTURE.search(text):
            act.motion = k not in _RECORDS
            act.record = k in _RECORDS
            act.mover = _member(m.groupdict().get("m"))
            act.seconder = _member(m.groupdict().get("s"))
            break
    if prop and not act.mover and (prop["s"] or re.match(r"(?i)\W*prop", text)):
        act.mover, act.seconder, act.record = _member(prop["m"]), _member(prop["s"]), True
    if not act.seconder:
        for pattern in _SECOND:
            m = pattern.search(text)
            if m and _member(m["s"]):
                act.seconder = _member(m["s"])
                break
    act.votes = votes_in(text)
    if _NO_SECOND.search(text):
        act.result = "lost"
    else:
        m = _RESULT.search(text)
        if m and (act.motion or act.votes or re.search(r"(?i)\bmotion|\bvote\b|^\W*\w+\W*$", text)):
            act.result = _lookup(hs.RESULT_WORDS, m["word"])
    act.decided, act.heading = _decided(text, act)
    return act


def _decided(text: str, act: _Act) -> tuple[str | None, bool]:
    """(outcome, printed after an agenda line) where the sentence states a decision itself."""
    if _FUTURE.search(text):
        return None, False
    m = _ITEM_OUTCOME.search(text)
    if m:
        return _lookup(hs.ITEM_OUTCOME_WORDS, m["word"]), True
    if _MINUTES.search(text) and re.search(r"(?i)\bagreed\s+as\s+a\b", text) and _RECORD.search(text):
        return "approved", False  # "The minutes ... agreed as a true record and signed"
    m = _DECIDED.search(text)
    if m and not re.search(r"(?i)\b(?:if|whether|unless)\b[^.]{0,20}$", text[:m.start()]) \
            and not _SPEECH.search(text[:m.start()]):
        return _lookup(hs.DECIDING_VERBS, m["verb"]), False
    m = _GIVEN.search(text)
    if m:
        return _lookup(hs.GIVEN_FORMS, m["noun"]), False
    if _OPEN_AGREED.match(text):
        return "agreed", False
    m = _PASSIVE.search(text)
    if m and not _BY_OTHER.match(text[m.end():]) and not act.motion and not _SPEECH.search(text[:m.start()]):
        outcome = _lookup(hs.PASSIVE_OUTCOMES, m["verb"])
        if outcome == "noted" and (_RECEIVED_NOT.search(text[:m.start()]) or re.search(r"(?i)\bfrom\b", text[m.end():m.end() + 6])
                                   or re.search(r"(?i)\b(?:has|have)\s+been\s+received", m[0])):
            return None, False
        return outcome, False
    if _PLANNING.search(text) and not _REPORTED.search(text):
        return "agreed", False
    if _PUT_OFF.search(text) and re.search(r"(?i)\b(?:will\s+be|to\s+be|was|were|be)\s+\w+", text) and not _SPEECH.search(text):
        return "deferred", False  # "... and brought to the next meeting for a decision"
    return None, False


def _member(name: str | None) -> str | None:
    """A mover's or seconder's name as printed, less a sentence's opening word; None for a body."""
    if not name:
        return None
    name = _LEAD.sub("", re.sub(r"\s+", " ", name).strip(" ,.;:/"))
    name = re.sub(r"\s+(?:Unanimous(?:ly)?|Carried|Passed|Approved|Aye|Ayes)\b.*$", "", name)
    words = name.split()
    if not words or (len(words) == 1 and words[0].lower() in hs.BODY_WORDS + ("it", "motion", "pc")):
        return None
    if words[-1].lower() in hs.MEMBER_TITLE_WORDS:
        return None
    return name


# --- sentences with their pages -------------------------------------------------------------------


def _sentences(lines: list[Line]) -> list[tuple[int, bool, str]]:
    """(page, starts a printed line, sentence) for the lines, with the project's sentence splitter.

    A file number, sub-item or bullet at the start of a line opens a new entry; a run of lines without
    full stops that holds two acts ("... were approved and signed" / "Chairman – A  Prop: KD 2nd: CR")
    is parted at the line where the second act's line begins."""
    entries: list[list[Line]] = []
    for line in lines:
        if not entries or _opens(line[1]):
            entries.append([])
        entries[-1].append(line)
    out: list[tuple[int, bool, str]] = []
    for entry in entries:
        words: list[tuple[str, int, bool]] = []
        for page, text in entry:
            words += [(w, page, k == 0) for k, w in enumerate(text.split())]
        flat = [w for w, _, _ in words]
        parts: list[str] = []
        for s in sentences("\n".join(t for _, t in entry), max_words=None):
            # the splitter also cuts at ";": a roll call or a list of findings is one sentence here
            if parts and parts[-1].endswith(";"):
                parts[-1] += " " + s
            else:
                parts.append(s)
        cursor = 0
        for s in parts:
            sw = s.split()
            at = next((a for a in range(cursor, len(flat)) if flat[a:a + len(sw)] == sw), None)
            if at is None:
                if words:
                    out.append((words[min(cursor, len(words) - 1)][1], False, s))
                continue
            cursor = at + len(sw)
            for a, b in _parts(words[at:cursor]):
                piece = words[at + a:at + b]
                out.append((piece[0][1], piece[0][2], " ".join(w for w, _, _ in piece)))
    return out


def _opens(text: str) -> bool:
    """Whether a printed line opens an entry of its own: a file number, sub-item or bullet, a numbered
    heading ("3 Finance", "4. REGULAR AGENDA ITEMS"), a heading in capitals, a label ("Apologies: ...")."""
    head = heading(text)
    return bool(_ENTRY.match(text) or (head and head.title and head.title[:1].isupper())
                or (text.isupper() and len(text.split()) <= 8) or _LABEL.match(text)
                or re.fullmatch(r"\d{1,2}\s+[A-Z][\w&'’ -]{2,40}", text))


def _parts(words: list[tuple[str, int, bool]]) -> list[tuple[int, int]]:
    """Spans of a sentence to read apart: one per act, cut at line starts (the whole when one act)."""
    starts = [k for k, (_, _, first) in enumerate(words) if first and k]
    if not starts:
        return [(0, len(words))]
    cuts = [0]
    line_starts = [0] + starts + [len(words)]
    acts = 0
    for a, b in zip(line_starts, line_starts[1:]):
        line = " ".join(w for w, _, _ in words[a:b])
        here = bool(_anchor(line))
        # an act that opens its line starts a piece ("4-A Design Review" / "Commissioner A made a motion")
        if here and (acts or _anchor(line, at_start=True)) and a not in cuts:
            cuts.append(a)
        acts += here
        # a proposer's line or a planning response closes what precedes it
        if (_PROP.search(line) or _PLANNING.search(line)) and b < len(words):
            cuts.append(b)
            acts = 0
    cuts = sorted(set(cuts)) + [len(words)]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def _anchor(line: str, at_start: bool = False) -> bool:
    """Whether a printed line holds the words of an act (for parting a run of lines); with `at_start`,
    whether the act's sentence opens the line (a name and "made a motion", "It was resolved")."""
    if at_start:
        m = next((m for m in (_DECIDED.search(line), *(p.search(line) for p in _MOTION)) if m), None)
        return bool(m and m.start() == 0 and not _LEAD.match(line))
    return bool(_DECIDED.search(line) or _PASSIVE.search(line) or _PROP.search(line) or _PLANNING.search(line)
                or any(p.search(line) for p in _MOTION))
