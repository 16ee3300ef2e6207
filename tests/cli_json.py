"""The CLI's JSON on the sample corpus, normalised, for tests/test_cli_json.py and for recording.

`python tests/cli_json.py DIR` ingests corpus/ into DIR/index and writes each command's JSON to
tests/fixtures/cli-json/ (run it from the commit whose output is the reference). Only what changes
between two runs of the same code is normalised: the index's absolute path and the clock.
"""
from __future__ import annotations

import contextlib
import io
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RECORDED = ROOT / "tests" / "fixtures" / "cli-json"

# name -> the command's arguments (--index and --json are added).
COMMANDS = {
    "search-motorcyclists": ["search", "free course for motorcyclists"],
    "search-filtered": ["search", "hate crime", "--board", "safer communities", "--since", "2018-01-01",
                        "--type", "minutes"],
    "search-bm25": ["search", "Sentinel system", "--mode", "bm25", "-k", "3"],
    "ask-biker-down": ["ask", "What is Biker Down?"],
    "ask-resolved": ["ask", "What did the Board resolve about the Strategic Partnership Board update in October 2018?"],
    "ask-sentinel": ["ask", "What is the latest position on the Sentinel system?"],
    "ask-abstains": ["ask", "What is the price of a pint of milk on the moon?"],
    "resolutions": ["resolutions"],
    "resolutions-topic": ["resolutions", "--topic", "hate crime strategy"],
    "actions": ["actions"],
    "timeline": ["timeline", "Sentinel"],
    "lineage": ["lineage", "hate crime"],
    "status": ["status"],
}

_CLOCK = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?")


def run(argv: list[str]) -> tuple[int, str]:
    """`minutebook ARGV` in this process: (exit status, stdout)."""
    from minutebook.assistant.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(argv)
    return code, out.getvalue()


def normalise(text: str, index: Path) -> str:
    """The JSON with the index's path and timestamps replaced by placeholders (all else byte for byte)."""
    text = text.replace(json.dumps(str(Path(index).resolve()))[1:-1], "<INDEX>")
    text = text.replace(json.dumps(str(index))[1:-1], "<INDEX>")
    return _CLOCK.sub("<TIME>", text)


def outputs(index: Path) -> dict[str, str]:
    """Every command's normalised JSON on the index at `index`, the ingest first (made here)."""
    code, ingested = run(["ingest", str(ROOT / "corpus"), "--index", str(index), "--json"])
    assert code == 0, ingested
    found = {"ingest": normalise(ingested.replace(str(ROOT / "corpus"), "<CORPUS>"), index)}
    for name, argv in COMMANDS.items():
        code, out = run(argv + ["--index", str(index), "--json"])
        assert code == 0, (name, out)
        found[name] = normalise(out, index)
    return found


if __name__ == "__main__":
    RECORDED.mkdir(parents=True, exist_ok=True)
    for name, text in outputs(Path(sys.argv[1]) / "index").items():
        (RECORDED / f"{name}.json").write_text(text)
        print(f"recorded {name}.json ({len(text)} bytes)")
