"""Which files an ingest is given, and what each one is to the index: new, changed or unchanged.

`discover` walks the folders (the only disk access here besides `stat`); `plan` is pure: it
compares the files found with the files the index already knows, by path first and then by
name, and gives a file whose name is already held by a different paper a longer name.
"""
from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from minutebook.ingest.errors import is_utf8, readable
from minutebook.ingest.pdf.pages import SUPPORTED
from minutebook.ingest.types import SkippedFile

HIDDEN = "hidden (its name starts with '.'), not read"
# Board papers are PDFs. A folder's .txt and .md files are more often notes about the papers (a
# SOURCES.md, a README, gold answers) than papers: they are read only when asked for
# (`--include '*.md'`) or when the folder holds no PDF at all (a folder of plain-text papers).
NOTES = (".txt", ".md")
NOTE_SKIPPED = ("a note beside the PDFs, not read as a paper (.txt and .md files are read when a folder holds "
                "nothing else, or with --include '*{suffix}')")


@dataclass
class Found:
    """Files to consider, as (path, relative name), and what was passed over with the reason."""
    files: list[tuple[Path, str]] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    unreadable: list[Path] = field(default_factory=list)  # folders that could not be listed (resolved)


def discover(paths: list[Path], include: tuple[str, ...] = ()) -> Found:
    """Walk the given files and folders. The same file given twice (`ingest dir/a.pdf dir`) is
    taken once, under the name it was first given by. A file named on its own is read whatever
    its type; in a folder, .txt and .md files only as NOTES says, or when a pattern of `include`
    (shell wildcards, matched against the name and the path within the folder) names them."""
    found = Found()
    seen: set[Path] = set()
    for root in map(Path, paths):
        if not root.exists():
            found.skipped.append(SkippedFile(str(root), "no such file or folder"))
        elif root.is_file():
            _add(found, seen, root, root.name)
        else:
            before = len(found.files)
            notes = Found()
            _walk(found, seen, root, notes)
            papers = len(found.files) > before
            for path, source in notes.files:
                if not papers or wanted(source, include):
                    _add(found, seen, path, source)
                else:
                    found.skipped.append(SkippedFile(source, NOTE_SKIPPED.format(suffix=path.suffix.lower())))
            if len(found.files) == before:  # a mistyped or empty folder must not look like a quiet success
                found.skipped.append(SkippedFile(str(root), f"no papers found in {root} (minutebook reads .pdf, .txt, .md)"))
    # A name that is not UTF-8 is listed as a readable name, never as bytes that stop the output.
    found.skipped = [SkippedFile(readable(s.source), readable(s.reason)) for s in found.skipped]
    return found


def wanted(source: str, include: tuple[str, ...]) -> bool:
    """The file at `source` (its path within the folder) matches a pattern of `include`."""
    name = source.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(name.lower(), p.lower()) or fnmatch.fnmatch(source.lower(), p.lower())
               for p in include)


def _walk(found: Found, seen: set[Path], root: Path, notes: Found) -> None:
    visited: set[Path] = set()

    def refused(error: OSError) -> None:
        folder = Path(error.filename or root)
        found.unreadable.append(folder.resolve())
        found.skipped.append(SkippedFile(_relative(folder, root) + "/",
                                         f"folder cannot be read ({error.strerror}); its papers were left as they are"))

    for folder, dirs, names in os.walk(root, onerror=refused, followlinks=True):
        here = Path(folder)
        real = here.resolve()
        if real in visited:  # a link back up the tree
            dirs[:] = []
            continue
        visited.add(real)
        for name in sorted(d for d in dirs if d.startswith(".")):
            found.skipped.append(SkippedFile(_relative(here / name, root) + "/", f"folder {HIDDEN}"))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            path = here / name
            source = _relative(path, root)
            if name.startswith("."):
                found.skipped.append(SkippedFile(source, f"file {HIDDEN}"))
            elif path.suffix.lower() not in SUPPORTED:
                found.skipped.append(SkippedFile(source, f"unsupported file type '{path.suffix or 'none'}'"
                                                         " (minutebook reads .pdf, .txt, .md)"))
            elif path.suffix.lower() in NOTES and path.is_file():
                notes.files.append((path, source))  # decided once the folder's papers are known
            elif path.is_file():
                _add(found, seen, path, source)


def _add(found: Found, seen: set[Path], path: Path, source: str) -> None:
    real = path.resolve()
    if not is_utf8(str(real)):  # the index keeps names as text: this one would be stored as bytes it cannot show
        shown = source.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")  # Comit\xe9
        found.skipped.append(SkippedFile(shown, f"its name is not UTF-8 text (saved on an older system?); rename it, "
                                                 f"e.g. to '{readable(path.name)}', and ingest it again"))
        return
    if real not in seen:
        seen.add(real)
        found.files.append((path, source))


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


@dataclass
class Plan:
    unchanged: list[str] = field(default_factory=list)
    todo: list[tuple[Path, str, str]] = field(default_factory=list)  # (path, source, file hash)
    paths: dict[str, Path] = field(default_factory=dict)  # source -> the file given for it


def plan(files: list[tuple[Path, str, str]], known: dict[str, tuple[str, str | None]]) -> Plan:
    """What to do with each (path, relative name, hash) given what the index holds
    (source -> (document id, resolved path)).

    A file is the one the index knows at its path: unchanged if the bytes are the same, else a
    new version that replaces the old. A file at a new path whose name the index holds with the
    same bytes is that paper (a folder moved or copied). A file at a new path whose name the
    index holds with other bytes is a different paper, named with its folder (`b/minutes.pdf`),
    so nothing already in the index is replaced by it."""
    by_path: dict[str, str] = {}
    for source, (_, where) in sorted(known.items()):
        if where:
            by_path.setdefault(where, source)
    out, taken = Plan(), set(known)
    for path, rel, digest in files:
        here = str(path.resolve())
        source = rel if known.get(rel, (None, None))[1] == here else by_path.get(here)
        if source is None and known.get(rel, (None,))[0] == digest:
            source = rel
        if source is not None and known[source][0] == digest:
            out.unchanged.append(source)
        else:
            if source is None:
                source = free_source(rel, Path(os.path.abspath(path)), taken)  # the name given, not a link's target
                taken.add(source)
            out.todo.append((path, source, digest))
        out.paths[source] = path
    return out


def free_source(rel: str, path: Path, taken: set[str]) -> str:
    """`rel`, else `rel` with as many of its folders as make it unique, else `rel (n)`."""
    parts = path.parts
    depth = len(PurePosixPath(rel).parts)
    for extra in range(0, len(parts) - depth):
        candidate = "/".join(parts[len(parts) - depth - extra:]).lstrip("/")
        if candidate not in taken:
            return candidate
    stem, suffix = os.path.splitext(rel)
    n = 2
    while f"{stem} ({n}){suffix}" in taken:
        n += 1
    return f"{stem} ({n}){suffix}"
