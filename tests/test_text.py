"""A word the papers print in one form and a member types in another is found the same way by
every part of minutebook: keyword search, highlighting, answer scoring and action follow-up
(ingest/text.py, the one text toolkit)."""
from __future__ import annotations

from minutebook.assistant.extractive import content_words
from minutebook.assistant.highlight import query_terms, spans
from minutebook.ingest.register.actions import topic_words
from minutebook.ingest.storage.lexical import build
from minutebook.ingest.storage.lexical import query_terms as keyword_terms
from minutebook.ingest.text import normal_word, same_word, search_stem, sentences


def test_communities_and_community_are_one_word_to_every_matcher():
    question = "What did the communities board say?"
    paper = "The Community Safety Partnership agreed the plan."
    assert normal_word("communities") == normal_word("community")
    assert set(keyword_terms(question)) & set(keyword_terms(paper))  # keyword search
    assert [paper[a:b] for a, b in spans(paper, query_terms(question))] == ["Community"]  # highlighting
    assert "communiti" in content_words("Which communities were consulted?")  # answer scoring
    assert topic_words("Report on the communities at risk") & topic_words("Communities at risk update")  # follow-up


def test_keyword_search_finds_a_chunk_by_another_form_of_its_word():
    index = build([(1, "Homicides fell in the county.", "", "", ""), (2, "Road collisions rose.", "", "", "")])
    assert [vid for vid, _ in index.search("homicide", 5)] == [1]
    assert [vid for vid, _ in index.search("a collision", 5)] == [2]


def test_answer_scoring_counts_a_word_in_the_chunks_as_keyword_search_does():
    index = build([(1, "Homicides fell in the county.", "", "", ""), (2, "A homicide review.", "Homicide", "", ""),
                   (3, "Road collisions rose.", "", "", "Cabinet, 17 December 2019")])
    assert index.frequency(search_stem("homicides")) == 2  # each chunk once, whatever the field and form
    assert index.frequency(search_stem("december")) == 1 and index.frequency(search_stem("budget")) == 0


def test_who_chaired_highlights_the_chairman_of_an_attendance_list():
    text = "Present: Mr. I. D. Ould CC (Chairman), Cllr. T. Pendleton."
    assert [text[a:b] for a, b in spans(text, query_terms("Who chaired the meeting?"))] == ["Chairman"]


def test_a_word_cut_short_by_the_stemmer_does_not_meet_another_word():
    # Snowball reads "centre" as "centr": a question about a leisure centre is not answered by Central station.
    assert normal_word("centre") == "centr"
    assert not same_word(normal_word("centre"), normal_word("central"))
    assert same_word(normal_word("partner"), normal_word("partnership"))


def test_one_sentence_splitter_keeps_a_decision_with_its_keyword():
    assert sentences("RESOLVED: That the report be noted. The Chairman thanked officers.") == [
        "RESOLVED: That the report be noted.", "The Chairman thanked officers."]


def test_highlighting_meets_words_by_the_same_rule_as_answer_scoring():
    text = "The County Council counted the votes at the leisure centre, not at Central station; partnerships met."
    shown = [text[a:b] for a, b in spans(text, query_terms("count the partner centre"))]
    assert shown == ["counted", "centre", "partnerships"]  # not "County", not "Central"


def test_a_long_paragraph_is_cut_into_chunks_where_its_sentences_end():
    """A report paragraph too long for one chunk is cut where a quote would end a sentence: never
    after a councillor's initial or "Cllr.", so no name is broken by a cut (it was "Cllr.\nJ.\nSmith")."""
    from minutebook.ingest.papers.chunking import chunk_document
    from minutebook.ingest.types import Document, Page, Section

    said = " ".join(f"Cllr. J. Smith said item {n} of the plan would need more funding from partners this year."
                    for n in range(40))  # one paragraph of 640 words
    doc = Document(id="d", source="r.txt", path="r.txt", title="Report", pages=[Page(1, said)],
                   sections=[Section(kind="report", title="Report", first_page=1, last_page=1)])
    chunks = chunk_document(doc)
    assert len(chunks) > 1
    assert all(c.text.startswith("Cllr. J. Smith said item") and c.text.endswith("this year.") for c in chunks)
    assert all(c.page == 1 for c in chunks)
