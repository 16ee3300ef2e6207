"""Which text of a PDF page to index: pypdf's, PDFium's, or neither (the page needs OCR).

pypdf is the default reader: every reader of layout downstream (minutes, action logs, sections)
was built on the way it lays out lines. On some PDFs it loses the spaces between words
("StaffrecommendsCityCouncil"), on others it puts stray spaces inside them ("Contra ct", "Nan cy")
or reads a table one cell per line, and on others both libraries return a font's glyph codes
instead of letters. The faults show in the text itself, so the choice is made per page from
signals measured on each library's text: the share of letters in run-on "words" too long to be
words, the share of characters that are control codes, private-use glyphs or replacement marks,
the share of words split by a stray space (checked against the words the paper prints whole:
ingest/pdf/words.py), and the share of lines holding one word. Where no library's text reads,
stray spaces are taken out of the better one. The pure functions here decide; `pdfium_pages` is
the one that reads the file.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from minutebook.ingest.pdf.words import join_split_words, one_word_lines, split_share, vocabulary

# English words run to about 20 letters ("telecommunications" is 18); a longer run of letters
# is words whose spaces were lost. Addresses are long by nature and are not counted.
_RUN_ON = re.compile(r"[^\W\d_]{21,}")
_NOT_PRINTABLE_ASCII = re.compile(r"[^\x21-\x7e]")
_ADDRESS = re.compile(r"\S*(?:https?:|www\.|@|\.com|\.gov|\.org|\.uk|/)\S*", re.I)
# Above these shares a page's text is not words as printed. Measured on 1,673 pages of real papers
# (../shared/corpus/real and corpus/): no page of either library reaches 0.05 of either signal.
RUN_ON_LIMIT = 0.15
JUNK_LIMIT = 0.25
# Split words: on 1,952 pages of real papers (../shared/corpus/real with more/, and corpus/) pypdf's
# share passes 0.01 on 41 pages (up to 0.035; 38 of them US minutes in more/) and PDFium's is under
# half of it on every one; on the pages where PDFium reads no better, pypdf's stays under 0.01.
SPLIT_LIMIT = 0.01
# One word per line: a table read cell by cell. Both libraries read some tables so (about 0.7 of a
# budget table's lines); PDFium's text replaces pypdf's only where it has under half as many.
LINE_LIMIT = 0.6
MIN_CHARS = 20  # fewer non-space characters than this: the page has no text layer to speak of


@dataclass(frozen=True)
class TextSignal:
    chars: int  # non-space characters
    run_on: float  # share of letters that sit in runs too long to be words
    junk: float  # share of characters that are control codes, private-use glyphs or replacement marks
    split: float = 0.0  # share of words that are pieces of a word split by a stray space
    one_per_line: float = 0.0  # share of lines that hold one word

    @property
    def readable(self) -> bool:
        return (self.chars >= MIN_CHARS and self.run_on <= RUN_ON_LIMIT and self.junk <= JUNK_LIMIT
                and self.split <= SPLIT_LIMIT)

    @property
    def faults(self) -> float:
        return self.run_on + self.junk + self.split


def signal(text: str, vocab: Counter | None = None) -> TextSignal:
    """How much of `text` reads as words; split words are looked for against `vocab`, the words
    the whole paper prints (words.vocabulary), when it is given."""
    # Counted with C-level loops (map, re): this runs on every page of every paper.
    chars = len(text) - sum(map(str.isspace, text))
    if not chars:
        return TextSignal(0, 0.0, 0.0)
    # Printable ASCII is never junk: only the rest is looked up.
    junk = sum(1 for c in _NOT_PRINTABLE_ASCII.findall(text) if not c.isspace() and _is_junk(c))
    plain = _ADDRESS.sub(" ", text)
    letters = sum(map(str.isalpha, plain)) or 1
    run_on = sum(len(m.group(0)) for m in _RUN_ON.finditer(plain))
    split = split_share(text, vocab) if vocab else 0.0
    return TextSignal(chars, run_on / letters, junk / chars, split, one_word_lines(text))


def _is_junk(c: str) -> bool:
    return unicodedata.category(c) in ("Cc", "Co", "Cn", "Cs") or c in "\ufffd\ufffe\uffff"


@dataclass(frozen=True)
class Choice:
    text: str
    extractor: str  # "pypdf" or "pdfium" ("+joined": stray spaces taken out); "" when neither gives words (OCR)
    reason: str = ""  # why a page needs OCR: "no text layer" or "unreadable text layer"
    # The chosen text rejoins words the first library's layer ran together or split: a citation of
    # the page says so. Not a table read by rows, nor glyph codes read as letters: those words were whole.
    repaired: bool = False


def choose(pypdf_text: str, pdfium_text: str | None, has_marks: bool = True, vocab: Counter | None = None) -> Choice:
    """The text of one page as printed, from the two libraries' texts of it (`vocab`: the words the
    paper prints, for split words).

    pypdf's text is kept whenever it reads as words; PDFium's replaces it when pypdf lost the
    word spaces, split words or returned glyph codes and PDFium did not, or read a table one cell
    per line and PDFium read it by rows. When neither reads, the page needs OCR: a page with no
    text at all only if something is drawn on it (a scan's image, or text drawn as outlines); a
    blank page is just blank. When both split words, the stray spaces are taken out.
    """
    a = signal(pypdf_text, vocab)
    b = signal(pdfium_text or "", vocab) if not a.readable or a.one_per_line > LINE_LIMIT else None
    if a.readable and not (b and b.readable and b.one_per_line < a.one_per_line / 2):
        return Choice(pypdf_text, "pypdf")
    if b.readable:
        return Choice(pdfium_text or "", "pdfium", repaired=a.run_on > RUN_ON_LIMIT or a.split > SPLIT_LIMIT)
    if max(a.chars, b.chars) < MIN_CHARS:
        return Choice(pypdf_text, "pypdf", "no text layer" if has_marks else "")
    if a.junk > JUNK_LIMIT and b.junk > JUNK_LIMIT:
        return Choice(pypdf_text, "pypdf", "unreadable text layer")
    # Both read a little wrong (run-on or split words in both): the one with fewer faults, with
    # the stray spaces inside its words taken out where it splits them.
    text, extractor, fault = (pdfium_text or "", "pdfium", b) if b.faults < a.faults else (pypdf_text, "pypdf", a)
    if vocab and fault.split > SPLIT_LIMIT:
        return Choice(join_split_words(text, vocab), extractor + "+joined", repaired=True)
    return Choice(text, extractor)


def normalise_pdfium(text: str) -> str:
    """PDFium's text in pypdf's conventions: \\n line ends, a hyphen where it joined a hyphenated line."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufffe", "-").replace("\x02", "-")


# PDFium's page object types for an image (3), a path (2) and a shading (4).
_MARKS = (2, 3, 4)


@dataclass(frozen=True)
class PdfiumPage:
    text: str
    has_marks: bool  # something other than text is drawn on it: an image, a path, a shading


def pdfium_pages(path: Path) -> list[PdfiumPage] | None:
    """PDFium's text of every page and whether anything is drawn on it; None when PDFium cannot open it."""
    read = pdfium_read(path)
    return None if read is None else [read[1][n] for n in range(1, read[0] + 1)]


def pdfium_read(path: Path, numbers: list[int] | None = None) -> tuple[int, dict[int, PdfiumPage]] | None:
    """(page count, {page number: PdfiumPage}) for the given pages (1-based; every page when None);
    None when PDFium cannot open the file."""
    import pypdfium2 as pdfium

    from minutebook.ingest.pdf.pdfium_lock import LOCK

    with LOCK:
        try:
            pdf = pdfium.PdfDocument(str(path))
        except (pdfium.PdfiumError, OSError):
            return None
        out = {}
        try:
            count = len(pdf)
            for number in range(1, count + 1) if numbers is None else [n for n in numbers if 1 <= n <= count]:
                page = pdf[number - 1]
                try:
                    textpage = page.get_textpage()
                    text = normalise_pdfium(textpage.get_text_range())
                    textpage.close()
                    marks = next(page.get_objects(filter=_MARKS, max_depth=5), None)
                    out[number] = PdfiumPage(text, marks is not None)
                except pdfium.PdfiumError:
                    out[number] = PdfiumPage("", True)
                finally:
                    page.close()
        finally:
            pdf.close()
    return count, out


def choose_pages(path: Path, pypdf_texts: list[str]) -> list[Choice]:
    """Per page, the text as printed (see `choose`); pypdf's text everywhere if PDFium cannot read the file.

    PDFium is asked only about the pages whose pypdf text does not read as words: `choose` keeps
    pypdf's text wherever it does, and reading every page twice was a tenth of an ingest."""
    vocab = vocabulary(pypdf_texts)
    signals = [signal(t, vocab) for t in pypdf_texts]
    plain = [Choice(t, "pypdf", "" if s.chars >= MIN_CHARS else "no text layer") for t, s in zip(pypdf_texts, signals)]
    doubtful = [n for n, s in enumerate(signals, start=1) if not s.readable or s.one_per_line > LINE_LIMIT]
    if not doubtful:
        return plain  # what the fallback and `choose` both give when every page reads
    read = pdfium_read(path, doubtful)
    if read is None or read[0] != len(pypdf_texts):
        return plain
    return [choose(a, read[1][n].text, read[1][n].has_marks, vocab) if n in read[1] else plain[n - 1]
            for n, a in enumerate(pypdf_texts, start=1)]
