"""What each decline rule does on a gold question file, each rule judged alone.

A rule earns its place when it holds on questions it was not written for: this prints, per rule,
the unanswerable questions it declines (right) and the answerable ones it would decline (wrong),
on the passages the answerer retrieves. Rules: the year/date/number the question names is in no
passage (specifics), the thing a "What X" question names is in none (thing missing), "what did
they decide" finds no minutes (decision unrecorded), the named body did not meet that day (other
body met), no sentence shares enough of the question's words (score floor), the meeting the
question names is not in the papers (meeting named), the sentences chosen to quote name none of the
thing asked (thing not quoted), the figure asked "for January 2010" is quoted under another month
(other month), the item asked about is minuted with no count of votes (no count
printed), and "What did X recommend / find / conclude?" is quoted with sentences that record no
recommendation or finding (act unrecorded), and "How much ...?" is quoted with sentences that print
no sum (amount unquoted).

    python -m evals.decline_rules --index index-real --set more
"""
from __future__ import annotations

import argparse
from pathlib import Path

from .answers_real import SETS, load
from .real import DEFAULT_INDEX, REAL


def rules_fired(assistant, question: str) -> list[str]:
    from minutebook.assistant import extractive as ex
    from minutebook.assistant.abstention import decision_unrecorded, other_body_met, thing_missing
    from minutebook.assistant.answering import AskRequest

    fired = []
    try:
        from minutebook.assistant.question import Question

        q = Question.parse(question)
        found = assistant.meetings_named(q)
        if found is not None and not found.matched:
            fired.append("meeting named")
    except ImportError:  # the code before assistant/question.py
        pass
    retrieved = assistant._retrieve(AskRequest(question))
    hits = retrieved["hits"]
    held = ex.holding_specifics(question, hits)
    if not held and hits:
        fired.append("specifics")
    held = held or hits
    texts = [f"{h.chunk.title or ''} {h.chunk.text}" for h in held]
    if thing_missing(question, texts):
        fired.append("thing missing")
    if decision_unrecorded(question, held):
        fired.append("decision unrecorded")
    if other_body_met(question, held, assistant._boards()):
        fired.append("other body met")
    store = assistant.searcher.reader.store
    cands = ex.candidates(held, furniture=lambda h: store.page_furniture(h.chunk.document_id, h.chunk.page))
    if cands:
        vectors = assistant.embedder.embed_batch([retrieved["query"]] + [c.text for c in cands], query=True)
        ex.score_candidates(retrieved["query"], cands, (vectors[1:] @ vectors[0]).tolist(),
                            assistant._idf(retrieved["query"]), setting=store.setting_words())
    if ex.should_abstain(cands):
        fired.append("score floor")
    elif cands:
        from minutebook.assistant.question.wanted import wanted

        chosen = ex.concise(question, ex.pick(cands, want=wanted(question)))
        if thing_missing(question, [c.text for c in chosen]):
            fired.append("thing not quoted")
        try:
            from minutebook.assistant.abstention import other_month
            from minutebook.assistant.question.specifics import months_for

            if other_month(months_for(question), [(c.hit.chunk.text, c.text) for c in chosen]):
                fired.append("other month")
        except ImportError:  # the code before the month a figure is for was read
            pass
        try:
            from minutebook.assistant.abstention import amount_unquoted

            if amount_unquoted(question, [c.text for c in chosen]):
                fired.append("amount unquoted")
        except ImportError:  # the code before a sum asked for was looked for in the quotes
            pass
        try:
            from minutebook.assistant.abstention import act_unrecorded

            if act_unrecorded(question, [(c.text, c.hit.chunk.title or "") for c in chosen]):
                fired.append("act unrecorded")
        except ImportError:  # the code before a recommendation or finding asked for was read
            pass
    try:
        answer = assistant.answer_from_register(assistant.request(question))
        if answer is not None and answer.abstained:
            fired.append("no count printed")
    except AttributeError:  # the code before Assistant.request read the question once
        pass
    return fired


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REAL)
    parser.add_argument("--index", type=Path, default=DEFAULT_INDEX)
    parser.add_argument("--set", default="more", help="dev, more, or the path of a question file of their form")
    args = parser.parse_args(argv)
    from minutebook.assistant.answering import Assistant
    from minutebook.ingest.settings import Settings

    assistant = Assistant(Settings.from_env(index=str(args.index)))
    questions = load(args.corpus, SETS.get(args.set) or Path(args.set))
    by_rule: dict[str, dict[str, list[str]]] = {}
    for q in questions:
        for rule in rules_fired(assistant, q["question"]):
            by_rule.setdefault(rule, {"right": [], "wrong": []})["wrong" if q["answerable"] else "right"].append(q["id"])
    n_un = sum(not q["answerable"] for q in questions)
    print(f"Decline rules on {SETS.get(args.set, args.set)} ({len(questions) - n_un} answerable, {n_un} unanswerable), each alone:")
    for rule, got in sorted(by_rule.items()):
        print(f"  {rule:<20} declines {len(got['right'])}/{n_un} unanswerable {got['right']}; "
              f"{len(got['wrong'])} answerable (wrong) {got['wrong']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
