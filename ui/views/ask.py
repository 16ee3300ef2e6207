"""Ask: a chat over the papers. Every answer quotes the papers and cites paper and page."""
from __future__ import annotations

import streamlit as st

from minutebook.assistant.app_data import EXTRACTIVE, answerers
from minutebook.assistant.answering import Turn
from minutebook.ingest.errors import MinutebookError
from minutebook.ingest.types import Answer
from minutebook.ui import resources
from minutebook.ui import theme
from minutebook.ui import widgets
from minutebook.ui.text import escape

HISTORY = "ask_history"  # list of {"question", "answer": Answer | None while pending, "answerer", "filters", "error"}
EXAMPLES = ("What is Biker Down?", "What did the Board resolve about the Strategic Partnership Board update in October 2018?",
            "How many schools visited Warning Zone between October and December 2023?")


def main() -> None:
    st.title("Ask the papers")
    settings = resources.settings()
    book = resources.searching_book(settings)
    if book is None:
        return
    history: list[dict] = st.session_state.setdefault(HISTORY, [])

    with st.sidebar:
        st.subheader("Answer options")
        choices = answerers(settings)
        answerer = st.selectbox("Answerer", choices, key="ask-answerer", format_func=_answerer_label,
                                help="The extractive answerer quotes the papers word for word and works offline. "
                                     "Language models appear here when MINUTEBOOK_LLM names them.")
        filters = widgets.filters(book, "ask", include_restricted=settings.include_restricted)
        if st.button("Start a new conversation", key="ask-clear", disabled=not history):
            history.clear()
            st.rerun()

    if not history:
        st.caption("Ask in plain words. Every answer quotes the papers and names the paper and page; "
                   "when the papers do not say, the answer says so. Follow-up questions keep the topic.")
        st.markdown("Try: " + " · ".join(f"*{escape(q)}*" for q in EXAMPLES))

    # A question is kept as a pending turn before it is answered: a question typed while an
    # answer is being drawn stops this run, and the next run answers the pending turn first, so
    # every turn keeps its place and nothing already shown disappears.
    question = st.chat_input("Ask a question about the board papers", key="ask-input")
    if question and question.strip():
        history.append({"question": question.strip()[:1000], "answer": None, "answerer": answerer, "filters": filters})

    for n, turn in enumerate(history):
        if turn["answer"] is None and not turn.get("error"):
            _answer_turn(book, settings, n, turn, history[:n])
        _show_turn(book, n, turn)


def _answer_turn(book, settings, n: int, turn: dict, earlier: list[dict]) -> None:
    with st.chat_message("user", avatar=theme.USER):
        st.markdown(escape(turn["question"]))
    with st.chat_message("assistant", avatar=theme.ASSISTANT):
        with st.spinner("Reading the papers…"):
            answer, error = _ask(book, settings, turn["question"], earlier, turn["filters"], turn["answerer"])
    turn["answer"], turn["error"] = answer, error
    st.rerun()  # draw the answered turn with the others, so its controls keep their place


def _ask(book, settings, question: str, history: list[dict], filters, answerer: str) -> tuple[Answer | None, str | None]:
    turns = [Turn(t["question"], t["answer"].text) for t in history if t["answer"] is not None]
    llm = None
    try:
        if answerer != EXTRACTIVE:
            from minutebook.assistant.generative import make_chat_model

            llm = make_chat_model(answerer, settings)
        return book.ask(question, filters=filters, history=turns, llm=llm), None
    except MinutebookError as e:
        return None, str(e)
    except Exception as e:  # noqa: BLE001 - a language model server can fail in many ways
        if llm is None:
            raise
        return None, (f"The language model {answerer} did not answer ({type(e).__name__}: {str(e)[:200]}). "
                      "Choose the extractive answerer to keep going.")


def _show_turn(book, n: int, turn: dict) -> None:
    with st.chat_message("user", avatar=theme.USER):
        st.markdown(escape(turn["question"]))
    answer: Answer | None = turn["answer"]
    with st.chat_message("assistant", avatar=theme.ASSISTANT):
        if answer is None:
            st.error(escape(turn.get("error") or "This question was not answered."))
            return
        if answer.abstained:
            st.warning(escape(answer.text))
        else:
            for line in answer.text.splitlines():
                if line.strip():
                    st.markdown(escape(line))
        if answer.notice:
            st.warning(escape(answer.notice[:1].upper() + answer.notice[1:] + "."))
        if turn.get("answerer", EXTRACTIVE) != EXTRACTIVE:
            st.caption(escape(f"Answered by {turn['answerer']}; every quote below is taken from the cited page."))
        widgets.sources(book, answer.citations, key=f"ask-{n}")
        if answer.abstained and answer.related:
            st.markdown("**Closest passages**")
            for i, hit in enumerate(answer.related, start=1):
                widgets.hit_card(book, hit, key=f"ask-{n}-related-{i}", query=turn["question"], rank=i)


def _answerer_label(spec: str) -> str:
    return "Extractive (quotes the papers, offline)" if spec == EXTRACTIVE else f"Language model: {spec}"


main()
