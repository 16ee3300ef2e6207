"""Paper text made safe to show through st.markdown: every markup character escaped.

Streamlit's Markdown would otherwise read a paper's `*`, `_`, `[x](y)`, `$...$` (LaTeX),
`:red[...]` or `<tag>` as formatting. Escaping every ASCII punctuation character with a
backslash is valid CommonMark and shows the characters as they are; HTML is never allowed.
"""
from __future__ import annotations

import re
import string

_PUNCT = set(string.punctuation)
_BLANK_LINES = re.compile(r"\n\s*\n")


def escape(text: str) -> str:
    """`text` on one line, every Markdown-significant character shown literally."""
    flat = " ".join((text or "").split())
    return "".join(f"\\{ch}" if ch in _PUNCT else ch for ch in flat)


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a passage (blank-line separated), each flattened to one line."""
    return [p for p in (" ".join(part.split()) for part in _BLANK_LINES.split(text or "")) if p]


def highlighted(text: str, spans: list[tuple[int, int]]) -> str:
    """Escaped Markdown of `text` (flattened) with the character spans in bold."""
    flat_spans = _flat_spans(text or "", spans)
    flat = " ".join((text or "").split())
    out, at = [], 0
    for start, end in flat_spans:
        out.append(escape_inline(flat[at:start]))
        out.append(f"**{escape_inline(flat[start:end])}**")
        at = end
    out.append(escape_inline(flat[at:]))
    return "".join(out)


def escape_inline(text: str) -> str:
    """Like `escape` but keeps the surrounding spaces (for pieces of a line)."""
    return "".join(f"\\{ch}" if ch in _PUNCT else ch for ch in text)


def _flat_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Map spans in `text` to the same words in its whitespace-flattened form."""
    mapping, flat_len, in_space = [], 0, True
    started = False
    for ch in text:
        if ch.isspace():
            if started and not in_space:
                flat_len += 1
            in_space = True
            mapping.append(None)
        else:
            started = True
            in_space = False
            mapping.append(flat_len)
            flat_len += 1
    out = []
    for start, end in spans:
        positions = [mapping[i] for i in range(start, min(end, len(mapping))) if mapping[i] is not None]
        if positions:
            out.append((positions[0], positions[-1] + 1))
    return out
