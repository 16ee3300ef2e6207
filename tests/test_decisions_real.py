"""The register on real minutes of other bodies, scored against gold/decisions.jsonl (parse only, no model)."""
from __future__ import annotations

import pytest

from evals.decisions_real import REAL, compare, load_gold, parsed_entries

pytestmark = pytest.mark.skipif(not (REAL / "gold" / "decisions.jsonl").exists(),
                                reason="the real corpus (../shared/corpus/real) is not in this checkout")


def test_every_decision_in_the_real_minutes_is_found_with_its_outcome_and_vote():
    gold = load_gold(REAL)
    result = compare(parsed_entries(REAL, sorted({g["source"] for g in gold})), gold)
    assert result["recall"] >= 0.90, result["misses"]
    assert result["precision_with_genuine_extras"] >= 0.90, result["extras"]
    assert result["outcome_accuracy"] >= 0.95, result["wrong_outcomes"]
    assert result["exact_vote_rate"] == 1.0, result["wrong_votes"]
