"""End to end in a real browser: Debian's headless chromium, driven by Playwright, against `streamlit run`."""
from __future__ import annotations

import pytest

from browser_driver import (CHROMIUM, MEETING, PAPER, ask, browser_page, lit_box, open_meeting, open_paper, open_source,
                            running_app, save_small_png, search_for, show_resolutions)
from conftest import CORPUS, PACK_2018

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason=f"{CHROMIUM} is absent: install Debian's chromium (apt-get install chromium; .ci/run does) "
           "to run the browser test")


def test_the_app_in_a_browser_answers_lights_the_quote_and_opens_papers_and_meetings(corpus_index, tmp_path):
    pytest.importorskip("playwright", reason="playwright is a test dependency: pip install -e '.[test]'")
    log = tmp_path / "streamlit.log"
    with running_app(corpus_index.index, log=log) as url, browser_page(1280, 1100) as page:
        try:
            _use(page, url, tmp_path)
        except Exception:
            page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
            print(f"what the browser showed: {tmp_path / 'failure.png'}; the app's log: {log}")
            raise
    print(f"screenshots in {tmp_path}")


def _use(page, url, tmp_path) -> None:
    from minutebook.assistant.pagerender import quote_boxes
    from minutebook.ui.widgets import PAGE_WIDTH

    # Ask: the answer, its numbered source chips, each source in one line.
    chips = ask(page, url)
    answer = page.get_by_test_id("stChatMessage").filter(has_text="[1]").last.inner_text()
    assert "oral update be noted" in answer
    lines = page.locator(".st-key-ask-0-sources").inner_text()
    assert ("[1] Leicestershire Safer Communities Strategy Board · 1 October 2018 · "
            "Minutes of the meeting of 1 October 2018 · p. 7") in lines
    assert chips.locator("button").filter(has_text="[1]").first.inner_text() == "[1] page 7"

    # A source opens its page with the quoted words lit: the box drawn on the image is where PDFium
    # puts the quote's characters.
    source = open_source(page, chips)
    assert "page 7 of 54" in source.inner_text()
    drawn = lit_box(page, source.locator("img").first)
    quote = "RESOLVED: That the contents of the oral update be noted."
    boxes = quote_boxes(CORPUS / PACK_2018, 7, quote, PAGE_WIDTH)
    assert drawn and boxes
    expected = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
    assert all(abs(a - b) <= 3 for a, b in zip(drawn, expected)), (drawn, expected)
    save_small_png(page, tmp_path / "ask.png")

    # Papers: a paper opens with its sections, decisions and pages.
    opened = open_paper(page, url, PAPER)
    text = opened.inner_text()
    assert "Sections" in text and "Decisions" in text and "Pages" in text
    save_small_png(page, tmp_path / "papers.png")

    # Meetings: one meeting whole: its agenda items, minutes and decisions.
    open_meeting(page, url, MEETING)
    tabs = page.get_by_test_id("stTabs").first
    assert "Agenda (" in tabs.inner_text() and "Minutes (" in tabs.inner_text()
    assert "Strategic Partnership Board Update" in tabs.inner_text()  # minute 24, an agenda item as minuted
    page.get_by_role("tab", name="Decisions").click()
    page.get_by_text("That the contents of the oral update be noted.").first.wait_for()
    save_small_png(page, tmp_path / "meetings.png")

    # Search says when nothing matches.
    search_for(page, url, "zebra crossing helicopter")
    assert "No match" in page.get_by_test_id("stAlert").first.inner_text()

    show_resolutions(page, url)
    assert "Decisions listed" in page.get_by_test_id("stMetric").first.inner_text()
