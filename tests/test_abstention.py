"""Questions the papers almost answer are declined: the passages share the board, the meeting and
most of the words, and miss the one thing asked (real near misses of gold/questions.jsonl)."""
from __future__ import annotations

from minutebook.assistant.abstention import decision_unrecorded, off_topic, other_body_met, other_month, thing_missing
from minutebook.assistant.question.intents import asked_thing, names_thing
from minutebook.ingest.types import Chunk, Hit


def hit(text: str, doc_type: str = "minutes", board: str | None = "County Council", date: str | None = "2025-03-13",
        title: str = "Minutes") -> Hit:
    return Hit(chunk=Chunk(id="c", document_id="d", section=0, position=0, page=1, text=text, doc_type=doc_type,
                           title=title, board=board, meeting_date=date), source="p.pdf", score=1.0)


def test_a_salary_question_is_declined_when_no_passage_names_a_salary():
    question = "What salary does the Chief Executive of Kent County Council receive in 2030?"
    assert asked_thing(question) is not None  # the thing asked for: a salary
    assert thing_missing(question, ["4 Chief Executive's Department 2029-30 2030-31 £000s 250 250"])
    assert not thing_missing(question, ["The Chief Executive's salary is £220,000."])


def test_questions_asking_for_a_figure_or_a_kind_name_no_topic_of_their_own():
    assert asked_thing("What proportion of hate incidents were racially motivated?") is None
    assert asked_thing("What is Sentinel?") is None
    assert asked_thing("What counts as serious violence under the local definition?") is None  # a verb
    assert asked_thing("What did the Board decide about potholes?") is None
    # The asked-for thing is found in its other forms: "Which financial statements" / "financial statement".
    assert not thing_missing("Which financial statements did Nipissing Council adopt on 7 March 2023?",
                             ["THAT we adopt the 2022 Financial Statement as presented"])
    # The thing is the head of the phrase asked for: a bank is no balance, infrastructure no failure.
    assert asked_thing("What bank balance was reported to the parish council in July?") == "balanc"
    assert asked_thing("What imminent infrastructure failure was the subject of resolution R2024-072?") == "failur"
    assert thing_missing("What bank balance was reported?", ["The clerk will ask the bank for the mandate forms."])
    # A sentence quoted instead must print the thing as a noun, not a word its stem shares.
    assert not names_thing("What bank balance was reported?", "although the budget was balanced at year end")
    assert names_thing("What bank balance was reported?", "Bank balance as at 15th June 2013: £10,190.57")
    assert names_thing("Which minutes did Cabinet take on 4 March?", "3. Minutes of the Meeting held on 30 January 2025")


def test_what_a_board_decided_is_not_answered_from_its_agenda_alone():
    question = "What did the Cuyahoga Community College Board of Trustees decide about the healthcare plans for 2020?"
    agenda = hit("Approval of Healthcare Plans and Rates for Calendar Year 2020", doc_type="agenda",
                 board="Board of Trustees", date="2019-09-26")
    assert decision_unrecorded(question, [agenda, hit("Rates for 2020", doc_type="report")])
    assert not decision_unrecorded(question, [agenda, hit("RESOLVED that the plans be approved")])
    # An agenda answers what was up for approval.
    assert not decision_unrecorded("Which minutes were up for approval on 26 September 2019?", [agenda])


def test_a_named_bodys_meeting_is_not_answered_by_another_bodys_meeting_that_day():
    boards = ["County Council", "Cabinet", "Adult Social Care Cabinet Committee", None]
    question = "What was the attendance at the Kent Cabinet meeting of 13 March 2025 and what did it resolve?"
    council = hit("RESOLVED that the minutes of the Council meeting held on 13 February 2025 be approved.")
    # An appendix filed that day under a misread body says nothing of which meeting sat.
    appendix = hit("record attendance of 185+", doc_type="appendix", board="Adult Social Care Cabinet Committee")
    assert other_body_met(question, [council, appendix], boards)
    assert off_topic(question, [council, appendix], [council.chunk.text], boards)
    assert not other_body_met(question, [hit("RESOLVED that", board="Cabinet")], boards)
    assert not other_body_met("Who chaired the County Council meeting on 13 March 2025?", [council], boards)


def test_the_floor_margin_report_measures_each_question_by_the_floors_own_rule():
    from evals.floor import headroom, margin

    rows = [{"id": "a", "answerable": True, "coverage": 0.33, "similarity": 0.63},   # passes at 0.30
            {"id": "b", "answerable": True, "coverage": 0.45, "similarity": 0.40},   # passes at 0.40
            {"id": "u", "answerable": False, "coverage": 0.32, "similarity": 0.50},  # declined below 0.40
            {"id": "r", "answerable": False, "coverage": None, "similarity": None}]  # declined before the floor
    m = margin(rows)
    assert m["worst_answerable"]["id"] == "a" and m["best_unanswerable"]["id"] == "u"
    assert round(m["margin"], 3) == 0.01 and m["declined_before"] == ["r"]
    assert round(headroom(rows[0]), 3) == 0.03 and round(headroom(rows[2]), 3) == 0.08
    assert headroom({"answerable": False, "coverage": 0.35, "similarity": 0.7}) < 0  # the floor would let it through


def test_what_happened_at_a_meeting_is_not_answered_from_its_notice():
    from minutebook.assistant.abstention import meeting_unrecorded
    from minutebook.ingest.types import Chunk, Hit

    def hit(text, kind):
        return Hit(chunk=Chunk(id="c", document_id="d", section=0, position=0, page=1, text=text, doc_type=kind,
                               title="t"), source="s.pdf", score=1.0)

    agenda = [hit("AGENDA CABINET Thursday, 13th March, 2025, at 3.00 pm. Apologies and substitutes.", "agenda")]
    assert meeting_unrecorded(("present", "decided"), agenda)
    board = [hit("President Marsh called the meeting to order at 7:06 p.m. ROLL CALL: PRESENT: President Marsh", "minutes")]
    assert not meeting_unrecorded(("chair",), board)
    parish = [hit("It was proposed that the hall be booked. Prop: CR 2nd: KD", "minutes")]
    assert not meeting_unrecorded(("mover",), parish)
    assert not meeting_unrecorded(("how_much",), agenda)  # a figure an agenda prints is the agenda's to give
    report = [hit("Members are asked to NOTE the report. It was RESOLVED by the panel that ...", "appendix")]
    assert meeting_unrecorded(("present",), agenda + report)  # a report filed for the meeting is no record of it


def test_a_figure_asked_for_one_month_is_not_answered_with_the_month_above_it():
    # A pension board's consent calendar lists each month's payroll under its own heading; a parish's
    # accounts list the month's payments under "Payments for April 2024".
    board = ("4-B. PENSION PAYROLL FOR THE MONTH OF NOVEMBER 2009: a. In the amount of $ 177,777.83 for the members "
             "under Pension Ordinance No. 1079, N.S.")
    quoted = [(board, "a. In the amount of $ 177,777.83 for the members under Pension Ordinance No. 1079, N.S.")]
    assert other_month({"2010-01"}, quoted) == "2009-11"
    assert other_month({"2009-11"}, quoted) is None
    parish = "Payments for April 2024: Grass cutting £240. Clerk's salary £410."
    assert other_month({"2024-05"}, [(parish, "Clerk's salary £410.")]) == "2024-04"
    assert other_month({"2024-05"}, [("The clerk's salary was agreed.", "The clerk's salary was agreed.")]) is None


def test_a_recommendation_asked_for_is_quoted_where_the_papers_record_one():
    # A US board's minutes mention a commission in passing; a UK report prints its own recommendation.
    from minutebook.assistant.abstention import act_unrecorded

    asked = "What did the Economic Development Commission recommend in 2012 about the strategy for the Point?"
    passing = [("The Chief Operating Officer agreed with Member deHaan that the Economic Development Commission and "
                "other formal bodies should be engaged.", "4. Alameda Point Update")]
    assert act_unrecorded(asked, passing)
    recorded = [("The Economic Development Commission recommended that the Authority adopt the strategy.", "")]
    assert not act_unrecorded(asked, recorded)
    report = [("That Cabinet endorses the draft strategy.", "Recommendation(s)")]
    assert not act_unrecorded("What did the report recommend about the strategy?", report)
    # A second ask of the question is read too ("..., and what did staff recommend?").
    two = "What had happened to the cost per ride, and what did staff recommend?"
    assert not act_unrecorded(two, [("Staff recommends that the service is discontinued.", "")])
    assert act_unrecorded(two, [("The cost per ride went from $13 to $34.", "")])
    # Other questions are not this rule's to judge.
    assert not act_unrecorded("What did the Board decide about the strategy?", passing)


def test_a_finding_asked_for_is_not_answered_with_the_surveys_questions():
    from minutebook.assistant.abstention import act_unrecorded

    asked = "What did the Commission's survey of golfers find about pace of play?"
    planned = [("How would you rate these aspects of your golf experience regarding tee time booking and speed of play?", ""),
               ("Commissioner Tong stated several items to be included in the survey, such as pace of play.", "")]
    assert act_unrecorded(asked, planned)
    assert act_unrecorded(asked, [(sentence, "5-A Work Group to Review Survey Development") for sentence, _ in planned])
    assert not act_unrecorded(asked, [("Of 412 respondents, 61% rated the pace of play as poor.", "")])
    assert not act_unrecorded(asked, [("The survey found that rounds took over five hours at weekends.", "")])
    # A count found is a finding, whatever verb prints it.
    assert not act_unrecorded("What did staff find in its survey of turning movements?", [
        ("Within the morning peak hour, the removal of the left turn would only affect about 5 or 6 drivers.", "")])
    # A county report's feedback states what its adviser concluded.
    concluded = [("The feedback stated that “delivery in Leicestershire is excellent” with: (i) Exceptional "
                  "governance structures being in place.", "")]
    assert not act_unrecorded("What did the Home Office adviser conclude about how the county delivers its Prevent duty?",
                              concluded)
    advised = [("The Commission advised that the Authority should seek a master developer.", "")]
    assert not act_unrecorded("What did the Commission recommend about the strategy?", advised)


def test_a_sum_asked_for_is_not_answered_with_sentences_that_print_none():
    from minutebook.assistant.abstention import amount_unquoted

    # An Ontario township's by-law adopting its estimates names no total; a parish's minute gives its precept.
    township = ["R2024-101 S. Kirkey, D. Yemm: THAT we pass By-Law Number 2024-22, being a By-Law to adopt the "
                "estimates for all sums required for the year.", "Council Discussion on the 2024 Proposed Budget."]
    assert amount_unquoted("What total budget did the Township adopt with By-Law 2024-22 on 14 May 2024?", township)
    parish = ["The precept for 2024/25 was agreed at £13,500, proposed CR, seconded KA."]
    assert not amount_unquoted("How much precept did the Parish Council set for 2024/25?", parish)
    assert amount_unquoted("How much precept did the Parish Council set for 2024/25?",
                           ["The precept for 2024/25 was discussed and deferred to the next meeting."])
    # Sums as a US city prints them, and shares.
    for printed in ("approve the warrant run of $665,575.42", "a grant of 2.35 million", "rents rose 8.3%"):
        assert not amount_unquoted("How much was approved?", [printed])
    # Not a sum: how much time, or a question asking no sum at all.
    assert not amount_unquoted("How much time was given to public comment?", ["Public comment was heard."])
    assert not amount_unquoted("What did the Township adopt with By-Law 2024-22?", township)
