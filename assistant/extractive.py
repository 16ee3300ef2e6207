"""The default answerer: offline and deterministic. It quotes the sentences that answer.

Pure functions over hits: split the retrieved chunks into sentences, score each against the
question (shared words weighted by rarity, meaning, and what kind of answer is wanted), quote
the best verbatim, and abstain when nothing scores well enough.
"""
from __future__ import annotations

import re

from minutebook.ingest.dates import find_dates
from minutebook.ingest.register.decisions import KEYWORDS
from minutebook.ingest.papers.numbering import cite
from minutebook.ingest.text import STOP, acronyms, normal_word, same_word, sentences, tokens  # noqa: F401 (re-exported)
from minutebook.ingest.text import words as text_words
from minutebook.ingest.types import Answer, Citation, Hit

from minutebook.assistant import answer_types as at
from minutebook.assistant.quote_extent import (OUTCOME, Candidate, addressed_to_assistant, extend, extend_to_outcome,  # noqa: F401
                                               is_decision, is_heading, item_sentences, unnumbered, with_seconder)
from minutebook.assistant.references import human_date, reference
from minutebook.assistant.question.intents import asks_two, wants_decision, wants_definition, wants_latest
from minutebook.assistant.question.specifics import names_specifics, unmet  # noqa: F401 (names_specifics re-exported)
from minutebook.assistant.question.wanted import Wanted, wanted

# Words that name the setting rather than the topic: present in nearly every paper.
GENERIC = set(
    "board boards council councils meeting meetings committee resolve resolved resolution decide decided decision "
    "agree agreed report reports paper papers minute minutes say said papers mention mentioned discuss discussed "
    "latest current position update happen happened ask asked county city".split()
)
def content_words(question: str, setting: frozenset[str] = frozenset()) -> list[str]:
    """The question's topic words (stemmed), without stop words and setting words (GENERIC, and the
    archive's own: Store.setting_words)."""
    words = [w for w in text_words(question) if w not in STOP and w not in GENERIC and w not in setting]
    return list(dict.fromkeys(normal_word(w) for w in words if len(w) > 1))


def candidates(hits: list[Hit], max_hits: int = 8, furniture=lambda hit: ()) -> list[Candidate]:
    """Every sentence of the top hits, each remembering its hit's rank; sentences addressed to an
    assistant are left out (they instruct, they do not inform). No sentence runs across a line that
    opens a numbered item (item_sentences), and none holds a line of the page's `furniture(hit)`:
    a running header kept on a paper's first page names its meeting, it answers nothing."""
    return [Candidate(hit=h, rank=r, text=s) for r, h in enumerate(hits[:max_hits])
            for s in item_sentences(without_lines(h.chunk.text, furniture(h))) if not addressed_to_assistant(s)]


def without_lines(text: str, lines: tuple[str, ...]) -> str:
    """The text without the printed lines given (page furniture), each compared with its spacing joined."""
    if not lines:
        return text
    drop = {" ".join(line.split()) for line in lines}
    return "\n".join(line for line in text.splitlines() if " ".join(line.split()) not in drop)


# Tuned on the dev split of evals/ (key-fact accuracy); see docs/evaluation.md.
WEIGHTS = {"coverage": 0.55, "similarity": 0.7, "rank": 0.08, "decision": 0.25, "kind": 0.25, "unit": 0.1,
           "definition": 0.1, "fragment": 0.2, "chair": 0.3, "outcome": 0.15, "carry": 0.5,
           "count": 0.15, "table": 0.15}


def score_candidates(question: str, cands: list[Candidate], similarities: list[float], idf: dict[str, float],
                     weights: dict | None = None, setting: frozenset[str] = frozenset()) -> None:
    """Fill each candidate's score from word coverage, meaning and the kind of answer asked for."""
    w = {**WEIGHTS, **(weights or {})}
    words = content_words(question, setting)
    covered = _coverer(words, cands, idf)
    want = wanted(question)
    wants_dec, wants_recent = wants_decision(question), wants_latest(question)
    wants_def = wants_definition(question)
    for i, (cand, sim) in enumerate(zip(cands, similarities)):
        cand.coverage, cand.similarity = covered(unnumbered(cand.text), cand.hit.chunk.title), sim
        cov, sim_ = cand.coverage, sim
        prev = i - 1 if i and cands[i - 1].hit is cand.hit else None
        if want.any and at.carries(want, cand.text) and not (wants_dec and is_decision(cand.text)):
            score_kind = w["kind"] + (w["unit"] if want.unit and at.has_unit(cand.text, want.unit) else 0.0)
            if want.counted and at.counts_asked(cand.text, want.counted):
                score_kind += w["count"]
            if prev is not None:
                # The answer often follows the sentence that names its topic: it inherits part of that topic.
                cov += w["carry"] * max(0.0, covered(cands[prev].text + " " + cand.text, cand.hit.chunk.title) - cov)
                sim_ += w["carry"] * max(0.0, similarities[prev] - sim_)
        else:
            score_kind = 0.0
        score = w["coverage"] * cov + w["similarity"] * sim_ + w["rank"] / (1 + cand.rank) + score_kind
        if wants_dec and is_decision(cand.text):
            score += w["decision"]
        if want.chair and at.names_chair(cand.text):
            score += w["chair"]
        if wants_def and re.search(r" [–-] (?!\d)|\bmeans\b|\bdefined as\b|\brefers to\b|\bsets out\b", cand.text):
            score += w["definition"]
        if wants_recent and OUTCOME.search(cand.text):
            score += w["outcome"]  # a position is what was agreed or will happen, not the background
        if at.is_table_run(cand.text):
            score -= w["table"]
        if len(cand.text.split()) < 5 or says_nothing(cand):
            score -= w["fragment"]  # fragments (table cells, item headings) answer nothing on their own
        cand.score = score


# What a paper's title block calls it besides its body, date and title ("... Budget report").
_PAPER_WORDS = frozenset(text_words("report reports minutes minute agenda agendas meeting papers pack supplement "
                                    "appendix annex item part public of the and for on"))


def restates_the_paper(cand: Candidate) -> bool:
    """Whether a line only names its own paper, as a title block or running header prints it
    ("HIGHWAYS BOARD – 4 APRIL 2025 Budget report"): the citation says all it says, so it answers
    nothing, however many of a question's words it shares."""
    c = cand.hit.chunk
    said = text_words(cand.text)
    if not said or cand.text.rstrip().endswith((".", "?", ":")):
        return False
    own = set(text_words(" ".join([c.board or "", c.title or "", human_date(c.meeting_date) if c.meeting_date else ""])))
    return all(w in own or w in _PAPER_WORDS or w.isdigit() for w in said)


_KIND_WORD = re.compile(r"(?i)\bminutes\b")


def minutes_title_block(cand: Candidate) -> bool:
    """Whether the sentence is the title block minutes open with ("MINUTES OF THE PARISH COUNCIL
    MEETING HELD ON 26th September 2024 Present: ..."), run on into whatever follows it without a
    stop: it names the meeting, which the citation already does, and answers nothing asked of it."""
    c = cand.hit.chunk
    head = cand.text[:240]
    at = " ".join(c.text.split()).find(cand.text[:40])
    return (c.doc_type == "minutes" and 0 <= at < 300 and bool(_KIND_WORD.search(head))
            and any(day == c.meeting_date for _, day in find_dates(head)))


# A motion as minutes print it: who moved and seconded, and how it went.
_MOTION = re.compile(r"\b(moved|seconded|M/S|Prop(?:osed)?\s*(?:by|:)|2nd\s*:|motion (?:carried|passed|failed|died)"
                     r"|carried by|(?:Ayes|Noes|Nays)\s*:)", re.I)


def states_motion(text: str) -> bool:
    return bool(_MOTION.search(text))


def says_nothing(cand: Candidate) -> bool:
    """An item's heading, or a line naming its own paper: never an answer, nor a further quote."""
    return is_heading(cand.text) or restates_the_paper(cand) or minutes_title_block(cand)


def _coverer(words: list[str], cands: list[Candidate], idf: dict[str, float]):
    """coverage(text, title): the idf-weighted share of the question's topic words a passage has.

    Words match in their other forms (region/regional) and through acronyms the papers define
    ("ASB" covers "anti social behaviour"), mapped once over the candidates' vocabulary."""
    total = sum(idf.get(x, 1.0) for x in words) or 1.0
    expand = acronyms(list(dict.fromkeys(c.hit.chunk.text for c in cands)))
    cache: dict[str, frozenset] = {}

    def matched(token: str) -> frozenset:
        if token not in cache:
            forms = [token] + expand.get(token, [])
            cache[token] = frozenset(x for x in words if any(same_word(x, f) for f in forms))
        return cache[token]

    def coverage(text: str, title: str = "") -> float:
        have = set().union(*(matched(t) for t in set(tokens(text)) | set(tokens(title))))
        return sum(idf.get(x, 1.0) for x in have) / total

    return coverage


def holding_specifics(question: str, hits: list[Hit]) -> list[Hit]:
    """The hits whose passage holds the year, date or resolution number the question names
    (assistant/question/specifics.py); all of them when it names none. None left: the papers do not say."""
    if not names_specifics(question):
        return hits
    return [h for h in hits if not unmet(question, [f"{h.chunk.text} {h.chunk.title or ''}"], [h.chunk.meeting_date])]


# The floor: a share of the question's rarer words some sentence must hold, higher when no sentence
# means much the same. Set on evals/ and checked on the real papers' gold (`python -m evals.floor`
# prints both sets' margins): every unanswerable sample question stays below it (best coverage
# 0.32) while every answerable one clears it (lowest 0.33 with similarity 0.63).
COVERAGE_FLOOR, COVERAGE_LOW_MEANING, SIMILARITY_FLOOR = 0.3, 0.4, 0.55


def below_floor(coverage: float, similarity: float) -> bool:
    return coverage < COVERAGE_FLOOR or (coverage < COVERAGE_LOW_MEANING and similarity < SIMILARITY_FLOOR)


def should_abstain(cands: list[Candidate]) -> bool:
    """Abstain unless some retrieved sentence shares enough of the question's rarer words."""
    if not cands:
        return True
    return below_floor(max(c.coverage for c in cands), max(c.similarity for c in cands))


def pick(cands: list[Candidate], limit: int = 3, ratio: float = 0.7, follow: bool = True,
         want: Wanted | None = None) -> list[Candidate]:
    """The best sentence, plus a close runner-up from a different place; a list's lead-in brings its items.

    A best sentence that already names the person a "who" question `want`s does not bring the next one:
    after "Ivan Ould CC (Chairman)" the next row of the attendance list is another person, not context.
    (Figures keep it: the next sentence often holds the comparison, "compared to 8.82 the previous year".)"""
    ranked = sorted(cands, key=lambda c: -c.score)
    chosen: list[Candidate] = []
    for c in ranked:
        if len(chosen) >= limit:
            break
        if chosen and (c.score < ratio * chosen[0].score or says_nothing(c)
                       or any(c.text in x.text or x.text in c.text for x in chosen)):
            continue
        holds_fact = want is not None and want.person and at.names_person(c.text)
        chosen.append(extend(c, follow=follow and not chosen and not holds_fact))
    return chosen


def pick_recent(cands: list[Candidate], limit: int = 3, ratio: float = 0.75) -> list[Candidate]:
    """For 'latest position' questions: the best passage from each of the newest meetings, newest first."""
    ranked = sorted(cands, key=lambda c: -c.score)
    if not ranked:
        return []
    best_by_date: dict[str, Candidate] = {}
    for c in ranked:
        when = c.hit.chunk.meeting_date or ""
        if c.score >= ratio * ranked[0].score and when not in best_by_date and not says_nothing(c):
            best_by_date[when] = extend_to_outcome(extend(c))
    return [best_by_date[d] for d in sorted(best_by_date, reverse=True)][:limit]


_NUMBER = re.compile(r"[£$€]?\d[\d,.]*%?")


def adds_fact(question: str, before: list[Candidate], other: Candidate) -> bool:
    """Whether a further quote tells the reader something the first does not: a figure it lacks,
    or a word of the question it does not cover. A repeat, or the same item's next sentence
    with nothing asked for, is left out."""
    if any(other.text in b.text or b.text in other.text for b in before):
        return False
    shown = " ".join(b.text for b in before)
    want = wanted(question)
    numbers = set(_NUMBER.findall(other.text)) - set(_NUMBER.findall(shown))
    if (numbers and want.number) or (want.person and at.names_person(other.text) and not at.names_person(shown)):
        return True
    new = set(tokens(other.text)) - set(tokens(shown))
    return any(w in new for w in content_words(question))


def _shows_figure(want: Wanted, text: str) -> bool:
    """A figure of the kind asked for, not only a word about money ("funding")."""
    if want.unit == "£":
        return bool(re.search(r"[£$€]\s?\d", text))
    return at.has_unit(text, want.unit) if want.unit else at.has_quantity(text, want.dates)




def concise(question: str, chosen: list[Candidate]) -> list[Candidate]:
    """The lead quote and one more when it adds a fact; two more for a question that asks two
    things ("When does it start and how long will it run?")."""
    if not chosen:
        return chosen
    want = wanted(question)
    rest = chosen[1:]
    further = 2 if asks_two(question) else 1
    if want.number and not _shows_figure(want, chosen[0].text):
        # The figure asked for is not in the lead quote: the quote that holds one comes next.
        rest = sorted(rest, key=lambda c: not _shows_figure(want, c.text))
    kept = [chosen[0]]
    for c in rest:
        if len(kept) > further:
            break
        if adds_fact(question, kept, c):
            kept.append(c)
    return kept


def compose(question: str, chosen: list[Candidate], recent_first: bool = False) -> Answer:
    """An answer that quotes each chosen sentence, with a lead naming the paper, date and item."""
    citations: list[Citation] = []
    lines = []
    for i, c in enumerate(chosen):
        ch = c.hit.chunk
        # The citation keeps the decision as printed, keyword and all; the sentence says the keyword in words.
        as_decision = i == 0 and not recent_first and decided(c)
        citations.append(Citation(n=len(citations) + 1, source=c.hit.source, title=ch.title, page=ch.page,
                                  meeting_date=ch.meeting_date, quote=c.text, reference=reference(ch, c.text),
                                  ocr=ch.ocr))
        if recent_first and ch.meeting_date:
            when = f"{'Most recently' if i == 0 else 'Earlier'}, on {human_date(ch.meeting_date)}, "
            text_lead = lead(ch, dated=False)
            text_lead = when + text_lead[:1].lower() + text_lead[1:]
        elif as_decision:
            lines.append(decision_sentence(c, len(citations)))
            continue
        elif i and ch.document_id == chosen[0].hit.chunk.document_id and ch.meeting_date == chosen[0].hit.chunk.meeting_date:
            text_lead = "Also"  # the same paper: its name and date are in the line above
        else:
            text_lead = lead(ch)
        lines.append(f"{text_lead}: “{c.text}” [{len(citations)}]")
    return Answer(text="\n".join(lines), abstained=False, citations=citations)


# "3) RESOLVED that", "AGREED: (1)", "DECISION:": the keyword the quote can leave to the sentence before it.
_DECISION_LEAD = re.compile(rf"^\s*(?:\(?\d{{1,2}}[.)]\s+|\([a-z]{{1,4}}\)\s+)?({KEYWORDS})\b\s*[:\-–—]?\s*(?:that\b[:,]?\s*)?")
_DECIDED = {"RESOLVED": "resolved", "AGREED": "agreed", "DECISION": "decided", "DECISIONS": "decided",
            "DECIDED": "decided", "RECOMMENDED": "recommended", "NOTED": "noted"}


def decided(cand: Candidate) -> bool:
    """A minute's decision whose body and date the index knows: the answer can say who decided what, when."""
    ch = cand.hit.chunk
    return ch.doc_type == "minutes" and bool(ch.board and ch.meeting_date) and is_decision(cand.text) \
        and len(decision_words(cand.text).split()) >= 3


def decision_words(text: str) -> str:
    """The decision as printed, without the keyword that announces it: "Council endorses the report."."""
    return text[_DECISION_LEAD.match(text).end():] if _DECISION_LEAD.match(text) else text


def decision_sentence(cand: Candidate, n: int) -> str:
    """"The County Council resolved on 13 March 2025 (Minute 303): “Council endorses the report.” [1]":
    body, date and minute from the index, the verb from the minutes' own keyword, the rest quoted."""
    ch = cand.hit.chunk
    keyword = _DECISION_LEAD.match(cand.text).group(1).upper()
    body = ch.board if ch.board.lower().startswith("the ") else f"The {ch.board}"
    minute = f" ({cite(ch.item)})" if ch.item else ""
    return f"{body} {_DECIDED.get(keyword, 'decided')} on {human_date(ch.meeting_date)}{minute}: “{decision_words(cand.text)}” [{n}]"


def lead(chunk, dated: bool = True) -> str:
    """'The minutes of 1 October 2018 (minute 24) record' and similar, from the chunk's metadata."""
    when = f" of {human_date(chunk.meeting_date)}" if chunk.meeting_date and dated else ""
    if chunk.doc_type == "minutes":
        item = f" (minute {chunk.item})" if chunk.item else ""
        return f"The minutes{when}{item} record"
    # The board is named in the citation's reference; the lead keeps to what and when.
    return f"“{chunk.title}” ({chunk.doc_type}{',' if when else ''}{when.replace(' of ', ' ')}) says"


def abstain(question: str, hits: list[Hit], note: str = "") -> Answer:
    text = ("The papers I have do not answer this. The closest passages are listed below"
            " in case they help you look further." if hits else "The papers I have do not answer this.")
    text = f"{note} {text}" if note else text
    return Answer(text=text, abstained=True, citations=[], related=hits[:3])
