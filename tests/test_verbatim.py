"""Every quote an answer shows is printed whole on its cited page, without the page's running header."""
from __future__ import annotations

from minutebook.assistant.verbatim import DATE_INFERRED, OCR, keep_verbatim
from minutebook.ingest.storage.store import Store
from minutebook.ingest.types import Answer, Citation, Document, Page, Section

PAGE_1 = """MINUTES OF THE PARISH COUNCIL MEETING HELD ON 26th September 2024
Present: Nick Oak (Chair)
It was resolved to accept the quote of £450 for the lime
tree outside the cottage."""
PAGE_2 = """The meeting was called to order by Chair Lee at 4:40 p.m.
Motion carried 5-0."""


def store_with(tmp_path, furniture=()):
    store = Store(tmp_path / "minutebook.db")
    doc = Document(id="d1", source="minutes.pdf", path="minutes.pdf", title="Minutes",
                   pages=[Page(1, PAGE_1, furniture=tuple(furniture)), Page(2, PAGE_2, ocr=True)],
                   sections=[Section(kind="minutes", title="Minutes", first_page=1, last_page=2)])
    store.add_document(doc, [], [])
    store.link_file("minutes.pdf", "d1", "minutes.pdf", 1)
    return store


def cite(n, quote, page=1, date="2024-09-26", ocr=False):
    return Citation(n=n, source="minutes.pdf", title="Minutes", page=page, meeting_date=date, quote=quote,
                    reference=f"Minutes, p. {page}", ocr=ocr)


def test_a_quote_the_page_does_not_print_is_not_shown(tmp_path):
    store = store_with(tmp_path)
    answer = Answer(text="The minutes record: “invented words” [1]\nAlso: “It was resolved to accept the quote of £450 "
                    "for the lime tree outside the cottage.” [2]", abstained=False,
                    citations=[cite(1, "invented words"), cite(2, "It was resolved to accept the quote of £450 for "
                                                               "the lime tree outside the cottage.")])
    kept = keep_verbatim(answer, store)
    assert [c.n for c in kept.citations] == [1] and "£450" in kept.citations[0].quote
    assert "invented" not in kept.text and "[1]" in kept.text and "[2]" not in kept.text


def test_a_quote_printed_on_the_next_page_is_cited_there_and_says_it_was_read_by_ocr(tmp_path):
    store = store_with(tmp_path)
    answer = Answer(text="“called to order by Chair Lee at 4:40 p.m.” [1]", abstained=False,
                    citations=[cite(1, "called to order by Chair Lee at 4:40 p.m.", page=1, ocr=True)])
    kept = keep_verbatim(answer, store)
    assert kept.citations[0].page == 2 and OCR in kept.citations[0].read


def test_a_meeting_date_the_paper_never_prints_is_said_to_be_inferred(tmp_path):
    store = store_with(tmp_path)
    answer = Answer(text="“Motion carried 5-0.” [1]", abstained=False,
                    citations=[cite(1, "Motion carried 5-0.", page=2, date="2024-10-01")])
    assert DATE_INFERRED in keep_verbatim(answer, store).citations[0].read
    answer = Answer(text="“Motion carried 5-0.” [1]", abstained=False, citations=[cite(1, "Motion carried 5-0.", page=2)])
    assert DATE_INFERRED not in keep_verbatim(answer, store).citations[0].read


def test_a_quote_holding_the_running_header_is_not_shown_and_an_answer_left_with_none_declines(tmp_path):
    store = store_with(tmp_path, furniture=["MINUTES OF THE PARISH COUNCIL MEETING HELD ON 26th September 2024"])
    quote = "MINUTES OF THE PARISH COUNCIL MEETING HELD ON 26th September 2024 Present: Nick Oak (Chair)"
    kept = keep_verbatim(Answer(text=f"“{quote}” [1]", abstained=False, citations=[cite(1, quote)]), store)
    assert kept.abstained and not kept.citations


def test_a_header_is_in_a_quote_only_as_a_line_of_its_own(tmp_path):
    # A city's joint-meeting minutes print "City of Alameda Financing Authority" at the head of every page,
    # and the resolution's own title names it too: the title is the page's words, the header is not.
    body = ("City of Alameda Financing Authority\n(23-520 CC) Resolution No. 16097, “Authorizing the Issuance of City of\n"
            "Alameda Financing Authority 2023 Lease Revenue Bonds in an Amount Not-to-Exceed $16,000,000.”")
    store = Store(tmp_path / "minutebook.db")
    doc = Document(id="d2", source="joint.pdf", path="joint.pdf", title="Minutes",
                   pages=[Page(1, body, furniture=("City of Alameda Financing Authority",))],
                   sections=[Section(kind="minutes", title="Minutes", first_page=1, last_page=1)])
    store.add_document(doc, [], [])
    store.link_file("joint.pdf", "d2", "joint.pdf", 1)
    title = ("(23-520 CC) Resolution No. 16097, “Authorizing the Issuance of City of Alameda Financing Authority 2023 "
             "Lease Revenue Bonds in an Amount Not-to-Exceed $16,000,000.”")
    with_header = f"City of Alameda Financing Authority {title}"
    answer = Answer(text=f"“{title}” [1]\nAlso: “{with_header}” [2]", abstained=False,
                    citations=[Citation(1, "joint.pdf", "Minutes", 1, None, title),
                               Citation(2, "joint.pdf", "Minutes", 1, None, with_header)])
    kept = keep_verbatim(answer, store)
    assert [c.quote for c in kept.citations] == [title]
