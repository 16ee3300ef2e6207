"""A LangChain retriever over minutebook's hybrid search, so it plugs into any LangChain chain."""
from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document as LCDocument
from langchain_core.retrievers import BaseRetriever

from minutebook.ingest.filters import Filters

from minutebook.assistant.service import Minutebook


class MinutebookRetriever(BaseRetriever):
    """Returns LangChain Documents whose metadata carries source, page, board and meeting date."""

    book: Any  # a Minutebook; typed loosely so pydantic does not try to validate it
    k: int = 5
    filters: Filters | None = None

    model_config = {"arbitrary_types_allowed": True}

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[LCDocument]:
        hits = self.book.search(query, k=self.k, filters=self.filters)
        return [LCDocument(page_content=h.chunk.text, metadata={k: v for k, v in h.to_json().items() if k != "text"})
                for h in hits]


def as_retriever(book: Minutebook, k: int = 5, filters: Filters | None = None) -> MinutebookRetriever:
    """`as_retriever(Minutebook(Settings.from_env()))`: the index as a LangChain retriever."""
    return MinutebookRetriever(book=book, k=k, filters=filters)
