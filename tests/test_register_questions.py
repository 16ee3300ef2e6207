"""A member asks what was decided and how the vote went: the register answers from four councils' minutes.

Ingests the small minutes in tests/fixtures/decisions (an English district panel, a county council
budget debate with recorded votes, US action minutes, an Ontario township) with the real model.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from minutebook.assistant.answering import Assistant
from minutebook.assistant.cli import main
from minutebook.assistant.search import Searcher
from minutebook.assistant.timeline import timeline
from conftest import index_of
from minutebook.ingest.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "decisions"


@pytest.fixture(scope="module")
def councils(tmp_path_factory, embedder) -> Settings:
    return index_of(FIXTURES, tmp_path_factory, embedder, "councils")


def _resolutions(councils, capsys, *args) -> list[dict]:
    assert main(["resolutions", "--index", str(councils.index), "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_register_filters_on_outcome_body_and_mover(councils, capsys):
    lost = _resolutions(councils, capsys, "--outcome", "lost")
    # 24-104 died for lack of a second; 24-107's roll call was 2 ayes to 3 noes, with no outcome word.
    assert {(e["entry"], e["item"]) for e in lost} == {("amendment", "41"), ("motion", "42"), ("motion", "5.B"),
                                                      ("motion", "Resolution No. 2025-120"),
                                                      ("motion", "24-104"), ("motion", "24-107")}
    amendment = next(e for e in lost if e["entry"] == "amendment")
    assert amendment["votes"]["for"] == 3 and amendment["votes"]["against"] == 6 and amendment["page"] == 1
    budget = next(e for e in _resolutions(councils, capsys) if e["id"] == amendment["amends"])
    assert budget["outcome"] == "approved" and "£812.44m" in budget["text"]
    moved = _resolutions(councils, capsys, "--moved-by", "Brooks", "--body", "Maple Lake")
    assert [e["item"] for e in moved] == ["Resolution No. 2025-119"]


def test_csv_carries_outcome_movers_and_counts(councils, capsys):
    assert main(["resolutions", "--index", str(councils.index), "--csv", "--outcome", "carried"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert any(",amendment,carried,Mr Evans,Mrs Dean,7,2,1," in row for row in rows)


@pytest.fixture(scope="module")
def assistant(councils, embedder):
    a = Assistant(councils, embedder)
    yield a
    a.close()


def test_was_the_amendment_carried_is_answered_from_the_register_with_the_vote_and_page(assistant):
    answer = assistant.ask("Was the amendment on rural bus shelters carried?")
    assert not answer.abstained
    assert "lost" in answer.text and "For 3, Against 6, Abstain 1" in answer.text and "Ms Blake" in answer.text
    cited = answer.citations[0]
    assert cited.page == 1 and cited.quote == "Amendment lost." and cited.reference.startswith("Minute 41")


def test_who_moved_and_how_many_voted_against(assistant):
    who = assistant.ask("Who seconded the motion on local bus services?")
    assert "Ms Blake" in who.text and "Mr Irwin proposed" in who.citations[0].quote
    against = assistant.ask("How many voted against the plow truck purchase?")
    assert "Against 2" in against.text and "Councillor Brooks" in against.text


def test_timeline_steps_carry_the_outcome(councils, embedder):
    searcher = Searcher(councils, embedder)
    try:
        events = timeline(searcher, "rural bus grant")
    finally:
        searcher.close()
    decided = [e for e in events if e.outcome]
    assert decided and decided[0].outcome == "lost" and decided[0].votes == "For 2, Against 8, Abstain 0"


def test_a_count_asked_of_an_item_minuted_without_one_is_not_another_items_vote(assistant):
    answer = assistant.ask("How many commissioners voted for the Tree Protection Guidelines at the Bayview "
                           "Planning Commission on October 7, 2024?")
    assert answer.abstained and "no count" in answer.text and "4-C" in answer.text
    assert "5-0" not in answer.text and "For 4" not in answer.text  # the items either side were counted


def test_the_answer_names_the_matter_the_motion_decided_and_who_moved_it(assistant):
    answer = assistant.ask("What condition did the Bayview Planning Commission attach to the design review for "
                           "210 Marsh Street on October 7, 2024, and who moved it?")
    assert "awning be set back two feet" in answer.text and "Tanaka" in answer.text and "Abara" in answer.text
    assert all(c.page == 1 for c in answer.citations)


def test_what_became_of_one_matter_at_a_named_meeting_is_its_own_entry(assistant):
    answer = assistant.ask("What did the Hartwell Parish Council decide on 14 March 2024 about the bus shelter repairs?")
    assert "discuss this at the May meeting" in answer.text and "Greenway" not in answer.text


def test_a_figure_the_minutes_never_report_is_declined_not_answered_with_another_line(assistant):
    # The finance minute names the bank, and reports no balance: the approved payment is no answer.
    answer = assistant.ask("What bank balance was reported to the Ashby Parish Council at its meeting of 9 May 2024?")
    assert answer.abstained and "£240" not in answer.text
    paid = assistant.ask("How much was paid to the grass contractor at the Ashby Parish Council meeting of 9 May 2024?")
    assert not paid.abstained and "£240" in paid.text


def test_what_became_of_a_members_motion_is_its_register_entry_with_the_outcome_quoted(assistant):
    # A city council's motion that died for want of a second; a county council's amendment voted down.
    answer = assistant.ask("What happened to Councilmember Nguyen's motion on the Shore Road resurfacing contract?")
    assert not answer.abstained and "24-104" in answer.text and "was lost" in answer.text
    assert answer.citations[0].quote == "The motion failed for lack of a second."
    answer = assistant.ask("What became of Ms Blake's amendment on rural bus shelters?")
    assert "was lost" in answer.text and "For 3, Against 6" in answer.text
    assert answer.citations[0].quote == "Amendment lost."
