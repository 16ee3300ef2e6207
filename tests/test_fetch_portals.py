"""A clerk points minutebook at the council's portal: it lists the meetings and papers each
system publishes, downloads them politely, and copes with a busy or broken portal.

Every portal here is tests/portal_server.py on 127.0.0.1 serving recorded responses; no test
touches the network. These tests load no model (the fetch is not followed by an ingest)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from minutebook.ingest.errors import BadInput
from minutebook.ingest.fetch import legistar
from minutebook.ingest.fetch.fetcher import detect_system, fetch, paper_path
from minutebook.ingest.fetch.portal import FetchFailed, PortalError
from minutebook.ingest.fetch.web import Web, partial_path, retry_after
from minutebook.ingest.settings import Settings
from tests.portal_server import PORTALS, SHARED, Fault, Portal, Server

WHERE = {"moderngov": ("", "2026-01-01", "2026-03-01", None),
         "legistar": ("/v1/seattle", "2019-07-29", "2019-07-29", None),
         "civicplus": ("/AgendaCenter", "2020-05-05", "2020-05-05", None),
         "granicus": ("/ViewPublisher.php?view_id=2", "2022-01-01", "2022-03-01", None),
         "primegov": ("", "2024-01-01", "2024-12-31", "primegov")}


def quick_web(sleeps: list | None = None) -> Web:
    return Web(rate=0, backoff=0.01, timeout=5, sleep=(sleeps.append if sleeps is not None else lambda s: None))


def run(name: str, base: str, tmp_path: Path, **kw):
    path, since, until, system = WHERE[name]
    kw.setdefault("web", quick_web())
    return fetch(base + path, Settings(index=tmp_path / "index"), system=system, since=since, until=until,
                 ingest_after=False, **kw)


def test_each_system_is_recognised_from_its_address():
    assert detect_system("https://democracy.example.gov.uk") == "moderngov"
    assert detect_system("https://webapi.legistar.com/v1/seattle") == "legistar"
    assert detect_system("https://nc-nashcounty.civicplus.com/AgendaCenter") == "civicplus"
    assert detect_system("https://ladwp.granicus.com/ViewPublisher.php?view_id=2") == "granicus"
    assert detect_system("https://lacity.primegov.com") == "primegov"


@pytest.mark.parametrize("name", sorted(PORTALS))
def test_a_clerk_fetches_every_paper_a_portal_links_then_a_second_run_fetches_nothing(name, tmp_path):
    portal = PORTALS[name]()
    with Server(portal) as base:
        first = run(name, base, tmp_path)
        assert first.fetched and not first.failed, first.to_json()
        for o in first.fetched:  # filed body / date / paper, every one a whole PDF
            saved = first.into / o.path
            assert saved.read_bytes().startswith(b"%PDF")
            assert Path(o.path).parts[0] == o.body.replace("/", " ").strip()[:80].strip()
            assert Path(o.path).parts[1] == (o.meeting_date or "undated")
        assert not list(first.into.rglob(".*.part"))
        before = len(portal.log)
        second = run(name, base, tmp_path)
    assert not second.fetched and len(second.unchanged) == len(first.fetched)
    assert "nothing new" in second.summary()
    downloads = [p for _, p, _ in portal.log[before:] if "/_/" in p or "ViewFile" in p or "Compiled" in p]
    assert all(h.get("If-None-Match") for _, p, h in portal.log[before:] if p in downloads)  # asked, not fetched


def test_moderngov_says_which_meeting_minutes_record_and_which_item_a_report_belongs_to(tmp_path):
    with Server(PORTALS["moderngov"]()) as base:
        report = run("moderngov", base, tmp_path)
    by_kind = {o.kind: o for o in report.fetched}
    # The minutes linked from the 10 February 2026 meeting are those of 25 November 2025.
    assert by_kind["minutes"].meeting_date == "2025-11-25"
    assert by_kind["report"].meeting_date == "2026-02-10" and by_kind["report"].item == "9"
    assert by_kind["report"].path == "Audit Committee/2026-02-10/Item 9 - report - DRAFT WP FEBRUARY 2026.pdf"


def test_a_paper_the_portal_marks_restricted_is_skipped_with_the_reason_and_never_saved(tmp_path):
    portal = PORTALS["moderngov"]()
    path, ctype_body = "/mgWebService.asmx/GetMeeting?lMeetingId=4967", portal.routes["/mgWebService.asmx/GetMeeting?lMeetingId=4967"]
    xml = ctype_body[1].replace(b"<isrestricted>False</isrestricted>\n          <restrictionsRef>",
                                b"<isrestricted>True</isrestricted>\n          <restrictionsRef>Paragraph 3", 1)
    portal.routes[path] = (ctype_body[0], xml)
    with Server(portal) as base:
        report = run("moderngov", base, tmp_path)
    assert [o.reason for o in report.skipped] == ["marked restricted (exempt) by the portal: Paragraph 3"]
    assert not any("Minutes" in str(p) for p in report.into.rglob("*.pdf"))
    assert not any("60860" in p for _, p, _ in portal.log)  # never even requested


def test_legistar_is_read_a_page_of_1000_events_at_a_time(tmp_path):
    rows = [{"EventId": n, "EventBodyName": "City Council", "EventDate": "2019-01-01T00:00:00"} for n in range(1, 1201)]
    oakland = SHARED / "legistar" / "oakland_legistar4OO" / "pubSafety_events.json"
    if oakland.exists():  # the real 1,000-row page Oakland's API answers with, then the rest
        rows = json.loads(oakland.read_text()) + rows[:200]

    class Paged(Portal):
        def answer(self, path):
            if "/Events?" in path:
                skip = int(path.split("$skip=")[1].split("&")[0])
                return 200, "application/json", json.dumps(rows[skip: skip + 1000]).encode()
            return super().answer(path)

    portal = Paged()
    with Server(portal) as base:
        events = list(legistar.events(quick_web(), base + "/v1/oakland", "2000-01-01", "2020-12-31"))
    assert len(events) == len(rows) and len({e["EventId"] for e in events}) == len(rows)
    assert [p.split("$skip=")[1] for _, p, _ in portal.log] == ["0", "1000"]


def test_a_busy_portal_is_waited_for_as_it_asks_and_a_500_is_retried(tmp_path):
    portal = PORTALS["civicplus"]()
    portal.faults["/AgendaCenter/Search/"] = [Fault("429", retry_after="3"), Fault("500")]
    sleeps: list = []
    with Server(portal) as base:
        report = run("civicplus", base, tmp_path, web=quick_web(sleeps))
    assert len(report.fetched) == 2
    assert sleeps[0] == 3.0  # Retry-After honoured, then the back-off for the 500
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT", 1445412470.0) == 10.0


def test_a_portal_that_keeps_failing_is_reported_and_the_run_goes_on(tmp_path):
    portal = PORTALS["civicplus"]()
    portal.faults["/AgendaCenter/ViewFile/Minutes/"] = [Fault("500")] * 10
    with Server(portal) as base:
        report = run("civicplus", base, tmp_path)
    assert [o.kind for o in report.fetched] == ["agenda"]
    assert report.failed[0].kind == "minutes" and "HTTP 500" in report.failed[0].reason
    assert report.to_json()["failed"][0]["reason"].endswith("tries")


def test_a_connection_dropped_mid_pdf_is_resumed_where_it_stopped(tmp_path):
    portal = PORTALS["civicplus"]()
    portal.faults["/AgendaCenter/ViewFile/Agenda/"] = [Fault("drop")]
    with Server(portal) as base:
        report = run("civicplus", base, tmp_path)
    agenda = next(o for o in report.fetched if o.kind == "agenda")
    recorded = Path(__file__).parent / "fixtures" / "portals" / "civicplus" / "AgendaCenter_ViewFile_Agenda__05052020-382.pdf"
    assert (report.into / agenda.path).read_bytes() == recorded.read_bytes()
    ranges = [h.get("Range") for _, p, h in portal.log if "ViewFile/Agenda" in p]
    assert ranges[0] is None and ranges[1] == f"bytes={len(recorded.read_bytes()) // 2}-"


def test_a_document_link_that_404s_is_a_failure_named_with_its_address(tmp_path):
    portal = PORTALS["moderngov"]()
    portal.missing.add("/_/democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60909")
    with Server(portal) as base:
        report = run("moderngov", base, tmp_path)
    assert [o.reason for o in report.failed] == ["HTTP 404 (not found)"]
    assert report.failed[0].url.endswith("ID=60909") and len(report.fetched) == 1


def test_a_document_behind_a_login_is_skipped_and_not_kept(tmp_path):
    portal = PORTALS["granicus"]()
    portal.routes["/_/ladwp.granicus.com/AgendaViewer.php?view_id=2&clip_id=1880"] = (
        "text/html", b"<!DOCTYPE html><html><body><form>Login: <input name=password></form></body></html>")
    with Server(portal) as base:
        report = run("granicus", base, tmp_path)
    assert [o.reason for o in report.skipped] == ["needs a login: the portal answered with a sign-in page, not the paper"]
    assert len(report.fetched) == 2 and len(list(report.into.rglob("*.pdf"))) == 2


def test_html_where_the_web_service_answers_xml_says_what_to_check(tmp_path):
    portal = PORTALS["moderngov"]()
    portal.faults["/mgWebService.asmx/GetCommittees"] = [Fault("html")]
    with Server(portal) as base, pytest.raises(PortalError, match="web page, not ModernGov's XML"):
        run("moderngov", base, tmp_path)


def test_a_dry_run_lists_what_would_be_fetched_and_saves_nothing(tmp_path):
    with Server(PORTALS["primegov"]()) as base:
        report = run("primegov", base, tmp_path, dry_run=True)
    assert len(report.would_fetch) == 14 and not report.fetched
    assert not (tmp_path / "index" / "papers").exists()
    assert "would fetch 14 papers" in report.summary()


def test_requests_name_minutebook_and_wait_their_turn_per_host():
    portal = PORTALS["civicplus"]()
    sleeps: list = []
    clock = iter([0.0, 0.0, 0.2, 0.2, 5.0, 5.0]).__next__
    web = Web(rate=1.0, sleep=sleeps.append, clock=clock)
    with Server(portal) as base:
        for _ in range(3):
            web.get(base + "/AgendaCenter/Search/?x")
    assert all(h["User-Agent"].startswith("minutebook/") for _, _, h in portal.log)
    assert sleeps == [pytest.approx(0.8)]  # the second came 0.2 s after the first; the third after 5 s


def test_a_bad_address_or_date_is_one_line_saying_what_to_give(tmp_path):
    with pytest.raises(BadInput, match="not a web address"):
        fetch("democracy.example.gov.uk", Settings(index=tmp_path))
    with pytest.raises(BadInput, match="YYYY-MM-DD"):
        fetch("https://democracy.example.gov.uk", Settings(index=tmp_path), since="1/2/2024")


def test_an_interrupted_download_leaves_no_paper_under_its_name(tmp_path):
    portal = PORTALS["civicplus"]()
    portal.faults["/AgendaCenter/ViewFile/Minutes/"] = [Fault("drop")] * 10
    dest = tmp_path / "minutes.pdf"
    with Server(portal) as base, pytest.raises(FetchFailed):
        Web(rate=0, retries=1, sleep=lambda s: None).download(base + "/AgendaCenter/ViewFile/Minutes/_05052020-382", dest)
    assert not dest.exists() and partial_path(dest).exists()


def test_papers_are_filed_by_body_date_and_item():
    from minutebook.ingest.fetch.portal import PortalPaper

    paper = PortalPaper("k", "u", "report", 'Budget: "final"/v2', "Cabinet", meeting_date="2025-01-30", item="5.A")
    assert paper_path(paper) == "Cabinet/2025-01-30/Item 5.A - report - Budget final v2.pdf"
