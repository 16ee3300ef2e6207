"""A member asks for the vote on approving one set of draft minutes at a meeting that approved three
("the draft minutes of June 10, 2019" at the Planning Board of 23 September 2019): the answer gives that
item's vote and its own motion, not the next item's, although every item shares the same words.
Real minutes of a Californian planning board, from ../shared (skipped where it is absent)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import index_of
from minutebook.assistant.answering import Assistant

REAL = Path(os.environ.get("MINUTEBOOK_REAL_CORPUS", Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "real"))
PAPER = REAL / "more" / "us-ca-alameda-planning-board" / "2019-09-23.pdf"
pytestmark = pytest.mark.skipif(not PAPER.is_file(), reason="../shared/corpus/real/more is not beside this clone")


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    folder = tmp_path_factory.mktemp("planning-board")
    shutil.copy(PAPER, folder / "planning-board-2019-09-23.pdf")
    a = Assistant(index_of(folder, tmp_path_factory, embedder, "planning-board-index"), embedder)
    yield a
    a.close()


def test_the_minutes_named_by_their_date_are_the_item_answered(assistant):
    answer = assistant.ask("At the Alameda Planning Board meeting of 23 September 2019, what was the vote on approving "
                           "the draft minutes of June 10, 2019, and who abstained?")
    assert "Minute 8-A" in answer.text and "4-0 (Saheba, Hom, and Ruiz abstained)" in answer.text
    assert "continue the item" not in answer.text  # another item's motion that begins with the same words
    answer = assistant.ask("At the Alameda Planning Board meeting of 23 September 2019, what was the vote on approving "
                           "the draft minutes of July 8, 2019?")
    assert "Minute 8-B" in answer.text and "6-0-1" in answer.text
