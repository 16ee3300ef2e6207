"""Decisions, votes and movers read from minutes as other councils print them (fast: no model).

Each fixture under tests/fixtures/decisions is a council's minutes in one house style: an English
district's "Minute CSP/NN/YY", a full council debate with recorded votes, US action minutes and
an Ontario township's numbered resolutions.
"""
from __future__ import annotations

import re
from pathlib import Path

from minutebook.ingest.pdf.pages import load_pages
from minutebook.ingest.register.minutes import parse_minutes
from minutebook.ingest.register.motions import outcome_line

FIXTURES = Path(__file__).parent / "fixtures" / "decisions"


def _register(name: str):
    path = FIXTURES / name
    _, pages = load_pages(path, name)
    return parse_minutes(pages, None)[1]


def _votes(r) -> tuple:
    return tuple(r.votes.counts.get(k) for k in ("for", "against", "abstain")) if r.votes else None


def test_a_district_panel_in_minute_code_style_has_every_decision_with_its_outcome():
    register = _register("ashbourne_cabinet.txt")
    found = [(r.item, r.outcome) for r in register]
    assert found == [("", "agreed"), ("CSP/02/25", "approved"), ("CSP/03/25", "approved"),
                     ("CSP/04/25", "recommended"), ("CSP/05/25", "noted"), ("CSP/06/25", "deferred")]
    assert "elected to chair the meeting" in register[0].text  # decided before the first numbered minute
    assert register[2].title == "TOWN CENTRE CCTV UPGRADE" and "£186,000" in register[2].text


def test_a_full_council_debate_records_each_amendment_its_vote_and_the_motion_it_amends():
    register = _register("northfield_council.txt")
    lost, carried, budget, bus = register
    assert (lost.entry, lost.outcome, lost.mover, lost.seconder) == ("amendment", "lost", "Ms Blake", "Mr Irwin")
    assert _votes(lost) == (3, 6, 1) and lost.votes.names["abstain"] == ["Ms Ford"]
    assert (carried.outcome, _votes(carried)) == ("carried", (7, 2, 1)) and "highway drainage" in carried.text
    assert lost.amends == carried.amends == register.index(budget)
    # The resolution carries the vote on the substantive motion and the motion's own mover.
    assert (budget.entry, budget.outcome, budget.mover, _votes(budget)) == ("decision", "approved", "Mr Cole", (8, 2, 0))
    # A motion put to the vote and lost, with no resolution after it, is a decision of its own.
    assert (bus.item, bus.entry, bus.outcome, _votes(bus)) == ("42", "motion", "lost", (2, 8, 0))
    assert bus.votes.names["for"] == ["Ms Blake", "Mr Irwin"]


def test_us_action_minutes_give_result_mover_seconder_and_roll_call():
    register = {r.item: r for r in _register("riverside_action_minutes.txt")}
    minutes = register["5.A"]
    assert (minutes.outcome, minutes.votes.unanimous, minutes.mover) == ("approved", True, "Amy Chen, Mayor Pro Tem")
    contract = register["5.B"]
    assert (contract.outcome, _votes(contract), contract.seconder) == ("lost", (2, 2, 1), "Rosa Young, Councilmember")
    assert contract.votes.names["against"] == ["Chen", "Diaz"] and "Granite Paving" in contract.text
    zoning = register["6.A"]
    assert (zoning.outcome, _votes(zoning)[:2], zoning.mover) == ("carried", (4, 1), "Councilmember Diaz")
    assert zoning.text.startswith("the City Council adopt Resolution No. 2025-14")
    budget = register["6.B"]
    assert (budget.outcome, budget.mover, budget.seconder) == ("approved", "L. Diaz", "B. Park")


def test_an_ontario_township_numbers_its_resolutions_and_records_carried_defeated_deferred():
    register = _register("maple_township_resolutions.txt")
    assert [(r.item, r.outcome) for r in register] == [
        ("Resolution No. 2025-118", "carried"), ("Resolution No. 2025-119", "carried"),
        ("Resolution No. 2025-120", "lost"), ("Resolution No. 2025-121", "deferred")]
    plow = register[1]
    assert (plow.mover, plow.seconder) == ("Councillor Brooks", "Councillor Wong")
    assert _votes(plow)[:2] == (3, 2) and plow.votes.names["against"] == ["Lavoie", "Reid"]


def test_outcome_lines_are_read_but_prose_is_not():
    assert outcome_line("Amendment lost.")[:2] == ("amendment", "lost")
    assert outcome_line("RESULT: FAILED [4-2-1-1]")[2].counts == {"for": 4, "against": 2, "abstain": 1, "absent": 1}
    assert outcome_line("That we accept the correspondence as presented.  Carried.")[1] == "carried"
    assert outcome_line("The Chair thanked officers for the report.") is None
    assert outcome_line("Noted.") is None  # a bare "Noted." under a paragraph is not a motion's fate


# --- decisions read by the act, in prose (ingest/register/acts.py): each form in two bodies' wording ---

def test_prose_resolutions_and_proposer_lines_are_decisions_with_their_movers():
    parish = _register("hartwell_parish_prose.txt")
    town = _register("elmford_town_notes.txt")
    minutes = next(r for r in parish if "11th January 2024 were approved" in r.text)
    assert (minutes.outcome, minutes.mover, minutes.seconder, minutes.page) == ("approved", "TL", "DO", 1)
    assert any(r.text.startswith("Grass cutting contract – It was resolved") and r.item == "b" for r in parish)
    allotments = next(r for r in town if "allotment rents" in r.text)
    assert (allotments.outcome, allotments.mover, allotments.seconder) == ("agreed", "Cllr Doyle", "Cllr Fenwick")
    assert any(r.text.startswith("Agreed that the Clerk will obtain") for r in town)
    # a third party agreeing is reported, not decided
    assert not any("Volunteers have agreed" in r.text or "Village Society have agreed" == r.text[:29] for r in parish)
    assert next(r for r in parish if "Bus shelter" in r.text).outcome == "deferred"  # "to discuss this at the May meeting"
    assert any(r.text.startswith("Defibrillator") and r.page == 2 for r in parish)


def test_planning_responses_are_decisions_but_another_authoritys_decision_is_not():
    parish = [r.text for r in _register("hartwell_parish_prose.txt")]
    town = [r.text for r in _register("elmford_town_notes.txt")]
    assert any("Mill Lane NO OBJECTION" in t for t in parish) and any("Old Forge - no objection" in t for t in parish)
    assert any(t.startswith("24/1190/LB The Granary - replacement windows No objection") for t in town)
    assert not any("Church Farm" in t for t in parish)  # "Permission granted by the District Council"


def test_us_motions_in_prose_carry_mover_seconder_vote_and_outcome():
    council = {r.item: r for r in _register("lakeside_council_actions.txt")}
    board = {r.item: r for r in _register("bayview_commission_prose.txt")}
    consent = council[""]
    assert (consent.outcome, consent.mover, consent.seconder, _votes(consent)) == (
        "carried", "Councilmember Price", "Councilmember Nguyen", (5, 0, 0))
    minutes = board["3"]
    assert (minutes.outcome, minutes.mover, minutes.seconder, _votes(minutes)) == (
        "carried", "Commissioner Holm", "Commissioner Reyes", (5, 0, 0))
    design = board["4-A"]
    assert (design.mover, design.seconder, _votes(design)) == ("Commissioner Tanaka", "Commissioner Abara", (4, 0, 1))
    assert council["24-104"].outcome == "lost"  # "failed for lack of a second"
    assert board["4-B"].outcome == "deferred" and (board["4-B"].mover, board["4-B"].seconder) == ("Reyes", "Holm")
    # a motion to adjourn is about the meeting, not a decision
    assert not any("adjourn" in r.text for r in council.values())


def test_an_agenda_line_with_its_outcome_word_is_a_decision_and_takes_the_motion_after_it():
    council = {r.item: r for r in _register("lakeside_council_actions.txt")}
    board = {r.item: r for r in _register("bayview_commission_prose.txt")}
    assert council["24-101"].text.endswith("March 19, 2024. Approved.") and council["24-101"].outcome == "approved"
    assert council["24-102"].outcome == "approved"  # starred: enacted with the consent calendar
    resolution = council["24-103"]
    assert (resolution.outcome, resolution.mover, _votes(resolution)) == ("approved", "Councilmember Kowalski", (4, 1, 0))
    assert resolution.votes.names["against"] == ["Nguyen"]
    guidelines = board["4-C"]  # "were adopted as presented. M/S Abara / Tanaka Unanimous"
    assert (guidelines.outcome, guidelines.mover, guidelines.seconder, guidelines.votes.unanimous) == (
        "approved", "Abara", "Tanaka", True)


def test_a_vote_printed_before_its_motion_and_a_unanimous_count_with_absences():
    council = {r.item: r for r in _register("lakeside_council_actions.txt")}
    board = [r for r in _register("bayview_commission_prose.txt")]
    continued = council["24-105"]  # "Vote: 5-0." then "Motion by A, seconded by B, to continue the item."
    assert (continued.outcome, continued.mover, _votes(continued)) == ("deferred", "Councilmember Price", (5, 0, 0))
    fees = next(r for r in board if r.item == "4-D")  # "Ayes: 4; Noes: 1; Motion Carries" then "Motion (A)/Second (B)"
    assert (fees.outcome, fees.mover, fees.seconder, _votes(fees)) == ("carried", "Holm", "Tanaka", (4, 1, 0))
    # "passed unanimously, 4-0-1" and "carried unanimously 5-0-2": the third number is who was absent
    assert council["24-106"].votes.counts == {"for": 4, "against": 0, "abstain": 0, "absent": 1}
    assert next(r for r in board if r.item == "4-E").votes.counts["absent"] == 2


def test_what_a_member_says_was_decided_elsewhere_is_no_decision_and_a_matter_put_off_is_deferred():
    board = _register("bayview_commission_prose.txt")
    council = _register("lakeside_council_actions.txt")
    assert not any("City Council approved the budget" in r.text for r in board)
    assert not any(r.text.startswith("Councilmember Price noted") for r in council)
    town = {r.item: r for r in _register("elmford_town_notes.txt")}
    assert town["07.24.04"].outcome == "deferred"  # "brought to the next meeting for a decision"
    assert (town["07.24.05"].outcome, town["07.24.05"].mover, town["07.24.05"].seconder) == ("approved", "SA", "JD")


def test_a_vote_counted_with_no_outcome_word_carries_or_fails_by_its_count():
    meters = {r.item: r for r in _register("lakeside_council_actions.txt")}["24-107"]
    assert (meters.outcome, _votes(meters)) == ("lost", (2, 3, 0)) and meters.votes.names["for"] == ["Brandt", "Mayor Ortega"]
    plan = {r.item: r for r in _register("bayview_commission_prose.txt")}["4-F"]
    assert (plan.outcome, plan.mover, plan.seconder, _votes(plan)) == (
        "carried", "Commissioner Reyes", "Commissioner Holm", (4, 1, 0))


def test_elections_a_consensus_and_agreed_bullets_are_decisions_but_a_consensus_reported_by_a_member_is_not():
    town = [r for r in _register("elmford_town_notes.txt") if r.item == "07.24.06"]
    board = [r for r in _register("bayview_commission_prose.txt") if r.item == "5"]
    assert [r.outcome for r in town] == ["agreed", "agreed", "agreed"]
    assert town[0].text.startswith("-Agreed that the Clerk will report") and "general consensus" in town[1].text
    assert "re-elected as Chair of the Amenities Group" in town[2].text
    assert any("re-elected as Chair and Vice Chair" in r.text for r in board)
    assert any(r.text.startswith("- Agreed to invite the Parks Director") for r in board)
    assert not any("consensus of the neighbors" in r.text for r in board)  # what a commissioner said


def test_movers_are_read_from_who_moved_not_who_seconded_and_talk_of_moving_house_is_no_motion():
    board = _register("bayview_commission_prose.txt")
    council = {r.item: r for r in _register("lakeside_council_actions.txt")}
    notes = next(r for r in board if "workshop notes" in r.text)  # "was motioned by A; ... was seconded by B"
    assert (notes.mover, notes.seconder, notes.outcome) == ("Commissioner Abara", "Commissioner Reyes", "carried")
    audit = council["24-108"]  # "A moved to accept ..." then "M/S B / C": the record names mover and seconder
    assert (audit.mover, audit.seconder, _votes(audit)) == ("Councilmember Price", "Councilmember Brandt", (5, 0, 0))
    texts = [r.text for r in board] + [r.text for r in council.values()]
    assert not any("moved out" in t or "moved in last year" in t for t in texts)
    assert not any("extend the time" in t or "move agenda items" in t for t in texts)  # about the meeting
    assert not any("in 2019" in t or "June 2019 meeting" in t or "will be enacted" in t for t in texts)
    assert not any("letter is received" in t for t in texts)  # a condition


def test_starred_consent_items_are_approved_and_the_consent_motion_after_them_is_its_own_decision():
    library = _register("northgate_library_board.txt")
    board = [r for r in _register("bayview_commission_prose.txt") if r.item in ("24-31", "24-32", "7")]
    items = {r.item: r for r in library}
    assert [(i, items[i].outcome) for i in "ABC"] == [("A", "approved"), ("B", "approved"), ("C", "approved")]
    assert items["B"].text.endswith("February 12, 2025. Approved.") and items["B"].mover is None
    consent = next(r for r in library if "moved to approve the Consent Calendar" in r.text)
    assert (consent.mover, consent.seconder, _votes(consent)) == ("Board member Ito", "Board member Lund", (4, 0, 0))
    assert consent.item == "" and next(r for r in library if "extend the program" in r.text).item == ""
    assert [r.outcome for r in board] == ["approved", "approved", "carried"]
    assert board[2].mover == "Commissioner Holm" and board[1].mover is None


def test_abstentions_are_counted_whether_printed_as_a_count_or_as_names():
    parklet = {r.item: r for r in _register("bayview_commission_prose.txt")}["4-G"]  # "ABSTAIN — 1 (Reyes)"
    assert (parklet.mover, parklet.seconder, _votes(parklet)) == ("Holm", "Abara", (3, 0, 1))
    pilot = {r.item: r for r in _register("lakeside_council_actions.txt")}["24-111"]  # "... vote\n– 4. A abstained."
    assert _votes(pilot) == (4, 0, 1) and pilot.votes.names["abstain"] == ["Councilmember Kowalski"]


def test_a_nomination_seconded_and_voted_unanimously_is_a_carried_motion():
    library = next(r for r in _register("northgate_library_board.txt") if "nominated" in r.text)
    town = next(r for r in _register("elmford_town_notes.txt") if "nominated" in r.text)
    assert (library.mover, library.seconder, library.outcome) == ("Board member Lund", "Board member Ito", "carried")
    assert "Ms. Reyes as Vice President" in library.text and library.votes.unanimous
    assert (town.mover, town.seconder, town.outcome, town.item) == ("Cllr Doyle", "Cllr Fenwick", "carried", "07.24.07")


def test_items_of_a_joint_meeting_keep_their_file_numbers_and_each_outcome():
    council = {r.item: r for r in _register("lakeside_council_actions.txt")}
    board = {r.item: r for r in _register("bayview_commission_prose.txt")}
    assert (council["24-112 CC"].outcome, council["24-03 HD"].outcome) == ("approved", "approved")
    assert council["24-112 CC"].text.startswith("(24-112 CC) Resolution No. 16031")
    assert (board["24-34 PC"].outcome, board["24-09 TB"].outcome) == ("approved", "approved")


def test_an_agenda_line_put_off_with_its_reason_is_deferred():
    council = {r.item: r for r in _register("lakeside_council_actions.txt")}
    board = {r.item: r for r in _register("bayview_commission_prose.txt")}
    assert council["24-113"].outcome == "deferred" and "Not heard at the request" in council["24-113"].text
    assert board["24-36 PC"].outcome == "deferred" and board["24-36 PC"].text.endswith("Postponed to November 4, 2024.")


def _minutes(text: str):
    from minutebook.ingest.types import Page
    return parse_minutes([Page(1, text)], None)[1]


def test_the_motion_was_approved_with_a_count_is_the_motions_result_with_its_abstentions():
    # Two boards' wording: the result sentence says "approved", not "passed", and names who abstained.
    planning = _minutes("MINUTES OF THE PLANNING BOARD\n\n8-A 2024-101\nDraft Meeting Minutes – May 13, 2024\n"
                        "Board Member Okafor made a motion to approve the minutes. Board Member Lindqvist\n"
                        "seconded the motion. The motion was approved 4-0 (Marsh, Dutta, and Pryce abstained).\n")
    library = _minutes("LIBRARY BOARD MINUTES\n\n5-B. Donor recognition policy\nTrustee Amari moved to adopt the policy. "
                       "Trustee Bell seconded. Motion was approved 5-1 with 1 abstention.\n")
    minutes = [r for r in planning if r.item == "8-A"]
    assert len(minutes) == 1  # one decision, not the motion and its result apart
    assert (minutes[0].outcome, minutes[0].mover, _votes(minutes[0])) == ("approved", "Board Member Okafor", (4, 0, 3))
    policy = [r for r in library if "Donor" in r.text or "adopt the policy" in r.text]
    assert len(policy) == 1 and (policy[0].mover, _votes(policy[0])) == ("Trustee Amari", (5, 1, 1))


def test_a_consent_calendar_vote_printed_as_names_then_a_count_or_a_count_with_abstentions_is_counted():
    # "Ayes: <names> – 4. [Absent: <name> – 1.]" and "Passed by roll call vote 3 to 0 with 2 votes abstained"
    council = _minutes("Consent Calendar\n\nCouncilmember Ruiz moved approval of the Consent Calendar.\n\n"
                       "Vice Mayor Hale seconded the motion.\n\nOn the call for the question, the motion carried by "
                       "the following voice vote: Ayes:\nCouncilmembers Hale, Okoro, Ruiz, and Mayor Brandt – 4.\n"
                       "[Absent: Councilmember Tate – 1.]\n")
    board = _minutes("CONSENT CALENDAR:\nMINUTES OF THE CIVIL SERVICE BOARD MEETING OF MARCH 2, 2024\n\n"
                     "Vice President Ames moved to accept consent calendar. Seconded by Member Cole.\n"
                     "Passed by roll call vote 3 to 0 with 2 votes abstained by Members Ward and Lee.\n")
    consent = next(r for r in council if "Consent Calendar" in r.text)
    assert (consent.outcome, consent.mover, _votes(consent)) == ("carried", "Councilmember Ruiz", (4, 0, 0))
    accepted = next(r for r in board if "consent calendar" in r.text)
    assert (accepted.mover, accepted.seconder, _votes(accepted)) == ("Vice President Ames", "Member Cole", (3, 0, 2))


def test_a_count_broken_over_two_lines_or_printed_after_the_voice_vote_is_read_whole():
    # "passed 6-" / "0." (a count wrapped at its dash) and "the following voice vote – 6, Noes: 0"
    transport = _minutes("5A. File #2024-311 - Approve Meeting Minutes - March 6, 2024 (Action Item)\n\n"
                         "Chair Ibarra made a motion to bring back these minutes with more detail. Commissioner\n"
                         "Yoon seconded the motion. A vote was taken by a raise of hands and the motion passed 6-\n0.\n\n"
                         "6. Regular Agenda Items\n")
    planning = _minutes("9-B. Use Permit PLN24-0042 - 1200 Harbor Way\nBoard member Quill moved and Vice President "
                        "Sato seconded the\nmotion to continue this item to the meeting of 10/14/24. The motion passed "
                        "with the\nfollowing voice vote – 5, Noes: 1, Absent 1, Abstain: 0\n")
    brought = next(r for r in transport if "bring back" in r.text)
    assert (brought.mover, _votes(brought)) == ("Chair Ibarra", (6, 0, 0)) and brought.text.endswith("passed 6-0.")
    continued = next(r for r in planning if "continue this item" in r.text)
    assert (continued.mover, continued.seconder, _votes(continued)) == ("Board member Quill", "Vice President Sato", (5, 1, 0))


def test_a_member_speaking_of_what_was_approved_before_is_not_the_motions_result():
    # The vote after the debate decides the motion, not a member's "when it approved ..." in between.
    council = _minutes("(24-051) Consider Directing Staff to Review the Winter Lights Event.\n\n"
                       "Councilmember Ford moved approval of staff reviewing the winter lights as before.\n\n"
                       "Vice Mayor Chu seconded the motion.\n\nCouncilmember Diaz stated she was not on Council when "
                       "it approved the decorations; expressed support for the motion.\n\nOn the call for the question, "
                       "the motion carried by the following roll call vote: Councilmembers Chu: Aye; Diaz: Aye; Ford: "
                       "Aye; and Mayor Lowe: Aye.\n")
    board = _minutes("7-A. Annual work plan\nMember Grant moved to adopt the work plan. Member Obi seconded the motion.\n"
                     "Member Reyes said the Board adopted a similar plan last year and that it carried easily; "
                     "she supports the motion.\nThe motion failed 2-3.\n")
    lights = [r for r in council if r.item == "24-051"]
    assert len(lights) == 1 and (lights[0].outcome, lights[0].mover, _votes(lights[0])) == (
        "carried", "Councilmember Ford", (4, 0, 0))
    plan = [r for r in board if "work plan" in r.text]
    assert len(plan) == 1 and (plan[0].outcome, plan[0].mover, _votes(plan[0])) == ("lost", "Member Grant", (2, 3, 0))


def test_a_decision_stated_then_moved_with_no_object_of_its_own_is_one_motion_with_its_vote():
    # "... was accepted as presented. A moved to approve, seconded by B. Passed 5-0."
    pension = _minutes("5-A. The Financial Report for the Pension Funds ending March 31, 2024 was accepted as presented. "
                       "Member Ostrowski moved to approve, seconded by Member Vance. Passed 5-0.\n")
    golf = _minutes("4-C. The Clubhouse Lease Amendment was approved. Commissioner Blum moved approval; "
                    "Commissioner Ngata seconded. Motion carried 4-1.\n")
    report = [r for r in pension if r.item == "5-A"]
    assert len(report) == 1 and (report[0].outcome, report[0].mover, report[0].seconder, _votes(report[0])) == (
        "carried", "Member Ostrowski", "Member Vance", (5, 0, 0))
    lease = [r for r in golf if r.item == "4-C"]
    assert len(lease) == 1 and (lease[0].outcome, lease[0].mover, _votes(lease[0])) == ("carried", "Commissioner Blum", (4, 1, 0))


def test_a_body_named_by_its_initials_agreeing_is_a_decision_but_a_members_initials_are_not():
    commission = _minutes("4-A. Meeting schedule\nThe commissioners discussed moving the workshop series.\n"
                          "CDI agreed to start October 26th.\nThe CDI approved a plan with the Navy on October 5, 2011.\n")
    parish = _minutes("09.24.18 OALC subscription\nThe SPC agreed to renew the subscription for 2025.\n"
                      "KD agreed to contact the insurer before the next meeting.\n")
    assert [(r.item, r.outcome) for r in commission] == [("4-A", "agreed")] and "October 26th" in commission[0].text
    assert [r.text for r in parish] == ["The SPC agreed to renew the subscription for 2025."]


def test_after_an_amendment_is_accepted_the_vote_decides_the_motion_it_amends():
    board = _minutes("7-C 2024-118\nBoard Elections\nVice-Chair Lam made a motion to keep Chair Osei as chair. Board Member "
                     "Ruiz\noffered to amend the motion to also keep Vice-Chair Lam in the position of vice-chair.\n"
                     "The amendment was accepted. The motion passed 5-0.\n")
    commission = _minutes("6-B. Bicycle parking standards\nCommissioner Ward moved to endorse the standards. Commissioner "
                          "Iqbal seconded the motion. Commissioner Ward suggested adding covered racks at transit hubs. "
                          "The friendly amendment was accepted by the maker. The main motion carried 6-1.\n")
    chair = next(r for r in board if "keep Chair Osei" in r.text)
    assert (chair.outcome, chair.mover, _votes(chair)) == ("carried", "Vice-Chair Lam", (5, 0, 0))
    racks = next(r for r in commission if "endorse the standards" in r.text)
    assert (racks.outcome, racks.mover, racks.seconder, _votes(racks)) == (
        "carried", "Commissioner Ward", "Commissioner Iqbal", (6, 1, 0))


def test_a_run_of_items_closing_with_a_semicolon_takes_the_one_motion_printed_after_it():
    # "Adopted;" / "Adopted; and" / "Adopted.": one motion decides every item of the run, at a joint
    # meeting of two bodies and for two policies put to one vote; a count's second half is its own sentence.
    joint = _minutes("AGENDA ITEM\n\n(24-310 CC) Resolution No. 16120, “Authorizing the Issuance of Lease Revenue\n"
                     "Bonds for the Library Expansion.”  Adopted;\n\n(24-02 PFA) Resolution No. 24-03, “Approving the "
                     "Bond Documents.”  Adopted; and\n\n(24-310 CC-A) Ordinance No. 3402, “Authorizing Leases with the "
                     "Financing Authority.”  Adopted.\n\nThe Finance Director gave a brief presentation.\n\n"
                     "Councilmember/Authority Member Ruiz moved adoption of the resolutions and introduction of the "
                     "ordinance.\n\nCouncilmember/Authority Member Hale seconded the motion, which carried by the "
                     "following roll call vote: Hale: Aye; Okoro: Aye; Ruiz: Aye; Tate: Aye; and Mayor/Chair Brandt: Aye.\n")
    council = _minutes("(25-041) Adoption of Resolution to Establish a Telework Policy.\nNot adopted; and\n"
                       "(25-041 A) Adoption of Resolution to Establish a Compressed Work Week Policy.\nNot adopted.\n"
                       "The Human Resources Director gave a presentation.\nCouncilmember Lowe moved adoption of the "
                       "resolutions.\nVice Mayor Park seconded the motion.\nOn the call for the question, the motion "
                       "FAILED by the following voice vote Ayes:\nCouncilmembers Lowe and Park – 2. Noes: Councilmembers "
                       "Cruz, Diaz and Mayor Hill – 3.\n")
    run = {r.item: r for r in joint}
    assert [run[i].outcome for i in ("24-310 CC", "24-02 PFA", "24-310 CC-A")] == ["approved"] * 3
    assert {(run[i].mover, _votes(run[i])) for i in ("24-310 CC", "24-02 PFA", "24-310 CC-A")} == {
        ("Councilmember/Authority Member Ruiz", (5, 0, 0))}
    policies = {r.item: r for r in council}
    assert policies["25-041"].text.endswith("Not adopted; and") and "Compressed" in policies["25-041 A"].text
    assert {(policies[i].outcome, policies[i].mover, _votes(policies[i])) for i in ("25-041", "25-041 A")} == {
        ("lost", "Councilmember Lowe", (2, 3, 0))}


def test_direction_given_in_closed_session_by_a_vote_is_a_decision_on_the_page_it_is_announced():
    # A council clerk's and a board secretary's report-out after a closed session: each matter's direction,
    # with its own vote, in one sentence parted at ";"; direction "with no vote taken" records no decision.
    from minutebook.ingest.types import Page
    council = parse_minutes([
        Page(1, "The meeting was adjourned to Closed Session to consider:\n(25-118) Conference With Labor "
                "Negotiators (Government Code Section 54957.6)\n(25-119) Conference With Real Property Negotiators "
                "(Government Code Section 54956.8) Property: 12 Harbor Way; Under\n"),
        Page(2, "Negotiation: Price and Terms of Payment\nFollowing the Closed Session, the meeting was reconvened "
                "and the City Clerk\nannounced that regarding Labor, staff provided information and Council provided\n"
                "direction by the following vote: Ayes: Councilmembers Hale, Okoro, and Mayor\nBrandt – 3; Noes: Ruiz "
                "- 1 [Absent: Councilmember Tate – 1];\nregarding Real Property, staff provided information and "
                "Council provided direction\nunanimous voice vote – 5; regarding Litigation, staff provided "
                "information and\nCouncil gave direction with no vote taken.\n")], None)[1]
    board = _minutes("6. CLOSED SESSION REPORT\nThe Board reconvened in open session and the Chair announced that "
                     "regarding the lease of Hangar 3, the Board gave direction to its negotiators by the following "
                     "vote: Ayes: 4; Noes: 1; regarding the Director's evaluation, there was no reportable action.\n")
    direction = [r for r in council if "direction" in r.text]
    assert [(r.page, r.outcome, _votes(r)) for r in direction] == [(2, "other", (3, 1, 0)), (2, "other", (5, 0, 0))]
    assert "regarding Labor" in direction[0].text and direction[1].text.startswith("regarding Real Property")
    assert [(r.outcome, _votes(r)) for r in board] == [("other", (4, 1, 0))] and "Hangar 3" in board[0].text


def test_an_adopted_resolution_printed_whole_is_one_decision_dated_by_its_adoption_block_but_a_draft_is_not():
    # An oversight board's and a city council's resolution as filed with their minutes; the same shape
    # with the day and votes left blank is a draft attached to a report.
    from minutebook.ingest.papers.sections import split_sections
    from minutebook.ingest.types import Page
    board = ("RESOLUTION NO. 24-07\n\nRESOLUTION OF THE OVERSIGHT BOARD FOR THE SUCCESSOR AGENCY TO THE\n"
             "REDEVELOPMENT AGENCY OF THE CITY OF PORT HALLEY APPROVING THE ANNUAL\nADMINISTRATIVE BUDGET\n\n"
             "WHEREAS, the Oversight Board was organized pursuant to Section 34179 of the Health and\nSafety Code; and\n"
             "NOW, THEREFORE, THE OVERSIGHT BOARD DOES HEREBY RESOLVE AS FOLLOWS:\n\nSection 1. The Administrative "
             "Budget for 2024-25 is approved.\n\nPASSED AND ADOPTED this 12th day of March, 2024, by the\nfollowing vote:\n"
             "AYES: Members Ortega, Lin and Chair Moss\nNOES: None\nABSENT: Member Hart\nABSTAIN: None\n")
    council = ("Resolution No. 2023-118\nA RESOLUTION OF THE CITY COUNCIL OF THE CITY OF RIVERBEND AUTHORIZING THE\n"
               "CITY MANAGER TO EXECUTE A LEASE FOR THE SENIOR CENTER\nWHEREAS, the City owns the building at 40 Main "
               "Street;\nNOW, THEREFORE, BE IT RESOLVED by the City Council of the City of Riverbend that the City\n"
               "Manager is authorized to execute the lease.\nPASSED, APPROVED AND ADOPTED at a regular meeting held on "
               "the 5th day of December, 2023, by the following vote:\nAYES: Councilmembers Avila, Brooks, Chen, Diaz\n"
               "NOES: Councilmember Evans\nABSTAIN: None\n")
    draft = council.replace("the 5th day of December, 2023", "the ____ day of ________, 2024")
    minutes = "MINUTES\nSpecial Meeting\nTuesday, January 26, 2016\n1. CALL TO ORDER\nChair Moss called the meeting to order.\n"
    report = "STAFF REPORT\nTo: Honorable Mayor and City Council\nFrom: City Manager\nSubject: Senior Center Lease\n"
    found = {}
    for name, first, text in (("board", minutes, board), ("council", minutes, council), ("draft", report, draft)):
        pages = [Page(1, first), Page(2, text)]
        sections = split_sections(pages, name)
        found[name] = [(s.kind, s.meeting_date, s.board) for s in sections if s.last_page == 2]
        if sections[-1].kind == "minutes":
            found[name + " register"] = parse_minutes(pages[1:], sections[-1].board, sections[-1].meeting_date)[1]
    assert found["board"][0][:2] == ("minutes", "2024-03-12") and found["board"][0][2].startswith("Oversight Board")
    assert found["council"][0][:2] == ("minutes", "2023-12-05") and found["council"][0][2] == "City Council of the City of Riverbend"
    (budget,), (lease,) = found["board register"], found["council register"]
    assert (budget.item, budget.outcome, _votes(budget)) == ("Resolution No. 24-07", "approved", (3, 0, 0))
    assert "APPROVING THE ANNUAL ADMINISTRATIVE BUDGET" in budget.text and "2024-25 is approved" in budget.text
    assert (lease.item, _votes(lease), lease.votes.names["against"]) == ("Resolution No. 2023-118", (4, 1, 0), ["Evans"])
    assert found["draft"][0][0] != "minutes" and "draft register" not in found


def test_an_ordinance_introduced_takes_the_motion_after_it_and_reordering_the_agenda_is_no_decision():
    # "Introduction of Ordinance ... Introduced." (a first reading carried) at a council and a county board.
    council = _minutes("Councilmember Ruiz moved approval of hearing the Harbor Lease and the Consent Calendar first "
                       "on the agenda. Vice Mayor Hale seconded the motion, which carried by unanimous voice vote – 5.\n"
                       "REGULAR AGENDA ITEM\n(24-210) Introduction of Ordinance Authorizing the City Manager to Execute a "
                       "Lease with Harbor Rowing Club for the Boathouse. Introduced.\nThe Economic Development Manager "
                       "gave a presentation.\nCouncilmember Ruiz moved introduction of the ordinance.\nCouncilmember Okoro "
                       "seconded the motion, which carried by the following voice vote: Ayes: Councilmembers Okoro, Ruiz, "
                       "Tate and Mayor Brandt – 4. Noes: Vice Mayor Hale – 1.\n")
    county = _minutes("(25-031) First Reading of Ordinance Amending the County Code Regarding Short-Term Rentals. "
                      "Introduced.\nSupervisor Lam moved introduction of the ordinance. Supervisor Oduya seconded the "
                      "motion, which carried by unanimous voice vote – 5.\n")
    lease = [r for r in council if "Harbor" in r.text]
    assert len(lease) == 1 and lease[0].item == "24-210" and lease[0].text.endswith("Boathouse. Introduced.")
    assert (lease[0].outcome, lease[0].mover, _votes(lease[0])) == ("carried", "Councilmember Ruiz", (4, 1, 0))
    assert [(r.item, r.outcome, r.mover, _votes(r)) for r in county] == [("25-031", "carried", "Supervisor Lam", (5, 0, 0))]


def test_a_decision_whose_body_is_named_across_a_line_break_and_which_opens_with_its_own_date():
    # A later meeting's addition printed into earlier minutes, by a commission and a parish council: the
    # decision is read whole and dated by its own words, not by the meeting the minutes record.
    commission = _minutes("6B. Parking Pricing Strategy\nCommission Discussion for #6B\nThe Commission Bylaws allow "
                          "commissioners to request written abstracts. On March 22, 2023, the Transportation\n"
                          "Commission approved adding this abstract provided by Commissioner Reyes: \"The buses should "
                          "be free.\"\n")
    parish = _minutes("04.24.07 Minutes\nA correction was requested by a resident. On 14 May 2024 the Ashwell Parish\n"
                      "Council agreed to add this note to the minutes of April.\n")
    abstract = [r for r in commission if "abstract provided" in r.text]
    assert len(abstract) == 1 and abstract[0].text.startswith("On March 22, 2023, the Transportation Commission approved")
    assert (abstract[0].outcome, abstract[0].meeting_date) == ("approved", "2023-03-22")
    assert [(r.item, r.outcome, r.meeting_date) for r in parish] == [("04.24.07", "agreed", "2024-05-14")]


def _paper(texts: list[str]):
    """The register of a paper's minutes sections, its pages cleaned as ingest cleans them."""
    from minutebook.ingest.papers.sections import split_sections
    from minutebook.ingest.pdf.pages import make_pages
    pages = make_pages(texts)
    sections = split_sections(pages, "minutes")
    return sections, [r for s in sections if s.kind == "minutes"
                      for r in parse_minutes(pages[s.first_page - 1:s.last_page], s.board, s.meeting_date)[1]]


def test_a_long_motion_carried_over_a_page_under_the_minutes_running_title_is_one_motion_with_its_maker():
    # The running title printed atop each later page is no new set of minutes, and the maker named after
    # the motion's words ("... was made by A and seconded by B") moved it: a commission's and a board's minutes.
    art = ["Final\nMINUTES OF THE PUBLIC ART COMMISSION MEETING\nMonday, August 11, 2025\n1. CALL TO ORDER\n"
           "Chairperson Lee called the meeting to order.\n5-A. 2025-118 Mural Relocation\n● Commissioners discussed "
           "the two sites.\n● A motion to set a deadline of September 15th to have the owner's signature for the "
           "Oak Street\nlocation, to default to the Lincoln Park location if no signature is received, and to",
           "Minutes of the Public Art Commission\nMonday, August 11, 2025\nincrease the grant amount by $1,500 was "
           "made by Vice Chairperson Ortiz\nand seconded by Commissioner Shah. Ayes: 4. Nays: none. The\nmotion "
           "carried 4-0.\n5-B. 2025-119 Public Art Update\n● Staff presented the update.",
           "Minutes of the Public Art Commission\nMonday, August 11, 2025\n6. ORAL COMMUNICATIONS\nNone.",
           "Minutes of the Public Art Commission\nMonday, August 11, 2025\n7. ADJOURNMENT\nThe meeting adjourned at 8:07pm."]
    library = ["MINUTES OF THE LIBRARY BOARD MEETING\nWednesday, March 4, 2026\n1. ROLL CALL\nPresent: all members.\n"
               "4-B. Branch Hours\nA motion to extend the Saturday hours of the West End and Bay Farm branches "
               "through\nthe summer, to be reviewed in September with the circulation figures for each branch and the",
               "Minutes of the Library Board\nWednesday, March 4, 2026\nvisitor counts of the pilot program, was made by "
               "Trustee Amari and seconded by Trustee\nBell. The motion passed 5-0.\n5. ADJOURNMENT",
               "Minutes of the Library Board\nWednesday, March 4, 2026\nAttachment: circulation figures.",
               "Minutes of the Library Board\nWednesday, March 4, 2026\nAttachment: visitor counts."]
    for texts, mover, seconder, count in ((art, "Vice Chairperson Ortiz", "Commissioner Shah", (4, 0, 0)),
                                          (library, "Trustee Amari", "Trustee Bell", (5, 0, 0))):
        sections, register = _paper(texts)
        assert [(s.kind, s.first_page) for s in sections] == [("minutes", 1)]
        assert [(r.page, r.outcome, r.mover, r.seconder, _votes(r)) for r in register] == [(1, "carried", mover, seconder, count)]


def test_parish_payments_planning_tables_and_an_agreement_after_them_are_each_read():
    # Two parish/town councils' minutes: a response broken over two lines of a planning table, who proposed
    # and seconded a stated decision printed after it, and "The PC agreed ..." opening its line after a
    # payments table that lists "Invoices to be approved".
    parish = _minutes("09.25.17 Planning – The following planning documents had been received\n"
                      "25/01761/F Rose Cottage High Street\nBicester OX27 7LA\n25/01975/TCA 5 Day Notice 1 x Whitebeam - "
                      "To be removed\n25/01802/F The Old Forge Church Lane\nNew Air Source Heat Pump NO\nOBJECTION\n"
                      "09.25.18 Finance - The following accounts were approved for payment: NO proposed JH seconded\n"
                      "Payee Detail Total £s VAT\nClerk Salary Sept 132.69 0.0\nInvoices to be approved\n"
                      "Grass cut 441.60 73.60\nThe PC agreed to the OALC subscription increase and the voting form will "
                      "be returned by\nthe Clerk\n")
    town = _minutes("7. Planning\n25/00412/HH 4 Mill Lane Single storey rear extension – No\nobjection\n"
                    "8. Budget\nThe budget for 2026/27 was agreed, Cllr Hart proposed, Cllr Moss seconded.\n"
                    "Payee Amount\nZurich insurance 1,204.00\nInvoices to be approved\nSLCC membership 98.00\n"
                    "The Council agreed to renew the insurance with Zurich for three years.\n")
    for register, item, pair in ((parish, "09.25.18", ("NO", "JH")), (town, "8", ("Cllr Hart", "Cllr Moss"))):
        assert any(r.outcome == "agreed" and re.search(r"(?i)pump no objection|extension – no objection", r.text)
                   for r in register)
        stated = [r for r in register if r.item == item and r.mover]
        assert [(r.outcome, r.mover, r.seconder) for r in stated] == [("approved" if item != "8" else "agreed", *pair)]
        assert any(r.item == item and r.outcome == "agreed" and re.match(r"The (?:PC|Council) agreed to", r.text)
                   for r in register)


def test_accounts_approved_above_a_payments_table_that_lists_invoices_to_be_approved_are_a_decision():
    # A parish's numbered minute heading and a town council's paragraph, each run on into a table with no
    # full stop: what is "to be approved" later is no decision, what was approved above it is.
    parish = _minutes("08.25.11 Finance - The following accounts were approved for payment\nPaid by standing order\n"
                      "Payee Detail Total £s VAT\nClerk Salary 126.29 0.0\nInvoices to be approved\nGrass cut 441.60 73.60\n"
                      "08.25.12 Date of next meeting\n")
    town = _minutes("7 Planning\nNothing received\n8. Finance The following payments were approved:\nPaid by standing order "
                    "in February\nPayee Detail Total £s VAT\nClerk Salary (Feb) 82.00 0.0\nTo be approved at the 25th March "
                    "meeting\nVillage Hall insurance 154.85 0.00\n")
    assert [(r.item, r.outcome) for r in parish] == [("08.25.11", "approved")]
    assert parish[0].text.startswith("08.25.11 Finance - The following accounts were approved for payment")
    assert [r.outcome for r in town] == ["approved"] and "The following payments were approved" in town[0].text


def test_a_planning_authoritys_decision_labelled_with_a_dash_is_no_decision_of_the_council_but_resolved_dash_is():
    # A parish's and a town council's planning lists: "Decision - ..." reports the district's decision and
    # must not hide the council's own responses; "Resolved – That ..." is still the council's decision.
    parish = _minutes("05.26.17 Planning –The following planning documents had been received:\n25/00971/LB The Rock "
                      "The Hill\nReplacement of damaged windows with like-for-like\nNO OBJECTION\n\nDecision  -  NoI of "
                      "treework to Ash tree at the Village Hall\n")
    town = _minutes("6. Planning\n25/01200/F 12 Station Road two storey side extension - No objection\n"
                    "Decision – Permitted: 25/00877/HH 3 Bell Lane\n7. Local Plan\nResolved – That the Town Council "
                    "responds to the Local Plan consultation as drafted.\n")
    assert [r.outcome for r in parish] == ["agreed"] and parish[0].text.endswith("like-for-like NO OBJECTION")
    assert not any("NoI of treework" in r.text or "Permitted" in r.text for r in parish + town)
    assert [(r.item, r.outcome) for r in town if "No objection" in r.text] == [("6", "agreed")]
    assert [r.item for r in town if r.text.startswith("That the Town Council responds")] == ["7"]


def test_no_objections_stated_in_a_sentence_is_the_councils_response_but_one_recounted_is_not():
    parish = _minutes("6 Planning:\nb. 13/00891/F – WV Malins & Son – No objections were raised to an extension to the\n"
                      "existing barn at Wharf Farm.\nd. 13/00710/LB – Dr R Sanders – No objections from the Council, "
                      "awaiting decision.\ne. Solar panels at the Manor and the Church\nNo objections had been raised by "
                      "the PC to any of these applications and they\nhave all now been passed.\n")
    town = _minutes("5. Planning applications\n25/00931/HH 14 Kiln Road – rear dormer – no objections were raised by "
                    "members.\n25/01002/F Land off Mill Lane – two dwellings – no objections from the Town Council "
                    "subject to drainage conditions.\n")
    assert [r.outcome for r in parish] == ["agreed", "agreed"]
    assert "Wharf Farm" in parish[0].text and "Dr R Sanders" in parish[1].text
    assert [r.outcome for r in town] == ["agreed", "agreed"] and "Kiln Road" in town[0].text


def test_the_two_bodies_of_a_joint_meeting_agreeing_is_a_decision():
    subcommittee = _minutes("3. Emergency Readiness\nCity staff noted they would seek feedback from the Principal. Both "
                            "entities agreed that a refresher course at the beginning of every school year would be "
                            "helpful.\n")
    joint = _minutes("4. Shared Services\nBoth boards agreed to bring the shared dispatch agreement back in March with "
                     "costs for each agency.\n")
    assert [r.outcome for r in subcommittee] == ["agreed"] and "refresher course" in subcommittee[0].text
    assert [r.outcome for r in joint] == ["agreed"] and joint[0].text.startswith("Both boards agreed")


def test_items_joined_by_and_share_the_outcome_printed_at_the_end_of_their_run():
    # A joint council and successor agency meeting, and a joint council and housing authority meeting:
    # "(...) ...; and" with no outcome of its own, then the last item's "Accepted." / "Adopted."; a file
    # number may carry a sub-item letter and the body ("(12-001 A HABOC)").
    agency = _minutes("CONSENT CALENDAR\n(14-004 SACIC) Recommendation to Approve a Form of Easement Agreement with the "
                      "Power Association for a Portion of a Gas Pipeline; and\n(14-012 CC) Recommendation to Approve a Form "
                      "of Easement Agreement with the Power Association for the City's Portion. Accepted.\n")
    housing = _minutes("AGENDA ITEM\n(12-017 CC) Resolution No. 14634, “Electing Not to Retain the Housing Assets.” Adopted; "
                       "and\n(12-001 A HABOC) Resolution No. 836, “Agreeing to Assume the Housing Activities.” Adopted.\n"
                       "Councilmember/Commissioner Lee moved adoption of the resolutions. Councilmember/Commissioner Park "
                       "seconded the motion, which carried by unanimous voice vote – 6.\n")
    assert [(r.item, r.outcome) for r in agency] == [("14-004 SACIC", "approved"), ("14-012 CC", "approved")]
    assert [(r.item, r.outcome, _votes(r)) for r in housing] == [("12-017 CC", "approved", (6, 0, 0)),
                                                                 ("12-001 A HABOC", "approved", (6, 0, 0))]


def test_a_motion_to_continue_this_item_or_to_bring_back_minutes_puts_the_matter_off():
    planning = _minutes("9-B. Use Permit PLN24-0042 - 1200 Harbor Way\nBoard member Quill moved and Vice President Sato "
                        "seconded the\nmotion to continue this item to the meeting of 10/14/24. The motion passed 6-0.\n")
    transport = _minutes("5A. Approve Meeting Minutes - March 6, 2024\nChair Ibarra made a motion to bring back these "
                         "minutes with more detail. Commissioner Yoon seconded the motion. The motion passed 6-0.\n"
                         "6. Public Comment\nStated the lights were missed; urged Council to bring back the matter: A. "
                         "Resident.\n")
    assert [(r.item, r.outcome) for r in planning] == [("9-B", "deferred")]
    assert [(r.item, r.outcome) for r in transport] == [("5.A", "deferred")]


def test_a_seconder_named_at_the_end_of_a_sentence_is_only_the_name():
    panel = _minutes("5-G. Retail strategy\nMs. Ruiz moved to endorse the strategy, seconded by Mr. Winters. The Panel "
                     "unanimously voted in favor.\n")
    commission = _minutes("6-A. Bicycle plan\nCommissioner Ward moved to adopt the plan, seconded by Commissioner Tate. "
                          "The Commission voted 5-0.\n")
    assert [(r.mover, r.seconder) for r in panel] == [("Ms. Ruiz", "Mr. Winters")]
    assert [(r.mover, r.seconder, _votes(r)) for r in commission] == [("Commissioner Ward", "Commissioner Tate", (5, 0, 0))]


def test_minutes_moved_for_approval_in_the_passive_name_their_mover_even_when_the_heading_starts_the_sentence():
    pension = _minutes("MINUTES OF THE REGULAR MEETING\n1. CALL TO ORDER\nThe meeting was called to order at 4:30 p.m.\n"
                       "3. MINUTES: The minutes of the Regular Meeting of October 26, 2024 were\nmoved for approval by "
                       "Member Follet and seconded by Member Enzo. Passed\n5-0.\n4. CONSENT CALENDAR\n")
    town = _minutes("1. Apologies\nNone.\n2. Minutes\nThe minutes of the meeting held on 12 March 2025 were moved for "
                    "adoption by Cllr Price and seconded by Cllr Hale. Carried unanimously.\n")
    assert [(r.item, r.outcome, r.mover, r.seconder, _votes(r)) for r in pension] == [
        ("3", "carried", "Member Follet", "Member Enzo", (5, 0, 0))]
    assert [(r.item, r.outcome, r.mover, r.seconder) for r in town] == [("2", "carried", "Cllr Price", "Cllr Hale")]


def test_a_motion_to_reorder_the_agenda_known_by_its_outcome_line_is_no_entry():
    committee = _minutes("2. AGENDA CHANGES\nMotion and second to move Agenda Item 7-H to the beginning of New Business\n"
                         "(Vice Chair Moss and Member Grant). Motion passed 3-0.\n3. STAFF ANNOUNCEMENTS\nNone.\n"
                         "5-A. Approval of the Minutes of the August 20, 2025 Special Meeting.\nMotion and second to "
                         "approve the minutes (Members Grant and Lee). Motion passed 3-0.\n")
    commission = _minutes("3. AGENDA\nMotion and second to move agenda items 6-A and 6-B to the end of the agenda\n"
                          "(Commissioners Abe and Ruiz). Motion carried 5-0.\n")
    assert [(r.item, r.outcome, _votes(r)) for r in committee] == [("5-A", "carried", (3, 0, 0))]
    assert commission == []


def test_who_moved_and_seconded_the_adjournment_is_no_entry():
    board = _minutes("5. ORAL COMMUNICATIONS - NONE\n6. ADJOURNMENT\nThe meeting was adjourned at 8:02 PM\n"
                     "M/S Young / Hale  Unanimous\nRespectfully submitted by:\nJ. Frank, Secretary\n")
    commission = _minutes("7. NEW BUSINESS\nM/S Commissioner Abe / Commissioner Ruiz to adopt the work plan. Motion carried "
                          "5-0.\nADJOURNMENT\nMotion to adjourn\nM/S Commissioner Navarro / Commissioner Jones\nMotion "
                          "carried by the following voice vote: All in favor with a 5 ayes via roll call vote.\n")
    assert board == []
    assert [(r.item, r.mover, _votes(r)) for r in commission] == [("7", "Commissioner Abe", (5, 0, 0))]
