"""Papers added through the web app: checked, stored under <index>/uploads/ with safe names, ingested.

A bad upload is refused with a one-line reason and its file is not kept; the ingest of the
good ones goes through the normal pipeline, which builds a new generation beside the current
one, so nothing already ingested is lost whatever the upload holds. Reasons for skipped
uploads are kept in <index>/uploads/skipped.json so the app can list them later.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import secrets
import unicodedata
from datetime import datetime, timezone
from pathlib import Path

from minutebook.ingest.errors import MinutebookError
from minutebook.ingest.pdf.pages import file_hash
from minutebook.ingest.pipeline import Progress, ingest, known_sources
from minutebook.ingest.settings import Settings
from minutebook.ingest.types import IngestReport, SkippedFile, UploadedFile, UploadReport

UPLOADS = "uploads"
SKIP_LOG = "skipped.json"
KEEP_SKIPS = 200  # the log keeps the most recent reasons only
_MAX_NAME = 120
_UNSAFE = re.compile(r"[^A-Za-z0-9 ._()\-&,+']+")


def uploads_dir(index: Path) -> Path:
    return Path(index) / UPLOADS


def sanitise_name(name: str) -> str:
    """A safe file name for an upload: no folders, no hidden or odd characters, a .pdf ending kept."""
    base = re.split(r"[\\/]", unicodedata.normalize("NFKC", name or ""))[-1]
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")  # control and format characters
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem, ext = base, ""
    stem = _UNSAFE.sub("_", stem).strip(" ._-") or "upload"
    ext = re.sub(r"[^A-Za-z0-9]", "", ext).lower()[:8]
    stem = re.sub(r"_+", "_", re.sub(r"\s+", " ", stem))[: _MAX_NAME - len(ext) - 1].rstrip(" ._")
    return f"{stem}.{ext}" if ext else stem


def precheck(name: str, data: bytes, max_bytes: int) -> str | None:
    """Why an upload cannot be taken before it is stored, or None."""
    if not name.lower().endswith(".pdf"):
        return "only PDF files can be uploaded here"
    if not data:
        return "empty file (0 bytes)"
    if len(data) > max_bytes:
        return (f"too large ({len(data) / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB, "
                "set MINUTEBOOK_MAX_FILE_MB to change it)")
    return None


# One upload holds at most this many files' worth of bytes (MINUTEBOOK_MAX_FILE_MB each): a
# thousand files of the largest size would otherwise fill the disk in one click.
BATCH_FILES = 20


def ingest_uploads(files: list[tuple[str, bytes]], settings: Settings, embedder=None,
                   progress: Progress | None = None) -> UploadReport:
    """Store each (name, bytes) under <index>/uploads/ and ingest them; bad ones are reported, not kept."""
    report = UploadReport()
    folder = uploads_dir(settings.index)
    folder.mkdir(parents=True, exist_ok=True)
    known = known_sources(settings.index)
    stored: dict[Path, tuple[str, bool]] = {}  # stored path -> (name as uploaded, whether this upload created it)
    room = BATCH_FILES * settings.max_file_mb * 1e6  # what one upload may add to the disk, all files together
    for name, data in files:
        clean = sanitise_name(name)
        room -= len(data)
        if room < 0:
            report.skipped.append(UploadedFile(name, clean, reason=f"this upload's files together pass "
                                               f"{BATCH_FILES * settings.max_file_mb:g} MB; add it in another upload"))
            continue
        reason = precheck(clean, data, int(settings.max_file_mb * 1e6))
        if reason:
            report.skipped.append(UploadedFile(name, clean, reason=reason))
            continue
        target, created = _store(folder, clean, data, known)
        stored.setdefault(target, (name, created))
    if stored:
        try:
            result = ingest(list(stored), settings, embedder, progress)
        except MinutebookError as e:  # nothing went in (a full disk): none of these files is kept
            result = IngestReport(skipped=[SkippedFile(p.name, str(e)) for p in stored])
            result.paths = {p.name: p for p in stored}
        for item in result.ingested:
            report.ingested.append(UploadedFile(stored[result.paths[item.source]][0], item.source, item.pages,
                                                item.chunks, item.same_as))
        for source in result.unchanged:
            report.unchanged.append(UploadedFile(stored[result.paths[source]][0], source))
        for item in result.skipped:
            path = result.paths.get(item.source, folder / item.source)
            name, created = stored.get(path, (item.source, False))
            if created or item.source not in known:
                path.unlink(missing_ok=True)  # a file the index could not read is not kept
            report.skipped.append(UploadedFile(name, item.source, reason=item.reason))
    _log_skips(settings.index, report)
    return report


def _store(folder: Path, name: str, data: bytes, known: dict[str, str]) -> tuple[Path, bool]:
    """Write the upload under a free name without ever replacing a file: two people uploading at
    once each get their own file, or share one that holds the same bytes. Returns (path, created)."""
    digest = hashlib.sha256(data).hexdigest()
    tmp = folder / f".{secrets.token_hex(8)}.part"
    tmp.write_bytes(data)
    try:
        while True:
            target = _free_name(folder, name, digest, known)
            if target.exists():
                return target, False
            try:
                _claim(tmp, target, data)
                return target, True
            except FileExistsError:  # someone else took the name meanwhile
                continue
    finally:
        tmp.unlink(missing_ok=True)


def read_skips(index: Path) -> list[dict]:
    """Uploads that were refused, newest first: {"source", "name", "reason", "at"}."""
    try:
        entries = json.loads((uploads_dir(index) / SKIP_LOG).read_text())
    except (OSError, ValueError):
        return []
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []


def _log_skips(index: Path, report: UploadReport) -> None:
    """Add this batch's refusals to the log; a file that has now gone in loses its old refusal."""
    done = {e.source for e in report.ingested + report.unchanged}
    if not report.skipped and not done:
        return
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    fresh = [{"source": s.source, "name": s.name, "reason": s.reason, "at": now} for s in report.skipped]
    fresh_sources = {e["source"] for e in fresh}
    path = uploads_dir(index) / SKIP_LOG
    path.parent.mkdir(parents=True, exist_ok=True)
    # Two uploads finishing at once (two sessions of the app are two threads of one process) each read,
    # add to and replace the log: one at a time, each through a file of its own, so neither fails nor
    # drops the other's reasons.
    with open(path.with_name(f".{SKIP_LOG}.lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        old = [e for e in read_skips(index) if e.get("source") not in done | fresh_sources]
        tmp = path.with_name(f".{SKIP_LOG}.{secrets.token_hex(8)}.tmp")
        tmp.write_text(json.dumps((fresh + old)[:KEEP_SKIPS], indent=1, ensure_ascii=False))
        os.replace(tmp, path)


def _claim(tmp: Path, target: Path, data: bytes) -> None:
    """Give the written upload its name, failing with FileExistsError if the name is taken."""
    try:
        os.link(tmp, target)  # the whole file appears at once
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: create the name exclusively, then fill it
        with open(target, "xb") as f:
            f.write(data)


def _free_name(folder: Path, name: str, digest: str, known: dict[str, str]) -> Path:
    """`name`, or `name (2)`... so an upload never replaces a different paper that has the same name."""
    stem, _, ext = name.rpartition(".")
    n = 1
    while True:
        candidate = name if n == 1 else f"{stem} ({n}).{ext}"
        path = folder / candidate
        same_in_index = known.get(candidate) in (None, digest)
        same_on_disk = not path.exists() or file_hash(path) == digest
        if same_in_index and same_on_disk:
            return path
        n += 1
