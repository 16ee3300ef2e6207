"""The synthetic archive: the sample papers plus re-dated, re-placed copies of them.

A copy belongs to a class: a county (its county, city and partner names are swapped everywhere
in the text, so boards are renamed too) and a number of years back (every year in the text,
fiscal years such as 2018/19 and file names move with it). Board and date filters and questions
that name a place or a year therefore still pick out one paper. Text that names neither stays word
for word the same across copies, as boilerplate does in a real archive, and the embedding cache
(ingest/embedding/cache.py) embeds it once. Copies of one class hold the same text (the same papers
filed again under another folder); only an unindexed blank back page tells their files apart.
Embedding is the bottleneck on a 2-core machine, so the number of classes, not of copies, sets
how many distinct texts are embedded.

Pages are extracted once from the PDFs with the project's own loader and written as `.txt`
files with form feeds between pages, which minutebook ingests page for page.
"""
from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from minutebook.ingest.pdf.pages import load_pages

CORPUS = Path(__file__).resolve().parents[2] / "corpus"

# (county, city, partner county): the sample papers' Leicestershire, Leicester and Rutland.
PLACES = [
    ("Northamptonshire", "Northampton", "Corby"), ("Derbyshire", "Derby", "Peak"),
    ("Nottinghamshire", "Nottingham", "Bassetlaw"), ("Staffordshire", "Stafford", "Lichfield"),
    ("Warwickshire", "Warwick", "Rugby"), ("Lincolnshire", "Lincoln", "Boston"),
    ("Worcestershire", "Worcester", "Malvern"), ("Gloucestershire", "Gloucester", "Stroud"),
    ("Oxfordshire", "Oxford", "Cherwell"), ("Buckinghamshire", "Buckingham", "Chiltern"),
    ("Bedfordshire", "Bedford", "Luton"), ("Hertfordshire", "Hertford", "Dacorum"),
    ("Cambridgeshire", "Cambridge", "Fenland"), ("Wiltshire", "Wilton", "Swindon"),
    ("Shropshire", "Shrewsbury", "Telford"), ("Cheshire", "Chester", "Halton"),
    ("Lancashire", "Lancaster", "Blackpool"), ("Yorkshire", "York", "Selby"),
    ("Herefordshire", "Hereford", "Ledbury"), ("Somerset", "Taunton", "Mendip"),
    ("Devonshire", "Exeter", "Torbay"), ("Cumberland", "Carlisle", "Allerdale"),
    ("Berkshire", "Reading", "Slough"), ("Hampshire", "Winchester", "Hart"),
]
MAX_YEARS_BACK = 20
# A year, or a fiscal year such as 2018/19 (one pass, so no year moves twice).
_YEAR = re.compile(r"(?<!\d)(19[89]\d|20[0-3]\d)(?:([/-])(\d\d)(?!\d))?(?!\d)")


@dataclass(frozen=True)
class Variant:
    county: str
    city: str
    partner: str
    years_back: int
    copy: int = 0  # copies of one (place, years back) class differ only in an unindexed blank back page

    @property
    def folder(self) -> str:
        return f"{self.county}-{self.years_back:02d}-{self.copy:02d}"


def classes(n: int) -> list[tuple[str, str, str, int]]:
    """n distinct (county, city, partner, years back) classes; places and years both vary."""
    if n > len(PLACES) * MAX_YEARS_BACK:
        raise ValueError(f"at most {len(PLACES) * MAX_YEARS_BACK} classes")
    out, seen, i = [], set(), 0
    while len(out) < n:
        place, back = PLACES[i % len(PLACES)], (i % MAX_YEARS_BACK) + 1
        if (place[0], back) not in seen:
            seen.add((place[0], back))
            out.append((*place, back))
        i += 1
        if i > 10 * len(PLACES) * MAX_YEARS_BACK:  # lcm wrap-around: fill with what is left
            out += [(*pl, b) for pl in PLACES for b in range(1, MAX_YEARS_BACK + 1) if (pl[0], b) not in seen][: n - len(out)]
    return out


def variants(copies: int, n_classes: int) -> list[Variant]:
    """`copies` variants spread over `n_classes` classes (class i gets copies i, i+n, i+2n...)."""
    cls = classes(min(n_classes, copies))
    return [Variant(*cls[j % len(cls)], copy=j // len(cls)) for j in range(copies)]


def rewrite(text: str, v: Variant) -> str:
    """The text as the variant's county would have printed it `years_back` years earlier."""
    text = _YEAR.sub(lambda m: f"{int(m[1]) - v.years_back}"
                     + (f"{m[2]}{(int(m[3]) - v.years_back) % 100:02d}" if m[2] else ""), text)
    for old, new in (("Leicestershire", v.county), ("LEICESTERSHIRE", v.county.upper()),
                     ("Leicester", v.city), ("LEICESTER", v.city.upper()),
                     ("Rutland", v.partner), ("RUTLAND", v.partner.upper())):
        text = text.replace(old, new)
    return text


def back_page(v: Variant) -> str:
    """A last page that makes each copy's file its own (minutebook does not index blank pages)."""
    return f"This page is intentionally left blank\nArchive reference {v.folder}"


def extract_pages(cache_dir: Path) -> dict[str, list[str]]:
    """Each sample PDF's page texts (extracted once, kept as .txt under cache_dir)."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    out = {}
    for pdf in sorted(CORPUS.glob("*.pdf")):
        txt = cache_dir / (pdf.stem + ".txt")
        if not txt.exists() or txt.stat().st_mtime < pdf.stat().st_mtime:
            _title, pages = load_pages(pdf, pdf.name)
            txt.write_text("\f".join(p.text for p in pages))
        out[pdf.stem] = txt.read_text().split("\f")
    return out


def build(folder: Path, copies: int, pages: dict[str, list[str]], n_classes: int) -> dict:
    """Fill `folder` with the sample PDFs and `copies` rewritten copies of them; returns counts."""
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "originals").mkdir(parents=True)
    for pdf in sorted(CORPUS.glob("*.pdf")):
        shutil.copyfile(pdf, folder / "originals" / pdf.name)
    n_files = n_pages = 0
    for v in variants(copies, n_classes):
        sub = folder / "copies" / v.folder
        sub.mkdir(parents=True)
        for stem, texts in pages.items():
            body = [rewrite(t, v) for t in texts] + [back_page(v)]
            (sub / (rewrite(stem, v) + ".txt")).write_text("\f".join(body))
            n_files += 1
            n_pages += len(texts)
    return {"copies": copies, "classes": min(n_classes, copies), "files": n_files + len(pages),
            "synthetic_pages": n_pages}
