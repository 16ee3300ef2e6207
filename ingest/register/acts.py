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

import copy
import re
from dataclasses import dataclass

from minutebook.ingest.papers import house_style as hs
from minutebook.ingest.papers.numbering import heading
from minutebook.ingest.register import act_forms as af
from minutebook.ingest.register.decisions import Line, dates_in
from minutebook.ingest.register.tallies import votes_in
from minutebook.ingest.text import sentences
from minutebook.ingest.types import Resolution, Votes


@dataclass
class _Open:
    entry: Resolution
    heading: bool
    settled: bool = False  # its motion has been put (a later result is another decision's)


def read_acts(lines: list[Line], item: str = "", title: str = "", heading_lines: int = 0) -> list[Resolution]:
    """The decisions `lines` record, one per act, in the order printed; the first `heading_lines` are the
    minute's heading, a sentence of its own whatever follows it."""
    out: list[Resolution] = []
    current: _Open | None = None
    label = item
    prev: tuple[int, str, Resolution | None] | None = None  # the sentence before, and its entry
    procedural = False  # since a motion about the meeting itself: its second and vote are no entry
    motion: _Open | None = None  # the last motion made, for its vote after an amendment's fate
    older: tuple[int, str, Resolution | None] | None = None  # the sentence before `prev`
    last: tuple[int, str, Resolution | None] | None = None
    for page, start, text in _sentences(lines, heading_lines):
        older, last = last, prev
        block = af.BLOCK.match(text) if start else None
        made: Resolution | None = None
        if start and not block and re.match(r"(?:[A-Z]{2,}[ &/-]+){2,}", text):
            current, label = None, item  # a heading in capitals ("NEW BUSINESS") ends the sub-items before it
        if block:
            current = None
            label = _label(item, block)
            if block["star"] or block["cstar"]:  # an item enacted by the consent motion ("indicated by an asterisk")
                made = _new(text, page, label, title, "approved", "decision")
                out.append(made)
                current = _Open(made, True)
        fate = af.LEADING_FATE.match(text)
        if fate and not block and prev and prev[1]:
            word = af.lookup(hs.ITEM_OUTCOME_WORDS, re.sub(r"\s+", " ", fate["word"].lower()))
            made = prev[2] or _new(prev[1], prev[0], label, title, word, "decision")
            if prev[2] is None:
                out.append(made)
            made.outcome, made.entry, made.text = word, "decision", f"{made.text} {text}"
            current, prev = _Open(made, True), (page, text, made)
            continue
        lead = af.LEADING_OUTCOME.match(text)
        if lead and not block and prev:
            # "Approved." cut off the agenda line before it by the sentence splitter
            word = af.lookup(hs.ITEM_OUTCOME_WORDS, lead["word"])
            if prev[2] is None:
                made = _new(prev[1], prev[0], label, title, word, "decision")
                out += _joined(older, item, title, word) + [made]
            else:
                made, made.outcome, made.entry = prev[2], word, "decision"
            made.text += " " + (text[:lead.start("rest")] if lead["rest"] else text).strip()  # as printed: "Not adopted; and"
            current = _Open(made, True)
            text = lead["rest"] or ""
            if not text:
                prev = (page, text, made)
                continue
        if af.PROCEDURAL.search(text):
            prev, current, procedural = (page, "", None), None if current and current.settled else current, True
            continue
        act = af.read_sentence(text)
        if procedural and not block and (af.BARE.match(text) or not act.motion and not act.decided
                                         and (not act.record or act.lead < 2)):
            continue  # "Agreed unanimously.", "M/S A / B", "Motion passed 6-0." after a procedural motion
        procedural = False
        bare = af.BARE.match(text) or (act.decided and (af.PLANNING.fullmatch(text.strip(" -–—")) or len(text.split()) <= 4))
        short = act.heading and len(af.before_outcome(text).split()) < 4
        if short and not block and prev and prev[2] is not None and prev[2].entry == "decision":
            made = prev[2]  # "... No. P.W." / "03-11-05. Accepted.": the end of the agenda line before
            made.text, made.outcome = f"{made.text} {text}", act.decided
            current = _Open(made, True)
        elif (bare or short) and prev and prev[2] is None and prev[1]:
            made = _new(prev[1] + " " + text, prev[0], label, title, act.decided or "agreed", "decision")
            out.append(made)
            current = _Open(made, False)
        elif act.decided and not (block and (block["star"] or block["cstar"]) and act.heading):
            made = _new(text, page, label, title, act.decided, "decision")
            made.meeting_date = _own_date(text)
            out += (_joined(prev, item, title, act.decided) if block and act.heading else []) + [made]
            current = _Open(made, act.heading)
            _attach(current, act, None)
        elif act.decided and current:  # a starred item that also prints its outcome word
            current.entry.outcome = act.decided
        elif act.record and current and (not current.entry.mover or current.entry.entry == "motion"
                                         and not current.settled and not current.entry.seconder
                                         and act.mover and act.seconder):
            if current.entry.mover:  # "A moved to accept ..." / "M/S B / C": the record names who moved and seconded
                current.entry.mover, current.entry.seconder = act.mover, act.seconder
            _attach(current, act, text)
        elif act.record and not act.motion and len(af.PROP.split(text)[0].split()) < 2:
            pass  # "Prop: CR 2nd: KD" with nothing before it to name what was proposed
        elif act.motion or (act.record and act.mover):
            voted = prev and prev[2] is not None and prev[2].entry == "motion" and prev[2].text == prev[2].outcome_text
            if voted and not prev[2].mover:
                # the vote printed before the motion it decided ("Ayes: 4; Noes: 0; Motion Carries" / "Motion (A)/Second (B) ...")
                made, made.page, made.text = prev[2], page, f"{text} {prev[2].text}"
                made.mover, made.seconder = act.mover, act.seconder
            elif current and current.heading and not current.entry.mover and not current.settled \
                    and not af.WHOLE.search(text):
                _attach(current, act, text)
            elif current and prev and prev[2] is current.entry and current.entry.entry == "decision" \
                    and not current.entry.mover and not current.settled and af.BARE_MOTION.search(text):
                # "... was accepted as presented. A moved to approve, seconded by B. Passed 5-0": the motion
                # that decided what the sentence before states, its vote following
                current.entry.entry = "motion"
                current.entry.outcome = None
                _attach(current, act, text)
            else:
                made = _new(text, page, item if af.WHOLE.search(text) else label, title, None, "motion")
                out.append(made)
                current = _Open(made, False)
                _attach(current, act, None)
                motion = current
        elif act.result or act.votes or act.seconder:
            if current and motion and motion is not current and not motion.settled and act.result \
                    and _AMENDMENT.search(current.entry.text) and re.match(r"(?i)(?:the\s+)?(?:main\s+)?motion\b", text):
                # "The amendment was accepted. The motion passed 5-0.": the vote decides the motion amended
                _attach(motion, act, text)
                current = motion
            elif current and (not current.settled or (act.votes and not act.result and not current.entry.votes)):
                _attach(current, act, text)
            elif current and act.votes and act.votes.counts and set(act.votes.counts) <= {"against", "abstain", "absent"} \
                    and current.entry.votes and current.entry.votes.counts.get("for") is not None:
                # the rest of the count in a sentence of its own: "Motion passed 4-0. Member Murray abstained.",
                # "... voice vote Ayes: Councilmembers A and B – 2. Noes: Councilmembers C, D and E – 3."
                current.entry.votes.counts.update(act.votes.counts)
                current.entry.votes.names.update(act.votes.names)
            elif act.result or (current is None and act.votes and act.votes.counts.get("for") is not None):
                # a vote printed before the motion ("Vote: 5-0." / "Motion by A, seconded by B, to ...")
                result = act.result or ("carried" if act.votes.counts["for"] > act.votes.counts["against"] else "lost")
                made = _new(text, page, label, title, result, "motion")
                made.votes, made.outcome_text = act.votes, text
                out.append(made)
                current = _Open(made, False, settled=True)
        prev = (page, text, made)
    return [_finish(r) for r in _share_joined(out) if _kept(r)]


def _share_joined(out: list[Resolution]) -> list[Resolution]:
    """Items printed as one run, each outcome but the last closing with ";" or "; and" ("(23-520 CC)
    Resolution ... Adopted;" / "(23-01 FA) Resolution ... Adopted; and" / "... Adopted."), were decided
    by one motion, which the minutes print after the run: every item of the run takes its mover,
    seconder and vote."""
    runs: list[list[Resolution]] = []
    for r in out:
        last = runs[-1][-1] if runs else None
        if last is not None and r.entry == last.entry == "decision" and af.JOINED.search(last.text.strip()):
            runs[-1].append(r)
        else:
            runs.append([r])
    for run in (run for run in runs if len(run) > 1):
        moved = next((r for r in reversed(run) if r.mover or r.votes), None)
        for r in run if moved else ():
            if not (r.mover or r.votes):
                r.mover, r.seconder, r.votes = moved.mover, moved.seconder, copy.deepcopy(moved.votes)
    return out


_AMENDMENT = re.compile(r"(?i)(?:the\s+|an?\s+)?(?:friendly\s+)?amendment\b[^.]{0,40}\b(?:was|were)\s+(?:accepted|agreed|approved)")


def _own_date(text: str) -> str | None:
    """The date a decision opens with, where it was taken at another meeting than the one the minutes
    record ("On March 22, 2023, the Transportation Commission approved adding this abstract ...")."""
    lead = re.match(r"(?i)on\s+", text)
    found = dates_in(text[:50]) if lead else []
    return found[0][1] if found and found[0][0] == lead.end() else None


def _joined(sentence: tuple[int, str, Resolution | None] | None, item: str, title: str, outcome: str) -> list[Resolution]:
    """The item printed before an agenda line with its outcome word and joined to it by "; and", with no
    outcome of its own ("(13-004 SA) Recommendation to Approve ...; and" / "(13-012 CC) Recommendation ...
    Accepted."): the outcome printed at the end of the run is every item's."""
    block = af.BLOCK.match(sentence[1]) if sentence and sentence[2] is None else None
    if not (block and af.JOINED.search(sentence[1])):
        return []
    return [_new(sentence[1], sentence[0], _label(item, block), title, outcome, "decision")]


def _label(item: str, block: re.Match) -> str:
    if block["letter"]:
        return f"{item}{block['letter']}" if item else block["letter"]
    if block["cap"]:
        return block["cap"]
    return block["file"] or block["sub"] or block["dotted"]


def _new(text: str, page: int, item: str, title: str, outcome: str | None, entry: str) -> Resolution:
    text = re.sub(r"^\(?\*?\d{1,4}-\d{1,4}[A-Z]?\)\s*|^[a-z][.)]\s+", "", text).strip()
    return Resolution(item=item, title=title, text=text, page=page, outcome=outcome, entry=entry,
                      form="MOTION" if entry == "motion" else "DECISION")


def _attach(current: _Open, act: af.Act, text: str | None) -> None:
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
    if r.outcome is None and r.votes and r.votes.unanimous:
        r.outcome = "carried"  # "The Panel unanimously voted in favor."
    if r.outcome is None:
        # a proposal moved and seconded with no result printed is treated as settled (agreed)
        r.outcome = "agreed"
    first = re.split(r"(?<=[.;])\s", r.text, maxsplit=1)[0]
    if r.outcome in ("agreed", "approved", "carried") and af.PUT_OFF.search(first):
        r.outcome = "deferred"
    r.entry = "decision" if r.entry == "decision" else "motion"
    return r


def _merge(a: Votes | None, b: Votes) -> Votes:
    if not a:
        return b
    if a.counts and b.counts:
        return a
    return Votes({**b.counts, **a.counts}, {**b.names, **a.names}, a.unanimous or b.unanimous)


# --- sentences with their pages -------------------------------------------------------------------


_BROKEN_COUNT = re.compile(r"(?i)\b(?:passed|carried|failed|approved|adopted|vote)\b[^.]{0,40}?\b\d{1,2}\s?[-–]$")


def _sentences(lines: list[Line], heading_lines: int = 0) -> list[tuple[int, bool, str]]:
    """(page, starts a printed line, sentence) for the lines, with the project's sentence splitter.

    A file number, sub-item or bullet at the start of a line opens a new entry; a run of lines without
    full stops that holds two acts ("... were approved and signed" / "Chairman – A  Prop: KD 2nd: CR")
    is parted at the line where the second act's line begins."""
    entries: list[list[Line]] = []
    joined_lines: list[Line] = []
    for line in lines:
        if joined_lines and _BROKEN_COUNT.search(joined_lines[-1][1]) and re.match(r"\d{1,2}(?:[.,;)]|\s*\(|\s*[-–]\s*\d|$)", line[1]):
            # "the motion passed 6-" / "0.": a count broken at its dash is one count, not a numbered line
            joined_lines[-1] = (joined_lines[-1][0], joined_lines[-1][1] + line[1])
        elif joined_lines and re.search(r"(?i)\bno$", joined_lines[-1][1]) and re.match(r"(?i)objections?\b", line[1]):
            # "New Air Source Heat Pump NO" / "OBJECTION": a planning response broken over two lines
            joined_lines[-1] = (joined_lines[-1][0], f"{joined_lines[-1][1]} {line[1]}")
        else:
            joined_lines.append(line)
    for k, line in enumerate(joined_lines):
        # a minute's heading ("08.23.11 Finance - The following accounts were approved for payment") is not
        # continued by the table under it ("Paid by standing order ... Invoices to be approved ...")
        if not entries or _opens(line[1]) or (heading_lines and k == heading_lines):
            entries.append([])
        entries[-1].append(line)
    out: list[tuple[int, bool, str]] = []
    for entry in entries:
        words: list[tuple[str, int, bool]] = []
        for page, text in entry:
            words += [(w, page, k == 0) for k, w in enumerate(text.split())]
        flat = [w for w, _, _ in words]
        parts: list[str] = []
        # "... unanimous voice vote" / "– 5.": a count carried onto the next line is no list entry
        joined = re.sub(r"\n(?=[–—-]\s*\d)", " ", "\n".join(t for _, t in entry))
        for s in sentences(joined, max_words=None):
            # the splitter also cuts at ";": a roll call or a list of findings is one sentence here
            if parts and (parts[-1].endswith(";") or re.match(r"(?:Mr|Mrs|Ms|Dr|Cllr)\.\s", s)
                          and not re.search(r"[.!?:]$", parts[-1])):  # "... nominated" / "Mr. Mik as Chair"
                parts[-1] += " " + s
            else:
                parts.append(s)
        parts = [c for s in parts for c in _decided_clauses(s)]
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


def _subject_above(before: list[tuple[str, int, bool]], line: str) -> bool:
    """Whether the body that decides at the start of `line` is named from the line above ("... On March
    22, 2023, the Transportation" / "Commission approved adding ..."): one decision, not a new piece."""
    tail = " ".join(w for w, _, _ in before[-4:])
    m = af.DECIDED.search(f"{tail} {line}")
    # more than an article above: "to which the" / "CDI agreed to start October 26th" is the body named below
    return bool(tail) and m is not None and m.start() < len(tail) and tail[m.start():].strip().lower() not in ("the", "")


def _decided_clauses(sentence: str) -> list[str]:
    """A sentence parted at each ";" after which a decision is stated following another decision or a
    vote, each clause with its own vote: "regarding Labor, ... Council provided direction by the following vote: Ayes: ... – 3; Noes: ...
    – 1; regarding Real Property, ... Council provided direction unanimous voice vote – 5."."""
    clauses: list[str] = []
    for piece in re.split(r"(?<=;)\s+", sentence):
        if clauses and not (af.DECIDED.search(piece) and (af.DECIDED.search(clauses[-1]) or votes_in(clauses[-1]))):
            clauses[-1] += " " + piece
        else:
            clauses.append(piece)
    return clauses


def _opens(text: str) -> bool:
    """Whether a printed line opens an entry of its own: a file number, sub-item or bullet, a numbered
    heading ("3 Finance", "4. REGULAR AGENDA ITEMS"), a heading in capitals, a label ("Apologies: ...")."""
    head = heading(text)
    return bool(af.ENTRY.match(text) or (head and head.title and head.title[:1].isupper())
                or (text.isupper() and len(text.split()) <= 8) or af.LABEL.match(text)
                or re.fullmatch(r"\d{1,2}(?:[.)]?|\s+[A-Z][\w&'’ -]{2,40})", text))


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
        here = bool(af.anchored(line))
        # an act that opens its line starts a piece ("4-A Design Review" / "Commissioner A made a motion")
        if here and (acts or af.anchored(line, at_start=True) and not _subject_above(words[:a], line)) and a not in cuts:
            cuts.append(a)
        acts += here
        # a proposer's line or a planning response closes what precedes it
        if (af.PROP.search(line) or af.PLANNING.search(line)) and b < len(words):
            cuts.append(b)
            acts = 0
    # a run of lines carried over a page with no act before the break and a decision stated after it
    # ("(23-519) Conference With Real Property Negotiators ... Terms of Purchase" / "Following the Closed
    # Session, ... Council provided direction ..."): the decision is cited on the page its words are on
    for k in (k for k in starts if words[k][1] != words[k - 1][1]):
        if not af.anchored(" ".join(w for w, _, _ in words[:k])) and af.DECIDED.search(" ".join(w for w, _, _ in words[k:])):
            cuts.append(k)
    cuts = sorted(set(cuts)) + [len(words)]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]
