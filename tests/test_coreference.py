"""A report names a scheme once and then writes "the project": a question naming the scheme still
finds the passage that answers it."""
from __future__ import annotations

from minutebook.ingest.papers.coreference import referents

# From the sample's December 2018 pack (pages 13 and 14), as the reader gives them.
NAMED = ("12. The Ministry of Housing, Communities and Local Government (MHCLG)\n"
         "announced the availability of £19 million of funding nationally. The funding allocation for this\n"
         "project (The Hope Project) has been approved by MHCLG. The funding will provide:")
BULLETS = "• 21 additional units (beds) of refuge accommodation including 12 BAME specialist\nunits."
ANSWER = ("• Academic evaluation of the project.\n"
          "13. Implementation of the project will commence in January 2019 and will run until\n"
          "the end of March 2020.")


def test_the_project_two_passages_on_is_the_hope_project():
    assert referents([NAMED, BULLETS, ANSWER]) == ["", "", "Hope Project"]


def test_a_passage_that_names_the_scheme_itself_gains_nothing():
    assert referents([NAMED, "The Hope Project and the project board met."]) == ["", ""]


def test_the_latest_scheme_of_that_kind_is_the_one_meant():
    texts = ["Spending from the Household Support Fund was reported.",
             "Bids to the Safer Streets Fund closed in May.",
             "The fund will pay for two wardens."]
    assert referents(texts)[2] == "Safer Streets Fund"


def test_table_cells_and_a_capitalised_role_are_not_schemes():
    texts = ["The Youth\nService Plan", "the Project Manager will report on the service."]
    assert referents(texts) == ["", ""]

