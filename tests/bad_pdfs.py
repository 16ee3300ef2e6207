"""Small hostile PDFs built byte by byte, so the suite needs no large or dangerous committed files."""
from __future__ import annotations

import zlib
from pathlib import Path

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def write_pdf(path: Path, objects: list[bytes]) -> Path:
    """A PDF of `objects` (object 1 is the catalog), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def stream(data: bytes, compress: bool = False) -> bytes:
    body = zlib.compress(data) if compress else data
    extra = b" /Filter /FlateDecode" if compress else b""
    return b"<< /Length %d%s >>\nstream\n" % (len(body), extra) + body + b"\nendstream"


def text_page_content(text: str) -> bytes:
    return b"BT /F1 12 Tf 72 720 Td (" + text.encode("latin-1") + b") Tj ET"


def text_pdf(path: Path, text: str) -> Path:
    """An ordinary one-page PDF with a line of text."""
    return write_pdf(path, [
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        stream(text_page_content(text)), FONT])


def deep_page_tree(path: Path, depth: int = 120, text: str = "Minutes of the deep meeting") -> Path:
    """One page under `depth` nested /Pages nodes (a real PDF has two or three levels)."""
    # objects: 1 catalog, 2..depth+1 Pages nodes, then the page, its content, its font
    page, content, font = depth + 2, depth + 3, depth + 4
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(depth):
        number = 2 + level
        kid = number + 1 if level < depth - 1 else page
        parent = b" /Parent %d 0 R" % (number - 1) if level else b""
        objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1%s >>" % (kid, parent))
    objects.append(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R"
                   b" /Resources << /Font << /F1 %d 0 R >> >> >>" % (depth + 1, content, font))
    objects.append(stream(text_page_content(text)))
    objects.append(FONT)
    return write_pdf(path, objects)


DRAWING = b"0 0 m 1 1 l S\n" * (2**20 // 14)  # about 1 MB of line-drawing operators


def bomb_stream(megabytes: int, piece: bytes = DRAWING) -> bytes:
    """A FlateDecode stream of about 1/500 of its size that inflates to `megabytes` copies of
    `piece`. After a full flush deflate starts afresh, so one compressed copy is repeated;
    the checksum is computed over the whole, so the stream is valid to its end."""
    squeeze = zlib.compressobj(9)
    head = squeeze.compress(piece) + squeeze.flush(zlib.Z_FULL_FLUSH)
    again = squeeze.compress(piece) + squeeze.flush(zlib.Z_FULL_FLUSH)
    end = squeeze.flush()[:-4]  # the final empty block, without its checksum
    checksum = 1
    for _ in range(megabytes):
        checksum = zlib.adler32(piece, checksum)
    body = head + again * (megabytes - 1) + end + checksum.to_bytes(4, "big")
    return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream"


def bomb_page(path: Path, megabytes: int, text: str = "Agenda of the bomb meeting") -> Path:
    """Page 1 is ordinary text; page 2's content stream inflates to `megabytes` MB."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /Font << /F1 7 0 R >> >> >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 6 0 R /Resources << /Font << /F1 7 0 R >> >> >>",
        stream(text_page_content(text)),
        bomb_stream(megabytes),
        FONT,
    ]
    return write_pdf(path, objects)
