"""Answer quality: key facts present, every quote on its cited page, abstention on the unanswerable."""
from __future__ import annotations

import re
import statistics
from functools import lru_cache
from pathlib import Path

from pypdf import PdfReader

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def fact_norm(text: str) -> str:
    """Case, spacing and thousands separators aside: '3,086' matches '3086'."""
    return re.sub(r"(?<=\d),(?=\d{3})", "", norm(text).lower())


@lru_cache(maxsize=None)
def pdf_pages(source: str, root: Path = CORPUS) -> tuple[str, ...]:
    """Each page's text as printed, spacing normalised: the check of every quote (printed_pages)."""
    return tuple(norm(text) for text, _ in printed_pages(source, root))


@lru_cache(maxsize=None)
def printed_pages(source: str, root: Path = CORPUS) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each page's text as printed, lines kept, with the furniture (running headers and footers)
    that ingest finds on it, read afresh from the PDF: what quotes are checked against.

    pypdf's text, or PDFium's on a page where pypdf lost the word spaces, as ingest chooses
    (ingest/pdf/text_layer.py); never the index's copy, which chunking and furniture cutting shaped.
    The sample corpus is flat (a source is a file name); another corpus is read by the source's
    path under `root`."""
    from minutebook.ingest.pdf import furniture
    from minutebook.ingest.pdf.text_layer import choose_pages

    path = root / Path(source).name if root == CORPUS else root / source
    texts = [p.extract_text() or "" for p in PdfReader(path).pages]
    chosen = [c.text for c in choose_pages(path, texts)]
    return tuple((text, cut) for text, (_, cut) in zip(chosen, furniture.split(chosen)))


def quote_problems(source: str, page: int, quote: str, root: Path = CORPUS) -> list[str]:
    """What is wrong with a quote's bounds on its page: it runs into another numbered item or from
    one list entry into the next, or it holds a running header or footer."""
    from minutebook.ingest.papers.numbering import heading
    from minutebook.ingest.text import opens_entry

    pages = printed_pages(source, root)
    if not 1 <= page <= len(pages):
        return []
    text, furniture = pages[page - 1]
    flat, starts = "", []  # the page's text with spacing normalised, and where each line starts in it
    for line in text.split("\n"):
        line = norm(line)
        if line:
            starts.append((len(flat) + (1 if flat else 0), line))
            flat = f"{flat} {line}" if flat else line
    at = flat.find(norm(quote))
    if at < 0:
        return []
    end = at + len(norm(quote))
    inside = [line for start, line in starts if at < start < end]  # lines that begin within the quote
    first = next((line for start, line in reversed(starts) if start <= at), "")
    problems = []
    # A numbered heading with a title of words ("5. Police and Crime Plan"), not a table's "18)" or "01/24".
    if any(not opens_entry(line) and (h := heading(line)) and re.match(r"[A-Z][a-z]+\W+\w", h.title or "")
           for line in inside):
        problems.append("crosses an item")
    # Several whole entries (a resolution and its parts) end at a sentence's end, or where the last
    # entry's printed lines end: at the next entry, numbered paragraph ("4.4 The SLP ...") or the
    # page's end (bullets often carry no stop). A quote that runs into the next entry and stops inside it does not.
    ends_entry = norm(quote).endswith((".", ";", ":", "!", "?")) or end == len(flat) or any(
        start == end + 1 and (opens_entry(line) or heading(line) or re.match(r"\d{1,3}\.\d{1,3}\s", line))
        for start, line in starts)
    if sum(map(opens_entry, [first, *inside])) >= 2 and not ends_entry:
        problems.append("crosses a list entry")
    # A header or footer is in a quote when one of the page's printed lines inside the quote is it: the
    # page's own words that happen to say the same ("adjourned the Regular Meeting", a resolution naming
    # the authority a joint meeting's header names) are not furniture.
    whole = [line for start, line in starts if at <= start and start + len(line) <= end]
    if any(len(f) >= 12 and norm(f) in whole for f in furniture):
        problems.append("holds page furniture")
    return problems


def quote_on_page(source: str, page: int, quote: str, root: Path = CORPUS, ocr: bool = False) -> bool:
    """The quote is on its page as printed; on a page read by OCR (`ocr`), in the text Tesseract
    reads from the page as ingest draws it (ingest/pdf/ocr.py), since a scan has no printed text."""
    if ocr:
        return norm(quote) in ocr_page(source, page, root)
    pages = pdf_pages(source, root)
    return 1 <= page <= len(pages) and norm(quote) in pages[page - 1]


@lru_cache(maxsize=None)
def ocr_page(source: str, page: int, root: Path = CORPUS) -> str:
    """Tesseract's text of one page, drawn and read as ingest reads a scan, spacing normalised."""
    from minutebook.ingest.pdf import ocr

    path = root / Path(source).name if root == CORPUS else root / source
    return norm(ocr.read_pages(path, [page]).get(page, ""))


def evidence_cited(q: dict, citations, root: Path = CORPUS) -> bool:
    """Some cited page holds the gold evidence: it is the gold page itself, or its text (as printed,
    or OCR's for a scan) holds the evidence phrase (another copy of the same paper)."""
    if not q.get("evidence"):
        return False
    want = norm(q["evidence"]).lower()
    for c in citations:
        if (c.source, c.page) == (q["source"], q["page"]):
            return True
        pages = pdf_pages(c.source, root)
        text = pages[c.page - 1] if 1 <= c.page <= len(pages) else ""
        if len(text) < 20:
            text = ocr_page(c.source, c.page, root) if c.page <= len(pages) else ""
        if want in text.lower():
            return True
    return False


def facts_present(q: dict, answer_text: str) -> bool:
    """Every key fact in the answer: `facts` (all of them) or `must` (one alternative of every group)."""
    text = fact_norm(answer_text)
    if "must" in q:
        return all(any(fact_norm(alt) in text for alt in group) for group in q["must"])
    return all(fact_norm(f) in text for f in q["facts"])


def answer_scores(assistant, questions: list[dict], root: Path = CORPUS) -> dict:
    answerable = [q for q in questions if q["answerable"]]
    unanswerable = [q for q in questions if not q["answerable"]]
    facts_ok = citations_ok = citations = wrongly_abstained = cited_evidence = 0
    misses, lengths, bad_bounds, not_verbatim, per_question = [], [], [], [], []
    for q in answerable:
        ans = assistant.ask(q["question"])
        wrongly_abstained += ans.abstained
        lengths.append(len(ans.text.split()))
        fact = facts_present(q, ans.text)
        if fact:
            facts_ok += 1
        else:
            misses.append(q["id"])
        evidence = evidence_cited(q, ans.citations, root)
        cited_evidence += evidence
        for c in ans.citations:
            citations += 1
            ok = quote_on_page(c.source, c.page, c.quote, root, ocr=getattr(c, "ocr", False))
            citations_ok += ok
            if not ok:
                not_verbatim.append(f"{q['id']} [{c.n}] {c.source} p{c.page}{' (OCR)' if getattr(c, 'ocr', False) else ''}")
            bad_bounds += [f"{q['id']} [{c.n}]: {p}" for p in quote_problems(c.source, c.page, c.quote, root)]
        per_question.append(_per_question(q, ans, fact=fact, evidence=evidence))
    abstained = []
    for q in unanswerable:
        ans = assistant.ask(q["question"])
        if ans.abstained:
            abstained.append(q["id"])
        per_question.append(_per_question(q, ans))
    return {
        "n": len(answerable),
        "key_fact_accuracy": facts_ok / (len(answerable) or 1),
        "key_facts_right": facts_ok,
        "evidence_cited": cited_evidence,  # answerable questions where a cited page holds the gold evidence
        "evidence_cited_rate": cited_evidence / (len(answerable) or 1),
        "citation_validity": citations_ok / (citations or 1),
        "citations": citations,
        "quotes_not_verbatim": not_verbatim,
        "abstained_unanswerable": len(abstained) / (len(unanswerable) or 1),
        "n_unanswerable": len(unanswerable),
        "declined_unanswerable": len(abstained),
        "abstained_answerable": wrongly_abstained / (len(answerable) or 1),
        "declined_answerable": wrongly_abstained,
        "fact_misses": misses,
        "quote_bounds": bad_bounds,  # quotes crossing an item or list entry, or holding page furniture
        "not_abstained": [q["id"] for q in unanswerable if q["id"] not in abstained],
        "median_answer_words": statistics.median(lengths) if lengths else 0,
        "answer_words": lengths,
        "questions": per_question,
    }


def _per_question(q: dict, ans, fact: bool | None = None, evidence: bool | None = None) -> dict:
    """One question's outcome, for listing the misses."""
    return {"id": q["id"], "question": q["question"], "answerable": q["answerable"],
            "declined": bool(ans.abstained), "key_facts": fact, "evidence_cited": evidence,
            "cited": [f"{c.source} p{c.page}" for c in ans.citations],
            "answer": norm(ans.text)}
