"""A register answer quotes what the minutes page prints beside the decision: the item's heading, the
decision to its full stop, the line naming who voted how. Each is a contiguous span of the page, and
none runs on into the next item (in two bodies' wording: an English parish council's numbered minutes,
a Californian city council's)."""
from __future__ import annotations

from minutebook.assistant.register.evidence import (carried_above, heading_printed, outcome_printed, printed_after,
                                                    sentence_at, subject_named, vote_sentence)

PARISH = """08.23.06 Playground Update – the clerk had circulated up to date playground costs.
2 quotes have been received for phase 1, one for £98,825 (ex VAT) one for
£84,000 and in order to meet deadlines the order needs to be made tomorrow.
The PC agreed proposed by NO seconded by JH that the order should be placed
to Acme Play for £98,825 – AS to place the order
08.23.07 Village Upkeep update - Flowerbed by the end of the lane used to be the
responsibility of the PC but is now neglected."""

CITY = """(13-024) Adoption of Resolution to Establish an Alternate Work Arrangement Policy.
Not adopted.
Councilmember Daysog moved adoption of the resolution.
Vice Mayor Ezzy Ashcraft seconded the motion, which failed by the following voice vote:
Ayes: Councilmember Daysog and Vice Mayor Ezzy Ashcraft – 2. Noes: Councilmembers
Chen, Tam and Mayor Gilmore – 3.
(13-025) Resolution No. 14762, “Approving an Amendment to the Salary Schedule.” Adopted."""


def test_a_decision_cut_at_its_lines_end_is_quoted_to_its_full_stop_and_no_further():
    quote = sentence_at(PARISH, "The PC agreed proposed by NO seconded by JH that the order should be placed")
    assert quote.endswith("AS to place the order") and "£98,825" in quote
    assert "Village Upkeep" not in quote  # the next minute's heading is not this decision's


def test_the_items_heading_is_found_by_its_number_as_printed():
    assert heading_printed(CITY, "13-024").startswith("(13-024) Adoption of Resolution to Establish an Alternate")
    assert heading_printed(PARISH, "08.23.06").startswith("08.23.06 Playground Update")
    assert heading_printed(CITY, "13-099") is None


def test_the_vote_line_names_who_voted_against():
    _, line = vote_sentence([CITY], "Councilmember Daysog moved adoption of the resolution.")
    assert "Noes: Councilmembers Chen, Tam and Mayor Gilmore – 3" in " ".join(line.split())
    assert line.startswith("Vice Mayor Ezzy Ashcraft seconded the motion, which failed")
    assert vote_sentence([PARISH], "The PC agreed") is None  # no count printed: nothing invented


def test_an_item_voted_on_pages_later_is_quoted_with_the_vote_that_counts_as_the_register_does():
    later = ("(23-041) Recommendation to approve the bus shelter contract. Ayes: 5.\n"
             "(*23-039) Resolution adopting the Building Decarbonization Plan. Councilmember Vella moved adoption.\n"
             "Councilmember Jensen seconded the motion, which carried by the following roll call vote:\n"
             "Councilmembers Daysog: No; Herrera Spencer: No; Jensen: Aye; Vella: Aye; and Mayor Ezzy Ashcraft: Aye.\n"
             "Ayes: 3. Noes: 2.")
    page, line = vote_sentence(["(*23-039) Resolution adopting the Building Decarbonization Plan. Pulled.", later],
                               "Resolution adopting the Building Decarbonization Plan.", {"for": 3, "against": 2})
    assert page == 1 and "Daysog: No; Herrera Spencer: No" in " ".join(line.split())


def test_a_tally_parted_at_its_semicolons_is_quoted_whole():
    # A planning board's split vote, and a parish's count printed the same way.
    board = ("Board member Autorino proposed a motion that the use was acceptable.\n"
             "President Kohlstrand asked for a vote on the motion that is currently before the Board.\n"
             "The motion failed with the following voice vote – Ayes: 3; Noes: 3; Absent: 1; Abstain: 0.")
    _, line = vote_sentence([board], "Board member Autorino proposed a motion", {"for": 3, "against": 3}, spans=(1, 2, 3))
    assert line.startswith("The motion failed") and "Noes: 3" in line
    parish = "It was resolved to buy a new bench. Ayes: 5; Noes: 2; Abstentions: 0."
    _, line = vote_sentence([parish], "It was resolved to buy a new bench.", {"for": 5, "against": 2}, spans=(1, 2, 3))
    assert line.startswith("Ayes: 5") and "Noes: 2" in line


def test_of_two_motions_that_begin_alike_the_decisions_own_is_quoted():
    # A planning board minutes two items with the same mover's opening words; a parish council minutes two
    # proposals by one councillor. The decision's own sentence is quoted, not the first that begins alike.
    board = """7-B 2019-7213 Study Session on Housing
Board Member Teague made a motion to continue the item to the next meeting under the condition that public
comment be allowed when it is reheard. Board Member Ruiz seconded the motion. The motion passed 7-0.
8-A 2019-7259 Draft Meeting Minutes – June 10, 2019
Board Member Teague made a motion to approve the minutes. Board Member Cavanaugh seconded the motion."""
    quote = sentence_at(board, "Board Member Teague made a motion to approve the minutes.")
    assert quote.endswith("Board Member Teague made a motion to approve the minutes.") and "continue" not in quote
    parish = """07.24.04 Footpaths – Cllr Rothero proposed that the clerk write to the landowner about the stile.
07.24.05 Precept – Cllr Rothero proposed that the precept for 2025/26 be set at £14,000, seconded Cllr Draper."""
    quote = sentence_at(parish, "Cllr Rothero proposed that the precept for 2025/26 be set at £14,000")
    assert "Cllr Rothero proposed that the precept" in quote and "£14,000" in quote and "stile" not in quote


def test_a_tally_parted_at_its_full_stops_names_who_voted_against():
    # The vote printed after pages of debate, its ayes and noes each closed by a stop; a parish's the same.
    later = ("Mayor Gilmore noted the policy would treat part-time staff differently.\n"
             "On the call for the question, the motion FAILED by the following voice vote Ayes:\n"
             "Councilmembers Daysog and Ezzy Ashcraft – 2. Noes: Councilmembers Chen, Tam\n"
             "and Mayor Gilmore – 3.\n"
             "Mayor Gilmore requested staff to make revisions and bring the matter back.")
    page, line = vote_sentence(["(13-024 A) Adoption of Resolution to Establish a Reduced Work Time Option Policy.\n"
                                "Not adopted.", later],
                               "(13-024 A) Adoption of Resolution to Establish a Reduced Work Time Option Policy.",
                               {"for": 2, "against": 3})
    assert page == 1 and "Noes: Councilmembers Chen, Tam and Mayor Gilmore – 3." in " ".join(line.split())
    assert "requested staff" not in line
    parish = ("7. Bench. It was proposed by Cllr Reed, seconded by Cllr Kemp, to buy a new bench for the green.\n"
              "Ayes: 5. Noes: 2.\n8. Correspondence. None received.")
    _, line = vote_sentence([parish], "It was proposed by Cllr Reed", {"for": 5, "against": 2})
    assert line == "Ayes: 5. Noes: 2."


def test_a_roll_call_and_its_totals_are_quoted_together():
    page = ("(23-522) Introduction of Ordinance Authorizing a Lease. Councilmember Vella moved introduction.\n"
            "Councilmember Jensen seconded the motion, which carried by the following roll call vote:\n"
            "Councilmembers Daysog: Aye; Herrera Spencer: No; Jensen: Aye; Vella: Aye and Mayor Ezzy Ashcraft: Aye.\n"
            "Ayes: 4. Noes: 1.\n(23-523) Recommendation to accept the report.")
    _, line = vote_sentence([page], "Councilmember Vella moved introduction.", {"for": 4, "against": 1})
    assert "Herrera Spencer: No" in line and line.endswith("Ayes: 4. Noes: 1.")


def test_an_items_outcome_printed_after_its_stop_is_quoted_and_nothing_after_it():
    # A city council's consent item "Not heard.", a parish's planning response "No objection.": the
    # outcome is the decision's last words, though the splitter runs it on into the next item.
    city = ("(21-327) Recommendation to Provide Direction to Staff Regarding the Allocation of an\n"
            "Anticipated $28.95 Million of Funding from the Federal Government through the American\n"
            "Rescue Plan Act (ARPA) of 2021 to Assist with Recovery from the Impacts of the COVID-19\n"
            "Pandemic.  Not heard.\n\nORAL COMMUNICATIONS\n\n"
            "(21-328) Erin Fraser, Alameda, stated more time was spent on pickle ball than on public safety.")
    entry = ("Recommendation to Provide Direction to Staff Regarding the Allocation of an Anticipated $28.95 Million "
             "of Funding from the Federal Government through the American Rescue Plan Act (ARPA) of 2021 to Assist "
             "with Recovery from the Impacts of the COVID-19 Pandemic. Not heard.")
    quote = sentence_at(city, entry)
    assert quote.endswith("COVID-19 Pandemic. Not heard.") and "$28.95 Million" in quote
    parish = ("09.24.08 Planning\n24/01234/F Single storey extension to the rear, 4 Church Lane. No objection\n"
              "raised. Clerk to respond to CDC by 3rd October. 24/01240/F Replacement garage at the Old Forge.\n"
              "09.24.09 Finance")
    quote = sentence_at(parish, "24/01234/F Single storey extension to the rear, 4 Church Lane. No objection raised.")
    assert quote.endswith("4 Church Lane. No objection raised.") and "Clerk to respond" not in quote


def test_a_resolution_is_told_carried_by_the_line_printed_above_it():
    # A county council's numbered paragraphs, and a parish's resolution under its proposal.
    county = ("Abstain (11)\n\nMr Chittenden, Mrs Dean MBE, Mr Hook\nMotion carried.\n\n\n"
              "3) RESOLVED that Council:\n\n(i)  Notes the Inspector’s Report (see Appendix A) on the examination")
    assert carried_above(county, "that Council: (i) Notes the Inspector’s Report") == "Motion carried."
    parish = ("Cllr Reed proposed that the precept be set at £12,000, seconded by Cllr Kemp.\nCarried.\n"
              "RESOLVED: That the precept for 2025/26 be set at £12,000.")
    assert carried_above(parish, "RESOLVED: That the precept for 2025/26 be set at £12,000.") == "Carried."
    # "Amendment lost." above a resolution was the amendment's fate, not the resolution's.
    lost = "Amendment lost.\n\n(27) RESOLVED that County Council approves the budget."
    assert carried_above(lost, "RESOLVED that County Council approves the budget.") is None


def test_a_motions_fate_printed_after_pages_of_debate_is_found_where_it_is_printed():
    # A city council's referral that died after two pages of debate; a parish's proposal that fell.
    pages = ["Councilmember Herrera Spencer moved approval of the referral.\nCouncilmember Vella stated that she\n"
             "appreciates the referral.", "Councilmember Jensen inquired about the workshop.",
             "Mayor Ezzy Ashcraft stated Council needs to understand the issue.\n\n"
             "The motion failed for a lack of second.\n\n(23-044) Consider a Holiday Tree."]
    assert printed_after(pages, "The motion failed for a lack of second.") == (2, "The motion failed for a lack of second.")
    parish = ["6. Bus shelter. Cllr Reed proposed that the council buy a\nbus shelter for the green. The proposal\n"
              "was not seconded and fell.\n7. Correspondence."]
    assert printed_after(parish, "The proposal was not seconded and fell.") == (0, "The proposal was not seconded and fell.")
    assert printed_after(pages, "The motion carried by unanimous voice vote – 5.") is None  # not printed: nothing quoted


def test_an_items_outcome_is_its_own_line_not_an_earlier_items_with_the_same_words():
    # A commission whose every vote ends "Nays: none. The motion carried 4-0.", a parish's "Carried unanimously."
    commission = ("3-A. Review and Approve Draft Minutes\nA motion to approve the minutes was made by Vice Chair Rush.\n"
                  "Nays: none. The motion carried 4-0.\n5-A. Relocate the Mural\n"
                  "● A motion to set a deadline of September 21st was made by Vice Chair Rush.")
    assert outcome_printed(commission, "● A motion to set a deadline of September 21st",
                           "Nays: none. The motion carried 4-0.") is None  # its own is on the next page
    assert outcome_printed(commission, "A motion to approve the minutes was made",
                           "Nays: none. The motion carried 4-0.") == "Nays: none. The motion carried 4-0."
    parish = ("7. Bench. Cllr Reed proposed buying a bench, Cllr Kemp seconded. Carried unanimously.\n"
              "8. Gate. Cllr Kemp proposed mending the gate,\nCllr Reed seconded. Carried unanimously.")
    assert outcome_printed(parish, "Cllr Kemp proposed mending the gate,", "Carried unanimously.") == \
        "Cllr Reed seconded. Carried unanimously."


def test_a_paper_of_one_matter_names_it_in_its_title_block():
    # A city appeals board's hearing minutes, and a district licensing sub-committee's hearing.
    hearing = (" HAB Appeal Hearing Minutes\n Planning Building & Transportation\n Hearing Date: September 7, 2023\n\n\n\n"
               "Regarding:\n2007 Lincon Ave.\nX16-0276 & B19-1194\n\nAttendees\nEric Shimp   Acting Building Official")
    assert subject_named(hearing) == "2007 Lincon Ave. X16-0276 & B19-1194"
    licensing = ("LICENSING SUB-COMMITTEE\nMinutes of the hearing held on 3 May 2024\n"
                 "Re: Application for a premises licence – The Red Lion, High Street\n\nPresent: Cllr A Reed (Chair)")
    assert subject_named(licensing) == "Application for a premises licence – The Red Lion, High Street"
    assert subject_named(PARISH) == ""  # minutes of many items name none


def test_a_decision_run_on_after_another_items_outcome_is_quoted_from_its_own_words():
    # A city council's companion consent items, and a parish's planning responses on one line.
    city = ("(13-024) Adoption of Resolution to Establish an Alternate Work Arrangement Policy.\n"
            "Not adopted; and\n(13-024 A) Adoption of Resolution to Establish a Reduced Work Time Option Policy.\n"
            "Not adopted.\nThe Human Resource Director gave a brief presentation.")
    quote = sentence_at(city, "(13-024 A) Adoption of Resolution to Establish a Reduced Work Time Option Policy. "
                              "Not adopted.")
    assert quote == "(13-024 A) Adoption of Resolution to Establish a Reduced Work Time Option Policy. Not adopted."
    parish = ("09.24.08 Planning\n24/01234/F 4 Church Lane, rear extension – no objection; and 24/01240/F The Old "
              "Forge, replacement garage – no objection.\n09.24.09 Finance")
    assert sentence_at(parish, "24/01240/F The Old Forge, replacement garage – no objection.") == \
        "24/01240/F The Old Forge, replacement garage – no objection."


def test_a_decisions_quote_does_not_end_on_the_next_list_entrys_number():
    # A county's resolution opening a numbered list, and a US board's lettered one.
    county = "8) RESOLVED that the County Council resolves: 1. To call on the Government to reverse the changes."
    assert sentence_at(county, "8) RESOLVED that the County Council resolves: 1.") == \
        "8) RESOLVED that the County Council resolves:"
    board = "The Board RESOLVED as follows: a) to adopt the plan as presented."
    assert sentence_at(board, "The Board RESOLVED as follows: a)").endswith("a) to adopt the plan as presented.")
