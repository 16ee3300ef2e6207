"""End to end in a real browser: Debian's headless chromium, driven by Playwright, against `streamlit run`."""
from __future__ import annotations

import pytest

from browser_driver import (CHROMIUM, ask, browser_page, open_citation, running_app, save_small_png, show_resolutions)

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason=f"{CHROMIUM} is absent: install Debian's chromium (apt-get install chromium; .ci/run does) "
           "to run the browser test")


def test_a_question_in_the_browser_gets_an_answer_with_a_citation(corpus_index, tmp_path):
    pytest.importorskip("playwright", reason="playwright is a test dependency: pip install -e '.[test]'")
    log = tmp_path / "streamlit.log"
    with running_app(corpus_index.index, log=log) as url, browser_page(1280, 1200) as page:
        try:
            _ask_and_look(page, url, tmp_path)
        except Exception:
            page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
            print(f"what the browser showed: {tmp_path / 'failure.png'}; the app's log: {log}")
            raise
    print(f"screenshots in {tmp_path}")


def _ask_and_look(page, url, tmp_path) -> None:
    citation = ask(page, url)
    answer = page.get_by_test_id("stChatMessage").filter(has_text="[1]").last.inner_text()
    assert "oral update be noted" in answer
    assert "[1] Minutes of the meeting of 1 October 2018 — page 7" in citation.inner_text()

    open_citation(page, citation)  # the page itself, drawn inside the app
    body = citation.inner_text()
    assert "Leicestershire Safer Communities Strategy Board" in body and "page 7 of 54" in body
    page.get_by_test_id("stChatMessage").first.evaluate("e => e.scrollIntoView({block: 'start'})")
    shot = save_small_png(page, tmp_path / "ask.png")
    assert shot.stat().st_size > 10_000

    show_resolutions(page, url)
    assert "Decisions listed" in page.get_by_test_id("stMetric").first.inner_text()
    save_small_png(page, tmp_path / "resolutions.png")
