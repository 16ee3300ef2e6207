"""The JSON every command prints on the sample corpus is the JSON it printed when these copies were
recorded (tests/cli_json.py, from commit 5d2bf53 on main; status.json again from 9a8398f, whose fetch
merge added each paper's portal fields, and with reader 7 from the reg-meetings branch, whose
READER_VERSION bumps are its only change to the sample's JSON; the asks again after the answers merge,
whose citations gain `read`, empty on the sample's printed pages; the asks and status.json on the
guard branch, whose answers gain `notice` and whose READER_VERSION is 8; reader 9 from the procs branch,
its only change to the sample's JSON; reader 10 from the readnote branch and 11 at the reg24 merge, likewise), byte for byte but
for the index's path and the clock: scripts that read it keep working through a change that should not change behaviour. A change
that means to change an answer records the copies again and says so in its commit."""
from __future__ import annotations

import pytest

from cli_json import COMMANDS, RECORDED, outputs

pytestmark = pytest.mark.model


def test_every_commands_json_is_the_recorded_json(corpus_index, tmp_path):
    # corpus_index: the sample is embedded once for the run, so this ingest reads the embedding cache.
    found = outputs(tmp_path / "index")
    assert set(found) == {"ingest", *COMMANDS}
    changed = [name for name, text in found.items() if text != (RECORDED / f"{name}.json").read_text()]
    assert not changed, f"JSON differs from tests/fixtures/cli-json/ for: {changed}"
