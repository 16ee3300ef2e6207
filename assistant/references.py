"""How a clerk names a paper: board, meeting date, item or minute number, and page."""
from __future__ import annotations

import re

from minutebook.ingest.dates import human_date  # noqa: F401 (re-exported: assistant code formats dates through here)

from minutebook.ingest.register.decisions import KEYWORDS
from minutebook.ingest.papers.numbering import cite

_PART = re.compile(rf"^\s*(?:{KEYWORDS})?\s*:?\s*\(([a-z]{{1,2}}|[ivx]{{1,5}}|\d{{1,2}})\)")


def reference(chunk, quote: str = "") -> str:
    """'Minute 40(b), Safer Communities Strategy Board, 15 December 2023, p. 7' and the like."""
    parts = []
    if chunk.doc_type == "minutes" and chunk.item:
        label = _PART.match(quote)
        parts.append(f"{cite(chunk.item)}{f'({label.group(1)})' if label else ''}")
    elif chunk.item:
        parts.append(f"{chunk.title} (agenda item {chunk.item})")
    else:
        parts.append(chunk.title)
    parts += [x for x in (chunk.board, human_date(chunk.meeting_date)) if x]
    parts.append(f"p. {chunk.page}")
    return ", ".join(parts)
