"""Reading a question in a conversation: a follow-up only when it cannot stand alone."""
from __future__ import annotations

import pytest

from minutebook.assistant.question.conversation import is_follow_up, reading, topic


@pytest.mark.parametrize("question", [
    "What is Sentinel?",
    "What is the council's budget for potholes?",
    "Who chaired the December 2023 meeting?",
    "What happened this year?",
    "Who agreed that the plan be adopted?",
])
def test_short_complete_questions_stand_alone(question):
    assert not is_follow_up(question)


@pytest.mark.parametrize("question", [
    "and how long is the course?",
    "what did they decide about it?",
    "What about the budget?",
    "Who chaired that meeting?",
    "when?",
    "How much was approved?",
])
def test_questions_that_lean_on_the_one_before_are_follow_ups(question):
    assert is_follow_up(question)


@pytest.mark.parametrize("question, subject", [
    ("What is Biker Down?", "Biker Down"),
    ("What was agreed about the Community Safety Agreement?", "Community Safety Agreement"),
    ("How many schools visited Warning Zone between October and December 2023?", "Warning Zone"),
])
def test_the_topic_is_the_thing_named(question, subject):
    assert topic(question) == subject


def test_a_follow_up_is_searched_with_the_question_it_continues_and_says_how_it_was_read():
    history = ["What is Sentinel?", "What is Biker Down?"]
    query, said = reading("and how long is the course?", history)
    assert query == "What is Biker Down? and how long is the course?"
    assert said == "Taking this as about Biker Down"
    # A follow-up of a follow-up still continues the question that named the topic.
    query, said = reading("and who runs it?", history + ["and how long is the course?"])
    assert said == "Taking this as about Biker Down"


def test_a_complete_question_is_searched_as_it_is():
    assert reading("What is Sentinel?", ["What is Biker Down?"]) == ("What is Sentinel?", None)
    assert reading("and how long is the course?", []) == ("and how long is the course?", None)
