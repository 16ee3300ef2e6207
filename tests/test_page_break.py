"""A quoted sentence that runs over a page break is quoted whole, citing both pages (issue 28.6)."""
from __future__ import annotations

from minutebook.assistant.page_break import carried, carry_over, ends_page
from minutebook.ingest.types import Answer, Citation

# Two houses' wording: English minutes filing a report, and a US staff report's recommendation.
PAGES = {
    ("minutes.pdf", 4): "24. Anti-social behaviour\nThe Board considered a report. A copy of the report, marked\n"
                        "'Agenda Item 9', is filed",
    ("minutes.pdf", 5): "with these minutes.\n25. Probation update\nThe Board noted the update.",
    ("report.pdf", 2): "Staff recommends that the City Council authorize the City Manager to execute the",
    ("report.pdf", 3): "agreement with the County for animal control services. FISCAL IMPACT\nNone.",
    ("list.pdf", 1): "RESOLVED that the Board approves",
    ("list.pdf", 2): "(a) the budget;\n(b) the plan.",
}


def _answer(source: str, page: int, quote: str) -> Answer:
    return Answer(text=f"The minutes say: “{quote}” [1]", abstained=False,
                  citations=[Citation(1, source, "Minutes", page, "2025-03-03", quote)])


def test_a_sentence_over_a_page_break_is_quoted_whole_citing_both_pages():
    for source, page, quote, whole in (
            ("minutes.pdf", 4, "A copy of the report, marked 'Agenda Item 9', is filed",
             "A copy of the report, marked 'Agenda Item 9', is filed with these minutes."),
            ("report.pdf", 2, "Staff recommends that the City Council authorize the City Manager to execute the",
             "Staff recommends that the City Council authorize the City Manager to execute the agreement with the "
             "County for animal control services.")):
        answer = carry_over(_answer(source, page, quote), lambda s, p: PAGES.get((s, p)))
        [c] = answer.citations
        assert (c.quote, c.page, c.end_page) == (whole, page, page + 1)
        assert f"“{whole}” [1]" in answer.text


def test_a_finished_sentence_a_list_or_a_withheld_page_is_left_as_it_is():
    finished = _answer("minutes.pdf", 5, "The Board noted the update.")
    assert carry_over(finished, lambda s, p: PAGES.get((s, p))) == finished
    listed = _answer("list.pdf", 1, "RESOLVED that the Board approves")
    assert carry_over(listed, lambda s, p: PAGES.get((s, p))).citations[0].end_page is None
    withheld = _answer("minutes.pdf", 4, "A copy of the report, marked 'Agenda Item 9', is filed")
    assert carry_over(withheld, lambda s, p: PAGES.get((s, p)) if p == 4 else None) == withheld
    assert not ends_page("is filed", "is filed with these minutes.") and carried("26. Next item. More.") is None


def test_a_question_answered_across_a_page_break_cites_both_pages(corpus_index):
    from minutebook.assistant.service import Minutebook

    with Minutebook(corpus_index) as book:
        answer = book.ask("What are tier two councils required to do?")
    [c] = [c for c in answer.citations if "tier two councils" in c.quote]
    assert c.quote.endswith("to co-operate with the lead local authority.") and (c.page, c.end_page) == (4, 5)
    assert answer.to_json()["citations"][0]["end_page"] == 5


def test_a_sentence_is_carried_over_the_next_pages_running_header():
    # A US commission's page header, and an English parish's, printed above the sentence's end.
    commission = ("Minutes of the Public Art Commission\n\n\nincrease the grant amount by $1,500 was made by Vice "
                  "Chairperson Rush\nand seconded by Commissioner Farrell. Ayes: Chairperson Gillitt.")
    assert carried(commission, ("Minutes of the Public Art Commission", "Monday, August 17, 2020", "2")) == \
        "increase the grant amount by $1,500 was made by Vice Chairperson Rush and seconded by Commissioner Farrell."
    parish = "Parish Council Minutes – 26th September 2024\nfrom the precept of £3,997. Prop: NO 2nd: KD\n"
    assert carried(parish, ("Parish Council Minutes – 26th September 2024",)) == "from the precept of £3,997."
    assert carried(commission) is None  # a header not known as one is a heading: nothing is carried
    pages = {("art.pdf", 1): "and to default to the McKinley Park location, and to", ("art.pdf", 2): commission}
    answer = carry_over(_answer("art.pdf", 1, "and to default to the McKinley Park location, and to"),
                        lambda s, p: pages.get((s, p)), lambda s, p: ("Minutes of the Public Art Commission",))
    assert answer.citations[0].quote.endswith("and to increase the grant amount by $1,500 was made by Vice "
                                              "Chairperson Rush and seconded by Commissioner Farrell.")


def test_a_sentences_end_quoted_from_the_next_page_already_is_not_quoted_twice():
    commission = ("Minutes of the Public Art Commission\n\nincrease the grant amount by $1,500 was made by Vice "
                  "Chairperson Rush.\nAyes: Chairperson Gillitt.")
    pages = {("art.pdf", 1): "A motion to set a deadline, and to", ("art.pdf", 2): commission}
    end = "increase the grant amount by $1,500 was made by Vice Chairperson Rush."
    answer = Answer(text=f"It proposed: “A motion to set a deadline, and to” [1] “{end}” [2]", abstained=False,
                    citations=[Citation(1, "art.pdf", "Minutes", 1, "2020-08-17", "A motion to set a deadline, and to"),
                               Citation(2, "art.pdf", "Minutes", 2, "2020-08-17", end)])
    assert carry_over(answer, lambda s, p: pages.get((s, p)),
                      lambda s, p: ("Minutes of the Public Art Commission",)) == answer
