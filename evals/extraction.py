"""Which library reads each page as printed: pypdf and PDFium measured page by page.

    python -m evals.extraction [FOLDER...]      (default: corpus/ and ../shared/corpus/real)

Per folder: pages, pages whose text (in each library) runs words together or is glyph codes
(ingest/pdf/text_layer.py's signals), pages that need OCR, which library ingest chooses, and, where a
folder has gold/ (questions.jsonl evidence, decisions.jsonl phrases), how many gold phrases each
library's text and the chosen text still hold on their page (whitespace collapsed).
"""
from __future__ import annotations

import argparse
import json
import logging
from collections import Counter
from pathlib import Path

from minutebook.ingest.pdf.text_layer import MIN_CHARS, choose, pdfium_pages, signal

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [ROOT / "corpus", ROOT.parent / "shared" / "corpus" / "real"]


def _pypdf_texts(path: Path) -> list[str]:
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    texts = []
    for page in PdfReader(path, strict=False).pages:
        try:
            texts.append(page.extract_text() or "")
        except Exception:  # noqa: BLE001 - the measure goes on past one bad page
            texts.append("")
    return texts


def _gold(folder: Path) -> list[tuple[str, int, str]]:
    out = []
    for name, field in (("questions.jsonl", "evidence"), ("decisions.jsonl", "phrase")):
        path = folder / "gold" / name
        for line in path.read_text().splitlines() if path.exists() else []:
            row = json.loads(line)
            if row.get("source"):
                out.append((row["source"], row["page"], row[field]))
    return out


def measure(folder: Path) -> dict:
    counts: Counter = Counter()
    texts: dict[str, dict[str, list[str]]] = {}
    for path in sorted(folder.rglob("*.pdf")):
        a, b = _pypdf_texts(path), pdfium_pages(path) or []
        if len(a) != len(b):
            continue
        chosen = [choose(x, y.text, y.has_marks) for x, y in zip(a, b)]
        texts[path.relative_to(folder).as_posix()] = {"pypdf": a, "pdfium": [y.text for y in b],
                                                      "chosen": [c.text for c in chosen]}
        for x, y, c in zip(a, b, chosen):
            counts["pages"] += 1
            for lib, text in (("pypdf", x), ("pdfium", y.text)):
                s = signal(text)
                counts[f"{lib} no text"] += s.chars < MIN_CHARS
                counts[f"{lib} run-on words"] += s.chars >= MIN_CHARS and not s.readable and s.run_on > s.junk
                counts[f"{lib} glyph codes"] += s.chars >= MIN_CHARS and not s.readable and s.junk >= s.run_on
            counts[f"chosen {c.extractor}" if not c.reason else f"OCR: {c.reason}"] += 1
    norm = lambda s: " ".join(s.split())  # noqa: E731
    for source, page, phrase in _gold(folder):
        counts["gold phrases"] += 1
        for lib in ("pypdf", "pdfium", "chosen"):
            pages = texts.get(source, {}).get(lib, [])
            counts[f"gold on page: {lib}"] += 0 < page <= len(pages) and norm(phrase) in norm(pages[page - 1])
    return dict(counts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    args = parser.parse_args(argv)
    for folder in args.folders or [f for f in DEFAULT if f.is_dir()]:
        print(f"{folder}:")
        for key, value in measure(folder).items():
            print(f"  {key:<28} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
