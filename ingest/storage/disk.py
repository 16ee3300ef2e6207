"""The disk edge of writing an index: consistent copies, durable files, and failures to write
told in one line that says the index is unchanged."""
from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from minutebook.ingest.errors import WriteFailed

_NO_ROOM = (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)


@contextmanager
def writing(index: Path):
    """Failures to write a generation become one line that says what happened and that the index
    is unchanged (the writer has already removed its half-built generation)."""
    try:
        yield
    except OSError as e:
        if e.errno in _NO_ROOM:
            raise WriteFailed(_no_room(index, e.strerror)) from None
        raise WriteFailed(f"cannot write to {index}/ ({e.strerror or e}); the index is unchanged") from None
    except sqlite3.Error as e:
        if "full" in str(e) or _disk_low(index):
            raise WriteFailed(_no_room(index, str(e))) from None
        raise WriteFailed(f"cannot write the new index generation in {index}/ ({e}); the index is unchanged") from None
    except RuntimeError as e:
        if "faiss" in str(e).lower() or "write" in str(e).lower():  # FAISS reports failed writes this way
            reason = _no_room(index, "the vector file could not be written") if _disk_low(index) else \
                f"cannot write the new index generation in {index}/ ({str(e).strip().splitlines()[-1][:160]}); " \
                "the index is unchanged"
            raise WriteFailed(reason) from None
        raise


def _no_room(index: Path, why: str) -> str:
    return f"no room to write the index in {index}/ ({why}); the index is unchanged: free some space and ingest again"


def _disk_low(index: Path) -> bool:
    try:
        return shutil.disk_usage(index).free < 64 * 2**20
    except OSError:
        return False


def copy_db(src: Path, dst: Path) -> None:
    """A consistent copy through SQLite's backup API, safe while readers have it open."""
    source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    target = sqlite3.connect(str(dst))
    try:
        with target:
            source.backup(target)
    finally:  # also when the disk fills mid-copy: the half-built generation is then removed
        source.close()
        target.close()


def fsync_tree(folder: Path) -> None:
    for f in folder.iterdir():
        if f.is_dir():
            fsync_tree(f)
            continue
        with open(f, "rb") as fh:
            os.fsync(fh.fileno())
    fsync_dir(folder)


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
