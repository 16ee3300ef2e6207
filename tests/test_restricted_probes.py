"""Issue 29, items 1, 4 and 5: a clerk ingests the probe papers (tests/fixtures/restricted/probes.py)
and a member of the public, with restricted papers off, follows a matter's lineage, lists the
index and searches: no restricted decision, no title naming exempt matter, and no exempt report
saved again as a file of its own is shown."""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from conftest import index_of
from minutebook.ingest.pipeline import ingest
from minutebook.ingest.settings import Settings

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "restricted"))
import probes  # noqa: E402
from probes import KESTREL, MARIGOLD, OSPREY, PELHAM, TITLE_WORD  # noqa: E402


@pytest.fixture(scope="module")
def probe_index(tmp_path_factory, embedder) -> Settings:
    return index_of(probes.write_all(tmp_path_factory.mktemp("probes") / "papers"), tmp_path_factory, embedder, "probe")


def run(capsys, *argv) -> str:
    from minutebook.assistant.cli import main

    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_following_a_matter_decided_on_a_restricted_page_shows_the_public_minute_not_the_decision(probe_index, capsys):
    # Minute 14 opens on a public page; its decision (sold to Pelham Estates) is on a restricted one.
    index = str(probe_index.index)
    for fmt in ("--json", None):
        shown = run(capsys, "lineage", "Riverside Car Park", "--index", index, *([fmt] if fmt else []))
        assert PELHAM not in shown and "3.1 million" not in shown
        assert "Riverside Car Park" in shown  # the public minute is still a step
    shown = run(capsys, "timeline", "Riverside Car Park", "--index", index, "--json")
    assert PELHAM not in shown and "3.1 million" not in shown
    allowed = run(capsys, "lineage", "Riverside Car Park", "--index", index, "--json", "--include-restricted")
    assert PELHAM in allowed  # an officer allowed to see it still does


def test_a_pdf_title_naming_the_exempt_matter_is_never_shown(probe_index, capsys):
    index = str(probe_index.index)
    outputs = [run(capsys, "status", "--index", index, "--json"), run(capsys, "status", "--index", index),
               run(capsys, "resolutions", "--index", index, "--json"),
               run(capsys, "search", "allotment waiting list", "--index", index, "--json", "-k", "20"),
               run(capsys, "search", "street lighting", "--index", index, "--json", "-k", "20"),
               run(capsys, "ask", "How many households are on the allotment waiting list?", "--index", index, "--json")]
    for shown in outputs:
        for secret in (KESTREL, TITLE_WORD, OSPREY):
            assert secret not in shown
    papers = json.loads(outputs[0])["documents_list"]
    assert {p["title"] for p in papers} >= {"public", "pack"}  # the file's name stands in for the withheld title


def test_an_exempt_report_saved_as_its_own_file_is_restricted_like_the_pack_that_exempts_it(probe_index, capsys):
    index = str(probe_index.index)
    for query in ("depot refurbishment winter", "award the depot contract to the second bidder", MARIGOLD):
        for mode in ("hybrid", "bm25", "dense"):
            assert MARIGOLD not in run(capsys, "search", query, "--mode", mode, "-k", "20", "--index", index, "--json")
    allowed = json.loads(run(capsys, "search", "depot refurbishment winter", "--index", index, "--json",
                             "--include-restricted", "-k", "20"))
    assert any("depot-copy.pdf" in {s["source"] for s in h["sources"]} for h in allowed)


def test_the_exempt_copy_is_restricted_when_it_was_ingested_before_the_pack(tmp_path, embedder, capsys):
    papers = probes.write_all(tmp_path / "papers")
    first, later = tmp_path / "first", tmp_path / "later"
    first.mkdir()
    later.mkdir()
    shutil.move(papers / "depot-copy.pdf", first / "depot-copy.pdf")
    shutil.move(papers / "pack.pdf", later / "pack.pdf")
    settings = Settings(index=tmp_path / "index")
    ingest([first], settings, embedder)
    before = run(capsys, "search", "depot refurbishment winter", "--index", str(settings.index), "--json")
    assert MARIGOLD in before  # alone, nothing says the copy is exempt
    ingest([later], settings, embedder)
    after = run(capsys, "search", "depot refurbishment winter", "--index", str(settings.index), "--json", "-k", "20")
    assert MARIGOLD not in after


def test_a_public_paper_overwritten_by_an_exempt_one_is_not_drawn_until_ingested_again(tmp_path, embedder,
                                                                                         monkeypatch):
    # Issue 29, item 3: the viewer draws and offers only the file whose hash the index holds.
    from conftest import open_app
    from test_restricted import shown_text

    papers = probes.write_all(tmp_path / "papers")
    for name in ("pack.pdf", "property.pdf", "depot-copy.pdf"):
        (papers / name).rename(tmp_path / name)
    settings = Settings(index=tmp_path / "index")
    ingest([papers], settings, embedder)
    shutil.copy(tmp_path / "property.pdf", papers / "public.pdf")  # not yet ingested

    at = open_app(monkeypatch, settings.index, "search")
    at.text_input(key="search-query").input("library opens on Sundays").run()
    next(t for t in at.toggle if t.key.startswith("search-1-")).set_value(True).run()
    assert not at.exception, at.exception
    assert len(at.image) == 0 and not at.get("download_button")
    assert any("changed since it was ingested" in w.value for w in at.warning)
    assert OSPREY not in shown_text(at)
    assert "central library now opens on Sundays" in shown_text(at)  # the text the index holds is still shown


def test_a_public_item_after_an_exempt_one_in_a_two_page_file_stays_public(tmp_path):
    # Issue 29, smaller: two stamped items, one page each; the stamps repeat on every page, so they
    # are read as a running header, and must still start the second item.
    from make_pack import NOTICE
    from minutebook.ingest.pipeline import parse_document

    pdf = probes._pdf(tmp_path / "items 5 and 6.pdf", [
        f"Agenda Item 5\n{NOTICE}\nLand at Mill Lane\nReport of the Head of Property\n"
        "1. The Board is asked to approve the sale of the land at Mill Lane.",
        "Agenda Item 6\nLibrary Opening Hours\nReport of the Head of Libraries\n"
        "1. The Board is asked to note that the central library now opens on Sundays."])
    doc = parse_document(pdf, pdf.name, Settings())
    assert [p.restricted for p in doc.pages] == [True, False]
    assert [(s.item, s.restricted) for s in doc.sections] == [("5", True), ("6", False)]
