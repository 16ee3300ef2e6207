"""A member follows a budget from Cabinet to Council: `lineage` lists each body's step with its outcome."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from minutebook.assistant.cli import main
from conftest import index_of
from minutebook.ingest.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "lineage"


@pytest.fixture(scope="module")
def district(tmp_path_factory, embedder) -> Settings:
    return index_of(FIXTURES, tmp_path_factory, embedder, "district")


def test_the_budget_goes_from_cabinet_recommendation_to_council_approval_in_date_order(district, capsys):
    assert main(["lineage", "revenue budget 2025-26", "--index", str(district.index), "--json"]) == 0
    steps = json.loads(capsys.readouterr().out)
    assert [(s["meeting_date"], s["board"], s["outcome"]) for s in steps] == [
        ("2025-01-20", "Cabinet", "recommended"), ("2025-02-20", "Council", "approved")]
    council = steps[1]
    assert council["votes"] == "For 4, Against 2, Abstain 0" and council["amendments"] == "1 amendment lost"
    assert council["page"] == 1 and council["quote"].startswith("that the revenue budget for 2025-26")


def test_the_readable_lineage_numbers_the_steps(district, capsys):
    assert main(["lineage", "revenue budget 2025-26", "--index", str(district.index)]) == 0
    out = capsys.readouterr().out
    assert "1. 20 January 2025  Cabinet: recommended" in out
    assert "2. 20 February 2025  Council: approved; For 4, Against 2, Abstain 0; 1 amendment lost" in out


# --- A Cabinet with no minutes in the archive: its report and later papers say what it did -------

REPORTS = Path(__file__).parent / "fixtures" / "lineage_report"


@pytest.fixture(scope="module")
def borough(tmp_path_factory, embedder) -> Settings:
    return index_of(REPORTS, tmp_path_factory, embedder, "borough")


def test_a_cabinet_known_only_by_its_report_recommended_the_budget_that_council_approved(borough, capsys):
    assert main(["lineage", "General Fund budget 2025-26", "--index", str(borough.index), "--json"]) == 0
    steps = json.loads(capsys.readouterr().out)
    assert [(s["meeting_date"], s["board"], s["outcome"]) for s in steps] == [
        ("2025-01-27", "Cabinet", "recommended to Council"), ("2025-02-24", "Council", "approved")]
    cabinet, council = steps
    assert cabinet["quote"].startswith("Cabinet is asked to:") and "to be presented to Council" in cabinet["quote"]
    assert council["votes"] == "For 5, Against 1, Abstain 0"


def test_a_call_in_reads_the_decision_then_scrutiny_then_cabinet_reconsidering_then_council(borough, capsys):
    assert main(["lineage", "Library Opening Hours", "--index", str(borough.index)]) == 0
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if line[:1].isdigit()]
    assert lines == ["1. 6 January 2025  Cabinet Member for Communities: decision taken",
                     "2. 14 January 2025  Overview and Scrutiny Committee: called in, referred to full Council; unanimous",
                     "3. 11 February 2025  Cabinet: reconsidered",
                     "4. 24 February 2025  Council: agreed"]
    # the first three steps are known from the report to Council that recounts them, and cite it
    assert out.count("callin_report, Council, 24 February 2025, p. 1") == 3


# --- The same readers on the real papers (text only: no index, no model) ----------------------

KENT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real" / "kent"
real = pytest.mark.skipif(not KENT.exists(), reason="the real corpus (../shared/corpus/real) is not in this checkout")


def _pages(path: Path) -> list[tuple[int, str]]:
    from pypdf import PdfReader

    return [(n, page.extract_text() or "") for n, page in enumerate(PdfReader(path).pages, start=1)]


@real
def test_the_real_cabinet_budget_report_asks_cabinet_to_endorse_the_budget_for_county_council():
    from minutebook.assistant.lineage_text import ask

    report = KENT / "cabinet" / "2025-01-30" / "originals" / (
        "Draft Revenue Budget 2025-26 MTFP 2025-28 Draft Capital Programme 2025-35 and Treasury Management .pdf")
    asked = ask(_pages(report), "Cabinet")
    assert (asked.body, asked.verbs, asked.onward, asked.page) == ("Cabinet", ["consider", "endorse"], "County Council", 2)


@real
def test_the_real_council_papers_recount_cabinet_endorsing_the_budget_and_the_family_hubs_call_in():
    from minutebook.assistant.lineage_text import recounts

    budget = KENT / "full_council" / "2025-02-13" / "originals" / "Council Covering Report 2025-26 Budget - FINAL.pdf"
    told = [(r.meeting_date, r.body, r.outcome, r.onward) for r in recounts(_pages(budget), "2025-02-13")]
    assert ("2025-01-30", "Cabinet", "endorsed", ("recommended", "full Council")) in told
    call_in = KENT / "full_council" / "2025-03-13" / "originals" / (
        "Scrutiny Committee - call-in Family Hubs Report to County Council - Final.pdf")
    told = {(r.meeting_date, r.body, r.outcome) for r in recounts(_pages(call_in), "2025-03-13")}
    assert {("2025-01-17", "Executive", "decision taken"), ("2025-01-29", "Scrutiny Committee", "called in"),
            ("2025-03-04", "Cabinet", "reconsidered")} <= told
