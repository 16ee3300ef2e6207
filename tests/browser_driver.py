"""Drive the real app in headless Chromium: used by tests/test_browser.py and to take the screenshots
of every page in docs/screenshots/ (`make screenshots`):

    .venv/bin/python tests/browser_driver.py [--index index] [--out docs/screenshots]

Uses Debian's chromium (/usr/bin/chromium) through Playwright for Python; it never downloads a
browser. The app is started with `streamlit run` on a free localhost port and stopped after.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from urllib.parse import urljoin
from pathlib import Path

from minutebook.ingest.settings import Settings
from minutebook.ui import theme

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "ui" / "app.py"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
QUESTION = "What did the Board resolve about the Strategic Partnership Board update in October 2018?"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_app(index: Path, port: int | None = None, log: Path | None = None, timeout: float = 120):
    """Start `streamlit run ui/app.py` on localhost for `index`; yield its URL once healthy; stop it."""
    port = port or free_port()
    env = {**os.environ, "MINUTEBOOK_INDEX": str(Path(index).resolve()), "HF_HUB_OFFLINE": "1",
           "TRANSFORMERS_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}
    cmd = [sys.executable, "-m", "streamlit", "run", str(APP), "--server.port", str(port), "--server.address",
           "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
           "--server.fileWatcherType", "none", *theme.server_flags()]
    out = open(log, "wb") if log else subprocess.DEVNULL
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc, timeout)
        yield url
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)  # the group this call started, nothing else
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        if log:
            out.close()


def wait_healthy(url: str, proc: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the app exited with status {proc.returncode} before it was healthy")
        with contextlib.suppress(OSError):
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200 and r.read().strip() == b"ok":
                    return
        time.sleep(0.5)
    raise TimeoutError(f"{url}/_stcore/health did not say ok within {timeout:.0f}s")


@contextlib.contextmanager
def browser_page(width: int = 1280, height: int = 900):
    """A Playwright page in Debian's headless chromium."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.set_default_timeout(90_000)
            yield page
        finally:
            browser.close()


def wait_idle(page, settle: float = 0.5) -> None:
    """Wait until the app has finished its current run (Streamlit shows a status widget while running)."""
    time.sleep(settle)
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached")
    time.sleep(settle)


def ask(page, url: str, question: str = QUESTION):
    """Open the Ask page, ask `question`, wait for the answer's source chips; returns the chips' locator."""
    page.goto(url)
    box = page.get_by_test_id("stChatInputTextArea")
    box.wait_for()
    box.fill(question)
    box.press("Enter")
    chips = page.locator(".st-key-ask-0-chips")
    chips.locator("button").filter(has_text="[1]").first.wait_for(timeout=300_000)  # a cold model loads first
    wait_idle(page)
    return chips


def open_source(page, chips, n: int = 1, tries: int = 4):
    """Click source chip [n]; waits until its page image is shown and returns the source's locator.

    A click that lands while the app is still redrawing can be lost, so it is checked and retried."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    source = page.locator(".st-key-ask-0-source")
    for _ in range(tries):
        wait_idle(page)
        if not source.count():
            chips.locator("button").filter(has_text=f"[{n}]").first.click()
        try:
            source.locator("img").first.wait_for(timeout=20_000)
            wait_idle(page)
            return source
        except PlaywrightTimeout:
            continue
    raise TimeoutError("the cited page did not appear in the app")


def lit_box(page, image) -> tuple[int, int, int, int] | None:
    """The bounding box, in the image's own pixels, of the highlight outline drawn on a page image."""
    from PIL import Image

    from minutebook.assistant.page_highlight import EDGE

    src = image.get_attribute("src")
    data = page.request.get(urljoin(page.url, src)).body()
    picture = Image.open(io.BytesIO(data)).convert("RGB")
    width, height = picture.size
    pixels = picture.load()
    hits = [(x, y) for y in range(0, height) for x in range(0, width, 1) if pixels[x, y] == EDGE]
    if not hits:
        return None
    xs, ys = [x for x, _ in hits], [y for _, y in hits]
    return min(xs), min(ys), max(xs), max(ys)


def choose(page, key: str, option: str) -> None:
    """Pick `option` in the selectbox with widget key `key` (typed, then Enter)."""
    box = page.locator(f".st-key-{key} input").first
    box.click()
    box.fill(option)
    page.keyboard.press("Enter")
    wait_idle(page)


def show_resolutions(page, url: str) -> None:
    page.goto(f"{url}/resolutions")
    page.get_by_test_id("stMetric").first.wait_for()
    page.get_by_test_id("stDataFrame").first.wait_for()
    wait_idle(page, settle=1.0)  # the grid draws on a canvas after it appears


def open_paper(page, url: str, title: str):
    """Open a paper on the Papers page; returns the opened paper's locator once its page is drawn."""
    page.goto(f"{url}/papers")
    page.locator(".st-key-papers-pick input").first.wait_for()
    wait_idle(page)
    choose(page, "papers-pick", title)
    opened = page.locator(".st-key-papers-open")
    opened.get_by_role("tab", name="Pages").click()
    opened.locator("img").first.wait_for()
    wait_idle(page)
    return opened


def open_meeting(page, url: str, label: str):
    """Open a meeting on the Meetings page by (part of) its label, e.g. '1 October 2018'."""
    page.goto(f"{url}/meetings")
    page.locator(".st-key-mt-pick input").first.wait_for()
    wait_idle(page)
    choose(page, "mt-pick", label)
    page.get_by_test_id("stTabs").first.wait_for()
    wait_idle(page)


def search_for(page, url: str, words: str) -> None:
    page.goto(f"{url}/search")
    box = page.get_by_label("Search for", exact=True).first
    box.wait_for()
    box.fill(words)
    box.press("Enter")
    wait_idle(page, settle=1.0)


def save_small_png(page, path: Path, full_page: bool = False, max_bytes: int = 300_000) -> Path:
    """A screenshot reduced to a palette PNG so it stays small enough for the README."""
    from PIL import Image

    page.mouse.move(1, 1)  # no hover effects in the picture
    time.sleep(0.3)
    raw = page.screenshot(full_page=full_page)
    image = Image.open(io.BytesIO(raw)).convert("RGB")
    for colours in (256, 128, 64):
        buffer = io.BytesIO()
        image.quantize(colors=colours, method=Image.Quantize.MEDIANCUT).save(buffer, format="PNG", optimize=True)
        if buffer.tell() <= max_bytes:
            break
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())
    return path


PAPER = "Agenda Reports Pack 22nd-Mar-2024"
MEETING = "1 October 2018"


def scroll_to(page, locator) -> None:
    """Scroll the app so `locator` stands at the top, clear of the app's header bar."""
    locator.evaluate("e => e.scrollIntoView({block: 'start'})")
    page.evaluate("() => document.querySelector('[data-testid=stMain]')?.scrollBy(0, -70)")
    time.sleep(0.5)


def take_screenshots(url: str, out: Path, width: int, height: int) -> list[Path]:
    """Every page of the app at one screen size, each in the state a user would look at."""
    suffix = f"{width}"
    shots = []
    with browser_page(width, height) as page:
        chips = ask(page, url)
        open_source(page, chips)
        scroll_to(page, page.get_by_test_id("stChatMessage").first)  # the question, the answer, its sources
        shots.append(save_small_png(page, out / f"ask-{suffix}.png"))
        scroll_to(page, page.locator(".st-key-ask-0-source img").first)  # the cited page, the quote lit
        page.evaluate("() => document.querySelector('[data-testid=stMain]')?.scrollBy(0, 120)")
        shots.append(save_small_png(page, out / f"ask-source-{suffix}.png"))
        search_for(page, url, "free course for motorcyclists")
        shots.append(save_small_png(page, out / f"search-{suffix}.png"))
        search_for(page, url, "zebra crossing helicopter")
        shots.append(save_small_png(page, out / f"search-no-match-{suffix}.png"))
        open_meeting(page, url, MEETING)
        shots.append(save_small_png(page, out / f"meetings-{suffix}.png"))
        show_resolutions(page, url)
        shots.append(save_small_png(page, out / f"resolutions-{suffix}.png"))
        page.goto(f"{url}/timeline")
        box = page.get_by_label("Topic", exact=True).first
        box.wait_for()
        box.fill("Sentinel")
        box.press("Enter")
        wait_idle(page, settle=1.0)
        shots.append(save_small_png(page, out / f"timeline-{suffix}.png"))
        open_paper(page, url, PAPER)
        scroll_to(page, page.locator(".st-key-papers-open"))
        shots.append(save_small_png(page, out / f"papers-{suffix}.png"))
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Take the screenshots of every page of the running app "
                                                 "(docs/screenshots/), at 1,280 px and 390 px wide.")
    parser.add_argument("--index", default=str(Settings.from_env().index))
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args(argv)
    out = Path(args.out)
    with running_app(Path(args.index)) as url:
        for width, height in ((1280, 1000), (390, 1400)):
            for shot in take_screenshots(url, out, width, height):
                print(shot)
    return 0


if __name__ == "__main__":
    sys.exit(main())
