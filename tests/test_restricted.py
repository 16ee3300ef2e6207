"""Restricted papers stay out (issue 13, items 3-7): a clerk ingests a pack whose exempt parts are
marked the way councils mark them — a notice printed once at the head of a report, an agenda that
excludes the public for an item, a minute whose decision runs onto a page a notice heads — and a
member of the public, with restricted papers switched off, finds none of it by any command or
any page of the app."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from conftest import CORPUS, PACK_2018, RESTRICTED_PASSWORD, index_of, open_app, unlock_restricted
from minutebook.ingest.pipeline import ingest, parse_document
from minutebook.ingest.papers.restriction import exempt_items, has_notice
from minutebook.ingest.papers.sections import AgendaItem
from minutebook.ingest.settings import Settings

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "restricted"))
import make_pack  # noqa: E402
from make_pack import KESTREL, MARIGOLD, PELHAM, SECRETS  # noqa: E402

PACK = "northfield_pack.pdf"


@pytest.fixture(scope="module")
def pack_pdf(tmp_path_factory) -> Path:
    return make_pack.write(tmp_path_factory.mktemp("papers") / PACK)


def restricted_pages(path: Path) -> list[int]:
    return [p.number for p in parse_document(path, path.name, Settings()).pages if p.restricted]


# ---- Which pages a notice and an agenda restrict (no model needed) ----------------------------------

def test_a_notice_on_a_reports_first_page_restricts_every_page_of_that_report(pack_pdf):
    doc = parse_document(pack_pdf, PACK, Settings())
    harbour = next(s for s in doc.sections if s.title == "Harbour Site Disposal")
    assert (harbour.first_page, harbour.last_page, harbour.restricted) == (5, 6, True)
    assert doc.page(6).restricted  # no notice printed on page 6, and it is still the exempt report
    assert not doc.page(4).restricted  # the public report before it stays public


def test_an_agenda_that_excludes_the_public_for_an_item_restricts_its_report_without_any_notice(pack_pdf):
    doc = parse_document(pack_pdf, PACK, Settings())
    depot = next(s for s in doc.sections if s.title == "Depot Contract Award")
    assert depot.restricted and doc.page(7).restricted and doc.page(8).restricted
    assert not doc.page(1).restricted  # the agenda itself, which names the item, is public


def test_a_notice_inside_the_minutes_restricts_the_rest_of_the_minutes_not_what_came_before(pack_pdf):
    assert restricted_pages(pack_pdf) == [3, 5, 6, 7, 8]


def test_the_sample_papers_keep_their_restricted_report_and_nothing_public_becomes_restricted():
    for path in sorted(CORPUS.glob("*.pdf")):
        expected = list(range(49, 55)) if path.name == PACK_2018 else []  # 54 is the report's blank last page
        assert restricted_pages(path) == expected, path.name


def test_a_public_reports_form_saying_nothing_is_exempt_is_not_a_notice():
    # A record-of-decision form prints the rule for its authors; a cover box answers "None".
    assert not has_notice("DECISION NO: 24/00096\nFor publication [Do not include information which is exempt "
                          "from publication under schedule 12a of the Local Government Act 1972]\nKey decision: YES")
    assert not has_notice("Report of the Director of Finance\nExempt information: None\nWards affected: All")
    assert has_notice("NOT FOR PUBLICATION\nby virtue of paragraph 3 of Part 1 of Schedule 12A\nof the Local "
                      "Government Act 1972.\nLand at Mill Lane")
    assert has_notice("CONFIDENTIAL\nLand at Mill Lane")


def agenda(*items) -> list[AgendaItem]:
    return [AgendaItem(str(n), title, pages, pages, note) for n, (title, pages, note) in enumerate(items, start=1)]


def test_agenda_forms_that_exempt_items_and_forms_that_do_not():
    # A "PART II" heading printed after an item takes every later item into private session.
    assert exempt_items(agenda(("Budget", 3, "PART II (not open to the public)"), ("Land sale", 6, ""),
                               ("Depot", 9, ""))) == {"2", "3"}
    # An item labelled exempt is exempt; "exempt from" in a public title is not a label.
    assert exempt_items(agenda(("Exempt report: land at Mill Lane", 3, ""),
                               ("Properties exempt from the levy", 6, ""))) == {"1"}
    # A motion naming its items by number.
    assert exempt_items(agenda(("Exclusion of the press and public", None, "during items 3 and 4"),
                               ("Allotments", 3, ""), ("Land sale", 5, ""), ("Depot", 7, ""))) == {"3", "4"}
    # An "EXEMPT ITEMS" heading with nothing after it, as agendas print when there are none.
    assert exempt_items(agenda(("Budget", 3, "EXEMPT ITEMS (At the time of preparing the agenda there were "
                                             "no exempt items.)"))) == set()
    # A standing item that names no item exempts nothing by itself; nor does "Part 2 of the Act".
    assert exempt_items(agenda(("To consider whether the press and public should be excluded", None, ""),
                               ("Allotments", 3, "under Part 2 of the Localism Act"), ("Roads", 5, ""))) == set()


# ---- Nothing restricted reaches a command ------------------------------------------------------------

@pytest.fixture(scope="module")
def pack_index(tmp_path_factory, pack_pdf, embedder) -> Settings:
    return index_of(pack_pdf.parent, tmp_path_factory, embedder, "pack-index")


def run(capsys, *argv) -> str:
    from minutebook.assistant.cli import main

    main(list(argv))
    return capsys.readouterr().out


def test_with_restricted_papers_off_no_command_shows_a_phrase_printed_only_on_restricted_pages(pack_index, capsys):
    index = str(pack_index.index)
    for secret in SECRETS:
        for mode in ("hybrid", "bm25", "dense"):
            assert secret not in run(capsys, "search", secret, "--mode", mode, "-k", "20", "--index", index, "--json")
        for question in (f"What happened about {secret}?", f"What was decided about {secret}?"):
            assert secret not in run(capsys, "ask", question, "--index", index)  # closest passages included
            answer = run(capsys, "ask", question, "--index", index, "--json")
            assert secret not in answer
            assert json.loads(answer)["abstained"] and json.loads(answer)["related"]  # public passages only
        assert secret not in run(capsys, "timeline", secret, "--index", index, "--json")
    assert not any(s in run(capsys, "resolutions", "--index", index, "--json") for s in SECRETS)
    assert not any(s in run(capsys, "actions", "--index", index, "--json") for s in SECRETS)
    assert not any(s in run(capsys, "status", "--index", index, "--json") for s in SECRETS)

    # The same phrases are there for a user allowed to see restricted papers.
    shown = run(capsys, "search", KESTREL, "--index", index, "--json", "--include-restricted", "-k", "20")
    assert {h["page"] for h in json.loads(shown) if KESTREL in h["text"]} == {5, 6}
    shown = run(capsys, "search", MARIGOLD, "--index", index, "--json", "--include-restricted")
    assert {h["page"] for h in json.loads(shown) if MARIGOLD in h["text"]} == {7, 8}


def test_asked_what_was_resolved_the_answer_never_quotes_a_decision_printed_on_a_restricted_page(pack_index, capsys):
    index = str(pack_index.index)
    answer = json.loads(run(capsys, "ask", "What was resolved about the Riverside Car Park?", "--index", index, "--json"))
    assert PELHAM not in json.dumps(answer) and "3.1 million" not in json.dumps(answer)
    assert all(c["page"] != 3 for c in answer["citations"])

    allowed = json.loads(run(capsys, "ask", "What was resolved about the Riverside Car Park?", "--index", index,
                             "--json", "--include-restricted"))
    assert f"sold to {PELHAM}" in allowed["answer"]


# ---- Nothing restricted reaches a page of the app -----------------------------------------------------


def shown_text(at) -> str:
    """Everything a page shows as text: Markdown, captions, plain text, alerts, tables and labels."""
    parts = [e.value for kind in ("markdown", "caption", "text", "warning", "info", "success", "error")
             for e in getattr(at, kind)]
    parts += [e.label for e in at.expander]
    parts += [df.value.to_csv() for df in at.dataframe]
    return "\n".join(str(p) for p in parts).replace("\\", "")


def test_with_restricted_papers_off_no_page_of_the_app_shows_restricted_content(monkeypatch, pack_index):
    index = pack_index.index
    at = open_app(monkeypatch, index)  # Ask
    for question in ("What was the highest bid for the harbour warehouse?", "What was resolved about the Riverside Car Park?",
                     "Which depot would close for refurbishment in the winter?"):
        at.chat_input[0].set_value(question).run()
        assert not at.exception, at.exception
    assert not any(s in shown_text(at) for s in SECRETS)  # answers and abstentions' closest passages alike

    at = open_app(monkeypatch, index, "search")
    for secret in SECRETS:
        at.text_input(key="search-query").input(secret).run()
        assert not at.exception, at.exception
        assert secret not in shown_text(at)

    at = open_app(monkeypatch, index, "timeline")
    for secret in SECRETS:
        at.text_input(key="tl-topic").input(secret).run()
        assert not [m for m in at.markdown if secret in m.value]

    at = open_app(monkeypatch, index, "resolutions")
    assert not any(s in shown_text(at) for s in SECRETS)


def test_the_page_viewer_never_draws_a_restricted_page_and_offers_no_whole_paper_holding_one(monkeypatch, pack_index):
    at = open_app(monkeypatch, pack_index.index, "search")
    at.text_input(key="search-query").input("allotment waiting list households").run()
    next(t for t in at.toggle if t.key.startswith("search-1-")).set_value(True).run()  # the public report, page 4
    assert not at.exception, at.exception
    assert at.number_input[0].value == 4 and len(at.image) == 1
    assert not at.get("download_button")  # the paper holds restricted pages: not offered whole
    for page in (3, 5, 6, 7, 8):
        at.number_input[0].set_value(page).run()  # stepping onto the restricted pages
        assert not at.exception, at.exception
        assert len(at.image) == 0, f"page {page} was drawn"
        assert any("not for publication" in w.value for w in at.info)
    at.number_input[0].set_value(2).run()
    assert len(at.image) == 1  # a public page again

    unlock_restricted(monkeypatch, at)  # an officer allowed to see them
    at.number_input[0].set_value(6).run()
    assert len(at.image) == 1 and at.get("download_button")


def test_the_papers_page_says_a_paper_has_restricted_parts_without_their_titles(monkeypatch, pack_index):
    at = open_app(monkeypatch, pack_index.index, "papers")
    at.selectbox(key="papers-pick").set_value(0).run()
    assert not at.exception, at.exception
    shown = shown_text(at)
    assert "Allotments Update" in shown  # public sections are listed by title
    assert "Harbour Site Disposal" not in shown and "Depot Contract Award" not in shown
    sections = next(df.value for df in at.dataframe if "type" in df.value.columns)
    assert "Harbour Site Disposal" not in set(sections["title"]) and "Depot Contract Award" not in set(sections["title"])
    assert "restricted" in " ".join(sections["title"]).lower()
    papers = next(df.value for df in at.dataframe if "passages" in df.value.columns)
    assert papers.iloc[0]["restricted"] == "5 pages"  # pages 3 and 5-8


def test_a_wholly_exempt_paper_is_listed_without_its_title(monkeypatch, tmp_path, embedder):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title("Sale of the Osprey Works")
    pdf.set_font("Helvetica", size=11)
    for text in (make_pack.NOTICE + "\nSale of the Osprey Works\n1. The Board is asked to approve the sale.",
                 "2. The buyer would take the site in October."):
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    (tmp_path / "papers").mkdir()
    pdf.output(str(tmp_path / "papers" / "property.pdf"))
    settings = Settings(index=tmp_path / "index")
    ingest([tmp_path / "papers"], settings, embedder)

    at = open_app(monkeypatch, settings.index, "papers")
    papers = next(df.value for df in at.dataframe if "passages" in df.value.columns)
    assert list(papers["title"]) == ["Restricted (not for publication)"] and list(papers["restricted"]) == ["2 pages"]
    assert "Osprey" not in shown_text(at)


def _viewer_on_page_6(at):
    at.text_input(key="search-query").input("allotment waiting list households").run()
    next(t for t in at.toggle if t.key.startswith("search-1-")).set_value(True).run()
    at.number_input[0].set_value(6).run()
    return at


def test_no_visitor_can_switch_restricted_papers_on_unless_the_server_allows_it_behind_a_password(monkeypatch,
                                                                                                  pack_index):
    # Issue 29, item 2. Served as it comes (or with MINUTEBOOK_INCLUDE_RESTRICTED=1 in the server's
    # environment, which is the command line's setting): no switch, nothing restricted drawn.
    monkeypatch.setenv("MINUTEBOOK_INCLUDE_RESTRICTED", "1")
    at = _viewer_on_page_6(open_app(monkeypatch, pack_index.index, "search"))
    assert not [t for t in at.toggle if t.key == "include-restricted"] and not at.get("text_input")[1:]
    assert len(at.image) == 0 and not at.get("download_button")

    # Allowed, but with no password and no proxy login set up: still nobody.
    monkeypatch.setenv("MINUTEBOOK_ALLOW_RESTRICTED", "1")
    at.run()
    assert not [t for t in at.toggle if t.key == "include-restricted"]
    assert any("MINUTEBOOK_RESTRICTED_PASSWORD" in c.value for c in at.sidebar.caption)

    # Allowed behind a password: a wrong guess gets nothing, the right one the switch.
    monkeypatch.setenv("MINUTEBOOK_RESTRICTED_PASSWORD", RESTRICTED_PASSWORD)
    at.run()
    at.text_input(key="restricted-password").input("guess").run()
    assert not [t for t in at.toggle if t.key == "include-restricted"] and at.sidebar.error
    assert len(at.image) == 0
    at.text_input(key="restricted-password").input(RESTRICTED_PASSWORD).run()
    at.toggle(key="include-restricted").set_value(True).run()
    assert not at.exception, at.exception
    assert len(at.image) == 1 and at.get("download_button")  # page 6 drawn, the paper offered whole


def test_serve_allow_restricted_is_what_lets_the_app_offer_restricted_papers(tmp_path, monkeypatch):
    from minutebook.assistant import cli

    seen = {}
    monkeypatch.setattr(cli.os, "execv", lambda exe, argv: seen.update(env=dict(cli.os.environ)))
    monkeypatch.delenv("MINUTEBOOK_ALLOW_RESTRICTED", raising=False)
    cli.main(["serve", "--index", str(tmp_path)])
    assert "MINUTEBOOK_ALLOW_RESTRICTED" not in seen["env"]
    cli.main(["serve", "--index", str(tmp_path), "--allow-restricted"])
    assert seen["env"]["MINUTEBOOK_ALLOW_RESTRICTED"] == "1"
    monkeypatch.delenv("MINUTEBOOK_ALLOW_RESTRICTED")
