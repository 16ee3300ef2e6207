"""A portal on 127.0.0.1 for the fetch tests: recorded responses, made PDFs, and faults on demand.

Links in a recorded response point at the live hosts (democracy.manchester.gov.uk,
legistar2.granicus.com...). The server rewrites them to itself (`http://127.0.0.1:PORT/_/HOST/...`),
as a recording proxy would, so minutebook follows them through the same code as on the internet.
A linked document that was not recorded is answered with a small PDF made here, naming its URL.
"""
from __future__ import annotations

import hashlib
import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "portals"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "portals"
HOSTS = ("democracy.manchester.gov.uk", "webapi.legistar.com", "legistar2.granicus.com", "seattle.legistar.com",
         "nc-nashcounty.civicplus.com", "ladwp.granicus.com", "lacity.primegov.com", "oakland.legistar1.com",
         "metro.legistar1.com")


_MADE: dict[str, bytes] = {}


def made_pdf(text: str) -> bytes:
    """A one-page PDF whose text is `text` (a document the recording links but does not hold); the
    same text gives the same bytes, from any server of the run."""
    if text not in _MADE:
        _MADE[text] = _make_pdf(text)
    return _MADE[text]


def _make_pdf(text: str) -> bytes:
    from datetime import datetime, timezone

    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_creation_date(datetime(2000, 1, 1, tzinfo=timezone.utc))
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in text.splitlines():
        pdf.multi_cell(0, 6, line.encode("latin-1", "replace").decode("latin-1"), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@dataclass
class Fault:
    """What the server does instead of answering a path normally, once each."""

    kind: str  # "429", "500", "drop" (half the body, then close), "hang" (half the body, then wait), "404", "html"
    retry_after: str | None = None


@dataclass
class Portal:
    routes: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # path?query -> (content type, body)
    missing: set[str] = field(default_factory=set)  # paths that 404
    faults: dict[str, list[Fault]] = field(default_factory=dict)  # path prefix -> faults, consumed in order
    log: list[tuple[str, str, dict]] = field(default_factory=list)  # (method, path, headers)
    made: dict[str, bytes] = field(default_factory=dict)
    pdf_text: dict[str, str] = field(default_factory=dict)  # path prefix -> the made PDF's text
    release: threading.Event = field(default_factory=threading.Event)
    base: str = ""

    def rewrite(self, body: bytes) -> bytes:
        text = body.decode("utf-8")
        for host in HOSTS:
            text = re.sub(rf"https?://{re.escape(host)}", f"{self.base}/_/{host}", text, flags=re.I)
            text = text.replace(f"//{host}", f"//{self.base.split('//', 1)[1]}/_/{host}")
        return text.encode("utf-8")

    def answer(self, path: str) -> tuple[int, str, bytes]:
        key = unquote(path)
        for route, (ctype, body) in self.routes.items():
            if key == unquote(route) or (route.endswith("*") and key.startswith(unquote(route[:-1]))):
                return 200, ctype, self.rewrite(body) if not ctype.endswith("pdf") else body
        if key in self.missing or any(key.startswith(m) for m in self.missing if m.endswith("/")):
            return 404, "text/html", b"<html><body>Not found</body></html>"
        if key.startswith("/_/") or any(key.startswith(p) for p in self.pdf_text):
            if key not in self.made:
                text = next((t for p, t in self.pdf_text.items() if key.startswith(p)), "")
                self.made[key] = made_pdf(f"{text}\n{key}\nThe paper the portal links at this address.")
            return 200, "application/pdf", self.made[key]
        return 404, "text/html", b"<html><body>No such page</body></html>"


class Handler(BaseHTTPRequestHandler):
    portal: Portal

    def log_message(self, *args):  # quiet
        pass

    def do_GET(self):  # noqa: N802
        portal = self.server.portal
        portal.log.append(("GET", self.path, dict(self.headers)))
        for prefix, faults in portal.faults.items():
            if unquote(self.path).startswith(unquote(prefix)) and faults:
                fault = faults.pop(0)
                if fault.kind in ("429", "500", "404"):
                    return self._send(int(fault.kind), "text/plain", b"busy" if fault.kind != "404" else b"gone",
                                      {"Retry-After": fault.retry_after} if fault.retry_after else {})
                if fault.kind == "html":
                    return self._send(200, "text/html", b"<!DOCTYPE html><html><body>Welcome</body></html>")
                status, ctype, body = portal.answer(self.path)
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body[: len(body) // 2])
                self.wfile.flush()
                if fault.kind == "hang":
                    portal.release.wait(30)
                self.close_connection = True
                return
        status, ctype, body = portal.answer(self.path)
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if status == 200 and self.headers.get("If-None-Match") == etag:
            return self._send(304, ctype, b"", {"ETag": etag})
        extra = {"ETag": etag} if status == 200 else {}
        rng = re.match(r"bytes=(\d+)-$", self.headers.get("Range") or "")
        if status == 200 and rng and int(rng.group(1)) < len(body):
            start = int(rng.group(1))
            return self._send(206, ctype, body[start:], {**extra, "Content-Range": f"bytes {start}-{len(body) - 1}/{len(body)}"})
        self._send(status, ctype, body, extra)

    def _send(self, status: int, ctype: str, body: bytes, headers: dict | None = None):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if body:
            self.wfile.write(body)


class Server:
    """`with Server(portal) as base:` serves `portal` on 127.0.0.1 at `base` (http://127.0.0.1:PORT)."""

    def __init__(self, portal: Portal):
        self.portal = portal
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.portal = portal
        portal.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self) -> str:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self.portal.base

    def __exit__(self, *exc) -> None:
        self.portal.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


def _read(rel: str) -> bytes:
    return (FIXTURES / rel).read_bytes()


# ---- the five recorded systems --------------------------------------------------------------------------
def moderngov() -> Portal:
    svc = "/mgWebService.asmx"
    return Portal(routes={
        f"{svc}/GetCommittees": ("text/xml; charset=utf-8", _read("moderngov/committees.xml")),
        f"{svc}/GetMeetings?lCommitteeId=144*": ("text/xml; charset=utf-8", _read("moderngov/meetings.xml")),
        f"{svc}/GetMeetings?*": ("text/xml; charset=utf-8",
                                 b'<?xml version="1.0" encoding="utf-8"?><getmeetings><meetingscount>0</meetingscount></getmeetings>'),
        f"{svc}/GetMeeting?lMeetingId=4967": ("text/xml; charset=utf-8", _read("moderngov/meeting_with_minutes.xml")),
        f"{svc}/GetMeeting?lMeetingId=4966": ("text/xml; charset=utf-8", _read("moderngov/meeting_no_minutes.xml")),
    }, pdf_text={"/_/democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60860":
                 "Audit Committee\nMinutes of the meeting held on 25 November 2025\nPresent: Councillor Curley (Chair)\n"
                 "1. Minutes\nThe minutes of the meeting held on 14 October 2025 were approved.",
                 "/_/democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60909":
                 "Audit Committee - 10 February 2026\nWork Programme\nThe committee's work programme for 2025/26."})


def legistar() -> Portal:
    base = "/v1/seattle"
    return Portal(routes={
        f"{base}/Events?*": ("application/json; charset=utf-8", _read("legistar/request_0_events.json")),
        f"{base}/Events/4048/EventItems?*": ("application/json; charset=utf-8", _read("legistar/request_1_event_0_items.json")),
        f"{base}/Events/4049/EventItems?*": ("application/json; charset=utf-8", _read("legistar/request_12_event_1_items.json")),
        f"{base}/Events/4050/EventItems?*": ("application/json; charset=utf-8", _read("legistar/request_63_event_2_items.json")),
    }, pdf_text={"/_/legistar2.granicus.com": "City of Seattle\nA paper of the meeting of 29 July 2019"})


def civicplus() -> Portal:
    return Portal(routes={
        "/AgendaCenter/Search/*": ("text/html; charset=utf-8", _read("civicplus/AgendaCenter_Search_2020-05-05.html")),
        "/AgendaCenter/ViewFile/Agenda/_05052020-382": ("application/pdf", _read("civicplus/AgendaCenter_ViewFile_Agenda__05052020-382.pdf")),
        "/AgendaCenter/ViewFile/Minutes/_05052020-382": ("application/pdf", _read("civicplus/AgendaCenter_ViewFile_Minutes__05052020-382.pdf")),
    })


def granicus() -> Portal:
    return Portal(routes={"/ViewPublisher.php?view_id=2": ("text/html; charset=utf-8", _read("granicus/ladwp_first_rows.html"))},
                  pdf_text={"/_/ladwp.granicus.com": "Board of Water and Power Commissioners\nRegular meeting"})


def primegov() -> Portal:
    api = "/api/v2/PublicPortal"
    return Portal(routes={
        f"{api}/ListArchivedMeetings?year=2024": ("application/json", _read("primegov/losca_Health_Commission.json")),
        f"{api}/ListArchivedMeetings?*": ("application/json", b"[]"),
        f"{api}/ListUpcomingMeetings": ("application/json", _read("primegov/losca_City_Council.json")),
    }, pdf_text={"/Public/CompiledDocument": "City of Los Angeles\nAgenda"})


PORTALS = {"moderngov": moderngov, "legistar": legistar, "civicplus": civicplus, "granicus": granicus, "primegov": primegov}
