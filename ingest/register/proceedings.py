"""Read the proceedings of one minute into register entries: decisions, motions and amendments.

A minute may hold one "RESOLVED that ..." or a whole debate: motions and amendments moved and
seconded, recorded votes, "Amendment lost.", "Motion carried." and then the resolution. Each
decision, each amendment and each motion put to the vote with no resolution printed after it
becomes an entry, with the votes and movers the text gives it. Pure text in, dataclasses out.
"""
from __future__ import annotations

import re

from minutebook.ingest.register.decisions import Line, keyword, parse_decision, reflow
from minutebook.ingest.register.motions import (Proposal, item_fate, marked_movers, mover_line, names_line, outcome_words,
                                                bare_outcome, para_label, proposal, split_names, vote_head)
from minutebook.ingest.types import Resolution, Votes

# Approval as the decision's verb ("approves", "be approved"), not as an adjective ("the approved budget").
_APPROVE = re.compile(r"(?i)\b(?:approves?|adopts?)\b|\b(?:be|been|was|were|is|are)\s+(?:\w+\s+)?(?:approved|adopted)\b")
_NOTE = re.compile(r"(?i)\b(?:not(?:e|es|ed|ing)|comment(?:s|ed)?\s+on|make\s+comment|receive[sd]?)\b")
_AGREE = re.compile(r"(?i)\bagree[sd]?\b")
_UNANIMOUS = re.compile(r"(?i)\b(?:agreed|carried|approved|resolved)\s+unanimously\b|\bunanimously\s+(?:agreed|carried)\b"
                        r"|\[\s*unanimous\s*\]")


def decision_outcome(form: str, text: str, parts: list) -> str:
    """The outcome a decision's own words record: approved, noted, deferred, recommended or agreed."""
    kinds = [p.kind for p in parts]
    if form == "RECOMMENDED" or (kinds and all(k == "recommended" for k in kinds)):
        return "recommended"
    if kinds and all(k == "deferred" for k in kinds):
        return "deferred"
    if _APPROVE.search(text):
        return "approved"
    if form == "NOTED" or (len(parts) > 1 and all(_noting(p.text) for p in parts)):
        return "noted"
    if len(parts) <= 1 and _noting(text):
        return "noted"
    return "agreed"


def _noting(text: str) -> bool:
    return bool(_NOTE.search(text)) and not _AGREE.search(text)


def read_item(lines: list[Line], movers: tuple[str | None, str | None] = (None, None)) -> list[Resolution]:
    """Entries for a minute's lines, in the order printed; `movers` as printed by its heading, if any."""
    out: list[Resolution] = []
    state = _State(movers)
    i = 0
    while i < len(lines):
        page, text = lines[i]
        if keyword(text):
            i = state.decision(lines, i, out)
            continue
        found = proposal([t for _, t in lines[i:i + 2]])
        if found:
            state.moved(found, lines, i)
            if fate_at(lines, i):  # "It was moved by A, seconded by B, that ... Motion carried 4-1."
                state.outcome(lines, i, out)
        elif mover_line(text):
            role, name = mover_line(text)
            state.label_mover(role, name)
        elif vote_head(text):
            votes, i = read_votes(lines, i)
            state.voted(votes)
            continue
        elif fate_at(lines, i):
            state.outcome(lines, i, out)
        elif _UNANIMOUS.search(text):
            state.votes = state.votes or Votes(unanimous=True)
        else:
            state.text(lines[i])
        i += 1
    if not out:
        fate = item_fate(reflow([t for _, t in lines]))
        if fate:
            line = next((p, t) for p, t in lines if item_fate(t) or item_fate(reflow([t])) or True)
            sentence = next((t for _, t in lines if item_fate(t)), line[1])
            out.append(Resolution(item="", title="", text=sentence, page=line[0], outcome=fate, entry="motion",
                                  outcome_text=sentence))
    return out


class _State:
    """What has been moved, voted and printed since the last entry of a minute."""

    def __init__(self, movers: tuple[str | None, str | None]):
        self.heading_movers = movers
        self.votes: Votes | None = None
        self.motion: Proposal | None = None
        self.amendment: Proposal | None = None
        self.last: Proposal | None = None
        self.labels: dict[str, str] = {}
        self.lines: list[Line] = []  # motion text printed without a "proposed ... seconded" line
        self.tail: Resolution | None = None  # "RESULT: ..." entry whose mover and votes follow it

    def moved(self, found: Proposal, lines: list[Line], i: int) -> None:
        found.page, found.text = lines[i][0], proposal_text(found.text, lines, i)
        self.last, self.votes, self.tail, self.lines = found, None, None, []
        if found.amendment:
            self.amendment = found
        elif not found.procedural:
            self.motion = found

    def label_mover(self, role: str, name: str) -> None:
        if self.tail:
            setattr(self.tail, role, name)
        else:
            self.labels[role] = name

    def voted(self, votes: Votes) -> None:
        if self.tail:
            self.tail.votes = _merge(self.tail.votes, votes)
        else:
            self.votes = _merge(self.votes, votes) if self.votes and not self.votes.counts else votes

    def text(self, line: Line) -> None:
        self.tail = None
        self.lines.append(line)

    def decision(self, lines: list[Line], i: int, out: list[Resolution]) -> int:
        end = decision_end(lines, i)
        form, text, page, parts = parse_decision(lines[i:end])
        mover, seconder = self._movers(self.motion)
        out.append(Resolution(item="", title="", text=text, page=page, parts=parts, form=form,
                              outcome=decision_outcome(form, text, parts), votes=self.votes,
                              mover=mover, seconder=seconder))
        self.votes, self.motion, self.amendment, self.last, self.tail, self.lines = None, None, None, None, None, []
        return end

    def outcome(self, lines: list[Line], i: int, out: list[Resolution]) -> None:
        page, text = lines[i]
        noun, outcome, inline = fate_at(lines, i)
        votes = _merge(self.votes, inline) if inline else self.votes
        if noun == "amendment" or (noun is None and self.last is not None and self.last is self.amendment):
            amendment = self.amendment
            mover, seconder = self._movers(amendment)
            out.append(Resolution(item="", title="", text=amendment.text if amendment else text, page=page,
                                  outcome=outcome, outcome_text=text, votes=votes, mover=mover, seconder=seconder,
                                  entry="amendment", form="AMENDMENT"))
            self.votes, self.amendment, self.last = None, None, None
            return
        if decision_follows(lines, i):
            self.votes = votes  # the resolution printed next records this motion
            return
        if self.last is not None and self.last.procedural and noun in ("motion", None):
            self.votes, self.last = None, None  # "that the question be now put": about the debate, not the matter
            return
        motion = self.motion
        own = "" if bare_outcome(text)[3] or re.match(r"(?i)\W*result\b", text) else outcome_words(text)
        words = motion.text if motion else reflow([t for _, t in self.lines] + ([own] if own else []))
        words = re.sub(r"(?i)^motion\s*:\s*", "", words)
        if not motion and self.lines:  # a motion printed whole, then its fate: cited where its words start
            page = self.lines[0][0]
        mover, seconder = self._movers(motion)
        marked = marked_movers(text) or marked_movers(words)
        if marked and not mover:
            mover, seconder = marked
        entry = Resolution(item="", title="", text=words or text, page=page, outcome=outcome, outcome_text=text,
                           votes=votes, mover=mover, seconder=seconder, entry="motion", form="MOTION")
        out.append(entry)
        self.votes, self.motion, self.last, self.lines, self.labels = None, None, None, [], {}
        self.tail = entry if not words or re.match(r"(?i)\W*result\b", text) else None

    def _movers(self, found: Proposal | None) -> tuple[str | None, str | None]:
        if found:
            return found.mover, found.seconder
        if self.labels:
            return self.labels.get("mover"), self.labels.get("seconder")
        return self.heading_movers


def fate_at(lines: list[Line], i: int) -> tuple[str | None, str, Votes | None] | None:
    """outcome_line for lines[i], where a bare word ("Carried.") follows a finished sentence, not "be" + "approved."."""
    found = bare_outcome(lines[i][1])
    if not found or found[0] or not found[3] or re.match(r"(?i)\W*result\b", lines[i][1]):
        return found[:3] if found else None
    continues = re.search(r"(?i)(?:\b(?:be|been|was|were|is|are|being|not|and|or|to)|[,-])$", lines[i - 1][1]) if i else None
    return None if continues else found[:3]


def _merge(a: Votes | None, b: Votes | None) -> Votes | None:
    if not a or not b:
        return a or b
    return Votes({**a.counts, **b.counts}, {**a.names, **b.names}, a.unanimous or b.unanimous)


def read_votes(lines: list[Line], i: int) -> tuple[Votes, int]:
    """A recorded vote from lines[i] on: "For (39)" and the names under it, "Against (3)", ..."""
    votes = Votes()
    while i < len(lines):
        head = vote_head(lines[i][1])
        if not head:
            break
        kind, count, names_text = head
        i += 1
        names = [names_text] if names_text else []
        while i < len(lines) and not vote_head(lines[i][1]) and not fate_at(lines, i) \
                and names_line(lines[i][1]) and not para_label(lines[i][1]):
            names.append(lines[i][1])
            i += 1
        listed = split_names(reflow(names))
        if listed:
            votes.names[kind] = listed
        votes.counts[kind] = count if count is not None else len(listed)
    return votes, i


def proposal_text(rest: str, lines: list[Line], i: int) -> str:
    """The words of a motion or amendment: what follows "seconded the motion that" up to the vote."""
    body = [rest]
    label = para_label(lines[i][1])
    for j in range(i + 1, len(lines)):
        if _stops(lines, j, label) or proposal([lines[j][1]]):
            break
        body.append(lines[j][1])
    text = reflow([b for b in body if b])
    text = outcome_words(text) or text  # "... approving ZTA 25-01. Motion carried 4-1."
    return re.sub(r"(?i)^(?:the\s+)?(?:following\s+)?(?:motion|amendment)?\s*(?:that\s*)?:?\s*", "", text).strip("“”\" ")


def _stops(lines: list[Line], j: int, label: tuple[str, int] | None) -> bool:
    """Whether lines[j] ends the block before it: the next paragraph, a vote, an outcome, a decision."""
    text = lines[j][1]
    if vote_head(text) or keyword(text) or (len(text) < 80 and fate_at(lines, j)):
        return True
    nxt = para_label(text)
    return bool(label and nxt and nxt[0] == label[0] and nxt[1] == label[1] + 1)


def decision_end(lines: list[Line], i: int) -> int:
    """Where a decision that starts at lines[i] ends: the next paragraph of the minute, a motion or a vote."""
    label = para_label(lines[i][1])
    j = i + 1
    while j < len(lines):
        text = lines[j][1]
        if not keyword(text) and (_stops(lines, j, label) or proposal([text])):
            break
        j += 1
    return j


def decision_follows(lines: list[Line], i: int) -> bool:
    """Whether a resolution is printed after lines[i] before anything else is moved or decided."""
    for j in range(i + 1, len(lines)):
        if keyword(lines[j][1]):
            return True
        if proposal([lines[j][1]]) or fate_at(lines, j):
            return False
    return False
