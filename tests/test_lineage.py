"""A member follows a budget from Cabinet to Council: `lineage` lists each body's step with its outcome."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.cli import main
from ingest.pipeline import ingest
from ingest.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "lineage"


@pytest.fixture(scope="module")
def district(tmp_path_factory, embedder) -> Settings:
    settings = Settings(index=tmp_path_factory.mktemp("district") / "index")
    ingest([FIXTURES], settings, embedder)
    return settings


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
