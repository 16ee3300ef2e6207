"""As an officer keeping a decisions register, I hand minutes pages to parse_minutes and get back
the meeting they record and every decision in them, with its minute number, page and parts.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from minutebook.ingest.register.decisions import classify, keyword
from minutebook.ingest.register.minutes import parse_minutes
from minutebook.ingest.types import PART_KINDS, Page

CORPUS = Path(__file__).parents[1] / "corpus"
FIXTURES = Path(__file__).parent / "fixtures" / "minutes"
PACK_2018 = CORPUS / "Agenda Reports Pack 10th-Dec-2018 13.00 Leicestershire Safer Communities Strategy Board.pdf"
PACK_2024 = CORPUS / (
    "Agenda Reports Pack 22nd-Mar-2024 10.00 Leicestershire and Rutland Safer Communities Strategy Board.pdf"
)


def _page(number: int, text: str) -> Page:
    return Page(number, text, blank="intentionally left blank" in text.lower())


def pdf_pages(path: Path, first: int = 1, last: int | None = None) -> list[Page]:
    """Pages first..last (1-based, inclusive) as pypdf extracts them."""
    reader = PdfReader(path)
    last = last or len(reader.pages)
    return [_page(n, reader.pages[n - 1].extract_text()) for n in range(first, last + 1)]


def txt_pages(path: Path, first: int = 1) -> list[Page]:
    """Pages of a fixture .txt, split on form feeds."""
    texts = path.read_text(encoding="utf-8").split("\f")
    return [_page(n, t) for n, t in enumerate(texts, start=1)][first - 1 :]


def by_item(resolutions):
    return {r.item: r for r in resolutions}


def summary(resolutions):
    """(item, page, form, [(label, kind)]) for each decision: what a register row shows."""
    return [(r.item, r.page, r.form, [(p.label, p.kind) for p in r.parts]) for r in resolutions]


# --- The sample corpus: minutes of 1 October 2018 (pack of 10 December 2018) -------------------------


@pytest.fixture(scope="module")
def minutes_2018():
    return parse_minutes(pdf_pages(PACK_2018, 3, 10))  # page 10 is the blank back of the minutes


@pytest.fixture(scope="module")
def minutes_2024():
    return parse_minutes(pdf_pages(PACK_2024, 3, 10))


def test_the_2018_minutes_record_the_october_meeting_not_the_pack_date(minutes_2018):
    meeting, resolutions = minutes_2018
    assert meeting.board == "Leicestershire Safer Communities Strategy Board"
    assert meeting.date == "2018-10-01"
    assert meeting.venue == "County Hall, Glenfield"
    assert meeting.time == "10.00 - 11.20 am"
    assert {r.meeting_date for r in resolutions} == {"2018-10-01"}
    assert {r.board for r in resolutions} == {meeting.board}


def test_the_2018_minutes_hold_nine_decisions_items_20_to_28_on_the_pages_a_viewer_shows(minutes_2018):
    _, resolutions = minutes_2018
    pages = {r.item: r.page for r in resolutions}
    assert pages == {"20": 5, "21": 5, "22": 6, "23": 7, "24": 7, "25": 7, "26": 8, "27": 9, "28": 9}
    assert {r.form for r in resolutions} == {"RESOLVED"}


def test_2018_titles_that_wrap_onto_a_second_line_are_whole(minutes_2018):
    items = by_item(minutes_2018[1])
    assert items["22"].title == (
        "The LLR Strategy Statement for Tackling Hate / Action Plans & LLR Hate Communication Strategy"
    )
    assert items["26"].title == "Leicestershire County Council Community Safety Team, Anti-Social Behaviour Update"
    assert items["20"].title == "LSCSB Performance - Quarter 1"


def test_2018_minute_22_asks_for_the_amended_hate_strategy_at_the_next_meeting(minutes_2018):
    minute = by_item(minutes_2018[1])["22"]
    [part] = minute.parts
    assert part.label is None and part.kind == "action"
    assert part.what == "a report"
    assert part.by_when == "the next meeting of the Board"
    assert "legal guidance" in minute.text
    assert "information pack" in minute.discussion  # the debate stays out of the decision


def test_2018_minute_24_notes_the_oral_update(minutes_2018):
    minute = by_item(minutes_2018[1])["24"]
    assert [(p.label, p.kind, p.text) for p in minute.parts] == [
        (None, "noted", "That the contents of the oral update be noted.")
    ]


def test_2018_minute_27b_asks_officers_for_a_report_to_the_december_2018_meeting(minutes_2018):
    a, b = by_item(minutes_2018[1])["27"].parts
    assert (a.label, a.kind) == ("(a)", "noted")
    assert (b.label, b.kind, b.who) == ("(b)", "action", "officers")
    assert b.by_when == "the December 2018 meeting of the board"
    assert b.what.startswith("bring a report") and b.what.endswith("drug supply through county lines")


def test_2018_other_parts_are_noted_approved_and_scheduled(minutes_2018):
    items = by_item(minutes_2018[1])
    assert [(p.label, p.kind) for p in items["21"].parts] == [("(a)", "noted"), ("(b)", "approved")]
    [dates] = items["28"].parts
    assert dates.kind == "scheduled" and "22 March 2019 at 10:00am" in dates.text
    # The chairman's sign-off after the last minute is not part of its decision.
    assert "CHAIRMAN" not in items["28"].text and "01 October 2018" not in items["28"].text


def test_2018_attendance_pairs_each_name_with_its_organisation(minutes_2018):
    people = minutes_2018[0].attendees
    roles = [a.role for a in people]
    counts = {role: roles.count(role) for role in ("present", "officers", "others", "apologies")}
    assert counts == {"present": 10, "officers": 9, "others": 2, "apologies": 7}
    first = people[0]
    assert (first.name, first.organisation) == ("Ivan Ould CC (Chairman)", "Leicestershire County Council")
    breckon = next(a for a in people if a.name == "Cllr. Lee Breckon JP")
    assert breckon.organisation == "Community Safety Partnership Strategy Group Chair - Blaby District Council"
    strong = next(a for a in people if a.name == "Grace Strong")
    assert strong.role == "apologies"
    assert strong.organisation == (
        "The Derbyshire, Leicestershire, Nottinghamshire & Rutland Community Rehabilitation Company"
    )


# --- The sample corpus: minutes of 15 December 2023 (pack of 22 March 2024) --------------------------


def test_the_2024_pack_minutes_record_15_december_2023_with_nine_decisions(minutes_2024):
    meeting, resolutions = minutes_2024
    assert meeting.board == "Leicestershire and Rutland Safer Communities Strategy Board"
    assert meeting.date == "2023-12-15"
    assert meeting.venue == "Microsoft Teams"
    pages = {r.item: r.page for r in resolutions}
    assert pages == {"33": 4, "36": 5, "37": 6, "38": 6, "39": 7, "40": 8, "41": 8, "42": 9, "43": 9}
    assert {r.meeting_date for r in resolutions} == {"2023-12-15"}


def test_2024_numbered_points_in_the_discussion_are_not_decision_parts(minutes_2024):
    items = by_item(minutes_2024[1])
    # Minutes 37, 39 and 40 list points (i), (ii)... before RESOLVED: only what follows RESOLVED counts.
    assert [p.label for p in items["37"].parts] == [None]
    assert [p.label for p in items["39"].parts] == [None]
    assert [(p.label, p.kind) for p in items["40"].parts] == [("(a)", "noted"), ("(b)", "action")]
    assert "(x) The current conflict" in items["37"].discussion
    assert "486 Road Traffic Collisions" in items["40"].discussion


def test_2024_actions_say_who_and_by_when(minutes_2024):
    items = by_item(minutes_2024[1])
    [probation] = items["41"].parts
    assert (probation.kind, probation.who) == ("action", "Bob Bearne")
    assert probation.by_when == "the next meeting of the Board"
    lfrs = items["40"].parts[1]
    assert (lfrs.who, lfrs.by_when) == ("LFRS", "a future meeting of the Board")
    asb = items["36"].parts[1]
    assert (asb.kind, asb.what) == ("action", "a further report regarding ASB and Sentinel")
    [next_meeting] = items["43"].parts
    assert next_meeting.kind == "scheduled"


def test_2024_attendance_mends_names_wrapped_across_lines(minutes_2024):
    people = minutes_2024[0].attendees
    names = {a.name: a for a in people}
    assert names["Chief Inspector Lindsey Madeley-Harland"].organisation == "Leicestershire Police"
    assert names["Chief Superintendent Jonathan Starbuck"].role == "apologies"
    assert [a.name for a in people if a.role == "apologies"][0] == "Cllr. K. Loydall"
    assert names["Mrs D. Taylor CC (in the Chair)"].role == "present"


def test_reading_on_into_the_reports_adds_no_decisions():
    # The pack's reports say "It is recommended that the Board ..."; those are proposals, not decisions.
    _, resolutions = parse_minutes(pdf_pages(PACK_2018, 3))
    assert [r.item for r in resolutions] == [str(n) for n in range(20, 29)]
    for report in ("Community Safety Strategy 2019-2021 - Cabinet 17-Dec-2019.pdf",
                   "Leicester City Community Safety Work - Scrutiny Commission 07-Dec-2017.pdf"):
        assert parse_minutes(pdf_pages(CORPUS / report))[1] == []


# --- Three invented house styles, each as text and as PDF ---------------------------------------------

SOURCES = ["txt", "pdf"]


def fixture_pages(name: str, source: str, first: int = 1) -> list[Page]:
    path = FIXTURES / f"{name}.{source}"
    return txt_pages(path, first) if source == "txt" else pdf_pages(path, first)


@pytest.mark.parametrize("source", SOURCES)
def test_district_council_style_minute_12_25_and_agreed_that(source):
    meeting, resolutions = parse_minutes(fixture_pages("northbrook_housing", source))
    assert (meeting.board, meeting.date, meeting.time) == ("Housing and Communities Committee", "2025-05-14", "7.00 pm")
    assert meeting.venue == "the Council Chamber, Civic Offices, Northbrook"
    assert summary(resolutions) == [
        ("13/25", 1, "AGREED", [(None, "approved")]),
        ("14/25", 1, "AGREED", [("(a)", "approved"), ("(b)", "action")]),
        ("15/25", 1, "AGREED", [(None, "noted")]),
        ("16/25", 2, "AGREED", [(None, "deferred")]),
        ("17/25", 2, "AGREED", [(None, "action")]),
        ("18/25", 2, "AGREED", [(None, "scheduled")]),
    ]
    items = by_item(resolutions)
    report_back = items["14/25"].parts[1]
    assert report_back.who == "the Head of Housing"
    assert report_back.by_when == "the January 2026 meeting of the Committee"
    letter = items["17/25"].parts[0]
    assert (letter.who, letter.by_when) == ("the Democratic Services Officer", "30th June 2025")
    # The report's own recommendation, the 2024 figures and the "Minute 9/25" back-reference are discussion.
    assert "It is recommended that the Committee approves" in items["14/25"].discussion
    assert "2024 saw 412 households" in items["14/25"].discussion
    assert "Minute 9/25 of the previous meeting" in items["14/25"].discussion
    assert "The meeting closed" not in items["18/25"].text


@pytest.mark.parametrize("source", SOURCES)
def test_district_council_style_attendance_is_a_comma_list(source):
    people = parse_minutes(fixture_pages("northbrook_housing", source))[0].attendees
    assert [(a.role, a.name) for a in people if a.role == "present"] == [
        ("present", "Councillor M Ashworth (Chair)"),
        ("present", "Councillor T Brennan"),
        ("present", "Councillor F Osei"),
        ("present", "Councillor R Delacroix"),
        ("present", "Councillor H Whitfield"),
    ]
    obi = next(a for a in people if a.role == "others")
    assert (obi.name, obi.organisation) == ("Mr K Obi", "Northbrook Tenants Forum")
    carrow = next(a for a in people if a.role == "officers")
    assert (carrow.name, carrow.organisation) == ("Ms L Carrow (Head of Housing)", None)  # a post, not an organisation
    assert [a.name for a in people if a.role == "apologies"] == ["Councillor J Quayle"]


@pytest.mark.parametrize("source", SOURCES)
def test_partnership_style_csp_numbers_decision_and_numbered_parts(source):
    meeting, resolutions = parse_minutes(fixture_pages("southvale_csp", source))
    assert meeting.board == "Southvale Community Safety Partnership"
    assert (meeting.date, meeting.time) == ("2025-07-17", "10.00 am")
    assert meeting.venue == "Meeting Room 2, Southvale Police Station"
    assert summary(resolutions) == [
        ("CSP/02/25", 1, "DECISION", [(None, "noted")]),
        ("CSP/03/25", 1, "DECISION", [("(1)", "approved"), ("(2)", "agreed"), ("(3)", "action")]),
        ("CSP/04/25", 2, "DECISION", [(None, "action")]),
        ("CSP/05/25", 2, "DECISION", [(None, "deferred")]),
        ("CSP/07/25", 2, "DECISION", [(None, "scheduled")]),
    ]
    items = by_item(resolutions)
    circulate = items["CSP/03/25"].parts[2]
    assert (circulate.who, circulate.by_when) == ("Nadia Clarke", "31.07.25")
    assert circulate.what == "circulate the final document to all partners by 31.07.25"
    joint = items["CSP/04/25"].parts[0]
    assert (joint.who, joint.by_when) == ("Southvale Police and the Borough Council's ASB team", "the next meeting")
    # "the decision was deferred" in the debate, a numbered list, "3086 pupils" and a table are no new minutes.
    assert "the decision was deferred in April" in items["CSP/02/25"].discussion
    assert "1. Serious violence" in items["CSP/03/25"].discussion
    assert "3086 pupils" in items["CSP/03/25"].discussion
    assert "Riverside 212 176" in items["CSP/04/25"].discussion


@pytest.mark.parametrize("source", SOURCES)
def test_partnership_style_attendance_is_name_then_organisation(source):
    people = parse_minutes(fixture_pages("southvale_csp", source))[0].attendees
    assert [(a.role, a.name, a.organisation) for a in people] == [
        ("present", "Supt. Helen Okoro (Chair)", "Southvale Police"),
        ("present", "Cllr. Gareth Lyle", "Southvale Borough Council"),
        ("present", "Priya Raman", "NHS Southvale Integrated Care Board"),
        ("present", "Tom Addison", "Southvale Fire and Rescue Service"),
        ("others", "Nadia Clarke", "Partnership Analyst, Southvale Borough Council"),
        ("apologies", "Martin Fell", "Probation Service"),
    ]


@pytest.mark.parametrize("source", SOURCES)
def test_scrutiny_style_recommended_to_cabinet_noted_and_deferred(source):
    # Page 1 is the next meeting's agenda and page 4 is blank: the minutes are pages 2-4.
    meeting, resolutions = parse_minutes(fixture_pages("eastwick_scrutiny", source, first=2))
    assert (meeting.board, meeting.date, meeting.time) == ("Communities Scrutiny Panel", "2025-06-03", "6.30 pm")
    assert meeting.venue == "Committee Room 1, Eastwick Town Hall"
    assert summary(resolutions) == [
        ("16", 2, "RESOLVED", [(None, "approved")]),
        ("17", 3, "RECOMMENDED", [("(i)", "recommended"), ("(ii)", "recommended")]),
        ("18", 3, "NOTED", [(None, "noted")]),
        ("19", 3, "RESOLVED", [(None, "deferred")]),
        ("20", 3, "RESOLVED", [("(a)", "approved"), ("(b)", "action")]),
        ("21", 3, "RESOLVED", [(None, "scheduled")]),
    ]
    items = by_item(resolutions)
    cabinet = items["17"]
    assert cabinet.text.startswith("to Cabinet that:")
    assert cabinet.parts[0].text == (
        "the Community Safety Plan 2025-2028 be adopted, subject to a stronger target for reducing repeat victimisation"
    )
    assert "It is recommended that the Panel endorses" in cabinet.discussion
    assert "(iii) the plan should say more about rural crime." in cabinet.discussion
    assert "the decision was deferred" in items["18"].discussion
    knife = items["20"].parts[1]
    assert (knife.who, knife.what, knife.by_when) == (
        "the Head of Community Safety", "bring the Knife Crime Action Plan to the next meeting", "the next meeting"
    )
    assert "The meeting ended" not in items["21"].text


@pytest.mark.parametrize("source", SOURCES)
def test_scrutiny_style_attendance_with_roles_and_organisations(source):
    people = parse_minutes(fixture_pages("eastwick_scrutiny", source, first=2))[0].attendees
    by_role = {}
    for a in people:
        by_role.setdefault(a.role, []).append((a.name, a.organisation))
    assert [n for n, _ in by_role["present"]] == [
        "Cllr A Moreno (Chair)", "Cllr B Ferris (Vice-Chair)", "Cllr K Lindgren", "Cllr P Ugwu", "Cllr S Haddad"
    ]
    assert by_role["others"] == [
        ("Cllr D Rowe (Cabinet Member for Communities)", None),
        ("Insp R Mallory", "Eastwick Police"),
    ]
    assert by_role["officers"] == [("J Tanaka (Head of Community Safety)", None), ("E Wright (Scrutiny Officer)", None)]
    assert by_role["apologies"] == [("Cllr V Hollis", None)]


@pytest.mark.parametrize("name", ["northbrook_housing", "southvale_csp", "eastwick_scrutiny"])
def test_each_pdf_fixture_is_small_and_parses_like_its_text(name):
    first = 2 if name == "eastwick_scrutiny" else 1
    pdf = FIXTURES / f"{name}.pdf"
    assert pdf.stat().st_size < 10_000
    from_txt = parse_minutes(fixture_pages(name, "txt", first))
    from_pdf = parse_minutes(fixture_pages(name, "pdf", first))
    assert from_pdf == from_txt
    assert all(p.kind in PART_KINDS for r in from_pdf[1] for p in r.parts)


# --- Smaller stories -------------------------------------------------------------------------------


def test_numbered_decision_parts_are_not_read_as_the_next_minute():
    text = (
        "Minutes of a meeting of the Audit Panel held at the Guildhall on 3 March 2025.\n"
        "1. Internal Audit Plan\n"
        "RESOLVED:\n"
        "1. That the plan be approved.\n"
        "2. The Chief Auditor to report progress to the July 2025 meeting.\n"
        "2. External Audit Findings\n"
        "RESOLVED that (i) the findings be noted; and (ii) the Chief Finance Officer be asked to\n"
        "respond to the auditor by 30 April 2025.\n"
    )
    meeting, resolutions = parse_minutes([Page(1, text)], board="Audit and Governance Panel")
    assert (meeting.board, meeting.date, meeting.venue) == ("Audit and Governance Panel", "2025-03-03", "the Guildhall")
    assert summary(resolutions) == [
        ("1", 1, "RESOLVED", [("1", "approved"), ("2", "action")]),
        ("2", 1, "RESOLVED", [("(i)", "noted"), ("(ii)", "action")]),
    ]
    auditor = resolutions[0].parts[1]
    assert (auditor.who, auditor.by_when) == ("The Chief Auditor", "the July 2025 meeting")
    cfo = resolutions[1].parts[1]
    assert (cfo.who, cfo.by_when) == ("the Chief Finance Officer", "30 April 2025")
    assert cfo.what == "respond to the auditor by 30 April 2025"


def test_minutes_with_no_decisions_give_the_meeting_and_an_empty_register():
    text = (
        "Minutes of a meeting of the Liaison Forum held at Eastgate House on 15.12.23.\n"
        "1. Introductions\nAll welcome.\n"
    )
    meeting, resolutions = parse_minutes([Page(7, text), Page(8, "This page is intentionally left blank", blank=True)])
    assert (meeting.board, meeting.date, meeting.venue) == ("Liaison Forum", "2023-12-15", "Eastgate House")
    assert resolutions == []


@pytest.mark.parametrize(
    "line, expected",
    [
        ("RESOLVED:", ("RESOLVED", "")),
        ("RESOLVED that the report be noted.", ("RESOLVED", "that the report be noted.")),
        ("AGREED - that the Chair write to the Minister.", ("AGREED", "that the Chair write to the Minister.")),
        ("DECISION: The plan was approved.", ("DECISION", "The plan was approved.")),
        ("RECOMMENDED to Cabinet that it be adopted.", ("RECOMMENDED", "to Cabinet that it be adopted.")),
        ("NOTED that the item was withdrawn.", ("NOTED", "that the item was withdrawn.")),
        ("Resolved: That the update be noted.", ("RESOLVED", "That the update be noted.")),
        ("It is recommended that the Board notes the report.", None),
        ("Recommended reading for members was circulated.", None),
        ("the decision was deferred until the spring.", None),
        ("RESOLVEDLY", None),
    ],
)
def test_only_printed_decision_keywords_open_a_decision(line, expected):
    assert keyword(line) == expected


@pytest.mark.parametrize(
    "text, form, kind",
    [
        ("That the contents of the report be noted.", "RESOLVED", "noted"),
        ("That the revised terms of reference be approved.", "RESOLVED", "approved"),
        ("that the Partnership adopts the strategy.", "AGREED", "approved"),
        ("that the task group continues its work.", "AGREED", "agreed"),
        ("That officers be requested to bring a report to the next meeting.", "RESOLVED", "action"),
        ("That consideration of the item be deferred to the next meeting.", "RESOLVED", "deferred"),
        ("That the next meeting be held on 5 May 2026 at 2.00 pm.", "RESOLVED", "scheduled"),
        ("That the minutes of the meeting held on 3 March 2025 be approved.", "RESOLVED", "approved"),
        ("the policy be adopted.", "RECOMMENDED", "recommended"),
        ("that the Panel's work programme update be noted.", "RESOLVED", "noted"),
        ("That the Board's membership remain unchanged.", "RESOLVED", "other"),
    ],
)
def test_each_part_gets_a_kind(text, form, kind):
    assert classify(text, form) == kind


@pytest.mark.parametrize(
    "header, expected",
    [
        ("CABINET\nMinutes of the meeting held on Thursday 2nd October 2025 at 6.00 pm\n",
         ("Cabinet", "2025-10-02", "6.00 pm", None)),
        ("Minutes of the Licensing Committee held in the Mayor's Parlour on 3 May 2025\n",
         ("Licensing Committee", "2025-05-03", None, "the Mayor's Parlour")),
        ("WESTBY PARISH COUNCIL\nDate: 15.12.23 Time: 19:30 Venue: Village Hall\n",
         ("Westby Parish Council", "2023-12-15", "19:30", "Village Hall")),
    ],
)
def test_meeting_header_styles(header, expected):
    meeting, _ = parse_minutes([Page(1, header + "1. Apologies\nNone.\n")])
    assert (meeting.board, meeting.date, meeting.time, meeting.venue) == expected
