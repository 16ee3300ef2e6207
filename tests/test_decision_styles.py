"""Decisions, votes and movers read from minutes as other councils print them (fast: no model).

Each fixture under tests/fixtures/decisions is a council's minutes in one house style: an English
district's "Minute CSP/NN/YY", a full council debate with recorded votes, US action minutes and
an Ontario township's numbered resolutions.
"""
from __future__ import annotations

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
