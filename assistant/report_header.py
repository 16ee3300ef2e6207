"""'To which meeting was the report addressed, and from whom?' answered from the report's header block,
the "From:" / "By:" / "To:" lines officers' reports print above their summary (an English county's
"To: County Council 13th February 2025", a US city's "To: Honorable Mayor and Members of the City
Council / From: City Manager"), quoting each line as its page prints it."""
from __future__ import annotations

import re
from dataclasses import replace

from minutebook.ingest.types import Answer, Citation, Hit

from minutebook.assistant.references import reference

# A header line: its label, then what it says on the same line.
_HEADER = re.compile(r"^\s*(?:[•●▪–-]\s*)?(From|By|To|(?:Report\s+)?Authors?|Report of|Report by)\s*:\s*(\S.*)$", re.I)
_REPORTS = {"report", "appendix"}


def header_lines(page_text: str, lines: int = 25) -> list[str]:
    """The header block's lines ("From: ...", "To: ..."), as printed, within the page's first lines."""
    found = []
    for line in page_text.splitlines()[:lines]:
        m = _HEADER.match(line)
        if m:
            found.append(" ".join(line.split()))
    return found


def addressee_answer(question: str, hits: list[Hit], store) -> Answer | None:
    """The first report among the hits whose first page prints a header block: its lines quoted."""
    for hit in hits:
        chunk = hit.chunk
        if chunk.doc_type not in _REPORTS:
            continue
        lines = header_lines(store.page_text(chunk.document_id, 1) or "")
        if not lines:
            continue
        citations = [Citation(n=n, source=hit.source, title=chunk.title or "", page=1, meeting_date=chunk.meeting_date,
                              quote=line, reference=reference(replace(chunk, page=1)))
                     for n, line in enumerate(lines[:3], start=1)]
        said = " ".join(f"“{c.quote}” [{c.n}]" for c in citations)
        return Answer(text=f"“{chunk.title}” prints: {said}", abstained=False, citations=citations)
    return None
