"""Quotes a clerk would sign: a quote ends where its list entry ends, and a decision's answer says
who decided what, when and in which minute, in words the minutes print (pure text, no model)."""
from __future__ import annotations

from minutebook.assistant.extractive import candidates, compose
from minutebook.assistant.quote_extent import Candidate, extend, item_sentences, unnumbered, with_seconder
from minutebook.ingest.text import sentences
from minutebook.ingest.types import Chunk, Hit

FIGURES = """Hate incidents reported to the police each year were:
- 2017: 312 incidents, up 4% on the year before
- 2018: 345 incidents, of which 71% were racially motivated
The Board noted the figures."""

DECISION = """42. COMMUNITY SAFETY AGREEMENT
The Board considered a report on the Community Safety Agreement.
RESOLVED:
(a) That the contents of the report be noted;
(b) That the continued use of the Community Safety Agreement be approved.
43. DATE OF NEXT MEETING
It was noted that the next meeting would be held on 22 March 2024."""


def hit(text: str, doc_type: str = "minutes", board: str | None = "Safer Communities Board", item: str | None = "42",
        date: str | None = "2023-12-15") -> Hit:
    return Hit(chunk=Chunk(id="c", document_id="d", section=0, position=0, page=3, text=text, doc_type=doc_type,
                           title="Minutes", board=board, meeting_date=date, item=item), source="minutes.pdf", score=1.0)


def test_each_entry_of_a_dashed_list_is_a_quote_of_its_own():
    entries = sentences(FIGURES)
    assert "- 2017: 312 incidents, up 4% on the year before" in entries
    assert not any("2017" in s and "2018" in s for s in entries)  # never the wrong year's figure with it


def test_numbered_entries_without_full_stops_are_not_run_together():
    text = "The priorities for 2024 are:\n1) Serious violence\n2) Anti-social behaviour\n3) Domestic abuse"
    assert sentences(text)[1:] == ["1) Serious violence", "2) Anti-social behaviour", "3) Domestic abuse"]


def test_a_figure_continued_on_the_next_line_stays_in_its_sentence():
    text = "The contract runs from 1 January 2020 through December 31, 2020,\nnot to exceed $14,429.00.\nNext item."
    assert sentences(text)[0] == "The contract runs from 1 January 2020 through December 31, 2020, not to exceed $14,429.00."


def test_a_figure_entry_does_not_bring_the_next_years_entry_as_context():
    best = Candidate(hit=hit(FIGURES, doc_type="report"), rank=0, text="- 2017: 312 incidents, up 4% on the year before")
    assert extend(best, follow=True).text == best.text


def test_a_decision_is_quoted_through_its_parts_and_stops_at_the_next_minute():
    start = Candidate(hit=hit(DECISION), rank=0, text="RESOLVED: (a) That the contents of the report be noted;")
    quoted = extend(start).text
    assert quoted.endswith("That the continued use of the Community Safety Agreement be approved.")
    assert "NEXT MEETING" not in quoted and "43." not in quoted


def test_a_decision_answer_names_the_body_date_and_minute_and_quotes_the_rest():
    decision = extend(Candidate(hit=hit(DECISION), rank=0, text="RESOLVED: (a) That the contents of the report be noted;"))
    answer = compose("What did the Board decide about the Community Safety Agreement?", [decision])
    assert answer.text.startswith("The Safer Communities Board resolved on 15 December 2023 (Minute 42): “(a) That")
    assert answer.text.endswith("be approved.” [1]")
    # The citation keeps the decision as printed, keyword and all, and the sentence quotes part of it.
    cited = answer.citations[0].quote
    assert cited.startswith("RESOLVED: (a) That the contents") and cited in " ".join(DECISION.split())
    assert answer.text.split("“")[1].split("”")[0] in cited


def test_a_decision_of_a_body_the_index_does_not_know_keeps_the_plain_lead():
    decision = Candidate(hit=hit(DECISION, board=None), rank=0, text="RESOLVED: (a) That the contents of the report be noted;")
    assert compose("What was decided?", [decision]).text.startswith("The minutes of 15 December 2023 (minute 42) record:")


def test_a_long_decision_is_quoted_to_the_end_of_its_last_whole_part():
    parts = "\n".join(f"({chr(97 + i)}) That the {word} programme of £{i + 1}m over the next ten years be agreed, subject to "
                      f"the approval to spend arrangements;" for i, word in enumerate(
                          ["capital", "highways", "schools", "waste", "libraries", "transport"]))
    text = f"RESOLVED that the Council agrees:\n{parts}"
    chunk_hit = hit(text)
    quote = extend(Candidate(hit=chunk_hit, rank=0, text="RESOLVED that the Council agrees:", score=1.0,
                             coverage=1.0, similarity=1.0)).text
    assert len(quote.split()) <= 90 and quote.endswith(";")  # cut for length at the end of a part
    assert quote in " ".join(text.split())


# A report's numbered paragraphs, each under a heading of its own, as a cabinet report prints them.
REPORT = """Recommendations
2. It is recommended that
a) The responses to the consultation on the draft Strategy are noted;
b) The Community Safety Strategy is submitted to the Council for approval on
19 February 2020.
Reasons for Recommendation
3. To note feedback from consultees and how this has informed the final draft of the
Strategy.
Background
4. On 8th December 2016, the Board received a presentation on the work of the Health and
Wellbeing Board."""


def test_a_quote_ends_with_its_paragraph_not_in_the_next_heading_and_number():
    best = Candidate(hit=hit(REPORT, doc_type="report"), rank=0,
                     text="b) The Community Safety Strategy is submitted to the Council for approval on 19 February 2020.")
    quoted = extend(best, follow=True).text
    assert quoted.endswith("19 February 2020.")
    assert "Reasons for Recommendation" not in quoted and "3." not in quoted


def test_a_numbered_paragraph_is_quoted_from_its_number_without_the_heading_above_it():
    found = item_sentences(REPORT)
    assert "4. On 8th December 2016, the Board received a presentation on the work of the Health and Wellbeing Board." in found
    assert "3. To note feedback from consultees and how this has informed the final draft of the Strategy." in found
    assert not any(s.endswith(("Recommendation 3.", "Background 4.")) for s in found)


def test_an_agenda_items_short_title_stays_with_who_presents_it():
    agenda = ("5. Declarations of interest\n6. Modern Slavery. (Pages 13 - 30)\n"
              "Detective Sergeant Chris Perry, Leicestershire Police, will give a presentation.\n"
              "7. Office of the Police and Crime Commissioner update. (Pages 31 - 32)")
    assert ("6. Modern Slavery. (Pages 13 - 30) Detective Sergeant Chris Perry, Leicestershire Police, "
            "will give a presentation.") in item_sentences(agenda)


def test_a_lead_in_list_ends_before_the_next_entry_of_the_list_it_sits_in():
    text = """(a) Prevent
The feedback stated that "delivery in Leicestershire is excellent" with:
(i) Exceptional governance structures being in place;
(ii) Excellent risk assessment processes across the county;
(iii) Very strong partnership plans being in place.
(b) Anti-Social Behaviour
A review of Anti-Social Behaviour (ASB) policies and processes."""
    lead_in = Candidate(hit=hit(text, doc_type="report"), rank=0,
                        text='The feedback stated that "delivery in Leicestershire is excellent" with:')
    assert extend(lead_in).text.endswith("(iii) Very strong partnership plans being in place.")


def test_a_decision_whose_first_part_shares_the_keywords_line_keeps_every_part():
    text = ("AGREED: (1) That capital funding of £48,500 be approved;\n(2) That the cameras be replaced by March;\n"
            "(3) That the Panel receive a report in September.\nMinute CSP/05/25 YOUTH DIVERSION GRANTS")
    decision = Candidate(hit=hit(text), rank=0, text="AGREED: (1) That capital funding of £48,500 be approved;")
    quoted = extend(decision).text
    assert quoted.endswith("(3) That the Panel receive a report in September.") and "YOUTH" not in quoted


def test_a_paragraph_number_is_no_word_of_its_sentence_but_a_resolution_number_is():
    # "How much is council tax going up in 2024/25?" must not be matched by paragraph 25.
    assert unnumbered("25. The Needs Assessment has also informed the commissioning decisions.").startswith("The Needs")
    assert unnumbered("R2024-101 THAT we pass By-Law Number 2024-22.").startswith("R2024-101")


def test_the_evals_count_a_list_cut_inside_its_last_entry_but_not_a_whole_list_without_stops():
    from evals.answers import quote_problems

    # The sample report's 2017/18 priorities: five bullets with no full stop, the last printed over two lines.
    source, page = "Leicester City Community Safety Work - Scrutiny Commission 07-Dec-2017.pdf", 2
    whole = ("4.3 The objectives/ priorities for the Partnership for 2017/18 are as follows; • To Reduce Overall Crime & "
             "Anti-Social Behaviour • To stop people becoming terrorists or supporting terrorism. • To Reduce the Incidences "
             "of Domestic & Sexual Abuse • To Reduce Re-Offending – Adults & Young People • To Effectively Manage Issues in "
             "Relation to Adult & Child Sexual Exploitation (CSE)")
    assert quote_problems(source, page, whole) == []
    assert quote_problems(source, page, whole.removesuffix(" (CSE)")) == ["crosses a list entry"]


def test_an_agenda_item_in_capitals_is_quoted_with_its_title_and_detail():
    agenda = "AGENDA\nI. ROLL CALL\nII. ELECTION OF OFFICERS\nIII. APPROVAL OF THE MINUTES\nJune 25, 2019\nIV. EXECUTIVE OFFICER REPORTS"
    item = Candidate(hit=hit(agenda, doc_type="agenda"), rank=0, text="III. APPROVAL OF THE MINUTES June 25, 2019")
    assert "III. APPROVAL OF THE MINUTES June 25, 2019" in item_sentences(agenda)
    assert extend(item, follow=True).text == "III. APPROVAL OF THE MINUTES June 25, 2019"


def test_a_running_header_kept_on_a_papers_first_page_is_never_a_candidate_answer():
    page = ("Regular Meeting of the Board of Trustees\nCuyahoga Community College District\nThursday, September 26, 2019\n"
            "AGENDA\nI. ROLL CALL\nII. APPROVAL OF THE MINUTES\nJune 25, 2019")
    header = ("Regular Meeting of the Board of Trustees", "Cuyahoga Community College District", "Thursday, September 26, 2019")
    found = [c.text for c in candidates([hit(page, doc_type="agenda")], furniture=lambda h: header)]
    assert not any(line in text for text in found for line in header)
    assert "II. APPROVAL OF THE MINUTES June 25, 2019" in found


def test_the_quote_check_finds_a_running_header_line_inside_a_quote():
    # evals/answers.py judges every quote the evals count: a quote holding the pack's header line holds
    # furniture; the date line below it alone does not.
    from evals.answers import quote_problems

    pack = "Agenda Reports Pack 10th-Dec-2018 13.00 Leicestershire Safer Communities Strategy Board.pdf"
    assert "holds page furniture" in quote_problems(pack, 11, "LEICESTERSHIRE SAFER COMMUNITIES STRATEGY BOARD 10 DECEMBER 2018")
    assert "holds page furniture" not in quote_problems(pack, 11, "10 DECEMBER 2018")


def test_a_motion_put_in_prose_is_quoted_with_the_sentence_that_seconds_it():
    # A planning board's reported motion and its seconder on the next line; a parish's proposal the same.
    board = ("President Curtis closed the public hearing.\nBoard Member Teague said he would make a motion to that\n"
             "effect, including the property at 2001 Harbor Bay Parkway in the 0.5 FAR limitation.\n\n"
             "Board Member Cavanaugh seconded the motion.\n\nBoard Member Saheba asked about the lagoon.")
    motion = "Board Member Teague said he would make a motion to that effect, including the property at 2001 " \
             "Harbor Bay Parkway in the 0.5 FAR limitation."
    quoted = with_seconder(Candidate(hit=hit(board, item="7-A"), rank=0, text=motion)).text
    assert quoted.endswith("0.5 FAR limitation. Board Member Cavanaugh seconded the motion.")
    parish = ("6. Bench\nCllr Reed proposed that the council buy a new bench for the green at a cost of £450.\n"
              "This was seconded by Cllr Kemp.\n7. Correspondence\nNone received.")
    proposal = "Cllr Reed proposed that the council buy a new bench for the green at a cost of £450."
    quoted = with_seconder(Candidate(hit=hit(parish, item="6"), rank=0, text=proposal)).text
    assert quoted.endswith("£450. This was seconded by Cllr Kemp.") and "Correspondence" not in quoted
    # A sentence after a motion that seconds nothing stays out of the quote.
    said = "Board Member Saheba asked about the lagoon."
    assert with_seconder(Candidate(hit=hit(board), rank=0, text=said)).text == said
