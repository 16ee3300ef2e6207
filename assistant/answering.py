"""The retrieval chain: question (+ history) -> hybrid retrieval -> a cited answer.

Built from LangChain runnables so the steps compose with any LangChain tooling; the default
answerer is extractive and offline, a chat model can be plugged in with `llm`.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from functools import cached_property

from minutebook.ingest.embedding.embed import Embedder
from minutebook.ingest.dates import human_month
from minutebook.ingest.errors import MinutebookError
from minutebook.ingest.filters import Filters
from minutebook.ingest.settings import Settings
from minutebook.ingest.text import search_stem
from minutebook.ingest.text import words as text_words
from minutebook.ingest.types import Answer, Hit

from minutebook.assistant import extractive as ex
from minutebook.assistant.abstention import (MEETING_TYPES, act_unrecorded, amount_unquoted, meeting_unrecorded, off_topic,
                                            other_month, thing_missing)
from minutebook.assistant.answer_types import has_amount
from minutebook.assistant.chair import chair_answer
from minutebook.assistant.proceedings import proceedings_answer
from minutebook.assistant.recounted import recounted_answer
from minutebook.assistant.report_header import addressee_answer
from minutebook.assistant.question import (PROCEEDINGS, Meetings, Question, meetings_held, meetings_meant,
                                           no_such_meeting)
from minutebook.assistant.question.specifics import months_for
from minutebook.assistant.question.intents import (act_asked, asks_addressee, asks_fate, names_thing, sum_asked_beside,
                                                   wants_decision, wants_latest)
from minutebook.assistant.question.wanted import asks_meeting_chair, wanted
from minutebook.assistant.register.answers import answer as register_answer
from minutebook.assistant.search import Searcher
from minutebook.assistant.verbatim import keep_verbatim, renumber


@dataclass
class Turn:
    question: str
    answer: str = ""


@dataclass
class AskRequest:
    question: str
    history: list[Turn] = field(default_factory=list)
    filters: Filters | None = None
    parsed: Question | None = None  # the question read once (assistant/question/)
    meetings: Meetings | None = None  # the meetings it names, as the papers hold them


class Assistant:
    """Answers questions over one index; load once, ask many times."""

    def __init__(self, settings: Settings, embedder: Embedder | None = None, searcher: Searcher | None = None):
        self.settings = settings
        self.searcher = searcher or Searcher(settings, embedder)
        self.embedder = self.searcher.embedder

    @cached_property
    def chain(self):
        """Retrieval then the extractive answer, as one LangChain runnable (imported on first use:
        LangChain costs a second at every command's start that never asks)."""
        from langchain_core.runnables import RunnableLambda

        return RunnableLambda(self._retrieve) | RunnableLambda(self._answer_extractive)

    def ask(self, question: str, history: list[Turn] | None = None, filters: Filters | None = None,
            llm=None) -> Answer:
        """Answer `question`; `history` holds earlier turns so follow-ups keep their topic."""
        request = self.request(question, history, filters)
        q, found = request.parsed, request.meetings
        if found is not None and not found.matched:
            # The meeting asked about is not in the papers: say so, and which ones are, rather than
            # answer from another meeting of the same body.
            answer = self.answer_from_recount(request) or Answer(text=no_such_meeting(q, found), abstained=True)
        else:
            answer = self.answer_from_register(request)
        if answer is not None and not answer.abstained and found is not None:
            answer = self._with_sum_asked(request, answer)
        if answer is None and llm is None:
            answer = self.chain.invoke(request)
        elif answer is None:
            from minutebook.assistant.generative import answer_with_llm, model_failure

            try:
                answer = answer_with_llm(llm, q, self._retrieve(request)["hits"], history=request.history)
            except MinutebookError:
                raise
            except Exception as e:  # noqa: BLE001 - a model server fails in many ways (down, 500, not JSON)
                answer = self.chain.invoke(request)
                answer.notice = model_failure(e, self.settings.llm_timeout)
        answer = keep_verbatim(answer, self.searcher.reader.store)
        if q.read_as:
            answer.read_as = q.read_as
            answer.text = f"{q.read_as}: {answer.text}"
        return answer

    def request(self, question: str, history: list[Turn] | None = None, filters: Filters | None = None) -> AskRequest:
        """The question read once, with the meetings it names, as `ask` and the evals take it."""
        request = AskRequest(question, list(history or []), filters)
        request.parsed = Question.parse(question, [t.question for t in request.history])
        request.meetings = self.meetings_named(request.parsed)
        return request

    def meetings_named(self, q: Question) -> Meetings | None:
        """The papers' meetings the question names (None: it names none); see question.meetings_meant."""
        store = self.searcher.reader.store
        if not hasattr(self, "_meeting_keys"):
            self._meeting_keys = meetings_held(store.meeting_heads(tuple(MEETING_TYPES)))
        return meetings_meant(q, self._meeting_keys, self._boards())

    def _filters(self, request: AskRequest) -> Filters:
        """The request's filters, narrowed to the dates of the meetings the question names."""
        filters = request.filters or Filters(include_restricted=self.settings.include_restricted)
        found = request.meetings
        if found is None or not found.matched:
            return filters
        days = sorted(found.dates)
        since = max(filter(None, [filters.since, days[0]]))
        until = min(filter(None, [filters.until, days[-1]]))
        return Filters(board=filters.board, since=since, until=until, doc_type=filters.doc_type,
                       include_restricted=filters.include_restricted)

    # ---- answers that come before any sentence is scored ---------------------------------------
    def answer_from_register(self, request: AskRequest) -> Answer | None:
        """A motion's fate, vote or mover, as the register has it printed (None: not asked, or not there)."""
        q, found, filters = request.parsed, request.meetings, self._filters(request)
        held = found.holds if found is not None and found.matched else None
        if q.asks_register:
            return register_answer(self.searcher.reader.store, self.searcher, q.query, filters, held)
        if held is not None and asks_fate(q.text):
            # What became of one matter at the meeting named: its entry, when its minute names the matter.
            return register_answer(self.searcher.reader.store, self.searcher, q.query, filters, held, strict=True)
        return None

    def _with_sum_asked(self, request: AskRequest, answer: Answer) -> Answer:
        """A register answer says who moved and how the vote went; a sum asked beside that ("What warrant run
        total did they approve, and who moved it?") is found in the same meeting's passages and quoted after
        it, where the register's answer prints none."""
        half = sum_asked_beside(request.question)
        if half is None or has_amount(answer.text):
            return answer
        # Searched with the whole question's words ("how much was it?" names nothing), judged as the sum asked.
        parsed = replace(Question.parse(half), query=request.parsed.query)
        more = self.chain.invoke(AskRequest(half, filters=request.filters, parsed=parsed, meetings=request.meetings))
        if more.abstained or not more.citations:
            return answer
        shift = len(answer.citations)
        return replace(answer, text=f"{answer.text}\n{renumber(more.text, lambda n: n + shift)}",
                       citations=answer.citations + [replace(c, n=c.n + shift) for c in more.citations])

    def answer_from_recount(self, request: AskRequest) -> Answer | None:
        """What a meeting the papers hold no record of decided, as a later paper recounts it (None: the
        question asks something else, or no paper recounts that meeting's decisions)."""
        q = request.parsed
        if not (q.asks_for("decided") or asks_fate(q.text)):
            return None
        filters = self._filters(request)  # the meeting named is not held, so no date narrows them
        store = self.searcher.reader.store
        hits = self.searcher.search(q.query, k=16, filters=filters)
        return recounted_answer(q, hits, lambda h: store.section_chunk_texts(h.chunk.document_id, h.chunk.section,
                                                                          filters.include_restricted))

    def answer_from_attendance(self, retrieved: dict) -> Answer | None:
        """Who chaired a meeting, from its minutes' attendance list (None: not asked, or not found)."""
        question = retrieved["question"]
        if not asks_meeting_chair(question):
            return None
        return chair_answer(question, retrieved["hits"], self.searcher.reader.store)

    # ---- chain steps ---------------------------------------------------------------------
    def _retrieve(self, request: AskRequest) -> dict:
        q = request.parsed or Question.parse(request.question, [t.question for t in request.history])
        filters = self._filters(request)
        # A question naming a year, a date or a resolution number keeps only passages that hold it
        # (extractive.holding_specifics): look further down the ranking for them.
        hits = self.searcher.search(q.query, k=16 if q.names_specifics else 8, filters=filters)
        found = request.meetings
        if found is not None and found.matched:
            # Bound to the meetings named: another meeting's passage answers nothing asked. Where the
            # named body's passages were outranked that day, they are searched for alone.
            held = [h for h in hits if found.holds(h.chunk.board, h.chunk.meeting_date)]
            for board in [] if held else sorted({b for b, _, _ in found.matched if b}):
                held += [h for h in self.searcher.search(q.query, k=8, filters=replace(filters, board=board))
                         if found.holds(h.chunk.board, h.chunk.meeting_date)]
            hits = held or hits
        return {"question": request.question, "parsed": q, "query": q.query, "hits": hits, "meetings": found,
                "include_restricted": filters.include_restricted}

    def _answer_extractive(self, retrieved: dict) -> Answer:
        question, hits = retrieved["question"], retrieved["hits"]
        q: Question = retrieved["parsed"]
        store = self.searcher.reader.store
        found = retrieved.get("meetings")
        if found is not None and found.matched and meeting_unrecorded(q.asks, hits):
            return ex.abstain(question, hits)  # the meeting's notice is here, not its record
        # Who chaired: the attendance list's mark first; the call to order, adjournment, next meeting,
        # roll call and the rest: what the minutes record of the meeting itself.
        answer = (self.answer_from_attendance(retrieved) if q.asks_for("chair") and not q.asks_for(*PROCEEDINGS) else None) \
            or proceedings_answer(q, hits, store, retrieved.get("meetings")) \
            or (addressee_answer(question, hits, store) if asks_addressee(question) else None)
        if answer:
            return answer
        cands = self.scored_candidates(retrieved)
        if not cands or ex.should_abstain(cands):
            return ex.abstain(question, hits)
        if wants_latest(question):
            return ex.compose(question, ex.pick_recent(cands), recent_first=True)
        chosen = ex.pick(cands, want=wanted(question))
        if wants_decision(question):
            chosen = self._with_decision(chosen, cands, retrieved["include_restricted"])
        chosen = ex.concise(question, chosen)
        month = other_month(months_for(question), [(c.hit.chunk.text, c.text) for c in chosen])
        if month:
            # "The payroll for January 2010" answered with November 2009's: say which month the papers give.
            return ex.abstain(question, hits, note=f"The papers give this for {human_month(month)}, not for the "
                              f"month asked about.")
        if thing_missing(question, [c.text for c in chosen]):
            # "What bank balance was reported ...?" answered with a sentence naming no balance: the thing
            # asked is in the passages found (a heading, another item) but in no sentence chosen to quote.
            # A sentence that names it and clears the floor on its own answers instead; else decline.
            naming = [c for c in cands if names_thing(question, c.text) and not ex.below_floor(c.coverage, c.similarity)]
            if not naming:
                return ex.abstain(question, hits)
            chosen = ex.concise(question, ex.pick(naming, want=wanted(question)))
        if amount_unquoted(question, [c.text for c in chosen]):
            # "How much ...?" quoted with sentences that print no sum: they are about it, and do not say it.
            return ex.abstain(question, hits, note="The passages found mention this, but none gives the sum asked for.")
        if act_unrecorded(question, [(c.text, c.hit.chunk.title or "") for c in chosen]):
            # "What did the Commission recommend ...?" quoting a sentence that only mentions the Commission:
            # the papers found record no such act, and another sentence of the same passages is no better.
            return ex.abstain(question, hits, note=f"The passages found mention this, but none records a {act_asked(question)}.")
        if q.asks_for("mover", "vote") or (q.asks_for("decided") and chosen and not ex.is_decision(chosen[0].text)):
            chosen = self._with_motion(chosen)
        return ex.compose(question, chosen)

    def _with_motion(self, chosen: list[ex.Candidate]) -> list[ex.Candidate]:
        """Who moved and seconded, and how the vote went, are printed after the item's report and
        debate ("Councilmember X moved approval ... seconded the motion, which carried by ... – 5"):
        when the lead quote does not say them, the first motion the minutes print after it follows. A
        quote that proposes a motion runs on to the sentence seconding it, printed apart."""
        chosen = [ex.with_seconder(c) for c in chosen]
        if not chosen or any(ex.states_motion(c.text) for c in chosen) or chosen[0].hit.chunk.doc_type != "minutes":
            return chosen
        lead = chosen[0].hit.chunk
        rows = self.searcher.reader.store.section_chunk_texts(lead.document_id, lead.section)
        after = [(page, text) for page, text in rows if page >= lead.page]
        start = next((i for i, (_, text) in enumerate(after) if chosen[0].text[:60] in " ".join(text.split())), None)
        if start is None:
            return chosen
        for page, text in after[start:start + 3]:
            sentences = ex.sentences(text)
            if page == lead.page and chosen[0].text[:60] in " ".join(text.split()):
                at = next((i for i, s in enumerate(sentences) if chosen[0].text[:40] in s), -1)
                sentences = sentences[at + 1:]
            at = next((i for i, s in enumerate(sentences) if ex.states_motion(s)), None)
            if at is not None:
                # The mover's sentence, and the seconder's and the vote's when printed as the next one.
                motion = " ".join(sentences[at:at + 2]) if at + 1 < len(sentences) and ex.states_motion(
                    sentences[at + 1]) else sentences[at]
                chunk = replace(lead, text=text, page=page)
                return [chosen[0], ex.Candidate(hit=Hit(chunk=chunk, source=chosen[0].hit.source, score=0.0), rank=0, text=motion)]
        return chosen

    def scored_candidates(self, retrieved: dict) -> list[ex.Candidate]:
        """The sentences of the passages found, scored against the question: what the score floor
        (extractive.should_abstain) judges. None left when a reason to decline comes first (the
        passages miss the year or date asked for, or are about something else: abstention.off_topic)."""
        question = retrieved["question"]
        held = ex.holding_specifics(question, retrieved["hits"])
        store = self.searcher.reader.store
        cands = ex.candidates(held, furniture=lambda h: store.page_furniture(h.chunk.document_id, h.chunk.page))
        if not cands or off_topic(question, held, [f"{h.chunk.title or ''} {h.chunk.text}" for h in held],
                                  self._boards()):
            return []
        vectors = self.embedder.embed_batch([retrieved["query"]] + [c.text for c in cands], query=True)
        similarities = (vectors[1:] @ vectors[0]).tolist()
        ex.score_candidates(retrieved["query"], cands, similarities, self._idf(retrieved["query"]),
                            setting=store.setting_words())
        return cands

    def _with_decision(self, chosen: list[ex.Candidate], cands: list[ex.Candidate],
                       include_restricted: bool) -> list[ex.Candidate]:
        """For "what was resolved" questions, lead with the decision of the best-matching minute item."""
        minutes = [c for c in sorted(cands, key=lambda c: -c.score)[:3] if c.hit.chunk.doc_type == "minutes" and c.hit.chunk.item]
        if not minutes or ex.is_decision(chosen[0].text):
            return chosen
        top = minutes[0].hit.chunk
        for chunk, source in self.searcher.reader.store.item_chunks(top.document_id, top.item, include_restricted):
            for text in ex.sentences(chunk.text):
                if ex.is_decision(text):
                    decision = ex.Candidate(hit=Hit(chunk=chunk, source=source, score=0.0), rank=0, text=text)
                    rest = [c for c in chosen if c.text != text and not ex.says_nothing(c)]
                    return [ex.extend(decision)] + rest[:1]
        return chosen

    def _boards(self) -> list[str | None]:
        """The bodies the index holds minutes or agendas of (the bodies that meet), read once: a group
        named on an amendment form, or an appendix's misread body, is no meeting's body."""
        if not hasattr(self, "_board_names"):
            store = self.searcher.reader.store
            self._board_names = sorted({b for kind in MEETING_TYPES for b in
                                        store.board_names(Filters(doc_type=kind, include_restricted=True)) if b})
        return self._board_names

    def _idf(self, question: str) -> dict[str, float]:
        """Rarity of each topic word across the index's chunks (stemmed keys), counted in keyword
        search's postings: the same words, by the same stemmer, as BM25 ranks them."""
        reader = self.searcher.reader
        lexical, setting = reader.lexical, reader.store.setting_words()
        n = len(lexical) or 1
        idf = {}
        for word in dict.fromkeys(w for w in text_words(question)
                                  if w not in ex.STOP and w not in ex.GENERIC and len(w) > 1 and w not in setting):
            df = lexical.frequency(search_stem(word))
            idf[ex.normal_word(word)] = math.log(1 + n / (1 + df))
        return idf

    def close(self) -> None:
        self.searcher.close()
