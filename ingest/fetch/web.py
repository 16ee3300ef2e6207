"""The one HTTP client of `fetch`: polite, patient with a busy portal, and resumable.

Every request names minutebook in its User-Agent, waits its turn per host (`rate` requests a
second, 0: no wait), gives up after `timeout` seconds of silence, and is retried with back-off on
429, 5xx and a dropped connection, honouring Retry-After. A download goes to a hidden `.part`
file beside its destination and is renamed into place only when whole, so an interrupted run
leaves no half paper under a paper's name; the next run asks the server for the rest (Range).
"""
from __future__ import annotations

import email.utils
import hashlib
import http.client
import os
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

from minutebook.ingest.fetch.portal import FetchFailed

RETRY_STATUS = {429, 500, 502, 503, 504}
LOGIN_STATUS = {401, 403}
CHUNK = 64 * 1024


def user_agent() -> str:
    try:
        from importlib.metadata import version

        v = version("minutebook")
    except Exception:  # noqa: BLE001 - a source checkout that was never installed
        v = "dev"
    return f"minutebook/{v} (fetches a council's public board papers; Python-urllib)"


@dataclass
class Response:
    url: str  # after redirects
    status: int
    headers: dict[str, str]
    body: bytes = b""

    def text(self) -> str:
        charset = "utf-8"
        for part in self.headers.get("content-type", "").split(";"):
            if part.strip().lower().startswith("charset="):
                charset = part.split("=", 1)[1].strip() or charset
        return self.body.decode(charset, errors="replace")


@dataclass
class Download:
    changed: bool  # False: the server said 304 Not Modified; nothing was written
    sha256: str | None = None
    bytes: int = 0
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class Web:
    """HTTP with manners. `sleep` and `clock` are the real ones unless a caller passes its own."""

    timeout: float = 30.0
    rate: float = 1.0  # requests a second per host; 0: as fast as the server answers
    retries: int = 4
    backoff: float = 1.0  # first wait before a retry, doubled each time
    max_wait: float = 120.0  # a Retry-After longer than this fails the request: try again later
    agent: str = field(default_factory=user_agent)
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    requests: int = 0
    _last: dict[str, float] = field(default_factory=dict)

    # ---- plain requests -------------------------------------------------------------------------
    def get(self, url: str, headers: dict | None = None) -> Response:
        """GET `url`, retried; a 4xx other than 429 raises FetchFailed at once (with its status)."""
        def attempt():
            with self._open(url, headers or {}) as r:
                return Response(r.geturl(), r.status, _lower(r.headers), r.read())

        return self._retrying(url, attempt)

    def download(self, url: str, dest: Path, etag: str | None = None, last_modified: str | None = None,
                 on_bytes: Callable[[int], None] | None = None) -> Download:
        """Fetch `url` into `dest` (atomically). With `etag`/`last_modified` the request is
        conditional: a 304 writes nothing. A `.part` file left by an interrupted run is continued."""
        dest.parent.mkdir(parents=True, exist_ok=True)
        part = partial_path(dest)

        def attempt():
            have = part.stat().st_size if part.exists() else 0
            headers = {}
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
            if have:
                headers["Range"] = f"bytes={have}-"
            try:
                r = self._open(url, headers)
            except urllib.error.HTTPError as e:
                if e.code == 304:
                    return Download(changed=False, etag=etag, last_modified=last_modified)
                if e.code == 416 and have:  # the part is already whole, or stale: start again
                    part.unlink(missing_ok=True)
                raise
            with r:
                got = _lower(r.headers)
                resumed = r.status == 206 and have
                expected = int(got["content-length"]) if got.get("content-length", "").isdigit() else None
                with open(part, "ab" if resumed else "wb") as out:
                    written = 0
                    while True:
                        block = r.read(CHUNK)
                        if not block:
                            break
                        out.write(block)
                        written += len(block)
                        if on_bytes:
                            on_bytes(len(block))
                    out.flush()
                    os.fsync(out.fileno())
                if expected is not None and written < expected:
                    raise http.client.IncompleteRead(b"", expected - written)
            digest, size = _hash(part)
            os.replace(part, dest)
            return Download(True, digest, size, got.get("etag"), got.get("last-modified"))

        return self._retrying(url, attempt)

    # ---- the machinery ----------------------------------------------------------------------------
    def _open(self, url: str, headers: dict):
        self._wait_turn(url)
        self.requests += 1
        request = urllib.request.Request(url, headers={"User-Agent": self.agent, "Accept-Encoding": "identity",
                                                       **headers})
        return urllib.request.urlopen(request, timeout=self.timeout)

    def _wait_turn(self, url: str) -> None:
        if self.rate <= 0:
            return
        host = urlsplit(url).netloc
        gap = 1.0 / self.rate
        last = self._last.get(host)
        now = self.clock()
        if last is not None and now - last < gap:
            self.sleep(gap - (now - last))
        self._last[host] = self.clock()

    def _retrying(self, url: str, attempt):
        for n in range(self.retries + 1):
            try:
                return attempt()
            except urllib.error.HTTPError as e:
                if e.code not in RETRY_STATUS:
                    reason = "needs a login" if e.code in LOGIN_STATUS else "not found" if e.code == 404 else e.reason
                    raise FetchFailed(url, f"HTTP {e.code} ({reason})", e.code) from None
                wait = retry_after(e.headers.get("Retry-After"), time.time())
                if wait is not None and wait > self.max_wait:
                    raise FetchFailed(url, f"HTTP {e.code}: the server asks to wait {wait:.0f} s; "
                                           "run the fetch again later", e.code) from None
                if n == self.retries:
                    raise FetchFailed(url, f"HTTP {e.code} ({e.reason}) after {n + 1} tries", e.code) from None
                self.sleep(wait if wait is not None else self.backoff * 2 ** n)
            except (urllib.error.URLError, http.client.HTTPException, ConnectionError, socket.timeout,
                    TimeoutError) as e:
                why = getattr(e, "reason", None) or e
                if n == self.retries:
                    raise FetchFailed(url, f"network error after {n + 1} tries ({type(why).__name__}: {why})") from None
                self.sleep(self.backoff * 2 ** n)
        raise AssertionError("unreachable")


def partial_path(dest: Path) -> Path:
    """Where a download into `dest` is written until it is whole (hidden, so ingest passes over it)."""
    return dest.with_name(f".{dest.name}.part")


def retry_after(value: str | None, now: float) -> float | None:
    """Seconds a Retry-After header asks for: a number of seconds or an HTTP date; None if absent."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - now)


def _lower(headers) -> dict[str, str]:
    return {k.lower(): v for k, v in headers.items()}


def _hash(path: Path) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(CHUNK), b""):
            h.update(block)
            size += len(block)
    return h.hexdigest(), size
