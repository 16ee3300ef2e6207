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
def pdf_pages(source: str) -> tuple[str, ...]:
    """Each page's text as printed, read afresh from the PDF: the check of every quote.

    pypdf's text, or PDFium's on a page where pypdf lost the word spaces, as ingest chooses
    (ingest/extract.py); never the index's copy, which chunking and furniture cutting shaped."""
    from ingest.extract import choose_pages

    path = CORPUS / Path(source).name
    texts = [p.extract_text() or "" for p in PdfReader(path).pages]
    return tuple(norm(c.text) for c in choose_pages(path, texts))


def quote_on_page(source: str, page: int, quote: str) -> bool:
    pages = pdf_pages(source)
    return 1 <= page <= len(pages) and norm(quote) in pages[page - 1]


def answer_scores(assistant, questions: list[dict]) -> dict:
    answerable = [q for q in questions if q["answerable"]]
    unanswerable = [q for q in questions if not q["answerable"]]
    facts_ok = citations_ok = citations = wrongly_abstained = 0
    misses, words = [], []
    for q in answerable:
        ans = assistant.ask(q["question"])
        wrongly_abstained += ans.abstained
        words.append(len(ans.text.split()))
        text = fact_norm(ans.text)
        if all(fact_norm(f) in text for f in q["facts"]):
            facts_ok += 1
        else:
            misses.append(q["id"])
        for c in ans.citations:
            citations += 1
            citations_ok += quote_on_page(c.source, c.page, c.quote)
    abstained = [q["id"] for q in unanswerable if assistant.ask(q["question"]).abstained]
    return {
        "n": len(answerable),
        "key_fact_accuracy": facts_ok / (len(answerable) or 1),
        "citation_validity": citations_ok / (citations or 1),
        "citations": citations,
        "abstained_unanswerable": len(abstained) / (len(unanswerable) or 1),
        "n_unanswerable": len(unanswerable),
        "abstained_answerable": wrongly_abstained / (len(answerable) or 1),
        "fact_misses": misses,
        "median_words": statistics.median(words) if words else 0,
        "not_abstained": [q["id"] for q in unanswerable if q["id"] not in abstained],
    }
