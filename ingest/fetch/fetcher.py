"""`minutebook fetch SOURCE`: list a portal's meetings and papers, download what is new or
changed into body/date/paper folders, remember it (ledger.py), then ingest the folder.

The system is recognised from the address or named; its module walks the portal through the
one Web client (web.py), so a live portal and a test's local server take the same path.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Callable

from minutebook.ingest.errors import BadInput
from minutebook.ingest.settings import Settings
from minutebook.ingest.types import IngestReport
from minutebook.ingest.fetch import civicplus, granicus, legistar, moderngov, primegov
from minutebook.ingest.fetch.ledger import Known, Ledger
from minutebook.ingest.fetch.portal import SYSTEMS, FetchFailed, PortalPaper
from minutebook.ingest.fetch.web import Web, partial_path

WALKERS = {"moderngov": moderngov.walk, "legistar": legistar.walk, "civicplus": civicplus.walk,
           "granicus": granicus.walk, "primegov": primegov.walk}

Progress = Callable[[str, int, int], None]


@dataclass
class Outcome:
    key: str
    url: str
    kind: str
    body: str
    meeting_date: str | None
    title: str
    item: str | None = None
    path: str | None = None  # relative to the papers folder
    reason: str | None = None  # skipped and failed ones


@dataclass
class FetchReport:
    source: str
    system: str
    into: Path
    meetings: int = 0
    fetched: list[Outcome] = field(default_factory=list)
    unchanged: list[Outcome] = field(default_factory=list)
    skipped: list[Outcome] = field(default_factory=list)
    failed: list[Outcome] = field(default_factory=list)
    withdrawn: list[Outcome] = field(default_factory=list)  # fetched before, no longer listed: kept in the index
    would_fetch: list[Outcome] = field(default_factory=list)  # --dry-run
    requests: int = 0
    bytes: int = 0
    ingest: IngestReport | None = None

    def summary(self) -> str:
        if self.would_fetch or not (self.fetched or self.unchanged or self.skipped or self.failed):
            head = f"would fetch {len(self.would_fetch)} papers" if self.would_fetch else "nothing listed"
        elif not self.fetched:
            head = "nothing new: every paper listed was fetched before"
        else:
            head = f"fetched {len(self.fetched)} papers ({self.bytes / 1e6:.1f} MB)"
        parts = [f"{self.meetings} meetings", head]
        for word, items in (("unchanged", self.unchanged), ("skipped", self.skipped), ("failed", self.failed),
                            ("withdrawn by the portal (kept in the index)", self.withdrawn)):
            if items and (word != "unchanged" or self.fetched):
                parts.append(f"{len(items)} {word}")
        if self.ingest is not None:
            parts.append(f"{len(self.ingest.ingested)} ingested, {self.ingest.documents} documents in the index")
        return f"{self.system} {self.source}: " + "; ".join(parts)

    def to_json(self) -> dict:
        def rows(items):
            return [{k: v for k, v in asdict(o).items() if v is not None} for o in items]

        out = {"source": self.source, "system": self.system, "into": str(self.into), "meetings": self.meetings,
               "fetched": rows(self.fetched), "unchanged": rows(self.unchanged), "skipped": rows(self.skipped),
               "failed": rows(self.failed), "withdrawn": rows(self.withdrawn), "requests": self.requests,
               "bytes": self.bytes, "summary": self.summary()}
        if self.would_fetch:
            out["would_fetch"] = rows(self.would_fetch)
        if self.ingest is not None:
            out["ingest"] = self.ingest.to_json()
        return out


def detect_system(source: str) -> str:
    """The system a portal's address names; ModernGov (a council's own domain) when none does."""
    low = source.lower()
    if "legistar" in low or re.search(r"/v1/[^/]+/?$", low):
        return "legistar"
    if "agendacenter" in low or "civicplus" in low:
        return "civicplus"
    if "granicus" in low or "viewpublisher" in low:
        return "granicus"
    if "primegov" in low or "/publicportal" in low:
        return "primegov"
    return "moderngov"


def web_for(settings: Settings) -> Web:
    return Web(timeout=settings.fetch_timeout, rate=settings.fetch_rate, retries=settings.fetch_retries,
               backoff=settings.fetch_backoff, max_wait=settings.fetch_max_wait)


def fetch(source: str, settings: Settings, system: str | None = None, bodies: tuple[str, ...] = (),
          since: str | None = None, until: str | None = None, into: Path | None = None, dry_run: bool = False,
          progress: Progress | None = None, web: Web | None = None, embedder=None, ingest_after: bool = True,
          today: date | None = None) -> FetchReport:
    """Fetch what is new or changed at `source` and ingest it; see the module's note."""
    if not re.match(r"https?://", source):
        raise BadInput(f"'{source}' is not a web address: give the portal's address, e.g. https://democracy.example.gov.uk")
    system = system or detect_system(source)
    if system not in SYSTEMS:
        raise BadInput(f"unknown system '{system}': use one of {', '.join(SYSTEMS)}")
    today = today or date.today()
    since = _day(since, "--since") or (today - timedelta(days=365)).isoformat()
    until = _day(until, "--until") or (today + timedelta(days=90)).isoformat()
    if since > until:
        raise BadInput(f"--since {since} is after --until {until}")
    into = Path(into) if into else settings.index / "papers"
    web = web or web_for(settings)
    report = FetchReport(source, system, into)
    say = progress or (lambda *_: None)
    with Ledger(settings.index) as ledger:
        known = ledger.known(source)
        taken = {p for p in ledger.paths_taken()}
        seen: set[str] = set()
        for meeting, papers in WALKERS[system](web, source, since, until, tuple(bodies)):
            report.meetings += 1
            say(f"meeting {meeting.body} {meeting.date or ''}".strip(), report.meetings, 0)
            for paper in papers:
                if paper.key in seen:
                    continue
                seen.add(paper.key)
                _one(paper, source, system, into, known.get(paper.key), taken, ledger, web, report, dry_run, say)
        report.withdrawn = [_outcome(_as_paper(k), reason="no longer listed by the portal")
                            for key, k in sorted(known.items()) if key not in seen and _in_window(k, since, until, bodies)]
        report.requests = web.requests
        if not dry_run:
            ledger.finish(source, system, {k: len(v) for k, v in (("fetched", report.fetched), ("skipped", report.skipped),
                                                                  ("failed", report.failed))})
    if ingest_after and not dry_run and into.exists() and any(into.rglob("*.pdf")):
        from minutebook.ingest.pipeline import ingest

        report.ingest = ingest([into], settings, embedder, progress=progress)
    return report


def _one(paper: PortalPaper, source: str, system: str, into: Path, known: Known | None, taken: set[str],
         ledger: Ledger, web: Web, report: FetchReport, dry_run: bool, say: Progress) -> None:
    if paper.skip:
        report.skipped.append(_outcome(paper, reason=paper.skip))
        return
    if known and Path(known.path).exists():
        dest = Path(known.path)
    else:
        dest = into / _free(paper_path(paper), into, taken)
    rel = _relative(dest, into)
    facts = {**paper.facts(system, source), "saved_as": dest.name}
    whole = known is not None and dest.exists() and known.bytes == dest.stat().st_size
    if whole and paper.version and known.version == paper.version:
        ledger.seen(source, paper.key, facts)  # the portal's own stamp says unchanged: no request
        report.unchanged.append(_outcome(paper, path=rel))
        return
    if dry_run:
        (report.unchanged if whole else report.would_fetch).append(_outcome(paper, path=rel))
        return
    say(f"downloading {rel}", len(report.fetched), 0)
    try:
        got = web.download(paper.url, dest, etag=known.etag if whole else None,
                           last_modified=known.last_modified if whole else None,
                           on_bytes=lambda n: setattr(report, "bytes", report.bytes + n))
    except FetchFailed as e:
        partial_path(dest).unlink(missing_ok=True) if e.status in (401, 403, 404) else None
        if e.status in (401, 403):
            report.skipped.append(_outcome(paper, path=rel, reason=f"needs a login ({e.reason})"))
        else:
            report.failed.append(_outcome(paper, path=rel, reason=e.reason))
        return
    if not got.changed:
        ledger.seen(source, paper.key, facts)
        report.unchanged.append(_outcome(paper, path=rel))
        return
    problem = _not_a_pdf(dest)
    if problem:
        dest.unlink(missing_ok=True)
        report.skipped.append(_outcome(paper, path=rel, reason=problem))
        return
    if whole and known.sha256 == got.sha256:
        report.unchanged.append(_outcome(paper, path=rel))
    else:
        report.fetched.append(_outcome(paper, path=rel))
    ledger.record(source, paper.key, paper.url, str(dest.resolve()), got.sha256, got.bytes, got.etag,
                  got.last_modified, paper.version, facts)


def _not_a_pdf(path: Path) -> str | None:
    with open(path, "rb") as f:
        head = f.read(1024)
    if head.lstrip().startswith(b"%PDF"):
        return None
    low = head.lower()
    if b"<html" in low or b"<!doctype" in low:
        if b"login" in low or b"sign in" in low or b"password" in low:
            return "needs a login: the portal answered with a sign-in page, not the paper"
        return "the portal answered with a web page, not a PDF"
    return "not a PDF"


# ---- where a paper is filed: body / date / paper -------------------------------------------------
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


def safe_name(text: str, limit: int = 100) -> str:
    name = re.sub(r"\s+", " ", _UNSAFE.sub(" ", text or "")).strip(" .")
    return name[:limit].rstrip(" .") or "untitled"


def paper_path(paper: PortalPaper) -> str:
    """'Audit Committee/2026-02-10/Item 9 - report - DRAFT WP FEBRUARY 2026.pdf' (pure)."""
    item = f"Item {safe_name(paper.item, 20)} - " if paper.item else ""
    name = f"{item}{paper.kind} - {safe_name(paper.title)}"
    return f"{safe_name(paper.body, 80)}/{paper.meeting_date or 'undated'}/{name}.pdf"


def _free(rel: str, into: Path, taken: set[str]) -> str:
    """`rel`, or `rel (2)`... when another paper holds that name."""
    candidate, n = rel, 2
    while str((into / candidate).resolve()) in taken:
        candidate = re.sub(r"\.pdf$", f" ({n}).pdf", rel)
        n += 1
    taken.add(str((into / candidate).resolve()))
    return candidate


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _outcome(paper: PortalPaper, path: str | None = None, reason: str | None = None) -> Outcome:
    return Outcome(paper.key, paper.url, paper.kind, paper.body, paper.meeting_date, paper.title, paper.item, path, reason)


def _as_paper(k: Known) -> PortalPaper:
    f = k.facts
    return PortalPaper(k.key, k.url, f.get("kind", "other"), f.get("title", ""), f.get("body", ""),
                       meeting_date=f.get("meeting_date"), item=f.get("item"))


def _in_window(k: Known, since: str, until: str, bodies) -> bool:
    day, body = k.facts.get("meeting_date"), k.facts.get("body", "")
    return bool(day) and since <= day <= until and (not bodies or any(b.lower() in body.lower() for b in bodies))


def _day(value: str | None, flag: str) -> str | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise BadInput(f"{flag} {value!r} is not a date: use YYYY-MM-DD") from None
