"""Drive the real app in headless Chromium: used by tests/test_browser.py and to take the README's screenshots.

    .venv/bin/python -m ui.screenshots [--index index] [--out docs/screenshots]

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
from pathlib import Path

from minutebook.ingest.settings import Settings

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
           "--server.fileWatcherType", "none"]
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
    """Open the Ask page, ask `question`, wait for the first citation; returns that citation's locator."""
    page.goto(url)
    box = page.get_by_test_id("stChatInputTextArea")
    box.wait_for()
    box.fill(question)
    box.press("Enter")
    first = page.get_by_test_id("stExpander").filter(has_text="[1]").first
    first.wait_for()
    page.get_by_test_id("stChatMessage").filter(has_text="[1]").last.wait_for()
    wait_idle(page)
    return first


def open_citation(page, citation, tries: int = 4) -> None:
    """Expand a citation and switch on its page viewer; waits until the page image is shown.

    A click that lands while the app is still redrawing can be lost, so each step is checked and
    retried rather than assumed.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for _ in range(tries):
        wait_idle(page)
        if citation.locator("details").get_attribute("open") is None:
            citation.locator("summary").click()
        switch = citation.get_by_role("switch")
        switch.wait_for(state="attached")
        if not switch.is_checked():
            citation.get_by_test_id("stCheckbox").locator("label").click()
        try:
            citation.locator("img").first.wait_for(timeout=20_000)
            wait_idle(page)
            return
        except PlaywrightTimeout:
            continue
    raise TimeoutError("the cited page did not appear in the app")


def show_resolutions(page, url: str) -> None:
    page.goto(f"{url}/resolutions")
    page.get_by_test_id("stMetric").first.wait_for()
    page.get_by_test_id("stDataFrame").first.wait_for()
    wait_idle(page, settle=1.0)  # the grid draws on a canvas after it appears


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Take the README's screenshots of the running app.")
    parser.add_argument("--index", default=str(Settings.from_env().index))
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args(argv)
    out = Path(args.out)
    with running_app(Path(args.index)) as url, browser_page(1280, 1200) as page:
        citation = ask(page, url)
        open_citation(page, citation)
        page.get_by_test_id("stChatMessage").first.evaluate("e => e.scrollIntoView({block: 'start'})")
        time.sleep(0.5)
        print(save_small_png(page, out / "ask.png"))
        show_resolutions(page, url)
        print(save_small_png(page, out / "resolutions.png"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
